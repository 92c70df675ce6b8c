"""The command line: each command is a few lines over library calls.

Errors from the library arrive as ForewarnError and leave as one line on
stderr with a non-zero exit code; progress bars are drawn here and only here.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from forewarn import __version__
from forewarn.errors import ForewarnError

app = typer.Typer(
    help="forewarn: evidence-linked early warning of armed conflict from the news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"forewarn {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """forewarn: evidence-linked early warning of armed conflict from the news."""


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from exc


def _dump(obj: Any, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


@app.command()
def analyze(
    source: Annotated[
        str, typer.Argument(help="A document file, a .jsonl file of {id, text, published}, or - for stdin.")
    ] = "-",
    fmt: Annotated[Format, typer.Option("--format", help="json, jsonl or table.")] = Format.json,
    published: Annotated[str | None, typer.Option(help="Document creation date, YYYY-MM-DD.")] = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="Analyse the text exactly as given (offsets index the input).")
    ] = False,
) -> None:
    """Analyse one document (or a JSON Lines stream) and print the analysis."""
    from forewarn.analyze.pipeline import default_pipeline
    from forewarn.ingest.inputs import read_inputs
    from forewarn.export.analysis_json import analysis_to_dict
    from forewarn.export.table import analysis_table

    day = _parse_day(published)
    pipeline = default_pipeline()
    items, many = read_inputs(source, published=day, raw=raw)
    out = Console()
    for analysis in pipeline.analyze_stream(items):
        if fmt is Format.table:
            out.print(analysis_table(analysis))
        else:
            typer.echo(_dump(analysis_to_dict(analysis), pretty=fmt is Format.json and not many))


def main() -> None:
    """Entry point: run the app, turning library errors into one line and exit code 1."""
    try:
        app()
    except ForewarnError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
