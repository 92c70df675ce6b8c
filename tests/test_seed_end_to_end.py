"""The seed article end to end: ingest it with the real `forewarn` command into a
SQLite store, read it back with `forewarn show --json`, and check what a careful
reader finds there — boilerplate gone, a date range, the places, actors, quotes,
forecasts and events — through every stage at once."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from forewarn.examples import SEED


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forewarn.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'forewarn.db'}"
    ingested = _run("ingest", str(SEED), "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    listed = _run("documents", "--db", db, "--json")
    (doc_id,) = [d["id"] for d in json.loads(listed.stdout)["data"]]
    shown = _run("show", doc_id, "--db", db, "--json")
    assert shown.returncode == 0, shown.stderr
    out: dict[str, Any] = json.loads(shown.stdout)
    return out


def _text(analysis: dict[str, Any], span: dict[str, int] | None) -> str:
    return "" if span is None else analysis["text"][span["start"] : span["end"]]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_seed_text_is_title_and_body_only(seed: dict[str, Any]) -> None:
    text = seed["document"]["text"]
    assert text.startswith("Ukraine Prepares for another Russian Invasion from Belarus")
    assert text.count("Ukraine Prepares for another Russian Invasion from Belarus") == 1
    assert "While speaking with Sky News, Major General Andrii Kovalchuk" in text
    assert text.rstrip().endswith("we won’t know until it happens.")
    for chrome in (
        "Sponsor",
        "spot_img",
        "Week's Top Stories",
        "More In This Category",
        "Editor-In-Chief",
        "Chilean",
    ):
        assert chrome not in text


def test_seed_date_is_inferred_range_covering_december_2022(seed: dict[str, Any]) -> None:
    published = seed["document"]["published"]
    assert published["method"] == "inferred"
    assert published["evidence"]
    assert published["earliest"] <= "2022-12-01" and published["latest"] >= "2022-12-31"
    assert seed["analysis"]["published"].startswith("2022-")


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Hostomel", 50.57, 30.26),
        ("Kyiv", 50.45, 30.52),
        ("Bucha", 50.54, 30.22),
        ("Irpin", 50.52, 30.25),
        ("Kharkiv", 49.99, 36.23),
        ("Kherson", 46.64, 32.61),
        ("Crimea", 45.3, 34.4),
        ("Donbas", 48.0, 38.0),
        ("Belarus", 53.7, 28.0),
        ("Russia", 60.0, 90.0),
        ("Ukraine", 49.0, 31.5),
    ],
)
def test_seed_places_resolve(seed: dict[str, Any], name: str, lat: float, lon: float) -> None:
    found = [p for p in seed["analysis"]["places"] if p["text"] == name]
    assert found, f"{name} not recognised"
    tolerance = (
        1500 if name == "Russia" else 250 if name in {"Crimea", "Donbas", "Belarus", "Ukraine"} else 15
    )
    for place in found:
        assert _km(place["lat"], place["lon"], lat, lon) < tolerance, place


def test_seed_airport_is_a_feature_near_hostomel(seed: dict[str, Any]) -> None:
    airports = [
        p for p in seed["analysis"]["places"] if "airport" in p["text"].lower() or "Airport" in p["name"]
    ]
    assert any(p["level"] == "feature" and _km(p["lat"], p["lon"], 50.6, 30.2) < 10 for p in airports)


@pytest.mark.parametrize(
    ("mention", "code", "kind"),
    [
        ("Major General Andrii Kovalchuk", "UKRMIL", "person"),
        ("Valery Zaluzhny", "UKRMIL", "person"),
        ("VDV forces", "RUSMIL", "force"),
        ("GRU", "RUSSPY", "organisation"),
        ("Belarus Ministry of Defense", "BLR", "organisation"),
        ("Sky News", "MED", "organisation"),
        ("Washington Post", "MED", "organisation"),
    ],
)
def test_seed_actors_recognised_with_types(seed: dict[str, Any], mention: str, code: str, kind: str) -> None:
    actors = [a for a in seed["analysis"]["actors"] if mention in a["text"]]
    assert actors, f"{mention} not recognised"
    assert any(code in a["code"] and a["type"] == kind for a in actors), actors


def test_seed_quotes_attributed_and_forecasts_flagged(seed: dict[str, Any]) -> None:
    analysis = seed["analysis"]
    quotes = analysis["quotes"]
    by_content = {_text(analysis, q["content"]): q for q in quotes}

    def quote_with(fragment: str) -> dict[str, Any]:
        matches = [q for content, q in by_content.items() if fragment in content]
        assert matches, f"no quote holds {fragment!r}"
        return matches[0]

    for fragment in (
        "We are considering a possible offensive from Belarus",  # "..., Kovalchuk said"
        "Definitely yes",  # after "he said"
        "There is a corresponding counteraction",  # "He said that ..."
        "It will no longer be the case",  # "He also noted ..., explaining that ..."
    ):
        quote = quote_with(fragment)
        assert quote["speaker"] == "Andrii Kovalchuk"
        assert quote["direct"] is True

    offensive = quote_with("We are considering a possible offensive from Belarus")
    assert offensive["forecast"] is not None and "possible" in offensive["forecast"]["hedge"]

    zaluzhny = quote_with("it could begin as early as January")
    assert "Zalu" in zaluzhny["speaker"]
    assert zaluzhny["direct"] is False
    assert zaluzhny["forecast"] is not None
    assert "not imminent" in zaluzhny["forecast"]["hedge"] and "as early as" in zaluzhny["forecast"]["hedge"]
    january = [t for t in analysis["times"] if t["text"] == "January"]
    assert january and january[0]["mod"] == "EARLIEST" and january[0]["value"].endswith("-01")


def _events(analysis: dict[str, Any], type_: str, trigger_words: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        e
        for e in analysis["events"]
        if e["type"] == type_ and any(w in _text(analysis, e["sentence"]).lower() for w in trigger_words)
    ]


def test_seed_events_a_careful_reader_finds(seed: dict[str, Any]) -> None:
    analysis = seed["analysis"]
    text_of = lambda e, key: _text(analysis, e[key])  # noqa: E731

    hostomel = _events(analysis, "ASSAULT", ("air assault operation",))
    assert any(e["modality"] == "historical" for e in hostomel), hostomel
    # launched from Belarus, on Hostomel, on the first day of the invasion
    values = {(t["start"], t["end"]): t["value"] for t in analysis["times"]}
    assert any(
        e["place"]
        and "Hostomel" in text_of(e, "place")
        and values.get((e["time"]["start"], e["time"]["end"])) == "2022-02-24"
        for e in hostomel
        if e["time"]
    ), hostomel

    task_force = _events(analysis, "MOBILIZE", ("joint task force",))
    assert any(e["mode"] == "troops" and e["modality"] == "reported" for e in task_force), task_force
    # they arrive in Belarus, "along the border with Ukraine": not in Ukraine
    assert all(text_of(e, "place") != "Ukraine" for e in task_force), task_force

    exercises = _events(analysis, "COOPERATE", ("joint exercises",))
    assert any("military" in e["contexts"] for e in exercises), exercises

    inspections = [
        e
        for e in _events(analysis, "MOBILIZE", ("readiness inspections",))
        if "inspection" in text_of(e, "trigger")
    ]
    assert inspections

    assert _events(analysis, "REQUEST", ("cluster munitions",))

    withdrawal = _events(analysis, "RETREAT", ("withdrawal",))
    assert any(e["modality"] == "historical" for e in withdrawal), withdrawal

    offensive = [e for e in analysis["events"] if e["modality"] == "forecast" and e["type"] == "ASSAULT"]
    sentences = " ".join(text_of(e, "sentence") for e in offensive)
    assert "end of February" in sentences and "as early as January" in sentences
    # the headline's invasion is Russia's, not that of Ukraine, which prepares for it
    headline = [e for e in offensive if "Russian Invasion" in text_of(e, "sentence")]
    assert headline and all([_text(analysis, a) for a in e["actors"]] == ["Russian"] for e in headline), (
        headline
    )

    vow = [
        e
        for e in analysis["events"]
        if "Crimea" in text_of(e, "sentence") and "recaptured" in text_of(e, "sentence")
    ]
    assert any(
        e["type"] == "THREATEN" and e["modality"] in {"threatened", "planned", "reported"} for e in vow
    ), vow


def test_seed_every_event_points_at_its_sentence(seed: dict[str, Any]) -> None:
    analysis = seed["analysis"]
    sentences = {(s["start"], s["end"]) for s in analysis["sentences"]}
    for event in analysis["events"]:
        assert (event["sentence"]["start"], event["sentence"]["end"]) in sentences
        assert (
            event["sentence"]["start"]
            <= event["trigger"]["start"]
            < event["trigger"]["end"]
            <= event["sentence"]["end"]
        )


def test_seed_reingest_adds_nothing(seed: dict[str, Any], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'again.db'}"
    first = _run("ingest", str(SEED), "--db", db)
    second = _run("ingest", str(SEED), "--db", db)
    assert first.returncode == second.returncode == 0
    listed = json.loads(_run("documents", "--db", db, "--json").stdout)
    assert listed["count"] == 1
