"""Analysis speed and memory: `python bench/analyze.py [--warm N] [--articles N] [--stream N]`.

Times are CPU seconds of this process (time.process_time), so the figures
are per core and hold up when other work shares the machine.

Prints one table: words per second for spaCy's bare tokenizer, for each stage of
the pipeline and for the whole analysis, all on the same ~700-word news
articles in the same run, with ratios against the bare tokenizer; then
articles per second, start-up (knowledge loading) time, and peak memory
sampled along a long stream of articles to show it stays flat. The title says
which analysis core ran: the Python source (`make bench`) or the one compiled
by mypyc (`make bench-fast`, see setup.py).

The articles are real news (political news from several outlets) and ISW's
daily assessments, taken in turn, plus the example corpus; a second table
gives the whole analysis for each source. The figures are for a long run, which is what a backfill is: both the
pipeline and the bare tokenizer first see `--warm` articles untimed, then are
timed on `--articles` other articles, none of them seen before.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from itertools import cycle, islice

import spacy
from rich.console import Console
from rich.table import Table

from accuracy import eval_dir
from forewarn.analyze.pipeline import Pipeline, default_pipeline
from forewarn.examples import CORPUS
from forewarn.knowledge.gazetteer import load_gazetteer
from forewarn.model import Analysis, TextInput

WORDS_PER_ARTICLE = 700
BLOCK = 25  # articles timed together, first by the bare tokenizer, then by the pipeline


def news_sources(isw_words: int) -> dict[str, list[str]]:
    """News text to measure on, by source.

    The example corpus always; with the gold data present, political news
    articles (PolNeAR's training texts: several US outlets) and ISW's daily
    assessments, far denser in places and units than news. ISW pages are
    extracted only until they hold `isw_words` words.
    """
    corpus = [CORPUS.joinpath("seed", "atlas-belarus-northern-front.txt").read_text(encoding="utf-8")]
    for path in sorted(CORPUS.glob("open-licence/*/documents.jsonl")):
        corpus += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    gold = eval_dir()
    news = [p.read_text(encoding="utf-8") for p in sorted(gold.glob("quotes/PolNeAR/train/text/*.txt"))]
    isw: list[str] = []
    pages = sorted(gold.glob("backtest/isw-2022/*.html"))
    if pages:
        import trafilatura

        words = 0
        for page in pages:
            if words >= isw_words:
                break
            text = trafilatura.extract(page.read_text(encoding="utf-8", errors="replace"))
            if text:
                isw.append(text)
                words += len(text.split())
    return {"example corpus": corpus, "political news (PolNeAR)": news, "ISW assessments": isw}


def mixed_articles(sources: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    """Each distinct ~700-word article of every source once, taking from the sources in turn."""
    streams = {name: distinct_articles(texts) for name, texts in sources.items() if texts}
    while streams:
        for name, stream in list(streams.items()):
            article = next(stream, None)
            if article is None:
                del streams[name]
            else:
                yield name, article


def warmed(warm: int, measured: int) -> tuple[Pipeline, list[str]]:
    """The default pipeline after `warm` articles, and `measured` others it has not seen."""
    total = warm + measured
    texts = [t for _, t in islice(mixed_articles(news_sources(total * WORDS_PER_ARTICLE * 3 // 5)), total)]
    pipeline = default_pipeline()
    for text in texts[:warm]:
        pipeline.analyze(TextInput("warm", text))
    return pipeline, texts[warm:]


def distinct_articles(texts: list[str]) -> Iterator[str]:
    """Each ~700-word article of the source texts once."""
    seen: set[str] = set()
    for text in texts:
        for article in _cut(text):
            if article not in seen:
                seen.add(article)
                yield article


def articles(texts: list[str]) -> Iterator[str]:
    """An endless stream of ~700-word articles cut from the source texts."""
    for text in cycle(texts):
        yield from _cut(text)


def _cut(text: str) -> Iterator[str]:
    """~700-word articles cut from one text at paragraph ends; a short tail of under 350 words is dropped."""
    words = 0
    chunk: list[str] = []
    for paragraph in text.split("\n"):
        chunk.append(paragraph)
        words += len(paragraph.split())
        if words >= WORDS_PER_ARTICLE:
            yield "\n".join(chunk)
            chunk, words = [], 0
    if words >= WORDS_PER_ARTICLE // 2:
        yield "\n".join(chunk)


def _analyze_timed(pipeline: Pipeline, text: str, stage_seconds: dict[str, float]) -> float:
    """Analyse one article, adding each stage's CPU seconds to `stage_seconds`; the article's total."""
    t_article = t = time.process_time()
    ctx = pipeline.context(text, None)
    stage_seconds["tokens + sentences"] += time.process_time() - t
    analysis = Analysis(id="", text=text, published=None)
    for annotator in pipeline.annotators:
        t = time.process_time()
        analysis = annotator(ctx, analysis)
        stage_seconds[annotator.name] += time.process_time() - t
    return time.process_time() - t_article


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def core_build() -> str:
    """Which analysis core runs: compiled to C (`make fast`, see setup.py) or the Python source."""
    import forewarn.analyze.events

    return "Python" if forewarn.analyze.events.__file__.endswith(".py") else "compiled (mypyc)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warm", type=int, default=300, help="articles seen untimed first")
    parser.add_argument("--articles", type=int, default=300, help="articles timed per stage")
    parser.add_argument("--stream", type=int, default=10_000, help="articles streamed for the memory check")
    args = parser.parse_args()

    # About half the articles come from ISW; some text is cut off at the end of each page.
    sources = news_sources(isw_words=(args.warm + args.articles) * WORDS_PER_ARTICLE * 3 // 5)
    texts = [text for source in sources.values() for text in source]
    unique = list(islice(mixed_articles(sources), args.warm + args.articles))
    warm = [text for _, text in unique[: args.warm]]
    sample = [text for _, text in unique[args.warm :]]
    origin = [name for name, _ in unique[args.warm :]]
    if len(sample) < args.articles:
        sys.exit(f"only {len(unique)} distinct articles: lower --warm or --articles")
    words = sum(len(t.split()) for t in sample)

    started = time.perf_counter()
    load_gazetteer()
    gazetteer_seconds = time.perf_counter() - started
    pipeline = default_pipeline()
    load_seconds = time.perf_counter() - started

    bare = spacy.blank("en")
    for text in warm:
        bare.tokenizer(text)
        pipeline.analyze(TextInput("warm", text))
    # The articles are timed in blocks, the bare tokenizer on a block just before the
    # pipeline on the same block: a change in the machine's load weighs on both sides
    # of every ratio alike, and each runs in a loop of its own, as it would alone.
    tokenizer_seconds = total_seconds = 0.0
    stage_seconds = {"tokens + sentences": 0.0} | {a.name: 0.0 for a in pipeline.annotators}
    by_source = {name: 0.0 for name in sources}
    for first in range(0, len(sample), BLOCK):
        t = time.process_time()
        for text in sample[first : first + BLOCK]:
            bare.tokenizer(text)
        tokenizer_seconds += time.process_time() - t
        for i in range(first, min(first + BLOCK, len(sample))):
            seconds = _analyze_timed(pipeline, sample[i], stage_seconds)
            by_source[origin[i]] += seconds
            total_seconds += seconds

    table = Table(
        title=f"analysis speed: {len(sample)} articles, {words:,} words (~{words // len(sample)} each),"
        f" after {len(warm)} others untimed; analysis core: {core_build()}"
    )
    for column in ("what", "words/s", "articles/s", "x bare tokenizer time"):
        table.add_column(column, justify="right" if column != "what" else "left")
    table.add_row(
        "spaCy bare tokenizer",
        f"{words / tokenizer_seconds:,.0f}",
        f"{len(sample) / tokenizer_seconds:,.1f}",
        "1.00",
    )
    # Issue 3's bar is on places and actors together: a row after theirs.
    rows = list(stage_seconds.items())
    after_actors = [name for name, _ in rows].index("actors") + 1
    rows.insert(after_actors, ("places + actors", stage_seconds["places"] + stage_seconds["actors"]))
    for name, seconds in rows:
        table.add_row(
            name,
            f"{words / seconds:,.0f}",
            f"{len(sample) / seconds:,.1f}",
            f"{seconds / tokenizer_seconds:.2f}",
        )
    table.add_row(
        "[b]whole analysis[/b]",
        f"{words / total_seconds:,.0f}",
        f"[b]{len(sample) / total_seconds:,.1f}[/b]",
        f"{total_seconds / tokenizer_seconds:.2f}",
    )
    console = Console()
    console.print(table)
    per_source = Table(title="whole analysis by source of the timed articles")
    for column in ("source", "articles", "words each", "articles/s"):
        per_source.add_column(column, justify="right" if column != "source" else "left")
    for name, seconds in by_source.items():
        mine = [text for text, source in zip(sample, origin, strict=True) if source == name]
        if mine:
            per_source.add_row(
                name,
                f"{len(mine)}",
                f"~{sum(len(t.split()) for t in mine) // len(mine)}",
                f"{len(mine) / seconds:,.1f}",
            )
    console.print(per_source)
    console.print(f"gazetteer load: {gazetteer_seconds:.2f} s (wall clock)")
    console.print(
        f"pipeline start-up, gazetteer included (tokenizer, dictionaries, lexicons): {load_seconds:.2f} s"
    )

    memory = Table(title=f"memory over a stream of {args.stream:,} articles (analysed one at a time)")
    memory.add_column("articles analysed", justify="right")
    memory.add_column("resident MB", justify="right")
    checkpoints = {args.stream // 10, args.stream // 2, args.stream}
    stream = (TextInput(str(i), t) for i, t in enumerate(islice(articles(texts), args.stream)))
    for n, _ in enumerate(pipeline.analyze_stream(stream), start=1):
        if n in checkpoints:
            memory.add_row(f"{n:,}", f"{current_rss_mb():,.0f}")
    console.print(memory)
    console.print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
