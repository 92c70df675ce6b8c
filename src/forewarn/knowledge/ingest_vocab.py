"""Loader for the ingest vocabulary (ingest.yaml): site chrome, dating cues, stop words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from forewarn.errors import IngestError

VOCAB_PATH = Path(__file__).resolve().parent / "ingest.yaml"


@dataclass(frozen=True)
class Boilerplate:
    chrome_lines: tuple[re.Pattern[str], ...]
    cut_markers: frozenset[str]
    bio_phrases: tuple[str, ...]
    header_labels: dict[str, str]  # label -> what it holds: date, author or title


@dataclass(frozen=True)
class DatingCues:
    window_days: int
    past_verbs: frozenset[str]
    not_past: frozenset[str]
    future_cues: tuple[str, ...]
    past_lead: tuple[str, ...]
    present_month: tuple[str, ...]


@dataclass(frozen=True)
class IngestVocab:
    boilerplate: Boilerplate
    dating: DatingCues
    languages: dict[str, frozenset[str]]


def _words(raw: Any) -> tuple[str, ...]:
    return tuple(str(w).lower() for w in raw)


def _boilerplate(raw: dict[str, Any]) -> Boilerplate:
    labels = {str(label).lower(): kind for kind, items in raw["header_labels"].items() for label in items}
    return Boilerplate(
        chrome_lines=tuple(re.compile(p, re.IGNORECASE) for p in raw["chrome_lines"]),
        cut_markers=frozenset(_words(raw["cut_markers"])),
        bio_phrases=_words(raw["bio_phrases"]),
        header_labels=labels,
    )


def _dating(raw: dict[str, Any]) -> DatingCues:
    return DatingCues(
        window_days=int(raw["window_days"]),
        past_verbs=frozenset(_words(raw["past_verbs"])),
        not_past=frozenset(_words(raw["not_past"])),
        future_cues=_words(raw["future_cues"]),
        past_lead=_words(raw["past_lead"]),
        present_month=_words(raw["present_month"]),
    )


@lru_cache(maxsize=1)
def load_ingest_vocab(path: Path = VOCAB_PATH) -> IngestVocab:
    """Read the vocabulary once; every word is lower-case."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return IngestVocab(
            boilerplate=_boilerplate(raw["boilerplate"]),
            dating=_dating(raw["dating"]),
            languages={str(k): frozenset(_words(v)) for k, v in raw["languages"].items()},
        )
    except (OSError, KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
        raise IngestError(f"cannot read the ingest vocabulary: {exc}", where=path.name) from exc
