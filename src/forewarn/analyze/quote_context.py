"""What every quote pattern shares: the text's sentences and quotations, and who speaks a cue.

`QuoteDoc` holds the offsets the patterns look up (sentences, outermost
quotations); `source_of` finds the speaker's phrase for a cue, including the
subject a participle (`..., saying`) or a fronted clause (`Asked about it,
Christie said`) shares with its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from forewarn.analyze.quote_heads import (
    before_coordinated_verb,
    nearest_noun_phrase,
    past_focus,
    past_fronted,
    pronoun_subject,
)
from forewarn.analyze.quote_marks import marks_to_next, quotation_spans
from forewarn.analyze.quote_source import VERBAL, subject_before
from forewarn.analyze.quote_tags import joined_at_tags
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

# up to six words of addressee or adverbial before "that"/":"/a quotation ("told Sky News that",
# "said of Mr. Rubio:")
OBJECT = re.compile(
    r"(?:\s+(?!that\b)(?:[A-Z][a-z]{0,2}\.|[^\s,.;:!?“”\"«»]+)){1,6}?(?=\s*(?:,?\s*that\b|:|,?\s*[“„«\"]))"
)  # ("that" itself is no addressee: `warned that “...”` keeps it in the speech)
# the addressee of a telling cue ("told", "informed", "reminded"): up to twelve words, none of them a
# pronoun subject, an infinitive's "to" or a conjunction, before "that"/":"/a quotation ("told Breitbart
# News Daily host Matt Boyle, “...”") ...
_ADDRESSEE_WORD = (
    r"\s+(?!(?:he|she|they|we|I|it|you|to|that|when|if|because|while|as|how|what|why|whether|who)\b)"
    r"(?:[A-Z][a-z]{0,2}\.|[^\s,.;:!?“”\"«»]+)(?:,(?=\s+[A-Z]))?"  # `a town hall in Salem, New Hampshire`
)
ADDRESSEE = re.compile(rf"(?:{_ADDRESSEE_WORD}){{1,12}}?(?=\s*(?:,?\s*that\b|:|,?\s*[“„«\"]))")
# ... or before a clause with a pronoun subject of its own ("told The Star-Ledger of Newark last week
# she would rather ...", "told the National Post he’s already received ...")
ADDRESSEE_CLAUSE = re.compile(
    rf"(?:{_ADDRESSEE_WORD}){{1,12}}?(?=,?\s+(?:that\s|(?:he|she|they|we|I|it|you)"
    r"(?:[’'](?:s|d|ll|re|ve)\s|\s+(?:would|will|is|was|were|are|had|has|have|could|should|did|does|do|might"
    r"|must|can|[a-z]+ed)\s)))"
)
TELLING = frozenset({"tell", "tells", "told", "telling", "inform", "informs", "informed", "remind", "reminds",
                     "reminded", "assure", "assures", "assured"})  # fmt: skip
NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_INNER_SPACE = re.compile(r"\S\s+\S")
_INTRO_LINKS = frozenset({"of", "to", "addition"})  # `Instead of`, `In addition to`
INTRO_REACH = 20  # `Despite asserting`: the fronted participle is within the sentence's first word or two


@dataclass
class Found:
    """One attribution while it is being built: contents that share a cue are one record here."""

    source: Span | None
    cue: Span
    contents: list[Span]
    direct: bool


class QuoteDoc:
    """Offsets of one text that every pattern needs: sentences and quotations."""

    def __init__(self, text: str, sentences: tuple[Span, ...]) -> None:
        self.text = text
        self.quotes = quotation_spans(text)
        self.quote_starts = [q.start for q in self.quotes]
        sentences = joined_at_tags(text, sentences)  # `Sen. Bernie Sanders (I-Vt.) | said`
        self.sentences = marks_to_next(text, sentences, self.quote_starts) or (Span(0, len(text)),)
        self.sent_starts = [s.start for s in self.sentences]
        # per cue, answers that several patterns ask for (cue start -> answer)
        self._passive: dict[int, int | None] = {}
        self._intro: dict[int, int | None] = {}
        self._title_case: dict[int, bool] = {}  # sentence start -> is it a headline in title case

    def passive(self, cue: Span) -> int | None:
        """`passive_aux` of a cue, found once."""
        if cue.start not in self._passive:
            self._passive[cue.start] = passive_aux(self.text, self.sentence(cue.start), cue)
        return self._passive[cue.start]

    def title_case(self, sentence: Span) -> bool:
        """Is the sentence a headline in title case ("Trump Says He’s Unlikely To Win")? Asked once
        per sentence, not per capitalised cue: a sentence of junk may hold thousands."""
        found = self._title_case.get(sentence.start)
        if found is None:
            words = [w for w in self.text[sentence.start : sentence.end].split() if w[:1].isalpha()]
            found = len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
            self._title_case[sentence.start] = found
        return found

    def sentence(self, offset: int) -> Span:
        i = bisect_right(self.sent_starts, offset) - 1
        return self.sentences[i if i > 0 else 0]

    def quote_at(self, offset: int) -> Span | None:
        """The quotation that starts at `offset`, or None."""
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].start == offset else None

    def quote_from(self, offset: int) -> Span | None:
        """The first quotation that starts at or after `offset`, or None."""
        i = bisect_left(self.quote_starts, offset)
        return self.quotes[i] if i < len(self.quotes) else None

    def quote_after_title(self, pos: int, limit: int) -> Span | None:
        """`“A,” he said on MSNBC’s “Morning Joe.” “B.”`: the quotation right after a short quoted title
        that ends the cue's sentence (a show, a book), which is no speech itself; else None."""
        title = self.quote_from(pos)
        if title is None or title.end >= limit or title.start - pos > TITLE_REACH:
            return None
        inner = self.text[title.start : title.end]
        if len(inner.split()) > TITLE_WORDS or not inner.rstrip("”\"'’").endswith("."):
            return None
        if _SENTENCE_END.search(self.text, pos, title.start):
            return None
        nxt = title.end
        while nxt < limit and self.text[nxt] == " ":
            nxt += 1
        return self.quote_at(nxt)

    def quote_around(self, offset: int) -> Span | None:
        """The quotation that holds `offset` (its marks included), or None."""
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None

    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start < offset < self.quotes[i].end

    def quote_before(self, offset: int) -> Span | None:
        i = bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].end <= offset else None

    def text_before(self, offset: int) -> str:
        """The end of the sentence's text before `offset`, without spaces and opening quote marks at
        either end: the last `BEFORE_REACH` characters (a sentence of junk may be very long), or the
        whole run back to the sentence's start when those are only spaces and marks."""
        start = self.sentence(offset).start
        left = max(start, offset - BEFORE_REACH)
        before = self.text[left:offset].strip(LEAD_MARKS)
        if not before and left > start:
            before = self.text[start:offset].strip(LEAD_MARKS)
        return before

    def paragraph_end(self, offset: int) -> int:
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end


