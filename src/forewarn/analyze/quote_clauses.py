"""Indirect speech and the other patterns without a quotation next to the cue.

`X said (that) ...`, `..., X said.` and `The move was reported by MSNBC`. Each returns a `Found` or
None. `according to X, ...` is `quote_accounts`', `Name: statement` `quote_colons`', a question put to
someone (`when asked about ...`) `quote_questions`'.
"""

from __future__ import annotations

import re

from forewarn.analyze.quote_context import (
    ADDRESSEE_CLAUSE,
    NEXT_WORD,
    OBJECT,
    TELLING,
    Found,
    QuoteDoc,
    clause_start,
    cue_word,
    intro_participle,
    source_of,
    trim_span,
)
from forewarn.analyze.quote_inserts import past_insertion
from forewarn.analyze.quote_inverted import INVERTING, subject_after, takes_object
from forewarn.analyze.quote_next_clause import next_speaker
from forewarn.analyze.quote_questions import ASKING, past_asked_whom
from forewarn.analyze.quote_relatives import object_gap
from forewarn.analyze.quote_source import VERBAL, subject_before
from forewarn.knowledge.speech_cues import SpeechCues
from forewarn.model import Span

_SHORT_TAIL = re.compile(r"(?:\s+[^\s,.;:!?“”\"«»]+){0,5}\s*[.!?]?\s*$")
# a fronted phrase that is the writer's setting, not part of the speech (`With that issue unresolved,`);
# a fronted clause (`As ..., If ..., When ..., While ...,`) is part of it, as PolNeAR marks it
_OPENERS = frozenset({"with", "without", "despite", "after", "before", "although", "though", "in", "on", "at",
                      "for", "during", "under"})  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "reporters", "supporters"})
_PREPOSITIONS = frozenset({"to", "on", "in", "at", "during", "with", "before", "after", "over", "from", "following",
                           "since"})  # fmt: skip
# words that make what follows a cue a clause, not an inverted speaker (`, said Mexico must ...`; not "may": May)
_MODALS = frozenset({"that", "must", "shall"})
_INVERTED_PRONOUNS = frozenset({"he", "she", "they", "we", "I"})
_NOT_SPEAKER_START = frozenset({"of", "about", "to", "for", "in", "on", "at", "by", "with", "from", "as", "into",
                                "over", "after", "before", "during", "when", "while", "it", "this", "that", "so"})  # fmt: skip
_RELATIVE_TAIL = re.compile(r"\b(?:who|whose|whom|which)\b")
_SUBJECT_START = frozenset({"that", "he", "she", "they", "it", "we", "i", "there", "his", "her", "their"})


def _adverbial_tail(cues: SpeechCues, tail: str) -> bool:
    """`said Tuesday.`, `told Reuters in an interview.`: no clause of its own after the cue."""
    words = re.findall(r"[\w’'-]+", tail)
    return all(w in cues.adverbials or w[:1].isupper() or w.isdigit() for w in words)


def _after_fronted(cues: SpeechCues, text: str, start: int, end: int) -> int:
    """`With that issue unresolved, the agency ..., officials said`: the speech starts after the opener
    (or after a connective: `And the plan failed, he said`)."""
    after = after_connective(text, start, end)
    if after > start:
        return after
    opening = NEXT_WORD.match(text, start, end)
    comma = text.find(",", start, end)
    if opening is None or opening.group(1).lower() not in _OPENERS or comma < 0:
        return start
    return comma + 1


_CONNECTIVES = frozenset({"And", "Yet", "So", "Still", "However", "Indeed", "Instead", "Also"})


def after_connective(text: str, start: int, end: int) -> int:
    """`And the plan failed, he said`, `Still, most voters agree, according to ...`: a connective that
    opens the sentence is the writer's, not part of the speech."""
    opening = NEXT_WORD.match(text, start, end)
    return opening.end() if opening is not None and opening.group(1) in _CONNECTIVES else start


def _fronted(cues: SpeechCues, text: str, span: Span) -> bool:
    """A short fronted adverbial ("In the end", "Coincidentally") rather than speech."""
    words = text[span.start : span.end].split()
    return len(words) <= 4 and (words[0].lower() in cues.intro or words[-1].endswith("ly"))


