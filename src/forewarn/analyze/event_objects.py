"""Where an event's object ends, and whose a named group is: clause limits for roles.

Roles come from word order (`event_roles.py`); these rules say when the next mention after a
trigger is no longer its object because another clause has begun ("attacked Kyiv, but Ukrainian
forces held", "the attacks in Sousse in which 30 Britons were murdered"), and when the mention
nearest the trigger only says where the one who acts stands ("Russian troops in southern Ukraine").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache, partial
from operator import attrgetter

from forewarn.knowledge.plover import load_irregular_verbs
from forewarn.knowledge.time_lexicon import month_names
from forewarn.model import Actor, Place, Span

_START = attrgetter("start")
_JOINERS = frozenset({"and", "&", "as", "well", "together", "with"})
# What may stand between two mentions of one compound: whitespace, commas and joiners, each a whole
# word in any case (ASCII letters: the words are ASCII). One regex call over the text costs about half
# of slicing, stripping, lower-casing and splitting the words between every pair of mentions.
JOINED = re.compile(r"(?:[\s,]|(?ai:" + "|".join(map(re.escape, sorted(_JOINERS))) + r")(?![^\s,]))*")

# Between a trigger and a later mention: a clause of its own begins, whose subject or object that
# mention is ("attacked Izyum, and Russian forces did not", "heavy fighting, but ISW has been unable",
# ", though ISW cannot", "the attacks in Sousse in which 30 Britons were murdered", ", witnesses
# said,", the main verb after a subject's relative clause: "who led operations to retake Kherson,
# said that Russian forces"), or an aside ("attacked Kharkiv, with Belarusian forces watching",
# "shelled the town while Ukrainian forces withdrew"). Not a bare relative ("an attack which killed 30 soldiers": its
# victims) nor "despite" or an -ing clause (", killing nine civilians"), whose mention is often the
# one acted on. Or a subordinate clause that the mention opens as its subject, when a verb follows
# it ("since Boris Johnson was appointed", "unless the Russians can launch"). Read from the words
# (a regex over every position cost five times as much per object).
_BREAK_WORDS = frozenset(
    {"but", "though", "notwithstanding", "while", "whilst", "whereas", "although", "because"}
)
_WHICH_AFTER = frozenset({"in", "of", "at", "during", "from", "with", "by"})
_SUBORDINATE = frozenset({"since", "until", "unless", "once", "when", "if", "after", "before"})
_AFTER_COMMA = re.compile(
    r",\s+(?:(?:and|but|yet|so|with|said|says|told|added|stated)\b|(?:[\w-]+\s+){1,3}(?:said|say|says|reported|added|told)\s*,)",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s+(?:(?i:will|would|can|could|may|might|must|should|has|have|had|is|are|was|were|did|does|do)\b"
    r"|[a-z]+ed\b)"
)
NO_BREAK, BREAK, SUBJECT = 0, 1, 2
_VERB_ADVERBS = frozenset(
    {"also", "reportedly", "then", "later", "likely", "again", "successfully", "allegedly"}
)
_AUXILIARIES = frozenset(
    {"will", "would", "can", "could", "may", "might", "must", "should", "has", "have", "had", "did", "does"}
)
_PAST = re.compile(r"[a-z]+ed")


def clause_break(text: str, start: int, mention: Actor | Span) -> int:
    """What stands between a trigger (ending at `start`) and a mention after it: NO_BREAK; BREAK, a
    new clause or an aside; SUBJECT, a subordinate clause that the mention opens as its subject."""
    between = text[start : mention.start]
    if len(between) < 4:  # no room for a clause word: " if " is the shortest
        return NO_BREAK
    if ";" in between:
        return BREAK
    comma = "," in between
    if comma or "(" in between or "—" in between:
        between = between.replace(",", " ").replace("(", " ").replace("—", " ")
    words = between.lower().split()
    if not words:
        return NO_BREAK
    if not _BREAK_WORDS.isdisjoint(words) or (
        "which" in words
        and any(w == "which" and i > 0 and words[i - 1] in _WHICH_AFTER for i, w in enumerate(words))
    ):
        return BREAK
    end = mention.start
    at = text.find(",", start, end) if comma else -1
    while at >= 0:
        if _AFTER_COMMA.match(text, at):
            return BREAK
        at = text.find(",", at + 1, end)
    last = words[-2] if words[-1] == "the" and len(words) > 1 else words[-1]
    if last in _SUBORDINATE and _VERB_AFTER.match(text, mention.end):
        return SUBJECT
    if last == "and" and _finite_after(text, mention.end):
        return SUBJECT  # "shelled Kharkiv and Ukrainian forces struck ...": the next clause's subject
    return NO_BREAK


def next_subject(text: str, end: int, mention: Actor) -> bool:
    """Whether a mention joined by "and" to one ending at `end` opens a clause of its own, a verb after it."""
    return " and " in text[end : mention.start + 1] and _finite_after(text, mention.end)


def _finite_after(text: str, end: int) -> bool:
    """Whether a verb follows a mention (after an adverb, maybe): "Ukrainian forces struck", "Ukrainian
    forces reportedly repelled", "and Russia has"; an irregular past is data (verbs.yaml). Not a past
    form before "by", a reduced relative: "families of victims killed by ..."."""
    words = text[end : end + 48].split(None, 4)[:4]
    if words and words[0].lower() in _VERB_ADVERBS:
        words = words[1:]
    if not words:
        return False
    if words[0].lower() in _AUXILIARIES:
        return True
    past = words[0] in load_irregular_verbs().past or _PAST.fullmatch(words[0]) is not None
    return past and (len(words) < 2 or words[1].lower() != "by")


# From a trigger to the place it acts on directly: "seized the city of Izyum", "attacks on Kyiv",
# "imposed a curfew in the town of Cizre" (not "from Kyiv": an origin).
_DIRECT = re.compile(
    r"\s*(?:(?i:on|against|toward|towards|into|at|of|in|to)\s+)?(?:(?i:the)\s+)?"
    r"(?:(?i:city|town|village|region|oblast|province|capital|port|outskirts)\s+of\s+)?"
)

# Before a mention: a word that aims the event at it, whatever place came first (not "to": "in an
# effort to force the government" is another verb's object).
_AIMED = re.compile(r"\b(?i:against|at|on|with|toward|towards|over)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$")


def object_place(
    places: Sequence[Place], text: str, trigger: Span, recipients: tuple[Span, ...]
) -> tuple[Span, ...]:
    """The place a trigger acts on directly, if it comes before the mention found as the object and
    is not joined to it: "seized the city of Izyum, and Russian forces ...", "a curfew in the town of
    Cizre in southeastern Turkey", "seizing Kyiv in an effort to force the Ukrainian government".

    `places`: the sentence's toponyms, sorted by start."""
    after = bisect_left(places, trigger.end, key=_START)
    if not recipients or after == len(places):
        return recipients
    place, first = places[after], recipients[0]
    if place.end > first.start or not _DIRECT.fullmatch(text, trigger.end, place.start):
        return recipients
    if JOINED.fullmatch(text, place.end, first.start):  # "attacks on Kyiv and the Ukrainian army"
        return recipients
    if _AIMED.search(text, max(place.end, first.start - 40), first.start):
        return recipients  # "staged rallies in Gaza against the party's leader": aimed at the leader
    return (Span(place.start, place.end),)


