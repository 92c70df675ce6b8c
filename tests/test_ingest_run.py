"""The ingest run: collect -> dedup -> analyse -> store, one transaction per document."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from sqlalchemy import select

from forewarn.analyze.pipeline import Context, Pipeline, default_pipeline
from forewarn.analyze.sentences import Sentences
from forewarn.config import Settings
from forewarn.ingest.run import Progress, demo_targets, ingest
from forewarn.model import Analysis
from forewarn.store import Store, open_store
from forewarn.store.schema import sources

_VOCAB_TEXT = """
army border troops drill Belarus Kyiv Minsk brigade artillery drone strike front reserve convoy
general ministry spokesman said warned report village river bridge north south east west winter
offensive defence mobilisation exercise missile air base training rail fuel depot column night
morning observers satellite images showed units moved near along towards city region command
"""
VOCAB = tuple(_VOCAB_TEXT.split())


def article(seed: int, words: int = 120) -> str:
    """A distinct, article-like text: no two seeds come out near each other."""
    rng = random.Random(seed)
    sentences = []
    for _ in range(words // 12):
        body = " ".join(rng.choice(VOCAB) for _ in range(11))
        sentences.append(body[0].upper() + body[1:] + f" {seed}.")
    return f"Report {seed}\n\n" + " ".join(sentences) + "\n"


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"report-{n:05d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path}/run.db")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """Sentences only: these tests are about storing, and the full pipeline takes seconds to build."""
    return Pipeline([Sentences()])


def test_ingest_run_stores_and_analyses_then_adds_nothing_again(
    tmp_path: Path, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    write_corpus(tmp_path / "in", 3)
    first = ingest([str(tmp_path / "in")], settings, store, pipeline)
    assert (first.new, first.duplicate, first.failed, first.analysed) == (3, 0, 0, 3)
    before = store.count_rows()
    again = ingest([str(tmp_path / "in")], settings, store, pipeline)
    assert (again.new, again.duplicate, again.analysed) == (0, 3, 0)
    assert store.count_rows()["documents"] == before["documents"] == 3
    assert store.count_rows()["analyses"] == before["analyses"] == 3


def test_ingest_run_links_near_duplicate_and_does_not_analyse_it(
    tmp_path: Path, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    text = article(7, words=240)
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("Report 7", "Report 7 (updated)"))
    first = ingest([str(tmp_path / "a.txt")], settings, store, pipeline)
    second = ingest([str(tmp_path / "b.txt")], settings, store, pipeline)  # index rebuilt from the store
    assert (first.new, second.near_duplicate, second.analysed) == (1, 1, 0)
    docs = store.list_documents()
    assert docs[1].duplicate_of == docs[0].document.id
    assert store.count_rows()["analyses"] == 1


def test_ingest_run_reports_bad_inputs_and_continues(
    tmp_path: Path, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    write_corpus(tmp_path, 1)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    report = ingest([str(tmp_path), str(tmp_path / "missing.txt")], settings, store, pipeline)
    assert (report.new, report.failed) == (1, 3)
    wheres = sorted(Path(p.where).name for p in report.problems)
    assert wheres == ["binary.txt", "empty.txt", "missing.txt"]
    assert all(p.message for p in report.problems)
    assert store.count_documents() == 1


def test_ingest_run_without_analysis_is_caught_up_later(
    tmp_path: Path, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    write_corpus(tmp_path, 2)
    report = ingest([str(tmp_path)], settings, store, analyze=False)
    assert (report.new, report.analysed, store.count_rows()["analyses"]) == (2, 0, 0)
    seen: list[Progress] = []
    report = ingest([str(tmp_path)], settings, store, pipeline, on_progress=seen.append)
    assert (report.duplicate, report.analysed, store.count_rows()["analyses"]) == (2, 2, 2)
    assert [p.status for p in seen] == ["duplicate", "duplicate", "analysed", "analysed"]


class _Broken:
    name = "broken"
    requires: tuple[str, ...] = ()
    assigns = ("places",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        raise ValueError("annotator bug")


def test_ingest_run_keeps_the_document_when_analysis_fails(
    tmp_path: Path, settings: Settings, store: Store
) -> None:
    write_corpus(tmp_path, 1)
    report = ingest([str(tmp_path)], settings, store, Pipeline([_Broken()]))
    assert (report.new, report.analysed) == (1, 0)
    assert "analysis failed: ValueError: annotator bug" in report.problems[0].message
    assert store.count_documents() == 1 and store.count_rows()["analyses"] == 0


def test_ingest_run_reports_progress_per_input(tmp_path: Path, settings: Settings, store: Store) -> None:
    write_corpus(tmp_path, 2)
    (tmp_path / "empty.txt").write_bytes(b"")
    seen: list[Progress] = []
    ingest([str(tmp_path)], settings, store, analyze=False, on_progress=seen.append)
    assert [p.done for p in seen] == [1, 2, 3]
    assert sorted(p.status for p in seen) == ["failed", "new", "new"]


def test_ingest_run_seed_end_to_end(seed_path: Path, settings: Settings, store: Store) -> None:
    pipeline = default_pipeline(settings)
    report = ingest([str(seed_path)], settings, store, pipeline)
    assert (report.new, report.failed) == (1, 0)
    stored = store.list_documents()[0]
    doc = stored.document
    assert doc.published.method == "inferred" and doc.published.evidence
    assert doc.published.earliest and doc.published.latest
    assert (
        doc.published.earliest.isoformat() <= "2022-12-31"
        and doc.published.latest.isoformat() >= "2022-12-01"
    )
    assert "While speaking with Sky News" in doc.text and "Week's Top Stories" not in doc.text
    analysis = store.load_analysis(doc.id)
    assert analysis.text == doc.text and analysis.sentences
    assert analysis.pipeline_version == pipeline.version


def test_ingest_run_demo_targets_are_the_bundled_corpus() -> None:
    targets = demo_targets()
    assert targets[0].endswith("seed") and len(targets) >= 2
    assert all(t.endswith("documents.jsonl") for t in targets[1:])
    assert all(Path(t).exists() for t in targets)


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return int(conn.execute(sql).fetchone()[0])


_INGEST_SCRIPT = """
import sys
from forewarn.analyze.pipeline import Pipeline
from forewarn.analyze.sentences import Sentences
from forewarn.config import Settings
from forewarn.ingest.run import ingest
from forewarn.store import open_store

