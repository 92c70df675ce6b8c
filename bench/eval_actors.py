"""Actor (and entity) accuracy on re3d: `python bench/accuracy.py actors`.

re3d (DSTL) is a CoNLL file of tokenised sentences with BIO entity tags. Each
sentence is detokenised back to plain text (offsets kept per token), analysed
alone by the full default pipeline, and the output mapped to re3d's types:

- Person: actors of type person;
- Organisation: actors of type organisation, force and other (groups of people:
  "Syrians"), and states acting as agents (see below);
- Nationality: actors of type nationality;
- Location: places from the places stage, and states that are not acting, over re3d's extent
  (below).

A state name is a Location unless it acts: followed by a verb of saying or an
auxiliary ("the UK has", "Russia said"), introduced by "with"/"by" or "our ally",
the subject of an infinitive ("pressed for Russia to use"), or qualifying a noun
that is no place ("U.S. airstrikes", "UK support"): the state as a political
actor, which re3d's guidelines tag Organisation, not the land. A mention ending in a platform or
weapon noun ("Coalition aircraft", "U.S. warships") is re3d's MilitaryPlatform or Weapon, not scored. Spans are scored
exactly (start, end, type); micro F1 is over the four types.

The possessive "his", which re3d mostly leaves untagged as a determiner, is no Person.
An organisation's name right before a noun for a thing it owns is part of that thing's mention in
re3d's guidelines ("ISIL vehicles", "UN Security Council Resolution 2254", "al-Qaida headquarters":
MilitaryPlatform, DocumentReference, Location), so no Organisation of its own.

re3d marks a whole locative noun phrase as one Location, where the places stage gives the
toponym alone; a predicted place is widened the way re3d's annotation does it (`re3d_locations.py`
says how).

The CoNLL tokens are joined back into the text the source had: no space before
punctuation, none inside "40,000" or around the hyphen of "U.S.-led".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from forewarn.analyze.pipeline import default_pipeline
from forewarn.knowledge.actors import load_head_nouns
from forewarn.model import Analysis, TextInput
from re3d_locations import locative_phrases

Row = tuple[str, str, float | str, str]
TYPES = ("Person", "Organisation", "Location", "Nationality")
REFERENCE = {"Person": ".717", "Organisation": ".646", "Location": ".616", "Nationality": ""}
AGENT_NEXT = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "should",
        "must",
        "can",
        "could",
        "may",
        "might",
        "announced",
        "warned",
        "added",
        "stated",
        "noted",
        "called",
        "urged",
        "condemned",
        "welcomed",
        "supports",
        "supported",
        "continues",
        "continued",
        "remains",
        "agreed",
        "launched",
        "accused",
        "denied",
        "claimed",
        "confirmed",
        "wants",
        "hopes",
        "believes",
    ]
)
AGENT_BEFORE = frozenset(
    {"with", "by", "between", "including", "include", "notably", "ally", "allies", "partner"}
)
LOCATIVE = frozenset(
    {"in", "across", "from", "to", "into", "near", "outside", "inside", "throughout", "within", "at", "on"}
    | {"over", "visiting", "visit", "visited", "towards", "toward", "through", "around"}
)
DEFAULT_STATE = "Location"
# re3d's guidelines tag a vehicle, aircraft or vessel with its owner as one MilitaryPlatform (and arms
# as Weapon): "Coalition aircraft", "ISIL tanks", "U.S. warships". Neither type is scored here, so a
# mention ending in such a noun, or a state qualifying one, is left out of the four types.
PLATFORMS = frozenset(
    {"aircraft", "airplanes", "planes", "jets", "warplanes", "helicopters", "drones", "tanks"}
    | {"vehicles", "ships", "warships", "vessels", "submarines", "missiles", "rockets", "artillery"}
)
NOT_ACTS = frozenset({"including", "include", "includes", "and", "or"})
# An organisation's name qualifying a noun for a thing it owns is, in re3d's guidelines, part of that
# thing's mention, of a type not scored here or a Location: "ISIL vehicles" (MilitaryPlatform), "UN
# Security Council Resolution 2254" (DocumentReference), "a large al-Qaida headquarters" (Location).
OWNED_THINGS = PLATFORMS | {"resolution", "resolutions", "headquarters", "position", "positions"}
# "his" before a noun is mostly left untagged in re3d, a determiner of the noun phrase (14 times, 5 a
# Person), where the actors stage emits it as a mention of its antecedent.
UNTAGGED_DETERMINERS = frozenset({"his"})
# re3d tags pronouns as entities ("I", "he" as Person; "we", "they" as Organisation); the actors
# stage emits only third-person singular pronouns whose antecedent it finds in the same text (each
# sentence is analysed alone here), so scores are also reported with gold pronouns left out.
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "mine",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "it",
        "its",
        "itself",
        "you",
        "your",
    ]
)
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "”", "%", "’s", "'s", "n't", "’t"})
NO_SPACE_AFTER = frozenset({"(", "[", "“", "$", "£"})


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        word, _, tag = line.partition("\t")
        sentence.append((word, tag.strip()))
    if sentence:
        yield sentence


def _glued(prev: str, word: str, nxt: str, open_quote: bool) -> bool:
    """Whether `word` attaches to the previous token without a space."""
    if word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
        return True
    if word in {"’", "'"} and nxt in {"s", "t"}:
        return True
    if prev in {"’", "'"} and word in {"s", "t", "esh"}:
        return True
    if word == "’" and prev.isalpha() and nxt.isalpha():  # "Da ’ esh"
        return True
    abbreviation = prev[-2:-1].isupper() and prev[-1:] == "."
    if (word == "-" and (prev[-1:].isalnum() or abbreviation) and nxt[:1].isalnum()) or prev == "-":
        return True  # "US-led", "U.S.-led" (re3d splits the hyphen off an abbreviation too)
    if word == "," and prev.isdigit() and len(nxt) == 3 and nxt.isdigit():
        return True  # the thousands separator of "40,000"
    if word == '"':
        return open_quote  # a closing quote
    return prev == '"' and not open_quote  # just after an opening quote


def detokenise(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text from CoNLL tokens, with each token's character offsets."""
    text, offsets, open_quote = "", [], False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        thousands = word.isdigit() and len(word) == 3 and text.endswith(",") and text[-2:-1].isdigit()
        if i and not thousands and not _glued(words[i - 1], word, nxt, open_quote):
            text += " "
        if word == '"':
            open_quote = not open_quote
        offsets.append((len(text), len(text) + len(word)))
        text += word
    return text, offsets


