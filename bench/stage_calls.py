"""Python function calls per analysis stage: `python bench/stage_calls.py [--warm N] [--articles N]`.

Timings drift with the machine's load (see README, "Speed and memory"); the number of function
calls a stage makes on the same articles does not, so it shows what a change to the analysis
costs. The run is repeated with a fixed hash seed: the order of sets and dicts of strings
changes which paths some rules take, by a few calls in a thousand. After `--warm` articles
untimed, each stage of `--articles` others (those of `bench/analyze.py`) runs under `cProfile`
on the analysis the stages before it made; prints the calls per article of each stage. To
compare two versions, run it under each
(`PYTHONPATH=<other checkout>/src python bench/stage_calls.py`).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from collections import Counter

from rich.console import Console
from rich.table import Table

from analyze import warmed
from forewarn.model import Analysis


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # the same counts on every run and machine
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warm", type=int, default=300, help="articles analysed first, not counted")
    parser.add_argument("--articles", type=int, default=300, help="articles counted")
    args = parser.parse_args()
    pipeline, texts = warmed(args.warm, args.articles)
    calls: Counter[str] = Counter()
    for text in texts:
        ctx = pipeline.context(text, None)
        analysis = Analysis(id="counted", text=text, published=None, pipeline_version=pipeline.version)
        for annotator in pipeline.annotators:
            profile = cProfile.Profile()
            analysis = profile.runcall(annotator, ctx, analysis)
            calls[annotator.name] += pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
    articles = len(texts)
    table = Table(title=f"Python function calls per article, {articles} articles")
    for column in ("stage", "calls per article"):
        table.add_column(column, justify="right")
    for name, count in calls.items():
        table.add_row(name, f"{count / articles:,.0f}")
    table.add_row("all stages", f"{sum(calls.values()) / articles:,.0f}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
