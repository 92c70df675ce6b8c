"""The actor dictionary's lookup: the matches of spaCy's PhraseMatcher, in its order, with no Doc."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from forewarn.analyze.actor_match import _pattern_nlp, build_lexicon, dictionary_keys, matches
from forewarn.analyze.actors import Actors
from forewarn.analyze.pipeline import Pipeline
from forewarn.analyze.sentences import Sentences
from forewarn.config import Settings
from forewarn.model import TextInput

ALIASES = (
    "actors:\n"
    "  - {name: Žytomyr Défense Brigade, type: force, country: UKR, sector: MIL}\n"
    "  - {name: İskele Garrison, type: force, country: TUR, sector: MIL}\n"
)


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("actors") / "mine.yaml"
    path.write_text(ALIASES, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "text",
    [
        "LUXEMBOURG and Luxembourg, luxembourg; Macao, Hong Kong and the Bahamas. The Gambia said so.",
        "The President's Office and the Department of Defense, the Joint Chiefs of Staff: Defense Department.",
        "Russian forces and  the\nGovernment of Iraq; Kyiv said. The ŽYTOMYR DÉFENSE BRIGADE, İskele Garrison",
        "",
        "seed",
    ],
)
def test_actors_lookup_gives_the_phrase_matcher_matches_in_order(
    extra: str, seed_path: Path, text: str
) -> None:
    """Several keys of one phrase ("Macao": capital and state) come in the matcher's order, not the dictionary's."""
    lexicon = build_lexicon((extra,))
    keys = dictionary_keys(lexicon.dictionary, tuple(sorted(lexicon.dictionary.capitals)))
    nlp = _pattern_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name, (_, _, alias, _) in keys.items():
        matcher.add(name, [nlp.make_doc(alias)])
    doc = nlp.make_doc(seed_path.read_text(encoding="utf-8") if text == "seed" else text)
    expected = [(keys[nlp.vocab.strings[m]], start, end) for m, start, end in matcher(doc)]
    found = [(key, s, e) for s, e, found in matches(lexicon, [t.lower_ for t in doc]) for key in found]
    assert found == expected


def test_actors_non_ascii_alias_matches_in_its_cases(extra: str) -> None:
    """Lower-casing is Python's, as spaCy's LOWER: 'Ž', 'É' and 'İ' (two characters lower-cased) match."""
    pipeline = Pipeline([Sentences(), Actors(Settings(actor_dictionaries=(extra,)))])
    text = "The Žytomyr Défense Brigade and the ŽYTOMYR DÉFENSE BRIGADE met the İskele Garrison."
    actors = pipeline.analyze(TextInput("t", text, date(2022, 12, 20))).actors
    assert [(a.text, a.code) for a in actors if a.type == "force"] == [
        ("The Žytomyr Défense Brigade", "UKRMIL"),
        ("the ŽYTOMYR DÉFENSE BRIGADE", "UKRMIL"),
        ("the İskele Garrison", "TURMIL"),
    ]
    lower = pipeline.analyze(TextInput("t", "the žytomyr défense brigade", None)).actors
    assert not lower  # a name written with capitals is not matched in lower case


def test_actors_pronoun_pattern_finds_the_pronoun_words_alone() -> None:
    from forewarn.analyze.actor_pronouns import _PRONOUN, PRONOUN_GENDER

    for word in PRONOUN_GENDER:
        for written in (word, word.title()):
            assert _PRONOUN.fullmatch(written), written
    text = "the ashes, HE, Hes, sis, x_he, 2his, shed, “She” (him) her’s -his/hers herself."
    found = [m.group() for m in _PRONOUN.finditer(text)]
    assert found == ["She", "him", "her", "his", "hers", "herself"]


def test_actors_mentioned_is_replace_of_the_offsets() -> None:
    """`mentioned` builds the record field by field: a field added to Actor must be added there too."""
    from dataclasses import fields, replace

    from forewarn.analyze.actor_pronouns import mentioned
    from forewarn.model import Actor

    values = {f.name: f"value of {f.name}" for f in fields(Actor)} | {"start": 1, "end": 9}
    actor = Actor(**values)  # type: ignore[arg-type]
    assert mentioned(actor, 20, 22, "he") == replace(actor, start=20, end=22, text="he")


def test_actors_new_actor_is_the_record_actor_builds() -> None:
    """`new_actor` fills the record's dict: the same record as `Actor(...)`, still frozen."""
    from dataclasses import FrozenInstanceError, astuple

    from forewarn.analyze.actor_pronouns import new_actor
    from forewarn.model import Actor

    args = (3, 7, "Mr Smith", "John Smith", "person", "USAGOV", "USA", "GOV", "senator")
    fast, built = new_actor(*args), Actor(*args)  # type: ignore[arg-type]
    assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
    assert astuple(fast) == astuple(built) and vars(fast) == vars(built)
    with pytest.raises(FrozenInstanceError):
        fast.start = 0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "the U.S. Army Brigade Council met the Al Bu Nimr tribe",
        "(Iraqi Army) x-Y Army, 9th Brigades; Q’s Wing and A.B.C Office",
        "A  Army _A Army A_ Army Army Force Forces\tB Group ÉA Force",
        "the Syrian Democratic Forces and the Islamic State Group's Media Office",
    ],
)
def test_actors_head_matches_are_the_patterns_own(text: str) -> None:
    """Searching HEAD_PATTERN only before each head noun finds what a scan of the whole text finds."""
    from forewarn.analyze.actor_orgs import HEAD_PATTERN, head_matches

    def spans(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
        return [m.regs for m in found]

    assert spans(head_matches(text)) == spans(list(HEAD_PATTERN.finditer(text)))
