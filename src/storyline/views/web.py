"""The web UI and JSON API (FastAPI). Pages are server-rendered Jinja2 templates with autoescaping on:
article text is untrusted and is never rendered as HTML. Pages work without JavaScript; the few
scripts are files under static/ (the Content-Security-Policy forbids inline ones).

Every read goes through :mod:`storyline.views.read`, on a read-only connection opened for the
request and closed after it. The only writer is the background import (:mod:`.imports`).
Rendered pages are kept by the store's revision and revalidated by ETag (:mod:`.cache`); at most
``RENDERERS`` requests read and render at once (one on SQLite)."""
import functools
import gc
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import parse_qs, urlencode

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2.utils import url_quote
from markupsafe import Markup, escape
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from ..store import StoreError, postgres_url
from . import charts, read
from .cache import PageCache, RevisionProbe
from .imports import ALLOWED_SUFFIXES, Importer, ImportStatus, split_jsonl
from .security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    MAX_BODY,
    Security,
    csrf_ok,
    install,
    new_csrf,
)

HERE = Path(__file__).parent


class Problem(BaseModel):
    detail: str
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
TEMPLATES.env.autoescape = True
TEMPLATES.env.auto_reload = False  # the templates ship with the package: no stat of each file per page
TEMPLATES.env.globals["urlencode"] = urlencode


def aref(a: read.ArticleRef) -> Markup:
    """An article as its outlet (a link to it) and its date: what every page names a source by."""
    return _aref(a.id, a.outlet, a.published_label)


@functools.lru_cache(maxsize=16384)
def _aref(doc_id: str, outlet: str, label: str) -> Markup:  # a story page names each article hundreds of times
    return Markup('<a href="/articles/{}">{}</a>, <span class="meta">{}</span>').format(url_quote(doc_id), outlet, label)


TEMPLATES.env.globals["aref"] = aref

_BADGES = {  # as the badge macro of _macros.html
    "agree": '<span class="badge agree" title="the sources agree">sources agree</span>',
    "differ": '<span class="badge differ" title="the sources differ">sources differ</span>',
    "single": '<span class="badge single" title="one source only">single source</span>',
}


def _entity_links(refs: list[read.EntityRef]) -> str:
    return ", ".join(f'<a href="/entities/{url_quote(a.id)}">{escape(a.name)}</a>' for a in refs)


def event(e: read.EventItem, open: bool = False) -> Markup:
    """An event as a <details> block that opens to its sentences in every source (its first reporter,
    actors and places, the sides where the sources differ, a link to its event page): what the
    event macro of _macros.html rendered, made in Python with escape() on every value from the
    store (a story page shows dozens, an entity page up to 30: the macro was most of their cost)."""
    out = [f'<details class="ev{" key" if e.key else ""}{"" if e.start else " undated"}" id="{escape(e.id)}"'
           f'{" open" if open else ""}>\n<summary><b>{escape(e.when)}</b>']
    if e.granularity not in ("day", "unknown"):
        out.append(f' <span class="meta">({escape(e.granularity)})</span>')
    out.append(f' — {escape(e.summary)}\n<span class="meta">· <span class="tag">{escape(e.type)}')
    if e.modality != "asserted":
        out.append(f" ({escape(e.modality)})")
    out.append(f'</span> · {e.sources} source{"" if e.sources == 1 else "s"}</span> '
               f'{_BADGES.get(e.agreement or "", "")}</summary>\n')
    if e.first_reporter:
        out.append(f'<div class="meta">First reported by {aref(e.first_reporter)}</div>')
    out.append("\n")
    if e.actors or e.doer or e.places:
        # no one named: who the line shows as the doer, marked as unnamed
        who = _entity_links(e.actors) or (f"{escape(e.doer)} (unnamed)" if e.doer else "")
        out.append(f'<div class="meta">{who}')
        if e.places:
            out.append(f" · in {_entity_links(e.places)}")
        out.append("</div>")
    out.append("\n")
    for g in e.differences:
        out.append(f'<div class="meta">The sources differ on {escape(g.about)}:</div><div class="sides">')
        out.extend(f'<div class="side"><b>{escape(p.claim)}</b><blockquote>{escape(p.text)}</blockquote>'
                   f'<div class="meta">— {aref(p.article)}</div></div>' for p in g.sides)
        out.append("</div>")
    out.append('\n<div class="sentences">')
    out.extend(f'<blockquote>{escape(x.text)} <span class="meta">— {aref(x.article)}{" · first" if x.first else ""}'
               f'</span></blockquote>' for x in e.sentences)
    out.append(f'</div>\n<div class="meta"><a href="/events/{url_quote(e.id)}">event page</a></div>\n</details>')
    return Markup("".join(out))


