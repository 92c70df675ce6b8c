"""Pure analysis: text in, an `Analysis` out. No I/O happens here."""

from forewarn.analyze.pipeline import Context, Pipeline, default_pipeline

__all__ = ["Context", "Pipeline", "default_pipeline"]
