"""Quotes: who said what, directly or indirectly, and which statements are forecasts.

Rules over the text, no parser. Each cue ("said", "told", "according to",
", adding that") is tried against the patterns of news speech, in this order:
1. a quotation right before it: `“...,” X said` / `“...,” said X`;
2. a quotation right after it: `X said: “...”`, `X said that “...”`, `adding that “...”`;
3. `according to X, ...` / `..., according to X`;
4. a clause before it: `..., X said.`;
5. a clause after it: `X said (that) ...`, `X told Y ...`, `, saying that ...`.
Quotations that follow an attributed one in the same paragraph (`“A,” he said.
“B.”`) continue it. A quotation with no cue is not a quote (scare quotes).
Content spans of direct speech include their quotation marks, as in PARC and
PolNeAR.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from forewarn.analyze.forecasts import forecast_for
from forewarn.analyze.pipeline import Context
from forewarn.analyze.quote_lexicon import word_regex
from forewarn.analyze.quote_marks import quotation_spans
from forewarn.analyze.quote_source import VERBAL, SpeakerResolver, subject_after, subject_before
from forewarn.knowledge.speech_cues import SpeechCues, speech_cues
from forewarn.model import Analysis, Quote, Span

_OPENERS = "“„«»‹‚‘\"'"
_THAT = re.compile(r"\s*(?:[,:]\s*)?(that\s+)?")
# up to six words of addressee or adverbial before "that"/":"/a quotation ("told Sky News that")
_OBJECT = re.compile(r"(?:\s+[^\s,.;:!?“”\"«»]+){1,6}?(?=\s*(?:,?\s*that\b|:|,?\s*[“„«\"]))")
_SHORT_TAIL = re.compile(r"(?:\s+[^\s,.;:!?“”\"«»]+){0,5}\s*[.!?]?\s*$")


@dataclass
class _Found:
    source: Span | None
    cue: Span
    contents: list[Span]
    direct: bool


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    cues = speech_cues()
    return word_regex(sorted(set(cues.verb_forms) | set(cues.phrases)), capitalised=True)


_CLITIC_BEFORE = re.compile(r"(?<=[A-Za-z])([’']s)\s+$")


@lru_cache(maxsize=1)
def _affixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for what belongs to a cue: auxiliaries before it, fixed phrases after it."""
    cues = speech_cues()
    before = "|".join(re.escape(w) for w in sorted(cues.cue_prefixes, key=len, reverse=True))
    after = "|".join(re.escape(w) if w == ":" else " " + re.escape(w) for w in cues.cue_suffixes)
    return re.compile(rf"(?<![\w’'])(?:(?:{before})\s+)+$"), re.compile(rf"(?:{after})(?![\w’'])")


def cue_spans(text: str) -> list[Span]:
    """Every cue in the text, with the auxiliaries and phrases that belong to it ("has said in a statement")."""
    return [_extend(text, m.start(), m.end()) for m in _cue_regex().finditer(text)]


def _extend(text: str, start: int, end: int) -> Span:
    prefix_re, suffix_re = _affixes()
    prefix = prefix_re.search(text, max(0, start - 40), start)
    if prefix:
        start = prefix.start()
    clitic = _CLITIC_BEFORE.search(text, max(0, start - 8), start)
    if clitic:
        start = clitic.start(1)  # "he’s predicting": the cue is "’s predicting"
    suffix = suffix_re.match(text, end)
    return Span(start, suffix.end() if suffix else end)


