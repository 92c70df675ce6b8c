"""What the analysis finds in real text, counted: `python bench/corpus_counts.py [--isw-words N]`.

Analyses the example corpus, PolNeAR's political news (first `--news` texts) and ISW's daily
assessments (pages extracted until they hold `--isw-words` words), and prints, per source, the
sentences, places, actors, times, quotes and events found, then the events by PLOVER type. No
gold is scored here: the counts show what a change adds or removes on real text. To compare two
versions, run it under each (`PYTHONPATH=<other checkout>/src python bench/corpus_counts.py`).
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date

from rich.console import Console
from rich.table import Table

from analyze import news_sources
from forewarn.analyze.pipeline import default_pipeline
from forewarn.model import TextInput

FIELDS = ("sentences", "places", "actors", "times", "quotes", "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--isw-words", type=int, default=150_000, help="ISW words to extract")
    parser.add_argument("--news", type=int, default=60, help="PolNeAR texts to analyse")
    args = parser.parse_args()
    sources = news_sources(args.isw_words)
    sources["political news (PolNeAR)"] = sources["political news (PolNeAR)"][: args.news]
    pipeline = default_pipeline()
    table = Table("source", "texts", *FIELDS, title="what the analysis finds")
    types: Counter[str] = Counter()
    for name, texts in sources.items():
        counts: Counter[str] = Counter()
        for n, text in enumerate(texts):
            analysis = pipeline.analyze(TextInput(str(n), text, date(2022, 12, 1)))
            counts.update({field: len(getattr(analysis, field)) for field in FIELDS})
            types.update(event.type for event in analysis.events)
        table.add_row(name, str(len(texts)), *(f"{counts[field]:,}" for field in FIELDS))
    console = Console()
    console.print(table)
    console.print("events by type: " + ", ".join(f"{t} {c:,}" for t, c in types.most_common()))


if __name__ == "__main__":
    main()
