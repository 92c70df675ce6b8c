"""Demonyms: "Belarusian" -> BLR. The data is `demonyms.tsv` beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEMONYMS_FILE = Path(__file__).resolve().parent / "demonyms.tsv"


@dataclass(frozen=True)
class Demonym:
    text: str  # as written, e.g. "Belarusian" or "Belarusians"
    country: str  # ISO 3166 alpha-3, "" for groups with no single state
    plural: bool  # a people-noun ("Belarusians") rather than an adjective


@lru_cache(maxsize=1)
def load_demonyms() -> tuple[Demonym, ...]:
    """Every adjective and people-noun in the file, the first line naming a word winning."""
    seen: set[str] = set()
    out: list[Demonym] = []
    for line in DEMONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, adjectives, nouns = ([*line.split("\t"), "", ""])[:3]
        for words, plural in ((adjectives, False), (nouns, True)):
            for word in filter(None, (w.strip() for w in words.split("|"))):
                if word not in seen:
                    seen.add(word)
                    out.append(Demonym(word, country.strip(), plural))
    return tuple(out)


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Lower-cased adjective or people-noun -> alpha-3 (only those naming one state)."""
    return {d.text.lower(): d.country for d in load_demonyms() if d.country}
