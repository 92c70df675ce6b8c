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
from dataclasses import replace

from forewarn.analyze.forecasts import forecast_for
from forewarn.analyze.pipeline import Context
from forewarn.analyze.quote_accounts import according_to
from forewarn.analyze.quote_adverbials import without_time_tail
from forewarn.analyze.quote_blocks import block_after_colon
from forewarn.analyze.quote_clauses import (
    clause_after,
    clause_before,
    passive_by,
    speech_after,
)
from forewarn.analyze.quote_colons import colon_quotes
from forewarn.analyze.quote_context import (
    ADDRESSEE,
    OBJECT,
    TELLING,
    Found,
    QuoteDoc,
    cue_word,
    own_speech_after,
    participial,
    source_of,
    trim_span,
)
from forewarn.analyze.quote_dashes import dash_quotes
from forewarn.analyze.quote_inverted import subject_after
from forewarn.analyze.quote_lexicon import cue_spans
from forewarn.analyze.quote_polls import poll_findings
from forewarn.analyze.quote_questions import asked
from forewarn.analyze.quote_relatives import object_relative
from forewarn.analyze.quote_skip import skip_cue
from forewarn.analyze.quote_source import subject_before
from forewarn.analyze.quote_speaker import SpeakerResolver
from forewarn.knowledge.speech_cues import SpeechCues, speech_cues
from forewarn.model import Analysis, Quote, Span

LEAD_WORDS = 12
# another quotation, a colon or a sentence end before it (not the dot of "Mr." or "J.")
_LEAD_STOP = re.compile(r"[“”\"«»„:;]|''|[!?]\s|\.(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]{2}\.)\s")
_THAT = re.compile(r"\s*(?:[,:]\s*)?(that\s+)?")
# a full stop, but not of "Mr." or "J."; the dot is matched before the lookbehinds test what precedes
# it, so the engine skips in C to the next ".!?;" instead of testing both lookbehinds at every position
_STOP = re.compile(r"[!?;]|\.(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z]\.)")


# the rest of the cue's clause (`he said.`, `Trump told NBC’s “Today” on Monday.`), or nothing
_TO_NEXT = re.compile(r"[^.!?\n]*?[,.!?]\s*|\s*")
# ... or the rest of its sentence (`“Okay,” I said, attempting to regroup. “I was ...”`), past the dots
# of a title, a state or an initial (`said Rep. Jim Clyburn (D-S.C.), a member of ... “I would ...`)
_TO_STOP = re.compile(
    r"[^.!?\n“”\"«»„]*(?:(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2}))\.[^.!?\n“”\"«»„]*)*[.!?]\s*"
)
# characters the rest of a cue's sentence may run to: past abbreviation dots the regex would otherwise
# read a paragraph of "Mr." and "Sen." to its end at every cue (quadratic)
REST_REACH = 400
_BLANK = re.compile(r"[\s.,;:!?]*")
# what a quotation and its cue cannot have between them: a full stop, but not the dot of a title, a
# state or an initial ("Sen. Claire McCaskill (D-Mo.) said", "J. Smith said")
_GAP_STOP = re.compile(
    r"[!?;:“”\"]|\.(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)(?<!\b[A-Z][a-z]{3}\.)"
)


def _continuations(cues: SpeechCues, doc: QuoteDoc, after: int, found: Found) -> None:
    """Add the quotations that carry on right after `after`: in the same paragraph, then in the
    paragraphs after it that hold nothing but a quotation (a speech quoted at length)."""
    text = doc.text
    limit = doc.paragraph_end(after)
    pos = after
    while True:
        first = pos == after
        quote = _next_in_clause(doc, pos, limit, first=first)
        if quote is None:
            # the rest of the sentence (`“A,” I said, attempting to regroup. “B.”`), matched once
            # for both readings: a quotation right after it, or a paragraph that is one
            rest = _TO_STOP.match(text, pos, min(limit, pos + REST_REACH))
            rest_end = rest.end() if rest else pos
            quote = doc.quote_at(rest_end) if first and rest_end < limit else None
            if quote is None and first:
                quote = doc.quote_after_title(pos, limit)  # `he said on MSNBC’s “Morning Joe.” “B.”`
            if quote is None:
                quote = _quoted_paragraph(doc, rest_end, limit)
                if quote is None:
                    return
                limit = doc.paragraph_end(quote.end)
        if _has_own_cue(cues, doc, quote):
            return
        found.contents.append(quote)
        pos = quote.end


