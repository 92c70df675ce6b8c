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