ingest([sys.argv[1]], Settings(), open_store(sys.argv[2]), Pipeline([Sentences()]))
"""


def test_ingest_run_survives_sigkill_mid_ingest(
    tmp_path: Path, settings: Settings, pipeline: Pipeline
) -> None:
    total = 150
    write_corpus(tmp_path / "big", total)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-c", _INGEST_SCRIPT, str(tmp_path / "big"), f"sqlite:///{db}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    stored = 0
    while time.monotonic() < deadline and process.poll() is None and stored < 10:
        time.sleep(0.02)
        try:
            stored = _count(db, "SELECT count(*) FROM documents")
        except sqlite3.OperationalError:  # no file or no schema yet
            continue
    running = process.poll() is None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert running, f"finished before it could be killed: {process.stderr.read()!r}"  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = _count(db, "SELECT count(*) FROM documents")
    assert 10 <= before < total
    assert _count(db, "SELECT count(*) FROM analyses") == before  # no document without its analysis
    orphans = (
        "SELECT count(*) FROM sentences s LEFT JOIN analyses a ON a.id = s.analysis_id WHERE a.id IS NULL"
    )
    assert _count(db, orphans) == 0

    store = open_store(f"sqlite:///{db}")
    report = ingest([str(tmp_path / "big")], settings, store, pipeline)
    assert (report.new, report.duplicate, report.failed) == (total - before, before, 0)
    assert store.count_documents() == total == store.count_rows()["analyses"]


def _page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{body} {n}: {article(n + len(title), words=48)}</p>" for n in range(3))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>".encode()


class _Site(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        content_type, body = self.routes.get(self.path, ("text/plain", b""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        f"<item><title>Second</title><link>{base}/second.html</link><pubDate>Tue, 20 Dec 2022 10:00:00 GMT</pubDate></item>"
        f"<item><title>Gone</title><link>{base}/gone.html</link></item></channel></rss>"
    )
    _Site.routes = {
        "/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
        "/first.html": ("text/html; charset=utf-8", _page("First report", "Troops crossed the river")),
        "/second.html": ("text/html; charset=utf-8", _page("Second report", "Columns moved at night")),
        "/feed.xml": ("application/rss+xml", feed.encode()),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_ingest_run_pages_and_feeds_from_a_local_server(
    site: str, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    report = ingest([f"{site}/first.html", f"{site}/feed.xml"], settings, store, pipeline)
    assert (report.new, report.failed, report.analysed) == (2, 1, 2)
    assert report.problems[0].where == f"{site}/gone.html"
    stored = {d.document.url or d.document.source: d for d in store.list_documents()}
    assert set(stored) == {f"{site}/first.html", f"{site}/second.html"}
    second = stored[f"{site}/second.html"].document
    assert second.title == "Second report" and str(second.published.value) == "2022-12-20"
    assert b"Columns moved at night" in (store.get_raw(second.id) or b"")
    with store.engine.connect() as conn:
        kinds = dict(conn.execute(select(sources.c.location, sources.c.kind)).all())
    assert kinds == {f"{site}/first.html": "url", f"{site}/feed.xml": "feed"}
    again = ingest([f"{site}/first.html", f"{site}/feed.xml"], settings, store, pipeline)
    assert (again.new, again.duplicate) == (0, 2)


def test_ingest_run_feed_cut_at_its_cap_is_a_note_not_a_failure(
    site: str, settings: Settings, store: Store, pipeline: Pipeline
) -> None:
    capped = replace(settings, max_feed_entries=1)
    report = ingest([f"{site}/feed.xml"], capped, store, pipeline)
    assert (report.new, report.failed) == (1, 0)
    assert any("only the first 1" in p.message for p in report.problems)
