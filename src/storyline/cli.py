"""The `storyline` command: a thin layer over the library that turns errors into lines and exit codes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline.errors import InputError, StorylineError

app = typer.Typer(
    help="storyline: news articles from many outlets in, cross-checked stories out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Measure storyline against human-annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = typer.Option(None, "--db", help="The store: a SQLite file path or sqlite:///path (default: storyline.db).")


def _date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD")
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a calendar date") from None
    return value


def _fail(error: StorylineError) -> None:
    err.print(Text("error: ", style="bold red") + Text(str(error)))


def _open(db: Optional[str]):
    from storyline.store.base import open_store

    try:
        return open_store(db)
    except StorylineError as exc:
        _fail(exc)
        raise typer.Exit(2) from None


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "", style="cyan")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), feeds, JSON Lines, URLs, or - for standard input."),
    db: Optional[str] = DbOption,
    published: Optional[str] = typer.Option(None, callback=_date, help="Publication date (YYYY-MM-DD) for every article given."),
    max_bytes: int = typer.Option(10 * 1024 * 1024, help="The largest single article accepted, in bytes."),
) -> None:
    """Read, clean, analyse and store articles.

    Re-ingesting unchanged input stores nothing; changed content at the same path is a new revision.
    Bad inputs are reported one line each and skipped; the exit status is 1 if any failed.

    Example: storyline ingest articles/ feed.xml --db news.db
    """
    from storyline.ingest.run import ingest as run_ingest

    store = _open(db)
    progress = Progress(
        SpinnerColumn(), TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed:,.0f} articles"),
        _RateColumn(), TimeElapsedColumn(), console=err, disable=not err.is_terminal,
    )
    task = progress.add_task("ingest", total=None)

    def on_result(source: str, outcome: str) -> None:
        progress.advance(task)

    with store, progress:
        report = run_ingest(paths, store, published=published, max_bytes=max_bytes, on_result=on_result)
        total = store.count()
    for warning in report.warnings:
        err.print(Text("warning: ", style="yellow") + Text(warning))
    for failure in report.failures:
        _fail(failure)
    linked = f", {report.entities} entities" if report.entities is not None else ""
    err.print(f"ingested: {report.summary()}; the store holds {total} articles{linked}")
    if report.stories is not None and report.stories.assigned:
        err.print(f"stories: {report.stories.summary()}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def articles(
    db: Optional[str] = DbOption,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet (case-insensitive)."),
    since: Optional[str] = typer.Option(None, callback=_date, help="Published on or after this date."),
    until: Optional[str] = typer.Option(None, callback=_date, help="Published on or before this date."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Full-text search over titles and text."),
    limit: int = typer.Option(50, help="At most this many (0 for all)."),
    format: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """List stored articles, newest first.

    Example: storyline articles --outlet Axios -q "air defense"
    """
    with _open(db) as store:
        try:
            rows = list(store.articles(outlet=outlet, since=since, until=until, query=search, limit=limit or None))
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(2) from None
    if format == "jsonl":
        for stored in rows:
            a = stored.article
            out.print(json.dumps({"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
                                  "sources": list(stored.sources)}, ensure_ascii=False), markup=False)
        return
    if not out.is_terminal:  # piped: one tab-separated line per article, nothing cut
        for stored in rows:
            a = stored.article
            fields = (a.id[:10], a.published or "-", a.outlet or "-", a.title or a.text[:60], stored.sources[-1] if stored.sources else "")
            sys.stdout.write("\t".join(" ".join(f.split()) for f in fields) + "\n")
        err.print(f"{len(rows)} articles")
        return
    table = Table(box=None)
    table.add_column("id", no_wrap=True, min_width=10)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, min_width=8, max_width=16, overflow="ellipsis")
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=60)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=40)
    for stored in rows:
        a = stored.article
        table.add_row(a.id[:10], a.published or "-", a.outlet or "-", a.title or a.text[:60], stored.sources[-1] if stored.sources else "")
    out.print(table)
    err.print(f"{len(rows)} articles")


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="An article ID or a unique prefix of one."),
    db: Optional[str] = DbOption,
    raw: bool = typer.Option(False, "--raw", help="Print the input as it was received instead."),
    format: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show one stored article: metadata and clean text (or --raw input).

    Example: storyline show 3beda4c9
    """
    from storyline.store.serialise import extract_record

    with _open(db) as store:
        try:
            stored = store.get(article_id)
            if raw:
                data, _media = store.raw(stored.article.id)
                sys.stdout.buffer.write(data)
                return
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(1) from None
    a = stored.article
    if format == "json":
        record = extract_record(stored.sources[-1] if stored.sources else a.source, a, dict(stored.analysis))
        record["sources"] = list(stored.sources)
        out.print(json.dumps(record, ensure_ascii=False, indent=2), markup=False)
        return
    for label, value in (("id", a.id), ("title", a.title), ("outlet", a.outlet), ("published", f"{a.published} ({a.published_source})" if a.published else None),
                         ("authors", ", ".join(a.authors) or None), ("language", a.language), ("url", a.url),
                         ("sources", ", ".join(stored.sources)), ("revision", str(stored.revision))):
        if value:
            out.print(Text(f"{label}: ", style="bold") + Text(value))
    for caption in a.captions:
        out.print(Text("caption: ", style="bold") + Text(f"{caption.text} [{caption.credit}]"))
    out.print()
    out.print(a.text, markup=False)


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Article files (or - for standard input)."),
    published: Optional[str] = typer.Option(None, callback=_date, help="Publication date (YYYY-MM-DD) for every file."),
    keep_text: bool = typer.Option(False, "--keep-text", help="Skip cleaning: text is the decoded input, so offsets index it."),
    format: str = typer.Option("jsonl", "--format", help="jsonl (one JSON object per input file)."),
) -> None:
    """Analyse files without storing anything; one JSON object per input file, in order.

    Example: storyline extract --published 2025-07-07 article.txt
    """
    from storyline.analyse import Context, analyse, default_stages
    from storyline.clean.article import build_article
    from storyline.ingest.readers import read_inputs
    from storyline.store.serialise import extract_record

    if format != "jsonl":
        raise typer.BadParameter(f"'{format}' is not a format extract writes; use jsonl", param_hint="--format")
    from storyline.analyse.dates.stage import share_calendars

    stages = default_stages()
    context = Context.current()
    records: list[tuple[str, object, object, StorylineError | None]] = []
    for path in files:
        for item in read_inputs([path]):
            name = item.source if not isinstance(item, StorylineError) and "#" in item.source else path
            if isinstance(item, StorylineError):
                records.append((path, None, None, item))
                continue
            try:
                article, results = analyse(build_article(item, published=published, keep_text=keep_text), stages, context)
                records.append((name, article, results, None))
            except StorylineError as exc:
                records.append((path, None, None, exc))
    analysed = share_calendars([(a, r) for _n, a, r, e in records if e is None], context)
    redated = iter(analysed)
    failed = False
    for name, article, results, error in records:
        if error is None:
            article, results = next(redated)
            record = extract_record(name, article, results)
        else:
            record, failed = extract_record(name, None, error=error), True
            _fail(error)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def _story_articles(store, story: str | None) -> list[str] | None:
    """The article IDs of a story (by ID, unique ID prefix, or the ID of a story merged into it)."""
    if story is None:
        return None
    from storyline.store.serialise import find_story

    return [a["id"] for a in find_story(store, story)["articles"]]


