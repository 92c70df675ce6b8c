"""One stream over every kind of source: files, folders, record files, URLs and feeds.

`collect` yields one Fetched per document and one Problem per input that
could not be read; it never raises for a bad input, so a batch always runs to
its end. It holds one document at a time, never a whole folder or feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from forewarn.config import Settings
from forewarn.errors import IngestError
from forewarn.ingest.documents import make_document
from forewarn.ingest.extract import Extracted
from forewarn.ingest.files import extract_bytes, iter_file_documents, records_from_bytes
from forewarn.ingest.web import Page, fetch, make_client
from forewarn.model import Document

_URL = re.compile(r"^https?://", re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_RECORD_TYPES = frozenset({"application/json", "application/x-ndjson", "application/jsonl"})


@dataclass(frozen=True)
class Fetched:
    """One document and where it came from; `raw` is the fetched body (None for local files)."""

    document: Document
    raw: bytes | None
    where: str


@dataclass(frozen=True)
class Problem:
    """An input that gave no document, or a note about one (a feed cut at its cap).

    A note (`note=True`) reports something the user should know without
    anything having failed.
    """

    where: str
    error: IngestError
    note: bool = False


def collect(
    targets: Iterable[str], settings: Settings, client: httpx.Client | None = None
) -> Iterator[Fetched | Problem]:
    """Documents from paths and http(s) URLs, in order; problems are yielded, never raised."""
    own_client = client is None
    http = client
    try:
        for target in targets:
            if _URL.match(target):
                if http is None:
                    http = make_client(settings)
                yield from _guarded(target, _from_url(target, settings, http))
            else:
                yield from _guarded(target, _from_path(target, settings))
    finally:
        if own_client and http is not None:
            http.close()


def _guarded(target: str, items: Iterator[Fetched | Problem]) -> Iterator[Fetched | Problem]:
    """Turn an unexpected crash inside one input into a Problem so the batch goes on."""
    try:
        yield from items
    except IngestError as exc:
        yield Problem(exc.where or target, exc)
    except Exception as exc:  # a parser bug on one odd input must not end the whole batch
        yield Problem(target, IngestError(f"unexpected {type(exc).__name__}: {exc}", where=target))


def _from_path(target: str, settings: Settings) -> Iterator[Fetched | Problem]:
    path = Path(target).expanduser()
    if not path.exists():
        yield Problem(target, IngestError("no such file or folder", where=target))
        return
    for item in iter_file_documents(path, settings):
        if isinstance(item, IngestError):
            yield Problem(item.where or target, item)
        else:
            yield Fetched(item, None, item.source)


def page_extracted(page: Page) -> Extracted:
    """Main text of a fetched page (HTML by type or by sniffing, else plain text)."""
    head = page.body[:1024].lstrip().lower()
    is_html = page.content_type in _HTML_TYPES or head.startswith((b"<!doctype html", b"<html"))
    return extract_bytes(page.body, page.final_url, is_html, url=page.final_url, charset=page.charset)


def _from_url(url: str, settings: Settings, client: httpx.Client) -> Iterator[Fetched | Problem]:
    from forewarn.ingest.feeds import iter_feed, looks_like_feed

    try:
        page = fetch(url, settings, client)
    except IngestError as exc:
        yield Problem(url, exc)
        return
    if looks_like_feed(page.content_type, page.body):
        yield from iter_feed(page, settings, client)
        return
    fetched_at = datetime.now(UTC)
    if page.content_type in _RECORD_TYPES:
        for item in records_from_bytes(page.body, url, settings):
            if isinstance(item, IngestError):
                yield Problem(item.where or url, item)
            else:
                yield Fetched(item, None, item.source)
        return
    try:
        extracted = page_extracted(page)
    except IngestError as exc:
        yield Problem(url, exc)
        return
    yield Fetched(make_document(extracted, url, fetched_at=fetched_at), page.body, url)