def clause_before(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """`..., X said.`, `..., said X, a general.` and `..., X said, ...`: the speech is the clause before."""
    text, sentence = doc.text, doc.sentence(cue.start)
    comma = text.rfind(",", sentence.start, cue.start)
    if comma < 0:
        return None
    rest: Span | None = None  # the speech after `X said,` in `The plan, X said, is sound.`
    if not text[comma + 1 : cue.start].strip():
        nxt, said = NEXT_WORD.match(text, cue.end, sentence.end), text[cue.start : cue.end]
        if nxt is None or not nxt.group(1)[:1].isalpha() or said.split()[0].endswith("ing"):
            return None  # `X, a general, said “...`, `said X, referring to Trump` are not inverted
        # `Ramos, 58, told AFP that ...` has a clause of its own; `said Autor, who is ...` does not
        after = text[cue.end : sentence.end].lower()
        if said in INVERTING:
            after = _RELATIVE_TAIL.split(after, 1)[0]
        words = set(after.split())
        if words & (VERBAL | _MODALS):
            return None
        lower = nxt.group(1).islower() and nxt.group(1) not in _INVERTED_PRONOUNS
        if lower and (nxt.group(1) in _NOT_SPEAKER_START or said not in INVERTING):
            return None  # `said of Mrs. Clinton's plan`; `accused him of`: an object, not a speaker
        # `..., said an aide` is inverted; `X, an aide, said the plan` / `said he ...` / `denounced Mr. Y`: not
        if (lower or nxt.group(1) in _INVERTED_PRONOUNS or said not in INVERTING) and subject_before(
            text, sentence.start, cue.start, cues
        ):
            return None
        if takes_object(cues, doc, cue, comma):
            return None
        source = subject_after(text, cue.end, sentence.end, cues)
    else:
        tail = _SHORT_TAIL.match(text, cue.end, sentence.end)
        if tail is None or not _adverbial_tail(cues, tail.group()):
            if text[cue.end : cue.end + 1] != ",":
                return None
            rest = trim_span(text, cue.end, sentence.end)
        source = subject_before(text, comma + 1, cue.start, cues)  # after the cheap tests that mostly fail
    if source is None:
        return None
    # the speech is the whole clause before it, attributions nested in it included (as PolNeAR marks
    # them), but not a quotation already attributed in the sentence
    start = max(
        [sentence.start] + [f.cue.end for f in done[-4:] if f.cue.start >= sentence.start and f.direct]
    )
    # one word is enough before a speaker set off by commas (`Voters, Clinton suggested, don’t have to
    # worry`, `That, they say, will be easier`: on train the gold keeps it 33 times in 44)
    left = trim_span(
        text, _after_fronted(cues, text, start, comma), comma, words=1 if rest is not None else 2
    )
    if rest is not None and left is not None and _fronted(cues, text, left):
        left = None  # `In the end, Mr. Rosenthal said, union voters ...`: the speech is after the cue
    contents = [c for c in (left, rest) if c is not None]
    return Found(source, cue, contents, False) if contents else None


# an agent runs past a title's dot (`former Maryland Gov. Martin O'Malley`), a decimal (`59.6 percent`),
# `6 in 10` and an `and` before a name or a determiner (`her campaign and Democrats across the country`)
_AGENT_DOT = r"\.(?!\d)(?<!\b[A-Z][a-z]\.(?=\s[A-Z]))(?<!\b[A-Z][a-z]{2}\.(?=\s[A-Z]))"
_AGENT_AND = r"\sand\s(?!(?:[A-Z]|(?:the|other|many|some|his|her|their|its|most|top)\s))"
_BY_AGENT = re.compile(
    r"\s+by\s+([^,;:!?“”\"()]+?)"
    rf"(?=\s*(?:[,;:!?()]|{_AGENT_DOT}|$)|\s(?:on|at|during|after|before|as|for|to|whether|if|what|how|why)\s|\s(?<!\d\s)in\s(?!\d)|{_AGENT_AND})"
)


# ... and where it is too long so, the agent up to the first preposition, `and` or dot
_BY_AGENT_SHORT = re.compile(
    r"\s+by\s+([^,;:.!?“”\"()]+?)(?=\s*(?:[,;:.!?()]|$|\s(?:on|in|at|during|after|before|as|for|to|and)\s))"
)
AGENT_WORDS = 8
_QUESTION = re.compile(r"\s+((?:whether|if|what|how|why)\s)")


def passive_by(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> Found | None:
    """`The move was first reported by MSNBC`: the agent speaks, the subject is what was said."""
    text, sentence = doc.text, doc.sentence(cue.start)
    aux = doc.passive(cue)
    agent = _BY_AGENT.match(text, cue.end, sentence.end) if aux is not None else None
    # too long an agent is cut at its first preposition, `and` or dot: `by nearly 6 | in 10 of the voters`
    if agent is not None and len(agent.group(1).split()) > AGENT_WORDS:
        agent = _BY_AGENT_SHORT.match(text, cue.end, sentence.end)
    if aux is None or agent is None or len(agent.group(1).split()) > AGENT_WORDS:
        return None
    question = _QUESTION.match(text, agent.end(), sentence.end)
    if question is not None and cue_word(text, cue) in ASKING:
        content = trim_span(text, question.start(1), sentence.end)  # `was asked by a caller | why ...`
    else:
        content = subject_before(text, clause_start(doc, cue), aux, cues)
    if content is None:
        return None
    return Found(Span(agent.start(1), agent.end(1)), cue, [content], False)


_PLACE_WORDS = frozenset({"on", "at", "in", "with", "before", "alongside", "onstage", "here", "there"})
_NOT_SPEECH_START = frozenset({"in", "as", "at", "down", "up", "by", "into", "from", "off", "out", "back"})


def clause_after(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """`X said (that) ...`, `X told Y that ...`, `..., saying that ...`."""
    # A passive cue has no speaker ("It has been speculated that", "Trump was asked"). Otherwise
    # the speaker is looked for first: where there is none, the speech need not be read.
    if cue_word(doc.text, cue) in cues.raising:
        return _raised(cues, doc, cue, done)
    passive = doc.passive(cue) is not None
    source = None if passive else source_of(cues, doc, cue, done)
    if source is None and not passive:
        return None
    content = speech_after(cues, doc, cue)
    if content is None:
        return None
    if source is not None and _parenthetical(doc.text, source):
        content = _to_comma(doc.text, content)
    relative = _relative_before(doc.text, source, content) if source is not None else None
    return Found(source, cue, [content] if relative is None else [relative, content], False)


# a relative or interrogative word right before the speaker: `the wall, which he said was built`,
# `what he thinks is unfair` ("that" is left out: mostly a complementizer, `argued that he said`)
_RELATIVE_BEFORE = re.compile(r"(?<![\w’'-])([Ww]hich|[Ww]hat|[Ww]hom?)\s+(?:even\s+)?$")


def _relative_before(text: str, source: Span, content: Span) -> Span | None:
    """The word that stands for the subject of the speech, extracted before its speaker (PolNeAR
    marks it as a fragment of the content: `which | was not a prison sentence`): only when the
    speech then opens with its verb, as it does when its subject was taken out."""
    m = _RELATIVE_BEFORE.search(text, max(0, source.start - 12), source.start)  # (`which even Trump said`)
    if m is None:
        return None
    first = NEXT_WORD.match(text, content.start)
    if first is None or (
        first.group(1) not in VERBAL and not object_gap(text, m.start(1), source.end, first)
    ):
        return None
    return Span(m.start(1), m.end(1))


def _raised(cues: SpeechCues, doc: QuoteDoc, cue: Span, done: list[Found]) -> Found | None:
    """`The field appeared poised to narrow`, `X is expected to win`: nobody is named as holding the
    view; its content is the subject and the rest of the clause, apart (as PolNeAR marks it)."""
    content = speech_after(cues, doc, cue)
    opening = NEXT_WORD.match(doc.text, content.start) if content is not None else None
    if content is None or opening is None or opening.group(1).lower() in _PLACE_WORDS:
        return None  # `appeared on Fox News`, `appeared with Clinton`: an appearance, not a view
    subject = source_of(cues, doc, cue, done)
    content = _to_clause_comma(doc.text, content)
    return Found(None, cue, [content] if subject is None else [subject, content], False)


# after a comma, what still belongs to the phrase before it: a name or a relative clause
_PHRASE_GOES_ON = re.compile(r"\s*(?:[A-Z“\"'‘]|(?:who|which|whose|including)\b)")


def _to_clause_comma(text: str, content: Span) -> Span:
    """`The music seemed to match the sense of relief, as the rock classic blared`: a raised view ends
    at its first comma, as PolNeAR marks it, unless a name or a relative clause carries its phrase on."""
    comma = text.find(", ", content.start, content.end)
    if comma <= content.start or _PHRASE_GOES_ON.match(text, comma + 1):
        return content
    return Span(content.start, comma)


def _parenthetical(text: str, source: Span) -> bool:
    """`Fallin, who opposes abortion, vetoed ...`: a non-restrictive relative clause ends at its comma."""
    word = text[source.start : source.end].lower()
    return word in {"who", "which"} and text[max(0, source.start - 3) : source.start].rstrip().endswith(",")


def _to_comma(text: str, content: Span) -> Span:
    """The content up to its first comma (one word is enough: `who opposes abortion,`)."""
    comma = text.find(", ", content.start, content.end)
    return content if comma <= content.start else Span(content.start, comma)


def speech_after(cues: SpeechCues, doc: QuoteDoc, cue: Span) -> Span | None:
    """What `X said (that) ...` says: the rest of the clause after the cue (and any addressee)."""
    text, sentence = doc.text, doc.sentence(cue.start)
    # the cue may end with the adverb that anchors the run (`noted recently | in New York magazine that`)
    anchored = text[cue.start : cue.end].rsplit(None, 1)[-1] in cues.adverbial_anchors
    pos = _skip_adverbial(cues, text, cue.end, sentence.end, anchored)
    limit = min(pos + 80, sentence.end)
    # only an addressee followed by "that" moves the start of the speech: without one, spare the regex
    obj = OBJECT.match(text, pos, limit) if text.find("that", pos, limit) >= 0 else None
    if obj and re.match(r"\s*,?\s*that\b", text[obj.end() : obj.end() + 8]):
        # `told Sky News that`, `made it clear to House Democrats on Wednesday that`
        words = obj.group().split()
        prepositional = words[0].lower() in _PREPOSITIONS and not (
            words[0] == "to" and len(words) > 1 and words[1].islower() and words[1] not in _DETERMINERS
        )  # "to House Democrats" is an addressee, "to address the concern that" is not
        if text[cue.start : cue.end].split()[-1] in cues.object_cues or prepositional:
            pos = obj.end()
    elif text[cue.start : cue.end].rsplit(None, 1)[-1] in TELLING:
        addressee = ADDRESSEE_CLAUSE.match(text, pos, min(pos + 120, sentence.end))
        pos = addressee.end() if addressee else pos  # `told The Star-Ledger last week she would ...`
    elif text.startswith(_SETTING_OPENERS, pos):
        pos = _past_setting(cues, text, pos, sentence.end)
    elif "sk" in text[cue.start : cue.end] and cue_word(text, cue) in ASKING:
        pos = past_asked_whom(text, pos, sentence.end)  # `asked Trump | how high the wall would be`
    pos = past_insertion(text, cue.end, pos, sentence.end)  # `said, per a translator, | that ...`
    end = intro_participle(cues, doc, cue) or _clause_end(cues, doc, pos, sentence.end)
    content = trim_span(text, pos, end) or _one_word(cues, text, pos, end)
    if content is None:
        return None
    opening = NEXT_WORD.match(text, content.start)
    if opening is not None and opening.group(1) in _NOT_SPEECH_START:
        return None  # `revealed in subsequent activity`, `continued as a member`: not what was said
    if text[end - 1 : end] in '”"»' and text[end - 2 : end - 1] == ".":
        return Span(content.start, end)
    return _to_closing_mark(doc, content)


def _to_closing_mark(doc: QuoteDoc, content: Span) -> Span:
    """`called Trump a “blowhard,”`, `insisted that “there's no cribbing. These were common words.”`: a
    quotation opened inside the speech closes inside it, past the comma or the sentence end the speech
    stopped at, as PolNeAR marks it (on train 21 times in 33 at a comma; past a sentence end 45 contents
    become right, none wrong), within its paragraph."""
    quote = doc.quote_around(content.end - 1)
    if quote is None or not content.start <= quote.start < content.end < quote.end:
        return content
    if doc.text.find("\n", content.end, quote.end) >= 0:
        return content  # a quotation that runs on into the next paragraph is a speech of its own there
    return Span(content.start, quote.end)


# `noted in a guest column in Saturday's New York Times that ...`: a setting too long for OBJECT
_SETTING_OPENERS = (
    " in ",
    " at ",
    " during ",
    " on ",
    " following ",
    " after ",
    " before ",
    " for ",
    " since ",
)
_SETTING_THAT = re.compile(
    r"\s+(?:in|at|during|on|following|after|before|for|since)\s[^,;:!?“”\"«»]{0,100}?\s(?=that\s)"
)


def _past_setting(cues: SpeechCues, text: str, pos: int, end: int) -> int:
    """Past a prepositional setting between a cue and its "that", when it holds no verb."""
    m = _SETTING_THAT.match(text, pos, min(pos + 120, end))
    if m is None:
        return pos
    words = m.group().split()
    return pos if not (VERBAL.isdisjoint(words) and cues.verb_forms.isdisjoint(words)) else m.end()


_ONE_WORD = re.compile(r"\s*([\w’'.-]+)[\s,.;:!?]*$")
# a pronoun, or a whole answer (`Everyone but Hewlett said yes`, `says so`), is what was said or meant
_OBJECT_PRONOUNS = frozenset(
    {"it", "him", "her", "them", "this", "that", "me", "us", "you", "yes", "no", "so"}
)


def _one_word(cues: SpeechCues, text: str, pos: int, end: int) -> Span | None:
    """`endorsed Trump.`, `supports it`: a name or a pronoun alone is what an attitude is about."""
    m = _ONE_WORD.match(text, pos, end)
    if m is None or m.group(1) in cues.adverbials:
        return None
    word = m.group(1).rstrip(".")
    if not (word[:1].isupper() or word.lower() in _OBJECT_PRONOUNS):
        return None
    return Span(m.start(1), m.start(1) + len(word))


def _skip_adverbial(cues: SpeechCues, text: str, pos: int, end: int, anchored: bool) -> int:
    """Past `Tuesday` / `in an interview on Monday` after a cue, when a clause follows."""
    start = pos
    while (m := NEXT_WORD.match(text, pos, end)) and m.group(1) in cues.adverbials:
        anchored = anchored or m.group(1) in cues.adverbial_anchors
        pos = m.end()
    if not anchored:
        return start
    nxt = NEXT_WORD.match(text, pos, end)
    if nxt is None:
        return start
    word = nxt.group(1)
    return pos if word.lower() in _SUBJECT_START or word[:1].isupper() else start


# `, adding`, `, according to`, `and says`: where one piece of speech ends and the next cue starts.
# Opening with the character class (the lookbehinds tell a comma from a space) lets the engine
# skip to commas and spaces in C; same matches as `(,[”"’']?(?:\s+(?:and|but))?|\s+(?:and|...))\s+(...)`
# (", and said" is one break: read as ", and", the verb after it would be passed over).
_CLAUSE_BREAK = re.compile(
    r"([,\s](?:(?<=,)[”\"’']?(?:\s+(?:and|but))?|(?<=\s)\s*(?:and|before|after|while|by)))\s+([a-z]+(?: to)?)\b"
)


# `, but Mr. Obama learned ...`: "but" and a new subject open a clause of the writer's
_BUT_SUBJECT = re.compile(r"(?:[A-Z]|(?:he|she|they|it|we|I|you|there|the|this|that|his|her|their|its)\b)")


def _clause_end(cues: SpeechCues, doc: QuoteDoc, start: int, end: int) -> int:
    """Speech runs to the sentence end, or to `, adding ...` / `, according to ...` / `, but he ...` / `, and X said`."""
    but = doc.text.find(", but ", start, end)
    while but >= 0:
        if _BUT_SUBJECT.match(doc.text, but + 6):
            end = but
            break
        but = doc.text.find(", but ", but + 6, end)
    for m in _CLAUSE_BREAK.finditer(doc.text, start, end):
        word = m.group(2)
        if word.endswith(" to") and word[:-3] in cues.commissives:
            word = word[:-3]  # `and vowed to punish ...`: a promise or threat is an attribution of its own
        if word not in cues.verb_forms and word != "according to":
            continue  # (participles are verb forms too) most breaks are not followed by a cue
        joint = m.group(1).strip()[:1]  # ",", or the first letter of "and", "but", "before", ...
        if (
            word == "according to"
            or word in cues.participles
            or (joint in {",", "a"} and word in cues.verb_forms)
        ):
            return next_speaker(doc, start, m.start())
    return next_speaker(doc, start, end)
