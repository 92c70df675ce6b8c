"""Store speed: documents with their analyses written per second, reads and searches.

    python bench/store.py [N]

Runs on a temporary SQLite file, and on PostgreSQL too when
$FOREWARN_TEST_POSTGRES_URL is set (in a throw-away schema). Each document
carries a hand-built analysis of about the size a 700-word news article gets:
30 sentences, 20 places, 25 actors, 10 times, 5 quotes and 15 events.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from datetime import date

from rich.console import Console
from rich.table import Table

from forewarn.model import Actor, Analysis, Document, Event, Place, PublishedDate, Quote, Span, TimeExpr
from forewarn.store import Store, open_store
from forewarn.store.engine import temporary_schema

WORDS = [
    "Russian",
    "forces",
    "massed",
    "near",
    "Mazyr",
    "in",
    "Belarus",
    "while",
    "Ukrainian",
    "officers",
    "in",
    "Kyiv",
    "prepared",
    "defences",
]


def make_document(n: int) -> Document:
    text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(700)) + f" Item {n}."
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        digest[:16], text, digest, title=f"Report {n}", published=PublishedDate.exact(date(2022, 12, 20))
    )


def make_analysis(doc: Document) -> Analysis:
    s = Span(0, 6)
    return Analysis(
        id=doc.id,
        text=doc.text,
        published=date(2022, 12, 20),
        sentences=tuple(Span(i * 100, i * 100 + 90) for i in range(30)),
        places=tuple(
            Place(i, i + 5, "Mazyr", "Mazyr", 625665, 52.05, 29.24, "BY", "Homyel", "city", 0.9)
            for i in range(20)
        ),
        actors=tuple(
            Actor(i, i + 7, "Russian", "Russia", "state", "RUS", "RUS", "GOV", "") for i in range(25)
        ),
        times=tuple(
            TimeExpr(i, i + 8, "February", "DATE", "2023-02", "", (date(2023, 2, 1), date(2023, 2, 28)))
            for i in range(10)
        ),
        quotes=tuple(Quote(s, "Andrii Kovalchuk", s, Span(10, 80), True) for _ in range(5)),
        events=tuple(
            Event(
                "MOBILIZE",
                "troops",
                ("military",),
                "reported",
                (s,),
                (),
                s,
                None,
                s,
                Span(0, 90),
                "15",
                None,
                0.5,
            )
            for _ in range(15)
        ),
        pipeline_version="bench",
    )


def measure(store: Store, n: int) -> dict[str, float]:
    docs = [make_document(i) for i in range(n)]
    analyses = [make_analysis(d) for d in docs]
    start, cpu = time.perf_counter(), time.process_time()
    for doc, analysis in zip(docs, analyses, strict=True):
        with store.transaction():
            store.add_document(doc)
            store.save_analysis(analysis)
    written = time.perf_counter() - start
    cpu = time.process_time() - cpu
    start = time.perf_counter()
    for doc in docs[:200]:
        store.load_analysis(doc.id)
    loaded = (time.perf_counter() - start) / min(n, 200)
    start = time.perf_counter()
    store.count_documents(search="Mazyr Kovalchuk")
    searched = time.perf_counter() - start
    return {
        "docs/s": n / written,
        "ms/doc": written * 1000 / n,
        "cpu ms/doc": cpu * 1000 / n,  # this process only: steadier than wall time on a busy machine
        "load ms": loaded * 1000,
        "search ms": searched * 1000,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    table = Table(title=f"store: {n} documents, each with a 105-row analysis, one transaction per document")
    for column in ("backend", "docs/s", "ms/doc", "cpu ms/doc", "load ms", "search ms"):
        table.add_column(column, justify="right" if column != "backend" else "left")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{folder}/bench.db")
        row = measure(store, n)
        store.close()
        table.add_row("sqlite", *(f"{v:.1f}" for v in row.values()))
    pg = os.environ.get("FOREWARN_TEST_POSTGRES_URL")
    if pg:
        with temporary_schema(pg, "forewarn_bench") as url:
            store = open_store(url)
            row = measure(store, n)
            store.close()
        table.add_row("postgresql", *(f"{v:.1f}" for v in row.values()))
    else:
        table.caption = "PostgreSQL skipped: set FOREWARN_TEST_POSTGRES_URL"
    Console().print(table)


if __name__ == "__main__":
    main()
