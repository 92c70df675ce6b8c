"""Persons for the actors stage: dictionary names, titles and given names — rules, no model.

Apposition, speech verbs and short names are in `actor_coref`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from forewarn.analyze.actor_given import NOT_NAMES, NameCandidate, capitalised_names
from forewarn.analyze.actor_match import APOSTROPHE_S, Hit, Lexicon, country_of
from forewarn.analyze.actor_posts import capitalised_verb, lower_post, other_given_name, post_complement
from forewarn.analyze.actor_tokens import STOP_WORDS, after_nickname
from forewarn.knowledge.actors import ActorEntry, Role
from forewarn.model import ActorType

if TYPE_CHECKING:
    from forewarn.analyze.actor_tokens import Words


class Found(NamedTuple):
    """An actor before it becomes a record: token offsets into the shared Doc.

    A tuple, not a dataclass: a document has dozens, built and thrown away.
    """

    start: int
    end: int
    name: str
    type: ActorType
    country: str
    sector: str
    role: str
    code: str | None = None  # None: country + sector


NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "bint", "de", "del", "da", "di", "van", "von", "der", "la", "le"}
)
CUE_BEFORE_NAME = frozenset({"said", "says", "added", "wrote", "told", "according"})
ROLE_WORDS = frozenset({
    "officer", "officers", "official", "officials", "commander", "commanders", "general", "generals",
    "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "leaders", "head", "chief",
    "president", "adviser", "advisor", "envoy", "ambassador", "secretary", "director", "analyst", "expert",
    "journalist", "reporter", "member", "lawmaker", "deputy", "aide", "colonel", "soldier", "veteran",
    "governor", "mayor", "founder", "negotiator", "diplomat", "correspondent", "editor", "researcher",
    "fellow", "professor",
})  # fmt: skip
SECTOR_WORDS = {
    "military": "MIL", "army": "MIL", "defence": "MIL", "defense": "MIL", "armed": "MIL", "officers": "MIL",
    "officer": "MIL", "commander": "MIL", "general": "MIL", "intelligence": "SPY", "government": "GOV",
    "minister": "GOV", "foreign": "GOV", "diplomat": "GOV", "police": "COP", "parliament": "LEG",
    "lawmaker": "LEG", "rebel": "REB", "militant": "REB", "journalist": "MED", "reporter": "MED",
    "correspondent": "MED", "editor": "MED",
}  # fmt: skip
APPOSITION_STOPS = frozenset(
    {",", ".", ";", ":", "—", "–", "(", ")", '"', "“", "”", "who", "which", "that", "said", "says"}
)
INITIAL = re.compile(r"^[A-Z]\.$")
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"  # format characters a token may be made of
ORGANISATION_WORDS = frozenset({
    "brigade", "regiment", "division", "battalion", "corps", "army", "fleet", "command", "staff", "forces",
    "force", "ministry", "council", "committee", "party", "group", "agency", "office", "service",
    "department", "university", "institute", "company", "bank", "news", "times", "post", "press", "radio",
    "television", "tv", "center", "centre", "union", "front", "movement", "brigades",
})  # fmt: skip
BRANCHES = frozenset({"Army", "Navy", "Air Force", "Marine Corps", "Marines", "Coast Guard", "Space Force"})


def name_token(words: Words, i: int) -> bool:
    """Whether token i can be a word of a person's name: capitalised, no stop word, no month."""
    text = words.text[i]
    if not text[:1].isupper():  # first: most tokens fail here, before the set lookups
        return False
    lower = words.lower[i]
    if lower in STOP_WORDS or lower in NOT_NAMES:
        return False
    return text.isalpha() or bool(INITIAL.match(text)) or ("'" in text and text.replace("'", "").isalpha())


def name_run(words: Words, i: int, taken: bytearray, limit: int = 5) -> int:
    """End of a run of up to `limit` name words starting at i ("Andrii Kovalchuk", "Abu Musab al-Zarqawi");
    the joiners between them ("al", "-", "bin") do not count."""
    j, n, count = i, len(words), 0
    while j < n and count < limit and not taken[j]:
        if name_token(words, j):
            if j > i and _headline_verb(words, j):
                break  # "Pope Francis Urges Peace", "Abbas Meets Blinken"
            j += 1
            count += 1
            continue
        # "al" "-" "Zarqawi", "bin Laden", "Thomas" "-" "Greenfield": joiners inside a name
        k = j
        while k < n and k - j < 2 and joins_name(words, k):
            k += 1
        if k == j and j > i:
            k = after_nickname(words, j)
        if j == i or k == j or k >= n or taken[k] or not name_token(words, k):
            break
        j = k
    while j > i and (not name_token(words, j - 1) or joins_name(words, j - 1)):
        j -= 1
    return j


def _headline_verb(words: Words, i: int) -> bool:
    """A title-case verb after a name word, before another capital that is no such verb ("Bill Burns
    Visits Kyiv": Burns is the name, Visits the verb)."""
    k = i + 1
    return (
        k < len(words)
        and words.text[k][:1].isupper()
        and capitalised_verb(words, i)
        and not capitalised_verb(words, k)
    )


