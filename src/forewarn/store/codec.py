"""Analysis <-> stored form: the full JSON record and the query rows derived from it.

The record has the shape of the `forewarn analyze` JSON (docs/analysis.md): every
field of every record, spans as {"start", "end"}, dates as ISO strings, written
and read generically (`records.py`) so fields added to the model round-trip.
The text is left out when it is the document's own (the document row holds it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from forewarn.model import Actor, Analysis, Document, Event, Place, Quote, Span, TimeExpr
from forewarn.store.records import record_from_json, to_json

Row = dict[str, Any]


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def analysis_to_record(analysis: Analysis, document_text: str) -> dict[str, Any]:
    """The analysis JSON; the text is kept only when it is not the document's own."""
    record: dict[str, Any] = to_json(analysis)
    if analysis.text == document_text:
        del record["text"]
    return record


def analysis_from_record(record: dict[str, Any], document_text: str) -> Analysis:
    return record_from_json(Analysis, {"text": document_text, **record})


def _pos(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def _quote_row(q: Quote) -> Row:
    fc = q.forecast
    source_start, source_end = _pos(q.source)
    fc_start, fc_end = _pos(None if fc is None else fc.content)
    fc_time_start, fc_time_end = _pos(None if fc is None else fc.time)
    return {
        "start": q.content.start,
        "end": q.content.end,
        "speaker": q.speaker,
        "direct": q.direct,
        "source_start": source_start,
        "source_end": source_end,
        "cue_start": q.cue.start,
        "cue_end": q.cue.end,
        "forecast_hedge": None if fc is None else fc.hedge,
        "forecast_start": fc_start,
        "forecast_end": fc_end,
        "forecast_time_start": fc_time_start,
        "forecast_time_end": fc_time_end,
    }


# Event fields without a column of their own; everything else is in the full record.
_EVENT_DETAIL = frozenset({"actors", "recipients", "place", "time", "contexts", "indicators"})


def _event_row(e: Event, encoded: dict[str, Any], window: tuple[date | None, date | None]) -> Row:
    """`encoded` is the event as the full record has it; `window` the dates it happened within."""
    return {
        "start": e.trigger.start,
        "end": e.trigger.end,
        "type": e.type,
        "mode": e.mode,
        "modality": e.modality,
        "cameo": e.cameo,
        "acled": e.acled,
        "confidence": e.confidence,
        "sentence_start": e.sentence.start,
        "sentence_end": e.sentence.end,
        "date_start": window[0],
        "date_end": window[1],
        "detail": {k: v for k, v in encoded.items() if k in _EVENT_DETAIL},
    }


def _record_row(item: Place | Actor) -> Row:
    return {k: getattr(item, k) for k in item.__dataclass_fields__}


def _time_row(t: TimeExpr) -> Row:
    row = {k: getattr(t, k) for k in ("start", "end", "text", "type", "value", "mod")}
    row["interval_start"], row["interval_end"] = t.interval
    return row


def _event_windows(analysis: Analysis) -> list[tuple[date | None, date | None]]:
    """Per event: the interval of its time expression, else the publication date."""
    intervals = {(t.start, t.end): t.interval for t in analysis.times}
    published = (analysis.published, analysis.published)
    return [
        published if e.time is None else intervals.get((e.time.start, e.time.end), published)
        for e in analysis.events
    ]


def derived_rows(
    analysis: Analysis, record: dict[str, Any], analysis_id: str, document_id: str, created_at: datetime
) -> dict[str, list[Row]]:
    """Rows per derived table, each with its provenance columns filled in; `record` is `analysis_to_record`'s."""
    events = zip(analysis.events, record["events"], _event_windows(analysis), strict=True)
    rows: dict[str, list[Row]] = {
        "sentences": [{"start": s.start, "end": s.end} for s in analysis.sentences],
        "places": [_record_row(p) for p in analysis.places],
        "actors": [_record_row(a) for a in analysis.actors],
        "times": [_time_row(t) for t in analysis.times],
        "quotes": [_quote_row(q) for q in analysis.quotes],
        "events": [_event_row(e, encoded, window) for e, encoded, window in events],
    }
    provenance = {
        "analysis_id": analysis_id,
        "document_id": document_id,
        "pipeline_version": analysis.pipeline_version,
        "created_at": created_at,
    }
    for table_rows in rows.values():
        for ordinal, row in enumerate(table_rows):
            row.update(provenance, ordinal=ordinal)
    return rows


def document_to_dict(
    doc: Document, ingested_at: datetime | None = None, duplicate_of: str | None = None
) -> Row:
    """The JSON shape of a stored document (`forewarn documents --json`, `show --json`)."""
    p = doc.published
    return {
        "id": doc.id,
        "title": doc.title,
        "author": doc.author,
        "url": doc.url,
        "source": doc.source,
        "language": doc.language,
        "content_hash": doc.content_hash,
        "published": {
            "value": _iso(p.value),
            "earliest": _iso(p.earliest),
            "latest": _iso(p.latest),
            "method": p.method,
            "evidence": p.evidence,
        },
        "fetched_at": None if doc.fetched_at is None else doc.fetched_at.isoformat(),
        "ingested_at": None if ingested_at is None else ingested_at.isoformat(),
        "duplicate_of": duplicate_of,
        "text": doc.text,
    }