TEMPLATES.env.globals["event"] = event


def axis_marks(marks: list[dict]) -> Markup:
    """The events on a story's time axis (charts.timeline's marks), each a link to its event in the
    list, its date and summary as the title, escaped (hundreds of marks on a long story)."""
    out = []
    for m in marks:
        label = escape(m["label"])
        x, y = m["x"], m["y"]
        line = (f'<line class="range" x1="{x}" y1="{y}" x2="{x + m["w"]}" y2="{y}"><title>{label}</title></line>'
                if m["w"] > 2 else "")
        out.append(f'<a href="#{escape(m["id"])}">{line}<circle class="mark{" key" if m["key"] else ""}" cx="{x}"'
                   f' cy="{y}" r="{6 if m["key"] else 4}"><title>{label}</title></circle></a>')
    return Markup("".join(out))


TEMPLATES.env.globals["axis_marks"] = axis_marks


def map_marks(m: dict) -> Markup:
    """A map's graticule and places (charts.world_map's grid and points), each place a link to its
    entity, its name and coordinates escaped (what the worldmap macro drew item by item)."""
    out = [f'<line class="grid" x1="{g["x1"]}" y1="{g["y1"]}" x2="{g["x2"]}" y2="{g["y2"]}"/><text class="ticklabel"'
           f' x="{g["lx"]}" y="{g["ly"]}">{escape(g["label"])}</text>' for g in m["grid"]]
    out.append("\n")
    out.extend(f'<a href="/entities/{url_quote(p["id"])}"><circle class="place{" focus" if p["focus"] else ""}"'
               f' cx="{p["x"]}" cy="{p["y"]}" r="{6 if p["focus"] else 4}"><title>{escape(p["label"])}</title></circle>'
               f'<text class="placelabel" x="{p["lx"]}" y="{p["ly"]}">{escape(p["name"])}</text></a>' for p in m["points"])
    return Markup("".join(out))


TEMPLATES.env.globals["map_marks"] = map_marks


def folded(e: read.EventItem | read.FoldedEvent) -> Markup:
    """A folded event of a story page, one line: its date, summary, kind, sources, agreement and
    first reporter, and a link to its event page, which shows its sentences in every source, the
    sides where they differ, its actors and places (a story page folds hundreds of events: a macro
    each, with every sentence inline, made it ~340 KB). Everything from the store is escaped."""
    return Markup(_folded(e))


_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]+")


def _url_part(text: str) -> str:
    """url_quote(text), at once where nothing needs quoting (event ids)."""
    return text if _URL_SAFE.fullmatch(text) else url_quote(text)


@functools.lru_cache(maxsize=4096)
def _word(text: str) -> str:
    """escape() of the few distinct values of an event's kind, modality, granularity and date."""
    return str(escape(text))


def _folded(e: read.EventItem | read.FoldedEvent) -> str:
    gran = f' <span class="meta">({_word(e.granularity)})</span>' if e.granularity not in ("day", "unknown") else ""
    modality = f" ({_word(e.modality)})" if e.modality != "asserted" else ""
    first = f" · first reported by {aref(e.first_reporter)}" if e.first_reporter else ""
    n = e.sources
    badge = " " + _BADGES[e.agreement] if e.agreement in _BADGES else ""
    # escape() on every value from the store (Markup.format would do the same, several times slower)
    return (f'<div class="ev folded{" undated" if not e.start else ""}" id="{escape(e.id)}"><b>{_word(e.when)}</b>{gran}'
            f' — {escape(e.summary)} <span class="meta">· <span class="tag">{_word(e.type)}{modality}</span>'
            f' · {n} source{"" if n == 1 else "s"}</span>{badge}<div class="meta">'
            f'<a href="/events/{_url_part(e.id)}">Sentences in every source'
            f'{", where they differ" if e.agreement == "differ" else ""}</a>{first}</div></div>\n')