def gold_spans(tags: list[str], offsets: list[tuple[int, int]]) -> set[tuple[int, int, str]]:
    spans, start, kind = set(), -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if kind and tag != f"I-{kind}":
            spans.add((offsets[start][0], offsets[i - 1][1], kind))
            kind = ""
        if tag.startswith("B-") or (tag.startswith("I-") and not kind):
            start, kind = i, tag[2:]
    return {s for s in spans if s[2] in TYPES}


def _acts(text: str, end: int, prev: str, nxt: str, before: list[str]) -> bool:
    """A state as an agent: "Russia said", "with the UK", "our ally Turkey", "Syria's", "for Iraq to
    obtain", or opening the sentence."""
    if nxt in AGENT_NEXT or prev in AGENT_BEFORE or text[end:].startswith(("’s", "'s")) or not before:
        return True
    return prev == "for" and nxt == "to"  # the subject of an infinitive: "pressed for Russia to use"


def _qualifies_an_act(word: str) -> bool:
    """Whether a state name before `word` names the state as a political actor (metonymy, not a
    place): "U.S. airstrikes", "UK support", "Syria sanctions"; not before a place noun ("Iraq
    border"), a function word or a capitalised name."""
    if not (word.isalpha() and word.islower()) or word in STOP_WORDS or word in NOT_ACTS:
        return False
    head = load_head_nouns().get(word)
    return head is None or head.kind != "place"


def _state_labels(text: str, states: list[tuple[int, int]], places: list[tuple[int, int]]) -> list[str]:
    """Location or Organisation for each state mention, from the words around it (see the module doc)."""
    labels: list[str] = []
    for i, (start, end) in enumerate(states):
        before = text[:start].split()
        if before and before[-1].lower() == "the":
            before = before[:-1]
        prev = before[-1].lower() if before else ""
        after = text[end:].split(None, 1)
        nxt = after[0].lower() if after else ""
        listed = prev.endswith(",") and i and states[i - 1][1] >= start - 3
        if prev in LOCATIVE or (
            not listed and prev.endswith(",") and any(e <= start and start - e < 3 for _, e in places)
        ):
            labels.append("Location")
        elif prev in {"and", "or"} or listed:  # a list of states shares one role: "include A, B and C"
            labels.append(labels[-1] if labels and states[i - 1][1] >= start - 6 else DEFAULT_STATE)
        elif nxt in PLATFORMS:
            labels.append("MilitaryPlatform")
        elif _acts(text, end, prev, nxt, before) or _qualifies_an_act(after[0] if after else ""):
            labels.append("Organisation")
        else:
            labels.append(DEFAULT_STATE)
    return labels


