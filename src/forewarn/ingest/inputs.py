"""Texts for `forewarn analyze`: a file, stdin, or JSON Lines of {id, text, published}."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from forewarn.config import Settings
from forewarn.errors import IngestError
from forewarn.model import TextInput


def _parse_published(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise IngestError(f"'published' is not YYYY-MM-DD: {value!r}", where=where) from exc


def iter_jsonl(
    lines: Iterator[str], where: str, default_published: date | None = None
) -> Iterator[TextInput]:
    """Stream TextInputs from JSON Lines; a per-line `published` wins over the default."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"not a JSON object: {exc.msg}", where=here) from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise IngestError("each line needs a string 'text'", where=here)
        published = _parse_published(record.get("published"), here) or default_published
        text = record["text"]
        doc_id = str(record.get("id") or hashlib.sha256(text.encode()).hexdigest()[:16])
        yield TextInput(doc_id, text, published)


def _text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_inputs(
    source: str, published: date | None = None, raw: bool = False, settings: Settings | None = None
) -> tuple[Iterator[TextInput], bool]:
    """The texts named by `source`, and whether there may be many (JSON Lines output)."""
    if source == "-":
        text = sys.stdin.read()
        return iter([TextInput(_text_id(text), text, published)]), False
    path = Path(source)
    if not path.is_file():
        raise IngestError("no such file", where=source)
    if path.suffix == ".jsonl":
        handle = path.open(encoding="utf-8", errors="replace")
        return iter_jsonl(iter(handle), source, published), True
    if raw:
        text = path.read_bytes().decode("utf-8", errors="replace")
        return iter([TextInput(_text_id(text), text, published)]), False
    from forewarn.ingest.files import read_document

    document = read_document(path, settings)
    day = published or document.published.value
    return iter([TextInput(document.id, document.text, day)]), False
