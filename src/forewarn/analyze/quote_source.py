"""Who is speaking: the source phrase before a cue, and the speaker's name behind it.

The source is found from the words alone (no parser): the subject is the run
of words between the clause start and the cue, less auxiliaries ("has also
said"), with an appositive kept ("Kovalchuk, one of Ukraine's top officers,
said"). The speaker is the actor the actors stage found there, else the name
inside the phrase without its titles; "he"/"she" and bare surnames are resolved
to the last fitting person named before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from forewarn.analyze.actors import resolve_pronoun
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Actor, Analysis, Span

# words, with clitics apart ("He’s" -> "He", "’s") so a subject never swallows its auxiliary
TOKEN = re.compile(
    r"[’'](?:s|ll|d|ve|re|m)\b|(?:[^\s,;:()\[\]“”\"«»„’']+|[’'](?!(?:s|ll|d|ve|re|m)\b))+|[,;:()]"
)  # (plain characters taken as a run, not one alternation per character: same tokens, faster)
CLITICS = frozenset({"’s", "'s", "’ll", "'ll", "’d", "'d", "’ve", "'ve", "’re", "'re", "’m", "'m"})
VERBAL = frozenset({"is", "was", "were", "are", "am", "be", "been", "would", "will", "could", "should", "might",
                    "can", "did", "does", "do", "has", "have", "had"})  # fmt: skip
GERUND_OBJECTS = frozenset({"the", "a", "an", "his", "her", "their", "its", "on", "in", "at", "with", "to", "for",
                            "about", "up", "out", "from", "into", "over"})  # fmt: skip
DASHES = frozenset({"-", "–", "—", "--"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
COORDINATORS = frozenset({"and", "but"})
SUBORDINATORS = frozenset(
    {"that", "which", "whom", "because", "if", "when", "as", "but", "so", "while", "where",
     "whether", "although", "though", "since", "after", "before", "until", "unless", "than", "what", "how", "why"}
)  # fmt: skip
APPOSITIVE_PIECES = 4
_ROLE_OPENERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their"}
)  # a role before the name it describes
INTRO_STOPS = frozenset({"while", "when", "after", "before", "despite", "although", "though", "as", "in", "on",
                         "during", "since", "speaking", "asked", "if", "because", "until", "unlike", "like",
                         "following", "for", "at", "with", "without", "by", "from", "under", "meanwhile",
                         "however", "instead", "yet", "but", "and", "so", "now", "then", "today", "earlier",
                         "later", "separately", "elsewhere", "over", "amid", "upon", "once", "whereas",
                         "according", "still", "also", "there", "here", "yesterday", "last", "this"})  # fmt: skip
NON_RESTRICTIVE = frozenset({"which", "where", "whose", "when"})
ASIDES = frozenset({"in", "on", "at", "during", "for", "by", "with", "after", "before", "like", "unlike", "however",
                    "meanwhile", "too", "though", "speaking", "asked", "according", "when", "while", "as"})  # fmt: skip
STRANDED = frozenset(
    {"to", "by", "for", "of", "with", "about", "from", "in", "on", "at", "into", "the", "a", "an"}
)
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who", "which", "that"})
PERSONAL = frozenset({"he", "she"})
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "some", "many", "most", "several", "both",
     "two", "three", "few", "all", "one", "this", "these", "those", "other", "another", "any", "each",
     "no", "senior", "top", "half", "third", "quarter", "majority", "minority", "nearly", "about", "more",
     "less", "fewer", "only", "just", "roughly", "almost", "over", "under", "three-quarters", "two-thirds", "officials", "experts", "analysts", "critics", "supporters", "sources",
     "residents", "witnesses", "police", "authorities", "lawmakers", "voters", "observers"}
)  # fmt: skip
_START_WORDS = PRONOUNS | DETERMINERS
# a capitalised word, or a connector allowed inside a name ("Ministry of Defense")
_NAME_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:(?:of|the|de|van|von|al|bin|for|and)\s+)*[A-Z][\w.’'-]*)*")
MAX_SOURCE_TOKENS = 18
RELATIVE_WORDS = 10  # words of a relative clause inside a subject (`those who have sketched out paths`)
ANTECEDENT_REACH = 80  # characters before "who" to look for the name it stands for
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
SUBJECT_REACH = 320  # characters before a cue that can hold its subject, appositives included
MOSTLY = 0.6  # an organisation or state actor names the speaker when it is most of the phrase
SHORT_SUBJECT = 3
SHORT_NAMED = 7  # words of a lower-case-led subject that ends with a name


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def _ok_start(word: str, length: int = 1) -> bool:
    """A subject starts with a name, a number, a pronoun or a determiner; short ones with anything."""
    return length <= SHORT_SUBJECT or word[:1].isupper() or word[:1].isdigit() or word.lower() in _START_WORDS


def subject_before(text: str, clause_start: int, cue_start: int, cues: SpeechCues) -> Span | None:
    """The source phrase ending right before a cue, or None when none is there."""
    start = max(clause_start, cue_start - SUBJECT_REACH)
    # Most subjects lie after the last comma, semicolon, colon or parenthesis (each always a token
    # of its own, so the words after it are tokenised alike from there): read those words first,
    # and the whole window only when they are all auxiliaries ("Kovalchuk, a general, has said").
    cut = _last_mark(text, start, cue_start)
    matches = list(TOKEN.finditer(text, max(start, cut + 1), cue_start))
    words = _without_aux(matches, cues)
    if words or cut < start:
        return _subject_after_cut(matches, words, cues)
    # the whole window: its words (plain strings; offsets are read from the matches only for the
    # span returned) end with the mark at `cut` once the auxiliaries after it are dropped
    matches = list(TOKEN.finditer(text, start, cue_start))
    last = len(_without_aux(matches, cues)) - 1
    if matches[last][0] == ")" and any(m[0] == "(" for m in matches[:last]):
        # `Sen. John Cornyn (R-Texas) told`: the parenthesis belongs to the name
        opening = max(i for i in range(last) if matches[i][0] == "(")
        name = subject_before(text, clause_start, matches[opening].start(), cues)
        return Span(name.start, matches[last].end()) if name else None
    if matches[last][0] == ",":
        tokens = [(m.start(), m.end(), m[0]) for m in matches[:last]]
        return _appositive_subject(tokens, matches[last].end())
    return None  # a semicolon, colon or opening parenthesis right before the cue


def _last_mark(text: str, start: int, end: int) -> int:
    """The offset of the last comma, semicolon, colon or parenthesis in `text[start:end]`, or -1:
    with a dash, the marks that close the phrase a subject can be in."""
    # five searches in C: faster than a regex (which backtracks from the end) or a generator
    return max(
        text.rfind(",", start, end),
        text.rfind(";", start, end),
        text.rfind(":", start, end),
        text.rfind("(", start, end),
        text.rfind(")", start, end),
    )


def _without_aux(matches: list[re.Match[str]], cues: SpeechCues) -> list[str]:
    """The words before a cue, less the auxiliaries and adverbs right before it ("has also")."""
    words = [m[0] for m in matches]
    while words and _is_aux(words[-1], cues):
        words.pop()
    return words


def _subject_after_cut(matches: list[re.Match[str]], words: list[str], cues: SpeechCues) -> Span | None:
    """The subject among words that hold no comma, semicolon, colon or parenthesis: after their last
    dash, if any (`Fiorina was a planner - a former aide said she ...`)."""
    if not words or words[-1].lower() in STRANDED:
        return None  # "want to say", "began by saying": not a subject
    cut = -1 if DASHES.isdisjoint(words) else max(i for i, w in enumerate(words) if w in DASHES)
    return _subject_in(matches, words[cut + 1 :], cut + 1, cues)


def _subject_in(matches: list[re.Match[str]], chunk: list[str], offset: int, cues: SpeechCues) -> Span | None:
    """The subject among the words after the clause's last comma or parenthesis (`chunk`, from `matches[offset]`)."""
    if not chunk:
        return None
    lowers = " ".join(chunk).lower().split(" ")  # tokens hold no spaces: one pass for all of them
    if lowers[-1] in RELATIVES:
        relative = matches[offset + len(chunk) - 1]
        return Span(relative.start(), relative.end())  # "..., who said"
    lo, hi = 0, len(chunk)
    if not SUBORDINATORS.isdisjoint(lowers):
        lo = max(i for i, w in enumerate(lowers) if w in SUBORDINATORS) + 1
    while lo < hi and (lowers[lo] in cues.intro or chunk[lo] in DASHES):
        if hi - lo > 1 and lowers[lo] == "at" and chunk[lo + 1] in {"least", "most"}:
            break  # "At least half of voters say"
        lo += 1
    while lo < hi and chunk[hi - 1] in DASHES:
        hi -= 1
    if (
        hi - lo > 2
        and chunk[hi - 1] in cues.adverbial_anchors
        and chunk[hi - 2] in {"on", "last", "this", "earlier"}
    ):
        hi -= 2  # `Donald Trump on Friday endorsed`
        while hi - lo > 1 and _is_aux(chunk[hi - 1], cues):
            hi -= 1  # `Police had last month charged`
    if lo == hi or hi - lo > MAX_SOURCE_TOKENS:
        return None
    # `people who have battled online threats say`: a relative clause belongs to the subject's head
    who = next((i for i in range(lo + 1, hi - 1) if lowers[i] == "who"), hi)
    if not (_ok_start(chunk[lo], who - lo) or _named_head(chunk[lo:who])):
        return None
    if _has_verb(chunk[lo:hi], cues):
        start = _subject_past_verb(chunk, lowers, lo, hi, who, cues)
        if start is None:
            return None  # a verb inside ("says she", "They don’t"): this is a clause, not a name
        lo = start
    if hi - lo > 1 and lowers[lo].endswith("ing") and lowers[lo + 1] in GERUND_OBJECTS:
        return None  # `Making the rounds on the Sunday shows, ...`: a participle phrase
    return Span(matches[offset + lo].start(), matches[offset + hi - 1].end())


