"""Accuracy on the development gold sets: `python bench/accuracy.py places|actors|times|quotes|events|all`.

`--markdown` also prints the rows as a Markdown table (the README's accuracy
table is this output); `--headline` keeps only rows that have a reference point.

Each stage's scorer lives in bench/eval_<stage>.py and returns rows of
(set, metric, forewarn, reference). The gold data is read from
$FOREWARN_EVAL_DIR, by default the `shared/eval` folder beside the repository.
Nothing of it is copied into the project.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
STAGES = ("places", "actors", "times", "quotes", "events")


def eval_dir() -> Path:
    return Path(os.environ.get("FOREWARN_EVAL_DIR", HERE.parent.parent / "shared" / "eval"))


def main(argv: list[str]) -> int:
    flags = {a for a in argv[1:] if a.startswith("--")}
    wanted = [a for a in argv[1:] if not a.startswith("--")] or ["all"]
    markdown_out = "--markdown" in flags or bool(os.environ.get("FOREWARN_MARKDOWN"))
    headline = "--headline" in flags
    stages = STAGES if "all" in wanted else tuple(wanted)
    sys.path.insert(0, str(HERE))
    table = Table(title="forewarn accuracy (development gold sets)")
    for column in ("set", "metric", "forewarn", "reference"):
        table.add_column(column)
    markdown = ["| set | metric | forewarn | reference |", "|---|---|---|---|"]
    for stage in stages:
        if stage not in STAGES:
            print(f"unknown stage {stage!r}; choose from {', '.join(STAGES)} or all", file=sys.stderr)
            return 2
        try:
            module = importlib.import_module(f"eval_{stage}")
        except ModuleNotFoundError:
            print(f"{stage}: no scorer yet", file=sys.stderr)
            continue
        for gold_set, metric, ours, reference in module.run(eval_dir()):
            ours_s = f"{ours:.3f}" if isinstance(ours, float) else str(ours)
            table.add_row(gold_set, metric, ours_s, reference)
            if headline and not any(ch.isdigit() for ch in reference):  # rows with a published number
                continue
            markdown.append(f"| {gold_set} | {metric} | {ours_s} | {reference} |")
    Console().print(table)
    if markdown_out:
        print("\n".join(markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
