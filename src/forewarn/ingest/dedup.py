"""Near-duplicate detection: MinHash over word shingles, banded LSH to find candidates.

Signatures are plain bytes so the store can keep them and rebuild the index
in a later run without re-reading any text. Exact duplicates are caught
earlier by content hash.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
SEED = 1  # fixed, and the scheme named, so signatures from earlier runs stay comparable
SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u4")  # hash values fit in 32 bits: 512 bytes per signature


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77))  # odd multipliers spread word hashes over a shingle
_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)


def _shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the distinct lower-cased word n-grams, computed without building strings."""
    words = _WORD.findall(text.lower())
    # zlib.crc32 is stable across processes (unlike hash()) and fast
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(hashes) < SHINGLE_WORDS:
        return np.array([int(np.bitwise_xor.reduce(hashes)) if len(hashes) else 0], dtype=np.uint64)
    n = len(hashes) - SHINGLE_WORDS + 1
    mixed = hashes[:n] * _MIX[0] + hashes[1 : n + 1] * _MIX[1] + hashes[2 : n + 2]
    return np.unique(mixed & _MASK32)


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """datasketch's own parameters, drawn once: MinHash objects need them to be built."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@lru_cache(maxsize=1)
def _multiply_shift() -> tuple[np.ndarray, np.ndarray]:
    """Odd 64-bit multipliers and 64-bit offsets, one pair per permutation, fixed by SEED."""
    generator = np.random.default_rng(SEED)
    a = generator.integers(0, 2**64 - 1, size=NUM_PERM, dtype=np.uint64, endpoint=True) | np.uint64(1)
    b = generator.integers(0, 2**64 - 1, size=NUM_PERM, dtype=np.uint64, endpoint=True)
    return a, b


def _minhash(text: str) -> MinHash:
    """A MinHash over the whole shingle set at once.

    Each permutation is a multiply-shift hash (a*x + b mod 2^64, top 32 bits):
    no modulo, so it is several times faster than datasketch's own update.
    """
    a, b = _multiply_shift()
    hashes = _shingle_hashes(text)
    # uint64 arithmetic wraps mod 2^64, which is what multiply-shift hashing needs;
    # the shift is monotonic, so it is taken after the minimum, on 128 values only
    products = np.multiply.outer(hashes, a)
    products += b
    values = products.min(axis=0) >> _SHIFT
    return _from_values(values)


def _from_values(values: np.ndarray) -> MinHash:
    return MinHash(seed=SEED, hashvalues=values, permutations=_permutations(), scheme=SCHEME)


def signature(text: str) -> bytes:
    """The MinHash signature of `text` as bytes, for storing."""
    return _to_bytes(_minhash(text))


def _to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(_DTYPE).tobytes()


def _from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=_DTYPE).astype(np.uint64)
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature holds {NUM_PERM} values, this one {len(values)}")
    return _from_values(values)


class NearDuplicateIndex:
    """Documents seen so far; `find` names an earlier one whose estimated Jaccard >= threshold."""

    def __init__(self, threshold: float = 0.9) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._minhashes: dict[str, MinHash] = {}
        self._last: tuple[str, MinHash] | None = None  # signature, find and add usually see one text in a row

    @classmethod
    def from_signatures(
        cls, items: Iterable[tuple[str, bytes]], threshold: float = 0.9
    ) -> NearDuplicateIndex:
        """An index rebuilt from stored (doc_id, signature) pairs."""
        index = cls(threshold)
        for doc_id, data in items:
            index.add_signature(doc_id, data)
        return index

    def __len__(self) -> int:
        return len(self._minhashes)

    def _minhash_of(self, text: str) -> MinHash:
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        minhash = _minhash(text)
        self._last = (text, minhash)
        return minhash

    def signature(self, text: str) -> bytes:
        return _to_bytes(self._minhash_of(text))

    def add(self, doc_id: str, text: str) -> bytes:
        """Index a first copy; returns its signature for storing."""
        minhash = self._minhash_of(text)
        self._insert(doc_id, minhash)
        return _to_bytes(minhash)

    def add_signature(self, doc_id: str, data: bytes) -> None:
        self._insert(doc_id, _from_bytes(data))

    def _insert(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id in self._minhashes:
            return
        self._minhashes[doc_id] = minhash
        self._lsh.insert(doc_id, minhash)

    def find(self, text: str) -> str | None:
        return self._find(self._minhash_of(text))

    def find_signature(self, data: bytes) -> str | None:
        return self._find(_from_bytes(data))

    def _find(self, minhash: MinHash) -> str | None:
        """The best verified candidate: LSH bands propose, the full signature decides."""
        best: tuple[float, str] | None = None
        for doc_id in self._lsh.query(minhash):
            score = float(minhash.jaccard(self._minhashes[doc_id]))
            if score >= self.threshold and (best is None or (score, doc_id) > best):
                best = (score, doc_id)
        return best[1] if best else None
