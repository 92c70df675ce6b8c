"""Who is speaking: the source phrase before (or after) a cue.

The source is found from the words alone (no parser): the subject is the run
of words between the clause start and the cue, less auxiliaries ("has also
said"), with an appositive kept ("Kovalchuk, one of Ukraine's top officers,
said"). The speaker's name behind the phrase is `quote_speaker`'s.
"""

from __future__ import annotations

import re
from itertools import pairwise

from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

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
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "some", "many", "most", "several", "both",
     "two", "three", "few", "all", "one", "this", "these", "those", "other", "another", "any", "each",
     "no", "senior", "top", "half", "third", "quarter", "majority", "minority", "nearly", "about", "more",
     "less", "fewer", "only", "just", "roughly", "almost", "over", "under", "three-quarters", "two-thirds", "officials", "experts", "analysts", "critics", "supporters", "sources",
     "residents", "witnesses", "police", "authorities", "lawmakers", "voters", "observers"}
)  # fmt: skip
_START_WORDS = PRONOUNS | DETERMINERS
MAX_SOURCE_TOKENS = 18
RELATIVE_WORDS = 10  # words of a relative clause inside a subject (`those who have sketched out paths`)
SUBJECT_REACH = 320  # characters before a cue that can hold its subject, appositives included
SHORT_SUBJECT = 3
SHORT_NAMED = 7  # words of a lower-case-led subject that ends with a name


def source_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
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
        subject = _subject_after_cut(matches, words, cues)
        if subject is not None and start == clause_start and text[cut : cut + 1] == ",":
            return _listed(text, start, cut, subject, cues)
        return subject
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


LIST_WORDS = 6  # words of each earlier item of a listed subject ("Carson, Fiorina and Huckabee")
_FRONTED = INTRO_STOPS | {"among", "back", "first", "second", "finally", "meantime", "moreover", "too"}


def _listed(text: str, start: int, cut: int, subject: Span, cues: SpeechCues) -> Span:
    """`The UK, the wider Coalition and the Government of Iraq have supported`: a subject coordinated
    with "and" after a comma is the last items of a list that opens the clause, and the source is the
    whole list; an item that opens with a preposition or an adverb is a fronted setting, no item."""
    if " and " not in text[subject.start : subject.end] or text[cut + 1 : subject.start].strip():
        return subject
    for item in text[start:cut].split(","):
        words = item.split()
        if not words or len(words) > LIST_WORDS or not _ok_start(words[0], 2) or _has_verb(words, cues):
            return subject
        first = words[0].lower()
        if (
            first in _FRONTED
            or first.endswith("ly")
            or not SUBORDINATORS.isdisjoint(w.lower() for w in words)
        ):
            return subject  # `Back when the Wall fell,`, `Early in the campaign,`, `Most recently,`
        if len(words) == 2 and words[1].endswith("ly") and words[1].islower():
            return subject  # `Most recently,` (not `The family,`)
    return Span(start + len(text[start:cut]) - len(text[start:cut].lstrip()), subject.end)


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
    if DASHES.isdisjoint(words):
        return _subject_in(matches, words, 0, cues)
    dashes = [i for i, w in enumerate(words) if w in DASHES]
    if dashes[-1] == len(words) - 1 and len(dashes) > 1:
        if not cues.verb_forms.isdisjoint(words[dashes[-2] :]):
            return None  # `an aggressive - some say unrealistic - pledge`: an aside with its own cue
        # `Jason Sims — a teacher from Mount Pleasant — says`: the phrase between the dashes is an
        # appositive of the subject before them, and the source runs through the closing dash
        before = dashes[-2] - 1 - (dashes[-3] if len(dashes) > 2 else -1)
        head = _subject_in(matches, words[dashes[-2] - before : dashes[-2]], dashes[-2] - before, cues)
        return Span(head.start, matches[len(words) - 1].end()) if head else None
    return _subject_in(matches, words[dashes[-1] + 1 :], dashes[-1] + 1, cues)


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
    if not _SENTENCE_PRONOUNS.isdisjoint(chunk[lo + 1 :]):
        # `... by God. He has also called`, `at 7 p.m. He says`: a sentence the splitter left joined
        lo = max((i for i in range(lo + 1, hi) if chunk[i] in _SENTENCE_PRONOUNS and chunk[i - 1].endswith(".")),
                 default=lo)  # fmt: skip
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
    # (rare: one C-speed scan spares a Python loop over the words)
    who = lowers.index("who", lo + 1, hi - 1) if "who" in lowers[lo + 1 : hi - 1] else hi
    if not (_ok_start(chunk[lo], who - lo) or named_head(chunk[lo:who]) or _people_head(lowers[lo:who])):
        return None
    # `The reports show`, `new fundraising reports show`: a cue word in -s right before the cue is a
    # plural noun, the subject's head (two finite verbs do not meet)
    last_noun = hi - lo > 1 and chunk[hi - 1] in cues.verb_forms and chunk[hi - 1].endswith("s")
    if _has_verb(chunk[lo : hi - 1] if last_noun else chunk[lo:hi], cues):
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


