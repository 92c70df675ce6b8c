"""URLs and feeds against a local HTTP server (127.0.0.1, random port); no outside network."""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from forewarn.config import Settings
from forewarn.errors import FetchError, TooLarge
from forewarn.ingest.collect import Fetched, Problem, collect
from forewarn.ingest.web import fetch, make_client

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "article.html").read_bytes()
UNDATED = b"""<html><head><title>Convoy seen at night</title></head><body><article>
<p>A long convoy of fuel trucks was seen moving towards the border late on Tuesday, witnesses said.</p>
<p>Local officials declined to comment on the movements, which continued until the early morning.</p>
</article></body></html>"""
CYRILLIC_PAGE = (
    "<html><body><article><p>Колонна грузовиков с топливом двигалась к границе поздно вечером во вторник, "
    "сообщили свидетели. Местные власти отказались комментировать передвижения.</p></article></body></html>"
).encode("cp1251")
Route = tuple[int, dict[str, str], bytes | Callable[[BaseHTTPRequestHandler], None]]


def _rss(links: list[str], title: str = "Local news") -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{link}</link><pubDate>Tue, 0{1 + i % 9} Aug 2023 09:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def _slow(handler: BaseHTTPRequestHandler) -> None:
    for _ in range(40):
        handler.wfile.write(b"<p>slow</p>")
        handler.wfile.flush()
        time.sleep(0.1)


def _routes(base: str) -> dict[str, Route]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    rss = {"Content-Type": "application/rss+xml"}
    big_feed = _rss([f"{base}/undated/{i}" for i in range(10_000)])
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/article.html": (200, html, ARTICLE),
        "/private/page.html": (200, html, ARTICLE),
        "/undated/1": (200, html, UNDATED),
        "/undated/2": (200, html, UNDATED.replace(b"fuel trucks", b"tanks")),
        "/missing": (404, html, b"<html><body>Not found</body></html>"),
        "/error": (500, html, b"<html><body>Server error</body></html>"),
        "/redirect": (302, {"Location": "/article.html"}, b""),
        "/loop-a": (302, {"Location": "/loop-b"}, b""),
        "/loop-b": (302, {"Location": "/loop-a"}, b""),
        **{f"/chain/{i}": (302, {"Location": f"/chain/{i + 1}"}, b"") for i in range(10)},
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/announced-huge": (200, {**html, "Content-Length": "50000000"}, b""),
        "/huge": (200, html, b"<p>" + b"x" * 3_000_000 + b"</p>"),
        "/bomb": (200, {**html, "Content-Encoding": "gzip"}, gzip.compress(b"\x00" * 30_000_000, 9)),
        "/corrupt-gzip": (200, {**html, "Content-Encoding": "gzip"}, b"this is not gzip at all"),
        "/gzipped": (200, {**html, "Content-Encoding": "gzip"}, gzip.compress(ARTICLE)),
        "/slow": (200, html, _slow),
        "/feed.xml": (200, rss, _rss([f"{base}/undated/1", f"{base}/missing", f"{base}/article.html"])),
        "/big-feed.xml": (200, rss, big_feed),
        "/bad-feed.xml": (200, rss, b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</channel>'),
        "/cp1251": (200, {"Content-Type": "text/html; charset=windows-1251"}, CYRILLIC_PAGE),
        "/relative-feed.xml": (200, rss, _rss(["/undated/2"])),
        "/docs.jsonl": (200, {"Content-Type": "application/x-ndjson"}, json.dumps({"id": "j1", "text": "A record sent as JSON Lines over HTTP, with a sentence."}).encode()),
    }  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if isinstance(body, bytes) and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on purpose
            body(self) if callable(body) else self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.routes = _routes(base)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def settings() -> Settings:
    return Settings(http_timeout=1.0, max_feed_entries=3)


@pytest.fixture
def client(settings: Settings) -> Iterator[httpx.Client]:
    with make_client(settings) as http:
        yield http


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_ingest_web_fetch_page_with_user_agent(server: str, settings: Settings, client: httpx.Client) -> None:
    page = fetch(f"{server}/article.html", settings, client)
    assert page.status == 200 and page.content_type == "text/html" and page.charset == "utf-8"
    assert page.body == ARTICLE
    assert settings.user_agent in _Handler.agents


def test_ingest_web_redirect_followed(server: str, settings: Settings, client: httpx.Client) -> None:
    page = fetch(f"{server}/redirect", settings, client)
    assert page.final_url == f"{server}/article.html" and page.body == ARTICLE