def folded_events(events: list[read.EventItem | read.FoldedEvent]) -> Markup:
    """Folded events, one line each (one call from the template for the whole list)."""
    return Markup("".join([_folded(e) for e in events]))


TEMPLATES.env.globals["folded_events"] = folded_events


def story_options(joined: str, selected: str | None) -> Markup:
    """The search form's story <option>s (escaped, joined), the chosen story's marked."""
    if selected:
        chosen = f'<option value="{escape(selected)}">'
        joined = joined.replace(chosen, chosen[:-1] + " selected>", 1)
    return Markup(joined)


def outlet_options(joined: str, selected: str | None) -> Markup:
    """The search form's outlet <option>s (escaped, joined), the chosen outlet's marked."""
    if selected:
        chosen = f"<option>{escape(selected)}</option>"
        joined = joined.replace(chosen, f"<option selected>{escape(selected)}</option>", 1)
    return Markup(joined)


# pages read and rendered at once (a thread each). SQLite: one; its pages are CPU work (the file is in
# the OS cache), and threads that take turns holding the GIL only add switching (20 readers asking
# first visits at once: 7.5 ms of CPU per page with 4 threads, 5.7 ms with one). PostgreSQL: four, as
# each waits on its server.
RENDERERS = {"sqlite": 1, "postgres": 4}


def _lifespan(renderers: int):
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = renderers
        # what is loaded by now lives as long as the server: out of the garbage collector's sight, so
        # its collections, which a page's thousands of short-lived objects set off, do not walk it
        # (0.23 -> 0.07 ms a first visit on the 10k store)
        gc.freeze()
        yield

    return lifespan