def joins_name(words: Words, i: int) -> bool:
    return words.lower[i] in NAME_PARTICLES or (words.text[i] == "-" and not words.spaced(i))


def _coverage(n: int, hits: Iterable[Hit]) -> bytearray:
    covered = bytearray(n)
    for hit in hits:
        covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return covered


def organisation_like(words: Words, start: int, end: int) -> bool:
    """A capitalised run naming a unit or body, not a person: "24th Motorized Rifle Brigade"."""
    return not ORGANISATION_WORDS.isdisjoint(words.lower[start:end])


def claim(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


@dataclass
class State:
    """The hits a document's person rules consult, indexed by token."""

    lexicon: Lexicon
    words: Words
    published: date | None
    taken: bytearray
    titles_by_start: dict[int, Hit]
    titles_by_end: dict[int, Hit]
    affiliations_by_end: dict[int, tuple[Hit, str]]  # states, demonyms, organisations, forces
    countries_by_start: dict[int, tuple[Hit, str]]  # states and demonyms only
    cues: list[Hit]
    sectors: set[int]
    in_sector: bytearray  # tokens inside a generic phrase ("General Staff", "border guards")
    place_starts: frozenset[int]  # character offsets where the places stage found a place
    names_before_names: list[NameCandidate]  # "Tobias" in "Tobias Smith"
    names_before_verb: list[NameCandidate]  # "Karim" in "Karim insists"
    used_titles: set[int] = field(default_factory=set)

    def affiliation_at_end(self, i: int) -> tuple[int, str] | None:
        """A state, demonym, organisation or force ending at token i (a possessive "'s" allowed)."""
        if i > 1 and self.words.text[i - 1] in APOSTROPHE_S and i - 1 in self.affiliations_by_end:
            i -= 1
        if i in self.affiliations_by_end:
            hit, country = self.affiliations_by_end[i]
            return hit.start, country
        return None


def _state(lexicon: Lexicon, words: Words, published: date | None, hits: PersonHits) -> State:
    titles = [h for h in hits.chosen if h.kind == "T"]
    countries = [(h, country_of(lexicon, h)) for h in hits.chosen if h.kind in "ED"]  # no other kind has one
    names_before_names, names_before_verb = capitalised_names(words.source)
    return State(
        lexicon=lexicon,
        words=words,
        published=published,
        taken=hits.taken,
        titles_by_start={h.start: h for h in titles},
        titles_by_end={h.end: h for h in titles},
        affiliations_by_end={h.end: (h, c) for h, c in hits.affiliations.items()},
        countries_by_start={h.start: (h, c) for h, c in countries if c},
        cues=[h for h in hits.context if h.kind == "Q"],
        sectors={h.start for h in hits.context if h.kind == "S"},
        in_sector=_coverage(len(words), (h for h in hits.context if h.kind == "S")),
        place_starts=hits.place_starts,
        names_before_names=names_before_names,
        names_before_verb=names_before_verb,
    )


@dataclass(frozen=True)
class PersonHits:
    chosen: list[Hit]
    context: list[Hit]
    taken: bytearray
    affiliations: dict[Hit, str]
    place_starts: frozenset[int]


def person_state(lexicon: Lexicon, words: Words, published: date | None, hits: PersonHits) -> State:
    """What the person rules consult for one document."""
    return _state(lexicon, words, published, hits)


def named_persons(st: State, chosen: list[Hit]) -> list[Found]:
    """Persons named in the text: dictionary names, given names, titles."""
    found = _dictionary_persons(st, chosen)
    found += _given_name_persons(st)
    found += _titled_persons(st)
    return found


def _title_left(st: State, title: Hit) -> tuple[int, str]:
    """Take in an affiliation and article before a title: "the U.S. Army General"."""
    start, country = title.start, ""
    for count in (2, 1):  # the service before a rank: "Army Lt. Gen.", "Air Force Maj."
        if st.affiliation_at_end(start) is not None:
            break
        if start >= count and " ".join(st.words.text[start - count : start]) in BRANCHES:
            start -= count
            break
    affiliation = st.affiliation_at_end(start)
    if affiliation is not None:
        start, country = affiliation
    if start > 0 and st.words.lower[start - 1] == "the":
        start -= 1
    return start, country


def _extend_left(st: State, start: int) -> tuple[int, Hit | None, str]:
    """Take in a title and its affiliation before a name: "Ukrainian Commander-in-Chief Valery Zaluzhny"."""
    title = st.titles_by_end.get(start)
    if (
        title is None and start > 0 and not st.words.text[start - 1].strip(INVISIBLE)
    ):  # "Minister \u200e Haider"
        title = st.titles_by_end.get(start - 1)
    if title is None or title.start in st.used_titles:
        return start, None, ""
    st.used_titles.add(title.start)
    left, country = _title_left(st, title)
    return left, title, country


def _given_names_before(st: State, start: int) -> int:
    """Name tokens between a title and a known surname belong to the name: "Prime Minister Nouri Maliki"."""
    for k in range(max(0, start - 2), start):
        if k in st.titles_by_end and all(
            (name_token(st.words, t) and not capitalised_verb(st.words, t)) or joins_name(st.words, t)
            for t in range(k, start)
        ):  # not "Chief Praises Marco Rubio"'s verb
            return k if not any(st.taken[k:start]) else start
    return start


def _titled_role(entry: ActorEntry, title: str) -> Role | None:
    """With no document date, the post named by the title in the text: "Foreign Secretary Philip Hammond"."""
    wanted = title.lower().rstrip(".")
    matching = [r for r in entry.roles if wanted and r.role.lower().startswith(wanted)]
    return max(matching, key=lambda r: r.start or date.min) if matching else None


def _dictionary_persons(st: State, chosen: list[Hit]) -> list[Found]:
    out = []
    entries = st.lexicon.dictionary.entries
    for hit in chosen:
        if hit.kind != "E":  # other kinds index other lists
            continue
        entry = entries[hit.item]
        if entry.type != "person":
            continue
        if (
            hit.start > 0 and name_token(st.words, hit.start - 1) and other_given_name(st, entry, hit.start)
        ):  # "Bassel al-Assad" is not Bashar al-Assad
            claim(st.taken, hit.start - 1, hit.end)
            out.append(
                Found(
                    hit.start - 1, hit.end, st.words.span_text(hit.start - 1, hit.end), "person", "", "", ""
                )
            )
            continue
        start, title, country = _extend_left(st, _given_names_before(st, hit.start))
        claim(st.taken, start, hit.end)
        title_text = st.words.span_text(title.start, title.end) if title else ""
        role = _titled_role(entry, title_text) if st.published is None else None
        role = role or entry.role_at(st.published)
        if role is None:
            sector = st.lexicon.dictionary.titles[title.item].sector if title else ""
            out.append(Found(start, hit.end, entry.name, "person", country, sector, title_text))
        else:
            found = Found(
                start, hit.end, entry.name, "person", role.country, role.sector, role.role, role.code
            )
            out.append(found)
    return out


def _titled_persons(st: State) -> list[Found]:
    """ "Major General Andrii Kovalchuk"; a post alone stands for a person: "the Foreign Secretary said"."""
    out = []
    titles = st.lexicon.dictionary.titles
    for start in sorted(st.titles_by_start):
        hit = st.titles_by_start[start]
        if hit.start in st.used_titles or hit.start in st.sectors:
            continue
        title = titles[hit.item]
        end = name_run(st.words, hit.end, st.taken)
        title_text = st.words.span_text(hit.start, hit.end)
        left, country = _title_left(st, hit)
        if end > hit.end and not organisation_like(st.words, hit.end, end):
            name = st.words.span_text(hit.end, end)
        elif _post_alone(st, hit, title.post and title.phrase[:1].isupper(), left < hit.start):
            end, country = _of_country(st, hit.end, country)
            name = title_text
        elif title.post and (post_start := lower_post(st, hit, left)) is not None:
            left, name = post_start, title_text
        else:
            continue
        st.used_titles.add(hit.start)
        claim(st.taken, left, end)
        out.append(Found(left, end, name, "person", country, title.sector, title_text))
    return out


def _post_alone(st: State, hit: Hit, post: bool, introduced: bool) -> bool:
    """A post stands for its holder after an article or affiliation, or when written as a proper title."""
    if not post:
        return False
    written = st.words.text[hit.start : hit.end]
    proper = len(written) > 1 and all(t[:1].isupper() for t in written if t.isalpha() and len(t) > 3)
    return introduced or _determiner(st.words, hit.start) or proper


def _determiner(words: Words, i: int) -> bool:
    return i > 0 and words.lower[i - 1] in {"the", "his", "her", "its", "their"}


def _of_country(st: State, i: int, country: str) -> tuple[int, str]:
    """ "the President of Russia": the country after a post; or the body it serves ("the UN High
    Commissioner for Refugees")."""
    if i + 1 < len(st.words) and st.words.lower[i] == "of" and i + 1 in st.countries_by_start:
        hit, found = st.countries_by_start[i + 1]
        return hit.end, country or found
    return post_complement(st, i), country


def _given_name_persons(st: State) -> list[Found]:
    """A common given name followed by more name tokens: "Tobias Smith", "Andrii Kovalchuk"."""
    out = []
    for candidate in st.names_before_names:
        if candidate.start in st.place_starts:
            continue
        span = st.words.char_span(candidate.start, candidate.end)
        if span is None or st.taken[span[0]]:
            continue
        first = span[0]
        end = name_run(st.words, first, st.taken, limit=4)
        if end - first < 2 or organisation_like(st.words, first, end):
            continue
        start, title, country = _extend_left(st, first)
        sector = st.lexicon.dictionary.titles[title.item].sector if title else ""
        role = st.words.span_text(title.start, title.end) if title else ""
        claim(st.taken, start, end)
        out.append(Found(start, end, st.words.span_text(first, end), "person", country, sector, role))
    return out
