"""Analysis <-> stored form: the full JSON record and the query rows derived from it.

The record is the `forewarn analyze` JSON (docs/analysis.md) without the text,
which the document row already holds; `analysis_from_record` inverts it exactly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from forewarn.export.analysis_json import analysis_to_dict
from forewarn.model import Actor, Analysis, Event, Forecast, Place, Quote, Span, TimeExpr

Row = dict[str, Any]


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _span(value: dict[str, int] | None) -> Span | None:
    return None if value is None else Span(value["start"], value["end"])


def _req_span(value: dict[str, int]) -> Span:
    return Span(value["start"], value["end"])


def analysis_to_record(analysis: Analysis, document_text: str) -> dict[str, Any]:
    """The analysis JSON; the text is kept only when it is not the document's own."""
    record = analysis_to_dict(analysis)
    if analysis.text == document_text:
        del record["text"]
    return record


def _time(item: dict[str, Any]) -> TimeExpr:
    start, end = item["interval"]
    fields = {k: v for k, v in item.items() if k != "interval"}
    return TimeExpr(**fields, interval=(_day(start), _day(end)))


def _quote(item: dict[str, Any]) -> Quote:
    fc = item.get("forecast")
    forecast = None
    if fc is not None:
        forecast = Forecast(fc["speaker"], _req_span(fc["content"]), _span(fc["time"]), fc["hedge"])
    return Quote(
        source=_span(item["source"]),
        speaker=item["speaker"],
        cue=_req_span(item["cue"]),
        content=_req_span(item["content"]),
        direct=item["direct"],
        forecast=forecast,
    )


def _event(item: dict[str, Any]) -> Event:
    return Event(
        type=item["type"],
        mode=item["mode"],
        contexts=tuple(item["contexts"]),
        modality=item["modality"],
        actors=tuple(_req_span(s) for s in item["actors"]),
        recipients=tuple(_req_span(s) for s in item["recipients"]),
        place=_span(item["place"]),
        time=_span(item["time"]),
        trigger=_req_span(item["trigger"]),
        sentence=_req_span(item["sentence"]),
        cameo=item["cameo"],
        acled=item["acled"],
        confidence=item["confidence"],
    )


def analysis_from_record(record: dict[str, Any], document_text: str) -> Analysis:
    return Analysis(
        id=record["id"],
        text=record.get("text", document_text),
        published=_day(record["published"]),
        sentences=tuple(_req_span(s) for s in record["sentences"]),
        places=tuple(Place(**p) for p in record["places"]),
        actors=tuple(Actor(**a) for a in record["actors"]),
        times=tuple(_time(t) for t in record["times"]),
        quotes=tuple(_quote(q) for q in record["quotes"]),
        events=tuple(_event(e) for e in record["events"]),
        pipeline_version=record["pipeline_version"],
    )


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


def _event_row(e: Event, analysis: Analysis) -> Row:
    window: tuple[date | None, date | None] = (analysis.published, analysis.published)
    for t in analysis.times:
        if e.time is not None and (t.start, t.end) == (e.time.start, e.time.end):
            window = t.interval
            break
    record = analysis_to_dict(Analysis(id="", text="", published=None, events=(e,)))["events"][0]
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
        "detail": {k: record[k] for k in ("actors", "recipients", "place", "time", "contexts")},
    }


def _record_row(item: Place | Actor) -> Row:
    return {k: getattr(item, k) for k in item.__dataclass_fields__}


def _time_row(t: TimeExpr) -> Row:
    row = {k: getattr(t, k) for k in ("start", "end", "text", "type", "value", "mod")}
    row["interval_start"], row["interval_end"] = t.interval
    return row


def derived_rows(
    analysis: Analysis, analysis_id: str, document_id: str, created_at: datetime
) -> dict[str, list[Row]]:
    """Rows per derived table, each with its provenance columns filled in."""
    rows: dict[str, list[Row]] = {
        "sentences": [{"start": s.start, "end": s.end} for s in analysis.sentences],
        "places": [_record_row(p) for p in analysis.places],
        "actors": [_record_row(a) for a in analysis.actors],
        "times": [_time_row(t) for t in analysis.times],
        "quotes": [_quote_row(q) for q in analysis.quotes],
        "events": [_event_row(e, analysis) for e in analysis.events],
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