@app.command()
def entities(
    db: Optional[str] = DbOption,
    type: Optional[str] = typer.Option(None, "--type", help="Only this type: PERSON, ORG, GPE, NORP, LOC, ..."),
    story: Optional[str] = typer.Option(None, "--story", help="Only the entities of this story."),
    limit: int = typer.Option(50, help="At most this many (0 for all)."),
    format: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """List the people, organisations and places across the stored articles, most mentioned first.

    Example: storyline entities --type PERSON
    """
    with _open(db) as store:
        try:
            rows = store.entities(kind=type, articles=_story_articles(store, story), limit=limit or None)
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(1) from None
    if format == "jsonl" or not out.is_terminal:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table("name", "type", "mentions", "articles", "also written", "roles", box=None)
    for row in rows:
        table.add_row(row["name"], row["type"], str(row["mentions"]), str(row["articles"]), ", ".join(row["aliases"][:4]),
                      "; ".join(row["roles"][:2]))
    out.print(table)


@app.command()
def entity(
    name: str = typer.Argument(..., help="A name or alias, as `storyline entities` lists them."),
    db: Optional[str] = DbOption,
) -> None:
    """Everything storyline knows of one entity: other names, roles, articles, and dated events it is in.

    Example: storyline entity "Volodymyr Zelensky"
    """
    with _open(db) as store:
        try:
            found = store.entity(name)
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(1) from None
    out.print(Text(found["name"], style="bold") + Text(f"  {found['type']}"))
    if found["aliases"]:
        out.print(Text("also written: ", style="bold") + Text(", ".join(found["aliases"])))
    if found["roles"]:
        out.print(Text("roles: ", style="bold") + Text("; ".join(found["roles"])))
    for stored, mentions in found["articles"]:
        a = stored.article
        out.print(Text(f"\n{a.published or '-'}  {a.outlet or '-'}  {a.title or a.text[:60]}  ", style="bold")
                  + Text(f"[{a.id[:10]}, {mentions} mentions]"))
        analysis = dict(stored.analysis)
        spans = [(m["start"], m["end"]) for e in analysis.get("entities", []) if e["name"] == found["name"]
                 or e["name"] in found["aliases"] for m in e["mentions"]]
        for event in analysis.get("events", []):
            if any(event["start"] <= s < event["end"] for s, _e in spans):
                out.print(Text(f"  {event['date']}: ", style="cyan") + Text(" ".join(a.text[event["start"]:event["end"]].split())))


@app.command()
def quotes(
    db: Optional[str] = DbOption,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only quotes by this speaker (canonical name or alias)."),
    story: Optional[str] = typer.Option(None, "--story", help="Only the quotes of this story."),
    indirect: bool = typer.Option(False, "--indirect", help="Include reported speech, not only direct quotes."),
    format: str = typer.Option("text", "--format", help="text or jsonl."),
) -> None:
    """List who said what, with the article each quote comes from.

    Example: storyline quotes --speaker "Sean Parnell"
    """
    with _open(db) as store:
        try:
            canonical = {}  # an article's own spelling -> the store's name ("Tomas Ryel" -> "Tomas Reyl")
            for row in store.entities(kind="PERSON") + store.entities(kind="ORG"):
                canonical.update({alias: row["name"] for alias in row["aliases"]})
            names = None
            if speaker:
                found = store.entity(speaker)
                names = {found["name"].casefold(), *(a.casefold() for a in found["aliases"])}
            wanted = _story_articles(store, story)
            rows = []
            for stored in store.articles(limit=None):
                if wanted is not None and stored.article.id not in wanted:
                    continue
                for quote in dict(stored.analysis).get("quotes", []):
                    who = (quote.get("speaker") or {}).get("name")
                    who = canonical.get(who, who)
                    if (quote["direct"] or indirect) and (names is None or (who or "").casefold() in names):
                        rows.append((stored, quote))
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(1) from None
    for stored, quote in rows:
        a = stored.article
        who = (quote.get("speaker") or {}).get("name")
        who = canonical.get(who, who) or "unknown"
        if format == "jsonl" or not out.is_terminal:
            sys.stdout.write(json.dumps({"speaker": who, "text": quote["text"], "direct": quote["direct"],
                                         "article": a.id, "outlet": a.outlet, "published": a.published}, ensure_ascii=False) + "\n")
        else:
            out.print(Text(f"{who}: ", style="bold") + Text(" ".join(quote["text"].split()))
                      + Text(f"  [{a.outlet or '-'}, {a.published or '-'}, {a.id[:10]}]", style="dim"))
    err.print(f"{len(rows)} quotes")


@app.command()
def stories(
    db: Optional[str] = DbOption,
    limit: int = typer.Option(30, help="At most this many (0 for all)."),
    format: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """List the stories, newest first: title, dates, articles, independent sources and outlets.

    Independent sources count copies (syndicated or republished text) once.

    Example: storyline stories --limit 10
    """
    from storyline.store.serialise import story_summaries

    if format not in ("table", "jsonl"):
        raise typer.BadParameter(f"'{format}' is not table or jsonl", param_hint="--format")
    with _open(db) as store:
        rows = story_summaries(store, limit=limit or None)
    if format == "jsonl":
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        return
    lines = [(row["id"], row["dates"] or "-", str(row["articles"]), str(row["sources"]), ", ".join(row["outlets"]) or "-",
              row["title"] or "-") for row in rows]
    if not out.is_terminal:  # piped: one tab-separated line per story, nothing cut
        for fields in lines:
            sys.stdout.write("\t".join(" ".join(f.split()) for f in fields) + "\n")
        return
    table = Table("story", "dates", "articles", "sources", "outlets", "title", box=None)
    for fields in lines:
        table.add_row(*fields)
    out.print(table)
    err.print(f"{len(rows)} stories")


@app.command()
def story(
    story_id: str = typer.Argument(..., metavar="ID", help="A story ID (or unique prefix), as `storyline stories` lists."),
    db: Optional[str] = DbOption,
    format: str = typer.Option("text", "--format", help="text (articles, copies folded), md or html (the dossier) or json."),
) -> None:
    """Show one story: its articles, earliest first, with copies folded under their original; with
    --format md, html or json, its dossier too (summary, timeline, quotes, claims, every line cited).

    Example: storyline story s-3f2a9c0d81b2 --format md > story.md
    """
    from storyline.dossier.render import render_html, render_markdown
    from storyline.store.serialise import find_story, story_record

    if format not in ("text", "md", "html", "json"):
        raise typer.BadParameter(f"'{format}' is not text, md, html or json", param_hint="--format")
    with _open(db) as store:
        try:
            record = story_record(store, find_story(store, story_id))
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(1) from None
    if format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=1))
        return
    if format in ("md", "html"):
        sys.stdout.write(render_markdown(record) if format == "md" else render_html(record))
        return
    out.print(Text(record["title"] or "(untitled)", style="bold"))
    out.print(f"{record['id']} · {record['dates'] or 'undated'} · {len(record['articles'])} articles · "
              f"{record['sources']} independent sources")
    if record["merged"]:
        out.print(f"merged from: {', '.join(record['merged'])}")
    for original in record["originals"]:
        out.print(f"  {original['published'] or '----------'}  {original['id'][:12]}  {original['outlet'] or '-'}: {original['title'] or '-'}")
        for copy in original["copies"]:
            out.print(f"      copy {copy['published'] or '----------'}  {copy['id'][:12]}  {copy['outlet'] or '-'}: {copy['title'] or '-'}")