# A phrase that opens the sentence and says where or when: "In Syria, ...", "Across the region, ...".
_FRONTED = re.compile(
    r"(?:^|[.!?\n][\"'”’)\]]*\s+|^\W+)(?i:in|at|on|across|throughout|inside|within|from|for|during)"
    r"\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){0,2}$"
)


def fronted(text: str, start: int, end: int) -> bool:
    """Whether the mention text[start:end] stands in a phrase that opens its sentence and ends at a
    comma ("In Syria, the SDF has made progress"): it says where, it does not act."""
    return text[end : end + 1] == "," and _FRONTED.search(text, max(0, start - 40), start) is not None


# One lower-case word may qualify where: "deployed to southeastern Belarus", "moved into eastern Ukraine".
_DESTINATION = re.compile(
    r"\b(?i:to|into|towards?|back\s+to|back\s+into)\s+(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+)?$"
)
# Where troops are massed or arrive: "arrived in Belarus", "concentrated reserves in Severodonetsk".
_STATION = re.compile(r"\b(?i:in|at|inside|within|onto|throughout)\s+(?:(?i:the)\s+)?$")


def destination(text: str, start: int) -> bool:
    """Whether the name at `start` is where a move went: "withdrew to Belgorod", "back into Russia"."""
    return _DESTINATION.search(text, max(0, start - 32), start) is not None