# the words after a quotation up to the end of its clause (`“...,” he said.`, `“...,” said Smith,`)
_AFTER_QUOTE = re.compile(r"[^.!?;:\n“”\"«»„]{1,60}?(?=[,.!?;:\n“”\"«»„]|$)")


def _has_own_cue(cues: SpeechCues, doc: QuoteDoc, quote: Span) -> bool:
    """`“B,” he said.`: a quotation with a cue of its own right after it carries on nobody's speech.
    One that ends with a full stop ends its sentence: a cue after it opens the next one (`“A,” he
    said. “B.” He said, twice, that ...`)."""
    if _ends_sentence(doc.text, quote):
        return False
    m = _AFTER_QUOTE.match(doc.text, quote.end)
    return m is not None and not cues.verb_forms.isdisjoint(m.group().split())


def _ends_sentence(text: str, quote: Span) -> bool:
    """`“...”` / `''...''` whose last character inside the marks is a full stop."""
    return text[max(quote.start, quote.end - 3) : quote.end].rstrip("”\"'’»›“").endswith(".")


def _next_in_clause(doc: QuoteDoc, pos: int, limit: int, *, first: bool) -> Span | None:
    """The quotation right after the rest of the cue's clause ("told Fox News on Monday."); after a
    quotation, only punctuation may separate the next one."""
    text = doc.text
    m = _TO_NEXT.match(text, pos, limit)
    nxt = m.end() if m else pos
    quote = doc.quote_at(nxt) if nxt < limit else None
    if quote is None or (not first and text[pos:nxt].strip()[:1].isalpha()):
        return None
    return quote


def _quoted_paragraph(doc: QuoteDoc, pos: int, limit: int) -> Span | None:
    """The quotation that makes up the whole next paragraph, when this one ends at `pos` (the end of
    the cue's sentence)."""
    text = doc.text
    if _blank_end(text, pos, limit) != limit:
        return None
    start = limit
    while start < len(text) and text[start].isspace():
        start += 1
    quote = doc.quote_at(start) if start < len(text) else None
    if quote is None:
        return None
    end = doc.paragraph_end(quote.end)
    return quote if _blank_end(text, quote.end, end) == end else None


def _blank_end(text: str, pos: int, limit: int) -> int:
    """Where the run of spaces and punctuation from `pos` ends."""
    m = _BLANK.match(text, pos, limit)
    return m.end() if m else pos