TITLE_REACH = 60  # characters between a cue's clause and a quoted title in it ("on MSNBC’s “Morning Joe.”")
TITLE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?]\s")
LEAD_MARKS = " “\"'‘«„"  # spaces and opening quote marks before a sentence's first word
BEFORE_REACH = 40  # characters of a sentence read before a cue (see `QuoteDoc.text_before`)


# a cue's own "that" clause: the quotation before it is not what it reports
_OWN_CLAUSE = re.compile(r"\s+that\s")
_WORD_AFTER = re.compile(r" +([\w’'-]+)")


# words after a cue that open a setting, not an object
_SETTING_WORDS = frozenset({"with", "to", "in", "at", "on", "after", "during", "as", "when", "while", "before",
                            "about", "for", "from", "of", "by", "into", "over", "outside", "back", "up", "out",
                            "now", "just", "again"})  # fmt: skip


def own_speech_after(cues: SpeechCues, text: str, cue: Span) -> bool:
    """Does the cue take its own speech after it (`“...,” he stated that ...`)? A cue other than a
    speech verb that reports a quotation before it (`said`, `told`, the lexicon's `quoting`) followed by
    a word that is no setting has an object of its own (`“...,” he expressed shock`, `..., he sees
    Christie as ...`)."""
    if _OWN_CLAUSE.match(text, cue.end):
        return True
    words = text[cue.start : cue.end].lower().split()
    if not (cues.quoting.isdisjoint(words) and TELLING.isdisjoint(words)):
        return False  # `“...,” he joked with reporters`, `“...,” Trump assured Jones`
    m = _WORD_AFTER.match(text, cue.end)
    if m is None:
        return False
    word = m.group(1)
    return not (word in cues.adverbials or word.lower() in _SETTING_WORDS or word.endswith("ly"))


