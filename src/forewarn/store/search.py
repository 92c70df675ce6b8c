"""Text search over documents: SQLite FTS5 when the store has it, else (I)LIKE.

Every word of the query must appear (in the title or the text); words are
matched as whole tokens by FTS5 and as substrings by the fallback.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Engine, and_, column, inspect, or_, text

from forewarn.store import schema as s

_WORD = re.compile(r"\w+", re.UNICODE)


def has_fts(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and inspect(engine).has_table("documents_fts")


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_filter(query: str, fts: bool) -> ColumnElement[bool]:
    words = _WORD.findall(query)
    if not words:
        return and_(True)
    if fts:
        match = " ".join(f'"{word}"' for word in words)  # quoted: FTS5 operators in user text stay literal
        rows = text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :match").bindparams(
            match=match
        )
        return s.documents.c.seq.in_(rows.columns(column("rowid")))
    return and_(
        *(
            or_(
                s.documents.c.title.ilike(_like(w), escape="\\"),
                s.documents.c.text.ilike(_like(w), escape="\\"),
            )
            for w in words
        )
    )
