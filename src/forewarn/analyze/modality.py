"""Modality of a coded event: asserted, reported, planned, threatened, hypothetical, forecast,
negated or historical.

PLOVER 2.0 defines the auxiliary modes historical, future, hypothetical and negation but no
coder implements them. Here they come from cue words just before the trigger (cues.yaml), from
the quotes stage (an event inside quoted or reported speech is reported, or forecast when the
quote states an expectation), and from the times stage (an event whose time ends well before
the document date is historical).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from forewarn.analyze.event_patterns import Hit
from forewarn.knowledge.plover import load_cues
from forewarn.model import Modality, Quote, TimeExpr

# Negation words must sit right before the trigger ("did not attack", "has not been attacked").
NEGATION_REACH = 3
_NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nor"})
_NEGATION_BRIDGE = frozenset(
    {"attempt", "try", "seek", "to", "renew", "resume", "launch", "conduct", "carry", "out", "be", "been",
     "a", "an", "the", "any", "new", "further", "major", "large", "-", "scale", "yet", "even"}
)  # fmt: skip
# "said it could strike", "warned they might retaliate": the speaker names its own possible act
_OWN_MODALS = frozenset({"could", "might", "may", "can"})
_SPEAKER_SELF = frozenset({"it", "they", "we"})
_SAYING = frozenset({"said", "says", "warned", "warns", "announced", "stated", "added", "threatened"})
_WINDOW_BREAKS = frozenset({".", ";", ":", "!", "?", "“", "”", '"'})
# A denial before one of these is in another clause: "denied the claim, after being attacked".
_SUBORDINATORS = frozenset({"after", "before", "because", "although", "though", "whereas", "following"})
# How close (tokens between) a retrospective aside must be: "since the [2014] annexation".
RETROSPECTIVE_REACH = 2
NOUN_DATE_REACH = 30  # characters
# Words before a noun trigger: its own date dates it whatever the sentence's tense ("the 2014 attack").
_NOUN_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "'s", "’s", "of"})
_PAST_WORDS = frozenset({"was", "were", "had", "did"})
_MONTHS = {
    m: n
    for n, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for m in names
}  # fmt: skip


class EventSite(NamedTuple):
    """Where a trigger sits: token indices over the shared Doc, its characters, its sentence's cues.

    A named tuple: one is made per candidate event, and it is cheaper than a frozen dataclass.
    """

    words: Sequence[str]
    sent_start: int
    trigger_start: int
    trigger_end: int
    char_start: int
    published: date | None
    cues: Sequence[Hit[str]] = ()  # modality cue hits of the sentence


def cues_before(site: EventSite) -> dict[str, int]:
    """Cue kinds in the window before the trigger, with their distance in tokens."""
    if not site.cues:
        return {}  # a sentence with no cue word at all
    trigger, words = site.trigger_start, site.words
    lo = max(site.sent_start, trigger - load_cues().window)
    near = [h for h in site.cues if h.start >= lo and h.end <= trigger]
    if not near:
        return {}  # most triggers: no cue word in reach, and no need to look for a clause break
    for i in range(trigger - 1, lo - 1, -1):
        if words[i] in _WINDOW_BREAKS:
            lo = i + 1
            break
    found: dict[str, int] = {}
    for hit in near:
        after = words[hit.end] if hit.end < len(words) else ""
        if hit.value == "forecast" and after.endswith("ed") and after != "need":
            continue  # "forces likely repelled the attacks": an assessment of the past
        if hit.start >= lo:
            distance = trigger - hit.end
            if hit.value not in found or distance < found[hit.value]:
                found[hit.value] = distance
    return found


def sentence_cues(site: EventSite) -> set[str]:
    """Cue kinds anywhere before the trigger (reporting verbs), and war anniversaries anywhere."""
    found: set[str] = set()
    for hit in site.cues:  # a plain loop: a sentence has few cues, and comprehensions cost a frame each
        if hit.value == "historical":
            if _anniversary(site, hit):
                found.add("historical")
        elif hit.end <= site.trigger_start:
            found.add(hit.value)
    return found


def _anniversary(site: EventSite, hit: Hit[str]) -> bool:
    """A phrase that dates the whole sentence ("on the first day of the invasion"), not "had"."""
    return hit.end - hit.start >= 2 and site.words[hit.start] != "had"


def promised(site: EventSite, near: dict[str, int] | None = None) -> bool:
    """A reported future the actor commits to: "said it would release", "announced it would boycott".

    `near`: `cues_before(site)` when the caller has it already (it is the costly part).
    """
    near = cues_before(site) if near is None else near
    return (
        "promised" in near
        and "reported" in sentence_cues(site)
        and not ({"hypothetical", "forecast"} & set(near))
    ) or _own_possibility(site)


def _own_possibility(site: EventSite) -> bool:
    """ "Pyongyang said it could strike": a speaker's own possible act is announced, not guessed."""
    t, words = site.trigger_start, site.words
    return (
        t - 3 >= site.sent_start
        and words[t - 1] in _OWN_MODALS
        and words[t - 2] in _SPEAKER_SELF
        and words[t - 3] in _SAYING
    )


