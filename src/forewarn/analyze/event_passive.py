"""Whether a trigger is in the passive: "was attacked by rebels", "were handed over to", and a
headline's passive with no auxiliary, "Two French citizens freed in Tehran". The roles are swapped
there (event_roles.py)."""

from __future__ import annotations

from functools import lru_cache

from forewarn.knowledge.plover import load_irregular_verbs
from forewarn.model import Span

PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "got"})
# Participles that say how someone stands after "is": "Israel is opposed to", "is committed to".
_STATIVE = frozenset(
    {"opposed", "committed", "determined", "prepared", "concerned", "engaged", "involved", "interested"}
    | {"dedicated", "devoted", "convinced", "disappointed", "worried", "alarmed", "outraged", "united"}
)
# A participle right after these is a passive with its subject and auxiliary left out: "will respond if
# attacked" (the speaker is attacked, not the attacker); not "once", too often "once again rejected".
_ELLIPTIC = frozenset({"if", "unless", "when", "whenever"})
_ADVERBS = frozenset({"also", "later", "then", "soon", "again", "reportedly", "allegedly", "subsequently"})
# A headline: a line with no full stop after the trigger, and no more than this many characters there.
HEADLINE_REST = 80
_STOPS = frozenset(".!?:;")
_HEADLINE_PREPOSITIONS = frozenset(
    {"", "in", "over", "with", "for", "by", "at", "on", "after", "amid", "during", "near", "as", "from"}
    | {"to", "of", "following", "outside", "inside", "across", "overnight", "again", "off", "out"}
)


def participle(word: str) -> bool:
    """A past participle: "-ed", "-en" or an irregular one ("withdrawn", "overrun", "slain")."""
    return word.endswith(("ed", "en")) or word in load_irregular_verbs().participles


def _telegraphic(text: str, trigger: Span, word: str) -> bool:
    """A headline's passive, with no auxiliary: "Two French citizens freed in Tehran", "Israel
    threatened with retaliation". A line with no stop after the trigger is a headline; there a past form
    followed by a preposition or nothing, with no object, is a participle (headlines report in the
    present: "Iran frees two French citizens")."""
    if not word.endswith("ed") and word not in load_irregular_verbs().participles:
        return False
    reach = trigger.end + HEADLINE_REST + 1
    line_end = text.find("\n", trigger.end, reach)
    if line_end < 0 and len(text) > reach:
        return False  # the line runs on: a sentence, not a headline (no slicing of a long paragraph)
    line = text[trigger.end : line_end if line_end >= 0 else len(text)].rstrip()
    if not _STOPS.isdisjoint(line):
        return False
    following = line.split(None, 1)[0].lower() if line.strip() else ""
    return following in _HEADLINE_PREPOSITIONS


@lru_cache(maxsize=4096)  # one call per event, and trigger words recur; bounded over a long stream
def _participle_words(trigger: str) -> tuple[str, ...] | None:
    """The trigger's words in lower case if its last or first word is a participle (not a stative one)."""
    words = trigger.lower().split()
    if not words or not (participle(words[-1]) or participle(words[0])) or words[0] in _STATIVE:
        return None
    return tuple(words)


def passive(text: str, trigger: Span) -> tuple[bool, bool]:
    """(passive, with a by-phrase): "was attacked by rebels" is (True, True).

    The participle is the trigger's last word, or its first in a phrasal or gapped trigger
    ("were handed over to", "was shut down by", "was charged by prosecutors with").
    """
    words = _participle_words(text[trigger.start : trigger.end])
    if words is None:
        return False, False  # most triggers: no need to read the words around them
    if len(words) == 2 and words[0] in PASSIVE_AUX:  # a verb-and-object trigger found in the passive
        return True, "by" in text[trigger.end : trigger.end + 40].lower().split()[:4]
    if _telegraphic(text, trigger, words[-1]):  # "Opposition leader detained in Minsk"
        return True, "by" in text[trigger.end : trigger.end + 40].lower().split()[:4]
    before = text[max(0, trigger.start - 30) : trigger.start].lower().split()
    if before and (before[-1].endswith("ly") or before[-1] in _ADVERBS):
        before.pop()  # "was reportedly arrested", "were also killed"
    if not before or (before[-1] not in PASSIVE_AUX and before[-1] not in _ELLIPTIC):
        return False, False
    return True, "by" in words[1:] or "by" in text[trigger.end : trigger.end + 40].lower().split()[:4]
