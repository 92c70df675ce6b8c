"""Bytes to text: byte-order marks, UTF-8 (also slightly damaged), a declared charset, detection."""

from __future__ import annotations

import codecs
import re

from forewarn.errors import BinaryInput

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_CONTROL = bytes(sorted(set(range(256)) - (set(range(32)) - {9, 10, 12, 13, 27})))
_MAX_BAD_UTF8 = 0.005  # share of undecodable bytes still read as damaged UTF-8, not a legacy charset


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    return len(sample.translate(None, _NOT_CONTROL)) > len(sample) * 0.1


def decode(raw: bytes, where: str = "", declared: str | None = None) -> str:
    """Bytes to text: BOM, UTF-8 (also slightly damaged), the declared charset, then detection."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    if looks_binary(raw):
        raise BinaryInput("binary content, not text", where=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    damaged = raw.decode("utf-8", errors="replace")
    if _mostly_utf8(damaged, len(raw)):
        return damaged
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(raw, where)


def _mostly_utf8(damaged: str, size: int) -> bool:
    """Valid multi-byte UTF-8 beside a few bad bytes: damaged UTF-8, not a legacy charset.

    Text whose only non-ASCII bytes are all invalid UTF-8 ("caf\xe9") is latin-1
    or the like, however few those bytes are.
    """
    bad = damaged.count("\ufffd")
    return bad <= size * _MAX_BAD_UTF8 and any(ord(c) > 127 and c != "\ufffd" for c in damaged)


def _detect(raw: bytes, where: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise BinaryInput("not text in any known character encoding", where=where)
    return raw.decode(best.encoding, errors="replace")


def html_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None
