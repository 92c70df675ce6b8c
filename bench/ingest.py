"""Ingest speed and memory: `python bench/ingest.py [--pages N] [--stream N] [--no-store]`.

Prints two tables, on the ISW daily assessment pages of the development data
($FOREWARN_EVAL_DIR/backtest/isw-2022, realistic news HTML with boilerplate):

1. Pages per second through forewarn's extraction path (read, decode,
   trafilatura main text, head metadata, date, content hash, near-duplicate
   check) beside `trafilatura.extract` alone on the same pages, interleaved in
   the same run, with the ratio (goal >= 0.8); and full ingest (collect,
   de-duplicate, store, no analysis) into a temporary SQLite store.
2. Peak and current RSS while streaming many documents through the same path
   (the pages cycled, each copy varied a little), sampled along the stream to
   show memory stays flat.
3. Date inference checked against the document creation times of the
   TimeBank and AQUAINT TimeML files ($FOREWARN_EVAL_DIR/time): how often the
   text alone yields a range, and how often that range holds the real date.

Times are CPU seconds of this process (time.process_time), so that other work
on a shared machine does not skew the ratio; the speed pages are interleaved
one by one for the same reason.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from itertools import cycle, islice
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.table import Table

from accuracy import eval_dir
from forewarn.config import Settings
from forewarn.ingest.dates import infer_published
from forewarn.ingest.dedup import NearDuplicateIndex
from forewarn.ingest.documents import make_document
from forewarn.ingest.files import extract_bytes, read_bytes, read_document
from forewarn.model import Document, PublishedDate

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = eval_dir()
ISW = EVAL_DIR / "backtest" / "isw-2022"


def _rss_mb() -> tuple[float, float]:
    """(peak, current) resident memory of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/statm") as handle:
        current = int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return peak, current


def _dedup(index: NearDuplicateIndex, doc: Document) -> None:
    if index.find(doc.text) is None:
        index.add(doc.id, doc.text)


def bench_speed(pages: list[Path]) -> tuple[float, float]:
    """Seconds for forewarn's path and for trafilatura alone over `pages`, interleaved page by page."""
    index = NearDuplicateIndex()
    trafilatura.extract(pages[0].read_bytes())  # warm both paths up (imports, caches)
    read_document(pages[0])
    ours = theirs = 0.0
    for page in pages:
        start = time.process_time()
        trafilatura.extract(page.read_bytes())
        middle = time.process_time()
        _dedup(index, read_document(page))
        ours += time.process_time() - middle
        theirs += middle - start
    return ours, theirs


def bench_store(folder: Path, settings: Settings) -> tuple[float, int] | None:
    """Seconds and documents stored for a full ingest of `folder` into a temporary SQLite store."""
    try:
        from forewarn.ingest.run import ingest
        from forewarn.store import open_store
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.db")
        try:
            start = time.process_time()
            report = ingest([str(folder)], settings, store, analyze=False)
            return time.process_time() - start, report.stored
        finally:
            store.close()


def varied_documents(pages: list[Path], count: int, settings: Settings) -> Iterator[Document]:
    """`count` documents: the pages cycled, each copy with a small paragraph of its own."""
    for number, page in enumerate(islice(cycle(pages), count)):
        raw = read_bytes(page, settings.max_bytes)
        extra = f"<p>Bulletin {number}: situation update number {number} for {page.stem}.</p></body>".encode()
        raw = raw.replace(b"</body>", extra, 1)
        published = PublishedDate.exact(date.fromisoformat(page.stem[:10]), "given", page.name)
        yield make_document(extract_bytes(raw, str(page), True, published=published), str(page))