def stationed(text: str, start: int) -> bool:
    """Whether the name at `start` is where forces stand or arrive: "concentrated reserves in
    Severodonetsk", "arrived at Hostomel"."""
    return _STATION.search(text, max(0, start - 16), start) is not None


# "with the support of X, Y ...": X supports Y, the subject of the clause.
_WITH = re.compile(r"\b(?i:with)\s+(?:(?i:the|their|its|full|strong)\s+){0,2}$")
_OF_BACKER = re.compile(r"\s+(?i:of|from)\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){0,3}?")
BACKING = frozenset({"support", "backing", "help", "assistance", "aid", "blessing", "approval"})
_THEN_SUBJECT = re.compile(r"\s*,\s*")


def backed(
    mentions: Sequence[Actor], text: str, trigger: Span, first: int, last_before: int
) -> tuple[int, int]:
    """ "In Syria, with the support of the Coalition, the SDF has made progress": the indices of the
    one who supports (the first mention after the trigger) and of the one supported (the subject
    right after its comma, or else named before "with"); (-1, -1) if the trigger is no such phrase."""
    if first < 0 or text[trigger.start : trigger.end].lower() not in BACKING:
        return -1, -1  # "with criticism of Obama's actions": the critic is the subject
    if not _WITH.search(text, max(0, trigger.start - 30), trigger.start):
        return -1, -1
    if not _OF_BACKER.fullmatch(text, trigger.end, mentions[first].start):
        return -1, -1
    after = first + 1
    if after < len(mentions) and _THEN_SUBJECT.fullmatch(text, mentions[first].end, mentions[after].start):
        return first, after
    return first, last_before


# The state side of a country: its government, its forces, or the nation named as a whole.
_STATE_SIDE = frozenset({"", "GOV", "MIL"})


def own_side(actors: Sequence[Actor], mention: Actor) -> bool:
    """Whether `mention` is of the actors' own state side: same country, and government, forces or
    the nation on both sides ("Russian shelling ... Russian forces"); not a person, rebels or
    civilians ("Syrian forces shelled Syrian rebels")."""
    if mention.type == "person" or mention.sector not in _STATE_SIDE or not mention.country:
        return False
    return any(a.country == mention.country and a.sector in _STATE_SIDE for a in actors)


_ACCORDING = re.compile(r"(?i:according\s+to)\s*$")
_O = frozenset({"o", "O"})
_TO = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:over|about|against|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_REPORTER = re.compile(
    r"\s+(?:\w+\s+)?(?:said|says|reported|reports|told|added|announced|stated|quoted|warned|warns|claimed|claims)\b"
)
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:which|who|where|while|after|before|when|because)\b")


def addressed_or_accused(mentions: Sequence[Actor], first: int, text: str) -> int:
    """ "complained to the UN over Israeli raids": the one addressed is not the one accused."""
    if not _TO.search(text, max(0, mentions[first].start - 6), mentions[first].start):
        return first
    for i in range(first + 1, min(first + 3, len(mentions))):
        between = text[mentions[first].end : mentions[i].start]
        if len(between) > 60 or CLAUSE_BREAK.search(between):
            break
        if _ABOUT.search(between):
            return i
    return first


def reporter(text: str, mention: Actor) -> bool:
    """The one who reports the event, not its object: "..., the agency Ceteka reported", "according to X"."""
    start = mention.start
    if _REPORTER.match(text, mention.end):
        return True
    # "according to" ends in "to": the regex search runs only after a word ending in "o"
    return text[max(0, start - 4) : start].rstrip()[-1:] in _O and bool(
        _ACCORDING.search(text, max(0, start - 14), start)
    )


