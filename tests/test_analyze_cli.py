"""`forewarn analyze`: the public command every analysis stage extends (docs/analysis.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forewarn.cli import app

runner = CliRunner()
TOP_LEVEL = {"id", "text", "published", "sentences", "places", "actors", "times", "quotes", "events"}


def test_analyze_stdin_raw_offsets_index_the_input() -> None:
    text = "  Kyiv said it.\nRussia denied it.  "
    result = runner.invoke(app, ["analyze", "-", "--raw", "--published", "2022-12-20"], input=text)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out.keys() >= TOP_LEVEL
    assert out["text"] == text
    assert out["published"] == "2022-12-20"
    assert [text[s["start"] : s["end"]] for s in out["sentences"]] == ["Kyiv said it.", "Russia denied it."]


def test_analyze_jsonl_streams_one_object_per_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "First text.", "published": "2022-10-01"},
        {"id": "b", "text": "Second text.", "published": None},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = runner.invoke(app, ["analyze", str(path), "--published", "2022-12-20"])
    assert result.exit_code == 0, result.output
    outs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outs] == ["a", "b"]
    assert [o["published"] for o in outs] == ["2022-10-01", "2022-12-20"]  # per-line date wins


def test_analyze_bad_input_is_one_line_and_nonzero_exit(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\nnot json\n')
    proc = subprocess.run(
        [sys.executable, "-m", "forewarn.cli", "analyze", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "bad.jsonl:2" in proc.stderr and "not a JSON object" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_analyze_missing_file_and_bad_date_fail_cleanly(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0
    bad_date = runner.invoke(app, ["analyze", "-", "--published", "20-12-2022"], input="x")
    assert bad_date.exit_code != 0


def test_analyze_table_format_prints_a_summary() -> None:
    result = runner.invoke(app, ["analyze", "-", "--format", "table"], input="One sentence. Two sentences.")
    assert result.exit_code == 0
    assert "2 sentences" in result.stdout


def test_analyze_table_shows_bracketed_text_literally() -> None:
    result = runner.invoke(
        app, ["analyze", "-", "--format", "table"], input="Russian troops arrived in Kyiv."
    )
    assert result.exit_code == 0
    assert "[city]" in result.stdout  # the place level, not swallowed as console markup


def test_analyze_uses_the_users_actor_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - {name: Testland Brigade, type: force, country: UKR, sector: MIL}\n", encoding="utf-8"
    )
    monkeypatch.setenv("FOREWARN_ACTOR_DICTIONARIES", str(extra))
    result = runner.invoke(app, ["analyze", "-"], input="The Testland Brigade arrived in Kyiv.")
    assert result.exit_code == 0, result.output
    codes = {a["name"]: a["code"] for a in json.loads(result.stdout)["actors"]}
    assert codes.get("Testland Brigade") == "UKRMIL"