def create_app(db: str | Path, allowed_hosts: list[str] | None = None, token: str | None = None,
               max_body: int = MAX_BODY, annotate: bool = True, keep_pages: bool = True) -> FastAPI:
    """The app over one store; ``keep_pages``: rendered pages are kept by the store's revision
    (:mod:`.cache`) and answer If-None-Match."""
    db = str(db)
    sec = Security(allowed_hosts=[h.lower() for h in allowed_hosts] if allowed_hosts else
                   list(Security().allowed_hosts), token=token, max_body=max_body)
    app = FastAPI(title="Storyline", version="1",
                  lifespan=_lifespan(RENDERERS["sqlite" if postgres_url(db) is None else "postgres"]),
                  description="Overlapping news reports, one sourced account: stories, timelines, events, entities, "
                              "quotations across outlets, figure series, search. Read-only, except the import form.",
                  docs_url=None, redoc_url=None,
                  responses={404: {"model": Problem, "description": "Not in the store"},
                             503: {"model": Problem, "description": "The store cannot be read"}})
    if keep_pages:  # added before the guard, so the guard (host, token) runs first, around it
        app.add_middleware(PageCache, version=RevisionProbe(db))
    install(app, sec)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    importer = Importer(db, annotate=annotate)
    app.state.importer = importer

    local = postgres_url(db) is None

    async def store():
        """The request's read-only connection, opened and closed here. SQLite: on the event loop (a
        file opened read-only, in microseconds: a thread for each would cost more than the work, and
        a first visit's page is then read and rendered in one thread hop); PostgreSQL: in a thread."""
        try:
            s = read.open_read(db) if local else await anyio.to_thread.run_sync(read.open_read, db)
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from None
        try:
            yield s
        finally:
            if local:
                s.close()
            else:
                await anyio.to_thread.run_sync(s.close)

    Store = Annotated[object, Depends(store)]
    choices: dict[int, tuple] = {}

    def choice_options(s) -> tuple[str, str]:
        """The search form's stories and outlets (the same for every query) as <option>s, escaped
        and joined once, kept by revision (a store of 10,000 articles names thousands of outlets:
        the template rendering each took most of a search page's time)."""
        rev = s.revision()
        got = choices.get(rev) if rev is not None else None
        if got is None:
            stories, outlets = read.search_choices(s)
            got = ("".join(f'<option value="{escape(c.id)}">{escape(c.title[:60])}</option>' for c in stories),
                   "".join(f"<option>{escape(o)}</option>" for o in outlets))
            if rev is not None:
                choices.clear()
                choices[rev] = got
        return got

    def page(request: Request, name: str, context: dict, status: int = 200):
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
        context = dict(context, csrf=csrf, path=request.url.path)
        response = TEMPLATES.TemplateResponse(request, name, context, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return response

    @app.exception_handler(read.NotFound)
    async def not_found(request: Request, exc: read.NotFound):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return page(request, "error.html", {"title": "Not found", "message": str(exc)}, status=404)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        response = page(request, "error.html", {"title": "Error", "message": str(exc.detail)}, status=exc.status_code)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    # -- JSON API -------------------------------------------------------------------------------
    Pg = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1")]
    Per = Annotated[int, Query(ge=1, le=read.MAX_PER_PAGE, description="Items per page")]
    Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}){0,2}$", description="YYYY, YYYY-MM or YYYY-MM-DD")]

    @app.get("/api/stories", response_model=read.StoryList, tags=["stories"])
    def api_stories(s: Store, sort: Literal["recent", "oldest", "articles", "updated", "title"] = "recent",
                    outlet: Annotated[str | None, Query(max_length=200)] = None, page: Pg = 1, per_page: Per = 20):
        """Stories with their dates, outlets and counts; sorted, filtered by outlet, paged."""
        return read.stories(s, sort, outlet, page, per_page)

    @app.get("/api/stories/{story_id}", response_model=read.StoryCard, tags=["stories"])
    def api_story(s: Store, story_id: str):
        """A story: title, dates, outlets, counts."""
        return read.story(s, story_id)

    @app.get("/api/stories/{story_id}/timeline", response_model=read.Timeline, tags=["stories"])
    def api_timeline(s: Store, story_id: str, date_from: Annotated[Day, Query(alias="from")] = None,
                     date_to: Annotated[Day, Query(alias="to")] = None):
        """The story's events on a time axis (zoomed to from/to), key events first, undated apart."""
        return read.story_timeline(s, story_id, date_from, date_to)

    @app.get("/api/stories/{story_id}/quotations", response_model=read.Quotations, tags=["stories"])
    def api_quotations(s: Store, story_id: str, speaker: Annotated[str | None, Query(max_length=300)] = None,
                       page: Pg = 1, per_page: Per = 50):
        """Quotations grouped across outlets, filterable by speaker (name or entity id)."""
        return read.quotations(s, story_id, speaker, page, per_page)

    @app.get("/api/stories/{story_id}/figures", response_model=read.Figures, tags=["stories"])
    def api_figures(s: Store, story_id: str):
        """Figure series over time, with their sources and conflicts."""
        return read.series(s, story_id)

    @app.get("/api/stories/{story_id}/sources", response_model=read.Sources, tags=["stories"])
    def api_sources(s: Store, story_id: str):
        """Which outlet reported what, and when."""
        return read.sources(s, story_id)

    @app.get("/api/stories/{story_id}/entities", response_model=list[read.EntityRef], tags=["stories"])
    def api_story_entities(s: Store, story_id: str):
        """The names of a story (people, organisations, places...), most mentioned first."""
        return read.entities(s, story_id)

    @app.get("/api/events/{event_id}", response_model=read.EventItem, tags=["events"])
    def api_event(s: Store, event_id: str):
        """An event with its sentences in every source, first reporter and agreement."""
        return read.event(s, event_id)

    @app.get("/api/entities/{entity_id}", response_model=read.EntityPage, tags=["entities"])
    def api_entity(s: Store, entity_id: str):
        """An entity: aliases, roles over time, place, events, quotations."""
        return read.entity(s, entity_id)

    @app.get("/api/articles/{article_id}", response_model=read.ArticlePage, tags=["articles"])
    def api_article(s: Store, article_id: str):
        """An article with what was found in it marked."""
        return read.article(s, article_id)

    @app.get("/api/search", response_model=read.SearchResults, tags=["search"])
    def api_search(s: Store, q: Annotated[str, Query(max_length=500)] = "",
                   story: Annotated[str | None, Query(max_length=200)] = None,
                   outlet: Annotated[str | None, Query(max_length=200)] = None,
                   date_from: Annotated[Day, Query(alias="from")] = None,
                   date_to: Annotated[Day, Query(alias="to")] = None, page: Pg = 1, per_page: Per = 20):
        """Articles, quotations and events matching what was typed (any text: it is never query syntax)."""
        return read.search(s, q, story, outlet, date_from, date_to, page, per_page)

    @app.get("/api/imports/{import_id}", response_model=ImportStatus, tags=["imports"])
    def api_import(import_id: str):
        """Progress of articles added from the browser, and the inputs rejected with their reasons."""
        st = importer.status(import_id)
        if st is None:
            raise HTTPException(404, f"no import {import_id!r}")
        return st

    # -- API docs, rendered here from the schema (no external assets) ------------------------------
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return page(request, "docs.html", {"api": _api_doc(app.openapi())})

    # -- pages ----------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, s: Store, sort: str = "recent", outlet: Annotated[str | None, Query(max_length=200)] = None,
             page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
        data = read.stories(s, sort, outlet or None, page_no, 20)
        return page(request, "home.html", {"data": data, "count": s.count(), "sorts": read.SORTS})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, s: Store, story_id: str,
                   date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                   date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None):
        tl = read.story_page(s, story_id, date_from, date_to)
        card = read.story(s, story_id)
        return page(request, "story.html", {"tl": tl, "card": card, "tab": "timeline",
                                            "axis_svg": charts.timeline(tl),
                                            "map": charts.world_map(read.places(s, story_id))})

    @app.get("/stories/{story_id}/quotations", response_class=HTMLResponse, include_in_schema=False)
    def quotations_page(request: Request, s: Store, story_id: str,
                        speaker: Annotated[str | None, Query(max_length=300)] = None,
                        page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
        data = read.quotations(s, story_id, speaker or None, page_no, 50)
        return page(request, "quotations.html", {"data": data, "card": read.story(s, story_id), "tab": "quotations"})

    @app.get("/stories/{story_id}/figures", response_class=HTMLResponse, include_in_schema=False)
    def figures_page(request: Request, s: Store, story_id: str):
        data = read.series(s, story_id)
        return page(request, "figures.html", {"data": data, "card": read.story(s, story_id), "tab": "figures",
                                              "charts": [charts.series_chart(se) for se in data.series]})

    @app.get("/stories/{story_id}/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, s: Store, story_id: str):
        data = read.sources(s, story_id)
        return page(request, "sources.html", {"data": data, "card": read.story(s, story_id), "tab": "sources"})

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, s: Store, event_id: str):
        ev = read.event(s, event_id)
        return page(request, "event.html", {"ev": ev})

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, s: Store, entity_id: str):
        ent = read.entity(s, entity_id)
        places = [(read.EntityRef(id=ent.id, name=ent.name, type=ent.type), ent.place)] if ent.place else []
        return page(request, "entity.html", {"ent": ent, "map": charts.world_map(places, focus=ent.place)})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, s: Store, article_id: str):
        return page(request, "article.html", {"a": read.article(s, article_id)})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, s: Store, q: Annotated[str, Query(max_length=500)] = "",
                    story: Annotated[str | None, Query(max_length=200)] = None,
                    outlet: Annotated[str | None, Query(max_length=200)] = None,
                    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
                    page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
        data = read.search(s, q, story or None, outlet or None, date_from or None, date_to or None, page_no, 20)
        stories, outlets = choice_options(s)
        return page(request, "search.html", {"data": data, "story_options": story_options(stories, data.story),
                                             "outlet_options": outlet_options(outlets, data.outlet)})

    # legacy addresses
    @app.get("/timeline", include_in_schema=False)
    def legacy_timeline(story: str | None = None):
        return RedirectResponse(f"/stories/{story}" if story else "/", 301)

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def legacy_document(doc_id: str):
        return RedirectResponse(f"/articles/{doc_id}", 301)

    @app.get("/api/export", tags=["export"], summary="The whole store as storyline/1 (large: prefer the routes above)")
    def api_export(s: Store):
        from .export import build_export

        return JSONResponse(build_export(s))

    # -- adding articles ------------------------------------------------------------------------
    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form(request: Request):
        return page(request, "add.html", {"max_mb": sec.max_body // (1024 * 1024), "suffixes": ALLOWED_SUFFIXES,
                                          "errors": []})

    @app.post("/add", include_in_schema=False)
    async def add(request: Request):
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > sec.max_body:
                raise HTTPException(413, f"Too large: at most {sec.max_body // (1024 * 1024)} MiB per request.")
        fields, files = _parse_form(request.headers.get("content-type", ""), bytes(body))
        if not csrf_ok(request, fields.get(CSRF_FIELD)):
            raise HTTPException(403, "This form was not sent from this site's own page (CSRF check failed): "
                                     "reload the form and send it again.")
        items: list[tuple[str, bytes]] = []
        rejected: list[str] = []
        for name, data in files:
            if not name:
                continue
            if not name.lower().endswith(ALLOWED_SUFFIXES):
                rejected.append(f"{name}: not a kind of file Storyline reads ({', '.join(ALLOWED_SUFFIXES)})")
            elif not data.strip():
                rejected.append(f"{name}: empty file")
            else:
                items.append((name, data))
        text = fields.get("text", "").strip()
        if text:
            rec = {"id": None, "text": text}
            for key in ("title", "outlet", "url", "published"):
                if fields.get(key, "").strip():
                    rec[key] = fields[key].strip()
            rec.pop("id")
            items.append(("pasted.jsonl", (json.dumps(rec, ensure_ascii=False) + "\n").encode()))
        batch = fields.get("jsonl", "").strip()
        if batch:
            data, bad = split_jsonl(batch)
            rejected += bad
            if data:
                items.append(("batch.jsonl", data))
        if not items:
            return page(request, "add.html", {"max_mb": sec.max_body // (1024 * 1024), "suffixes": ALLOWED_SUFFIXES,
                                              "errors": rejected or ["Nothing to add: choose files, paste a text or a JSONL batch."]},
                        status=400)
        job = importer.submit(items, rejected)
        return RedirectResponse(f"/imports/{job}", 303)

    @app.get("/imports/{import_id}", response_class=HTMLResponse, include_in_schema=False)
    def import_page(request: Request, import_id: str):
        st = importer.status(import_id)
        if st is None:
            raise HTTPException(404, f"no import {import_id!r}")
        return page(request, "import.html", {"st": st})

    return app


