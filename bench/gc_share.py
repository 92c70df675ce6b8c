"""Garbage collection's share of the analysis: `python bench/gc_share.py [--warm N] [--articles N]`.

The pipeline holds large long-lived tables (the gazetteer, the lexicons), which a full
collection walks; this measures whether that matters. After `--warm` articles untimed,
`--articles` others are analysed with Python's `gc` callbacks timing every collection;
prints the CPU time of the run and, per generation, the collections and their wall time.
The articles are those of `bench/analyze.py`.
"""

from __future__ import annotations

import argparse
import gc
import time

from rich.console import Console
from rich.table import Table

from analyze import warmed
from forewarn.model import TextInput


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warm", type=int, default=300, help="articles analysed untimed first")
    parser.add_argument("--articles", type=int, default=600, help="articles timed")
    args = parser.parse_args()
    pipeline, texts = warmed(args.warm, args.articles)
    started: dict[int, float] = {}
    spent: dict[int, list[float]] = {0: [], 1: [], 2: []}

    def on_collection(phase: str, info: dict[str, int]) -> None:
        generation = info["generation"]
        if phase == "start":
            started[generation] = time.perf_counter()
        else:
            spent[generation].append(time.perf_counter() - started[generation])

    gc.callbacks.append(on_collection)
    cpu = time.process_time()
    for text in texts:
        pipeline.analyze(TextInput("timed", text))
    cpu = time.process_time() - cpu
    gc.callbacks.remove(on_collection)

    table = Table(title=f"garbage collection over {len(texts)} articles ({cpu:.2f} s CPU)")
    for column in ("generation", "collections", "seconds", "share of the run"):
        table.add_column(column, justify="right")
    for generation, times in spent.items():
        table.add_row(str(generation), str(len(times)), f"{sum(times):.3f}", f"{sum(times) / cpu:.1%}")
    every = sum(map(sum, spent.values()))
    table.add_row("all", str(sum(map(len, spent.values()))), f"{every:.3f}", f"{every / cpu:.1%}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
