"""The ingest run: collect sources, de-duplicate, analyse and store, one document at a time.

Each document is stored together with its analysis in one transaction, so a
run killed at any point leaves only complete documents, and running it again
adds only what is missing (documents are keyed by their content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import httpx

from forewarn.errors import ForewarnError
from forewarn.ingest.collect import Fetched, Problem, collect
from forewarn.ingest.dedup import NearDuplicateIndex
from forewarn.model import Analysis, Document, TextInput

if TYPE_CHECKING:
    from forewarn.analyze.pipeline import Pipeline
    from forewarn.config import Settings
    from forewarn.store import Store

Status = Literal["new", "duplicate", "near-duplicate", "failed", "analysed"]


@dataclass(frozen=True)
class ProblemLine:
    where: str
    message: str


@dataclass(frozen=True)
class Progress:
    """What happened to one input, for a progress display."""

    where: str
    status: Status
    done: int  # steps so far in this run: inputs handled, then stored documents analysed


@dataclass(frozen=True)
class IngestReport:
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    analysed: int = 0  # analyses stored, including documents left unanalysed by an earlier run
    problems: tuple[ProblemLine, ...] = ()

    @property
    def stored(self) -> int:
        return self.new + self.near_duplicate


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[ProblemLine] = field(default_factory=list)

    def add(self, status: Status) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1

    def fail(self, where: str, error: Exception) -> None:
        self.add("failed")
        message = error.message if isinstance(error, ForewarnError) else f"{type(error).__name__}: {error}"
        self.problems.append(ProblemLine(where, message))

    def note(self, where: str, error: ForewarnError) -> None:
        """Something to report that is not a failure, such as a feed cut at its cap."""
        self.problems.append(ProblemLine(where, error.message))

    def report(self) -> IngestReport:
        c = self.counts
        return IngestReport(
            new=c.get("new", 0),
            duplicate=c.get("duplicate", 0),
            near_duplicate=c.get("near-duplicate", 0),
            failed=c.get("failed", 0),
            analysed=c.get("analysed", 0),
            problems=tuple(self.problems),
        )


def _is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def _analyse(pipeline: Pipeline, doc: Document) -> Analysis:
    published = doc.published.value or doc.published.latest
    return pipeline.analyze(TextInput(doc.id, doc.text, published))


@dataclass
class _Run:
    store: Store
    index: NearDuplicateIndex
    pipeline: Pipeline | None
    on_progress: Callable[[Progress], None] | None
    tally: _Tally = field(default_factory=_Tally)
    done: int = 0

    def step(self, where: str, status: Status) -> None:
        self.done += 1
        if self.on_progress is not None:
            self.on_progress(Progress(where, status, self.done))

    def item(self, item: Fetched | Problem) -> None:
        status: Status = "failed"
        if isinstance(item, Problem) and item.note:
            self.tally.note(item.where, item.error)
            return
        if isinstance(item, Problem):
            self.tally.fail(item.where, item.error)
        else:
            try:
                status = self.one(item)
                self.tally.add(status)
            except ForewarnError as exc:
                self.tally.fail(item.where, exc)
        self.step(item.where, status)

    def one(self, item: Fetched) -> Status:
        """Store one fetched document; returns what became of it."""
        doc, raw = item.document, item.raw
        # A feed's entries come from pages of their own; the document's source is the feed.
        kind = "feed" if item.where != doc.source and _is_url(doc.source) else None
        if self.store.find_by_hash(doc.content_hash) is not None:
            return self.store.add_document(
                doc, raw, source_kind=kind
            ).status  # records where it was seen again
        signature = self.index.signature(doc.text)
        earlier = self.index.find(doc.text)
        if earlier is not None:
            near = self.store.add_document(
                doc, raw, near_duplicate_of=earlier, signature=signature, source_kind=kind
            )
            return near.status
        analysis = self._analysis_or_none(doc, item.where)
        with self.store.transaction():
            result = self.store.add_document(doc, raw, signature=signature, source_kind=kind)
            if analysis is not None and result.status == "new":
                self.store.save_analysis(analysis)
                self.tally.add("analysed")
        self.index.add(doc.id, doc.text)
        return result.status

    def _analysis_or_none(self, doc: Document, where: str) -> Analysis | None:
        """The analysis, or None when there is no pipeline or it failed (the document is kept)."""
        if self.pipeline is None:
            return None
        try:
            return _analyse(self.pipeline, doc)
        except Exception as exc:  # an annotator bug must not lose the document or stop the batch
            self.tally.problems.append(ProblemLine(where, f"analysis failed: {type(exc).__name__}: {exc}"))
            return None

    def catch_up(self) -> None:
        """Analyse stored documents with no analysis by this pipeline version yet
        (stored with --no-analyze, or analysed by an older pipeline)."""
        if self.pipeline is None:
            return
        for doc in self.store.documents_needing_analysis(self.pipeline.version):
            where = doc.source or doc.id
            analysis = self._analysis_or_none(doc, where)
            if analysis is None:
                continue
            try:
                self.store.save_analysis(analysis)
            except ForewarnError as exc:
                self.tally.problems.append(ProblemLine(where, exc.message))
                continue
            self.tally.add("analysed")
            self.step(where, "analysed")


def load_index(store: Store, settings: Settings) -> NearDuplicateIndex:
    """The near-duplicate index over every first copy already stored."""
    return NearDuplicateIndex.from_signatures(
        store.near_duplicate_signatures(), threshold=settings.near_duplicate_threshold
    )


def ingest(
    targets: Iterable[str],
    settings: Settings,
    store: Store,
    pipeline: Pipeline | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    *,
    analyze: bool = True,
    client: httpx.Client | None = None,
) -> IngestReport:
    """Ingest files, folders, URLs and feeds into `store`; one bad input never stops the batch.

    With `analyze` (the default) new unique documents are analysed by `pipeline`
    (the default pipeline when None) and stored with their analysis.
    """
    if analyze and pipeline is None:
        from forewarn.analyze.pipeline import default_pipeline

        pipeline = default_pipeline(settings)
    run = _Run(store, load_index(store, settings), pipeline if analyze else None, on_progress)
    for item in collect(targets, settings, client):
        run.item(item)
    run.catch_up()
    return run.tally.report()


def demo_targets(corpus: Path | None = None) -> list[str]:
    """The bundled example corpus: the seed article and the open-licence JSON Lines files."""
    from forewarn.examples import CORPUS

    root = corpus or CORPUS
    return [str(root / "seed"), *(str(p) for p in sorted(root.glob("open-licence/*/documents.jsonl")))]
