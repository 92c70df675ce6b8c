"""Aims and warnings: events a sentence names but does not report as done.

Two structures a warning picture must not misread:

- A warning about someone else's act. "Zelensky warned that Russia could attack from Belarus" is no
  threat by Zelensky (PLOVER THREATEN is a threat communicated by its actor): the attack is coded
  with its own actor, Russia, as a forecast the warner reports, and the warning is no event. The
  warner's own future act stays a threat ("Russia warned it would respond with force"), and so does
  a warning with a condition attached ("warned of military action if the army does not withdraw",
  "warned that any incursion would be met with force"). Nominal warnings too: "warned of a possible
  Russian attack" is a forecast, "warned of retaliation" a threat.
- A purpose clause. "Russian forces continued shelling to intimidate residents": the infinitive after
  a completed act is its aim, so the intimidation is planned, not asserted (and no threat either:
  an aim is not communicated). "In order to", "seek to", "in a bid to" are aims wherever they stand
  (cue list `aim`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from forewarn.analyze.event_patterns import Hit
from forewarn.analyze.event_rules import Candidate, recode
from forewarn.knowledge.plover import Trigger, load_cues
from forewarn.model import Actor, Modality

# The subject of a clause after "warned (that)" is the warner when it is one of these.
_OWN_SUBJECTS = frozenset(
    {"it", "they", "we", "i", "he", "she", "its", "their", "our", "his", "her", "there"}
)
# "any attack would be met with force": a condition on the addressee, so a threat.
_CONDITIONAL_SUBJECTS = frozenset({"any", "every", "further", "another"})
# Words that end the subject of the warned clause: a modal or auxiliary.
_CLAUSE_VERBS = frozenset(
    {"could", "might", "may", "would", "will", "can", "'ll", "'d", "must", "should", "is", "are", "was",
     "were", "has", "have", "had", "'s", "'re", "plans", "planned", "intends", "intended", "be"}
)  # fmt: skip
# A condition attached to a warning makes it a threat: "warned of military action if ...".
_CONDITIONS = frozenset({"if", "unless", "otherwise"})
_OR_ELSE = "or else"
# Signs that a warned-of act is expected, not promised: "warned of a possible attack".
_EXPECTED = frozenset(
    {"possible", "potential", "imminent", "likely", "looming", "impending", "new", "renewed"}
)
_BREAKS = frozenset({".", ";", ":", "!", "?", "“", "”", '"'})
# An unnamed subject that may be the warner's own forces or offices.
_FORCES = frozenset(
    {"police", "army", "troops", "forces", "military", "soldiers", "government", "authorities", "officers"}
)
# Words that open another clause: a condition after them is not the warning's ("..., but ... if it").
_OTHER_CLAUSE = frozenset({";", ".", "but", "although", "though", "whereas", "while", "however"})
# "warned of the dangers of ...", "warned of the risk of": a concern voiced, no threat.
_DANGERS = frozenset(
    {"danger", "dangers", "risk", "risks", "threat", "threats", "perils", "peril", "possibility", "prospect"}
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "growing", "serious", "grave"})
_ARTICLES = frozenset({"the", "a", "an"})
_SPEAKER_REACH = 8  # tokens before a reporting verb read for an unnamed speaker's side
# Pronouns by which a speaker names itself as the actor: "said it will strike".
_SELF = frozenset({"it", "they", "we", "i", "he", "she", "our", "its", "their"})
# How far (tokens) a warning's clause is read for its subject.
WARNING_REACH = 8


def resolve_warnings(
    cands: list[Candidate],
    words: Sequence[str],
    starts: Sequence[int],
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[Actor],
) -> tuple[list[Candidate], Actor | None]:
    """The sentence's candidates with each warning about another's act resolved: the warning gives way
    to the act it warns of (or to nothing), and the acts in its reach become forecasts. Also the last
    such warner's mention (never the actor of the act it warns of), if any.

    `sentence` is the sentence's token range [start, end).
    """
    out: list[Candidate] = []
    warned, warner = -1, None
    for cand in cands:
        hit = cand.hit
        if "warning" in hit.value.flags:
            content = postposed(words, starts, text, hit, sentence[0], mentions)
            if content is not None:  # "Russia could attack from Belarus, Zelensky warned"
                if content[1]:
                    out = [_forecast(c) if c.hit.start < content[0] else c for c in out]
                    warner = _warner(mentions, starts, hit)
                    continue
            elif warns_of_others(words, starts, text, hit, cand.embedded, sentence[1], mentions):
                warned, warner = hit.end, _warner(mentions, starts, hit)
                if cand.embedded is None or cand.embedded.value.type == "THREATEN":
                    continue  # "the UN warned that millions could starve", "warned of the threat of"
                cand = Candidate(cand.embedded, cand.embedded.value.type, cand.embedded.value.mode)
        if warned >= 0 and hit.start - warned <= load_cues().window:
            cand = _forecast(cand)  # "warned that Russia could attack and occupy Kyiv"
        out.append(cand)
    return out, warner


def _warner(mentions: Sequence[Actor], starts: Sequence[int], warning: Hit[Trigger]) -> Actor | None:
    """The mention nearest before a warning's word: who warns."""
    return next((m for m in reversed(mentions) if m.end <= starts[warning.start]), None)