def _subject_past_verb(
    chunk: list[str], lowers: list[str], lo: int, hi: int, who: int, cues: SpeechCues
) -> int | None:
    """Where the subject starts when the words before a cue hold a verb, or None when they are a clause:
    a head with a relative clause keeps it (`people who have battled online threats say`); after a
    coordinator, the subject of the clause it opens speaks (`Rubio has won a state and Cruz suggested`)."""
    if who < hi and hi - who <= RELATIVE_WORDS and not _has_verb(chunk[lo:who], cues):
        return lo
    joint = max((i for i in range(lo + 1, hi - 1) if lowers[i] in COORDINATORS), default=-1)
    if joint < 0 or _has_verb(chunk[joint + 1 : hi], cues) or not _ok_start(chunk[joint + 1], hi - joint - 1):
        return None
    return joint + 1


def _has_verb(words: list[str], cues: SpeechCues) -> bool:
    joined = " ".join(words) + " "
    return (
        not (VERBAL.isdisjoint(words) and cues.verb_forms.isdisjoint(words))
        or "n’t " in joined
        or "n't " in joined
    )


def _named_head(words: list[str]) -> bool:
    """`former Florida governor Jeb Bush`, `veteran analyst Charlie Cook`: lower-case descriptors
    before a name; the phrase ends with a capitalised word and is not long enough to be a clause."""
    if len(words) > SHORT_NAMED or not words[0][:1].isalpha():
        return False
    # `... Jeb Bush`, or a plural of people at the end: `private companies and ordinary traders say`
    return words[-1][:1].isupper() or (
        words[-1].endswith(("ers", "ists", "ans", "ents", "ies")) and words[-1].islower()
    )


