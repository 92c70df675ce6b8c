"""An insertion between a cue and its `that` clause: `can now say, with the benefit of hindsight, | that
...`, `said, per a translator, | that ...`, `said — on Twitter, as it happens — | that ...`, `said Thursday
during a taping of a town hall in Buffalo, New York, | that ...`. The speech is the `that` clause, as
PolNeAR marks it; the insertion is the writer's setting.
"""

from __future__ import annotations

import re

# set off by commas or dashes right after the cue
_SET_OFF = re.compile(
    r"\s*(?:,|—|–|--)\s*[^,—–\n.;:!?“”\"]{1,80}?(?:,[^,—–\n.;:!?“”\"]{1,40}?)?\s*(?:,|—|–|--)\s*(that\s)"
)
# a setting opened by a preposition or a time word, running to a comma before `that`, holding no `that` itself
# (`stated on March 22 that A, that B, and that C` keeps all three)
_SETTING = re.compile(
    r"\s+(?:in|on|at|during|per|after|before|from|to|with|while|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|last|earlier|later|this|yesterday|today)\b(?:(?!\bthat\b)[^.;:!?“”\"\n]){0,110}?,\s*(that\s)"
)
# the first three characters of the words `_SETTING` opens with, and the marks `_SET_OFF` opens with
_SETTING_HEADS = frozenset({"in ", "on ", "at ", "dur", "per", "aft", "bef", "fro", "to ", "wit", "whi", "Mon",
                            "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "las", "ear", "lat", "thi", "yes", "tod"})  # fmt: skip
_MARKS = frozenset(",—–-")


def past_insertion(text: str, cue_end: int, pos: int, end: int) -> int:
    """Where the speech starts when an insertion stands between the cue (ending at `cue_end`) and a `that`
    clause; else `pos`. Most cues: two slices looked up, no regex."""
    first = text[cue_end : cue_end + 1]
    if first in _MARKS or text[cue_end + 1 : cue_end + 2] in _MARKS:
        pattern = _SET_OFF
    elif first == " " and text[cue_end + 1 : cue_end + 4] in _SETTING_HEADS:
        pattern = _SETTING
    else:
        return pos
    m = pattern.match(text, cue_end, end)
    return m.start(1) if m is not None else pos
