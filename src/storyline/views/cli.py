"""The ``storyline`` command line: build a store from articles, look at it, export it, measure it."""
from __future__ import annotations

import importlib
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..store import DEFAULT_DB, StoreError, open_store, postgres_url

EXIT_REJECTED = 3

app = typer.Typer(
    help="Storyline: overlapping news reports in, one structured, sourced account of the story out.\n\n"
    "Start with:  storyline build ARTICLES_FOLDER  then  storyline export --format json -o story.json",
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option(
    "--db", help="The store: an SQLite file (created if missing), or a PostgreSQL URL "
                 "(postgresql://user@host/dbname) where one machine is not enough.")]


def _open(db: str, must_exist: bool = False):
    if not db.strip():
        err.print("[red]error:[/] --db is empty: name an SQLite file or a PostgreSQL URL")
        raise typer.Exit(2)
    if must_exist and postgres_url(db) is None and not Path(db).exists():
        err.print(f"[red]error:[/] no store at {_escape(db)}; run [bold]storyline build PATH --db {_escape(db)}[/] first")
        raise typer.Exit(1)
    try:
        store = open_store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {_escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    if hasattr(store, "on_wait"):
        store.on_wait = lambda message: err.print(f"[yellow]waiting[/] {_escape(message)}", soft_wrap=True)
    return store


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of articles (folders are read recursively).")],
    db: DbOption = DEFAULT_DB,
    annotate: Annotated[bool, typer.Option(help="Run the language analysis (entities, dates, quotes, events).")] = True,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch; each batch is stored in one transaction.")] = 64,
    engine: Annotated[Engine, typer.Option(help="Where annotation (nearly all the cost) runs: local (this process, the default) or ray (a pool of Ray workers, on this machine or a cluster). Reading, cleaning, dedup and the store stay here either way.")] = Engine.local,
    workers: Annotated[Optional[int], typer.Option(min=1, help="--engine ray: annotating workers, one CPU each (default: every CPU Ray sees).")] = None,
    ray_address: Annotated[Optional[str], typer.Option(help="--engine ray: an existing Ray cluster (auto, or ray://HOST:10001); every node needs storyline installed. Default: start a local Ray for this build.")] = None,
) -> None:
    """Ingest articles into the store and run every analysis stage.

    Reads .txt, .html/.htm, .jsonl/.json and .csv records (fields id, text or html, title, url, outlet,
    author, published), .warc web archives, and .gz of any of them. Cleans each article, finds
    near-duplicates, annotates, and groups articles into stories. Re-running on the same inputs adds
    nothing; new inputs are added. Bad files or records are reported with file, line and reason, the
    rest goes on, and the exit status is 3.

    Example: storyline build ../shared/examples/afghan-talks --db storyline.db

    Engines: annotation is nearly all the cost. The default (local) annotates in this process, about
    13 news articles/s on one core (some 45,000 an hour): right for a laptop. Use --engine ray when
    that is too slow: --workers N on a many-core machine, or --ray-address auto (or ray://HOST:10001,
    which needs Ray's client extra) for a Ray cluster. Ray comes with the pinned install
    (requirements.lock). Ray's start-up costs a few seconds, so it pays off from thousands of
    articles. The store gets the same results. With --db postgresql://... several machines can
    read what a build stores.

    Example: storyline build big-archive/ --db storyline.db --engine ray --workers 8
    """
    annotator = None
    if engine is Engine.ray or workers is not None or ray_address:
        from ..engines.ray import EngineError, make_annotator

        try:
            annotator = make_annotator(engine.value, workers, ray_address) if annotate else None
        except EngineError as exc:
            err.print(f"[red]error:[/] {_escape(str(exc))}")
            raise typer.Exit(1) from None
    try:
        _build(paths, db, annotate, batch_size, annotator)
    finally:
        if annotator is not None:
            annotator.close()