def _parse_form(content_type: str, body: bytes) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """Fields and files of a form body (urlencoded or multipart), with the standard library's parsers."""
    fields: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
            fields[k] = v[0]
    elif ctype == "multipart/form-data":
        msg = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode("latin-1", "replace")
                                                  + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)
        if msg.is_multipart():
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if not name:
                    continue
                filename = part.get_filename()
                data = part.get_payload(decode=True) or b""
                if filename is not None:
                    files.append((filename, data))
                else:
                    fields[str(name)] = data.decode("utf-8", "replace")
    return fields, files


def _api_doc(schema: dict) -> dict:
    """The OpenAPI schema arranged for the docs page: routes with their parameters and responses,
    and the models with their fields."""
    routes = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            resp = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
            routes.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tag": (op.get("tags") or ["other"])[0],
                "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                            "type": _type(p.get("schema", {})), "description": p.get("description") or
                            p.get("schema", {}).get("description", "")} for p in op.get("parameters", [])],
                "returns": _type(resp),
            })
    models = []
    for name, model in sorted(schema.get("components", {}).get("schemas", {}).items()):
        fields = [{"name": k, "type": _type(v), "required": k in model.get("required", []),
                   "description": v.get("description", "")} for k, v in model.get("properties", {}).items()]
        models.append({"name": name, "fields": fields, "description": model.get("description", "")})
    return {"title": schema["info"]["title"], "description": schema["info"].get("description", ""),
            "routes": routes, "models": models}


def _type(s: dict) -> str:
    if "$ref" in s:
        return s["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in s:
        return " | ".join(_type(x) for x in s["anyOf"])
    if s.get("type") == "array":
        return f"list[{_type(s.get('items', {}))}]"
    if "enum" in s:
        return " | ".join(json.dumps(x) for x in s["enum"])
    return s.get("type", "any") + (f" ({s['format']})" if "format" in s else "")
