"""Quote attribution accuracy on PolNeAR: `python bench/accuracy.py quotes`.

PolNeAR (BRAT standoff) marks every attribution as a Source, a Cue and a
Content span (each possibly discontinuous) tied together by an `E` line. We
score the three roles separately, each as a set of spans per document:
- exact: a predicted span counts when its fragments equal a gold span's
  (after trimming spaces, and joining fragments that only spaces separate:
  the annotation tool splits a quotation at each sentence); P/R/F1 over the
  span sets;
- overlap: the PARC soft measure — a predicted span scores the share of its
  word tokens found in its best-overlapping gold span (precision), a gold span
  the share of its tokens found in its best-overlapping prediction (recall).
Predicted contents that share a cue are one (discontinuous) span, as in the gold.
Texts annotated twice are scored against the first annotator (sorted by id).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")
REFERENCE = {  # Citron on PARC 3.0 (exact F1, and overlap F1 for content)
    ("cue", "exact"): "Citron/PARC3 82.3",
    ("source", "exact"): "Citron/PARC3 82.0",
    ("content", "exact"): "Citron/PARC3 59.3",
    ("content", "overlap"): "Citron/PARC3 83.3",
}
_T_LINE = re.compile(r"(T\d+)\t(\S+) ([\d ;]+)\t")
_WORD = re.compile(r"\w+")
Fragments = frozenset[tuple[int, int]]


@dataclass
class Counts:
    """Running sums for one role: exact matches and soft (token) scores."""

    predicted: int = 0
    gold: int = 0
    exact: int = 0
    soft_p: float = 0.0
    soft_r: float = 0.0

    def add(self, predicted: set[Fragments], gold: set[Fragments], text: str) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.exact += len(predicted & gold)
        pred_tokens = [_tokens(text, p) for p in predicted]
        gold_tokens = [_tokens(text, g) for g in gold]
        self.soft_p += sum(_best_share(p, gold_tokens) for p in pred_tokens)
        self.soft_r += sum(_best_share(g, pred_tokens) for g in gold_tokens)

    def scores(self) -> dict[str, tuple[float, float, float]]:
        return {
            "exact": _prf(self.exact / max(self.predicted, 1), self.exact / max(self.gold, 1)),
            "overlap": _prf(self.soft_p / max(self.predicted, 1), self.soft_r / max(self.gold, 1)),
        }


@dataclass
class Spans:
    roles: dict[str, set[Fragments]] = field(default_factory=lambda: {r: set() for r in ROLES})


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tokens(text: str, fragments: Fragments) -> set[int]:
    return {m.start() for a, b in fragments for m in _WORD.finditer(text, a, b)}


def _best_share(tokens: set[int], others: list[set[int]]) -> float:
    if not tokens:
        return 0.0
    return max((len(tokens & o) for o in others), default=0) / len(tokens)


def _trim(text: str, fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Fragments without edge spaces; fragments apart only by spaces are one (the gold splits quotes per sentence)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(fragments):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        if out and (out[-1][1] >= a or not text[out[-1][1] : a].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return frozenset(out)


def read_gold(ann: Path, text: str) -> Spans:
    """Source, Cue and Content spans of one BRAT file (other labels are ignored)."""
    gold = Spans()
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line + "\t")
        if m and m.group(2).lower() in ROLES:
            pieces = [tuple(int(x) for x in piece.split()) for piece in m.group(3).split(";")]
            spans = _trim(text, [(p[0], p[1]) for p in pieces if len(p) == 2])
            if spans:
                gold.roles[m.group(2).lower()].add(spans)
    return gold


def predict(text: str, pipeline: object) -> Spans:
    from forewarn.model import TextInput

    analysis = pipeline.analyze(TextInput("doc", text))  # type: ignore[attr-defined]
    contents: dict[tuple[int, int], list[tuple[int, int]]] = {}
    spans = Spans()
    for quote in analysis.quotes:
        cue = (quote.cue.start, quote.cue.end)
        spans.roles["cue"].add(_trim(text, [cue]))
        if quote.source is not None:
            spans.roles["source"].add(_trim(text, [(quote.source.start, quote.source.end)]))
        contents.setdefault(cue, []).append((quote.content.start, quote.content.end))
    spans.roles["content"] = {_trim(text, parts) for parts in contents.values()}
    return spans


def documents(split_dir: Path, limit: int | None = None) -> Iterator[tuple[str, Path]]:
    """(text, annotation file) for each text of a split, first annotator only."""
    texts = sorted((split_dir / "text").glob("*.txt"))[:limit]
    for path in texts:
        anns = sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))
        if anns:
            yield path.read_text(encoding="utf-8"), anns[0]


def score(split_dir: Path, limit: int | None = None) -> dict[str, Counts]:
    from forewarn.analyze.pipeline import Pipeline
    from forewarn.analyze.quotes import Quotes
    from forewarn.analyze.sentences import Sentences

    pipeline = Pipeline([Sentences(), Quotes()])
    counts = {role: Counts() for role in ROLES}
    for text, ann in documents(split_dir, limit):
        gold, predicted = read_gold(ann, text), predict(text, pipeline)
        for role in ROLES:
            counts[role].add(predicted.roles[role], gold.roles[role], text)
    return counts


def run(eval_dir: Path) -> list[tuple[str, str, float | str, str]]:
    rows: list[tuple[str, str, float | str, str]] = []
    for split in ("train", "dev"):
        split_dir = eval_dir / "quotes" / "PolNeAR" / split
        if not split_dir.is_dir():
            rows.append((f"PolNeAR {split}", "missing", str(split_dir), ""))
            continue
        for role, counts in score(split_dir).items():
            for kind, (p, r, f) in counts.scores().items():
                ref = REFERENCE.get((role, kind), "")
                rows.append((f"PolNeAR {split}", f"{role} {kind} P/R", f"{p:.3f} / {r:.3f}", ""))
                rows.append((f"PolNeAR {split}", f"{role} {kind} F1", f, ref))
    return rows


if __name__ == "__main__":
    for row in run(Path(sys.argv[1])):
        print(*row, sep="\t")