def _build(paths: list[Path], db: str, annotate: bool, batch_size: int, annotator) -> None:
    store = _open(db)
    try:
        _build_into(store, paths, annotate, batch_size, annotator)
    except StoreError as exc:  # read-only, full, locked, damaged: said plainly, what was stored stays
        err.print(f"[red]error:[/] {_escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    finally:
        store.close()


def _build_into(store, paths: list[Path], annotate: bool, batch_size: int, annotator) -> None:
    from ..engines.local import ingest
    from ..link.pipeline import link

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=False) as progress:
        task = progress.add_task("reading and analysing articles", total=None)
        report = ingest(paths, store, batch_size=batch_size, annotate=annotate,
                        on_article=lambda: progress.advance(task), annotator=annotator)
        progress.update(task, total=report.read, completed=report.read)
        ltask = progress.add_task("linking across articles", total=None)
        linked = link(store)
        progress.update(ltask, total=1, completed=1)
    for rejection in report.rejected:
        err.print(f"[yellow]rejected[/] {_escape(str(rejection))}", soft_wrap=True)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/] {_escape(warning)}", soft_wrap=True)
    summary = f"{report.summary()}; {linked.stories} stories; store: {store.path} ({store.count()} articles)"
    err.print(_escape(summary), soft_wrap=True, highlight=False)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)


def _escape(text: str) -> str:
    """Untrusted text for the terminal: control sequences removed, rich markup escaped."""
    from .safe import markup_safe

    return markup_safe(text)


class ExportFormat(str, Enum):
    json = "json"
    timelinejs = "timelinejs"
    csv = "csv"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json: the storyline/1 format; timelinejs: TimelineJS 3 JSON; csv: the events table.")] = ExportFormat.json,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
) -> None:
    """Export the store: storyline/1 JSON, TimelineJS, or the events as CSV.

    json is everything, in the storyline/1 format of shared/spec; timelinejs is the timeline in
    TimelineJS 3 JSON, ready to publish; csv is the events table.
    """
    from .export import build_export
    from .timeline import events_csv, timelinejs

    store = _open(db, must_exist=True)
    if format is ExportFormat.json:
        text = json.dumps(build_export(store), ensure_ascii=False, indent=2) + "\n"
    elif format is ExportFormat.timelinejs:
        text = json.dumps(timelinejs(store), ensure_ascii=False, indent=2) + "\n"
    else:
        text = events_csv(store)
    store.close()
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/] cannot write {_escape(str(output))} ({_escape(exc.strerror or str(exc))})", soft_wrap=True)
            raise typer.Exit(1) from None
        err.print(f"wrote {_escape(str(output))}")
    else:
        sys.stdout.write(text)


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    story: Annotated[Optional[str], typer.Option("--story", help="Only this story (ids: storyline stories).")] = None,
) -> None:
    """Print the timeline of events, with their sources.

    Events by date with their granularity (day, week, month, year), how many sources report each and
    who reported it first; events of unknown date are listed apart, never given a made-up date.
    """
    from .timeline import terminal_table

    store = _open(db, must_exist=True)
    if story is not None and store.link_story(story) is None:
        err.print(f"no story {_escape(story)!r} (ids: storyline stories)")
        raise typer.Exit(1)
    out.print(terminal_table(store, story))


