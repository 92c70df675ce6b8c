"""How a place name becomes a lookup key: the one folding rule shared by build and lookup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = str.maketrans({"'": None, "’": None, "ʼ": None, "ʹ": None, "`": None, "‘": None, ".": None})
_SPACES = re.compile(r"[\s\-‐‑–—/]+")


@lru_cache(maxsize=1 << 16)  # the same capitalised words come back in every article
def fold(name: str) -> str:
    """ASCII-fold accents (Cyrillic stays Cyrillic), lowercase, drop apostrophes and full stops.

    "Homyel'" -> "homyel", "Kyiv-Sviatoshyn" -> "kyiv sviatoshyn", "U.S." -> "us".
    """
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return _SPACES.sub(" ", name.translate(_DROP).lower()).strip()