def test_ingest_web_gzip_content_encoding(server: str, settings: Settings, client: httpx.Client) -> None:
    assert fetch(f"{server}/gzipped", settings, client).body == ARTICLE


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", FetchError, "HTTP 404 Not Found"),
        ("/error", FetchError, "HTTP 500 Internal Server Error"),
        ("/private/page.html", FetchError, "robots.txt"),
        ("/loop-a", FetchError, "redirect loop"),
        ("/chain/0", FetchError, "more than 5 redirects"),
        ("/image.png", FetchError, "content type 'image/png'"),
        ("/announced-huge", TooLarge, "50,000,000 bytes, over the 20,000,000-byte limit"),
        ("/bomb", TooLarge, "exceeds the 20,000,000-byte limit"),
        ("/slow", FetchError, "too slow"),
        ("/corrupt-gzip", FetchError, "corrupt compressed body"),
    ],
)
def test_ingest_web_fetch_errors_are_clear(
    server: str, settings: Settings, client: httpx.Client, path: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        fetch(f"{server}{path}", settings, client)


def test_ingest_web_streamed_body_over_the_cap(server: str, client: httpx.Client) -> None:
    with pytest.raises(TooLarge, match="1,000,000-byte limit"):
        fetch(f"{server}/huge", Settings(max_bytes=1_000_000), client)


def test_ingest_web_unreachable_host(settings: Settings, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{_closed_port()}/news", settings, client)


def test_ingest_web_collect_page_and_records(server: str, settings: Settings, client: httpx.Client) -> None:
    items = list(collect([f"{server}/article.html", f"{server}/docs.jsonl"], settings, client))
    assert all(isinstance(i, Fetched) for i in items)
    page, record = items[0], items[1]
    assert isinstance(page, Fetched) and isinstance(record, Fetched)
    assert page.document.title == "Troops gather near the border" and page.raw == ARTICLE
    assert page.document.published.value == date(2023, 1, 12) and page.document.fetched_at is not None
    assert record.document.text.startswith("A record sent as JSON Lines")


def test_ingest_web_feed_entries_fetched_and_dated(
    server: str, settings: Settings, client: httpx.Client
) -> None:
    items = list(collect([f"{server}/feed.xml"], settings, client))
    kinds = [(type(i).__name__, i.where) for i in items]
    assert kinds == [
        ("Fetched", f"{server}/undated/1"),
        ("Problem", f"{server}/missing"),
        ("Fetched", f"{server}/article.html"),
    ]
    undated, _, dated = (i for i in items)
    assert isinstance(undated, Fetched) and isinstance(dated, Fetched)
    assert undated.document.published.value == date(2023, 8, 1)  # the entry's date: the page has none
    assert undated.document.published.evidence == "feed entry date"
    assert dated.document.published.value == date(2023, 1, 12)  # the page's own date wins
    assert undated.document.source == f"{server}/feed.xml"


def test_ingest_web_feed_with_10000_entries_is_capped(
    server: str, settings: Settings, client: httpx.Client
) -> None:
    items = list(collect([f"{server}/big-feed.xml"], settings, client))
    note = items[0]
    assert isinstance(note, Problem) and note.note
    assert "10,000 entries; only the first 3" in note.error.message
    assert len(items) == 1 + 3


def test_ingest_web_batch_goes_on_after_every_bad_url(
    server: str, settings: Settings, client: httpx.Client
) -> None:
    bad = ["/missing", "/error", "/bad-feed.xml", "/image.png", "/bomb", "/private/page.html"]
    targets = [f"{server}{p}" for p in bad] + [
        f"http://127.0.0.1:{_closed_port()}/",
        f"{server}/article.html",
    ]
    items = list(collect(targets, settings, client))
    assert [type(i).__name__ for i in items] == ["Problem"] * 7 + ["Fetched"]
    messages = [i.error.message for i in items if isinstance(i, Problem)]
    assert "malformed feed XML" in messages[2]
    assert all(m for m in messages)


def test_ingest_web_charset_from_http_header(server: str, settings: Settings, client: httpx.Client) -> None:
    (item,) = collect([f"{server}/cp1251"], settings, client)
    assert isinstance(item, Fetched) and "Колонна грузовиков" in item.document.text


def test_ingest_web_relative_feed_links_resolved(
    server: str, settings: Settings, client: httpx.Client
) -> None:
    (item,) = collect([f"{server}/relative-feed.xml"], settings, client)
    assert isinstance(item, Fetched) and item.where == f"{server}/undated/2"
    assert "tanks" in item.document.text


@pytest.mark.parametrize(("robots_status", "allowed"), [(404, True), (503, False)])
def test_ingest_web_robots_missing_allows_failing_forbids(
    settings: Settings, robots_status: int, allowed: bool
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status, text="")
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=httpx.ByteStream(ARTICLE))

    with httpx.Client(transport=httpx.MockTransport(answer)) as mock:
        if allowed:
            assert fetch("http://site.test/a.html", settings, mock).body == ARTICLE
        else:
            with pytest.raises(FetchError, match=r"robots\.txt"):
                fetch("http://site.test/a.html", settings, mock)


def test_ingest_web_collect_makes_and_closes_its_own_client(server: str, settings: Settings) -> None:
    items = list(collect([f"{server}/article.html"], settings))
    assert isinstance(items[0], Fetched)
