"""Turn extraction results into Documents with content-derived ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from forewarn.ingest.extract import Extracted
from forewarn.model import Document, PublishedDate

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """sha256 (hex) of the text with Unicode normalised and whitespace runs collapsed."""
    key = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def make_document(
    extracted: Extracted,
    source: str,
    published: PublishedDate | None = None,
    fetched_at: datetime | None = None,
) -> Document:
    """A Document whose id is the first 16 hex digits of its content hash.

    `published` (a date given by the caller: a file name, a JSON field) wins
    over what extraction found.
    """
    digest = content_hash(extracted.text)
    return Document(
        id=digest[:16],
        text=extracted.text,
        content_hash=digest,
        title=extracted.title,
        author=extracted.author,
        url=extracted.url,
        source=source,
        language=extracted.language,
        published=published or extracted.published,
        fetched_at=fetched_at,
    )