def predicted_spans(analysis: Analysis) -> set[tuple[int, int, str]]:
    text, spans = analysis.text, set()
    places = [(p.start, p.end) for p in analysis.places]
    states = [(a.start, a.end) for a in analysis.actors if a.type == "state"]
    spans |= {
        (s, e, label) for (s, e), label in zip(states, _state_labels(text, states, places), strict=True)
    }
    for actor in analysis.actors:
        if actor.type == "person":
            if text[actor.start : actor.end].lower() not in UNTAGGED_DETERMINERS:
                spans.add((actor.start, actor.end, "Person"))
        elif actor.type == "nationality":
            spans.add((actor.start, actor.end, "Nationality"))
        elif actor.type != "state" and _organisation(text, actor.start, actor.end):
            spans.add((actor.start, actor.end, "Organisation"))
    covered = [(a.start, a.end) for a in analysis.actors]
    for start, end in places:
        if not any(s < end and start < e for s, e in covered):
            spans.add((start, end, "Location"))
    return locative_phrases(analysis, spans)


def _organisation(text: str, start: int, end: int) -> bool:
    """Whether a group's mention is an Organisation: not one ending in a platform noun ("Coalition
    aircraft"), nor a name qualifying a noun for a thing it owns (OWNED_THINGS: "ISIL vehicles", "UN
    Security Council resolutions")."""
    if text[start:end].rsplit(None, 1)[-1] in PLATFORMS:
        return False
    after = text[end:].split(None, 1)
    return not after or after[0].rstrip(".,;:").lower() not in OWNED_THINGS


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _is_pronoun(text: str, span: tuple[int, int, str]) -> bool:
    return text[span[0] : span[1]].lower() in PRONOUNS


def score_re3d(eval_dir: Path, with_pronouns: bool = True) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 per type and micro; without pronouns, mentions that are a bare pronoun are left out."""
    pipeline = default_pipeline()
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    path = eval_dir / "entities" / "re3d" / "re3d-train.conll"
    for n, sentence in enumerate(read_conll(path)):
        text, offsets = detokenise([w for w, _ in sentence])
        gold = gold_spans([t for _, t in sentence], offsets)
        if not with_pronouns:
            gold = {g for g in gold if not _is_pronoun(text, g)}
        pred = predicted_spans(pipeline.analyze(TextInput(f"re3d-{n}", text)))
        if not with_pronouns:  # then pronouns are out of both sides
            pred = {p for p in pred if not _is_pronoun(text, p)}
        for kind in TYPES:
            g = {s for s in gold if s[2] == kind}
            p = {s for s in pred if s[2] == kind}
            tp[kind] += len(g & p)
            n_pred[kind] += len(p)
            n_gold[kind] += len(g)
    scores = {kind: _f1(tp[kind], n_pred[kind], n_gold[kind]) for kind in TYPES}
    scores["micro"] = _f1(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return scores


def run(eval_dir: Path) -> list[Row]:
    scores = score_re3d(eval_dir)
    rows: list[Row] = []
    for kind in TYPES:
        p, r, f = scores[kind]
        rows += [("re3d", f"{kind} P", p, ""), ("re3d", f"{kind} R", r, "")]
        rows.append(("re3d", f"{kind} F1", f, REFERENCE[kind]))
    micro = "micro F1 (Person, Organisation, Location, Nationality)"
    rows.append(("re3d", micro, scores["micro"][2], ".614 spaCy trained on re3d (all its types)"))
    names = score_re3d(eval_dir, with_pronouns=False)
    for kind in ("Person", "Organisation"):
        rows.append(("re3d", f"{kind} F1, pronoun mentions left out", names[kind][2], ""))
    rows.append(("re3d", f"{micro}, pronoun mentions left out", names["micro"][2], ""))
    return rows


if __name__ == "__main__":
    from accuracy import eval_dir

    for row in run(eval_dir()):
        print(*row, sep="\t")
