"""Loader for the speech-cue lexicon (`speech_cues.yaml`): cue verbs, hedges, titles.

The YAML header documents each section. Loaded once and cached; the analysis
core never reads files itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from forewarn.errors import ConfigError


@dataclass(frozen=True)
class SpeechCues:
    """The lexicon as lookup-ready sets; `hedges` maps a phrase to its likelihood word."""

    verb_forms: frozenset[str]
    participles: frozenset[str]
    phrases: tuple[str, ...]
    titles: frozenset[str]
    aux: frozenset[str]
    intro: frozenset[str]
    object_cues: frozenset[str]
    hedges: dict[str, str]
    cue_prefixes: frozenset[str]
    cue_suffixes: tuple[str, ...]
    colon_not_sources: frozenset[str]
    adverbials: frozenset[str]
    irregular_past: frozenset[str]
    adverbial_anchors: frozenset[str]
    forecast_cues: tuple[str, ...]
    future_markers: tuple[str, ...]
    raising: frozenset[str] = frozenset()
    colon_not_heads: frozenset[str] = frozenset()
    noun_next: dict[str, frozenset[str]] = field(default_factory=dict)
    no_cue_after: dict[str, frozenset[str]] = field(default_factory=dict)
    only_before: dict[str, frozenset[str]] = field(default_factory=dict)
    catenatives: frozenset[str] = frozenset()
    infinitives: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    count_heads: frozenset[str] = frozenset()
    quoting: frozenset[str] = frozenset()
    commissives: frozenset[str] = frozenset()


def _words(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"speech_cues.yaml: {key!r} must be a list of strings")
    return value


def _word_sets(raw: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A mapping of cue words to the words that decide them (`noun_next`, `only_before` ...); absent: empty."""
    return {str(k): frozenset(str(w) for w in v) for k, v in (raw.get(key) or {}).items()}


def _parse(raw: dict[str, Any]) -> SpeechCues:
    verbs = raw.get("verbs")
    hedges = raw.get("hedges")
    if not isinstance(verbs, dict) or not isinstance(hedges, dict):
        raise ConfigError("speech_cues.yaml: 'verbs' and 'hedges' must be mappings")
    forms = frozenset(form for group in verbs.values() for form in group)
    return SpeechCues(
        verb_forms=forms,
        participles=frozenset(form for form in forms if form.endswith("ing")),
        phrases=tuple(_words(raw, "phrases")),
        titles=frozenset(_words(raw, "titles")),
        aux=frozenset(_words(raw, "aux")),
        intro=frozenset(_words(raw, "intro")),
        object_cues=frozenset(_words(raw, "object_cues")),
        hedges={str(k): str(v) for k, v in hedges.items()},
        cue_prefixes=frozenset(_words(raw, "cue_prefixes")),
        cue_suffixes=tuple(sorted(_words(raw, "cue_suffixes"), key=len, reverse=True)),
        colon_not_sources=frozenset(_words(raw, "colon_not_sources")),
        adverbials=frozenset(_words(raw, "adverbials")),
        irregular_past=frozenset(_words(raw, "irregular_past")),
        adverbial_anchors=frozenset(_words(raw, "adverbial_anchors")),
        forecast_cues=tuple(_words(raw, "forecast_cues")),
        future_markers=tuple(_words(raw, "future_markers")),
        raising=frozenset(_words(raw, "raising")),
        colon_not_heads=frozenset(_words(raw, "colon_not_heads")),
        noun_next=_word_sets(raw, "noun_next"),
        no_cue_after=_word_sets(raw, "no_cue_after"),
        only_before=_word_sets(raw, "only_before"),
        catenatives=frozenset(_words(raw, "catenatives")) if "catenatives" in raw else frozenset(),
        infinitives=frozenset(_words(raw, "infinitives")) if "infinitives" in raw else frozenset(),
        roles=frozenset(_words(raw, "roles")) if "roles" in raw else frozenset(),
        count_heads=frozenset(_words(raw, "count_heads")) if "count_heads" in raw else frozenset(),
        quoting=frozenset(_words(raw, "quoting")) if "quoting" in raw else frozenset(),
        commissives=frozenset(_words(raw, "commissives")) if "commissives" in raw else frozenset(),
    )


@lru_cache(maxsize=1)
def speech_cues() -> SpeechCues:
    """The shipped lexicon, parsed once per process."""
    source = resources.files("forewarn.knowledge").joinpath("speech_cues.yaml")
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the speech-cue lexicon: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError("speech_cues.yaml must hold a mapping")
    return _parse(raw)