def cue_word(text: str, cue: Span) -> str:
    """The cue's last word lower-cased, the verb or noun that decides ("has continued" -> "continued")."""
    return text[cue.start : cue.end].rsplit(None, 1)[-1].lower()


def verb_words(text: str, cue: Span) -> list[str]:
    """The cue's words from its verb on, past the manner adverbs it holds ("falsely suggesting")."""
    words = text[cue.start : cue.end].split()
    if not words[0].endswith("ly"):
        return words  # most cues: no adverb
    i = 0
    while i < len(words) - 1 and words[i].isalpha() and words[i].lower().endswith("ly"):
        i += 1
    return words[i:]


def participial(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> bool:
    """`..., saying that` and `... and said that`: the cue shares the clause's subject."""
    word = verb_words(doc.text, cue)[0]  # "pointing out", "referring to"
    before = doc.text[max(0, cue.start - 6) : cue.start].rstrip().rstrip("”\"’'»")
    if before.endswith((" and", ",and", " but", ",but")):
        return True
    if not word.lower().endswith("ing"):
        return False
    if before.endswith(",") or _PARTICIPLE_LEAD.search(doc.text, max(0, cue.start - 8), cue.start):
        return True  # `, saying`, `by saying`, `while saying`, `– saying`: the clause's subject speaks
    # `, falsely suggesting`: an adverb may come between the comma and the participle
    adverb = _LY_BEFORE.search(doc.text, max(0, cue.start - 20), cue.start)
    return adverb is not None and doc.text[max(0, adverb.start() - 2) : adverb.start()].rstrip().endswith(",")


_PARTICIPLE_LEAD = re.compile(r"(?:\s(?:by|while|after|before)|\s[-–—])\s+$")
_LY_BEFORE = re.compile(r"(?<=[\s,])[a-z]{2,}ly\s+$")


def clause_start(doc: QuoteDoc, cue: Span) -> int:
    sentence = doc.sentence(cue.start)
    quote = doc.quote_before(cue.start)
    return max(sentence.start, quote.end if quote else 0)


def intro_participle(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> int | None:
    """`Despite asserting that ..., Kovalchuk stressed` and `Asked about it, Christie said`: the comma
    that ends the fronted participle clause (found once per cue)."""
    if cue.start not in doc._intro:
        doc._intro[cue.start] = _intro_participle(cues, doc, cue)
    return doc._intro[cue.start]


def _intro_participle(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> int | None:
    word = verb_words(doc.text, cue)[0]
    if not word.endswith(("ed", "ing")):
        return None
    sentence = doc.sentence(cue.start)
    if cue.start - sentence.start > INTRO_REACH:
        return None
    head = doc.text[sentence.start : cue.start].split()
    fronted = not head and word[:1].isupper() and word.lower() in cues.verb_forms
    # `While denouncing`, also after a connective or as a compound (`But while`, `Instead of`, `In addition to`)
    introduced = (
        0 < len(head) <= 3
        and all(h.lower() in cues.intro or h.lower() in _INTRO_LINKS for h in head)
        and head[-1].lower() not in {"and", "but", "so", "yet", "also"}
        and word in cues.participles
    )
    if not (fronted or introduced):
        return None
    comma = doc.text.find(",", cue.end, sentence.end)
    return comma if comma > 0 else None


PASSIVE = re.compile(r"\b(?:been|being|be|is|was|are|were)\s+(?:(?:not|never|also|first|widely|\w+ly)\s+)?")


def passive_aux(text: str, sentence: Span, cue: Span) -> int | None:
    """Where the passive auxiliary of the cue's verb starts ("was first reported"), or None."""
    last = None
    for m in PASSIVE.finditer(text, max(sentence.start, cue.start - 30), cue.end):
        if cue.start <= m.end() < cue.end:
            last = m
    if last is None:
        return None
    words = text[last.end() : cue.end].split()
    if any(w.endswith("ing") for w in words[:3]) or "to" in words[1:3]:
        # "is (already) endorsing" is progressive, "was quick to point out" a chain: not passive
        return None
    return last.start()


def source_of(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Span | None:
    """The speaker's phrase; a participle ("..., saying") inherits its clause's subject."""
    comma = intro_participle(cues, doc, cue)
    if comma is not None:
        sentence = doc.sentence(cue.start)
        main = Span(comma + 1, sentence.end)
        return subject_before(
            doc.text, comma + 1, first_verb(cues, doc, main, Span(sentence.end, sentence.end)), cues
        )
    if participial(cues, doc, cue):
        sentence = doc.sentence(cue.start)
        earlier = [f for f in done[-4:] if f.source and sentence.start <= f.cue.start < cue.start]
        if earlier:
            return earlier[-1].source
        start = _after_intro(cues, doc.text, sentence, cue)
        subject = subject_before(doc.text, start, first_verb(cues, doc, Span(start, sentence.end), cue), cues)
        return None if subject is None else before_coordinated_verb(doc.text, subject)
    source = subject_before(doc.text, clause_start(doc, cue), cue.start, cues)
    if source is not None and len(verb_words(doc.text, cue)) == 1 and doc.text.endswith("ing", 0, cue.end):
        return nearest_noun_phrase(doc.text, source)
    if source is None:
        return None
    return pronoun_subject(doc.text, past_focus(doc.text, past_fronted(doc.text, source)))


def _after_intro(cues: SpeechCues, text: str, sentence: Span, cue: Span) -> int:
    """Past `In a statement released Thursday,` that opens a sentence before its subject."""
    first = NEXT_WORD.match(text, sentence.start, cue.start)
    if first is None or first.group(1).lower() not in cues.intro:
        return sentence.start
    comma = text.find(",", sentence.start, cue.start)
    return comma + 1 if comma > 0 else sentence.start


_PRONOUN_SUBJECT = re.compile(r"\s*(?:We|I|He|She|They)\s+(?=[a-z])")


def first_verb(cues: SpeechCues, doc: QuoteDoc, sentence: Span, cue: Span) -> int:
    """Where the main clause's subject ends: its first auxiliary or verb-like word, or the word after a
    pronoun that opens the clause (`We extend our condolences ... and hope`: the verb is no known word)."""
    pronoun = _PRONOUN_SUBJECT.match(doc.text, sentence.start, cue.start)
    if pronoun is not None:
        return pronoun.end()
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


_FOOTNOTE = re.compile(r"\[\d{1,3}\]$")  # a footnote mark ending a span
# the last dot of an abbreviation written with initials ("the U.S.", "Bloomberg L.P.", "N.J."), which is
# the abbreviation's even where it ends the sentence (PolNeAR keeps it in a content 13 times in 15)
_INITIALS_DOT = re.compile(r"(?<![\w.])(?:[A-Za-z]\.)+[A-Za-z]\.$")


def trim_span(text: str, start: int, end: int, words: int = 2) -> Span | None:
    """The span without surrounding spaces and commas, a final full stop or a dangling opening mark;
    None when it holds fewer than `words` words (1 or 2)."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start:
        if text[end - 1] == "." and _INITIALS_DOT.search(text, max(start, end - 16), end):
            break
        if text[end - 1].isspace() or text[end - 1] in ",;:.—–-“‘„«[(" or _stray_end(text, start, end):
            end -= 1
        elif text[end - 1] == "]" and (footnote := _FOOTNOTE.search(text, max(start, end - 5), end)):
            end = footnote.start()  # "… near Sumy on March 3.[26]": the citation is the writer's
        else:
            break
    if words == 1:
        return Span(start, end) if end > start else None
    return Span(start, end) if _INNER_SPACE.search(text, start, end) else None  # two words at least


def _stray_end(text: str, start: int, end: int) -> bool:
    """A straight mark that opens the next sentence (`... liberties. "Next`), or a ")" closing
    a parenthesis opened before the span (`(... if he starts winning.)`)."""
    char = text[end - 1]
    if char in "\"'":
        return end - 2 >= start and (
            text[end - 2].isspace() or (text[end - 2] in "\"'" and _opens(text, end - 2))
        )
    return char == ")" and text.find("(", start, end) < 0


def _opens(text: str, i: int) -> bool:
    """`''` at `i - 1, i` preceded by a space: the doubled opening mark of wire copy."""
    return i > 0 and text[i - 1].isspace()
