"""Who a quote's source names: the speaker's name behind the source phrase.

The speaker is the actor the actors stage found in the phrase, else the name
inside it without its titles; "he"/"she" and bare surnames are resolved to the
last fitting person named before, a relative pronoun to the name just before it,
and "we" to the body (state, organisation or force) whose statement the text is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from forewarn.analyze.actors import resolve_pronoun
from forewarn.analyze.quote_roles import common_phrase, role_of_body
from forewarn.analyze.quote_source import DETERMINERS
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Actor, Analysis, Span

PERSONAL = frozenset({"he", "she"})
FIRST_PLURAL = frozenset({"we", "us", "our"})
# pronouns are never surnames ("Tikrit. We have supported": not "Tikrit We")
_PRONOUNS = frozenset({"i", "you", "it", "they", "them", "their"}) | FIRST_PLURAL
BODIES = frozenset({"state", "organisation", "force"})
# the cue words of a body's own statement: the present of a release ("The United States strongly condemns",
# "have already supported"), or a statement ("said in a statement"); a reported past act ("Daesh claimed")
# is no voice of the text
_OWN_VOICE = frozenset({"has", "have", "is", "are", "statement"})
# a capitalised word, or a connector allowed inside a name ("Ministry of Defense")
_NAME_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:(?:of|the|de|van|von|al|bin|for|and)\s+)*[A-Z][\w.’'-]*)*")
ANTECEDENT_REACH = 80  # characters before "who" to look for the name it stands for
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_PHRASE_OPENERS = frozenset({"the", "a", "an", "these", "those", "some", "many"})
MOSTLY = 0.6  # an organisation or state actor names the speaker when it is most of the phrase


def _surname_phrases(text: str, surname: str) -> Iterator[str]:
    """What `[A-Z][\\w.’'-]*\\s+<surname>\\b` finds in the text, in order, read back from each occurrence
    of the surname: a pattern per surname would be compiled anew for nearly every text."""
    after, start = 0, text.find(surname)
    while start >= 0:
        end = start + len(surname)
        if _is_word(text[end - 1]) != (end < len(text) and _is_word(text[end])):  # \b
            first = _capital_before(text, start, after)
            if first >= 0:
                yield text[first:end]
                after = end
        start = text.find(surname, start + 1)


def _capital_before(text: str, start: int, after: int) -> int:
    """The leftmost A-Z at or after `after` of the word that white space separates from `start`, or -1."""
    gap = start
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    if gap == start:
        return -1
    word = gap
    while word > 0 and (_is_word(text[word - 1]) or text[word - 1] in ".’'-"):
        word -= 1
    return next((i for i in range(max(word, after), gap) if "A" <= text[i] <= "Z"), -1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass
class SpeakerResolver:
    """Names speakers in text order, remembering who was named, for pronouns and surnames."""

    analysis: Analysis
    cues: SpeechCues
    _persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name), in order
    _by_surname: dict[str, str] = field(default_factory=dict)
    _bodies: list[tuple[int, str]] = field(default_factory=list)  # (source start, body name), in order

    def __post_init__(self) -> None:
        self.text = self.analysis.text
        self._written: list[tuple[int, str]] | None = None
        self._voices: list[tuple[Span | None, Span]] = []
        self._surnames: dict[str, str] = {}
        self.actors = self.analysis.actors
        self._actor_starts = [a.start for a in self.actors]
        # the persons the actors stage named are sorted once, not inserted one by one (a third of
        # the actors of a news text are persons with a full name)
        named = [(a.start, a.name) for a in self.actors if a.type == "person" and " " in a.name]
        self._persons = sorted(named)
        # each name once: a person is named again and again (the first name noted for a surname wins)
        for name in dict.fromkeys(name for _, name in named):
            self._note_surname(name)

    def _remember(self, offset: int, name: str) -> None:
        if " " in name:
            insort(self._persons, (offset, name))
            self._note_surname(name)

    def _note_surname(self, name: str) -> None:
        self._by_surname.setdefault(name.rsplit(" ", 1)[-1], name)

    def _actor_in(self, span: Span) -> Actor | None:
        """The person named in the phrase's head (before any appositive), else an actor that is most of it."""
        comma = self.text.find(",", span.start, span.end)
        head_end = comma if comma > 0 else span.end
        lo, hi = bisect_left(self._actor_starts, span.start), bisect_left(self._actor_starts, head_end)
        inside = [a for a in self.actors[lo:hi] if a.end <= head_end]
        persons = [a for a in inside if a.type == "person"]
        if persons:
            return persons[-1]
        head = self.text[span.start : head_end].strip()
        longest = max(inside, key=lambda a: a.end - a.start, default=None)
        if longest is not None and (longest.end - longest.start) >= MOSTLY * len(head):
            return longest
        return None

    def _role_holder(self, span: Span) -> str:
        """`a spokesman for the ministry` -> "ministry spokesman", unless an appositive names the
        holder (`A lawyer for the outlets, David Schulz,`)."""
        phrase = self.text[span.start : span.end]
        words = phrase.lower().split()[:4]
        if len(words) < 3 or not (
            phrase[:1].islower() or words[0] in _PHRASE_OPENERS or not self.cues.roles.isdisjoint(words)
        ):
            return ""  # most sources: a name or a pronoun (look-ups spare the regexes)
        pieces = [p.strip() for p in phrase.split(",")]
        if any(" " in p and _NAME_RUN.fullmatch(p) for p in pieces[1:]):
            return ""  # `A lawyer for the outlets, David Schulz,`: the appositive names the holder
        role = role_of_body(pieces[0], self.cues.roles)
        if role is None:
            return common_phrase(pieces[0], self.cues.count_heads)  # `supporters of Trump` are not Trump
        return f"{self._strip_titles(role[0])} {role[1]}"

    def _name_in(self, span: Span) -> str:
        """The last capitalised run of the phrase before any appositive, without its titles.

        A phrase headed by a common noun ("Virginia Democratic primary voters") is its own name.
        """
        phrase = _PARENTHESIS.sub("", self.text[span.start : span.end])  # "Sen. John Cornyn (R-Texas)"
        pieces = [p.strip() for p in phrase.split(",")]
        head = pieces[0]
        whole_names = [p for p in pieces if " " in p and _NAME_RUN.fullmatch(p)]
        if whole_names and not _NAME_RUN.fullmatch(head):
            return self._strip_titles(whole_names[0])  # "his best friend at Lehigh, Bruce Turry"
        if head and head.split()[-1][:1].islower():
            return " ".join(w for w in head.split() if w.lower() not in {"the", "a", "an"})
        runs = _NAME_RUN.findall(head)
        name = self._strip_titles(runs[-1]) if runs else ""
        return name or head.strip()

    def _previous_person(self, offset: int) -> str:
        i = bisect_right(self._persons, (offset, "\uffff")) - 1
        if i >= 0:
            return self._persons[i][1]
        # nobody has spoken yet: the last full name written before the pronoun
        if self._written is None:  # found once per text, only when a pronoun needs it
            runs = ((m.end(), self._strip_titles(m.group())) for m in _NAME_RUN.finditer(self.text))
            self._written = [(end, name) for end, name in runs if " " in name]
        i = bisect_right(self._written, (offset, "")) - 1
        return self._written[i][1] if i >= 0 else ""

    def _text_surname(self, surname: str) -> str:
        """A full name with this surname written anywhere in the text, or "" (looked up once per surname)."""
        if surname not in self._surnames:
            self._surnames[surname] = ""
            for phrase in _surname_phrases(self.text, surname):
                name = self._strip_titles(phrase)
                if " " in name:
                    self._surnames[surname] = name
                    break
        return self._surnames[surname]

    def _strip_titles(self, run: str) -> str:
        words = run.split()
        titled = [i for i, w in enumerate(words[:-1]) if w in self.cues.titles]
        if titled:
            words = words[titled[-1] + 1 :]
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
        return " ".join(words)

    def _antecedent(self, relative: Span) -> Span | None:
        """The name a relative pronoun refers to: the last capitalised run just before it."""
        window = max(0, relative.start - ANTECEDENT_REACH)
        runs = list(_NAME_RUN.finditer(self.text, window, relative.start))
        if not runs or self.text[runs[-1].end() : relative.start].strip(" ,"):
            return None
        return Span(runs[-1].start(), runs[-1].end())

    def note_bodies(self, sources: list[tuple[Span | None, Span]]) -> None:
        """Keep the (source, cue) of each attribution: the bodies among them that speak in the text's own
        voice are what a later "we" can stand for (read only when a "we" speaks)."""
        self._voices = sources
        self._bodies = []

    def _read_bodies(self) -> None:
        for source, cue in self._voices:
            if source is None or not _own_voice(self.text[cue.start : cue.end]):
                continue
            actor = self._actor_in(source)
            if actor is not None and actor.type in BODIES:
                insort(self._bodies, (source.start, actor.name))
        self._voices = []

    def _body_for(self, source: Span, until: int) -> str:
        """The body a "we" stands for: the nearest before it that spoke in the text's own voice, else
        one that speaks later in its paragraph (`until`: "As we have made clear, the United States
        supports", "We condemn the attacks ... The U.S. reaffirms its commitment")."""
        if self._voices:
            self._read_bodies()
        i = bisect_left(self._bodies, (source.start, ""))
        if i > 0:
            return self._bodies[i - 1][1]
        if i < len(self._bodies) and self._bodies[i][0] < until:
            return self._bodies[i][1]
        return ""

    def speaker(self, source: Span | None, paragraph_end: int = -1) -> str:
        if source is None:
            return ""
        word = self.text[source.start : source.end]
        if word.lower() in FIRST_PLURAL:
            return self._body_for(source, paragraph_end) or word
        if word.lower() in {"who", "which"}:
            source = self._antecedent(source) or source  # "Kovalchuk, who said": the name before it
            word = self.text[source.start : source.end]
        if word.lower() in PERSONAL:
            antecedent = resolve_pronoun(self.analysis, source.start) if self.actors else None
            return antecedent.name if antecedent else self._previous_person(source.start) or word
        role = self._role_holder(source)
        if role:  # `A reporter for USA Today` is the reporter, not USA Today
            return role
        actor = self._actor_in(source)
        if actor is not None and actor.name.islower():
            actor = None  # a bare role ("spokesman"): the phrase says whose ("Foreign Office spokesman")
        name = actor.name if actor is not None else self._name_in(source)
        if " " not in name and name[:1].isupper() and name.lower() not in _PRONOUNS:
            name = self._by_surname.get(name) or self._text_surname(name) or name
        if actor is None or actor.type == "person":
            self._remember(source.start, name)
        return name


def _own_voice(cue: str) -> bool:
    """A cue in the present tense, or a statement: how a body speaks in its own release."""
    words = cue.lower().split()
    return any(
        w in _OWN_VOICE or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us"))) for w in words
    )
