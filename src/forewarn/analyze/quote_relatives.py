"""A cue that ends an object relative clause: what was said is the relative word before its speaker
(`his victories in Florida, which he describes | as his second home`, `the marchers, whom he described
| as "peaceful,"`, `an offer which the leadership rebuffed.`). PolNeAR marks the relative word as the
content, with the `as` phrase after the cue as a second fragment: the speech's object was moved before
its speaker, so no clause follows the cue for the other patterns to read.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import Found, QuoteDoc
from forewarn.model import Span

# the relative word and the speaker right before the cue (the cue holds its auxiliaries): a pronoun, a
# name of up to four words, or a short phrase led by a determiner ending in a name or a plural
_SPEAKER = (
    r"(?:he|she|they|we|I|you"
    r"|(?:(?:the|a|an|one|many|some|most|his|her|their|its)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*"
    r"|(?:the|many|some|most)\s+[a-z]+s|critics|officials|analysts|economists|voters)"
)
_RELATIVE_SPEAKER = re.compile(rf"(?<![\w’'-])(which|whom)\s+({_SPEAKER})\s+$")
# what may follow the cue for the relative word to be its whole object: an `as` phrase (its own fragment),
# the clause's end, or a setting
_AS_PHRASE = re.compile(
    r"\s+(as\s+(?:“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"|[^,;:.!?()\n—–“\"])+?)"  # a quotation in it is read whole
    r"(?:(?<=[”\"])|(?=[,;:.!?()\n—–]|\s+(?:for|in|at|on|during|when|after|before)\s|$))"
)
_CLAUSE_ENDS = re.compile(
    r"\s*(?:[,;:.!?)\n—–]|(?:in|at|on|during|when|after|before|since|to|for|with|about)\s)"
)
REACH = 60  # characters before a cue that hold the relative word and its speaker


def object_relative(doc: QuoteDoc, cue: Span) -> Found | None:
    """`which he describes as his second home`: the relative word (and the `as` phrase) is the speech, the
    phrase between it and the cue the speaker; None when anything else follows the cue (an object or a
    clause of its own: `which he said was built`)."""
    text = doc.text
    window = text[max(0, cue.start - REACH) : cue.start]
    if "which" not in window and "whom" not in window:
        return None  # most cues no pattern fits have no relative word before them: spare the look-ups
    start = max(doc.sentence(cue.start).start, cue.start - REACH)
    m = _RELATIVE_SPEAKER.search(text, start, cue.start)
    if m is None:
        return None
    relative, source = Span(m.start(1), m.end(1)), Span(m.start(2), m.end(2))
    phrase = _AS_PHRASE.match(text, cue.end)
    if phrase is not None:
        return Found(source, cue, [relative, Span(phrase.start(1), phrase.end(1))], False)
    if _CLAUSE_ENDS.match(text, cue.end) or cue.end >= len(text.rstrip()):
        return Found(source, cue, [relative], False)
    return None


# "which" after a comma or a noun, not after a preposition (`in which he said ...` holds a whole clause)
_WHICH_OBJECT = re.compile(
    r"(?:,|\s(?!(?:in|of|on|to|for|with|by|from|at|about|under|through|during|after)\s)[\w’'-]+)\s+$"
)
_WHOLE_CLAUSE = frozenset({"that", "whether", "if", "how", "why", "what", "when", "where"})


def object_gap(text: str, relative: int, source_end: int, first: re.Match[str]) -> bool:
    """`the wall, which he said | the Mexican government should pay for`, `claims which Beijing has vowed |
    to ignore`: a "which" before a speaker stands for a part of the speech taken out of it (PolNeAR marks
    it as the content's first fragment) when it follows a comma or a noun, the cue follows its speaker
    (not `which Mr. Trump called "a disgrace," blaming`) and no whole clause follows the cue."""
    return (
        text.startswith("which", relative)
        and first.group(1) not in _WHOLE_CLAUSE
        and "," not in text[source_end : first.start(1)]
        and _WHICH_OBJECT.search(text, max(0, relative - 30), relative) is not None
    )
