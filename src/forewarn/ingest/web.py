"""Fetching pages over HTTP(S): polite, bounded and with clear errors.

Every request carries the configured User-Agent, honours robots.txt (read
once per host and client), follows at most `max_redirects` redirects, accepts
only text-like content types, and stops reading at `max_bytes` after
decompression, so neither a huge page nor a gzip bomb fills memory.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser
from weakref import WeakKeyDictionary

import httpx

from forewarn.config import Settings
from forewarn.errors import FetchError, TooLarge

TEXT_TYPES = frozenset(
    {
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/xml", "application/xml",
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/json",
        "application/ld+json", "application/feed+json", "application/x-ndjson", "application/jsonl",
    }
)  # fmt: skip
NOT_TEXT = frozenset({"text/css", "text/javascript", "text/csv", "text/calendar"})
ROBOTS_MAX_BYTES = 500_000
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# robots.txt rules per client and origin: a client is one run, so rules are read once per host per run
_ROBOTS: WeakKeyDictionary[httpx.Client, dict[str, RobotFileParser]] = WeakKeyDictionary()


@dataclass(frozen=True)
class Page:
    """One fetched response body, decompressed, with where it finally came from."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower-case
    charset: str | None
    body: bytes


def make_client(settings: Settings) -> httpx.Client:
    """An httpx client with forewarn's User-Agent and timeouts; redirects are followed by `fetch`."""
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(settings.http_timeout),
        follow_redirects=False,
    )


def is_text_type(media_type: str) -> bool:
    if media_type in TEXT_TYPES:
        return True
    if media_type in NOT_TEXT:
        return False
    return media_type.startswith("text/") or media_type.endswith(("+xml", "+json"))


def fetch(url: str, settings: Settings, client: httpx.Client) -> Page:
    """GET one URL within the limits of `settings`; any failure is a FetchError (or TooLarge)."""
    if urlsplit(url).scheme.lower() not in {"http", "https"}:
        raise FetchError("only http and https URLs can be fetched", where=url)
    try:
        return _follow(url, settings, client)
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect to the host (unreachable or refused): {exc}", where=url) from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"no answer within {settings.http_timeout:g} s", where=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"HTTP failure: {type(exc).__name__}: {exc}", where=url) from exc


def _follow(url: str, settings: Settings, client: httpx.Client) -> Page:
    current, seen = url, {url}
    for _ in range(settings.max_redirects + 1):
        if settings.respect_robots:
            _check_robots(current, settings, client)
        with client.stream(
            "GET", current, headers=_headers(settings), timeout=settings.http_timeout
        ) as response:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                current = urljoin(current, location)
                if current in seen:
                    raise FetchError(f"redirect loop back to {current}", where=url)
                seen.add(current)
                continue
            return _page(url, current, response, settings)
    raise FetchError(f"more than {settings.max_redirects} redirects", where=url)


def _headers(settings: Settings) -> dict[str, str]:
    return {"User-Agent": settings.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}


def _page(url: str, final: str, response: httpx.Response, settings: Settings) -> Page:
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), where=url)
    media_type, charset = _content_type(response)
    if media_type and not is_text_type(media_type):
        raise FetchError(f"content type {media_type!r} is not a page or feed", where=url)
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > settings.max_bytes:
        raise TooLarge(
            f"page is {int(length):,} bytes, over the {settings.max_bytes:,}-byte limit", where=url
        )
    body = read_capped(response, settings.max_bytes, time.monotonic() + settings.http_timeout, url)
    return Page(url, final, response.status_code, media_type, charset, body)


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    raw = response.headers.get("content-type", "")
    media_type, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _decoder(encoding: str, where: str) -> zlib._Decompress | None:
    if encoding in {"", "identity"}:
        return None
    if encoding in {"gzip", "x-gzip"}:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(f"unsupported content encoding {encoding!r}", where=where)


def read_capped(response: httpx.Response, max_bytes: int, deadline: float, where: str) -> bytes:
    """The body, decompressed here (not by httpx) so that the cap applies while inflating."""
    decoder = _decoder(response.headers.get("content-encoding", "").strip().lower(), where)
    parts: list[bytes] = []
    total = 0
    for piece in _inflate(response.iter_raw(), decoder, max_bytes, where):
        total += len(piece)
        if total > max_bytes:
            raise TooLarge(f"content exceeds the {max_bytes:,}-byte limit (after decompression)", where=where)
        if time.monotonic() > deadline:
            raise FetchError("the response is too slow: not complete within the timeout", where=where)
        parts.append(piece)
    return b"".join(parts)


def _inflate(
    chunks: Iterator[bytes], decoder: zlib._Decompress | None, max_bytes: int, where: str
) -> Iterator[bytes]:
    """Decompressed pieces, none larger than max_bytes + 1, whatever the compression ratio."""
    for chunk in chunks:
        if decoder is None:
            yield chunk
            continue
        data = chunk
        while data:
            try:
                piece = decoder.decompress(data, max_bytes + 1)
            except zlib.error as exc:
                raise FetchError(f"corrupt compressed body: {exc}", where=where) from exc
            yield piece
            data = decoder.unconsumed_tail
    if decoder is not None:
        yield decoder.flush()


# -- robots.txt ------------------------------------------------------------------------


def _check_robots(url: str, settings: Settings, client: httpx.Client) -> None:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    rules = _ROBOTS.setdefault(client, {})
    if origin not in rules:
        rules[origin] = _read_robots(origin, settings, client)
    if not rules[origin].can_fetch(settings.user_agent, url):
        raise FetchError("robots.txt of the site does not allow fetching this page", where=url)


def _read_robots(origin: str, settings: Settings, client: httpx.Client) -> RobotFileParser:
    """The site's rules; a missing robots.txt allows all, a failing one (5xx) allows nothing (RFC 9309)."""
    parser = RobotFileParser(origin + "/robots.txt")
    deadline = time.monotonic() + settings.http_timeout
    try:
        with client.stream(
            "GET", origin + "/robots.txt", headers=_headers(settings), follow_redirects=True
        ) as response:
            status = response.status_code
            body = read_capped(response, ROBOTS_MAX_BYTES, deadline, origin) if status < 400 else b""
    except (httpx.HTTPError, FetchError, TooLarge):
        # unreachable: the page request that follows reports the real trouble; oversized: ignored
        status, body = 404, b""
    if status >= 500:
        parser.parse(["User-agent: *", "Disallow: /"])
    elif status >= 400:
        parser.parse([])
    else:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    return parser
