"""Cues in a text, and the word lists of the speech lexicon compiled into fast regular expressions.

Python's `re` tries the branches of a flat alternation one by one at every
position; shaped as a trie (`sa(?:id|ys|ying)`) the same list is matched
several times faster, which keeps the quotes stage inside its time budget.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from forewarn.knowledge.speech_cues import speech_cues
from forewarn.model import Span

Trie = dict[str, "Trie"]


def _insert(tree: Trie, word: str) -> None:
    node = tree
    for char in word:
        node = node.setdefault(char, {})
    node[""] = {}


def _pattern(node: Trie) -> str:
    optional = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) > 1:
        body = "(?:" + "|".join(branches) + ")"
    else:
        body = branches[0] if not optional or len(branches[0]) == 1 else f"(?:{branches[0]})"
    return body + "?" if optional else body


def alternation(words: list[str]) -> str:
    """A regex source matching any of `words` (as written), shaped as a trie: longest first."""
    tree: Trie = {}
    for word in words:
        _insert(tree, word)
    return _pattern(tree)


def word_regex(words: list[str], *, capitalised: bool = False, ignore_case: bool = False) -> re.Pattern[str]:
    """Whole-word matches of any of `words`, longest first; `capitalised` also admits "Said" for "said"."""
    by_initial: dict[str, Trie] = {}
    for word in words:
        key = word[0].lower() if ignore_case else word[0]
        _insert(by_initial.setdefault(key, {}), word[1:].lower() if ignore_case else word[1:])
    parts = []
    for initial, tree in sorted(by_initial.items()):
        first = f"[{initial}{initial.upper()}]" if capitalised and initial.islower() else re.escape(initial)
        parts.append(first + _pattern(tree))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(parts)})(?![\w’'-])", flags)


@lru_cache(maxsize=2)
def _cue_regex(capitalised: bool) -> re.Pattern[str]:
    cues = speech_cues()
    return word_regex(sorted(set(cues.verb_forms) | set(cues.phrases)), capitalised=capitalised)


_CLITIC_BEFORE = re.compile(r"(?<=[A-Za-z])([’']s)\s+$")
_CLITIC_ENDS = ("’s", "'s")


# words in -ly that are no adverbs of manner (a noun, an adjective, "likely to")
_LY_NOT_ADVERBS = ("likely", "unlikely", "early", "family", "rally", "ally", "supply", "reply", "assembly",
                   "daily", "weekly", "monthly", "yearly", "friendly", "holy", "ugly", "silly", "lonely",
                   "lovely", "deadly", "costly", "elderly", "orderly", "belly", "bully", "folly", "jelly")  # fmt: skip


_AFTER_ADVERB = "that|about|against|in|on|at|with|of|for|to|during|after|before|when|while"


@lru_cache(maxsize=1)
def _affixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for what belongs to a cue: auxiliaries before it, fixed phrases after it."""
    cues = speech_cues()
    before = "|".join(re.escape(w) for w in sorted(cues.cue_prefixes, key=len, reverse=True))
    # any manner or frequency adverb belongs to its cue too ("has consistently denied", "flatly said"):
    # on train the gold cue held an -ly word right before it 137 times in 139
    before += rf"|(?!(?:{'|'.join(_LY_NOT_ADVERBS)})\s)[a-z]{{2,}}ly"
    after = "|".join(re.escape(w) if w == ":" else " " + re.escape(w) for w in cues.cue_suffixes)
    return re.compile(rf"(?<![\w’'])(?:(?:{before})\s+)+$"), re.compile(rf"(?:{after})(?![\w’'])")


# ... and after a cue in the past or present tense, before a mark or a preposition ("said sarcastically.",
# "noted repeatedly that", "complained bitterly about"; not "proposed jointly owned drones", "doubt
# deliberately"): on train the gold cue held it 43 times in 45
_ADVERB_AFTER = re.compile(
    rf" (?=[a-z]{{2,}}ly\b)(?!(?:{'|'.join(_LY_NOT_ADVERBS)}|only)\b)[a-z]+(?=[,.:;!?]|\s+(?:{_AFTER_ADVERB})\b)"
)
_PASSIVE_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being"})


# every byte but a-z -> space: the UTF-8 bytes of a lower-cased text split into its runs of a-z
# (non-ASCII characters encode to bytes >= 0x80 only), the same words as `[a-z]+` finds, found at
# C speed without one string object per match
_LETTERS_ONLY = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))


def _wordish(char: str) -> bool:
    """A character that joins a cue to its neighbour ("unsaid", "so-called", "don’t")."""
    return char.isalnum() or char in "_’'-"


@lru_cache(maxsize=1)
def _cue_words() -> dict[bytes, tuple[str, ...]]:
    """Each word that can start a cue, UTF-8 encoded -> the cues it starts, longest first ("called for", "called")."""
    cues = speech_cues()
    starts: dict[bytes, list[str]] = {}
    for cue in set(cues.verb_forms) | set(cues.phrases):
        starts.setdefault(cue.split()[0].encode(), []).append(cue)
    for word in cues.catenatives:  # a chain's first word is looked for in the same pass ("continued to ...")
        starts.setdefault(word.encode(), [])
    return {word: tuple(sorted(group, key=len, reverse=True)) for word, group in starts.items()}


@lru_cache(maxsize=1)
def _cue_word_set() -> frozenset[bytes]:
    return frozenset(_cue_words())


# A-Z -> a-z, every other byte kept: lower-cases the ASCII letters of UTF-8 bytes at C speed
_ASCII_LOWER = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())


@lru_cache(maxsize=1)
def _ascii_cues() -> bool:
    cues = speech_cues()
    return all(cue.isascii() for cue in set(cues.verb_forms) | set(cues.phrases))


