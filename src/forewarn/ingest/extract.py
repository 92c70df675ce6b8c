"""Main text and metadata from HTML (trafilatura) or from a plain-text scrape.

The text of a document is its title, a blank line, then its body (or the body
alone when there is no title, or when the body already opens with it). The
analysis offsets index exactly this text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from forewarn.errors import ExtractionError
from forewarn.ingest import dates
from forewarn.ingest.encoding import decode, html_charset
from forewarn.ingest.htmlmeta import HeadMeta, read_head
from forewarn.knowledge.ingest_vocab import Boilerplate, load_ingest_vocab
from forewarn.model import PublishedDate

_TITLE_MAX_WORDS = 30
_HEADER_LINES = 12  # how far down the head of a scrape we look for title, date and author lines
_MIN_BODY_WORDS = 20  # body words seen before a foot marker ("Related") is believed
_MIN_TEXT_WORDS = 10  # below this, without a full stop, a "body" is leftover navigation
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>.*)$")
_BYLINE = re.compile(r"^by\s+(?P<value>[^.!?]{2,80})$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+\.\w+")
_SENTENCE_PUNCT = (".", "!", "?", ":", ";", '"', "”", "…")


@dataclass(frozen=True)
class Extracted:
    """What extraction found in one page or scrape; `text` is what gets analysed."""

    text: str
    title: str = ""
    author: str = ""
    url: str = ""
    language: str = ""
    published: PublishedDate = field(default_factory=PublishedDate)


# -- shared helpers ----------------------------------------------------------------


def normalise(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def compose(title: str, body: str) -> str:
    """Title, blank line, body; or the body alone when it already opens with the title."""
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"


def guess_language(text: str) -> str:
    """ISO 639-1 code of the language whose frequent words cover the most of the text, or ""."""
    words = re.findall(r"\w+", text[:3000].lower())
    if len(words) < 5:
        return ""
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in load_ingest_vocab().languages.items()}
    lang, best = max(scores.items(), key=lambda item: item[1])
    return lang if best >= max(3, len(words) // 20) else ""


def _words(line: str) -> int:
    return len(line.split())


def _has_main_text(body: str) -> bool:
    """At least one sentence, or a fair number of words: a lone menu item is not an article."""
    return _words(body) >= _MIN_TEXT_WORDS or bool(re.search(r"\w[.!?]", body))


def _is_title_like(line: str) -> bool:
    return 0 < _words(line) <= _TITLE_MAX_WORDS and not line.endswith((".", "!", "?", ","))


# -- HTML ----------------------------------------------------------------------------


def extract_html(html: bytes | str, url: str = "", *, published: PublishedDate | None = None) -> Extracted:
    """Main text, title, author, date, URL and language of one HTML page.

    The text comes from trafilatura, the metadata from the page head; htmldate
    looks for a date only when neither `published` nor the head gives one.
    """
    import trafilatura

    page = decode(html, url, html_charset(html)) if isinstance(html, bytes) else html
    page = re.sub(r"^\s*<\?xml[^>]*\?>", "", page)  # lxml refuses str input that declares an encoding
    try:
        doc: Any = trafilatura.bare_extraction(
            page, url=url or None, with_metadata=False, include_comments=False
        )
    except (ValueError, TypeError) as exc:
        raise ExtractionError(f"cannot parse the HTML: {exc}", where=url) from exc
    body = normalise(doc.text or "") if doc is not None else ""
    if not _has_main_text(body):
        raise ExtractionError("no main text found in the HTML", where=url)
    meta = read_head(page, url)
    title = meta.title
    if not title:
        first = body.split("\n", 1)[0]
        title = first if _is_title_like(first) else ""
    published = published or _html_date(page, meta) or dates.infer_published(body)
    language = meta.language or guess_language(body)
    return Extracted(compose(title, body), title, meta.author, meta.url or url, language, published)


def _html_date(page: str, meta: HeadMeta) -> PublishedDate | None:
    found = dates.from_metadata(meta.date, f"HTML head: {meta.date_key}")
    if found is not None:
        return found
    import htmldate

    # the quick search only: the extensive one guesses from any date in the page
    value = htmldate.find_date(page, extensive_search=False, original_date=True)
    return dates.from_metadata(value, "HTML markup (htmldate)")


# -- plain-text scrapes --------------------------------------------------------------


def _chrome(line: str, vocab: Boilerplate) -> bool:
    return any(p.search(line) for p in vocab.chrome_lines)


def _marker(line: str) -> str:
    return re.sub(r"[\s:.!»>›-]+$", "", line.strip().lower()).replace("’", "'")


def _read_header(lines: list[str], vocab: Boilerplate) -> tuple[str, str, str, int]:
    """Title, author, date string and the index where the body starts."""
    title = author = date_text = ""
    index = 0
    while index < len(lines) and index < _HEADER_LINES:
        line = lines[index].strip().lstrip("#").strip()
        label = _LABEL.match(line)
        byline = _BYLINE.match(line)
        if not line or (title and line == title):
            pass
        elif label and label.group("label").lower() in vocab.header_labels:
            kind, value = vocab.header_labels[label.group("label").lower()], label.group("value").strip()
            if kind == "date":
                date_text = date_text or value
            elif kind == "author":
                author = author or value
            elif value:
                title = title or value
        elif byline and not author:
            author = byline.group("value").strip()
        elif not title and _is_title_like(line) and index == _first_nonempty(lines):
            title = line
        else:
            break
        index += 1
    return title, author, date_text, index


def _first_nonempty(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def _cut_foot(lines: list[str], vocab: Boilerplate) -> list[str]:
    """Lines up to the first foot marker ("Related", "Week's Top Stories"), chrome dropped."""
    kept: list[str] = []
    seen_words = 0
    for line in lines:
        if seen_words >= _MIN_BODY_WORDS and _marker(line) in vocab.cut_markers:
            break
        if line.strip() and _chrome(line.strip(), vocab):
            continue
        seen_words += _words(line)
        kept.append(line)
    return kept


def _trim_author_box(lines: list[str], vocab: Boilerplate) -> list[str]:
    """Drop an author box at the tail: a name, a name glued to a URL, a bio line."""
    end = len(lines)
    in_box = False
    while end > 0:
        line = lines[end - 1].strip()
        lowered = line.lower()
        is_url_line = bool(_URL.search(line)) and _words(line) <= 6
        is_bio = any(phrase in lowered for phrase in vocab.bio_phrases) and _box_above(lines[: end - 1])
        if not line:
            pass
        elif is_url_line or is_bio:
            in_box = True
        elif not (in_box and _words(line) <= 3 and not line.endswith(_SENTENCE_PUNCT)):
            break
        end -= 1
    return lines[:end]


def _box_above(lines: list[str]) -> bool:
    """Whether the nearest non-empty line above is a name or URL line of an author box."""
    above = next((line.strip() for line in reversed(lines) if line.strip()), "")
    return bool(_URL.search(above)) or (_words(above) <= 3 and not above.endswith(_SENTENCE_PUNCT))


def extract_text(text: str) -> Extracted:
    """Main text of a plain-text scrape: site chrome, author box and page foot removed."""
    vocab = load_ingest_vocab().boilerplate
    lines = normalise(text).split("\n")
    title, author, date_text, start = _read_header(lines, vocab)
    body_lines = _trim_author_box(_cut_foot(lines[start:], vocab), vocab)
    body = normalise("\n".join(body_lines))
    if not body and title:  # a one-line text is its own body, not a headline over nothing
        title, body = "", title
    if not _has_main_text(body):
        raise ExtractionError("no main text found")
    published = dates.from_metadata(date_text, f"'Date:' line: {date_text}") or dates.infer_published(body)
    return Extracted(compose(title, body), title, author, "", guess_language(body), published)