def bench_memory(
    pages: list[Path], total: int, settings: Settings
) -> list[tuple[int, float, float, int, float]]:
    """(documents, peak MB, current MB, index size, seconds) at checkpoints along one stream."""
    checkpoints = sorted({c for c in (total // 5, 2 * total // 5, total) if c > 0})
    index = NearDuplicateIndex()
    rows = []
    start = time.process_time()
    for done, doc in enumerate(varied_documents(pages, total, settings), start=1):
        _dedup(index, doc)
        if done in checkpoints:
            rows.append((done, *_rss_mb(), len(index), time.process_time() - start))
    return rows


_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


def bench_dates(folder: Path) -> tuple[int, int, int, int, int] | None:
    """(documents, no range, range holds the creation date, range misses it, median range days)."""
    files = sorted(folder.rglob("*.tml"))
    if not files:
        return None
    unknown = covered = missed = 0
    widths = []
    for path in files:
        xml = path.read_text(encoding="utf-8", errors="replace")
        dct = re.search(r'value="(\d{4}-\d\d-\d\d)"[^>]*functionInDocument="CREATION_TIME"', xml)
        body = _TEXT.search(xml)
        if not dct or not body:
            continue
        day = date.fromisoformat(dct.group(1))
        published = infer_published(re.sub(r"<[^>]+>", "", body.group(1)))
        if published.earliest is None or published.latest is None:
            unknown += 1
            continue
        widths.append((published.latest - published.earliest).days)
        if published.earliest <= day <= published.latest:
            covered += 1
        else:
            missed += 1
    median = sorted(widths)[len(widths) // 2] if widths else 0
    return unknown + covered + missed, unknown, covered, missed, median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=216, help="ISW pages for the speed table")
    parser.add_argument("--stream", type=int, default=5000, help="documents streamed for the memory table")
    parser.add_argument("--no-store", action="store_true", help="skip the full ingest into SQLite")
    args = parser.parse_args()
    console = Console()
    pages = sorted(ISW.glob("*.html"))[: args.pages]
    if not pages:
        console.print(f"no ISW pages under {ISW} (set FOREWARN_EVAL_DIR)")
        return 1
    settings = Settings()

    memory = bench_memory(pages, args.stream, settings)  # first, so the peak is the stream's own
    ours, theirs = bench_speed(pages)
    stored = None if args.no_store else bench_store(ISW, settings)

    speed = Table(title=f"Ingest speed on {len(pages)} ISW pages (same run, interleaved)")
    for column in ("path", "pages/CPU-s", "CPU ms/page", "ratio to trafilatura"):
        speed.add_column(column, justify="right" if column != "path" else "left")
    speed.add_row(
        "trafilatura.extract alone", f"{len(pages) / theirs:.1f}", f"{1000 * theirs / len(pages):.1f}", "1.00"
    )
    speed.add_row(
        "forewarn extraction path",
        f"{len(pages) / ours:.1f}",
        f"{1000 * ours / len(pages):.1f}",
        f"{theirs / ours:.2f} (goal >= 0.8)",
    )
    if stored is not None:
        seconds, count = stored
        all_pages = len(list(ISW.glob("*.html")))
        speed.add_row(
            f"full ingest into SQLite ({all_pages} pages, {count} stored)",
            f"{all_pages / seconds:.1f}",
            f"{1000 * seconds / all_pages:.1f}",
            "",
        )
    speed.caption = (
        "extraction path = read, decode, main text, head metadata, date, content hash, near-duplicate check; "
        "full ingest adds the store, without analysis. "
        f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs."
    )
    console.print(speed)

    mem = Table(title=f"Memory while streaming {args.stream:,} documents (ISW pages cycled, each varied)")
    for column in ("documents", "peak RSS MB", "current RSS MB", "near-dup index size", "docs/CPU-s"):
        mem.add_column(column, justify="right")
    for done, peak, current, size, seconds in memory:
        mem.add_row(f"{done:,}", f"{peak:.0f}", f"{current:.0f}", f"{size:,}", f"{done / seconds:.0f}")
    console.print(mem)

    dated = bench_dates(EVAL_DIR / "time")
    if dated is not None:
        total, unknown, covered, missed, median = dated
        table = Table(title="Date inference from the text alone, against TimeML creation times")
        for column in (
            "documents",
            "no explicit date (unknown)",
            "range holds the date",
            "range misses it",
            "median range, days",
        ):
            table.add_column(column, justify="right")
        table.add_row(str(total), str(unknown), str(covered), str(missed), str(median))
        console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
