"""Loader for the vocabulary of the `times` stage (time_lexicon.yaml), read once and cached."""

from __future__ import annotations

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
    holidays: dict[str, tuple[int, int]]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    not_past: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: tuple[str, ...]
    prefix_mods: dict[str, str]
    quantity_prefixes: frozenset[str]
    signal_mods: dict[str, str]


def _holiday(value: Any) -> tuple[int, int]:
    month, day = str(value).split("-")
    return int(month), int(day)


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
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise TimeLexiconError(f"cannot read the time lexicon: {exc}", where=path.name) from exc
