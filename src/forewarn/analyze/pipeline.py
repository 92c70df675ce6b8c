"""The analysis pipeline: annotators run in order over one shared tokenisation.

Like a spaCy pipeline, each annotator declares the `Analysis` fields it
requires and those it assigns, and the order is checked when the pipeline is
built, not when it first fails on a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from forewarn.errors import PipelineError
from forewarn.model import Analysis, TextInput

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from forewarn.analyze.token_view import TokenView
    from forewarn.analyze.tokens import RememberingTokenizer
    from forewarn.config import Settings

# Bump when any annotator's output changes; stored with every analysis row so
# results of different pipeline versions are never mixed up.
PIPELINE_VERSION = "1"


@dataclass(frozen=True)
class Context:
    """What every annotator may read besides the analysis so far."""

    text: str
    published: date | None
    tokens: TokenView = field(repr=False, compare=False)
    """The text's tokens and sentences as plain lists (offsets, strings), shared by all annotators."""

    @property
    def doc(self) -> Doc:
        """The same tokens and sentences as a spaCy Doc, built on first use (for annotators of your own)."""
        return self.tokens.doc


class Annotator(Protocol):
    """A stage: reads `requires` fields of the analysis, returns it with `assigns` filled."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, ctx: Context, analysis: Analysis) -> Analysis: ...


class Pipeline:
    def __init__(self, annotators: Sequence[Annotator]) -> None:
        assigned: set[str] = set()
        for annotator in annotators:
            missing = set(annotator.requires) - assigned
            if missing:
                raise PipelineError(
                    f"annotator {annotator.name!r} requires {sorted(missing)}, which no earlier annotator assigns"
                )
            assigned.update(annotator.assigns)
        from forewarn.analyze.tokens import build_nlp, remembering_tokenizer

        self.nlp: Language = build_nlp()
        self.tokenizer: RememberingTokenizer = remembering_tokenizer(self.nlp)
        self.annotators = tuple(annotators)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.annotators)

    @property
    def version(self) -> str:
        return f"{PIPELINE_VERSION}:{'+'.join(self.names)}"

    def context(self, text: str, published: date | None) -> Context:
        """What the annotators read: the text tokenized once, without building a spaCy Doc."""
        return Context(text, published, self.tokenizer.view(text))

    def analyze(self, item: TextInput) -> Analysis:
        ctx = self.context(item.text, item.published)
        analysis = Analysis(
            id=item.id, text=item.text, published=item.published, pipeline_version=self.version
        )
        for annotator in self.annotators:
            analysis = annotator(ctx, analysis)
        return analysis

    def analyze_stream(self, items: Iterable[TextInput]) -> Iterator[Analysis]:
        """Analyse lazily, one text at a time, so memory stays flat on any stream."""
        for item in items:
            yield self.analyze(item)


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """Every annotator forewarn has, in dependency order."""
    from forewarn.analyze.actors import Actors
    from forewarn.analyze.events import Events
    from forewarn.analyze.places import Places
    from forewarn.analyze.quotes import Quotes
    from forewarn.analyze.sentences import Sentences
    from forewarn.analyze.times import Times

    annotators: list[Annotator] = [Sentences(), Places(), Actors(settings), Times(), Quotes(), Events()]
    return Pipeline(annotators)
