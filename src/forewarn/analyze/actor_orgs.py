"""Unknown organisations: a capitalised name ending in an organisation noun ("the Mujahideen Shura
Council", "the Al Bu Nimr tribe", "Jordanian 71st Counter Terrorism Battalion").

A country, force or organisation the dictionary knows may open the name ("U.S. Army Special
Operations Command Public Affairs Office"): the whole name is the mention, with its country.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from forewarn.analyze.actor_persons import NOT_NAMES, Found, State

if TYPE_CHECKING:
    from spacy.tokens import Token

# The noun that ends an organisation's name, and the sector it implies ("" when none).
HEADS = {
    "army": "MIL", "brigade": "MIL", "brigades": "MIL", "battalion": "MIL", "battalions": "MIL",
    "regiment": "MIL", "division": "MIL", "corps": "MIL", "command": "MIL", "forces": "MIL", "guard": "MIL",
    "legion": "UAF", "militia": "UAF", "ministry": "GOV", "department": "GOV", "office": "GOV",
    "council": "", "committee": "", "commission": "", "authority": "GOV", "agency": "", "directorate": "GOV",
    "bureau": "", "party": "", "movement": "", "front": "", "association": "", "society": "",
    "foundation": "NGO", "federation": "", "union": "", "organisation": "", "organization": "",
    "network": "", "group": "", "tribe": "CVL", "clan": "CVL", "university": "EDU", "institute": "",
    "company": "BUS", "bank": "BUS", "news": "MED", "radio": "MED", "television": "MED",
}  # fmt: skip
JOINERS = frozenset({"of", "for"})
# words that open a page's section label, not an organisation's name: "Breaking News", "Top News"
LABEL_WORDS = frozenset(
    {"breaking", "latest", "top", "world", "local", "more", "fake", "daily", "live", "special"}
)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")
REACH = 7  # tokens before the head noun
# a head written as part of a name ("Council"), or lower case after a name ("the Al Bu Nimr tribe")
# after a capitalised word or a number, the only place a name can end with it
HEAD_PATTERN = re.compile(r"\b[A-Z0-9][\w.’'-]* (" + "|".join(h.title() for h in HEADS) + r"|tribe|clan)\b")


def unknown_organisations(st: State) -> list[Found]:
    """Organisations named with a capitalised name and a head noun, not already taken."""
    doc, out = st.doc, []
    # the last head first: "... Command Public Affairs Office" is one name
    for match in reversed(list(HEAD_PATTERN.finditer(st.text))):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or st.taken[span.start]:
            continue
        token, head = span[0], match.group(1).lower()
        start, country = _name_start(st, token.i)
        if start == token.i or (token.i - start == 1 and doc[start].lower_ in LABEL_WORDS):
            continue
        if start > 0 and doc[start - 1].lower_ == "the" and not st.taken[start - 1]:
            start -= 1
        end = _name_end(st, token.i + 1)
        st.taken[start:end] = b"\x01" * (end - start)
        out.append(Found(start, end, doc[start:end].text, "organisation", country, HEADS[head], ""))
    return out


def _name_end(st: State, end: int) -> int:
    """Past an "of" and the name after it: "the Iraqi Ministry of Interior"."""
    doc, j = st.doc, end
    if j + 1 < len(doc) and doc[j].lower_ == "of" and not st.taken[j + 1] and _name_word(doc[j + 1]):
        j += 1
        while j < len(doc) and j - end < REACH and not st.taken[j] and _name_word(doc[j]):
            j += 1
    return j


def _name_start(st: State, head: int) -> tuple[int, str]:
    """Where the name before the head noun starts, and the country of a known name opening it."""
    doc, j, country = st.doc, head, ""
    while j > 0 and head - j < REACH:
        previous = doc[j - 1]
        if st.taken[j - 1]:
            known = st.affiliation_at_end(j)
            if known is not None:
                j, country = known
            break
        if _name_word(previous) or (previous.lower_ in JOINERS and j > 1 and _name_word(doc[j - 2])):
            j -= 1
            continue
        break
    while j < head and doc[j].lower_ in JOINERS:
        j += 1
    return j, country


def _name_word(token: Token) -> bool:
    if token.is_title and token.is_alpha:
        return not token.is_stop and token.lower_ not in NOT_NAMES
    return bool(ORDINAL.match(token.text)) or (token.is_upper and token.is_alpha and len(token) > 1)
