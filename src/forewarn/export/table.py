"""A readable terminal view of one analysis (for `--format table`)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from forewarn.model import Analysis


def analysis_table(analysis: Analysis) -> Table:
    """One row per place, actor, time, quote and event; text from the article is never read as markup."""
    table = Table(title=Text(f"{analysis.id} ({analysis.published or 'undated'})"), show_lines=False)
    for column in ("kind", "text", "detail"):
        table.add_column(column)
    text = analysis.text

    def row(kind: str, mention: str, detail: str) -> None:
        table.add_row(kind, Text(mention), Text(detail))

    for p in analysis.places:
        row("place", p.text, f"{p.name} [{p.level}] {p.country} {p.lat},{p.lon}")
    for a in analysis.actors:
        row("actor", a.text, f"{a.name} {a.code} {a.type} {a.role}".strip())
    for t in analysis.times:
        row("time", t.text, f"{t.type} {t.value} {t.mod} {t.interval[0]}..{t.interval[1]}")
    for q in analysis.quotes:
        hedge = f" forecast: {q.forecast.hedge}" if q.forecast else ""
        row(
            "quote",
            q.content.text_of(text)[:80],
            f"{q.speaker} ({'direct' if q.direct else 'indirect'}){hedge}",
        )
    for e in analysis.events:
        row("event", e.trigger.text_of(text), f"{e.type}/{e.mode} {e.modality} cameo={e.cameo}")
    table.caption = f"{len(analysis.sentences)} sentences"
    return table