@app.command()
def stories(db: DbOption = DEFAULT_DB) -> None:
    """List the stories: id, title, number of articles."""
    store = _open(db, must_exist=True)
    table = Table("id", "title", "articles")
    for s in store.link_stories():
        table.add_row(_escape(s["id"]), _escape(s["title"]), str(s["documents"]))
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (SQLite FTS5 syntax: \"exact phrase\", AND, OR, NOT, prefix*).")],
    db: DbOption = DEFAULT_DB,
    limit: int = 20,
) -> None:
    """Full-text search over the stored articles. Operators work ("exact phrase", AND, OR, NOT,
    prefix*); text that is not valid query syntax (U.S., 9/11, Clinton's, 50%) is searched as words."""
    from .read import fts_query

    store = _open(db, must_exist=True)
    try:
        hits = store.search(query, limit)
    except StoreError as exc:
        # not the query syntax ("U.S.", "9/11", "Clinton's"): what was typed, read as plain words
        plain = fts_query(query, postgres=type(store).__name__ == "PostgresStore")
        if plain is None:
            err.print(f"[red]error:[/] {_escape(str(exc))}")
            raise typer.Exit(1) from None
        err.print(f"[dim]searched for the words {_escape(plain)} (not query syntax)[/]")
        try:
            hits = store.search(plain, limit)
        except StoreError as exc2:
            err.print(f"[red]error:[/] {_escape(str(exc2))}")
            raise typer.Exit(1) from None
    table = Table("id", "title", "snippet")
    for doc_id, title, snippet in hits:
        table.add_row(_escape(doc_id), _escape(title or ""), _escape(snippet))
    out.print(table)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_remote: Annotated[bool, typer.Option(help="Allow listening beyond loopback (e.g. --host 0.0.0.0); needs --token.")] = False,
    token: Annotated[Optional[str], typer.Option(envvar="STORYLINE_TOKEN", help="Access token every request must carry (required with --allow-remote; env STORYLINE_TOKEN).")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option(help="Host names the server answers to, besides the loopback names (against DNS rebinding); repeatable.")] = None,
) -> None:
    """Open the web UI: stories with their time axis, sources, quotations, figures and places; articles;
    search; adding articles; the JSON API under /api (described at /docs)."""
    import secrets

    import uvicorn

    from .security import LOOPBACK_HOSTS, is_loopback
    from .web import create_app

    if not is_loopback(host):
        if not allow_remote:
            err.print(f"[red]error:[/] --host {_escape(host)} would let other machines read the store; "
                      "add --allow-remote (and --token TOKEN) if that is what you want")
            raise typer.Exit(2)
        if not token:
            token = secrets.token_urlsafe(18)
            err.print("No --token given: made one for this run.")
    if token is not None and len(token) < 12:
        err.print("[red]error:[/] --token must be at least 12 characters")
        raise typer.Exit(2)
    _open(db, must_exist=True).close()
    hosts = list(LOOPBACK_HOSTS) + [h.lower() for h in allow_host or []]
    if not is_loopback(host):
        if host not in ("0.0.0.0", "::"):
            hosts.append(host.lower())
        elif not allow_host:  # every address: this machine's own names and addresses
            import socket

            try:
                name, aliases, addresses = socket.gethostbyname_ex(socket.gethostname())
            except OSError:
                name, aliases, addresses = socket.gethostname(), [], []
            hosts += [h.lower() for h in [name, socket.getfqdn(), *aliases, *addresses]]
        hosts = list(dict.fromkeys(hosts))
        err.print("Answers to the host names: " + ", ".join(hosts) + " (add others with --allow-host NAME)",
                  soft_wrap=True, highlight=False)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    err.print(f"Storyline at http://{shown}:{port}/{'?token=' + token if token else ''}  (Ctrl-C stops)",
              soft_wrap=True, highlight=False)
    try:
        uvicorn.run(create_app(db, allowed_hosts=hosts, token=token), host=host, port=port, log_level="warning")
    except SystemExit as exc:  # uvicorn exits 3 when it cannot start (port taken): not "inputs rejected"
        if exc.code in (0, None):
            raise
        err.print(f"[red]error:[/] cannot serve on {_escape(host)}:{port} (the reason is above)", soft_wrap=True)
        raise typer.Exit(1) from None


EVALS = {
    "extraction": "HTML -> text token F1 (article-extraction benchmark)",
    "cleaning": "plain-text boilerplate removal (article-extraction, flattened)",
    "timex": "time expressions, TempEval-3 scoring (TBAQ-cleaned)",
    "places": "toponym resolution accuracy within 161 km (LGL, GeoVirus)",
    "quotes": "quotation speaker-content pairs (PolNeAR)",
    "stories": "story clustering B-cubed (ECB+ sub-topics)",
    "coref": "entities and events merged across articles: MUC/B3/CEAF-e/CoNLL (ECB+)",
    "dating": "writing dates estimated with the dates withheld (TBAQ-cleaned, PolNeAR, or bench/ for both)",
    "events": "TimeML event detection and class, TempEval-3 Task B scoring (TBAQ-cleaned, held-out part)",
    "timeline": "dated gold timeline entries found in their sentence with the right date (SemEval-2015 Task 4)",
}


