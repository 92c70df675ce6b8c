"""The PLOVER 2.0 ontology, trigger lexicon, cue lists and mapping tables, read once and cached.

Patterns in `triggers.tsv` are expanded here into concrete token sequences (verb forms,
plurals, alternatives) and tokenised by a blank spaCy pipeline of their own, so the shared
tokenizer's cache is never filled with pattern strings.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from forewarn.errors import ForewarnError

HERE = Path(__file__).resolve().parent
GAP = ""  # a pattern element meaning "up to three tokens of anything"


class PloverDataError(ForewarnError):
    """A PLOVER data file is missing or malformed."""

    code = "E320"


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: what an event named by these words is."""

    pattern: str
    type: str
    mode: str
    contexts: tuple[str, ...]
    weight: float
    indicators: tuple[str, ...]
    flags: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Token sequences (GAP = a short gap) indexed by their first token, longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]]


@dataclass(frozen=True)
class WordRule:
    """A row of modes.tsv or contexts.tsv: token sequences that, when present, set a label."""

    type: str
    mode: str
    labels: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Cues:
    window: int
    historical_days: int
    by_modality: dict[str, tuple[tuple[str, ...], ...]]
    violence: frozenset[str]
    threat_conditions: frozenset[str]
    crowd: frozenset[str]
    imprisonment: frozenset[str]
    warning_consequences: tuple[tuple[str, ...], ...] = ()  # token sequences


@dataclass(frozen=True)
class IrregularVerbs:
    """Irregular past forms and participles (verbs.yaml): tense where no "-ed" shows it."""

    past: frozenset[str]
    participles: frozenset[str]


@dataclass(frozen=True)
class Passive:
    """A verb-and-object trigger as its participle finds it in the passive: the objects it acts on
    (token sequences, "curfew" or "state of emergency"), and their last tokens for a quick test."""

    objects: frozenset[tuple[str, ...]]
    trigger: Trigger
    last: frozenset[str]


@dataclass(frozen=True)
class Ontology:
    types: dict[str, dict[str, Any]]
    contexts: tuple[str, ...]
    modalities: tuple[str, ...]
    indicators: dict[str, str]


# -- word forms -----------------------------------------------------------

_VOWELS = set("aeiou")


