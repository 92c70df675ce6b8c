"""TempEval-3 scores of the `times` stage on TimeBank and AQUAINT (`$FOREWARN_EVAL_DIR/time/`).

For each `.tml` file: the text is the TEXT element with every tag stripped and
entities unescaped (gold offsets are mapped into it as the tags are removed);
the document creation date is the value of the DCT element's TIMEX3, which is
itself not scored. Measures, as the TE3 scorer defines them:

- relaxed span: a system and a gold TIMEX3 match when their extents overlap
  (one-to-one, in text order); P = matches / system, R = matches / gold.
- strict span: the extents are identical.
- value F1 (TE3 "attribute F1"): P = relaxed matches whose value is equal /
  system, R = the same count / gold; type F1 likewise. Accuracy = equal /
  relaxed matches.

Run: `python bench/accuracy.py times` (or this file directly).
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REFERENCE = {
    "relaxed F1": "0.903 HeidelTime (TE3 platinum)",
    "strict F1": "0.813 HeidelTime (TE3 platinum)",
    "value F1": "0.776 HeidelTime; 0.674 SUTime",
    "type F1": "no reference point given",
}
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TmlDoc:
    name: str
    text: str
    dct: date | None
    gold: tuple[Gold, ...]


def _dct(raw: str) -> date | None:
    match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if not match:
        return None
    value = dict(_ATTR.findall(match.group(1))).get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def load_tml(path: Path) -> TmlDoc:
    """The plain text of the TEXT element, its DCT and its gold TIMEX3 (offsets into the plain text)."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Gold(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[position:]))
    return TmlDoc(path.name, "".join(pieces), _dct(raw), tuple(gold))


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for name in ("system", "gold", "relaxed", "strict", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def f1(correct: int, system: int, gold: int) -> float:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_doc(doc: TmlDoc, found: Sequence[tuple[int, int, str, str]]) -> Counts:
    """TE3 counts for one document; found = (start, end, type, value) of the system."""
    counts = Counts(system=len(found), gold=len(doc.gold))
    used: set[int] = set()
    for start, end, kind, value in found:
        for i, gold in enumerate(doc.gold):
            if i in used or gold.end <= start or gold.start >= end:
                continue
            used.add(i)
            counts.relaxed += 1
            counts.strict += (gold.start, gold.end) == (start, end)
            counts.value += gold.value == value
            counts.type += gold.type == kind
            break
    return counts


def evaluate(docs: list[TmlDoc]) -> Counts:
    from forewarn.analyze.pipeline import Pipeline
    from forewarn.analyze.sentences import Sentences
    from forewarn.analyze.times import Times
    from forewarn.model import TextInput

    pipeline = Pipeline([Sentences(), Times()])
    total = Counts()
    for doc in docs:
        analysis = pipeline.analyze(TextInput(doc.name, doc.text, doc.dct))
        found = [(t.start, t.end, t.type, t.value) for t in analysis.times]
        total.add(score_doc(doc, found))
    return total


def rows_for(name: str, counts: Counts) -> list[tuple[str, str, float | str, str]]:
    return [
        (name, "relaxed F1", f1(counts.relaxed, counts.system, counts.gold), REFERENCE["relaxed F1"]),
        (name, "strict F1", f1(counts.strict, counts.system, counts.gold), REFERENCE["strict F1"]),
        (name, "value F1", f1(counts.value, counts.system, counts.gold), REFERENCE["value F1"]),
        (name, "type F1", f1(counts.type, counts.system, counts.gold), REFERENCE["type F1"]),
        (
            name,
            "value accuracy",
            counts.value / counts.relaxed if counts.relaxed else 0.0,
            "of relaxed matches",
        ),
        (
            name,
            "type accuracy",
            counts.type / counts.relaxed if counts.relaxed else 0.0,
            "of relaxed matches",
        ),
        (name, "system / gold", f"{counts.system} / {counts.gold}", ""),
    ]


def corpora(eval_dir: Path) -> dict[str, list[TmlDoc]]:
    base = eval_dir / "time"
    return {
        name: [load_tml(p) for p in sorted((base / name).glob("*.tml"))] for name in ("TimeBank", "AQUAINT")
    }


def run(eval_dir: Path) -> list[tuple[str, str, float | str, str]]:
    rows: list[tuple[str, str, float | str, str]] = []
    combined = Counts()
    for name, docs in corpora(eval_dir).items():
        counts = evaluate(docs)
        combined.add(counts)
        rows.extend(rows_for(name, counts))
    rows.extend(rows_for("TimeBank+AQUAINT", combined))
    return rows


def speed(repeats: int = 300) -> tuple[int, float]:
    """Words of the seed article and CPU milliseconds the times stage takes on it (best of five runs)."""
    import time

    from forewarn.analyze.pipeline import Pipeline
    from forewarn.analyze.sentences import sentence_spans
    from forewarn.analyze.times import find_times

    seed = (
        Path(__file__).resolve().parent.parent
        / "src/forewarn/examples/corpus/seed/atlas-belarus-northern-front.txt"
    )
    text = seed.read_text(encoding="utf-8")
    published = date(2022, 12, 20)
    sentences = sentence_spans(Pipeline([]).context(text, published))
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for _ in range(repeats):
            find_times(text, published, sentences)
        best = min(best, (time.process_time() - started) / repeats)
    return len(text.split()), best * 1000


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if "--speed" in sys.argv:
        words, ms = speed()
        print(
            f"times stage: {ms:.3f} ms for {words} words = {ms * 700 / words:.3f} ms per 700 words, "
            f"{words / ms * 1000:,.0f} words/s"
        )
        raise SystemExit(0)
    from accuracy import eval_dir

    for row in run(eval_dir()):
        print(*row, sep="\t")
