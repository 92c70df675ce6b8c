"""Speakers named by a role in a body: `a spokesman for the ministry` -> "ministry spokesman".

A source whose head is a role (the lexicon's `roles`), a preposition (for, with, at, of, from, to) and the body it
serves speaks as that body's role-holder, not as the body: `A reporter for USA Today asked` is the
reporter ("USA Today reporter"), `an official with the State Department said` an official ("State
Department official"), as a reader names them and as `A Foreign Office spokesman` already reads.
"""

from __future__ import annotations

import re

# a determiner, one to three lower-case words (the role; a plural may open the sentence: "Officials at
# the Pentagon"), the preposition, the body: up to six words, "of" inside it only before a capital
# ("Ministry of Defense"), up to a preposition or a relative
ROLE_OF_BODY = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Aa]nother|[Tt]op)\s+(?=[a-z])|(?=[A-Z][a-z]+s\s)|(?=[a-z]))"
    r"(?P<role>[A-Za-z][a-z-]*(?:\s+[a-z][\w-]*){0,2})\s+(?P<prep>for|with|at|of|from|to)\s+"
    r"(?:the\s+)?(?P<body>[\w.’'&-]+(?:\s+(?:of\s+(?=[A-Z])|(?!(?:in|on|at|for|with|from|to|by|who|which|that|"
    r"and|or|during|since|after|before|about|over|under)\b))[\w.’'&-]+){0,5})"
)
# what may follow the body: a setting or a relative clause ("at the Brookings Institution in Washington")
_AFTER_BODY = re.compile(r"(?:\s+(?:in|on|at|based|who|which|that)\b.*)?", re.DOTALL)
# words that open a count of bodies, no body ("officials from both parties")
_NO_BODY = frozenset({"both", "all", "many", "several", "some", "other", "various", "each", "every", "most"})


def role_of_body(head: str, roles: frozenset[str]) -> tuple[str, str] | None:
    """(body, role) of a role-holder speaking for a body (`a spokesman for the ministry` -> ("ministry",
    "spokesman")), or None when the phrase is none (a name, a count of people, a role alone)."""
    head = head.strip()
    m = ROLE_OF_BODY.match(head)
    if m is None or not _AFTER_BODY.fullmatch(head, m.end()):
        return None
    role, body = m.group("role"), m.group("body")
    if role.lower().rsplit(None, 1)[-1] not in roles or body.split()[0].lower() in _NO_BODY:
        return None
    if m.group("prep") == "of" and not (body[:1].isupper() or m.start("role") > 0):
        return None  # `secretary of state` is an office; `the head of the agency` its holder
    return body.rstrip("."), role.lower() if role[:1].isupper() and " " not in role else role


# a common noun phrase, a preposition and what it governs: `supporters of Trump`, `fundraising reports filed
# on Saturday`, `critics of the Clinton Foundation` speak as themselves, not as the name at their end ("by"
# names the author, who speaks: `an analysis by Lily Batchelder`)
_COMMON_HEAD = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Tt]hese|[Tt]hose|[Ss]ome|[Mm]any)\s+)?"
    r"([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:of|for|at|with|from|to|in|on|close\s+to)\s+\S"
)
_ARTICLES = frozenset({"the", "a", "an"})


def common_phrase(head: str, counts: frozenset[str]) -> str:
    """`supporters of Trump` -> "supporters of Trump": the speaker a common noun phrase names, or "" when
    the head is a name, a count of people ("one of his aides": the lexicon's `count_heads`) or no such
    phrase."""
    head = head.strip()
    m = _COMMON_HEAD.match(head)
    if m is None:
        return ""
    words = m.group(1).split()
    if words[0] in counts or words[-1] in counts:
        return ""
    return " ".join(w for w in head.split() if w.lower() not in _ARTICLES)
