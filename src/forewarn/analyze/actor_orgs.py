"""Unknown organisations: a capitalised name ending in an organisation noun ("the Mujahideen Shura
Council", "the Al Bu Nimr tribe", "Jordanian 71st Counter Terrorism Battalion").

A country, force or organisation the dictionary knows may open the name ("U.S. Army Special
Operations Command Public Affairs Office"): the whole name is the mention, with its country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from forewarn.analyze.actor_match import APOSTROPHE_S
from forewarn.analyze.actor_persons import NOT_NAMES, Found, State
from forewarn.analyze.actor_posts import post_ends
from forewarn.analyze.actor_tokens import STOP_WORDS
from forewarn.analyze.word_trie import trie_pattern
from forewarn.knowledge.actors import load_not_acronyms

if TYPE_CHECKING:
    from forewarn.analyze.actor_tokens import Words

# The noun that ends an organisation's name, and the sector it implies ("" when none).
HEADS = {
    "army": "MIL", "brigade": "MIL", "brigades": "MIL", "battalion": "MIL", "battalions": "MIL",
    "regiment": "MIL", "division": "MIL", "corps": "MIL", "command": "MIL", "forces": "MIL", "guard": "MIL",
    "legion": "UAF", "militia": "UAF", "ministry": "GOV", "department": "GOV", "office": "GOV",
    "council": "", "committee": "", "commission": "", "authority": "GOV", "agency": "", "directorate": "GOV",
    "bureau": "", "party": "", "movement": "", "front": "", "association": "", "society": "",
    "foundation": "NGO", "federation": "", "union": "", "organisation": "", "organization": "",
    "network": "", "group": "", "tribe": "CVL", "clan": "CVL", "university": "EDU", "institute": "",
    "company": "BUS", "bank": "BUS", "news": "MED", "radio": "MED", "television": "MED",
    "fund": "", "board": "", "service": "", "court": "JUD", "tribunal": "JUD", "navy": "MIL",
    "force": "MIL", "fleet": "MIL", "wing": "MIL", "squadron": "MIL",
}  # fmt: skip
JOINERS = frozenset({"of", "for"})
PARTICLES = frozenset({"al", "el", "bu", "bin", "ibn", "abu"})  # inside Arabic names: "Al bu Nimr"
# words that open a page's section label, not an organisation's name: "Breaking News", "Top News"
LABEL_WORDS = frozenset(
    {"breaking", "latest", "top", "world", "local", "more", "fake", "daily", "live", "special"}
)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")
REACH = 7  # tokens before the head noun
# a head written as part of a name ("Council"), or lower case after a name ("the Al Bu Nimr tribe")
# after a capitalised word or a number, the only place a name can end with it; the word's first
# character comes before its look-behind (a word start) so that the engine skips to capitals and digits
# possessive run: it never holds a space, so giving characters back could not reach the head's space;
# the look-ahead turns away at once the many words after a space that no head begins with
HEAD_TITLES = frozenset(h.title() for h in HEADS)
_HEAD_WORDS = [h.title() for h in HEADS] + ["tribe", "clan"]
# the head words as a prefix tree: a space before a word with a head's first letter ("Command",
# "Council", "Corps", "Committee") costs a letter test or two, not a test per head
_HEADS_TRIE = trie_pattern(_HEAD_WORDS)
_HEAD_FIRSTS = "".join(sorted({h[0] for h in _HEAD_WORDS}))
HEAD_PATTERN = re.compile(
    r"[A-Z0-9](?<!\w[A-Z0-9])[\w.’'-]*+ (?=[" + _HEAD_FIRSTS + "])(" + _HEADS_TRIE + r")\b"
)
# A head noun after a space, where alone HEAD_PATTERN can end: a text has a few, and looking for them
# first costs less than trying HEAD_PATTERN at each of its hundred-odd capitals and digits.
_SPACED_HEAD = re.compile(" (?=[" + _HEAD_FIRSTS + "])" + _HEADS_TRIE + r"\b")


def unknown_organisations(st: State) -> list[Found]:
    """Organisations named with a capitalised name and a head noun, not already taken."""
    words, out = st.words, []
    # the last head first: "... Command Public Affairs Office" is one name
    for match in reversed(head_matches(words.source)):
        span = words.char_span(match.start(1), match.end(1))
        if span is None:
            continue
        i = span[0]
        # a head right after this one ends the name, which the scan, matching "Special Forces", passed
        # over: "5th Special Forces Group"
        while i + 1 < len(words) and words.text[i + 1] in HEAD_TITLES and not st.taken[i + 1]:
            i += 1
        if st.taken[i]:
            continue
        head = words.lower[i]
        start, country = _name_start(st, i)
        if start == i or (i - start == 1 and words.lower[start] in LABEL_WORDS):
            continue
        if start > 0 and words.lower[start - 1] == "the" and not st.taken[start - 1]:
            start -= 1
        end = _name_end(st, i + 1)
        st.taken[start:end] = b"\x01" * (end - start)
        out.append(Found(start, end, words.span_text(start, end), "organisation", country, HEADS[head], ""))
    return out


def head_matches(text: str) -> list[re.Match[str]]:
    """The matches `HEAD_PATTERN.finditer(text)` gives, the pattern tried only on the word before each
    spaced head noun: a match holds one space, the one before its head, so it starts after the space
    before that and after the last match."""
    out: list[re.Match[str]] = []
    done = 0
    for head in _SPACED_HEAD.finditer(text):
        start = max(done, text.rfind(" ", 0, head.start()) + 1)
        # up to the character after the head, which its closing word boundary looks at
        match = HEAD_PATTERN.search(text, start, head.end() + 1)
        if match is not None:
            out.append(match)
            done = match.end()
    return out


def _name_end(st: State, end: int) -> int:
    """Past an "of" and the name after it: "the Iraqi Ministry of Interior"."""
    words, j = st.words, end
    if j + 1 < len(words) and words.lower[j] == "of" and not st.taken[j + 1] and _name_word(words, j + 1):
        j += 1
        while j < len(words) and j - end < REACH and not st.taken[j] and _name_word(words, j):
            j += 1
        if _last_after_and(st, j):  # "the State Board of Antiquities and Heritage"
            j += 2
    return j


def _last_after_and(st: State, j: int) -> bool:
    """Whether "and" at j joins one last name word to the name (not "... and Foreign Ministry")."""
    words = st.words
    if j + 1 >= len(words) or words.lower[j] != "and" or st.taken[j + 1] or not _name_word(words, j + 1):
        return False
    return j + 2 >= len(words) or not (words.text[j + 2][:1].isupper() or st.taken[j + 2])


def _name_start(st: State, head: int) -> tuple[int, str]:
    """Where the name before the head noun starts, and the country of a known name opening it."""
    words, j, country, opener = st.words, head, "", -1
    while j > 0 and head - j < REACH:
        if st.taken[j - 1] or _owner_before(st, j):
            # a known name, or a one-word place, is one word of the longer name: "the International
            # Syria Support Group", "5th Special Forces Group", "the Baghdad Operational Command"
            known = st.affiliation_at_end(j)
            if known is not None:
                j, country = known
                opener = j
            elif words.start[j - 1] in st.place_starts and _name_word(words, j - 1):
                j -= 1
            else:
                break
            continue
        if _name_word(words, j - 1) or (words.lower[j - 1] in JOINERS and j > 1 and _name_word(words, j - 2)):
            j -= 1
            continue
        particle = _particle_before(words, j)
        if particle < j and not any(st.taken[particle:j]):
            j = particle  # "al-Ghuraba Brigades", "Saray al-Jihad Group", "the Al bu Nimr tribe"
            continue
        break
    while j < head and words.lower[j] in JOINERS:
        j += 1
    return j, country if j == opener else ""  # "the International Syria Support Group" is not Syria's


def _owner_before(st: State, j: int) -> bool:
    """Whether a known organisation or group owns the name at token j: "the Coalition's Small Group",
    "the ISIL's War Committee" (a state's units keep the rules of state bodies: "Russia's 14th Army")."""
    if j < 2 or st.words.text[j - 1] not in APOSTROPHE_S or j - 1 not in st.affiliations_by_end:
        return False
    return st.affiliations_by_end[j - 1][0].start not in st.countries_by_start


def _particle_before(words: Words, j: int) -> int:
    """The start of an Arabic article or particle glued or spaced before token j ("al-", "Al bu "), else j."""
    if j > 1 and words.text[j - 1] == "-" and not words.spaced(j - 2) and words.lower[j - 2] in PARTICLES:
        return j - 2
    if j > 0 and words.lower[j - 1] in PARTICLES and words.text[j][:1].isupper():
        return j - 1
    return j


def _name_word(words: Words, i: int) -> bool:
    text, lower = words.text[i], words.lower[i]
    if text.istitle() and text.isalpha():
        return lower not in STOP_WORDS and lower not in NOT_NAMES
    return bool(ORDINAL.match(text)) or (text.isupper() and text.isalpha() and len(text) > 1)


# an upper-case abbreviation standing as a word of its own: not inside "U.S.", "ISIL-held", "CTF-50"; nor a label
# ("TITLE:", "UPDATE:" label what follows)
ACRONYM = re.compile(r"[A-Z](?<![\w.'’-][A-Z])[A-Z]{2,6}+(?![\w'’:-])")


def unknown_acronyms(st: State, found: list[Found]) -> list[Found]:
    """Upper-case abbreviations the dictionary does not know, as organisations ("OFAC", "the SRTF").

    One in brackets after a name ("the Syria Recovery Trust Fund (SRTF)") is no mention of its own but
    names that actor wherever it comes again. Words of an all-capital line or heading are none."""
    words, out, not_acronyms = st.words, [], load_not_acronyms()
    ends = {f.end: f for f in found}
    defined: dict[str, Found] = {}
    for match in ACRONYM.finditer(words.source):
        acronym = match.group()
        if acronym in not_acronyms or match.start() in st.place_starts:
            continue
        i = bisect_left(words.start, match.start())  # the token: an abbreviation is one, never split
        if i == len(words) or words.start[i] != match.start() or st.taken[i] or _capital_neighbour(words, i):
            continue
        if i > 1 and words.text[i - 1] == "(":  # a name's abbreviation in brackets: one mention with it
            named = ends.get(i - 1) or (ends.get(i - 2) if words.text[i - 2] in APOSTROPHE_S else None)
            if named is not None and named.type != "person":
                defined[acronym] = named  # "Central Command's (NAVCENT)" too
            continue
        first, end = _unit_number(st, i)
        start = (
            first - 1 if first > 0 and words.lower[first - 1] == "the" and not st.taken[first - 1] else first
        )
        known = defined.get(acronym)
        if known is not None:
            out.append(known._replace(start=start, end=end))
        else:
            out.append(Found(start, end, words.span_text(first, end), "organisation", "", "", ""))
        st.taken[start:end] = b"\x01" * (end - start)
    return out


UNIT_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)")
UNIT_NUMBER = re.compile(r"\d{1,3}")