def _quote_before(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> Found | None:
    """`“...,” X said` and `“...,” said X`."""
    quote = doc.quote_before(cue.start)
    # a gap over 80 characters is ruled out before it is sliced: the quotation may be paragraphs back
    if quote is None or cue.start - quote.end > 80 or participial(cues, doc, cue):
        return None
    gap = doc.text[quote.end : cue.start]
    if "\n" in gap or _GAP_STOP.search(gap):
        return None
    # `“...” He said ...` / `''...'' He said ...` starts a new sentence
    if _ends_sentence(doc.text, quote) and gap.strip():
        return None
    if gap.strip(" ,"):
        source = subject_before(doc.text, quote.end, cue.start, cues)
        if source is None:
            return None
        if own_speech_after(cues, doc.text, cue):
            # `“...,” he stated that he had access`, `On “Face the Nation,” Sanders identified ...`: the
            # cue's speech is its own clause or object, not the quotation before it
            speech = speech_after(cues, doc, cue)
            if speech is not None:
                return Found(source, cue, [speech], False)
    elif doc.text[cue.start : cue.end] in cues.participles:
        return None  # `“...,” saying ...` continues a clause; the participle rule decides
    else:
        source = subject_after(doc.text, cue.end, doc.sentence(cue.start).end, cues)
    found = Found(source, cue, [_with_lead_in(doc, quote)], True)
    _continuations(cues, doc, source.end if source and source.start > cue.end else cue.end, found)
    return found


def _with_lead_in(doc: QuoteDoc, quote: Span) -> Span:
    """`The tax plans are “profoundly irresponsible,” said X`: the speech starts with its sentence."""
    sentence = doc.sentence(quote.start)
    lead = doc.text[sentence.start : quote.start]
    words = lead.split()
    if not words or len(words) > LEAD_WORDS or lead.rstrip()[-1:] in ",—–-" or _LEAD_STOP.search(lead):
        return quote
    if cue_spans(lead):
        return quote
    return Span(sentence.start + len(lead) - len(lead.lstrip()), quote.end)


def _quote_after(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """`X said: “...”`, `X said that “...”`, `X told Y: “...”`, `adding that “...”`."""
    text, pos = doc.text, cue.end
    # Neither an addressee nor "that" holds a full stop, question mark or semicolon, so a quotation
    # opening after the next of them is not this cue's: most cues have none before it.
    ahead = doc.quote_from(pos)
    if ahead is None or _STOP.search(text, pos, ahead.start):
        return None
    # an addressee, or what the speech is about (`said of Mr. Rubio: “...”`), may come first
    if cue_word(text, cue) in TELLING:
        obj = ADDRESSEE.match(text, pos, pos + 120)  # `told Breitbart News Daily host Matt Boyle, “...”`
        pos = obj.end() if obj else pos
    elif cue_word(text, cue) in cues.object_cues or text.startswith(" of ", pos):
        obj = OBJECT.match(text, pos, pos + 80)
        pos = obj.end() if obj else pos
    m = _THAT.match(text, pos)
    start = m.end() if m else pos
    quote = doc.quote_at(start)
    if quote is None:
        return _inverted_before_quote(cues, doc, cue, ahead)
    source = source_of(cues, doc, cue, done)
    content_start = m.start(1) if m and m.group(1) else quote.start
    mixed = _speech_goes_on(cues, doc, quote)
    if mixed is not None:  # `said “it gets me mad” every time he thinks about ...`
        return Found(source, cue, [Span(content_start, mixed)], False)
    found = Found(source, cue, [Span(content_start, quote.end)], True)
    _continuations(cues, doc, quote.end, found)
    return found


_GOES_ON = re.compile(r"\s+[a-z]")


def _speech_goes_on(cues: SpeechCues, doc: QuoteDoc, quote: Span) -> int | None:
    """Where the speech ends when a quoted fragment is only its start (`“it gets me mad” every time he
    thinks about ...`): the end of the sentence, when a lower-case word without a cue of its own follows
    the quotation; else None."""
    if not _GOES_ON.match(doc.text, quote.end):
        return None
    if not cues.verb_forms.isdisjoint(doc.text[quote.end : quote.end + 40].split()[:3]):
        return None  # `“...” he said`, `“...” said Smith`: a cue of its own right after it
    if doc.text[max(quote.start, quote.end - 3) : quote.end].rstrip("”\"'’»›“").endswith(","):
        return None  # `“We’ll see,” when asked ...`: a quoted clause that ends with its comma
    content = trim_span(doc.text, quote.start, doc.sentence(quote.start).end)
    return content.end if content is not None and content.end > quote.end else None


# `Said Comey, "..."`, `But, said Solovey, "..."`: a name between a fronted cue and the quotation
_NAME_COMMA = re.compile(r"\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,\s*")


def _inverted_before_quote(cues: SpeechCues, doc: QuoteDoc, cue: Span, quote: Span) -> Found | None:
    text = doc.text
    before = doc.text_before(cue.start)
    if before and not before.endswith(","):
        return None  # only a cue that opens its sentence or follows a comma comes before its speaker
    m = _NAME_COMMA.match(text, cue.end, quote.start)
    if m is None or m.end() != quote.start:
        return None
    found = Found(Span(m.start(1), m.end(1)), cue, [quote], True)
    _continuations(cues, doc, quote.end, found)
    return found


def find_quotes(
    cues: SpeechCues, text: str, sentences: tuple[Span, ...], resolver: SpeakerResolver
) -> list[Quote]:
    doc = QuoteDoc(text, sentences)
    done: list[Found] = []
    for cue in cue_spans(text):
        if skip_cue(cues, doc, cue, done):
            continue
        found = _match(cues, doc, cue, done)
        if found is not None:
            if found.source is not None:
                found.source = without_time_tail(cues, doc, found.source, found.cue)
            _cut_before_inverted(text, done, found)
            done.append(found)
    done.extend(colon_quotes(cues, doc, done))
    done.extend(dash_quotes(doc, done))
    done.extend(poll_findings(doc, done))
    _heads_of_nesting_sources(text, done)
    done.sort(key=lambda f: f.cue.start)
    resolver.note_bodies([(found.source, found.cue) for found in done])
    quotes = []
    for found in done:
        speaker = resolver.speaker(found.source, doc.paragraph_end(found.cue.start))
        for content in found.contents:
            quotes.append(Quote(found.source, speaker, found.cue, content, found.direct))
    return quotes


def _heads_of_nesting_sources(text: str, done: list[Found]) -> None:
    """`Barkley, who said he votes Democratic, said ...`: a source before its cue whose appositive
    holds an attribution of its own is only its head, as PolNeAR marks it (the appositive is that
    attribution's source and content). An inverted speaker keeps the whole phrase (`..., said Peter
    King of New York, who endorsed Mr. Rubio on Tuesday`)."""
    starts = sorted(f.cue.start for f in done)
    for found in done:
        source = found.source
        if source is None or source.start > found.cue.start:
            continue
        comma = text.find(",", source.start, source.end)
        if comma < 0:
            continue
        i = bisect_right(starts, comma)
        if i < len(starts) and starts[i] < source.end:
            found.source = Span(source.start, comma)


def _cut_before_inverted(text: str, done: list[Found], found: Found) -> None:
    """`Voters found it offensive, journalist Martha Raddatz said.`: the earlier cue's speech ends at
    the comma before a later speaker who comes after her own speech."""
    source = found.source
    if source is None or found.direct or not found.contents or found.contents[-1].end > source.start:
        return
    for earlier in done[-2:]:
        last = earlier.contents[-1]
        if earlier.direct or not last.start < source.start < last.end:
            continue
        comma = text.rfind(",", last.start, source.start)
        if comma > last.start:
            earlier.contents[-1] = Span(last.start, comma)


def _match(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    word = doc.text[cue.start : cue.end].lower()
    if word.endswith("according to"):  # also "That’s according to X"
        found = according_to(cues, doc, cue)
        return _quoted_account(cues, doc, found) if found is not None else None
    if word in {"asked", "asked about"}:
        found = asked(doc, cue)
        if found is not None:
            return found
    return (
        passive_by(cues, doc, cue)
        or _quote_before(cues, doc, cue)
        or _quote_after(cues, doc, cue, done)
        or _clause_before(cues, doc, cue, done)
        or clause_after(cues, doc, cue, done)
        or object_relative(doc, cue)
        or block_after_colon(cues, doc, cue, done)
    )


ACCOUNT_WORDS = (
    8  # `“...,” Sanders said at a rally, according to CNN`: the words between quotation and source
)


def _quoted_account(cues: SpeechCues, doc: QuoteDoc, found: Found) -> Found:
    """`“A,” Sanders said, according to CNN. “B.”`: the account's speech is the quotation before the speech
    verb and the quotations that carry it on, as PolNeAR marks it (the verb is no cue of its own)."""
    first = found.contents[0]
    quote = doc.quote_at(first.start)
    if quote is None or quote.end >= first.end or found.source is None:
        return found
    words = doc.text[quote.end : first.end].split()
    if len(words) > ACCOUNT_WORDS or cues.verb_forms.isdisjoint(words):
        return found
    _continuations(cues, doc, found.source.end, found)
    return found


def _clause_before(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """`..., Schiff said. "The other factor ..."`: a quotation right after the cue's sentence carries
    on the speech, as after direct speech."""
    found = clause_before(cues, doc, cue, done)
    if found is not None and len(found.contents) == 1:
        source = found.source
        _continuations(cues, doc, source.end if source and source.start > cue.end else cue.end, found)
    return found


class Quotes:
    """The `quotes` stage: attributed direct and indirect speech, with forecasts."""

    name = "quotes"
    requires: tuple[str, ...] = ("sentences",)
    assigns = ("quotes",)

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis:
        cues = speech_cues()
        resolver = SpeakerResolver(analysis, cues)
        quotes = find_quotes(cues, analysis.text, analysis.sentences, resolver)
        marked = []
        for quote in quotes:
            forecast = forecast_for(analysis.text, quote, analysis.times, analysis.published)
            marked.append(quote if forecast is None else replace(quote, forecast=forecast))
        return replace(analysis, quotes=tuple(marked))