def _lowered(text: str) -> tuple[str, bytes]:
    """The text lower-cased for finding cues, as a string and as UTF-8 bytes.

    Cues are ASCII, and the only other character whose lower case is ASCII is the Kelvin sign
    ("K" -> "k"), so lower-casing A-Z alone finds the same cues, several times faster than `str.lower`.
    """
    if "\u212a" in text or not _ascii_cues():
        lower = text.lower()
        return lower, lower.encode("utf-8", "surrogatepass")
    raw = text.encode("utf-8", "surrogatepass").translate(_ASCII_LOWER)
    return raw.decode("utf-8", "surrogatepass"), raw


def cue_spans(text: str) -> list[Span]:
    """Every cue in the text, with the auxiliaries and phrases that belong to it ("has said in a statement")."""
    if "\u0130" in text:  # "İ", the one character that lower-cases to two: offsets would drift
        return [_extend(text, m.start(), m.end()) for m in _cue_regex(True).finditer(text)]
    lower, raw = _lowered(text)
    # the few cue words a text holds are found by one C-speed pass over its words, then each is
    # looked up with str.find: several times faster than one big alternation tried at every position
    words = _cue_words()
    found: dict[int, int] = {}
    chains, chain_words = _chains()
    # (a frozenset's intersection walks the text's words; `dict.keys() & list` first copies every cue word)
    for word in _cue_word_set().intersection(raw.translate(_LETTERS_ONLY).split()):
        for cue in words[word]:
            _find_all(lower, cue, found)
        if word in chain_words:
            _find_chains(lower, word.decode(), chains, found)
    spans, last_end = [], -1
    for start in sorted(found):
        if start >= last_end:
            spans.append(_extend(text, start, found[start]))
            last_end = found[start]
    return spans


def _find_all(lower: str, cue: str, found: dict[int, int]) -> None:
    """Record whole-word occurrences of `cue` (start -> end), keeping the longest cue at each start."""
    start = lower.find(cue)
    while start >= 0:
        end = start + len(cue)
        whole = not (start and _wordish(lower[start - 1])) and not (end < len(lower) and _wordish(lower[end]))
        if whole and found.get(start, -1) < end:
            found[start] = end
        start = lower.find(cue, start + 1)


@lru_cache(maxsize=1)
def _chains() -> tuple[re.Pattern[str], frozenset[bytes]]:
    """`continued to insist`, `was quick to point out`, `seemed to suggest`: a catenative, its "to" and a
    cue's infinitive are one cue (matched on the lower-cased text at each catenative), and the words
    that can start one."""
    cues = speech_cues()
    infinitives = sorted(cues.infinitives | set(cues.phrases))
    regex = re.compile(
        rf"(?:{alternation(sorted(cues.catenatives))})(?:\s+not)?\s+to\s+(?:{alternation(infinitives)})(?![\w’'-])"
    )
    return regex, frozenset(word.encode() for word in cues.catenatives)


def _find_chains(lower: str, word: str, chains: re.Pattern[str], found: dict[int, int]) -> None:
    """Record the chains (`continued to question`) that start at whole-word occurrences of `word`:
    only where "to" or "not to" follows it (found with str.find, so "country" is never tried for "try")."""
    needle = word + " "
    start = lower.find(needle)
    while start >= 0:
        after = start + len(needle)
        if lower.startswith(("to ", "not to "), after) and not (start and _wordish(lower[start - 1])):
            m = chains.match(lower, start)
            if m is not None and found.get(start, -1) < m.end():
                found[start] = m.end()
        start = lower.find(needle, after)


def _extend(text: str, start: int, end: int) -> Span:
    prefix_re, suffix_re = _affixes()
    # the regexes are searched only when the word before the cue could end them: most cues
    # have no auxiliary, and a search tries every position of its window
    word = _word_before(text, start)
    if word.endswith(_prefix_ends()):
        prefix = prefix_re.search(text, max(0, start - 40), start)
        if prefix:
            start = prefix.start()
            word = _word_before(text, start)
    if word.endswith(_CLITIC_ENDS):
        clitic = _CLITIC_BEFORE.search(text, max(0, start - 8), start)
        if clitic:
            start = clitic.start(1)  # "he’s predicting": the cue is "’s predicting"
    suffix = suffix_re.match(text, end)
    # (the anchored regex first: it fails at once on most cues)
    if (
        suffix is None
        and (adverb := _ADVERB_AFTER.match(text, end))
        and text.endswith(_TENSED, start, end)
        and _PASSIVE_AUX.isdisjoint(text[start:end].split())
    ):
        suffix = suffix_re.match(text, adverb.end())  # "complained bitterly about"
        return Span(start, suffix.end() if suffix else adverb.end())
    return Span(start, suffix.end() if suffix else end)


_TENSED = ("ed", "s", "said", "told", "wrote", "spoke", "spoke out", "made clear", "put it")


@lru_cache(maxsize=1)
def _prefix_ends() -> tuple[str, ...]:
    return tuple(sorted({prefix.split()[-1] for prefix in speech_cues().cue_prefixes} | {"ly"}))


def _word_before(text: str, start: int) -> str:
    """The last word of the 40 characters before `start` if white space follows it, else "".

    The affix regexes (`(?:word\\s+)+$` in that window, `[’']s\\s+$` in the last 8 characters of
    it) can only match when this word ends with one of their words: a far cheaper test than a search.
    """
    piece = text[max(0, start - 40) : start]
    if not piece[-1:].isspace():
        return ""
    words = piece.rsplit(None, 1)
    return words[-1] if words else ""