def _forecast(cand: Candidate) -> Candidate:
    return (
        cand
        if "frame" in cand.hit.value.flags and cand.hit.value.type != "THREATEN"
        else cand._replace(outlook="forecast")
    )


# After a postposed warning's speaker: the sentence ends or a time or place follows ("..., Zelensky warned
# on Sunday").
_AFTER_POSTPOSED = frozenset(
    {".", ",", ";", "on", "in", "last", "this", "yesterday", "today", "earlier", "late"}
)
_CLOSING = frozenset({",", "”", '"', "’", "''"})


def postposed(
    words: Sequence[str],
    starts: Sequence[int],
    text: str,
    warning: Hit[Trigger],
    first: int,
    mentions: Sequence[Actor],
) -> tuple[int, bool] | None:
    """A warning whose content comes first ("Russia could attack from Belarus, Zelensky warned"): the
    token where that content ends, and whether it is about another's act; None when not postposed."""
    end = warning.end
    if end < len(words) and words[end] not in _AFTER_POSTPOSED:
        return None
    warner = _warner(mentions, starts, warning)
    if warner is None:
        return None
    at = bisect_left(starts, warner.start)
    if at - 1 <= first or words[at - 1] not in _CLOSING or warning.start - at > 4:
        return None
    lo = first + (words[first] in _CLOSING or words[first] in {"“", '"', "``"})
    content = words[lo : at - 1]
    if _consequence(content):
        return at - 1, False  # "Any attack will be met with force, the Kremlin warned"
    verb = next((i for i in range(lo, at - 1) if words[i] in _CLAUSE_VERBS), at - 1)
    subject = words[lo:verb]
    if not subject or subject[-1] in _OWN_SUBJECTS or not _CONDITIONAL_SUBJECTS.isdisjoint(subject):
        return at - 1, False  # "We will respond with force," the minister warned
    mention = _subject_mention(mentions, starts, lo, verb)
    if mention is not None:
        return at - 1, not _same_party(mention, warner)
    return at - 1, not any(text[starts[i] : starts[i] + 1].isupper() for i in range(lo, verb))


