"""Page metadata from the HTML head: title, author, date, canonical URL, language.

Read with a few regexes over the head instead of trafilatura's metadata pass,
which costs about half as much again as the main-text extraction itself.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

_HEAD_LIMIT = 200_000  # characters searched for the head; metadata lives at the top
_META = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_CANONICAL = re.compile(r"<link\s[^>]*rel\s*=\s*[\"']?canonical[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')
_TAGS = re.compile(r"<[^>]+>")

DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "pubdate", "publish-date", "publishdate", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "article.published", "published_time",
)  # fmt: skip
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "byl", "sailthru.author")
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")


@dataclass(frozen=True)
class HeadMeta:
    title: str = ""
    author: str = ""
    date: str = ""  # as written; dates.parse_date_string reads it
    date_key: str = ""  # which tag held it
    url: str = ""
    language: str = ""
    sitename: str = ""


def _clean(value: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", value)).split())


def _meta_tags(head: str) -> dict[str, str]:
    """name/property/itemprop -> content, first one wins."""
    found: dict[str, str] = {}
    for tag in _META.finditer(head):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
            for m in _ATTR.finditer(tag.group())
        }
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content", "")
        if key and content.strip() and key not in found:
            found[key] = _clean(content)
    return found


def _strip_site(title: str, sitename: str) -> str:
    """'Story | Site' -> 'Story' when the suffix is the site's name."""
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        if sep in title:
            first, _, rest = title.rpartition(sep)
            if not sitename or rest.strip().lower() == sitename.lower() or len(rest.split()) <= 4:
                return first.strip()
    return title


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> tuple[str, str]:
    for key in keys:
        if tags.get(key):
            return tags[key], key
    return "", ""


def _page_url(head: str, tags: dict[str, str], base: str) -> str:
    """The canonical URL (made absolute); og:url only when it names more than a site root."""
    og = tags.get("og:url", "")
    link = _CANONICAL.search(head)
    href = re.search(r"href\s*=\s*[\"']?([^\"'\s>]+)", link.group(), re.IGNORECASE) if link else None
    if href:
        canonical = urljoin(base or og, html_lib.unescape(href.group(1)))
        if urlsplit(canonical).scheme:
            return canonical
    return og if urlsplit(og).path.strip("/") else base


def read_head(page: str, base_url: str = "") -> HeadMeta:
    """Metadata from the `<head>` of one page (JSON-LD too when it sits there)."""
    end = page.find("</head>", 0, _HEAD_LIMIT)
    head = page[: end if end >= 0 else _HEAD_LIMIT]
    tags = _meta_tags(head)
    sitename = tags.get("og:site_name", "")
    title, _ = _first(tags, TITLE_KEYS)
    if not title or title == sitename:
        found = _TITLE.search(head)
        title = _strip_site(_clean(found.group(1)), sitename) if found else ""
    title = "" if title == sitename else title
    author, _ = _first(tags, AUTHOR_KEYS)
    author = "" if author.startswith("http") else author
    date, date_key = _first(tags, DATE_KEYS)
    if not date and (ld := _LD_DATE.search(head)):
        date, date_key = ld.group(1), "JSON-LD datePublished"
    if not author and (ld_author := _LD_AUTHOR.search(head)):
        author = _clean(ld_author.group(1))
    lang = _LANG.search(head)
    return HeadMeta(
        title,
        author,
        date,
        date_key,
        _page_url(head, tags, base_url),
        lang.group(1).lower() if lang else "",
        sitename,
    )
