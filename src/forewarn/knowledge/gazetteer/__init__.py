"""The gazetteer the package ships: GeoNames places with their names, loaded once.

`gazetteer.tsv.gz` holds one line per place (geonameid, name, lat, lon,
country, admin1, level, population), a `#names` line, the folded names one per
line in sorted order (looked up by bisection), a `#rows` line, then for each name the row numbers of its places, and
after `#firsts` the first words of the names of several words. Rows are parsed only
when a name is looked up, which keeps loading well under a second.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import cast

from forewarn.errors import AnalysisError
from forewarn.knowledge.gazetteer.names import fold
from forewarn.model import PlaceLevel

HERE = Path(__file__).resolve().parent
GAZETTEER_FILE = HERE / "gazetteer.tsv.gz"

__all__ = ["GazEntry", "Gazetteer", "Lexicon", "Sense", "fold", "load_gazetteer", "load_lexicon"]


@dataclass(frozen=True)
class GazEntry:
    row: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    level: PlaceLevel
    population: int


@dataclass(frozen=True)
class Sense:
    """One place a name may stand for; `own` is False when the name is only a GeoNames alternate."""

    entry: GazEntry
    own: bool


class _Known(dict[str, bool]):
    """Whether a folded name is in the gazetteer, found on first asking and then remembered.

    Read as `known[key]`, a dict subscript that runs no Python code once the key is
    remembered: it is asked of every capitalised word of every article.
    """

    def __init__(self, ids_of: Callable[[str], str | None]) -> None:
        super().__init__()
        self._ids_of = ids_of

    def __missing__(self, key: str) -> bool:
        found = self._ids_of(key) is not None
        if len(self) < 1 << 16:  # bounded: the names articles ask for, not all 400,000
            self[key] = found
        return found


class Gazetteer:
    """Folded name -> candidate places."""

    def __init__(self, rows: list[str], keys: list[str], ids: list[str], firsts: frozenset[str]) -> None:
        self._rows = rows
        # Sorted folded names and, at the same index, their row numbers: searched by bisection,
        # since building a dict of 400,000 names would take most of the load time.
        self._keys = keys
        self._ids = ids
        self._firsts = firsts  # first words of names of several words: only these start longer matches
        self._parsed: dict[int, GazEntry] = {}
        self._lookups: dict[str, tuple[Sense, ...]] = {}
        self._countries: dict[str, GazEntry] | None = None
        self._found: dict[str, str | None] = {}
        self._names_country: dict[str, bool] = {}
        self.known = _Known(self._ids_of)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: str) -> bool:
        return self.known[key]

    def _ids_of(self, key: str) -> str | None:
        found = self._found.get(key, "")
        if found == "":
            at = bisect_left(self._keys, key)
            found = self._ids[at] if at < len(self._keys) and self._keys[at] == key else None
            if len(self._found) < 1 << 16:  # bounded: a cache of the keys articles ask for
                self._found[key] = found
        return found

    def starts_longer(self, first_word: str) -> bool:
        return first_word in self._firsts

    def entry(self, row: int) -> GazEntry:
        found = self._parsed.get(row)
        if found is None:
            gid, name, lat, lon, cc, admin1, level, pop = self._rows[row].split("\t")
            found = GazEntry(
                row, int(gid) if gid else None, name, float(lat), float(lon), cc, admin1,
                cast(PlaceLevel, level), int(pop),
            )  # fmt: skip
            self._parsed[row] = found
        return found

    def lookup(self, key: str) -> tuple[Sense, ...]:
        """Places named `key` (already folded with `fold`): own names first, then most populous."""
        found = self._lookups.get(key)
        if found is None:
            ids = self._ids_of(key)
            senses = (
                [Sense(self.entry(int(i.lstrip("~"))), not i.startswith("~")) for i in ids.split(",")]
                if ids
                else []
            )
            found = tuple(sorted(senses, key=lambda s: (not s.own, -s.entry.population)))
            self._lookups[key] = found
        return found

    def names_country(self, key: str) -> bool:
        """Is one of the places named `key` a country? Remembered: asked of names after "of" in every article."""
        found = self._names_country.get(key)
        if found is None:
            found = any(s.entry.level == "country" for s in self.lookup(key))
            if len(self._names_country) < 1 << 16:
                self._names_country[key] = found
        return found

    def country(self, cc: str) -> GazEntry | None:
        """The country with ISO code `cc`; its index is built on the first call."""
        if self._countries is None:
            self._countries = {}
            for row, line in enumerate(self._rows):
                if "\tcountry\t" in line:
                    entry = self.entry(row)
                    self._countries.setdefault(entry.country, entry)
        return self._countries.get(cc)

    def search(self, name: str) -> tuple[GazEntry, ...]:
        """The places a name may stand for, most likely first by kind and population alone."""
        return tuple(s.entry for s in self.lookup(fold(name)))


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    try:
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    except OSError as exc:
        raise AnalysisError(f"cannot read the gazetteer: {exc}", where=str(path)) from exc
    head, _, tail = raw.partition("\n#names\n")
    keys, _, tail = tail.partition("\n#rows\n")
    ids, _, firsts = tail.partition("\n#firsts\n")
    del raw, tail
    key_list, id_list = keys.split("\n"), ids.split("\n")
    if len(key_list) != len(id_list):
        raise AnalysisError("the gazetteer's names and rows do not match", where=str(path))
    return Gazetteer(head.split("\n"), key_list, id_list, frozenset(firsts.split()))


@dataclass(frozen=True)
class Lexicon:
    """Word lists that keep common words and given names from reading as places."""

    words: frozenset[str]
    given_names: frozenset[str]
    zipf: dict[str, float]
    # Common given names that are also place names ("Paul", "Nelson").
    first_names: frozenset[str] = frozenset()
    # Country adjectives: "ukrainian" -> "UA".
    demonyms: dict[str, str] = field(default_factory=dict)
    # Adjectives of a nation inside a country: "english" -> "England" (not the whole of GB).
    nations: dict[str, str] = field(default_factory=dict)
    # First words of the demonyms and of their plurals ("south", "syrian", "syrians"): a quick filter.
    demonym_starts: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    sections: dict[str, set[str]] = {"words": set(), "given-names": set()}
    current = "words"
    for line in (HERE / "stoplist.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            continue
        sections[current].add(fold(line))
    zipf: dict[str, float] = {}
    for line in (HERE / "common_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split("\t")
            zipf[word] = float(value)
    first_names = {
        line
        for line in (HERE / "given_names.txt").read_text(encoding="utf-8").splitlines()
        if line and line[0] != "#"
    }
    demonym_lines = (HERE / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
    demonyms: dict[str, str] = {}
    nations: dict[str, str] = {}
    for line in demonym_lines:
        if line and line[0] != "#":
            words, cc, *place = line.split("\t")
            for word in words.split(","):  # "antiguan,barbudan": one country, several adjectives
                demonyms[word] = cc
                if place:
                    nations[word] = place[0]
    return Lexicon(
        frozenset(sections["words"]),
        frozenset(sections["given-names"]),
        zipf,
        frozenset(first_names),
        demonyms,
        nations,
        frozenset(w for d in demonyms for w in (d.split()[0], d + "s")),
    )