@lru_cache(maxsize=1)
def _reports_it() -> re.Pattern[str]:
    """A speech verb and then the event as its object, up to four words (or a date: "reported a March 6
    attack") before it that are no pronoun, modal or auxiliary (those may make the speaker the actor:
    "said it would strike")."""
    months = "|".join(month_names())
    return re.compile(
        r"\s+(?:[a-z]+\s+)?(?:reported|reports|report|said|says|stated|states|noted|notes|indicated|"
        r"indicates|observed|observes|assessed|assesses|recorded|documented|(?:claimed|claims)\s+that)"
        # "reported at 6:00 am local time on March 24 that fighting was ongoing": when and how, then "that"
        r"(?:[^,;()]{0,60}?\sthat)?(?:\s+(?!(?:it|they|we|he|she|i|you|its|their|our|his|her|will|would|could|"
        r"can|may|might|must|shall|should|is|are|was|were|has|have|had|be|been|to|not|no)\b)(?:[a-z][\w-]*|"
        rf"\d{{1,2}}|(?:{months}))){{0,4}}\s+$"
    )


_GERUND_OBJECT = re.compile(
    r"\s+(?:a|an|the|several|some|its|their|his|her|two|three|four|five|dozens|multiple|numerous)\b|\s+[A-Z0-9]"
)
_SAID_REACH = (4, 80)  # characters between an actor and the trigger its speech verb may stand in
# One who cannot confirm or has no confirmation of the event does not do it.
_UNCONFIRMED = re.compile(
    r"\s+(?:(?:cannot|could not|can't|can not|is unable to|was unable to)\s+(?:yet\s+)?(?:independently\s+)?"
    r"(?:confirm|verify|corroborate)|(?:has|had) no (?:independent )?confirmation)\b[^,;:()]*$"
)
_JUST_SAID = re.compile(r"\s+(?:[a-z]+\s+)?(?:reported|reports|report|said|says|stated|claimed|claims)\s+")
# Events whose reporter is seldom their doer: a government reports its own arrests, but fighting,
# shelling or a protest it reports is another's (or its victim's: "Kyiv reported heavy shelling").
_REPORTED_BY_OTHERS = frozenset({"ASSAULT", "PROTEST"})


def not_the_reporter(actors: tuple[Span, ...], text: str, trigger: Span, type_: str) -> tuple[Span, ...]:
    """No actor when the one found reports the event rather than does it: "The General Staff reported
    ongoing fighting near Bakhmut", "Ukrainian sources reported explosions in Melitopol" (the source of a
    reported event, not its actor); "Russia said it would strike" keeps its actor."""
    # a speech verb needs more than four characters between: most actors stand right before the trigger
    if not actors or not _SAID_REACH[0] < trigger.start - actors[-1].end <= _SAID_REACH[1]:
        return actors
    if "onfirm" in text[actors[-1].end : trigger.start] and _UNCONFIRMED.match(
        text, actors[-1].end, trigger.start
    ):
        return ()  # "ISW cannot independently confirm the location of these possible counterattacks"
    if type_ not in _REPORTED_BY_OTHERS:
        return actors
    if not _reports_it().fullmatch(text, actors[-1].end, trigger.start):
        return actors
    # "reported repelling a Russian assault", "reported shelling Mariupol": a gerund with an object is
    # the reporter's own act; "reported fighting in the city" names another's
    own = text[trigger.end - 3 : trigger.end] == "ing" and _GERUND_OBJECT.match(text, trigger.end)
    return actors if own and _JUST_SAID.fullmatch(text, actors[-1].end, trigger.start) else ()


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_VIA = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$", re.IGNORECASE)


def origin(text: str, start: int, transit: bool = False) -> bool:
    """ "an assault from Belarus": where it came from, not its target; with `transit`, also its way."""
    return _FROM.search(text, max(0, start - 10), start) is not None or (transit and passed(text, start))


def passed(text: str, start: int) -> bool:
    """ "moving through Belarus", "redeployed via Belgorod": the way forces went, not their target."""
    return _VIA.search(text, max(0, start - 10), start) is not None


