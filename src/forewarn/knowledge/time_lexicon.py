"""Loader for the vocabulary of the `times` stage (time_lexicon.yaml), read once and cached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from forewarn.errors import ForewarnError

LEXICON_PATH = Path(__file__).resolve().parent / "time_lexicon.yaml"


class TimeLexiconError(ForewarnError):
    """The time vocabulary file is missing or malformed."""

    code = "E310"


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague_counts: tuple[str, ...]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    refs: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, Holiday]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    not_past: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: tuple[str, ...]
    prefix_mods: dict[str, str]
    quantity_prefixes: frozenset[str]
    signal_mods: dict[str, str]
    time_zones: tuple[str, ...] = ()


@dataclass(frozen=True)
class Holiday:
    """When a holiday falls in a year: a fixed day, the nth weekday of a month, or days from Easter.

    nth < 0 counts from the month's end (-1: the last Monday of May); `offset`
    days are added after (Election Day: the Tuesday after the first Monday).
    """

    month: int = 0
    day: int = 0
    nth: int = 0
    weekday: int = 0
    offset: int = 0
    easter: bool = False


_MOVABLE = re.compile(r"(?P<m>\d\d)/(?P<nth>-?\d)/(?P<wd>[1-7])(?P<off>[+-]\d+)?")
_EASTER = re.compile(r"easter(?P<off>[+-]\d+)?")


def _holiday(value: Any) -> Holiday:
    """ "12-25" (fixed), "11/4/4" (4th Thursday of November), "11/1/1+1", "easter-2"."""
    text = str(value)
    movable, easter = _MOVABLE.fullmatch(text), _EASTER.fullmatch(text)
    if movable:
        offset = int(movable.group("off") or 0)
        return Holiday(
            int(movable.group("m")), 0, int(movable.group("nth")), int(movable.group("wd")), offset
        )
    if easter:
        return Holiday(offset=int(easter.group("off") or 0), easter=True)
    month, day = text.split("-")
    return Holiday(int(month), int(day))


@lru_cache(maxsize=1)
def load_time_lexicon(path: Path = LEXICON_PATH) -> TimeLexicon:
    """Read the vocabulary; every key is lower-case."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TimeLexicon(
            months={str(k): int(v) for k, v in raw["months"].items()},
            weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
            numbers={str(k): float(v) for k, v in raw["numbers"].items()},
            ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
            vague_counts=tuple(str(w) for w in raw["vague_counts"]),
            units={str(k): str(v) for k, v in raw["units"].items()},
            seasons={str(k): str(v) for k, v in raw["seasons"].items()},
            parts_of_day={str(k): str(v) for k, v in raw["parts_of_day"].items()},
            refs={str(k): str(v) for k, v in raw["refs"].items()},
            sets={str(k): str(v) for k, v in raw["sets"].items()},
            holidays={str(k): _holiday(v) for k, v in raw["holidays"].items()},
            future_cues=frozenset(str(w) for w in raw["tense"]["future"]),
            past_cues=frozenset(str(w) for w in raw["tense"]["past"]),
            not_past=frozenset(str(w) for w in raw["tense"]["not_past"]),
            auxiliaries=frozenset(str(w) for w in raw["tense"]["auxiliaries"]),
            determiners=tuple(str(w) for w in raw["determiners"]),
            prefix_mods={str(k): str(v) for k, v in raw["modifiers"]["inside"].items()},
            quantity_prefixes=frozenset(str(w) for w in raw["modifiers"]["quantity"]),
            signal_mods={str(k): str(v) for k, v in raw["modifiers"]["signals"].items()},
            time_zones=tuple(str(w) for w in raw.get("time_zones", ())),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise TimeLexiconError(f"cannot read the time lexicon: {exc}", where=path.name) from exc


@lru_cache(maxsize=1)
def month_names() -> tuple[str, ...]:
    """The twelve months' full names, capitalised as written ("January" ... "December"): each
    month's longest name in the lexicon, for stages that read a date without resolving it."""
    longest: dict[int, str] = {}
    for name, number in load_time_lexicon().months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    return tuple(longest[n].capitalize() for n in sorted(longest))
