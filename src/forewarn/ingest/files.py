"""Documents from files and folders: text, Markdown, HTML, JSON / JSON Lines, gzip of any.

Reading is bounded: a file larger than `settings.max_bytes` (after
decompression, so a gzip bomb stops early) is refused without being read whole.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO, Any, cast

from forewarn.config import Settings
from forewarn.errors import EmptyInput, IngestError, TooLarge
from forewarn.ingest.dates import infer_published
from forewarn.ingest.documents import make_document
from forewarn.ingest.encoding import decode, html_charset
from forewarn.ingest.extract import Extracted, compose, extract_html, extract_text, guess_language, normalise
from forewarn.model import Document, PublishedDate

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
ACCEPTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|attribution|changelog)(\.|$)", re.IGNORECASE)
_CHUNK = 1 << 16
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\D|$)")


def _base_suffix(path: Path) -> str:
    """The suffix that says what the content is: `a.html.gz` -> `.html`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _open(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if path.suffix.lower() == ".gz" else path.open("rb")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (decompressed when .gz), refusing more than `max_bytes` while streaming."""
    where = str(path)
    parts: list[bytes] = []
    total = 0
    try:
        size = path.stat().st_size
        if path.suffix.lower() != ".gz" and size > max_bytes:
            raise TooLarge(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", where=where)
        with _open(path) as handle:
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise TooLarge(f"decompressed content exceeds the {max_bytes:,}-byte limit", where=where)
                parts.append(chunk)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise IngestError(f"cannot read the file: {exc}", where=where) from exc
    raw = b"".join(parts)
    if not raw.strip():
        raise EmptyInput("file is empty", where=where)
    return raw


def _given_date(path: Path) -> PublishedDate | None:
    """A page named YYYY-MM-DD.html was published that day."""
    match = _DATED_NAME.match(path.name)
    if not match:
        return None
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return PublishedDate.exact(day, "given", f"file name {path.name}")


def _sniff_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def extract_bytes(
    raw: bytes,
    where: str,
    html: bool,
    url: str = "",
    published: PublishedDate | None = None,
    charset: str | None = None,
) -> Extracted:
    """Decode and extract one page or scrape; a given `published` date wins over any found.

    `charset` is what the transport declared (an HTTP header); a page's own
    `<meta charset>` is used when there is none.
    """
    if html:
        text = decode(raw, where, charset or html_charset(raw))
        return extract_html(text, url=url, published=published)
    extracted = extract_text(decode(raw, where, charset))
    return replace(extracted, published=published) if published else extracted


def read_document(path: Path, settings: Settings | None = None) -> Document:
    """One .txt / .md / .html / .htm file (or its .gz) as a Document."""
    settings = settings or Settings()
    where = str(path)
    if not path.is_file():
        raise IngestError("no such file", where=where)
    suffix = _base_suffix(path)
    if suffix in RECORD_SUFFIXES:
        raise IngestError("a JSON or JSON Lines file holds records, not one document", where=where)
    raw = read_bytes(path, settings.max_bytes)
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_html(raw))
    try:
        extracted = extract_bytes(raw, where, is_html, published=_given_date(path))
    except IngestError as exc:
        exc.where = exc.where or where
        raise
    return make_document(extracted, where)


# -- folders and record files ----------------------------------------------------------


def iter_paths(folder: Path) -> Iterator[Path]:
    """Accepted files under `folder`, recursively, sorted.

    Hidden files and folders are skipped, and so are a folder's README and licence files.
    """
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith(".") or _NOT_ARTICLES.match(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from iter_paths(path)
        elif entry.is_file() and _base_suffix(path) in ACCEPTED_SUFFIXES:
            yield path


def iter_file_documents(path: Path, settings: Settings | None = None) -> Iterator[Document | IngestError]:
    """Documents from a file, a record file or a folder.

    Errors are yielded, not raised, so one bad file or record never stops the rest.
    """
    settings = settings or Settings()
    paths = iter_paths(path) if path.is_dir() else iter([path])
    for one in paths:
        if _base_suffix(one) in RECORD_SUFFIXES:
            yield from iter_records(one, settings)
            continue
        try:
            yield read_document(one, settings)
        except IngestError as exc:
            yield exc
        except Exception as exc:  # a parser bug on one odd file must not end the rest of the folder
            yield IngestError(f"unexpected {type(exc).__name__}: {exc}", where=str(one))


def iter_records(path: Path, settings: Settings) -> Iterator[Document | IngestError]:
    """Documents from JSON Lines, or a .json holding an array, one object or one object per line."""
    try:
        with _open(path) as handle:
            head = handle.read(64).lstrip()
    except OSError as exc:
        yield IngestError(f"cannot read the file: {exc}", where=str(path))
        return
    if head.startswith(b"["):
        yield from _iter_array(path, settings)
        return
    with _open(path) as handle:
        number = 0
        while line := handle.readline(settings.max_bytes + 1):
            number += 1
            where = f"{path}:{number}"
            if len(line) > settings.max_bytes:
                yield TooLarge(f"record over the {settings.max_bytes:,}-byte limit", where=where)
                _skip_rest_of_line(handle)
            elif line.strip():
                yield _record_or_error(line, where, str(path))


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while (chunk := handle.readline(_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _iter_array(path: Path, settings: Settings) -> Iterator[Document | IngestError]:
    try:
        raw = read_bytes(path, settings.max_bytes)
    except IngestError as exc:
        yield exc
        return
    yield from records_from_bytes(raw, str(path), settings)


def records_from_bytes(raw: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """Documents from a JSON array, one JSON object, or JSON Lines held in memory (a fetched body)."""
    if not raw.lstrip().startswith(b"["):
        for number, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                yield _record_or_error(line, f"{source}:{number}", source)
        return
    try:
        items = json.loads(decode(raw, source))
    except IngestError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield IngestError(f"not valid JSON: {exc.msg} (line {exc.lineno})", where=source)
        return
    for number, item in enumerate(items, start=1):
        yield _record_document(item, f"{source}[{number}]", source)


def _record_or_error(line: bytes, where: str, source: str) -> Document | IngestError:
    try:
        record = json.loads(decode(line, where))
    except IngestError as exc:
        return exc
    except json.JSONDecodeError as exc:
        return IngestError(f"not a JSON object: {exc.msg}", where=where)
    return _record_document(record, where, source)


def _record_document(record: Any, where: str, source: str) -> Document | IngestError:
    """One {"id", "text", "published", "title", "url"} record; `published` is a given date."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return IngestError("each record needs a string 'text'", where=where)
    body = normalise(record["text"])
    if not body:
        return EmptyInput("record has no text", where=where)
    title = normalise(str(record.get("title") or ""))
    published = _record_date(record.get("published"))
    if published is None and record.get("published"):
        return IngestError(f"'published' is not YYYY-MM-DD: {record['published']!r}", where=where)
    extracted = Extracted(
        text=compose(title, body),
        title=title,
        author=str(record.get("author") or ""),
        url=str(record.get("url") or ""),
        language=str(record.get("language") or "") or guess_language(body),
        published=published or infer_published(body),
    )
    record_id = record.get("id")
    return make_document(extracted, f"{source}#{record_id}" if record_id else source)


def _record_date(value: Any) -> PublishedDate | None:
    if not value:
        return None
    try:
        return PublishedDate.exact(date.fromisoformat(str(value)[:10]), "given", "record field 'published'")
    except ValueError:
        return None