@lru_cache(maxsize=1)
def _consequences() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The consequence cues (cues.yaml): single words, and phrases of several."""
    phrases = load_cues().warning_consequences
    return frozenset(p[0] for p in phrases if len(p) == 1), tuple(p for p in phrases if len(p) > 1)


def _consequence(words: Sequence[str]) -> bool:
    """Whether the words name a consequence: "would have consequences", "would be met with force"."""
    single, phrases = _consequences()
    if not single.isdisjoint(words):
        return True
    return any(words[i : i + len(p)] == list(p) for p in phrases for i, w in enumerate(words) if w == p[0])


def _sentence_clause_end(words: Sequence[str], start: int, stop: int) -> int:
    """Where the warning's clause ends: the sentence's end or a break to another clause ("..., but")."""
    return next((i for i in range(start, stop) if words[i] in _OTHER_CLAUSE), stop)


def _clause_end(words: Sequence[str], start: int, stop: int) -> int:
    end = min(stop, start + WARNING_REACH)
    for i in range(start, end):
        if words[i] in _BREAKS:
            return i
    return end


def _same_party(a: Actor, b: Actor) -> bool:
    return a.text.lower() == b.text.lower() or bool(a.country and a.country == b.country)


def _subject_mention(mentions: Sequence[Actor], starts: Sequence[int], lo: int, hi: int) -> Actor | None:
    """The first actor mention starting inside tokens [lo, hi)."""
    if lo >= hi:
        return None
    first, last = starts[lo], starts[hi - 1]
    return next((m for m in mentions if first <= m.start <= last), None)


def warns_of_others(
    words: Sequence[str],
    starts: Sequence[int],
    text: str,
    warning: Hit[Trigger],
    embedded: Hit[Trigger] | None,
    stop: int,
    mentions: Sequence[Actor],
) -> bool:
    """Whether a warning is about another party's act, not a threat by the warner.

    `stop` is the sentence's end token, `mentions` its actor mentions (sorted by start).
    """
    after = words[warning.end : _sentence_clause_end(words, warning.end, stop)]
    if not _CONDITIONS.isdisjoint(after) or _OR_ELSE in " ".join(after) or _consequence(after):
        return False  # a condition on the addressee, or a consequence named: a threat
    lo = warning.end
    warner = next((m for m in reversed(mentions) if m.end <= starts[warning.start]), None)
    if lo < stop and words[lo] in {"of", "about"}:
        return _nominal_of_others(words, starts, lo + 1, embedded, stop, mentions, warner)
    if embedded is not None and embedded.value.type == "THREATEN":
        return False  # "warned that police will not tolerate rallies": the content is a threat
    if embedded is not None and embedded.start == lo and _addressed_crowd(words[embedded.end - 1]):
        embedded = None  # "warned protesters it would use force": the crowd is addressed, not an act
    end = _clause_end(words, lo, stop)
    window = words[lo:end]
    if "against" in window:
        return False  # "warned Ukraine against attacking": a deterrent threat
    if "that" in window:  # "warned (Kyiv) that Russia could": the clause opens after "that"
        lo += window.index("that") + 1
    verb = next((i for i in range(lo, end) if words[i] in _CLAUSE_VERBS), end)
    if embedded is not None and embedded.start >= lo:
        verb = min(verb, max(embedded.start, lo + 1))  # "warned that an attack ...": the act is the subject
    subject = words[lo:verb]
    if not subject or subject[-1] in _OWN_SUBJECTS or not _CONDITIONAL_SUBJECTS.isdisjoint(subject):
        return False  # "warned it would respond", "warned Kyiv it would", "warned that any attack"
    mention = _subject_mention(mentions, starts, lo, verb)
    if mention is not None:
        return warner is None or not _same_party(mention, warner)
    # no party named: a common noun ("millions could starve", "an attack was possible") is not the
    # warner; an unknown name ("warned that Washington would consider") or the forces a warner commands
    # ("the security chief warned that police will") may speak for it
    if not _FORCES.isdisjoint(subject):
        return False
    return not any(text[starts[i] : starts[i] + 1].isupper() for i in range(lo, verb))


def _addressed_crowd(word: str) -> bool:
    """A crowd word that names people ("protesters", "strikers"), not their act ("rally")."""
    return word.endswith(("ers", "ors", "ists")) and word in load_cues().crowd


def _nominal_of_others(
    words: Sequence[str],
    starts: Sequence[int],
    lo: int,
    embedded: Hit[Trigger] | None,
    stop: int,
    mentions: Sequence[Actor],
    warner: Actor | None,
) -> bool:
    """ "warned of a possible Russian attack": an expected act of another; "warned of retaliation" a threat."""
    head = next((w for w in words[lo : lo + 3] if w not in _DETERMINERS), "")
    if head in _DANGERS:
        return True  # "warned of the dangers of ...": a concern, not a threat
    if embedded is None or embedded.value.type == "THREATEN":
        return False  # "warned of retaliation", "warned of a threat to ..."
    before = range(lo, embedded.start)
    if not _EXPECTED.isdisjoint(words[i] for i in before):
        return True
    mention = _subject_mention(mentions, starts, lo, min(embedded.end + 3, stop))
    return mention is not None and warner is not None and not _same_party(mention, warner)


# The modalities an outlook fixed by the sentence's structure replaces: an act warned of or foretold by
# another is a forecast whatever its cue words ("warned that Russia could attack"); an aim replaces only
# a plain report or intent ("will likely seek to encircle" stays a forecast).
_OUTLOOK_OVER: dict[str, frozenset[str]] = {
    "forecast": frozenset(
        {"asserted", "reported", "planned", "threatened", "hypothetical", "forecast", "historical"}
    ),
    "planned": frozenset({"asserted", "reported", "planned"}),
}


def with_outlook(cand: Candidate, outlook: str, modality: Modality) -> tuple[str, str, Modality] | None:
    """Type, mode and modality of an aim or of an act warned of or foretold by another: neither a
    promise nor a threat by its actor, so only the frame rules recode it; None when no outlook applies."""
    if not outlook or modality not in _OUTLOOK_OVER[outlook]:
        return None
    type_, mode, _ = recode(cand, "asserted", False)
    fixed: Modality = (
        "threatened" if type_ == "THREATEN" else "forecast" if outlook == "forecast" else "planned"
    )
    return type_, mode, fixed


# Cues by which someone else tells or guesses an act: "reports that", "diplomats believe".
_TOLD = frozenset({"reported", "guessed"})


def foretold(
    words: Sequence[str],
    starts: Sequence[int],
    cues: Sequence[Hit[str]],
    trigger: int,
    mentions: Sequence[Actor],
) -> bool:
    """Whether a future act is told or guessed by someone else than its actor: "The General Staff reports
    that Russian forces are preparing to attack Sumy", "diplomats believe the rebels plan to attack", are forecasts, not a threat (PLOVER's THREATEN is
    communicated by its actor); "Hezbollah said it will strike" is the speaker's own act.

    `trigger` is the act's first token, `cues` the sentence's modality cue hits.
    """
    said = [h for h in cues if h.value in _TOLD and h.end <= trigger]
    if not said:
        return False  # no one reports it: the actor's announcement or the writer's news lead
    told = said[-1].end
    if not _SELF.isdisjoint(words[told:trigger]):
        return False  # "said it will strike", "told Kyiv they would attack"
    lo, hi = starts[told], starts[trigger]
    actor = next((m for m in reversed(mentions) if lo <= m.start < hi), None)
    if actor is None:
        return False
    speaker = next((m for m in reversed(mentions) if m.end <= starts[said[-1].start]), None)
    if speaker is None:  # an unnamed speaker may name the actor's side: "a Ukrainian representative stated"
        name = next((w for w in actor.text.lower().split() if w not in _ARTICLES), "")
        return name not in words[max(0, said[-1].start - _SPEAKER_REACH) : said[-1].start]
    return not _same_party(actor, speaker)


def is_purpose(words: Sequence[str], start: int, act: tuple[int, int]) -> bool:
    """Whether the trigger at token `start` is the aim of an act whose trigger spans tokens `act`:
    "continued shelling to intimidate residents", "deployed to Belarus to prepare an offensive"."""
    act_start, act_end = act
    to, led = start - 1, list[str]()
    while to >= act_end and words[to] != "to" and len(led) < 3 and words[to] in _LEAD_WORDS:
        led.append(words[to])  # "to prepare an offensive", "to carry out attacks"
        to -= 1
    if to < act_end or words[to] != "to" or words[to - 1] in _NOT_PURPOSE:
        return False
    if led and led[-1] not in _LEAD_VERBS:
        return False  # "to the attack": a preposition
    if not led and words[start].endswith(_NOUN_ENDINGS) and not words[start].endswith(_VERB_ENDINGS):
        return False  # "returned to talks", "prior to redeployment": a preposition's object
    between = words[act_end:to]
    return (
        len(between) <= PURPOSE_REACH
        and _PURPOSE_BREAKS.isdisjoint(between)
        # "forcing conscripts to sign", "enabling Ukrainian forces to recapture": the act's object does it
        and not any(w.startswith(_OBJECT_COMPLEMENT) for w in words[act_start:to])
    )


# Verbs that introduce the act itself after "to": "to launch an offensive" is the offensive as an aim.
_LEAD_VERBS = frozenset(
    {"prepare", "launch", "conduct", "carry", "mount", "stage", "begin", "start", "resume", "renew",
     "support", "hold", "make"}
)  # fmt: skip
_LEAD_WORDS = _LEAD_VERBS | {"an", "a", "the", "new", "further", "out", "more", "possible", "major"}
# The word right before a trigger that may be the aim's: "to" or a word between "to" and the act.
PURPOSE_LEAD = _LEAD_WORDS | {"to"}
# Words before "to" that make it no purpose: "continued to shell", "forced to surrender", "tried to storm"
# (the act itself or an attempt), "free to support", "prior to", "in response to" (a preposition).
_NOT_PURPOSE = frozenset(
    {"continue", "continues", "continued", "continuing", "begin", "begins", "began", "begun", "start",
     "starts", "started", "resume", "resumed", "forced", "compelled", "made", "able", "unable", "going",
     "used", "decided", "agreed", "refused", "managed", "failed", "ready", "about", "likely", "expected",
     "try", "tries", "tried", "trying", "attempt", "attempted", "attempting", "want", "wants", "wanted",
     "has", "have", "had", "need", "needs", "needed", "order", "ordered", "allowed", "permitted", "free",
     "prior", "due", "according", "addition", "response", "opposed", "committed", "close", "next", "up",
     "contrary", "owing", "thanks", "return", "returned", "way", "ways", "reference", "regard", "respect"}
)  # fmt: skip
# Verbs whose object does the infinitive's act: "freed Syrians to return", "urged partners to contribute".
_OBJECT_COMPLEMENT = (
    "free", "allow", "forc", "urg", "ask", "enabl", "help", "prompt", "order", "compel", "invit",
    "encourag", "permit", "push", "pressur", "persuad", "tell", "told", "call", "caus", "lead", "led",
    "want", "expect", "train", "instruct", "direct", "authori", "mobili", "recruit",
)  # fmt: skip
# A trigger right after "to" that ends like a noun is a preposition's object, not an infinitive.
_NOUN_ENDINGS = ("ing", "s", "ment", "tion", "sion", "ance", "ence", "al", "ure", "ity", "ism")
# verbs that end like nouns, an infinitive after "to": "to address", "to discuss", "to capture"
_VERB_ENDINGS = ("ss", "capture")
_PURPOSE_BREAKS = frozenset({".", ";", ":", "and", "but", "which", "who", "while", "whereas", "“", "”", '"'})
PURPOSE_REACH = 10
