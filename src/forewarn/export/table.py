"""A readable terminal view of one analysis (for `--format table`)."""

from __future__ import annotations

from rich.table import Table

from forewarn.model import Analysis


def analysis_table(analysis: Analysis) -> Table:
    table = Table(title=f"{analysis.id} ({analysis.published or 'undated'})", show_lines=False)
    table.add_column("kind")
    table.add_column("text")
    table.add_column("detail")
    text = analysis.text
    for p in analysis.places:
        table.add_row("place", p.text, f"{p.name} [{p.level}] {p.country} {p.lat},{p.lon}")
    for a in analysis.actors:
        table.add_row("actor", a.text, f"{a.name} {a.code} {a.type} {a.role}".strip())
    for t in analysis.times:
        table.add_row("time", t.text, f"{t.type} {t.value} {t.mod} {t.interval[0]}..{t.interval[1]}")
    for q in analysis.quotes:
        table.add_row(
            "quote", q.content.text_of(text)[:80], f"{q.speaker} ({'direct' if q.direct else 'indirect'})"
        )
    for e in analysis.events:
        table.add_row("event", e.trigger.text_of(text), f"{e.type}/{e.mode} {e.modality} cameo={e.cameo}")
    table.caption = f"{len(analysis.sentences)} sentences"
    return table