def speaker_demands(
    mentions: list[Actor], obliged: tuple[Span, ...]
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """ "Russia said that Sudan must return the helicopter": Russia demands, Sudan is asked."""
    first = mentions[0] if mentions else None
    if first is None or first.start >= obliged[0].start:
        return (), obliged
    return (Span(first.start, first.end),), obliged


def mention_at(mentions: Sequence[Actor], span: Span) -> Actor | None:
    """The mention (sorted by start) that starts where `span` does: a look-up, not a scan of the sentence."""
    i = bisect_left(mentions, span.start, key=_START)
    return mentions[i] if i < len(mentions) and mentions[i].start == span.start else None


def without_own_forces(
    mentions: Sequence[Actor],
    actors: tuple[Span, ...],
    recipients: tuple[Span, ...],
    text: str = "",
    mobilized: Span | None = None,
) -> tuple[Span, ...]:
    """The recipients of a MOBILIZE less the forces it moves: in "Russia massed troops on the border"
    the troops are the actor's own, not those it mobilises against (PLOVER: the recipient is whom the
    actor mobilises against, when that is clear). Given the `text`, a move is not aimed at where it
    went ("withdrew to Belgorod", "redeployed to Kherson Oblast"): that is its place. Given the trigger
    of a MOBILIZE (`mobilized`), nor at its direct object ("deploy Syrian fighters", see moved_object)."""
    if mobilized is not None:
        recipients = moved_object(text, mobilized, recipients, mentions)
    if text:
        recipients = _not_where(recipients, text)
    countries = {m.country for m in map(partial(mention_at, mentions), actors) if m is not None} | {""}
    # a loop, not a nested function: compiled, a closure and its scope refer to each other, and
    # every call would leave a reference cycle for the garbage collector (tests/test_pipeline.py)
    kept = []
    for r in recipients:
        mention = mention_at(mentions, r)
        if mention is None or mention.type != "force" or mention.country not in countries:
            kept.append(r)
    return tuple(kept)


def _not_where(recipients: tuple[Span, ...], text: str) -> tuple[Span, ...]:
    """The recipients less where a move went, with the places listed with it ("to Russia and Belarus")."""
    kept: list[Span] = []
    dropped: Span | None = None
    for r in recipients:
        if destination(text, r.start) or (
            dropped is not None and JOINED.fullmatch(text, dropped.end, r.start)
        ):
            dropped = r
        else:
            kept.append(r)
    return tuple(kept) if dropped is not None else recipients


_ARMED = frozenset({"MIL", "REB", "UAF", "SEP", "INS", "COP", "SPY"})
# From a movement's trigger to its direct object, what it moves: "deploy foreign fighters", "the deployment
# of 2,000 troops", "reinforce the Sumy axis" (no preposition or clause mark between: not "to Belarus").
_MOVED_OBJECT = re.compile(
    r"\s+(?:(?i:of)\s+)?(?:(?!(?i:to|into|towards?|against|in|at|on|onto|near|from|with|for|across|along"
    r"|through|around|by|over|inside|within|and|or|that|which|who|will|would|can|could|may|might|must|should"
    r"|is|are|was|were|has|have|had)\b)[\w’'.,-]*\w\s+){0,5}"
)


def moved_object(
    text: str, trigger: Span, recipients: tuple[Span, ...], mentions: Sequence[Actor] = ()
) -> tuple[Span, ...]:
    """The recipients of a movement less its direct object, the armed force it moves (given the
    sentence's `mentions`) or else the front it reinforces (a place), and the names joined to it
    ("deploy Syrian and Libyan fighters"): never whom it is aimed at. People it calls up stay ("mobilized
    residents")."""
    if not recipients or not _MOVED_OBJECT.fullmatch(text, trigger.end, recipients[0].start):
        return recipients
    if mentions:
        mention = mention_at(mentions, recipients[0])
        if mention is None or not (mention.type == "force" or mention.sector in _ARMED):
            return recipients
    kept = list(recipients[1:])
    last = recipients[0]
    while kept and JOINED.fullmatch(text, last.end, kept[0].start):
        last = kept.pop(0)
    return tuple(kept)