@app.command()
def export(
    db: Optional[str] = DbOption,
    format: str = typer.Option("json", "--format", help="json: the whole store as one JSON document."),
) -> None:
    """Write the store's stories as one JSON document on standard output.

    Example: storyline export --format json > stories.json
    """
    from storyline.store.serialise import export_stories

    if format != "json":
        raise typer.BadParameter(f"'{format}' is not an export format; use json", param_hint="--format")
    with _open(db) as store:
        stories = list(export_stories(store))
    json.dump({"stories": stories}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@app.command()
def reanalyze(db: Optional[str] = DbOption) -> None:
    """Recompute every analysis stage for every stored article (after the analysis changed).

    Example: storyline reanalyze --db news.db
    """
    from dataclasses import replace

    from storyline.analyse import Context, analyse, default_stages

    stages = default_stages()
    context = Context.current()
    with _open(db) as store:
        done = 0
        for stored in store.articles():
            article = stored.article
            if article.published_source == "inferred":
                article = replace(article, published=None, published_source=None, published_confidence=None)
            article, results = analyse(article, stages, context)
            store.set_analysis(article, results)
            done += 1
        linked = store.relink_entities()
    names = ", ".join(name for name, _ in stages) or "none yet"
    err.print(f"reanalysed {done} articles (stages: {names}); {linked} entities across articles")


@eval_app.command("html")
def eval_html(
    directory: Path = typer.Argument(Path("../shared/eval/html/article-extraction-benchmark"), help="The benchmark folder (html/*.html.gz and ground-truth.json)."),
    baseline: bool = typer.Option(True, help="Also score trafilatura's bare output in the same run."),
) -> None:
    """Score body extraction on the article-extraction benchmark (word-4-gram F1, its own metric).

    Example: storyline eval html ../shared/eval/html/article-extraction-benchmark
    """
    from storyline.evaluate.html import evaluate_html

    try:
        results = evaluate_html(directory, baseline=baseline)
    except StorylineError as exc:
        _fail(exc)
        raise typer.Exit(2) from None
    table = Table("system", "pages", "F1", "precision", "recall", "accuracy", "pages/s", box=None)
    for name, score in results.items():
        table.add_row(name, str(score.documents), f"{score.f1:.4f}", f"{score.precision:.4f}", f"{score.recall:.4f}",
                      f"{score.accuracy:.3f}", f"{score.rate:.1f}")
    out.print(table)


@eval_app.command("entities")
def eval_entities(
    directory: Path = typer.Argument(Path("../shared/eval/stories/ecbplus"), help="The ECB+ folder (ECB+/ and ECBplus_coreference_sentences.csv)."),
    split: str = typer.Option("both", help="dev, train or both (dev topics: 2 5 12 18 21 23 34 35)."),
) -> None:
    """Score cross-document entity coreference on ECB+ named gold mentions (MUC, B3, CEAF-e, CoNLL F1),
    beside a same-head-word baseline, and named-mention detection.

    Example: storyline eval entities ../shared/eval/stories/ecbplus --split dev
    """
    from storyline.analyse import Context
    from storyline.evaluate.ecbplus import DEV_TOPICS, read_corpus
    from storyline.evaluate.entities import evaluate_entities, validated_sentences

    splits = {"dev": [("dev", DEV_TOPICS)], "train": [("train", None)], "both": [("dev", DEV_TOPICS), ("train", None)]}
    if split not in splits:
        raise typer.BadParameter(f"'{split}' is not dev, train or both", param_hint="--split")
    nlp = Context.current().nlp
    validated = validated_sentences(directory / "ECBplus_coreference_sentences.csv")
    table = Table("split", "system", "mentions", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL F1", box=None)
    for name, topics in splits[split]:
        try:
            documents = read_corpus(directory / "ECB+", topics)
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(2) from None
        if topics is None:
            documents = [d for d in documents if d.topic not in DEV_TOPICS]
        result = evaluate_entities(documents, nlp, validated)
        for system, score in (("storyline", result.storyline), ("same head word", result.baseline)):
            table.add_row(name, system, str(score.mentions), *(f"{v * 100:.1f}" for v in (score.muc.f1, score.b_cubed.f1, score.ceaf_e.f1, score.conll_f1)))
        err.print(f"{name}: {result.documents} documents; named-mention detection P {result.detection_precision * 100:.1f}"
                  f" R {result.detection_recall * 100:.1f} F1 {result.detection_f1 * 100:.1f} (same extent)")
    out.print(table)


@eval_app.command("stories")
def eval_stories(
    directory: Path = typer.Argument(Path("../shared/eval/stories/ecbplus"), help="The ECB+ folder (ECB+/<topic>/*.xml)."),
    split: str = typer.Option("both", help="dev, train or both (dev topics: 2 5 12 18 21 23 34 35)."),
    shuffles: int = typer.Option(5, min=1, help="How many random article orders to score (mean and spread)."),
    through_store: bool = typer.Option(False, help="Also ingest the documents as .txt files into a new store and score what `storyline export` gives."),
) -> None:
    """Score story clustering on ECB+ (story = subtopic): B3 P/R/F1, pairwise F1, ARI and the
    similar-event merge rate, over shuffled orders, beside an online TF-IDF centroid baseline.
    With --through-store, one more row: the documents through `storyline ingest` and `storyline export`
    (file-name order, one batch), the path held-back topics are scored on.

    Example: storyline eval stories ../shared/eval/stories/ecbplus --split dev --shuffles 5 --through-store
    """
    from storyline.evaluate.stories import analysed_inputs, evaluate_stories, evaluate_through_store, summarise

    table = Table("split", "system", "docs", "B3 P", "B3 R", "B3 F1", "pairwise F1", "ARI", "merge rate", "stories", box=None)
    for name, documents in _ecbplus_splits(directory, split):
        with Progress(TextColumn(f"analysing {name}"), BarColumn(), TextColumn("{task.completed}/{task.total}"), _RateColumn(),
                      console=err, disable=not err.is_terminal) as progress:
            task = progress.add_task(name, total=len(documents))
            inputs = analysed_inputs(documents, lambda n: progress.advance(task, n))
        result = evaluate_stories(documents, inputs, shuffles)
        for system, scores in (("storyline", result.storyline), ("TF-IDF centroid", result.baseline)):
            m = summarise(scores)
            table.add_row(name, system, str(result.documents),
                          *(f"{m[f][0]:.3f}±{m[f][1]:.3f}" for f in ("b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "merge_rate")),
                          f"{m['stories'][0]:.0f}")
        err.print(f"{name}: {result.documents} documents, {result.subtopics} gold stories, {shuffles} shuffles; "
                  f"assignment {result.seconds / (result.documents * shuffles) * 1000:.2f} ms per article")
        if through_store:
            with Progress(TextColumn(f"ingesting {name}"), BarColumn(), TextColumn("{task.completed}/{task.total}"), _RateColumn(),
                          console=err, disable=not err.is_terminal) as progress:
                task = progress.add_task(name, total=len(documents))
                stored = evaluate_through_store(documents, lambda n: progress.advance(task, n))
            table.add_row(name, "storyline, ingest + export", str(result.documents),
                          *(f"{getattr(stored, f):.3f}" for f in ("b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "merge_rate")),
                          str(stored.stories))
    out.print(table)


def _ecbplus_splits(directory: Path, split: str):
    """(split name, its ECB+ documents) for ``--split`` dev, train or both; exits 2 on a bad split or folder."""
    from storyline.evaluate.ecbplus import DEV_TOPICS, read_corpus

    names = {"dev": ["dev"], "train": ["train"], "both": ["dev", "train"]}.get(split)
    if names is None:
        raise typer.BadParameter(f"'{split}' is not dev, train or both", param_hint="--split")
    try:
        corpus = read_corpus(directory / "ECB+")
    except StorylineError as exc:
        _fail(exc)
        raise typer.Exit(2) from None
    return [(name, [d for d in corpus if (d.topic in DEV_TOPICS) == (name == "dev")]) for name in names]


@eval_app.command("dossier")
def eval_dossier(
    directory: Path = typer.Argument(Path("../shared/eval/stories/ecbplus"), help="The ECB+ folder (ECB+/ and ECBplus_coreference_sentences.csv)."),
    split: str = typer.Option("dev", help="dev, train or both (dev topics: 2 5 12 18 21 23 34 35)."),
) -> None:
    """Score cross-article event merging in the dossier on ECB+: over pairs of validated sentences
    from different documents of one story, P/R/F1 of "one timeline entry or claim cites both" against
    "they share a gold cross-document event chain", beside a lexical (word Jaccard) baseline.

    Example: storyline eval dossier ../shared/eval/stories/ecbplus --split dev
    """
    from storyline.evaluate.dossier import BASELINE_JACCARD, evaluate_dossier
    from storyline.evaluate.ecbplus import analyse_documents
    from storyline.evaluate.entities import validated_sentences

    validated = validated_sentences(directory / "ECBplus_coreference_sentences.csv")
    table = Table("split", "system", "stories", "sentences", "pairs", "precision", "recall", "F1", box=None)
    for name, documents in _ecbplus_splits(directory, split):
        result = evaluate_dossier(documents, analyse_documents(documents), validated)
        for system, score in (("storyline", result.storyline), (f"word Jaccard ≥ {BASELINE_JACCARD}", result.baseline)):
            table.add_row(name, system, str(result.stories), str(result.sentences), str(result.pairs),
                          f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
        err.print(f"{name}: dossiers built in {result.seconds:.1f} s")
    out.print(table)


@eval_app.command("copies")
def eval_copies(
    directory: Path = typer.Argument(Path("../shared/eval/quotes/polnear/data/train/text"), help="A folder of real article texts (*.txt)."),
    seeds: int = typer.Option(3, min=1, help="How many random test sets (edits and orders) to score."),
) -> None:
    """Score copy detection on real articles with injected edits (sentences dropped, paragraphs moved,
    site junk added, headline replaced): pair precision, recall and F1.

    Example: storyline eval copies ../shared/eval/quotes/polnear/data/train/text --seeds 3
    """
    from storyline.evaluate.copies import copy_test_set, evaluate_copies

    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
    if not texts:
        _fail(StorylineError(str(directory), "holds no .txt articles"))
        raise typer.Exit(2)
    table = Table("seed", "texts", "gold pairs", "found pairs", "precision", "recall", "F1", "ms/text", box=None)
    for seed in range(seeds):
        result = evaluate_copies(copy_test_set(texts, seed), seed)
        table.add_row(str(seed), str(result.texts), str(result.gold_pairs), str(result.predicted_pairs),
                      f"{result.precision:.4f}", f"{result.recall:.4f}", f"{result.f1:.4f}",
                      f"{result.seconds / result.texts * 1000:.2f}")
    out.print(table)


@eval_app.command("quotes")
def eval_quotes(
    directory: Path = typer.Argument(Path("../shared/eval/quotes/polnear"), help="The PolNeAR folder (data/metadata.tsv, data/SPLIT/...)."),
    split: str = typer.Option("dev", help="dev or train (first annotator)."),
    baseline: bool = typer.Option(True, help="Also score textacy's direct_quotations (dev dependency) in the same run."),
) -> None:
    """Score attributions on PolNeAR: exact and overlap P/R/F1 for source, cue and content, quote F1 at
    30% and 80% coverage, and speaker accuracy, beside textacy's direct_quotations.

    Example: storyline eval quotes ../shared/eval/quotes/polnear --split dev
    """
    import importlib.util

    from storyline.analyse import Context
    from storyline.evaluate.quotes import evaluate_quotes, read_polnear, storyline_system, textacy_system

    try:
        documents = read_polnear(directory, split)
    except StorylineError as exc:
        _fail(exc)
        raise typer.Exit(2) from None
    nlp = Context.current().nlp
    systems = [("storyline", storyline_system(nlp))]
    if baseline:
        if importlib.util.find_spec("textacy") is None:
            err.print("textacy is not installed: the baseline is skipped (pip install textacy)")
        else:
            systems.append(("textacy", textacy_system(nlp)))
    table = Table("system", "measure", "source F1", "cue F1", "content F1", box=None)
    quotes = Table("system", "gold quotes", "quote F1 (30%)", "quote F1 (80%)", "P (80%)", "R (80%)", "speaker acc", "docs/s", box=None)
    for name, system in systems:
        score = evaluate_quotes(documents, system)
        for measure in ("exact", "overlap"):
            parts = getattr(score, measure)
            table.add_row(name, measure, *(f"{parts[c].f1 * 100:.1f}" for c in ("source", "cue", "content")))
        quotes.add_row(name, str(score.gold_quotes), f"{score.quotes30.f1 * 100:.1f}", f"{score.quotes80.f1 * 100:.1f}",
                       f"{score.quotes80.precision * 100:.1f}", f"{score.quotes80.recall * 100:.1f}",
                       f"{score.speaker_accuracy * 100:.1f}", f"{score.documents / score.seconds:.1f}" if score.seconds else "-")
    out.print(table)
    out.print(quotes)


@eval_app.command("speakers")
def eval_speakers(
    directory: Path = typer.Argument(Path("../shared/eval/quotes/polnear"), help="The PolNeAR folder (data/metadata.tsv, data/SPLIT/...)."),
    split: str = typer.Option("both", help="dev (looked at while tuning), train (held out) or both."),
) -> None:
    """Score resolved speaker names: on 100 PolNeAR quotes per split labelled with who said them
    (pronouns, titles and descriptions included), the share whose quote storyline finds with that name.

    Example: storyline eval speakers ../shared/eval/quotes/polnear
    """
    from storyline.analyse import Context
    from storyline.evaluate.quotes import evaluate_speakers

    if split not in ("dev", "train", "both"):
        _fail(InputError(split, "is not a split", "give dev, train or both"))
        raise typer.Exit(2)
    table = Table("split", "labelled quotes", "found", "right name", "accuracy (found)", "accuracy (all)", "docs/s", box=None)
    for name in ("dev", "train") if split == "both" else (split,):
        try:
            score = evaluate_speakers(directory, Context.current(), name)
        except StorylineError as exc:
            _fail(exc)
            raise typer.Exit(2) from None
        table.add_row(name, str(score.labelled), str(score.found), str(score.right),
                      f"{score.right / score.found * 100:.1f}" if score.found else "-", f"{score.right / score.labelled * 100:.1f}",
                      f"{score.documents / score.seconds:.1f}" if score.seconds else "-")
    out.print(table)


@eval_app.command("timex")
def eval_timex(
    gold_dir: Path = typer.Argument(Path("../shared/eval/timex/tempeval3/TBAQ-cleaned"), help="A folder of TimeML .tml files (sub-folders are scored apart too)."),
) -> None:
    """Score time-expression tagging on TimeML files (TempEval-3 task A metrics, creation time as anchor).

    Example: storyline eval timex ../shared/eval/timex/tempeval3/TBAQ-cleaned
    """
    from datetime import date

    from storyline.analyse.dates import find_timexes
    from storyline.evaluate.timex import evaluate_timex, read_corpus

    def tagger(text: str, dct: str):
        return [(t.start, t.end, t.type, t.value) for t in find_timexes(text, date.fromisoformat(dct))]

    try:
        parts = [(p.name, read_corpus(p)) for p in sorted(gold_dir.iterdir()) if p.is_dir() and any(p.rglob("*.tml"))]
        whole = read_corpus(gold_dir)
    except (StorylineError, OSError) as exc:
        _fail(exc if isinstance(exc, StorylineError) else StorylineError(str(gold_dir), str(exc)))
        raise typer.Exit(2) from None
    table = Table("corpus", "docs", "timexes", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
                  "type acc", "type F1", "value acc", "value F1", "docs/s", box=None)
    for name, documents in parts + [("all", whole)]:
        score = evaluate_timex(documents, tagger)
        table.add_row(name, str(score.documents), str(score.gold), *(f"{v * 100:.2f}" for v in (
            score.strict.precision, score.strict.recall, score.strict.f1, score.relaxed.precision, score.relaxed.recall,
            score.relaxed.f1, score.type_accuracy, score.type_f1, score.value_accuracy, score.value_f1)), f"{score.documents_per_second:.0f}")
    out.print(table)


@eval_app.command("published")
def eval_published(
    shared: Path = typer.Argument(Path("../shared"), help="The shared folder holding eval/timex and eval/quotes."),
    lag: list[int] = typer.Option([1, 30, 365], "--lag", help="Days between publication and ingestion (repeatable)."),
) -> None:
    """Score publication-date inference on articles whose date is known (TBAQ creation times, PolNeAR
    metadata), each dated from its text alone as if ingested --lag days after it came out.

    Example: storyline eval published ../shared --lag 1
    """
    from storyline.evaluate.published import evaluate_published, polnear_articles, tbaq_articles

    try:
        corpora = [("TBAQ", tbaq_articles(shared / "eval" / "timex" / "tempeval3" / "TBAQ-cleaned")),
                   ("PolNeAR", polnear_articles(shared / "eval" / "quotes" / "polnear"))]
    except (StorylineError, OSError) as exc:
        _fail(exc if isinstance(exc, StorylineError) else StorylineError(str(shared), str(exc)))
        raise typer.Exit(2) from None
    table = Table("corpus", "lag (days)", "articles", "dated", "exact", "within 7 days", "right year", "articles/s", box=None)
    for name, articles in corpora:
        for days in lag:
            score = evaluate_published(articles, days)
            table.add_row(name, str(days), str(score.articles), str(score.answered), str(score.exact), str(score.within_week),
                          str(score.right_year), f"{score.articles / score.seconds:.0f}" if score.seconds else "-")
    out.print(table)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
