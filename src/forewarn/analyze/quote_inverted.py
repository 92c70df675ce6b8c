"""The inverted speaker after its cue: `“...,” said Kovalchuk, a general.`, `..., said a former aide who ...`."""

from __future__ import annotations

from forewarn.analyze.quote_context import QuoteDoc
from forewarn.analyze.quote_source import (
    DETERMINERS,
    MAX_SOURCE_TOKENS,
    SUBJECT_REACH,
    VERBAL,
    named_head,
    source_tokens,
)
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

_RELATIVE_WORDS = frozenset({"who", "whose", "whom", "which"})
_NOT_IN_NAME = frozenset({"as", "to", "-", "–", "—", "--"})
_CLOSING_MARKS = frozenset({"”", '"', "'", "’"})
_OPENING_MARKS = frozenset("“\"«„‘'")
# speech verbs that invert before a lower-case speaker (`..., said a former aide`); other cues take
# an object there (`accused him`, `recalled him saying`, `oppose concessions`)
INVERTING = frozenset({"said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "explained",
                       "explains", "argued", "argues", "continued", "warned", "warns"})  # fmt: skip


def subject_after(text: str, cue_end: int, limit: int, cues: SpeechCues) -> Span | None:
    """The inverted source of `“...,” said Kovalchuk, a general.`: the words after the cue to the clause end."""
    tokens = source_tokens(text, cue_end, limit)
    chunk: list[tuple[int, int, str]] = []
    inside = -1  # the closing parenthesis of a name's `(D-Va.)`, read as part of the name
    for i, token in enumerate(tokens):
        if i > inside and token[2] == "(" and chunk and chunk[-1][2][:1].isupper():
            inside = _closing(tokens, i)
        if i <= inside:
            chunk.append(token)
            continue
        if token[2] in {";", ":", "(", ")"}:
            break
        if token[2] in _AFTER_NAME and chunk and _name_end(chunk) and all(t[2] != "," for t in chunk):
            break  # `said Rep. Bobby Scott (D-Va.) at the time`, `said Smith in an interview`: the setting is not his
        if token[2] == "," and i + 1 < len(tokens) and _ends_inverted(tokens[i + 1][2], cues):
            break  # `said Devine, suggesting that ...`, `said Karen Janes, after listening to ...`
        if token[2] == "," and _reporting_relative(tokens, i + 1):
            break  # `said Weld, who noted that ...`: the relative clause is an attribution of its own
        if (
            token[2] == ","
            and text[token[1] : token[1] + 1] == " "
            and text[token[1] + 1 : token[1] + 2] in _OPENING_MARKS
        ):
            break  # `“A,” said Rubio, “because ...”`: the quotation carries the speech on
        chunk.append(token)
    while chunk and (chunk[-1][2] == "," or not chunk[-1][2].strip("'’‘`")):
        chunk.pop()  # a closing comma, or the opening '' of the next quotation
    if not chunk:
        return None
    head = next((i for i, t in enumerate(chunk) if t[2] == ","), len(chunk))
    # before an appositive, a lower-case speaker is lower-case words before a name (`said former
    # Pennsylvania governor Ed Rendell, who ...`)
    first = chunk[0][2]
    if (
        head < len(chunk)
        and head < 6
        and not (first[:1].isupper() or first in DETERMINERS)
        and not (first.isalpha() and named_head([t[2] for t in chunk[:head]]))
    ):
        return None
    # a long head is no name, unless a relative clause ends it (`said a Mexican official who was not
    # authorized to speak publicly on this issue`)
    named = next((i for i, t in enumerate(chunk[:head]) if t[2] in _RELATIVE_WORDS), head)
    if named < head and not _plain_name(chunk[:named], cues):
        named = head  # `derided Rubio as a neophyte who ...`: an object and its complement, no speaker
    if _words(chunk[:named]) > 8 or len(chunk) > MAX_SOURCE_TOKENS + 12:
        return None
    end = chunk[-1][1]
    while end > chunk[0][0] and text[end - 1] in ".!?":
        end -= 1
    return Span(chunk[0][0], end)


def _words(tokens: list[tuple[int, int, str]]) -> int:
    """Tokens but a name's parentheses (`(D-Ill.)`) and a closing full stop, which add no length to it."""
    return sum(1 for t in tokens if t[2] not in {"(", ")", "."})