def _is_aux(word: str, cues: SpeechCues) -> bool:
    lower = word.lower()
    return lower in cues.aux or lower in CLITICS or (word.islower() and word.endswith("ly") and len(word) > 4)


def _appositive_subject(tokens: list[tuple[int, int, str]], comma_end: int) -> Span | None:
    """`NAME, APPOSITIVE, said`: the phrase runs from the name through the closing comma.

    Walks back over comma-separated pieces to the earliest one that starts with
    a capital, stopping at an introductory phrase (`While speaking to Sky News,`).
    An appositive that is an age (`Ramos, 58, told`) or a prepositional aside
    (`Clinton, in her campaigning, suggested`) is left out.
    """
    bounds = [-1] + [i for i, t in enumerate(tokens) if t[2] == ","] + [len(tokens)]
    pieces = [tokens[a + 1 : b] for a, b in pairwise(bounds)]
    start = None
    for back, piece in enumerate(reversed(pieces[:-1] if len(pieces) > 1 else pieces)):
        if not piece or back >= APPOSITIVE_PIECES:
            break
        first = piece[0][2]
        if first.lower() in INTRO_STOPS and len(piece) > 1 and piece[1][2][:1].isupper() and back == 0:
            piece = piece[1:]  # `Yet Democratic economists, like ..., say`
            pieces[len(pieces) - 2] = piece
            first = piece[0][2]
        elif first.lower() in INTRO_STOPS or (len(piece) == 1 and first.endswith("ly")):
            break
        following = pieces[len(pieces) - 1 - back]
        if first[:1].isupper() or (first in _ROLE_OPENERS and following and following[0][2][:1].isupper()):
            # `Kovalchuk, a general,` / `the White House press secretary, Josh Earnest,`
            start = len(pieces) - 2 - back if len(pieces) > 1 else 0
    if start is None or sum(len(p) for p in pieces[start:]) > MAX_SOURCE_TOKENS + 12:
        return None
    if any(t[2] in VERBAL for t in pieces[start]):
        return None  # `The war will end soon, said X`: a clause, not a name
    name, aside = pieces[start], pieces[start + 1] if start + 1 < len(pieces) else []
    if len(pieces) - start == 2 and aside and (aside[0][2].isdigit() or aside[0][2].lower() in ASIDES):
        return Span(name[0][0], name[-1][1])
    if aside and aside[0][2].lower() in NON_RESTRICTIVE:
        return Span(name[0][0], name[-1][1])  # `The complaint, which was filed ..., alleged`
    return Span(name[0][0], comma_end)


