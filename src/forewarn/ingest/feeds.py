"""RSS and Atom feeds: parse with feedparser, then fetch and ingest each entry's page."""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import feedparser
import httpx

from forewarn.config import Settings
from forewarn.errors import FeedError, IngestError
from forewarn.ingest.documents import make_document
from forewarn.ingest.extract import compose, extract_html
from forewarn.ingest.web import Page, fetch
from forewarn.model import Document, PublishedDate

if TYPE_CHECKING:
    from forewarn.ingest.collect import Fetched, Problem

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml", "text/plain", ""})
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_ENTRY_START = re.compile(rb"<(?:item|entry)[\s>/]")
_ENTRY_END = re.compile(rb"</(?:item|entry)\s*>")
_CLOSERS = ((b"<rss", b"</channel></rss>"), (b"<rdf:RDF", b"</rdf:RDF>"), (b"<feed", b"</feed>"))


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str
    published: date | None
    content_html: str  # the entry's own content or summary, used when it has no link


@dataclass(frozen=True)
class Feed:
    title: str
    entries: tuple[FeedEntry, ...]  # at most the cap
    total: int  # entries the feed holds


def looks_like_feed(media_type: str, body: bytes) -> bool:
    """By content type, or by the root element of an XML body."""
    if media_type in FEED_TYPES:
        return True
    if media_type not in XML_TYPES:
        return False
    head = body[:2048].lower()
    return any(root in head for root in _FEED_ROOTS)


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _entry_link(entry: Any, feed_url: str) -> str:
    """The entry's link made absolute against the feed's own URL."""
    link = str(entry.get("link") or "").strip()
    return urljoin(feed_url, link) if link else ""


def _entry_content(entry: Any) -> str:
    content = entry.get("content") or []
    if content and content[0].get("value"):
        return str(content[0]["value"])
    return str(entry.get("summary") or "")


def _first_entries(body: bytes, max_entries: int) -> tuple[bytes, int]:
    """The feed cut after its `max_entries`-th entry (closed again), and how many it holds.

    feedparser needs about a millisecond per entry; a 10,000-entry feed is cut
    before parsing rather than parsed whole and mostly thrown away.
    """
    total = len(_ENTRY_START.findall(body))
    if total <= max_entries:
        return body, total
    ends = _ENTRY_END.finditer(body)
    end = next((m.end() for i, m in enumerate(ends, start=1) if i == max_entries), None)
    closer = next((c for root, c in _CLOSERS if root in body[:4096]), None)
    if end is None or closer is None:
        return body, total
    return body[:end] + closer, total


def parse_feed(body: bytes, where: str, max_entries: int) -> Feed:
    """The first `max_entries` entries; malformed XML is a FeedError, not a guess."""
    body, total = _first_entries(body, max_entries)
    parsed = feedparser.parse(body)  # bytes, never a URL: feedparser must not fetch anything itself
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(error, xml.sax.SAXException):
        raise FeedError(f"malformed feed XML: {error}", where=where)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS or Atom feed", where=where)
    entries = tuple(
        FeedEntry(_entry_link(e, where), str(e.get("title") or ""), _entry_date(e), _entry_content(e))
        for e in parsed.entries[:max_entries]
    )
    return Feed(str(parsed.feed.get("title") or ""), entries, max(total, len(parsed.entries)))


def iter_feed(page: Page, settings: Settings, client: httpx.Client) -> Iterator[Fetched | Problem]:
    """Each entry's page fetched and made a Document; one bad entry never stops the feed."""
    from forewarn.ingest.collect import Fetched, Problem

    where = page.final_url
    try:
        feed = parse_feed(page.body, where, settings.max_feed_entries)
    except FeedError as exc:
        yield Problem(where, exc)
        return
    if feed.total > len(feed.entries):
        note = f"the feed holds {feed.total:,} entries; only the first {len(feed.entries):,} are fetched (max_feed_entries)"
        yield Problem(where, FeedError(note, where=where), note=True)
    for number, entry in enumerate(feed.entries, start=1):
        entry_where = entry.link or f"{where}#entry-{number}"
        try:
            document, raw = _entry_document(entry, where, settings, client)
        except IngestError as exc:
            exc.where = exc.where or entry_where
            yield Problem(entry_where, exc)
            continue
        except Exception as exc:  # a parser bug on one odd page must not end the rest of the feed
            yield Problem(
                entry_where, IngestError(f"unexpected {type(exc).__name__}: {exc}", where=entry_where)
            )
            continue
        yield Fetched(document, raw, entry_where)


def _entry_document(
    entry: FeedEntry, feed_url: str, settings: Settings, client: httpx.Client
) -> tuple[Document, bytes | None]:
    """The entry's page (or its inline content when it has no link), dated by the feed if need be."""
    from forewarn.ingest.collect import page_extracted

    if entry.link:
        page = fetch(entry.link, settings, client)
        extracted = page_extracted(page)
        raw: bytes | None = page.body
    else:
        if not entry.content_html.strip():
            raise IngestError("feed entry has neither a link nor content")
        extracted = extract_html(entry.content_html, url=feed_url)
        raw = None
    if entry.published and extracted.published.method not in {"metadata", "given"}:
        dated = PublishedDate.exact(entry.published, "metadata", "feed entry date")
        extracted = replace(extracted, published=dated)
    if entry.title and not extracted.title:
        extracted = replace(extracted, title=entry.title, text=compose(entry.title, extracted.text))
    if entry.link and not extracted.url:
        extracted = replace(extracted, url=entry.link)
    fetched_at = datetime.now(UTC) if raw is not None else None
    return make_document(extracted, feed_url, fetched_at=fetched_at), raw
