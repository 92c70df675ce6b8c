"""One error tree for forewarn, one subclass per layer, each with a stable code.

The library raises these and never prints or exits; the CLI turns them into one
line and an exit code, the API into one JSON error shape.
"""

from __future__ import annotations


class ForewarnError(Exception):
    """Base of every error forewarn raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where  # the path, URL or document the error is about

    def __str__(self) -> str:
        prefix = f"[{self.code}] "
        return prefix + (f"{self.where}: {self.message}" if self.where else self.message)


class ConfigError(ForewarnError):
    code = "E100"


class IngestError(ForewarnError):
    """A source could not be read or turned into a document."""

    code = "E200"


class EmptyInput(IngestError):
    code = "E201"


class BinaryInput(IngestError):
    code = "E202"


class TooLarge(IngestError):
    code = "E203"


class FetchError(IngestError):
    """Network trouble: unreachable host, HTTP error, refused by robots.txt, wrong type."""

    code = "E210"


class FeedError(IngestError):
    code = "E220"


class ExtractionError(IngestError):
    """The input was read but held no main text."""

    code = "E230"


class AnalysisError(ForewarnError):
    code = "E300"


class PipelineError(AnalysisError):
    """Annotators declared in an order that cannot work."""

    code = "E301"


class StoreError(ForewarnError):
    code = "E400"


class NotFound(StoreError):
    code = "E404"


class AssessError(ForewarnError):
    code = "E500"
