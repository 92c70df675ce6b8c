"""The store commands of the CLI: ingest, documents, show, extract, demo."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from forewarn.cli import app
from forewarn.config import Settings
from forewarn.store import open_store

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

ARTICLE = (
    "Troops gather near the border\n\n"
    "Ukrainian officials said on Tuesday that Russian troops were gathering in Belarus near the border. "
    "“We expect an attack in February,” said a commander in Kyiv. Observers counted new columns of armour. "
    "The ministry in Minsk denied any plan to join the war and called the reports provocations.\n"
)
PAGE = """<!doctype html><html lang="en"><head><title>Border build-up | Example News</title>
<meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2022-12-20"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border build-up</h1>
<p>Ukrainian officials said on Tuesday that Russian troops were gathering in Belarus near the northern border,
and that new columns of armour had been seen moving south along the main road towards the frontier.</p>
<p>The ministry in Minsk denied any plan to join the war and called the reports provocations meant to
frighten the public, while observers in Kyiv said they expected the build-up to continue into the new year.</p>
</article><footer>Subscribe to our newsletter. Copyright Example News.</footer></body></html>"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "border.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/cli.db"


def test_cli_ingest_prints_a_summary_and_is_idempotent(corpus: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "new" in result.stdout and "analysed" in result.stdout
    again = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--json"])
    report = json.loads(again.stdout)
    assert (report["new"], report["duplicate"], report["failed"]) == (0, 2, 0)


def test_cli_ingest_lists_problems_one_per_line_and_exits_2(corpus: Path, db: str) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    targets = [str(corpus), str(corpus / "nope.html")]
    result = runner.invoke(app, ["ingest", *targets, "--db", db, "--json", "--no-analyze"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["new"] == 2
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem")]
    assert (
        len(problems) == 2
        and any("empty.txt" in p for p in problems)
        and any("nope.html" in p for p in problems)
    )


def test_cli_ingest_exits_1_when_everything_failed(tmp_path: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db, "--no-analyze"])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr


def test_cli_documents_lists_searches_and_prints_json(corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-analyze"])
    listed = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)
    assert listed["count"] == 2 and len(listed["data"]) == 2
    assert {d["title"] for d in listed["data"]} >= {"Troops gather near the border"}
    found = json.loads(
        runner.invoke(app, ["documents", "--db", db, "--json", "--search", "frontier armour"]).stdout
    )
    assert found["count"] == 1 and "frontier" in found["data"][0]["text"]
    table = runner.invoke(app, ["documents", "--db", db, "--limit", "1"])
    assert table.exit_code == 0 and "1 of 2 documents" in table.stdout


def test_cli_documents_as_of_before_anything_was_ingested(corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db, "--no-analyze"])
    early = json.loads(
        runner.invoke(app, ["documents", "--db", db, "--json", "--as-of", "2000-01-01"]).stdout
    )
    assert early == {"data": [], "count": 0}
    doc_id = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)["data"][0]["id"]
    assert runner.invoke(app, ["show", doc_id, "--db", db, "--as-of", "2000-01-01"]).exit_code == 1
    assert runner.invoke(app, ["show", doc_id, "--db", db, "--as-of", "2999-01-01T00:00"]).exit_code == 0


def test_cli_show_prints_document_date_and_analysis(corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus / "border.txt"), "--db", db])
    doc_id = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)["data"][0]["id"]
    shown = json.loads(runner.invoke(app, ["show", doc_id[:8], "--db", db, "--json"]).stdout)
    assert shown["document"]["id"] == doc_id
    assert shown["document"]["published"]["method"] in {"metadata", "given", "inferred", "unknown"}
    assert shown["analysis"]["id"] == doc_id and shown["analysis"]["sentences"]
    text = runner.invoke(app, ["show", doc_id, "--db", db])
    assert (
        text.exit_code == 0 and "Troops gather near the border" in text.stdout and "sentences" in text.stdout
    )


def test_cli_show_unknown_document_is_one_error_line(db: str) -> None:
    result = runner.invoke(app, ["show", "deadbeef", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no such document" in result.stderr


def test_cli_bad_database_url_is_one_error_line() -> None:
    result = runner.invoke(app, ["documents", "--db", "nosuchdialect://x"])
    assert result.exit_code == 1 and result.stderr.startswith("error [E400]")


def test_cli_extract_prints_the_main_text(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus / "page.html")])
    assert result.exit_code == 0, result.output
    assert "new columns of armour" in result.stdout
    assert "Subscribe to our newsletter" not in result.stdout and "Home" not in result.stdout


def test_cli_extract_missing_file_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "gone.html")])
    assert result.exit_code == 1 and "gone.html" in result.stderr


def test_cli_demo_summarises_and_adds_nothing_the_second_time(db: str) -> None:
    first = runner.invoke(app, ["demo", "--db", db])
    assert first.exit_code == 0, first.output
    assert "documents" in first.stdout and "Analysis" in first.stdout
    before = open_store(db).count_rows()
    assert before["documents"] >= 20 and before["analyses"] >= 19  # the seed and the open-licence releases
    second = runner.invoke(app, ["demo", "--db", db])
    assert second.exit_code == 0
    assert open_store(db).count_rows() == before


def test_cli_entry_point_runs_as_a_real_process(corpus: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("forewarn")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "forewarn.cli"]
    db_path = tmp_path / "real.db"
    ingest = subprocess.run(  # --no-analyze: building the full pipeline would take most of the time
        [*command, "ingest", str(corpus), "--db", str(db_path), "--json", "--no-analyze"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ingest.returncode == 0, ingest.stderr
    assert json.loads(ingest.stdout)["new"] == 2
    listed = subprocess.run(
        [*command, "documents", "--db", str(db_path), "--json"], capture_output=True, text=True, timeout=60
    )
    ids = {d["id"] for d in json.loads(listed.stdout)["data"]}
    with sqlite3.connect(db_path) as conn:
        assert {row[0] for row in conn.execute("SELECT id FROM documents")} == ids
        assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 0


def test_cli_every_setting_is_documented() -> None:
    documented = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [f.name for f in fields(Settings) if f"`{f.name}`" not in documented]
    assert missing == [], f"settings missing from docs/configuration.md: {missing}"


def test_cli_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    missing = [name for name in commands if f"forewarn {name}" not in readme]
    assert missing == [], f"commands missing from README.md: {missing}"


def test_cli_show_points_a_near_duplicate_to_its_first_copy(tmp_path: Path, db: str) -> None:
    body = " ".join(
        f"Report {i}: columns of troops moved towards the border near Homel at night." for i in range(40)
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body + " Updated at noon.", encoding="utf-8")
    report = json.loads(
        runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--json", "--no-analyze"]).stdout
    )
    assert (report["new"], report["near_duplicate"]) == (1, 1)
    listed = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)["data"]
    near = next(d for d in listed if d["duplicate_of"])
    shown = runner.invoke(app, ["show", near["id"], "--db", db])
    assert f"near-duplicate of {near['duplicate_of']}" in " ".join(shown.stdout.split())