def _unit_number(st: State, i: int) -> tuple[int, int]:
    """The abbreviation at token i with a unit's ordinal before it or number after it: "the 407th AEG",
    "CTF 50"."""
    words, start, end = st.words, i, i + 1
    if i > 0 and not st.taken[i - 1] and UNIT_ORDINAL.fullmatch(words.text[i - 1]):
        start = i - 1
    if end < len(words) and not st.taken[end] and UNIT_NUMBER.fullmatch(words.text[end]):
        end += 1
    return start, end


def _capital_neighbour(words: Words, i: int) -> bool:
    """Whether a word next to token i is written in capitals too (a heading, "SECRETARY KERRY:")."""
    return any(
        0 <= j < len(words) and len(words.text[j]) > 1 and words.text[j].isalpha() and words.text[j].isupper()
        for j in (i - 1, i + 1)
    )


BODY_TYPES = frozenset({"organisation", "force"})


def posts_of_bodies(st: State, found: list[Found]) -> list[Found]:
    """An organisation or force right before a post no name follows is the body its holder serves, and
    the two one person mention: "A Central Command spokesman", "the 407th AEG commander", "the CJTF-OIR
    commanding general," (the posts' own rule runs before unknown names are found)."""
    words, titles = st.words, st.lexicon.dictionary.titles
    if all(start in st.used_titles or not titles[hit.item].post for start, hit in st.titles_by_start.items()):
        return found  # most documents: every post found its person already
    out: list[Found] = []
    for body in found:
        j = body.end + (body.end < len(words) and words.text[body.end] in APOSTROPHE_S)
        hit = st.titles_by_start.get(j) if body.type in BODY_TYPES else None
        if (
            hit is None
            or hit.start in st.used_titles
            or not titles[hit.item].post
            or not post_ends(st, hit.end)
        ):
            out.append(body)
            continue
        start = body.start - (body.start > 0 and words.lower[body.start - 1] in {"a", "an"})
        text = words.span_text(hit.start, hit.end)
        st.used_titles.add(hit.start)
        st.taken[start : hit.end] = b"\x01" * (hit.end - start)
        sector = body.sector if body.code else body.sector or titles[hit.item].sector  # a known body's code
        out.append(Found(start, hit.end, text, "person", body.country, sector, text, body.code))
    return out
