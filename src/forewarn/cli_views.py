"""Rich views for the store commands of the CLI (ingest, documents, show, demo).

Pure rendering: each function turns library results into renderables; the CLI
decides where to print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from forewarn.export.table import analysis_table
from forewarn.model import Analysis, PublishedDate

if TYPE_CHECKING:  # listing and showing documents must not pay for importing the ingest machinery
    from forewarn.ingest.run import IngestReport
    from forewarn.store import Store, StoredDocument


def date_label(p: PublishedDate, short: bool = False) -> str:
    """The date, the range it stands for when that is wider, and how it was found; `short`: the date, ~ if inferred."""
    if not p.known:
        return "undated"
    value = p.value.isoformat() if p.value else "?"
    if short:
        return value + (" ~" if p.method == "inferred" else "")
    span = ""
    if p.earliest != p.latest or p.value is None:
        low = p.earliest.isoformat() if p.earliest else "…"
        high = p.latest.isoformat() if p.latest else "…"
        span = f" [{low}..{high}]"
    return f"{value}{span} ({p.method})"


def short_source(source: str) -> str:
    """A URL as it is; a path by its file name (and record id), which is what tells documents apart."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def report_table(report: IngestReport) -> Table:
    table = Table(title="Ingest", show_header=True)
    table.add_column("new", justify="right")
    table.add_column("duplicate", justify="right")
    table.add_column("near-duplicate", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("analysed", justify="right")
    table.add_row(
        *(
            str(n)
            for n in (report.new, report.duplicate, report.near_duplicate, report.failed, report.analysed)
        )
    )
    return table


def documents_table(docs: Sequence[StoredDocument], total: int) -> Table:
    table = Table(caption=f"{len(docs)} of {total} documents (~ date inferred from the text)")
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("published", no_wrap=True)
    table.add_column("title", min_width=16)
    table.add_column("source", max_width=20, no_wrap=True, overflow="ellipsis")
    for stored in docs:
        doc = stored.document
        title = doc.title or doc.text[:60].replace("\n", " ")
        if stored.duplicate_of:
            title += f" (near-duplicate of {stored.duplicate_of})"
        # Text, not str: titles and paths may hold brackets that Rich would read as markup
        table.add_row(
            doc.id, date_label(doc.published, short=True), Text(title), Text(short_source(doc.source))
        )
    return table


def document_view(stored: StoredDocument, analysis: Analysis | None) -> Group:
    doc = stored.document
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", doc.id),
        ("title", doc.title),
        ("author", doc.author),
        ("url", doc.url),
        ("source", doc.source),
        ("language", doc.language),
        ("published", date_label(doc.published)),
        ("date evidence", doc.published.evidence),
        ("ingested", stored.ingested_at.isoformat(timespec="seconds")),
        ("near-duplicate of", stored.duplicate_of or ""),
    ):
        if value:
            meta.add_row(Text(label, style="bold"), Text(value))
    parts: list[RenderableType] = [meta, Panel(Text(doc.text), title="text")]
    if analysis is None and stored.duplicate_of:
        note = (
            f"not analysed: a near-duplicate of {stored.duplicate_of} (forewarn show {stored.duplicate_of})"
        )
        parts.append(Text(note, style="dim"))
    elif analysis is None:
        parts.append(Text("not analysed", style="dim"))
    else:
        parts.append(analysis_table(analysis))
    return Group(*parts)


def _top(store: Store, table: str, column: str, label: str) -> Text:
    items = store.top_values(table, column, limit=6)
    listed = ", ".join(f"{value} ({n})" for value, n in items if value) or "none found yet"
    return Text.assemble((f"{label}: ", "bold"), listed)


def demo_summary(store: Store, limit: int = 25) -> Group:
    """What the store holds: documents with their dates, then counts and the commonest findings."""
    total = store.count_documents()
    counts = store.count_rows()
    parts: list[RenderableType] = [documents_table(store.list_documents(limit=limit), total)]
    found = Table(title="Analysis", show_header=True)
    for name in ("analyses", "sentences", "places", "actors", "times", "quotes", "events"):
        found.add_column(name, justify="right")
    found.add_row(
        *(str(counts[n]) for n in ("analyses", "sentences", "places", "actors", "times", "quotes", "events"))
    )
    parts.append(found)
    parts.append(_top(store, "places", "name", "places"))
    parts.append(_top(store, "actors", "name", "actors"))
    parts.append(_top(store, "quotes", "speaker", "quoted"))
    parts.append(_top(store, "events", "type", "events"))
    for speaker, words, hedge in store.quote_samples():
        short = " ".join(words.split())
        short = short if len(short) <= 160 else short[:157] + "…"
        hedge_note = f"  [{hedge}]" if hedge else ""
        parts.append(
            Text.assemble(("quote: ", "bold"), short, f" — {speaker or '?'}", (hedge_note, "italic"))
        )
    return Group(*parts)
