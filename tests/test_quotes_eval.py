"""The PolNeAR scorer itself: BRAT reading, discontinuous spans, exact and overlap scores."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from eval_quotes import Counts, read_gold

TEXT = "“We will win,” he said. “It is over.”\nOfficials said the war was over."


def _ann(tmp_path: Path) -> Path:
    path = tmp_path / "doc_a1.ann"
    lines = [
        "T1\tSource 15 17\the",
        "T2\tCue 18 22\tsaid",
        "T3\tContent 0 14;24 37\t“We will win,” “It is over.”",
        "T4\tAttribution 18 22\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tDiscuss 0 14\tignored",
        "#1\tAnnotatorNotes T1\ta note",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_quotes_eval_reads_roles_and_discontinuous_spans(tmp_path: Path) -> None:
    gold = read_gold(_ann(tmp_path), TEXT)
    assert gold.roles["source"] == {frozenset({(15, 17)})}
    assert gold.roles["cue"] == {frozenset({(18, 22)})}
    assert gold.roles["content"] == {frozenset({(0, 14), (24, 37)})}


def test_quotes_eval_exact_and_overlap_scores(tmp_path: Path) -> None:
    gold = read_gold(_ann(tmp_path), TEXT).roles["content"]
    counts = Counts()
    counts.add({frozenset({(0, 14)})}, gold, TEXT)  # half of the gold's words, all of them right
    p, r, f = counts.scores()["exact"]
    assert (p, r, f) == (0.0, 0.0, 0.0)
    p, r, _ = counts.scores()["overlap"]
    assert p == 1.0 and r == 0.5