def named_head(words: list[str]) -> bool:
    """`former Florida governor Jeb Bush`, `veteran analyst Charlie Cook`: lower-case descriptors
    before a name; the phrase ends with a capitalised word and is not long enough to be a clause."""
    if len(words) > SHORT_NAMED or not words[0][:1].isalpha():
        return False
    # `... Jeb Bush`, or a plural of people at the end: `private companies and ordinary traders say`
    return words[-1][:1].isupper() or (
        words[-1].endswith(("ers", "ists", "ans", "ents", "ies")) and words[-1].islower()
    )


_PEOPLE_OF = frozenset(
    {"of", "for", "in", "at", "from", "with", "on", "across", "inside", "within", "around"}
)
_FUNCTION_ENDS = PRONOUNS | _ROLE_OPENERS | STRANDED
PEOPLE_REACH = 4  # words before the plural head of a lower-case subject ("current and former officials")
PEOPLE_WORDS = 10


def _people_head(lowers: list[str], *, and_: bool = True) -> bool:
    """`attorneys for the department`, `current and former officials in the FBI`: a lower-case plural
    head, alone or before a prepositional phrase, is a subject (a clause would hold a verb)."""
    if not lowers or len(lowers) > PEOPLE_WORDS or lowers[-1] in _FUNCTION_ENDS:
        return False  # `... in the mail they`, `... on his`: the phrase is cut inside a clause
    if any(w.endswith(("ing", "ed")) for w in lowers[1:]):
        return False  # `millions of people waking up`, `lawyers ... filed legal papers`: a verb inside
    for i, word in enumerate(lowers[:PEOPLE_REACH]):
        if not word.isalpha() or word.endswith(("ed", "ly")):
            return False  # `accompanied descriptions of loved ones`, `widely seen opportunities`
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            if i == len(lowers) - 1 or lowers[i + 1] in _PEOPLE_OF:
                return True
            # `attorneys and legal experts`: two plural heads
            return and_ and lowers[i + 1] == "and" and _people_head(lowers[i + 2 :], and_=False)
    return False


def _is_aux(word: str, cues: SpeechCues) -> bool:
    lower = word.lower()
    return lower in cues.aux or lower in CLITICS or (word.islower() and word.endswith("ly") and len(word) > 4)


_AGE = re.compile(r"\d+-year-old$")
_OPENING_COORDINATORS = frozenset({"but", "and", "yet", "so"})
_SENTENCE_PRONOUNS = frozenset({"He", "She", "They", "We", "I", "It"})
_SENTENCE_ADVERBS = frozenset({"meanwhile", "however", "too", "though", "instead", "moreover", "meantime"})


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
        if (
            len(pieces) > 1
            and len(piece) > 2
            and first.lower() in _OPENING_COORDINATORS
            and piece[1][2] in _ROLE_OPENERS
        ):
            # `but the state's senator, Jeanne Shaheen, had endorsed`: the role opens the clause, and
            # the words before the coordinator are another clause's
            following = pieces[len(pieces) - 1 - back]
            if following and following[0][2][:1].isupper():
                start = len(pieces) - 2 - back
                pieces[start] = piece[1:]
            break
        if (
            len(piece) > 1
            and piece[1][2][:1].isupper()
            and (first.lower() in _OPENING_COORDINATORS or (first.lower() in INTRO_STOPS and back == 0))
        ):
            piece = piece[
                1:
            ]  # `Yet Democratic economists, like ..., say`, `But Murshed Zaheed, ..., ..., said`
            pieces[len(pieces) - 2 - back] = piece
            first = piece[0][2]
        elif (len(piece) == 1 and first.lower() in _SENTENCE_ADVERBS) or (
            back == 0 and first.lower() in ASIDES
        ):
            continue  # `Sanders, meanwhile, who ..., said`, `Clinton, during a town hall in Columbus, Ohio, said`
        elif first.lower() in INTRO_STOPS or (len(piece) == 1 and first.endswith("ly")):
            break
        following = pieces[len(pieces) - 1 - back]
        if (
            first[:1].isupper()
            or (first in _ROLE_OPENERS and following and following[0][2][:1].isupper())
            or (_AGE.match(first) and len(piece) > 1 and piece[1][2][:1].isupper())
        ):
            # `Kovalchuk, a general,` / `the White House press secretary, Josh Earnest,` / `76-year-old
            # Morton Blackwell, founder of ...,`
            start = len(pieces) - 2 - back if len(pieces) > 1 else 0
    if start is None or sum(len(p) for p in pieces[start:]) > MAX_SOURCE_TOKENS + 12:
        return None
    if any(t[2] in VERBAL for t in pieces[start]):
        return None  # `The war will end soon, said X`: a clause, not a name
    name, aside = pieces[start], pieces[start + 1] if start + 1 < len(pieces) else []
    if aside and ((len(pieces) - start == 2 and aside[0][2].isdigit()) or aside[0][2].lower() in ASIDES):
        return Span(name[0][0], name[-1][1])
    if aside and aside[0][2].lower() in NON_RESTRICTIVE:
        return Span(name[0][0], name[-1][1])  # `The complaint, which was filed ..., alleged`
    return Span(name[0][0], comma_end)
