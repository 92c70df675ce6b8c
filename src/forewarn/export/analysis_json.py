"""The public JSON shape of one analysis, exactly as docs/analysis.md describes it."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from forewarn.model import Analysis, Span, TimeExpr


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _time(time: TimeExpr) -> dict[str, Any]:
    out = asdict(time)
    out["interval"] = [_iso(time.interval[0]), _iso(time.interval[1])]
    return out


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Plain JSON-ready dict; field names and meanings are a public contract."""
    return {
        "id": analysis.id,
        "text": analysis.text,
        "published": _iso(analysis.published),
        "sentences": [_span(s) for s in analysis.sentences],
        "places": [asdict(p) for p in analysis.places],
        "actors": [asdict(a) for a in analysis.actors],
        "times": [_time(t) for t in analysis.times],
        "quotes": [
            {
                "source": _span(q.source),
                "speaker": q.speaker,
                "cue": _span(q.cue),
                "content": _span(q.content),
                "direct": q.direct,
                "forecast": None
                if q.forecast is None
                else {
                    "speaker": q.forecast.speaker,
                    "content": _span(q.forecast.content),
                    "time": _span(q.forecast.time),
                    "hedge": q.forecast.hedge,
                },
            }
            for q in analysis.quotes
        ],
        "events": [
            {
                "type": e.type,
                "mode": e.mode,
                "contexts": list(e.contexts),
                "modality": e.modality,
                "actors": [_span(s) for s in e.actors],
                "recipients": [_span(s) for s in e.recipients],
                "place": _span(e.place),
                "time": _span(e.time),
                "trigger": _span(e.trigger),
                "sentence": _span(e.sentence),
                "cameo": e.cameo,
                "acled": e.acled,
                "confidence": e.confidence,
                "indicators": list(e.indicators),
            }
            for e in analysis.events
        ],
        "pipeline_version": analysis.pipeline_version,
    }