def verb_forms(base: str) -> set[str]:
    """Regular English inflections; both spellings where doubling is uncertain (harmless extras)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing", base + "ing"}
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        consonant_vowel_consonant = (
            len(base) > 2
            and base[-1] not in _VOWELS | {"w", "x", "y"}
            and base[-2] in _VOWELS
            and base[-3] not in _VOWELS
        )
        if consonant_vowel_consonant:
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def noun_forms(word: str) -> set[str]:
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return {word, word[:-1] + "ies"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return {word, word + "es"}
    return {word, word + "s"}


def _word_alternatives(token: str) -> set[str]:
    out: set[str] = set()
    for alt in token.split("|"):
        if alt.endswith("+"):
            out |= verb_forms(alt[:-1])
        elif alt.endswith("~"):
            out |= noun_forms(alt[:-1])
        else:
            out.add(alt)
    return out


def expand_pattern(pattern: str) -> Iterator[str]:
    """Every concrete phrase a pattern stands for ("*" kept as a gap word)."""
    for phrase in pattern.split(";"):
        words = [_word_alternatives(w) if w != "*" else {"*"} for w in phrase.split()]
        for combo in itertools.product(*(sorted(alts) for alts in words)):
            yield " ".join(combo)


# The passive of a verb-and-object pattern puts the object first: "the curfew in Colombo was lifted",
# also in the progressive: "more troops were being sent", "the curfew is being lifted".
PASSIVE_AUXILIARIES = ("was", "were", "been", "be", "is", "are", "being")
# A pattern whose second position is one of these is phrasal ("call+ off", "back down"): no object.
_NOT_OBJECTS = frozenset(
    {"to", "on", "off", "up", "down", "out", "in", "into", "over", "with", "for", "from", "by", "at", "of"}
    | {"the", "a", "an", "back", "away", "around", "about", "against", "through", "its", "their", "his"}
    # adjectives and idioms whose passive reads otherwise: "set free", "held responsible", "a price was paid"
    | {"free", "outside", "towards", "ablaze", "responsible", "jailed", "price"}
)


def passive_patterns(pattern: str) -> Iterator[tuple[frozenset[str], frozenset[tuple[str, ...]]]]:
    """The participles and objects (token sequences) of a pattern's verb-and-object phrases, for
    their passive: "lift+ * curfew~" and "lift+ * state of emergency".

    Only a verb position (`word+`, or an irregular participle among its alternatives) followed by
    its object positions, with or without a gap between; one-token participles only.
    """
    participles = load_irregular_verbs().participles
    for phrase in pattern.split(";"):
        words = phrase.split()
        rest = words[2:] if len(words) > 2 and words[1] == "*" else words[1:]
        if not rest or "*" in rest or not _NOT_OBJECTS.isdisjoint(_word_alternatives(rest[0])):
            continue
        forms = set()
        for alt in words[0].split("|"):
            if alt.endswith("+"):
                forms |= {f for f in verb_forms(alt[:-1]) if f.endswith("ed")}
            elif alt in participles or alt.endswith("en"):
                forms.add(alt)
        forms = {w for w in forms if len(tokenize_phrase(w)) == 1}  # "test-fired" is three tokens
        objects = {tokenize_phrase(p) for p in expand_pattern(" ".join(rest))}
        if forms and objects:
            yield frozenset(forms), frozenset(objects)


@lru_cache(maxsize=1)
def _pattern_tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    tokenizer = _pattern_tokenizer()
    out: list[str] = []
    for word in phrase.split():
        out.extend([GAP] if word == "*" else [t.lower_ for t in tokenizer(word)])
    return tuple(out)


# -- files ----------------------------------------------------------------


def _rows(path: Path) -> Iterator[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PloverDataError(f"cannot read {path.name}: {exc}") from exc
    for line in lines:
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(",") if x.strip())


def _triggers(path: Path) -> Iterator[Trigger]:
    for cols in _rows(path):
        cols += [""] * (7 - len(cols))
        try:
            yield Trigger(
                cols[0],
                cols[1],
                cols[2],
                _split(cols[3]),
                float(cols[4]),
                _split(cols[5]),
                frozenset(_split(cols[6])),
            )
        except ValueError as exc:
            raise PloverDataError(f"bad weight in triggers.tsv row {cols[0]!r}") from exc


@lru_cache(maxsize=1)
def load_lexicon(path: Path = HERE / "triggers.tsv") -> Lexicon:
    index: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for trigger in _triggers(path):
        for phrase in expand_pattern(trigger.pattern):
            tokens = tokenize_phrase(phrase)
            if tokens and tokens[0] != GAP:
                index.setdefault(tokens[0], []).append((tokens, trigger))
    return Lexicon({k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()})


@lru_cache(maxsize=1)
def load_passives(path: Path = HERE / "triggers.tsv") -> dict[str, tuple[Passive, ...]]:
    """Per past participle, the verb-and-object triggers it ends in the passive, object first:
    "lift+ * curfew~" gives "lifted" -> (curfew, curfews), so "the curfew in Colombo was lifted" is
    the lifting. Frames, light verbs and nouns are left out (they govern or name, not act on an object).
    """
    out: dict[str, list[Passive]] = {}
    for trigger in _triggers(path):
        if not trigger.flags.isdisjoint({"frame", "light", "noun"}):
            continue
        passive = replace(trigger, flags=trigger.flags | {"passive"})
        for verbs, objects in passive_patterns(trigger.pattern):
            for participle in verbs:
                out.setdefault(participle, []).append(
                    Passive(objects, passive, frozenset(o[-1] for o in objects))
                )
    return {k: tuple(v) for k, v in out.items()}


def _phrases(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tokenize_phrase(p) for p in cell.split("|") if p.strip())


@lru_cache(maxsize=1)
def load_mode_rules(path: Path = HERE / "modes.tsv") -> tuple[WordRule, ...]:
    rules = []
    for cols in _rows(path):
        cols += [""] * (4 - len(cols))
        rules.append(WordRule(cols[0], cols[1], _split(cols[2]), _phrases(cols[3])))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_context_rules(path: Path = HERE / "contexts.tsv") -> tuple[WordRule, ...]:
    return tuple(WordRule("", "", (cols[0],), _phrases(cols[1])) for cols in _rows(path) if len(cols) >= 2)


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PloverDataError(f"cannot read {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise PloverDataError(f"{path.name} is not a mapping")
    return data


@lru_cache(maxsize=1)
def load_cues(path: Path = HERE / "cues.yaml") -> Cues:
    data = _load_yaml(path)
    names = (
        "negation",
        "hypothetical",
        "forecast",
        "planned",
        "threatened",
        "reported",
        "historical",
        "promised",
        "retrospective",
        "aim",
        "guessed",
    )
    return Cues(
        window=int(data["window"]),
        historical_days=int(data["historical_days"]),
        by_modality={n: tuple(tokenize_phrase(p) for p in data[n]) for n in names},
        violence=frozenset(data["violence"]),
        threat_conditions=frozenset(data["threat_conditions"]),
        crowd=frozenset(data["crowd"]),
        imprisonment=frozenset(data["imprisonment"]),
        warning_consequences=tuple(tokenize_phrase(p) for p in data["warning_consequences"]),
    )


@lru_cache(maxsize=1)
def load_irregular_verbs(path: Path = HERE / "verbs.yaml") -> IrregularVerbs:
    data = _load_yaml(path)
    return IrregularVerbs(frozenset(data["past"]), frozenset(data["participles"]))


@lru_cache(maxsize=1)
def load_ontology(path: Path = HERE / "ontology.yaml") -> Ontology:
    data = _load_yaml(path)
    return Ontology(data["types"], tuple(data["contexts"]), tuple(data["modalities"]), data["indicators"])


def _table(path: Path) -> list[dict[str, str]]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    except OSError as exc:
        raise PloverDataError(f"cannot read {path.name}: {exc}") from exc
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def load_cameo_table(path: Path = HERE / "cameo.csv") -> tuple[tuple[str, str, str, str], ...]:
    return tuple((r["type"], r["mode"], r["context"], r["cameo"]) for r in _table(path))


@lru_cache(maxsize=1)
def load_acled_table(path: Path = HERE / "acled.csv") -> tuple[tuple[str, str, str, str], ...]:
    return tuple((r["type"], r["mode"], r["indicator"], r["acled"]) for r in _table(path))


def _most_specific(
    table: tuple[tuple[str, str, str, str], ...], type_: str, mode: str, extra: tuple[str, ...]
) -> str | None:
    best: tuple[int, str] | None = None
    for row_type, row_mode, row_extra, value in table:
        if row_type != type_ or (row_mode and row_mode != mode) or (row_extra and row_extra not in extra):
            continue
        score = (2 if row_mode else 0) + (1 if row_extra else 0)
        if best is None or score > best[0]:
            best = (score, value)
    return None if best is None else best[1]


@lru_cache(maxsize=4096)
def cameo_code(type_: str, mode: str, contexts: tuple[str, ...]) -> str:
    """The CAMEO code (or root) for a PLOVER type, mode and contexts; "" for an unknown type."""
    return _most_specific(load_cameo_table(), type_, mode, contexts) or ""


@lru_cache(maxsize=4096)
def acled_subtype(type_: str, mode: str, indicators: tuple[str, ...]) -> str | None:
    """The ACLED sub-event type for a PLOVER type and mode, or None where ACLED has none."""
    return _most_specific(load_acled_table(), type_, mode, indicators)