def subject_after(text: str, cue_end: int, limit: int, cues: SpeechCues) -> Span | None:
    """The inverted source of `“...,” said Kovalchuk, a general.`: the words after the cue to the clause end."""
    tokens = _tokens(text, cue_end, limit)
    chunk: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        if token[2] in {";", ":", "(", ")"}:
            break
        if token[2] == "," and i + 1 < len(tokens) and _ends_inverted(tokens[i + 1][2], cues):
            break  # `said Devine, suggesting that ...`, `said Karen Janes, after listening to ...`
        chunk.append(token)
    while chunk and (chunk[-1][2] == "," or not chunk[-1][2].strip("'’‘`")):
        chunk.pop()  # a closing comma, or the opening '' of the next quotation
    if not chunk or not _ok_start(chunk[0][2]):
        return None
    if "," in (t[2] for t in chunk[:6]) and not (chunk[0][2][:1].isupper() or chunk[0][2] in DETERMINERS):
        return None
    head = next((i for i, t in enumerate(chunk) if t[2] == ","), len(chunk))
    if head > 8 or len(chunk) > MAX_SOURCE_TOKENS + 12:
        return None
    end = chunk[-1][1]
    while end > chunk[0][0] and text[end - 1] in ".!?":
        end -= 1
    return Span(chunk[0][0], end)


# words that open an adverbial after an inverted speaker: not part of the source
_AFTER_SPEAKER = frozenset({"after", "before", "when", "while", "during", "as", "in", "at", "on", "adding", "referring",
                            "noting", "pointing", "explaining", "speaking", "according", "though", "although"})  # fmt: skip


def _ends_inverted(word: str, cues: SpeechCues) -> bool:
    return (
        word in cues.participles
        or word.lower() in _AFTER_SPEAKER
        or (word.islower() and word.endswith("ing"))
    )


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

    def __post_init__(self) -> None:
        self.text = self.analysis.text
        self._written: list[tuple[int, str]] | None = None
        self._surnames: dict[str, str] = {}
        self.actors = self.analysis.actors
        self._actor_starts = [a.start for a in self.actors]
        for actor in self.actors:
            if actor.type == "person":
                self._remember(actor.start, actor.name)

    def _remember(self, offset: int, name: str) -> None:
        if " " in name:
            insort(self._persons, (offset, name))
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

    def speaker(self, source: Span | None) -> str:
        if source is None:
            return ""
        word = self.text[source.start : source.end]
        if word.lower() in {"who", "which"}:
            source = self._antecedent(source) or source  # "Kovalchuk, who said": the name before it
            word = self.text[source.start : source.end]
        if word.lower() in PERSONAL:
            antecedent = resolve_pronoun(self.analysis, source.start) if self.actors else None
            return antecedent.name if antecedent else self._previous_person(source.start) or word
        actor = self._actor_in(source)
        name = actor.name if actor is not None else self._name_in(source)
        if " " not in name and name[:1].isupper():
            name = self._by_surname.get(name) or self._text_surname(name) or name
        if actor is None or actor.type == "person":
            self._remember(source.start, name)
        return name
