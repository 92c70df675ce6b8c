"""Hostile and oversized input: `python bench/hostile.py`.

Broken or hostile text must not stall a batch: the work per token, cue, colon or mention has to
stay bounded however long a run or a sentence is. Each row analyses one pathological text with
the whole default pipeline and prints its CPU time, beside the example corpus's seed article
repeated to the same length (ordinary news of that size) in the same process. A row far above
its baseline means some stage does work that grows with the square of a run or a sentence.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from forewarn.analyze.pipeline import Pipeline, default_pipeline
from forewarn.examples import CORPUS
from forewarn.model import TextInput

CASES = {
    "one run of 10,000 '('": "(" * 10_000,
    "one run of 10,000 quote marks": "“" * 10_000,
    "one sentence of 10,000 'Note:' labels": "Note: " * 10_000,
    "one sentence of 3,000 clauses of mentions": "the troops moved near the border and " * 3_000,
    "one sentence of 10,000 'he said'": "he said " * 10_000,
    "15,000 capitalised place names": "Kyiv Moscow Minsk " * 5_000,
}
SEED_COPIES = 160  # the seed article repeated: about 800 KB of ordinary news


def _seconds(pipeline: Pipeline, text: str) -> float:
    start = time.process_time()
    pipeline.analyze(TextInput("hostile", text))
    return time.process_time() - start


def _like_news(seed: str, length: int) -> str:
    """The seed article repeated, paragraph after paragraph, to about `length` characters."""
    return "\n\n".join([seed] * max(1, length // len(seed)))


def main() -> int:
    seed = (Path(str(CORPUS)) / "seed" / "atlas-belarus-northern-front.txt").read_text(encoding="utf-8")
    pipeline = default_pipeline()
    pipeline.analyze(TextInput("warm", seed))
    table = Table(title="hostile input: CPU seconds of the whole analysis")
    for column in ("text", "characters", "seconds", "seed article repeated to that length, seconds"):
        table.add_column(column, justify="left" if column == "text" else "right")
    for name, text in CASES.items():
        news = _like_news(seed, len(text))
        table.add_row(
            name, f"{len(text):,}", f"{_seconds(pipeline, text):.2f}", f"{_seconds(pipeline, news):.2f}"
        )
    big = _like_news(seed, len(seed) * SEED_COPIES)
    table.add_row(f"the seed article x{SEED_COPIES}", f"{len(big):,}", f"{_seconds(pipeline, big):.2f}", "—")
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