# prepositions and conjunctions that open a setting right after an inverted speaker's name
_AFTER_NAME = frozenset({"after", "before", "when", "while", "during", "in", "at", "on", "last", "earlier", "later",
                         "this"})  # fmt: skip


def _name_end(chunk: list[tuple[int, int, str]]) -> bool:
    """Is the chunk a name alone (capitalised words, and the parenthesis of `(D-Va.)`)? A clause read
    as a speaker (`Clinton reached out to McConnell`) holds a lower-case word."""
    return all(t[2][:1].isupper() or t[2] in {"(", ")"} for t in chunk)


def _plain_name(tokens: list[tuple[int, int, str]], cues: SpeechCues) -> bool:
    """Words that can name a speaker before a relative clause: no verb, "as", "to" or dash among them."""
    words = {t[2].lower() for t in tokens}
    return words.isdisjoint(_NOT_IN_NAME) and cues.verb_forms.isdisjoint(words) and VERBAL.isdisjoint(words)


def _closing(tokens: list[tuple[int, int, str]], i: int) -> int:
    """`said Rep. Bobby Scott (D-Va.) at the time`: the index of the ")" closing a short parenthesis
    opened at `i` (a party and state belong to the name), else -1."""
    return next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j][2] == ")"), -1)


# words that open an adverbial after an inverted speaker: not part of the source
_AFTER_SPEAKER = frozenset({"after", "before", "when", "while", "during", "as", "in", "at", "on", "adding", "referring",
                            "noting", "pointing", "explaining", "speaking", "according", "though", "although"})  # fmt: skip


# verbs of saying and thinking that take a clause: after "who" they open the speaker's own attribution, where
# a stance verb (`who endorsed Mr. Rubio`, `who supports Clinton`) describes the speaker (PolNeAR keeps those)
_REPORTING = frozenset({"said", "says", "noted", "acknowledged", "admitted", "emphasized", "stressed", "added",
                        "argued", "insisted", "declined", "wrote", "told", "warned", "believes", "thinks",
                        "predicted", "claimed", "complained", "conceded", "asked", "recalled", "explained",
                        "suggested", "cautioned", "contended", "asserted", "estimated"})  # fmt: skip
_BEFORE_VERB = frozenset({"also", "has", "had", "previously", "once", "later"})


def _reporting_relative(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Does a relative clause at tokens[i] report speech (`who noted`, `who has said`)?"""
    if i + 1 >= len(tokens) or tokens[i][2] != "who":
        return False
    verb = tokens[i + 1][2]
    if verb in _BEFORE_VERB and i + 2 < len(tokens):
        verb = tokens[i + 2][2]
    return verb in _REPORTING


def _ends_inverted(word: str, cues: SpeechCues) -> bool:
    return (
        word in cues.participles
        or word.lower() in _AFTER_SPEAKER
        or (word.islower() and word.endswith("ing"))
    )


def takes_object(cues: SpeechCues, doc: QuoteDoc, cue: Span, comma: int) -> bool:
    """`Morton Blackwell, founder of ..., endorsed Cruz`, `Shaheen, ..., had already endorsed Clinton`: an
    active verb that reports no quotation (not the lexicon's `quoting`) after a phrase with no verb, or
    with an auxiliary or adverb of its own, is the verb of the subject before its comma, and the name
    after it its object, not an inverted speaker (`..., predicted Madeleine Kunin` after a clause is)."""
    words = doc.text[cue.start : cue.end].lower().split()
    if words[-1] in INVERTING or words[-1] in cues.quoting or doc.passive(cue) is not None:
        return False
    if doc.text[comma - 1 : comma] in _CLOSING_MARKS:
        return False  # `“...,” scoffed Arianna Gil`
    if len(words) > 1 and words[0] not in cues.verb_forms:
        return True  # `have also endorsed`, `personally found`
    # within the reach of a subject, so a sentence of many clauses is not read again at each cue
    before = doc.text[max(doc.sentence(cue.start).start, comma - SUBJECT_REACH) : comma].lower().split()
    return VERBAL.isdisjoint(before) and cues.verb_forms.isdisjoint(before)
