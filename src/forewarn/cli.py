"""The command line: each command is a few lines over library calls.

Errors from the library arrive as ForewarnError and leave as one line on
stderr with a non-zero exit code; progress bars are drawn here and only here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from forewarn import __version__
from forewarn.errors import ForewarnError

if TYPE_CHECKING:  # the store commands import their libraries when run, keeping start-up quick
    from forewarn.config import Settings
    from forewarn.ingest.run import IngestReport
    from forewarn.ingest.run import Progress as IngestProgress
    from forewarn.store import Store

app = typer.Typer(
    help="forewarn: evidence-linked early warning of armed conflict from the news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class Format(StrEnum):
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
    from forewarn.config import load_settings
    from forewarn.export.analysis_json import analysis_to_dict
    from forewarn.export.table import analysis_table
    from forewarn.ingest.inputs import read_inputs

    day = _parse_day(published)
    settings = load_settings()
    items, many = read_inputs(source, published=day, raw=raw, settings=settings)
    pipeline = default_pipeline(settings)  # after reading, so a bad input fails before the slow start-up
    out = Console()
    for analysis in pipeline.analyze_stream(items):
        if fmt is Format.table:
            out.print(analysis_table(analysis))
        else:
            typer.echo(_dump(analysis_to_dict(analysis), pretty=fmt is Format.json and not many))


# -- the store commands: ingest, documents, show, extract, demo ------------------

DbOption = Annotated[
    str | None, typer.Option("--db", help="Store: a SQLAlchemy URL or a SQLite path (default: settings).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The store as it was then (ISO date or time).")
]


@contextmanager
def _clean_errors() -> Iterator[None]:
    """Library errors end the command with one line on stderr and exit code 1."""
    from rich.text import Text  # messages hold paths and codes in brackets: never markup

    try:
        yield
    except ForewarnError as exc:
        err.print(Text.assemble(("error", "red"), f" {exc}"), highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc


def _open_store(db: str | None) -> tuple[Settings, Store]:
    from forewarn.config import load_settings
    from forewarn.store import open_store

    settings = load_settings(database_url=db)
    return settings, open_store(settings.database_url)


def _run_ingest(targets: list[str], settings: Settings, store: Store, analyze: bool) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from forewarn.ingest.run import ingest as run_ingest

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def step(p: IngestProgress) -> None:
            bar.update(task, completed=p.done, description=f"{p.status:>14} {p.where[-60:]}")

        return run_ingest(targets, settings, store, on_progress=step, analyze=analyze)


def _print_report(report: IngestReport, as_json: bool) -> None:
    from dataclasses import asdict

    from rich.text import Text

    from forewarn.cli_views import report_table

    if as_json:
        typer.echo(_dump(asdict(report), pretty=True))
    else:
        Console().print(report_table(report))
    for problem in report.problems:
        line = Text.assemble(("problem", "yellow"), f" {problem.where}: {problem.message}")
        err.print(line, highlight=False, soft_wrap=True)


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files, URLs or feed URLs.")],
    db: DbOption = None,
    no_analyze: Annotated[
        bool, typer.Option("--no-analyze", help="Store documents without analysing them.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest documents into the store. Exit code 2 when some inputs failed, 1 when all did."""
    with _clean_errors():
        settings, store = _open_store(db)
        try:
            report = _run_ingest(targets, settings, store, analyze=not no_analyze)
        except KeyboardInterrupt:
            err.print("interrupted: every document stored so far is complete; run again to go on")
            raise typer.Exit(130) from None
    _print_report(report, as_json)
    if report.failed:
        raise typer.Exit(1 if report.failed and not (report.stored or report.duplicate) else 2)


@app.command()
def documents(
    search: Annotated[
        str | None, typer.Option("--search", help="Only documents containing every word.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    as_of: AsOfOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, oldest first, or search their title and text."""
    from forewarn.cli_views import documents_table
    from forewarn.store.codec import document_to_dict

    moment = _parse_moment(as_of)
    with _clean_errors():
        _, store = _open_store(db)
        docs = store.list_documents(limit=limit, offset=offset, search=search, as_of=moment)
        total = store.count_documents(search=search, as_of=moment)
    if as_json:
        data = [document_to_dict(d.document, d.ingested_at, d.duplicate_of) for d in docs]
        typer.echo(_dump({"data": data, "count": total}, pretty=True))
    else:
        Console().print(documents_table(docs, total))


def _parse_moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO date or time: {value!r}") from exc
    if len(value) == 10:  # a bare date means the end of that day
        moment += timedelta(days=1) - timedelta(microseconds=1)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="A document id (or a unique prefix of one).")],
    version: Annotated[
        str | None, typer.Option("--pipeline-version", help="The analysis by this pipeline version.")
    ] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata, date and how it was found, text, and its analysis."""
    from forewarn.cli_views import document_view
    from forewarn.errors import NotFound
    from forewarn.export.analysis_json import analysis_to_dict
    from forewarn.store.codec import document_to_dict

    with _clean_errors():
        _, store = _open_store(db)
        moment = _parse_moment(as_of)
        stored = store.get_document(doc, as_of=moment)
        try:
            analysis = store.load_analysis(stored.document.id, version=version, as_of=moment)
        except NotFound:
            analysis = None
    if as_json:
        record = document_to_dict(stored.document, stored.ingested_at, stored.duplicate_of)
        payload = {"document": record, "analysis": None if analysis is None else analysis_to_dict(analysis)}
        typer.echo(_dump(payload, pretty=True))
    else:
        Console().print(document_view(stored, analysis))


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="An HTML file.")],
    url: Annotated[str, typer.Option("--url", help="The page's URL, for relative links and metadata.")] = "",
) -> None:
    """Print the main text extracted from an HTML page (boilerplate removed)."""
    from forewarn.errors import IngestError
    from forewarn.ingest.extract import extract_html

    with _clean_errors():
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise IngestError(f"cannot read: {exc.strerror}", where=str(file)) from exc
        extracted = extract_html(raw, url=url)
    typer.echo(extracted.text)


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest and analyse the bundled example corpus, then summarise what was found."""
    from forewarn.cli_views import demo_summary
    from forewarn.ingest.run import demo_targets

    with _clean_errors():
        settings, store = _open_store(db)
        report = _run_ingest(demo_targets(), settings, store, analyze=True)
        _print_report(report, as_json=False)
        Console().print(demo_summary(store))
    err.print(f"store: {store.url}", highlight=False)


def main() -> None:
    """Entry point: run the app, turning library errors into one line and exit code 1."""
    try:
        app()
    except ForewarnError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