def _negated(site: EventSite, near: dict[str, int]) -> bool:
    words = site.words
    if not _NEGATION_WORDS.isdisjoint(
        words[max(site.sent_start, site.trigger_start - NEGATION_REACH) : site.trigger_start]
    ):
        return True
    # "did not attempt to renew offensive operations": the negation reaches over attempt verbs
    i = site.trigger_start - 1
    while i >= site.sent_start and site.words[i] in _NEGATION_BRIDGE:
        i -= 1
    if i >= site.sent_start and i < site.trigger_start - 1 and site.words[i] in _NEGATION_WORDS:
        return True
    # "denied", "failed to": not across another clause ("denied the claim, after being attacked")
    distance = near.get("negation")
    return (
        distance is not None
        and _NEGATION_WORDS.isdisjoint(words[site.sent_start : site.trigger_start])
        and _SUBORDINATORS.isdisjoint(words[site.trigger_start - distance : site.trigger_start])
    )


def _in_quote(char: int, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if quote.content.start <= char < quote.content.end:
            return quote
    return None


def _month_fallback(site: EventSite, sent_end: int) -> date | None:
    """End of the last month named in the sentence, when no times stage ran: "in April"."""
    if site.published is None:
        return None
    for i in range(site.sent_start, sent_end):
        month = _MONTHS.get(site.words[i])
        if month and site.words[i - 1 if i > 0 else i] in {"in", "since", "until", "of", "by"}:
            year = site.published.year - (1 if month > site.published.month else 0)
            next_month = date(year + month // 12, month % 12 + 1, 1)
            return next_month - timedelta(days=1)
    return None


def _historical(site: EventSite, sent_end: int, times: Sequence[TimeExpr], cued: bool) -> bool:
    """`cued`: a cue word says so ("on the first day of the invasion")."""
    if cued:
        return True
    if site.published is None:
        return False
    limit = site.published - timedelta(days=load_cues().historical_days)
    dated = [t for t in times if t.type == "DATE" and t.interval[1] is not None]
    # the event's own date: the one nearest its trigger, not any date the sentence mentions
    nearest = min(dated, key=lambda t: abs(t.start - site.char_start), default=None)
    ends = [nearest.interval[1]] if nearest is not None else []
    if not times:
        fallback = _month_fallback(site, sent_end)
        ends = [fallback] if fallback else []
    t = site.trigger_start
    noun = (  # "the 2014 attack", "the annexation of Crimea in 2014": its own date, close by
        nearest is not None
        and abs(nearest.start - site.char_start) <= NOUN_DATE_REACH
        and not _NOUN_BEFORE.isdisjoint(site.words[max(site.sent_start, t - 2) : t])
    )
    past_tense = noun or any(
        w in _PAST_WORDS or w.endswith("ed") for w in site.words[site.sent_start : sent_end]
    )
    return past_tense and any(end < limit for end in ends if end is not None)


def decide_modality(
    site: EventSite,
    sent_end: int,
    quotes: Sequence[Quote],
    times: Sequence[TimeExpr],
    near: dict[str, int] | None = None,
) -> Modality:
    """One modality per event; the most specific cue wins (negation over threat over forecast ...).

    `near`: `cues_before(site)` when the caller has it already.
    """
    near = cues_before(site) if near is None else near
    if _negated(site, near):
        return "negated"
    if "threatened" in near:
        return "threatened"
    future_times = site.published is not None and any(
        t.interval[0] is not None and t.interval[0] > site.published for t in times
    )
    if "forecast" in near or ("hypothetical" in near and future_times):
        return "forecast"
    if "hypothetical" in near:
        return "hypothetical"
    quote = _in_quote(site.char_start, quotes)
    if quote is not None and quote.forecast is not None:
        content = quote.forecast.content
        if content.start <= site.char_start < content.end:
            return "forecast"
    if "planned" in near or "aim" in near:  # an aim is intended, neither done nor announced
        return "planned"
    wide = sentence_cues(site)
    retrospective = near.get("retrospective", RETROSPECTIVE_REACH + 1) <= RETROSPECTIVE_REACH
    if _historical(site, sent_end, times, "historical" in wide or "historical" in near or retrospective):
        return "historical"
    if quote is not None or "reported" in wide:
        return "reported"
    return "asserted"
