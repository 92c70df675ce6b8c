"""Where a speech read to its sentence's end meets a clause with a speaker of its own.

`When asked about the wall, Trump said Mexico would pay`, `Sanders called for new rules, and Clinton
said she would ...`, `...; he says ...`, `... - though his aides argued ...`: a subject and a tensed
speech verb after a comma, a semicolon or a dash open a clause that is not part of the speech before
it (the writer's main clause, or an attribution of its own, which its cue reads). PolNeAR ends the
first speech there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from forewarn.analyze.quote_context import QuoteDoc
from forewarn.analyze.quote_lexicon import alternation
from forewarn.knowledge.speech_cues import speech_cues

# a speech that opens with a fronted clause (`that although Lazar confessed, he showed no remorse`)
# holds its main clause after the comma: only a connective ends it there
_FRONTED = re.compile(
    r"(?:that\s+)?(?:although|though|while|when|if|because|as|after|before|since|even|once|until|unless|whether)\b",
    re.IGNORECASE,
)
_IRREGULAR = frozenset({"said", "sought", "swore"})  # tensed forms the lexicon lists beside its bare verbs
_OPENING_MARKS = "“\"'‘«„"


@lru_cache(maxsize=1)
def _speaker_clause() -> re.Pattern[str]:
    """A comma, semicolon or dash, the connective that may join the next clause, its subject (a
    pronoun, or up to five words led by a capital or a determiner: `the remaining two delegates`),
    an adverb or auxiliary (`separately`, `has`) and a tensed speech verb."""
    cues = speech_cues()
    verbs = [
        word
        for word in cues.verb_forms
        if " " not in word
        and (word.endswith(("ed", "s")) or word in cues.irregular_past or word in _IRREGULAR)
    ]
    return re.compile(
        r"(?:[,;]|\s[-–—]{1,2})\s+(?:(and|but|while|though|although|whereas|as|so|yet)\s+)?"
        r"(?:he|she|they|we|I|it|(?:the|a|an|other|some|many|most|his|her|their|its|[A-Z][\w.’‘'-]*)"
        r"(?:[^\S\n]+[\w.’‘'-]+){0,4}?)"
        r"\s+(?:(?:also|later|then|has|had|have|[a-z]+ly)\s+)?"
        rf"(?:{alternation(sorted(verbs))})(?![\w’'-])"
    )


def next_speaker(doc: QuoteDoc, start: int, end: int) -> int:
    """The end of a speech running from `start` to `end`: the break before the first clause after it
    with a subject and a speech verb (outside quotation marks), else `end`."""
    text = doc.text
    if text[start : start + 1] in _OPENING_MARKS:
        return end  # a quotation is the speech: its breaks are the speaker's
    for m in _speaker_clause().finditer(text, start, end):
        if not text[start : m.start()].strip():
            continue  # `As POLITICO revealed, the RNC agreed ...`: the speech is the clause after the break
        if m.group(1) is None and _FRONTED.match(text, start, end):
            continue
        if doc.quote_around(m.start()) is None:
            return m.start()
    return end
