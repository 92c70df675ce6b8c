"""Coreference and context for persons: apposition gives a role, a surname or a titled
surname links back to the full name, and a name beside a speech verb is a speaker."""

from __future__ import annotations

from collections.abc import Iterator

from forewarn.analyze.actor_match import Hit
from forewarn.analyze.actor_persons import (
    APPOSITION_STOPS,
    CUE_BEFORE_NAME,
    ROLE_WORDS,
    SECTOR_WORDS,
    Found,
    State,
    claim,
    name_run,
    name_token,
    organisation_like,
)


def link_persons(st: State, named: list[Found]) -> list[Found]:
    """Roles from apposition, then short names and unknown speakers linked or added."""
    found = [_apposition(st, f) for f in named]
    full = _full_names(found)
    found = [_linked(f, full) for f in found]
    return found + _cue_and_short_names(st, full)


def _full_names(named: list[Found]) -> dict[str, Found]:
    """Surname -> the first person named in full with it."""
    full: dict[str, Found] = {}
    for person in named:
        parts = person.name.split()
        if len(parts) >= 2 and person.name[:1].isupper() and len(parts[-1]) > 2:
            full.setdefault(parts[-1], person)
    return full


def _linked(person: Found, full: dict[str, Found]) -> Found:
    """ "Mr Johnson" after "Boris Johnson": the full name, code and role of the first mention."""
    known = full.get(person.name) if " " not in person.name else None
    if known is None:
        return person
    return known._replace(start=person.start, end=person.end)


def _apposition(st: State, person: Found) -> Found:
    """ "Andrii Kovalchuk, one of Ukraine's top military officers, ..." gives role, country and sector."""
    words, i = st.words, person.end
    if person.code is not None or i + 2 >= len(words) or words.text[i] != ",":
        return person
    lower, j = words.lower, i + 1
    while j < len(lower) and j - i <= 15 and lower[j] not in APPOSITION_STOPS:
        j += 1
    opener = lower[i + 1] in {"a", "an", "the", "one", "his", "her", "its"} or i + 1 in st.countries_by_start
    if j == i + 1 or not opener or ROLE_WORDS.isdisjoint(lower[i + 1 : j]):
        return person
    phrase = words.span_text(i + 1, j)
    country = person.country or next((c for k, (_, c) in st.countries_by_start.items() if i < k < j), "")
    sector = person.sector or next((SECTOR_WORDS[w] for w in lower[i + 1 : j] if w in SECTOR_WORDS), "")
    role = f"{person.role}, {phrase}" if person.role else phrase
    return person._replace(country=country, sector=sector, role=role)


def _cue_and_short_names(st: State, full: dict[str, Found]) -> list[Found]:
    """Short names of persons already named ("Kovalchuk said") and unknown speakers ("Smith said")."""
    out = []
    for surname, person in full.items():
        for start, end in _occurrences(st.words.source, surname):
            span = st.words.char_span(start, end)
            if span is None or any(st.taken[span[0] : span[1]]):
                continue
            claim(st.taken, *span)
            out.append(person._replace(start=span[0], end=span[1]))
    runs = [r for r in (_speaker_near(st, cue) for cue in st.cues) if r is not None]
    runs += [member for run in runs for member in _listed_before(st, run[0])]
    for run in runs + list(_lone_given_names(st)):
        if not any(st.taken[run[0] : run[1]]):
            claim(st.taken, *run)
            out.append(Found(run[0], run[1], st.words.span_text(*run), "person", "", "", ""))
    return out


def _listed_before(st: State, start: int) -> list[tuple[int, int]]:
    """Names listed before a speaker: "Hrytsenko, Bondar and Melnyk said" (up to three words each)."""
    words, j = st.words, start
    out: list[tuple[int, int]] = []
    # a list ends with "and" before its last name; a comma alone may set off anything ("X, Karim called it")
    while j > 1 and words.lower[j - 1] in ({"and", ","} if out else {"and"}) and len(out) < 6:
        end = j - 2 if words.lower[j - 1] == "and" and words.text[j - 2] == "," else j - 1
        first = end
        while first > 0 and end - first < 3 and not st.taken[first - 1] and name_token(words, first - 1):
            first -= 1
        if first == end or words.start[first] in st.place_starts or organisation_like(words, first, end):
            break
        out.append((first, end))
        j = first
    return out


def _lone_given_names(st: State) -> Iterator[tuple[int, int]]:
    """Token spans of common given names standing alone before a verb, not part of a longer name:
    "Karim insists", "Omar was killed"."""
    for candidate in st.names_before_verb:
        span = st.words.char_span(candidate.start, candidate.end)
        if span is None or st.taken[span[0]] or not name_token(st.words, span[0]):
            continue
        if candidate.start in st.place_starts or (span[0] > 0 and name_token(st.words, span[0] - 1)):
            continue
        if candidate.partner >= 0 and (candidate.partner in st.place_starts or st.taken[span[1] + 1]):
            continue  # "Virginia and Georgia", "Jordan and Syria": places, not two persons
        yield span


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where `word` stands as a whole word (str.find: no per-document regex to compile)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            yield start, end
        start = text.find(word, end)


def _speaker_near(st: State, cue: Hit) -> tuple[int, int] | None:
    """A name right before a speech verb, or right after "said"/"according to"."""
    words, taken = st.words, st.taken
    i = cue.start
    while i > 0 and cue.start - i < 4 and not taken[i - 1] and name_token(words, i - 1):
        i -= 1
    if i < cue.start and not any(st.in_sector[i : cue.start]) and (i == 0 or words.text[i - 1] != "-"):
        # a place of one word right before a speech verb is a surname ("Lyons said"); capitals
        # are dictionary hits (taken) and stand for their government
        listed = i > 0 and words.lower[i - 1] in {"and", ","}  # "Kyiv, Kharkiv and Odesa said"
        place = words.start[i] in st.place_starts and (cue.start - i > 1 or listed)
        return None if place or organisation_like(words, i, cue.start) else (i, cue.start)
    cue_word = words.lower[cue.start]
    after = cue.end + (1 if cue_word == "according" else 0)
    if cue_word in CUE_BEFORE_NAME and after < len(words) and not taken[after]:
        end = name_run(words, after, taken, limit=4)
        if end > after and not any(st.in_sector[after:end]) and not organisation_like(words, after, end):
            return after, end
    return None
