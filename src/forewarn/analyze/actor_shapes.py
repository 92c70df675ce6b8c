"""Unknown persons told by the shape of their name, with no title or known given name before them:
a middle initial ("Isiah L. Booker", "Scott C. Dayton") or an Arabic family name in "al-"/"el-"
after a given name ("Mohan al-Freiji", "Badran Turki Hishan al-Mazidi").

The first words of Arabic place and group names have the same shape ("Tal al-Abyad", "Jaish
al-Islam"): those words open no person's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from forewarn.analyze.actor_persons import Found, claim, name_run, name_token, organisation_like

if TYPE_CHECKING:
    from forewarn.analyze.actor_persons import State

# One scan of the text: a capitalised word (two more may follow), then an initial or two and a
# capitalised word, or "al-"/"el-" and a capitalised word. The capital comes before the look-behind so
# that the engine skips to capitals.
NAME_SHAPE = re.compile(
    r"[A-Z](?<![\w.'’-][A-Z])[a-z]++(?: [A-Z][a-z]++){0,2}"
    r" (?:[A-Z]\. (?:[A-Z]\. )?[A-Z][a-z]+|[ae]l-[A-Z][a-z]+)"
)
NOT_OPENING = frozenset({
    "tal", "tell", "ras", "bab", "deir", "dayr", "jisr", "khan", "qasr", "ain", "ayn", "wadi", "jebel",
    "jabal", "bir", "tel", "umm", "jaish", "jaysh", "jabhat", "liwa", "ahrar", "harakat", "ansar", "kataib",
    "saraya", "saray", "hayat", "hay'at", "tahrir", "jund", "faylaq", "asaib", "majlis", "dar", "sheikh",
})  # fmt: skip


def shaped_persons(st: State) -> list[Found]:
    """Persons whose names have a middle initial or an "al-" family name, not already taken."""
    words, out = st.words, []
    for match in NAME_SHAPE.finditer(words.source):
        if match.start() in st.place_starts:
            continue
        span = words.char_span(match.start(), match.start() + match.group().find(" "))
        if span is None:
            continue
        first = span[0]
        if st.taken[first] or words.lower[first] in NOT_OPENING or not name_token(words, first):
            continue
        end = name_run(words, first, st.taken, limit=5)
        if end - first < 2 or organisation_like(words, first, end):
            continue
        claim(st.taken, first, end)
        out.append(Found(first, end, words.span_text(first, end), "person", "", "", ""))
    return out


# two or three capitalised words before a comma: a name an apposition may follow
NAME_BEFORE_COMMA = re.compile(r"[A-Z](?<![\w.'’-][A-Z])[a-z]++(?: [A-Z][a-z]++){1,2}(?=, )")
ARTICLES = frozenset({"the", "a", "an"})


def apposed_persons(st: State) -> list[Found]:
    """A name followed by an apposition whose post was taken as a person: "Knox Thames, the Special
    Advisor to ...", "Lama Fakih, HRW's deputy director"."""
    words, out = st.words, []
    for match in NAME_BEFORE_COMMA.finditer(words.source):
        span = words.char_span(match.start(), match.end())
        if span is None or match.start() in st.place_starts:
            continue
        first, end = span
        if any(st.taken[first:end]) or words.lower[first] in NOT_OPENING:
            continue
        if not all(name_token(words, i) for i in range(first, end)) or organisation_like(words, first, end):
            continue
        k = end + 1 + (1 if end + 1 < len(words) and words.lower[end + 1] in ARTICLES else 0)
        if not any(t in st.used_titles for t in range(k, min(k + 4, len(words)))):
            continue
        claim(st.taken, first, end)
        out.append(Found(first, end, words.span_text(first, end), "person", "", "", ""))
    return out
