"""Where an event's object ends, and whose a named group is: clause limits for roles.

Roles come from word order (`event_roles.py`); these rules say when the next mention after a
trigger is no longer its object because another clause has begun ("attacked Kyiv, but Ukrainian
forces held", "the attacks in Sousse in which 30 Britons were murdered"), and when the mention
nearest the trigger only says where the one who acts stands ("Russian troops in southern Ukraine").
"""

from __future__ import annotations

import re

# Between a trigger and a later mention: a clause of its own begins, whose subject or object that
# mention is ("attacked Izyum, and Russian forces did not", "heavy fighting, but ISW has been unable",
# ", though ISW cannot", "the attacks in Sousse in which 30 Britons were murdered"). Not a bare
# relative ("an attack which killed 30 soldiers": its victims) nor "despite", "since" or an -ing
# clause (", killing nine civilians"), whose mention is often the one acted on.
_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|yet|so)\b|;|\bbut\b|\b(?i:though|notwithstanding)\b"
    r"|\b(?i:in|of|at|during|from|with|by)\s+which\b"
)


def new_clause(text: str, start: int, end: int) -> bool:
    """Whether a new clause begins in text[start:end] (between a trigger and a mention after it)."""
    return _NEW_CLAUSE.search(text, start, end) is not None
