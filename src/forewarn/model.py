"""The domain records that flow through forewarn.

Every record is a frozen dataclass. Annotations never copy the text: they are
character offsets (Python string indices, end exclusive) into the one text of
the document they belong to, so provenance is always "document id + offsets".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

# -- ingest ---------------------------------------------------------------

DateMethod = Literal["metadata", "given", "inferred", "unknown"]


@dataclass(frozen=True)
class PublishedDate:
    """When a document was published, and how we know.

    `value` is the best single date (None when unknown); `earliest`/`latest`
    bound it. An inferred date is always a range with its evidence, never
    silently today's date.
    """

    value: date | None = None
    earliest: date | None = None
    latest: date | None = None
    method: DateMethod = "unknown"
    evidence: str = ""

    @classmethod
    def exact(cls, day: date, method: DateMethod = "metadata", evidence: str = "") -> PublishedDate:
        return cls(day, day, day, method, evidence)

    @property
    def known(self) -> bool:
        return self.value is not None or self.earliest is not None


@dataclass(frozen=True)
class Document:
    """One ingested article: its main text and metadata.

    `id` is derived from the content hash, so the same text ingested twice is
    the same document.
    """

    id: str
    text: str
    content_hash: str
    title: str = ""
    author: str = ""
    url: str = ""
    source: str = ""  # where it came from: a path, a URL, a feed URL
    language: str = ""
    published: PublishedDate = field(default_factory=PublishedDate)
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class TextInput:
    """One text to analyse: the JSON Lines form `{"id", "text", "published"}`."""

    id: str
    text: str
    published: date | None = None


# -- analysis -------------------------------------------------------------


@dataclass(frozen=True, init=False)
class Span:
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # The fields filled in the record's dict: the generated __init__ of a frozen dataclass sets
        # each through object.__setattr__, 0.45 µs more a span, and ~170 are built per article.
        fields = self.__dict__
        fields["start"], fields["end"] = start, end

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


PlaceLevel = Literal["feature", "city", "admin1", "country", "region"]


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str  # ISO 3166 alpha-2, "" when not in one country
    admin1: str
    level: PlaceLevel
    confidence: float
    kind: str = "toponym"  # "toponym", or "demonym" for a country adjective ("Belarusian" -> Belarus)


ActorType = Literal["person", "organisation", "state", "force", "nationality", "other"]


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    text: str
    name: str
    type: ActorType
    code: str  # PLOVER/CAMEO style: country (ISO alpha-3) + sector, e.g. UKRMIL
    country: str  # ISO 3166 alpha-3
    sector: str  # GOV, MIL, ...
    role: str


TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    type: TimeType
    value: str  # TIMEX3 value, e.g. "2023-02", "P3W", "PRESENT_REF"
    mod: str  # "" or START, MID, END, APPROX, BEFORE, AFTER, EARLIEST, LATEST, ...
    interval: tuple[date | None, date | None]  # concrete [start, end] a query can use; None = open


@dataclass(frozen=True)
class Forecast:
    """An expectation stated inside speech, kept for the assessment stage."""

    speaker: str
    content: Span
    time: Span | None
    hedge: str  # "possible", "likely", "as early as", "maybe later", "not imminent", ...


@dataclass(frozen=True)
class Quote:
    source: Span | None
    speaker: str
    cue: Span
    content: Span
    direct: bool
    forecast: Forecast | None = None


Modality = Literal[
    "asserted", "reported", "planned", "threatened", "hypothetical", "forecast", "negated", "historical"
]


@dataclass(frozen=True)
class Event:
    type: str  # PLOVER 2.0 event type, e.g. MOBILIZE
    mode: str
    contexts: tuple[str, ...]
    modality: Modality
    actors: tuple[Span, ...]
    recipients: tuple[Span, ...]
    place: Span | None
    time: Span | None
    trigger: Span
    sentence: Span
    cameo: str
    acled: str | None
    confidence: float
    # warning indicators for the assessment stage, e.g. "snap_inspection", "rail_transfer"
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis pipeline found in one text.

    Annotators fill it stage by stage with `dataclasses.replace`; all offsets
    index into `text`.
    """

    id: str
    text: str
    published: date | None
    sentences: tuple[Span, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    pipeline_version: str = ""