class _Doc:
    """Offsets of one text that every pattern needs: sentences and quotations."""

    def __init__(self, text: str, sentences: tuple[Span, ...]) -> None:
        self.text = text
        self.sentences = sentences or (Span(0, len(text)),)
        self.sent_starts = [s.start for s in self.sentences]
        self.quotes = quotation_spans(text)
        self.quote_starts = [q.start for q in self.quotes]

    def sentence(self, offset: int) -> Span:
        i = max(bisect_right(self.sent_starts, offset) - 1, 0)
        return self.sentences[i]

    def quote_at(self, offset: int) -> Span | None:
        """The quotation that starts at `offset`, or None."""
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].start == offset else None

    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start < offset < self.quotes[i].end

    def quote_before(self, offset: int) -> Span | None:
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].end <= offset else None

    def paragraph_end(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end


# the rest of the cue's clause (`he said.`, `Trump told NBC’s “Today” on Monday.`), or nothing
_TO_NEXT = re.compile(r"[^.!?\n]*?[,.!?]\s*|\s*")


def _continuations(doc: _Doc, after: int, found: _Found) -> None:
    """Add the quotations that carry on right after `after`, in the same paragraph."""
    text, limit = doc.text, doc.paragraph_end(after)
    pos = after
    while True:
        m = _TO_NEXT.match(text, pos, limit)
        nxt = m.end() if m else pos
        quote = doc.quote_at(nxt) if nxt < limit else None
        # right after the cue, the rest of its clause may come first ("told Fox News on Monday.");
        # after a quotation, only punctuation may separate the next one
        if quote is None or (pos != after and text[pos:nxt].strip()[:1].isalpha()):
            return
        found.contents.append(quote)
        pos = quote.end


def _participial(cues: SpeechCues, doc: _Doc, cue: Span) -> bool:
    """`..., saying that` and `... and said that`: the cue shares the clause's subject."""
    word = doc.text[cue.start : cue.end]
    before = doc.text[max(0, cue.start - 6) : cue.start].rstrip().rstrip("”\"’'»")
    if before.endswith(" and") or before.endswith(",and"):
        return True
    return word.lower() in cues.participles and before.endswith(",")


def _clause_start(doc: _Doc, cue: Span) -> int:
    sentence = doc.sentence(cue.start)
    quote = doc.quote_before(cue.start)
    return max(sentence.start, quote.end if quote else 0)


def _intro_participle(cues: SpeechCues, doc: _Doc, cue: Span) -> int | None:
    """`Despite asserting that ..., Kovalchuk stressed` and `Asked about it, Christie said`: the comma
    that ends the fronted participle clause."""
    sentence = doc.sentence(cue.start)
    head = doc.text[sentence.start : cue.start].split()
    word = doc.text[cue.start : cue.end].split()[0]
    fronted = (
        not head and word[:1].isupper() and word.lower() in cues.verb_forms and word.endswith(("ed", "ing"))
    )
    introduced = len(head) == 1 and head[0].lower() in cues.intro and word in cues.participles
    if not (fronted or introduced):
        return None
    comma = doc.text.find(",", cue.end, sentence.end)
    return comma if comma > 0 else None


_PASSIVE = re.compile(r"\b(?:been|being|be|is|was|are|were)\s+(?:(?:not|never|also|first|widely|\w+ly)\s+)?")


def _passive_aux(text: str, sentence: Span, cue: Span) -> int | None:
    """Where the passive auxiliary of the cue's verb starts ("was first reported"), or None."""
    last = None
    for m in _PASSIVE.finditer(text, max(sentence.start, cue.start - 30), cue.end):
        if cue.start <= m.end() < cue.end:
            last = m
    return last.start() if last else None


def _source(cues: SpeechCues, doc: _Doc, cue: Span, done: list[_Found]) -> Span | None:
    """The speaker's phrase; a participle ("..., saying") inherits its clause's subject."""
    comma = _intro_participle(cues, doc, cue)
    if comma is not None:
        sentence = doc.sentence(cue.start)
        main = Span(comma + 1, sentence.end)
        return subject_before(
            doc.text, comma + 1, _first_verb(cues, doc, main, Span(sentence.end, sentence.end)), cues
        )
    if _participial(cues, doc, cue):
        sentence = doc.sentence(cue.start)
        earlier = [f for f in done if f.source and sentence.start <= f.cue.start < cue.start]
        if earlier:
            return earlier[-1].source
        return subject_before(doc.text, sentence.start, _first_verb(cues, doc, sentence, cue), cues)
    source = subject_before(doc.text, _clause_start(doc, cue), cue.start, cues)
    if source is None and doc.text[cue.start : cue.end].lower() in cues.weak_forms:
        return None
    return source


def _first_verb(cues: SpeechCues, doc: _Doc, sentence: Span, cue: Span) -> int:
    """Where the main clause's subject ends: its first auxiliary or verb-like word."""
    for m in re.finditer(r"[\w’'-]+", doc.text[sentence.start : cue.start]):
        word = m.group()
        if (
            m.start() > 0
            and word.islower()
            and (
                word in VERBAL
                or word in cues.verb_forms
                or word in cues.irregular_past
                or word.endswith("ed")
            )
        ):
            return sentence.start + m.start()
    return cue.start


def _quote_before(cues: SpeechCues, doc: _Doc, cue: Span) -> _Found | None:
    """`“...,” X said` and `“...,” said X`."""
    quote = doc.quote_before(cue.start)
    if quote is None or _participial(cues, doc, cue):
        return None
    gap = doc.text[quote.end : cue.start]
    if "\n" in gap or len(gap) > 80 or re.search(r"[.!?;:“”\"]", gap.replace("Mr.", "").replace("Ms.", "")):
        return None
    if doc.text[quote.end - 2] == "." and gap.strip():
        return None  # `“...” He said ...` starts a new sentence
    if gap.strip(" ,"):
        source = subject_before(doc.text, quote.end, cue.start, cues)
        if source is None:
            return None
    elif doc.text[cue.start : cue.end] in cues.participles:
        return None  # `“...,” saying ...` continues a clause; the participle rule decides
    else:
        source = subject_after(doc.text, cue.end, doc.sentence(cue.start).end, cues)
    found = _Found(source, cue, [quote], True)
    _continuations(doc, source.end if source and source.start > cue.end else cue.end, found)
    return found


def _quote_after(cues: SpeechCues, doc: _Doc, cue: Span, done: list[_Found]) -> _Found | None:
    """`X said: “...”`, `X said that “...”`, `X told Y: “...”`, `adding that “...”`."""
    text, pos = doc.text, cue.end
    if text[cue.start : cue.end].lower() in cues.object_cues:
        obj = _OBJECT.match(text, pos, pos + 80)
        pos = obj.end() if obj else pos
    m = _THAT.match(text, pos)
    start = m.end() if m else pos
    quote = doc.quote_at(start)
    if quote is None:
        return None
    source = _source(cues, doc, cue, done)
    content_start = m.start(1) if m and m.group(1) else quote.start
    found = _Found(source, cue, [Span(content_start, quote.end)], True)
    _continuations(doc, quote.end, found)
    return found


def _according_to(doc: _Doc, cue: Span) -> _Found | None:
    text, sentence = doc.text, doc.sentence(cue.start)
    m = re.compile(r"\s+([^,;:.!?]+?)(?=[,;:]|\.?\s*$|\.\s)").match(text, cue.end, sentence.end)
    if not m:
        return None
    source = Span(m.start(1), m.end(1))
    parts = [_trim(text, sentence.start, cue.start), _trim(text, source.end, sentence.end)]
    contents = [p for p in parts if p is not None]
    return _Found(source, cue, contents, False) if contents else None


def _trim(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and commas, a final full stop or a dangling opening mark."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-“‘„«["):
        end -= 1
    return Span(start, end) if len(text[start:end].split()) >= 2 else None


def _adverbial_tail(cues: SpeechCues, tail: str) -> bool:
    """`said Tuesday.`, `told Reuters in an interview.`: no clause of its own after the cue."""
    words = re.findall(r"[\w’'-]+", tail)
    return all(w in cues.adverbials or w[:1].isupper() or w.isdigit() for w in words)


def _fronted(cues: SpeechCues, text: str, span: Span) -> bool:
    """A short fronted adverbial ("In the end", "Coincidentally") rather than speech."""
    words = text[span.start : span.end].split()
    return len(words) <= 4 and (words[0].lower() in cues.intro or words[-1].endswith("ly"))


_PREPOSITIONS = frozenset({"to", "on", "in", "at", "during", "with", "before", "after", "over", "from"})
_INVERTED_PRONOUNS = frozenset({"he", "she", "they", "we", "I"})


def _clause_before(cues: SpeechCues, doc: _Doc, cue: Span, done: list[_Found]) -> _Found | None:
    """`..., X said.`, `..., said X, a general.` and `..., X said, ...`: the speech is the clause before."""
    text, sentence = doc.text, doc.sentence(cue.start)
    comma = text.rfind(",", sentence.start, cue.start)
    if comma < 0:
        return None
    rest: Span | None = None  # the speech after `X said,` in `The plan, X said, is sound.`
    if not text[comma + 1 : cue.start].strip():
        nxt = _NEXT_WORD.match(text, cue.end, sentence.end)
        if nxt is None or not (nxt.group(1)[:1].isupper() or nxt.group(1) in _INVERTED_PRONOUNS):
            return None  # `X, a general, said that ...` is not inverted
        source = subject_after(text, cue.end, sentence.end, cues)
        words = set(text[cue.end : sentence.end].lower().split())
        if words & (VERBAL | {"that"}):
            return None  # `Ramos, 58, told AFP that ...`: the cue's own clause follows
    else:
        source = subject_before(text, comma + 1, cue.start, cues)
        tail = _SHORT_TAIL.match(text, cue.end, sentence.end)
        if tail is None or not _adverbial_tail(cues, tail.group()):
            if text[cue.end : cue.end + 1] != ",":
                return None
            rest = _trim(text, cue.end, sentence.end)
    if source is None:
        return None
    start = max([sentence.start] + [f.cue.end for f in done[-4:] if f.cue.start >= sentence.start])
    left = _trim(text, start, comma)
    if rest is not None and left is not None and _fronted(cues, text, left):
        left = None  # `In the end, Mr. Rosenthal said, union voters ...`: the speech is after the cue
    contents = [c for c in (left, rest) if c is not None]
    return _Found(source, cue, contents, False) if contents else None


_BY_AGENT = re.compile(
    r"\s+by\s+([^,;:.!?“”\"()]+?)(?=\s*(?:[,;:.!?()]|$|\s(?:on|in|at|during|after|before|as|for|to|and)\s))"
)


def _passive_by(cues: SpeechCues, doc: _Doc, cue: Span) -> _Found | None:
    """`The move was first reported by MSNBC`: the agent speaks, the subject is what was said."""
    text, sentence = doc.text, doc.sentence(cue.start)
    aux = _passive_aux(text, sentence, cue)
    agent = _BY_AGENT.match(text, cue.end, sentence.end) if aux is not None else None
    if aux is None or agent is None or len(agent.group(1).split()) > 8:
        return None
    content = subject_before(text, _clause_start(doc, cue), aux, cues)
    if content is None:
        return None
    return _Found(Span(agent.start(1), agent.end(1)), cue, [content], False)


def _clause_after(cues: SpeechCues, doc: _Doc, cue: Span, done: list[_Found]) -> _Found | None:
    """`X said (that) ...`, `X told Y that ...`, `..., saying that ...`."""
    text, sentence = doc.text, doc.sentence(cue.start)
    pos = _skip_adverbial(cues, text, cue.end, sentence.end)
    obj = _OBJECT.match(text, pos, min(pos + 80, sentence.end))
    if obj and re.match(r"\s*,?\s*that\b", text[obj.end() : obj.end() + 8]):
        # `told Sky News that`, `made it clear to House Democrats on Wednesday that`
        first = obj.group().split()[0].lower()
        if text[cue.start : cue.end].split()[-1] in cues.object_cues or first in _PREPOSITIONS:
            pos = obj.end()
    end = _intro_participle(cues, doc, cue) or _clause_end(cues, doc, pos, sentence.end)
    content = _trim(text, pos, end)
    if content is None:
        return None
    if text[end - 1 : end] in '”"»' and text[end - 2 : end - 1] == ".":
        content = Span(content.start, end)
    source = _source(cues, doc, cue, done)
    passive = _passive_aux(text, sentence, cue) is not None
    if source is None and not passive:
        return None
    if passive:
        source = None  # "It has been speculated that", "Trump was asked": the speaker is not named
    return _Found(source, cue, [content], False)


_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_SUBJECT_START = frozenset({"that", "he", "she", "they", "it", "we", "i", "there", "his", "her", "their"})


def _skip_adverbial(cues: SpeechCues, text: str, pos: int, end: int) -> int:
    """Past `Tuesday` / `in an interview on Monday` after a cue, when a clause follows."""
    start, anchored = pos, False
    while (m := _NEXT_WORD.match(text, pos, end)) and m.group(1) in cues.adverbials:
        anchored = anchored or m.group(1) in cues.adverbial_anchors
        pos = m.end()
    nxt = _NEXT_WORD.match(text, pos, end)
    if not anchored or nxt is None:
        return start
    word = nxt.group(1)
    return pos if word.lower() in _SUBJECT_START or word[:1].isupper() else start


# `, adding`, `, according to`, `and says`: where one piece of speech ends and the next cue starts
_CLAUSE_BREAK = re.compile(r"(,[”\"’']?|\s+and|\s+before|\s+after|\s+while|\s+by)\s+([a-z]+(?: to)?)\b")


def _clause_end(cues: SpeechCues, doc: _Doc, start: int, end: int) -> int:
    """Speech runs to the sentence end, or to `, adding ...` / `, according to ...`."""
    for m in _CLAUSE_BREAK.finditer(doc.text, start, end):
        word = m.group(2)
        joint = m.group(1).strip()[:1]
        if (
            word == "according to"
            or word in cues.participles
            or (joint in {",", "a"} and word in cues.verb_forms)
        ):
            return m.start()
    return end


_PATTERNS = ("before", "after", "according", "clause_before", "clause_after")


def find_quotes(text: str, sentences: tuple[Span, ...], resolver: SpeakerResolver) -> list[Quote]:
    cues = speech_cues()
    doc = _Doc(text, sentences)
    done: list[_Found] = []
    for cue in cue_spans(text):
        if _skip(doc, cue, done):
            continue
        found = _match(cues, doc, cue, done)
        if found is not None:
            done.append(found)
    done.extend(_colon_quotes(cues, doc, done))
    quotes = []
    for found in sorted(done, key=lambda f: f.cue.start):
        speaker = resolver.speaker(found.source)
        for content in found.contents:
            quotes.append(Quote(found.source, speaker, found.cue, content, found.direct))
    return quotes


# `Kovalchuk:`, `More from Blumenthal and Cohen:`, `Clinton to Planned Parenthood:` (the name speaks)
_COLON_HEAD = re.compile(
    r"\s*(?:(?:More\s+)?[Ff]rom\s+|Here[’']s\s+)?"
    r"([A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the|and|for|de|al))*)"
    r"(?:\s+(?:to|on|at|in|about|camp|editorial)\b[^:]*)?\s*"
)
_DASH = re.compile(r"\s[-–—]\s")


def _colon_quotes(cues: SpeechCues, doc: _Doc, done: list[_Found]) -> list[_Found]:
    """`Kovalchuk: “...”` and headline-style `Name: statement`, where a name alone opens the sentence
    (or the part of it after a dash: `POLLS NOT WRONG - Mark Blumenthal: “...”`)."""
    text, found = doc.text, []
    taken = sorted((c.start, c.end) for f in done for c in [*f.contents, f.cue])
    for m in re.finditer(r":[ \t]+(?=\S)", text):
        colon, start = m.start(), m.end()
        sentence = doc.sentence(colon)
        dashes = list(_DASH.finditer(text, sentence.start, colon))
        head = _COLON_HEAD.fullmatch(text, dashes[-1].end() if dashes else sentence.start, colon)
        if (
            head is None
            or len(head.group(1).split()) > 6
            or head.group(1).split()[0] in cues.colon_not_sources
        ):
            continue
        if doc.inside_quote(colon) or any(a <= colon < b for a, b in taken):
            continue
        quote = doc.quote_at(start)
        content = quote or _trim(text, start, sentence.end)
        if content is not None:
            source = Span(head.start(1), head.end(1))
            found.append(_Found(source, Span(colon, colon + 1), [content], quote is not None))
    return found


def _skip(doc: _Doc, cue: Span, done: list[_Found]) -> bool:
    """Cues inside a quotation or an attributed content, and capitalised mid-sentence words."""
    if doc.inside_quote(cue.start) or any(
        c.start <= cue.start < c.end for f in done[-3:] for c in f.contents
    ):
        return True
    if doc.text[cue.start].isupper():
        sentence = doc.sentence(cue.start)
        before = doc.text[sentence.start : cue.start].strip(" “\"'‘«„")
        return bool(before) and not _title_case(doc.text[sentence.start : sentence.end])
    return False


def _title_case(line: str) -> bool:
    """A headline in title case ("Trump Says He’s Unlikely To Win"), where a capitalised cue is a cue."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _match(cues: SpeechCues, doc: _Doc, cue: Span, done: list[_Found]) -> _Found | None:
    word = doc.text[cue.start : cue.end].lower()
    if word == "according to":
        return _according_to(doc, cue)
    return (
        _passive_by(cues, doc, cue)
        or _quote_before(cues, doc, cue)
        or _quote_after(cues, doc, cue, done)
        or _clause_before(cues, doc, cue, done)
        or _clause_after(cues, doc, cue, done)
    )


class Quotes:
    """The `quotes` stage: attributed direct and indirect speech, with forecasts."""

    name = "quotes"
    requires: tuple[str, ...] = ("sentences",)
    assigns = ("quotes",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        resolver = SpeakerResolver(analysis, speech_cues())
        quotes = find_quotes(analysis.text, analysis.sentences, resolver)
        with_forecasts = tuple(
            replace(q, forecast=forecast_for(analysis.text, q, analysis.times, analysis.published))
            for q in quotes
        )
        return replace(analysis, quotes=with_forecasts)