@app.command("eval")
def eval_(
    name: Annotated[str, typer.Argument(help="What to measure: " + ", ".join(f"{k} ({v})" for k, v in EVALS.items()))],
    corpus: Annotated[Path, typer.Option(help="The corpus folder or file, e.g. ../shared/bench/tempeval3/TBAQ-cleaned")],
    limit: Annotated[Optional[int], typer.Option(help="Use only this many documents (quick look).")] = None,
    with_collection: Annotated[bool, typer.Option("--with-collection", help="dating: date each held-out article from the dated articles of the corpus it shares what it reports with.")] = False,
) -> None:
    """Measure a stage against a public annotated corpus and print its figures next to published ones."""
    if name not in EVALS:
        err.print(f"[red]error:[/] no eval named {name!r}; choose one of: {', '.join(EVALS)}")
        raise typer.Exit(2)
    if not corpus.exists():
        err.print(f"[red]error:[/] corpus not found: {corpus}")
        raise typer.Exit(1)
    try:
        module = importlib.import_module(f"storyline.eval.{name}")
    except ImportError as exc:
        err.print(f"[red]error:[/] the {name} eval is not available ({exc})")
        raise typer.Exit(1) from None
    try:
        extra = {"with_collection": True} if with_collection else {}
        figures = module.run(corpus, out, limit=limit, **extra)
    except Exception as exc:  # a corpus in the wrong format must not end in a traceback
        err.print(f"[red]error:[/] could not evaluate {name} on {_escape(str(corpus))}: "
                  f"{type(exc).__name__}: {_escape(str(exc))}")
        raise typer.Exit(1) from None
    if not figures or not any(figures.values()):
        err.print(f"[red]error:[/] nothing to score in {_escape(str(corpus))}: is it the {name} corpus?")
        raise typer.Exit(1)
    out.print_json(json.dumps(figures))


BENCHES = ("timex", "annotate", "ingest", "engines", "long")


@app.command()
def bench(
    only: Annotated[Optional[list[str]], typer.Option("--only", help="Run only these: " + ", ".join(BENCHES))] = None,
    quick: Annotated[bool, typer.Option(help="Small inputs, for a quick look.")] = False,
    web: Annotated[bool, typer.Option("--web", help="Latency of the web pages under 20 concurrent readers on loopback (builds a bench store first).")] = False,
    scale: Annotated[bool, typer.Option("--scale", help="How the stored link stage scales: stores of --sizes articles (cloned at the store level); add one, add 100, read a story.")] = False,
    sizes: Annotated[str, typer.Option("--sizes", help="--scale: store sizes, comma-separated (e.g. 1000,10000,100000).")] = "1000,10000",
    json_out: Annotated[Path, typer.Option("--json", help="--scale: write the figures here.")] = Path("bench-scale.json"),
    keep_store: Annotated[Optional[Path], typer.Option("--keep-store", help="--scale: copy the largest store here when done.")] = None,
    web_db: Annotated[Optional[Path], typer.Option("--web-db", help="--web: measure on this existing store (e.g. one --scale --keep-store made) instead of building one.")] = None,
) -> None:
    """Measure speed (and memory): articles/s, words/s, sentences/s per stage; with --scale, how
    adding and reading scale with the size of the store."""
    if scale:
        from ..bench import scale as scale_bench

        try:
            wanted = tuple(int(x) for x in sizes.split(",") if x.strip())
        except ValueError:
            err.print(f"[red]error:[/] --sizes: comma-separated whole numbers, not {_escape(sizes)!r}")
            raise typer.Exit(2) from None
        scale_bench.run(out, quick=quick, sizes=wanted if not quick else None, out=json_out, keep=keep_store)
        return
    results = {}
    for name in (["web"] if web and not only else []) + list(only or ([] if web else BENCHES)):
        if name not in BENCHES and name != "web":
            err.print(f"[red]error:[/] no bench named {name!r}; choose one of: {', '.join(BENCHES)}")
            raise typer.Exit(2)
        module = importlib.import_module(f"storyline.bench.{name}")  # our own module: a failure is a bug, shown
        out.rule(name)
        results[name] = module.run(out, quick=quick, db=web_db) if name == "web" and web_db else module.run(out, quick=quick)
    out.print_json(json.dumps(results))


def main() -> None:
    import sqlite3

    from ..store import postgres  # guards its optional psycopg import once, for the whole package

    server_errors: tuple[type[BaseException], ...] = (postgres.psycopg.Error,) if postgres.psycopg else ()
    try:
        app()
    except sqlite3.DatabaseError as exc:  # a store damaged under a read (garbage, truncated file)
        err.print(f"[red]error:[/] the store cannot be read: it is damaged or not a Storyline store ({_escape(str(exc))})",
                  soft_wrap=True)
        sys.exit(1)
    except server_errors as exc:  # the PostgreSQL server went away or refused a read
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        err.print(f"[red]error:[/] the PostgreSQL store failed: {_escape(first)}", soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
