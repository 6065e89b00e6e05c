"""Every read the web UI and the JSON API make, in one place, as small typed records (pydantic models,
so the API's OpenAPI schema describes them).

Everything is read from the link stage's stored tables (the cross-article account, migration 0002,
with the indexes of 0003) through the store's link-table methods: a page reads rows and recomputes
nothing, as the CLI and the export do. Within one request (one connection) a small memo keeps the
document briefs, entity names and link records already read; nothing outlives the request.

The pages' own rows (migration 0005): what a story page, an entity page and search show is built
here (``story_views``) by the same code that builds them from the account, and written by the link
stage with each story's rows, in the same transaction; where they are there (the state
``VIEW_STATE`` says they are, for every story, of this ``VIEW_VERSION``), a first visit reads them
(a story page: its page record, then its dated key events; its folded events are ``FoldedEvent``s
made from their stored lines). ``from_scratch(store)`` reads a store as if they were not there:
tests compare the two.

Estimates are shown as estimates: an event date or a timex resolved against an estimated writing
date reads "≈ March 2021 (estimated from the text)" / "(estimated from its story)", and an undated
article's estimated writing date "≈ April 2020 (estimated from its story)"; the link stage keeps
estimated dates out of the passages that can disagree. Key events are those with a stored
salience of at least ``link.events.KEY_SALIENCE`` (the rest are folded, as in the terminal timeline).

Connections: :func:`open_read` opens the store read-only (SQLite: a ``file:...?mode=ro`` URI
connection, never migrating or writing); the web app opens one per request and closes it after.
"""
from __future__ import annotations

import functools
import itertools
import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, TypeAdapter

from ..link.events import KEY_SALIENCE
from ..link.novelty import published_utc
from ..link.outputs import StoryOutput
from ..link.read import merge_entity_rows
from ..link.timespan import value_span
from ..model import Document
from ..store import StoreError, open_store, postgres_url
from ..store.links import StoryViews
from ..store.sqlite import SQLiteStore
from .dates import granularity, human_date, human_published
from .timeline import estimate_label

MAX_PER_PAGE = 100


# -- connections ------------------------------------------------------------------------------------
class ReadOnlySQLiteStore(SQLiteStore):
    """The SQLite store opened read-only (``mode=ro``): no migration, no PRAGMA that writes; a store
    whose schema is missing or newer than this Storyline is refused."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no store here")
        try:
            self.conn = sqlite3.connect(_read_only_uri(self.path), uri=True, isolation_level=None,
                                        check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store read-only ({exc})") from None
        newest = _newest_schema()
        if version == 0 or version > newest:
            self.conn.close()
            raise StoreError(f"{self.path}: not a store this Storyline can read (schema {version}, knows {newest})")
        self.version = version

    def transaction(self):  # a read-only store never writes
        raise StoreError(f"{self.path}: opened read-only")

    def revision(self) -> int | None:
        """The store's revision; None for a store older than migration 0004 (never migrated here)."""
        return super().revision() if self.version >= REVISION_SCHEMA else None

    def story_revision(self, story_id: str) -> int | None:
        return super().story_revision(story_id) if self.version >= REVISION_SCHEMA else None


REVISION_SCHEMA = 4  # the migration that added store_revision


@functools.lru_cache(maxsize=64)
def _read_only_uri(path: str) -> str:
    """The read-only URI of a store file (resolved once per path: the web app opens it per request)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


@functools.cache
def _newest_schema() -> int:
    from ..store.sqlite import migrations

    return migrations()[-1][0]


def open_read(db: str | Path):
    """A store to read from: SQLite read-only, PostgreSQL through its own connection handling."""
    if postgres_url(db) is not None:
        return open_store(db)
    return ReadOnlySQLiteStore(db)


def revision(db: str | Path) -> int | None:
    """The store's revision (what a kept page is keyed by), on a connection opened and closed here;
    None where the store has none (older than migration 0004) or cannot be read now."""
    try:
        s = open_read(db)
    except StoreError:
        return None
    try:
        return s.revision()
    finally:
        s.close()


# -- records ----------------------------------------------------------------------------------------
class ArticleRef(BaseModel):
    id: str
    title: str
    outlet: str = Field(description="The outlet's name; where the article names none, its web site or title")
    published: str | None = Field(None, description="ISO date or date-time as given by the source")
    published_label: str
    url: str | None = None
    duplicate_of: str | None = None
    published_estimate: str | None = Field(None, description="An undated article's estimated writing date (TIMEX3 "
                                           "value); published_label then says it is an estimate")


class Page(BaseModel):
    page: int
    per_page: int
    total: int
    pages: int


class StoryCard(BaseModel):
    id: str
    title: str
    first_published: str | None
    last_published: str | None
    dates_label: str
    outlets: list[str]
    articles: int
    duplicates: int
    last_update: str | None = Field(None, description="When an article was last added to the story (UTC)")
    events: int | None = Field(None, description="Events across the story's articles (in story lists: the listed page)")
    quotations: int | None = Field(None, description="Quotations, each counted once across outlets")


class StoryList(BaseModel):
    stories: list[StoryCard]
    paging: Page
    sort: str
    outlet: str | None
    outlets: list[str]


class EntityRef(BaseModel):
    id: str
    name: str
    type: str


class Sentence(BaseModel):
    article: ArticleRef
    text: str
    first: bool = False


class Side(BaseModel):
    article: ArticleRef
    claim: str
    text: str


class Difference(BaseModel):
    about: str
    sides: list[Side]


class EventItem(BaseModel):
    id: str
    story_id: str | None
    type: str
    modality: str
    summary: str
    date_value: str | None
    when: str = Field(description="The date in words, never a raw code")
    granularity: str
    start: date | None = None
    end: date | None = None
    estimated: bool = Field(False, description="The date is an estimate (never a stated date)")
    estimated_from: Literal["text", "story"] | None = None
    salience: float | None = None
    key: bool = False
    sources: int
    first_reporter: ArticleRef | None
    agreement: Literal["agree", "differ", "single"] | None
    differences: list[Difference] = []
    actors: list[EntityRef] = []
    doer: str | None = Field(None, description="Who did it when no one is named: the common noun the line "
                                               "starts with ('Police', 'gunman')")
    places: list[EntityRef] = []
    sentences: list[Sentence] = []


class Tick(BaseModel):
    x: float
    label: str
    start: date
    end: date


class Axis(BaseModel):
    start: date
    end: date
    granularity: str = Field(description="The step between ticks: day, week, month or year")
    ticks: list[Tick]
    zoomed: bool
    full_start: date
    full_end: date
    outside: int = Field(description="Dated events outside the axis (background, or outside the zoom)")


class Timeline(BaseModel):
    story_id: str
    title: str
    summary: str | None
    axis: Axis | None
    key_events: list[EventItem]
    other_events: list[EventItem]
    outside: list[EventItem]
    undated: list[EventItem]


class QuoteSource(BaseModel):
    article: ArticleRef
    text: str
    direct: bool


class QuoteGroupItem(BaseModel):
    id: str
    speaker: str | None
    speaker_id: str | None
    text: str
    outlets: int
    sources: list[QuoteSource]


class Quotations(BaseModel):
    story_id: str
    speaker: str | None
    speakers: list[str]
    groups: list[QuoteGroupItem]
    paging: Page


class SeriesPoint(BaseModel):
    value: float
    text: str
    date_value: str | None
    when: str
    start: date | None
    article: ArticleRef
    conflict: bool


class SeriesItem(BaseModel):
    id: str
    subject: str
    agreement: Literal["agree", "differ", "single"]
    conflict: bool
    points: list[SeriesPoint]
    differences: list[Difference] = []


class Figures(BaseModel):
    story_id: str
    series: list[SeriesItem]


class RoleItem(BaseModel):
    role: str
    date: str | None
    when: str
    article: ArticleRef


class PlaceItem(BaseModel):
    lat: float
    lon: float
    country_code: str
    name: str | None


ENTITY_ITEMS = 100


class EntityPage(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[RoleItem]
    place: PlaceItem | None
    stories: list[str]
    articles: list[ArticleRef]
    mentions: int
    events: list[EventItem] = Field(description=f"At most {ENTITY_ITEMS}, the most reported, in date order")
    events_total: int = 0
    quotations: list[QuoteGroupItem] = Field(description=f"At most {ENTITY_ITEMS}, the most carried")
    quotations_total: int = 0


class Highlight(BaseModel):
    kind: Literal["text", "entity", "date", "figure", "quote", "event"]
    text: str
    title: str | None = None
    link: str | None = None


class ArticlePage(BaseModel):
    article: ArticleRef
    story_id: str | None
    story_title: str | None
    source: str
    author: str | None
    reprint_of: str | None
    text: str
    paragraphs: list[list[Highlight]] = Field(description="The text cut into runs, with what was found marked")
    removed: list[str]
    entities: list[EntityRef]
    dates: list[str]
    figures: list[str]
    quotes: list[str]
    events: list[str]


class OutletReport(BaseModel):
    outlet: str
    articles: list[ArticleRef]
    events: int
    first_reports: int
    first_reported: list[EventItem] = Field([], description="The events this outlet was the first to report")


class Sources(BaseModel):
    story_id: str
    outlets: list[OutletReport]


class SearchHit(BaseModel):
    kind: Literal["article", "quotation", "event"]
    title: str
    snippet: str
    link: str
    story_id: str | None
    outlet: str | None
    published: str | None


class SearchResults(BaseModel):
    q: str
    hits: list[SearchHit]
    paging: Page
    story: str | None
    outlet: str | None
    date_from: str | None
    date_to: str | None


class NotFound(Exception):
    """What a page asked for is not in the store."""


# -- helpers ----------------------------------------------------------------------------------------
def _outlet(outlet: str | None, url: str | None, reprint_of: str | None, title: str | None) -> str:
    if outlet and outlet.strip():
        return outlet.strip()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if reprint_of:
        return reprint_of
    if title:  # no outlet named anywhere: the article's own title, in quotation marks
        return f"“{_short(title, 36)}”"
    return "outlet not named"


def outlet_label(doc: Document) -> str:
    a = doc.article
    return _outlet(a.outlet, a.url, a.reprint_of, a.title)


def brief_outlet(b: dict) -> str:
    """The outlet that names a document brief (``store.document_briefs``)."""
    return _outlet(b["outlet"], b["url"], b["reprint_of"], b["title"])


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _estimate(b: dict) -> dict | None:
    """An undated article's estimated writing date (its link record's ``published_estimate``)."""
    return b.get("published_estimate") if not b.get("published") else None


def _ref(b: dict) -> ArticleRef:
    """An ArticleRef from a document brief (``store.document_briefs``): an undated article's
    estimated date is shown as an estimate, never as its publication date. Made once per brief
    (a brief lives as long as its request; a story page names each article hundreds of times)."""
    ref = b.get("_ref")
    if ref is None:
        est = _estimate(b)
        label = estimate_label(est["value"], est.get("source", "text")) if est else human_published(b["published"])
        ref = b["_ref"] = ArticleRef(
            id=b["id"], title=b["title"] or _short(b["head"] or "", 80) or b["id"],
            outlet=brief_outlet(b), published=b["published"],
            published_label=label, url=b["url"], duplicate_of=b["duplicate_of"],
            published_estimate=est["value"] if est else None)
    return ref


def article_refs(store, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """document id -> how pages name it (its outlet and its date, or the estimate of it)."""
    return {b["id"]: _ref(b) for b in store.document_briefs(ids=sorted(set(ids)))}


def _report_key(b: dict) -> tuple:
    """'Reported earlier' (as link.novelty.report_key): published date-time (UTC), then ingest
    order; an undated article counts from the first day its estimated writing date may be."""
    key = b.get("_report_key")
    if key is None:
        est = _estimate(b)
        when = published_utc(b["published"]) or (published_utc(est.get("start")) if est else None)
        key = b["_report_key"] = (0, when, b["seq"]) if when else (1, "", b["seq"])
    return key


def _paging(total: int, page: int, per_page: int) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    pages = max(1, -(-total // per_page))
    return Page(page=max(1, min(page, pages)), per_page=per_page, total=total, pages=pages)


def _slice(items: list, p: Page) -> list:
    return items[(p.page - 1) * p.per_page: p.page * p.per_page]


# -- a per-request memo (one connection is one request) ---------------------------------------------
def _memo(store) -> dict:
    memo = getattr(store, "_read_memo", None)
    if memo is None:
        memo = {"briefs": {}, "stories": set(), "names": {}, "quotes": {}, "figures": {}}
        store._read_memo = memo
    return memo


def _views_ok(store) -> bool:
    """Whether the pages' own rows (migration 0005) are there for every story, built by this
    version of the code (the link stage sets the state once they are): then pages read them."""
    memo = _memo(store)
    ok = memo.get("views")
    if ok is None:
        ok = memo["views"] = not memo.get("scratch") and store.get_state(VIEW_STATE) == VIEW_VERSION
    return ok


def from_scratch(store) -> None:
    """Read this store (this request) as if it kept no pages' rows: every page computed from the
    stored account (what the link stage's builder of those rows does, and what tests compare with)."""
    store._read_memo = None
    _memo(store)["scratch"] = True


def _story_rec(store, story_id: str) -> dict:
    """The story's stored record (title, summary, document ids), once per request."""
    memo = _memo(store)
    rec = memo.get(("story", story_id))
    if rec is None:
        rec = memo[("story", story_id)] = store.link_story(story_id)
        if rec is None:
            raise NotFound(f"no story {story_id!r}")
    return rec


def _briefs(store, ids: Iterable[str] = (), story_id: str | None = None) -> dict[str, dict]:
    """document id -> brief, read once per request (a story's at once, or the ids missing)."""
    memo = _memo(store)
    briefs = memo["briefs"]
    if story_id is not None and story_id not in memo["stories"]:
        for b in store.document_briefs(story_id=story_id):
            briefs[b["id"]] = b
        memo["stories"].add(story_id)
    missing = [i for i in ids if i not in briefs]
    if missing:
        for b in store.document_briefs(ids=missing):
            briefs[b["id"]] = b
    return briefs


def _light_briefs(store, ids: Iterable[str]) -> dict[str, dict]:
    """document id -> brief without its head and estimate (``document_briefs(text=False)``: what
    search filters and names hits by), read once per request."""
    light = _memo(store).setdefault("light", {})
    missing = sorted({i for i in ids if i not in light})
    if missing:
        for b in store.document_briefs(ids=missing, text=False):
            light[b["id"]] = b
    return light


def _refs(store, ids: Iterable[str] = (), story_id: str | None = None):
    briefs = _briefs(store, ids, story_id)
    return lambda doc_id: _ref(briefs[doc_id])


def _names(store, story_id: str) -> dict[str, EntityRef]:
    names = _memo(store)["names"]
    if story_id not in names:
        names[story_id] = {i: EntityRef(id=i, name=n, type=t) for i, n, t, _ in store.link_entity_refs(story_id)}
    return names[story_id]


def _linked(store, ids: Iterable[str], key: str) -> dict[str, list[dict]]:
    """document id -> one list of its link record (``quotes`` or ``figures``), once per request."""
    linked = _memo(store)[key]
    missing = [i for i in ids if i not in linked]
    if missing:
        found = store.link_document_part(missing, key)
        for i in missing:
            linked[i] = found.get(i) or []
    return linked


# -- stories ----------------------------------------------------------------------------------------
SORTS = ("recent", "oldest", "articles", "updated", "title")


def _card(sid: str, title: str, members: list[dict]) -> StoryCard:
    live = [m for m in members if not m["duplicate_of"]] or members
    pubs = sorted(p for p in (published_utc(m["published"]) for m in members) if p)
    outlets = sorted({brief_outlet(m) for m in live}, key=str.lower)
    first, last = (pubs[0], pubs[-1]) if pubs else (None, None)
    if first and last:
        label = human_published(first[:10]) if first[:10] == last[:10] else \
            f"{human_published(first[:10])} – {human_published(last[:10])}"
    else:
        label = "dates not given"
    updates = [m["added_at"] for m in members if m["added_at"]]
    return StoryCard(id=sid, title=title, first_published=first, last_published=last, dates_label=label,
                     outlets=outlets, articles=len(members), duplicates=sum(1 for m in members if m["duplicate_of"]),
                     last_update=max(updates) if updates else None, events=None, quotations=None)


def stories(store, sort: str = "recent", outlet: str | None = None, page: int = 1, per_page: int = 20) -> StoryList:
    members: dict[str, list[dict]] = {}
    for b in store.document_briefs(text=False):
        if b["story_id"]:
            members.setdefault(b["story_id"], []).append(b)
    cards = [_card(r["id"], r["title"], members.get(r["id"], [])) for r in store.link_stories()]
    all_outlets = sorted({o for c in cards for o in c.outlets}, key=str.lower)
    if outlet:
        cards = [c for c in cards if outlet in c.outlets]
    if sort not in SORTS:
        sort = "recent"
    if sort == "recent":
        cards.sort(key=lambda c: (c.last_published is None, _neg(c.last_published or ""), c.id))
    elif sort == "oldest":
        cards.sort(key=lambda c: (c.first_published is None, c.first_published or "", c.id))
    elif sort == "articles":
        cards.sort(key=lambda c: (-c.articles, c.title.lower(), c.id))
    elif sort == "updated":
        cards.sort(key=lambda c: (c.last_update is None, _neg(c.last_update or ""), c.id))
    else:
        cards.sort(key=lambda c: (c.title.lower(), c.id))
    p = _paging(len(cards), page, per_page)
    shown = _slice(cards, p)
    counts = store.link_counts([c.id for c in shown])
    return StoryList(stories=[_counted(c, counts[c.id]) for c in shown], paging=p, sort=sort, outlet=outlet,
                     outlets=all_outlets)


class StoryChoice(BaseModel):
    id: str
    title: str


def search_choices(store) -> tuple[list[StoryChoice], list[str]]:
    """What the search form offers: the first MAX_PER_PAGE stories by title and every outlet named
    (by the article, its address or the paper it reprints), without building the stories' cards (two
    queries). An article that names none is shown under its own title in quotation marks: those
    titles are not offered (a store of cloned reports had 3,344 of them: a search page of 220 KB);
    the filter still takes any outlet label (the JSON API's ``outlet``)."""
    rows = sorted(store.link_stories(), key=lambda r: (r["title"].lower(), r["id"]))[:MAX_PER_PAGE]
    choices = [StoryChoice(id=r["id"], title=r["title"]) for r in rows]
    outlets = sorted({_outlet(*f) for f in store.outlet_fields()
                      if any(x and x.strip() for x in f[:3]) or not (f[3] and f[3].strip())}, key=str.lower)
    return choices, outlets


def _counted(card: StoryCard, counts: tuple[int, int]) -> StoryCard:
    return card.model_copy(update={"events": counts[0], "quotations": counts[1]})


def _neg(text: str) -> tuple:
    return tuple(-ord(c) for c in text)


def story(store, story_id: str) -> StoryCard:
    memo = _memo(store)
    card = memo.get(("card", story_id))
    if card is None:
        view = _story_view(store, story_id)
        if view is not None:
            card = view.card
        else:
            rec = _story_rec(store, story_id)
            briefs = _briefs(store, story_id=story_id)
            members = [briefs[d] for d in rec["document_ids"] if d in briefs]
            card = _counted(_card(story_id, rec["title"], members), store.link_counts([story_id])[story_id])
        memo[("card", story_id)] = card
    return card


# -- the pages' own rows (migration 0005), built by the link stage with the story's rows ----------
VIEW_VERSION = "1"  # bump when what the rows below hold changes: the next link run writes them again
VIEW_STATE = "views/version"  # set by the link stage once every story's rows are of VIEW_VERSION (PAGE_ROWS.state_key)


class StoryView(BaseModel):
    """What a story page shows besides its events, as kept in ``view_stories``."""
    card: StoryCard
    summary: str | None
    pubs: list[str] = Field(description="The first and last days its articles were published (none: no dates)")
    places: list[tuple[EntityRef, PlaceItem]]
    refs: dict[str, ArticleRef] = Field(description="The story's articles, as its events' first reporters")
    lines: list[list] = Field(description="Its events in timeline order: dated, key, then what a folded line shows")


class FoldedEvent:
    """A folded event of a story page: what its one line and its mark on the time axis show (the
    page's rendering reads these attributes of an EventItem; a story page folds hundreds of events,
    and this is made from its stored line without validating a full EventItem for each)."""

    __slots__ = ("id", "when", "granularity", "summary", "type", "modality", "sources", "agreement",
                 "first_reporter", "start", "end", "key")

    def __init__(self, line: list, refs: dict[str, ArticleRef]):
        (self.id, self.when, self.granularity, self.summary, self.type, self.modality, self.sources, self.agreement,
         first, start, end) = line
        self.first_reporter = refs.get(first) if first else None
        self.start = date.fromisoformat(start) if start else None
        self.end = date.fromisoformat(end) if end else None
        self.key = False


def _line(item: EventItem, dated: bool, key: bool) -> list:
    """An event as its story's page record keeps it (whether dated and key, then its FoldedEvent)."""
    return [dated, key, item.id, item.when, item.granularity, item.summary, item.type, item.modality, item.sources,
            item.agreement, item.first_reporter.id if item.first_reporter else None,
            item.start.isoformat() if item.start else None, item.end.isoformat() if item.end else None]


_SENTENCES = TypeAdapter(list[Sentence])


def _story_view(store, story_id: str) -> StoryView | None:
    """The story's stored page record, once per request; None where there is none to read."""
    if not _views_ok(store):
        return None
    memo = _memo(store)
    if ("view", story_id) not in memo:
        data = store.view_story(story_id, VIEW_VERSION)
        memo[("view", story_id)] = StoryView.model_validate_json(data) if data is not None else None
    return memo[("view", story_id)]


_NO_SENTENCES = ',"sentences":[]}'  # how a stored event ends (sentences are its last field, kept apart)


def _stored_event(data: str, sentences: str | None) -> EventItem:
    """An EventItem from its stored row (its sentences, where read, put back in)."""
    if sentences and sentences != "[]":
        data = data[:-len(_NO_SENTENCES)] + ',"sentences":' + sentences + "}"
    return EventItem.model_validate_json(data)


def story_views(store, story_id: str) -> StoryViews | None:
    """The pages' own rows of one story, built from its stored rows by the same code a page would run
    without them (so they are equal to what a read computes from scratch): the story's card, summary,
    period and places, every event as shown with its sentences, the events naming each of its
    entities, its quotation groups. Called by the link stage in the transaction that writes the
    story's rows (it reads them back through the same connection)."""
    from_scratch(store)
    try:
        try:
            card = story(store, story_id)
        except NotFound:
            return None
        records = store.link_events(story_id)
        rec = _story_rec(store, story_id)
        briefs = _briefs(store, story_id=story_id)
        known = {e[0] for e in store.link_entity_refs(story_id)}
        events: list[tuple[str, bool, bool, str, str, str, str]] = []
        lines = []
        entity_events: list[tuple[str, int, str, int]] = []
        for i, ev in enumerate(records):
            item = _event_item(store, ev)
            data = item.model_copy(update={"sentences": []}).model_dump_json()
            search = ev["summary"] + " " + " ".join(m["text"] for m in ev["mentions"])
            hit = json.dumps([ev["id"], ev["summary"], ev["type"], item.when, [m["document_id"] for m in ev["mentions"]]],
                             ensure_ascii=False)
            events.append((ev["id"], bool(ev.get("date")), _is_key(ev), data, _SENTENCES.dump_json(item.sentences).decode(),
                           search, hit))
            lines.append(_line(item, bool(ev.get("date")), _is_key(ev)))
            named = sorted({*ev["actor_ids"], *ev["target_ids"], *ev["place_ids"]} & known)
            entity_events += [(e, i, ev["id"], len(ev["sources"])) for e in named]
        groups = store.link_quote_groups(story_id)
        _briefs(store, [d for g in groups for d in g["sources"]])
        quote_groups = []
        for g in groups:
            docs = [_quote_doc(q) for q in g["quote_ids"]]
            quote_groups.append((g["id"], g["speaker_id"], _outlets(briefs, g["sources"]), len(g["quote_ids"]),
                                 _group_item(store, g).model_dump_json(), g["text"] + " " + (g["speaker"] or ""),
                                 json.dumps([g["id"], g["speaker"], g["text"], docs], ensure_ascii=False), docs))
        view = StoryView(card=card, summary=_summary(rec), pubs=_pub_days(briefs, rec), places=places(store, story_id),
                         refs={d: _ref(briefs[d]) for d in rec["document_ids"] if d in briefs}, lines=lines)
        return StoryViews(story_id=story_id, version=VIEW_VERSION, story=view.model_dump_json(), events=events,
                          entity_events=entity_events, quote_groups=quote_groups,
                          documents={d: ref.model_dump_json() for d, ref in view.refs.items()})
    finally:
        store._read_memo = None


# registered as the link stage's story output (pyproject's ``storyline_story_outputs`` entry point)
PAGE_ROWS = StoryOutput("views", version=VIEW_VERSION, build=story_views)


def _summary(rec: dict) -> str | None:
    return " ".join(s["text"].strip() for s in rec.get("summary_sentences") or []) or None


def _pub_days(briefs: dict[str, dict], rec: dict) -> list[str]:
    pubs = sorted(p[:10] for p in (published_utc(briefs[d]["published"]) for d in rec["document_ids"] if d in briefs)
                  if p)
    return [pubs[0], pubs[-1]] if pubs else []


# -- events -----------------------------------------------------------------------------------------
def _differences(agreement: dict | None, ref) -> list[Difference]:
    """Passages that truly disagree, grouped by what they disagree about. Dates count as different
    only when the days they cover differ ("2016-07-21TNI" and "2016-07-21" are the same day); an
    estimated date is never a side (the link stage keeps estimates out of the passages)."""
    if not agreement or agreement["status"] != "differ":
        return []
    groups: dict[str, list[dict]] = {}
    for p in agreement["passages"]:
        if p.get("estimated"):
            continue
        groups.setdefault(p["about"], []).append(p)
    out = []
    for about, passages in groups.items():
        if about.startswith("date"):
            if len({value_span(p["claim"]) for p in passages}) <= 1:
                continue
            sides = [Side(article=ref(p["document_id"]), claim=human_date(p["claim"]), text=p["text"]) for p in passages]
        else:
            if len({p["claim"] for p in passages}) <= 1:
                continue
            sides = [Side(article=ref(p["document_id"]), claim=p["claim"], text=p["text"]) for p in passages]
        out.append(Difference(about=_about(about), sides=sides))
    return out


def _about(about: str) -> str:
    m = re.fullmatch(r"(.*) on (\S+)", about)
    if m and not about.startswith("date"):
        return f"{m[1]} on {human_date(m[2])}"
    return about


Status = Literal["agree", "differ", "single"]


def _agreement(agreement: dict | None, ref) -> tuple[Status | None, list[Difference]]:
    """(status, differences) of a stored agreement record; ``ref``: document id -> ArticleRef."""
    if agreement is None:
        return None, []
    diffs = _differences(agreement, ref)
    status: Status = agreement["status"]
    if status == "differ" and not diffs:
        status = "agree"
    return status, diffs


def _when(d: dict | None, estimated_from: str | None = None) -> str:
    """A stored date record ({value, start, end, text[, estimated]}) in words; an estimate as one."""
    if not d:
        return "date unknown"
    if d.get("estimated"):
        return estimate_label(d["value"], estimated_from or d.get("estimated_from", "text"))
    return human_date(d["value"], d.get("mod"))


def _event_item(store, ev: dict, with_sentences: bool = True, names: dict[str, EntityRef] | None = None) -> EventItem:
    """An event record as shown; ``names`` (entity id -> ref) given, the story's documents and
    entities are not read at once (an entity page shows events of many stories)."""
    sid = ev["story_id"]
    sources = ev["sources"]
    ref = _refs(store, [*sources, *(m["document_id"] for m in ev["mentions"])], story_id=sid if names is None else None)
    status, diffs = _agreement(ev.get("agreement"), ref)
    d = ev.get("date")
    estimated = bool(d and d.get("estimated"))
    sentences: list[Sentence] = []
    if with_sentences:
        briefs = _briefs(store)
        order = {doc: i for i, doc in enumerate(sources)}
        mentions = sorted(ev["mentions"], key=lambda m: (order.get(m["document_id"], len(order)),
                                                         _report_key(briefs[m["document_id"]]), m["start"]))
        seen = set()
        for m in mentions:
            key = (m["document_id"], m["start"], m["end"])
            if key in seen:
                continue
            seen.add(key)
            sentences.append(Sentence(article=ref(m["document_id"]), text=m["text"],
                                      first=bool(sources) and m["document_id"] == sources[0]))
    if names is None:
        names = _names(store, sid) if sid else {}
    return EventItem(
        id=ev["id"], story_id=sid, type=ev["type"], modality=ev["modality"], summary=ev["summary"],
        date_value=d["value"] if d else None, when=_when(d), granularity=granularity(d["value"]) if d else "unknown",
        start=date.fromisoformat(d["start"]) if d else None, end=date.fromisoformat(d["end"]) if d else None,
        estimated=estimated, estimated_from=(d or {}).get("estimated_from", "text") if estimated else None,
        salience=ev.get("salience"), sources=len(sources), first_reporter=ref(sources[0]) if sources else None,
        agreement=status, differences=diffs,
        actors=[names[a] for a in ev["actor_ids"] if a in names], doer=ev.get("doer"),
        places=[names[a] for a in ev["place_ids"] if a in names],
        sentences=sentences,
    )


def _is_key(ev: dict) -> bool:
    return ev.get("salience", 1.0) >= KEY_SALIENCE


def _parse_day(text: str | None, end: bool = False) -> date | None:
    """A zoom bound: YYYY, YYYY-MM or YYYY-MM-DD (its first day, or with ``end`` its last)."""
    if not text:
        return None
    span = value_span(text.strip()) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text.strip()) else None
    if span is None:
        return None
    return span[1] if end else span[0]


def story_timeline(store, story_id: str, date_from: str | None = None, date_to: str | None = None,
                   sentences: Literal["all", "key"] = "all", light: bool = False) -> Timeline:
    """A story's events on its time axis. ``sentences="key"`` (the web page): only key events carry
    their sentences; a folded event links to its event page, which shows them all (the JSON API
    keeps every event's sentences)."""
    card = story(store, story_id)
    every = sentences == "all"
    view = _story_view(store, story_id)
    if view is not None and light:  # a page: dated key events in full, the others as their folded lines
        key_ids: set[str] = set()
        items: list = []
        undated: list = []
        unfolded = {i: (data, sent) for i, data, sent in store.view_key_events(story_id)}
        for i, (dated, key, *line) in enumerate(view.lines):
            item = _stored_event(*unfolded[i]) if i in unfolded else FoldedEvent(line, view.refs)
            if key:
                key_ids.add(item.id)
            (items if dated else undated).append(item)
        summary, pubs = view.summary, view.pubs
    elif view is not None:  # the rows the link stage kept for this page
        rows = store.view_events(story_id, True if every else None)
        key_ids = set()
        items, undated = [], []
        for dated, key, data, sent in rows:  # (undated events are folded: their sentences only for "all")
            item = _stored_event(data, sent if every or dated else None)
            if key:
                key_ids.add(item.id)
            (items if dated else undated).append(item)
        summary, pubs = view.summary, view.pubs
    else:
        rec = _story_rec(store, story_id)
        records = store.link_events(story_id)
        key_ids = {ev["id"] for ev in records if _is_key(ev)}
        items = [_event_item(store, ev, every or ev["id"] in key_ids) for ev in records if ev.get("date")]
        undated = [_event_item(store, ev, every) for ev in records if not ev.get("date")]
        summary, pubs = _summary(rec), _pub_days(_briefs(store, story_id=story_id), rec)
    # the story's own period: around its articles' publication dates; earlier background (the 2001
    # invasion in a 2020 story) is listed, not allowed to stretch the axis
    full = [i for i in items if i.start]
    lo: date | None = min((i.start for i in full if i.start), default=None)
    hi: date | None = max((i.end for i in full if i.end), default=None)
    if pubs and full:
        core_lo = date.fromisoformat(pubs[0]).replace(day=1)
        core_lo = date(core_lo.year - 1, core_lo.month, 1)
        core_hi = date.fromisoformat(pubs[-1])
        core_hi = date(core_hi.year + (core_hi.month == 12), core_hi.month % 12 + 1, 28)
        in_core = [i for i in full if i.end and i.start and i.end >= core_lo and i.start <= core_hi and
                   i.granularity in ("day", "week", "month", "season")]
        if in_core:
            lo, hi = min(i.start for i in in_core if i.start), max(i.end for i in in_core if i.end)
    zoom_lo, zoom_hi = _parse_day(date_from), _parse_day(date_to, end=True)
    zoomed = bool(zoom_lo or zoom_hi)
    axis = None
    on_axis: list[EventItem] = []
    outside: list[EventItem] = []
    if lo and hi:
        a_lo, a_hi = zoom_lo or lo, zoom_hi or hi
        if a_hi < a_lo:
            a_lo, a_hi = a_hi, a_lo
        for i in items:
            if i.start and i.end and i.start >= a_lo and i.end <= a_hi:
                on_axis.append(i)
            else:
                outside.append(i)
        axis = _axis(a_lo, a_hi, zoomed, min(i.start for i in full if i.start), max(i.end for i in full if i.end),
                     len(outside))
    else:
        on_axis = items
    # key events: salience >= KEY_SALIENCE (as the terminal timeline); the rest are folded
    for i in on_axis:
        i.key = i.id in key_ids
    make = Timeline.model_construct if light else Timeline  # (a page's folded events are FoldedEvents)
    return make(story_id=story_id, title=card.title, summary=summary, axis=axis,
                key_events=[i for i in on_axis if i.key], other_events=[i for i in on_axis if not i.key],
                outside=outside, undated=undated)


def story_page(store, story_id: str, date_from: str | None = None, date_to: str | None = None) -> Timeline:
    """A story's timeline as its web page shows it: ``story_timeline(sentences="key")``, where the
    pages' rows are kept, with its folded events as FoldedEvents (for rendering only: never dumped
    as JSON; the JSON API reads ``story_timeline``)."""
    return story_timeline(store, story_id, date_from, date_to, sentences="key", light=True)


def _axis(lo: date, hi: date, zoomed: bool, full_lo: date, full_hi: date, outside: int) -> Axis:
    days = max((hi - lo).days, 1)
    if days <= 21:
        step = "day"
    elif days <= 120:
        step = "week"
    elif days <= 3 * 366:
        step = "month"
    else:
        step = "year"
    ticks: list[Tick] = []
    cur = lo
    if step == "week":
        cur = lo
    elif step == "month":
        cur = lo.replace(day=1)
    elif step == "year":
        cur = date(lo.year, 1, 1)
    guard = 0
    while cur <= hi and guard < 400:
        guard += 1
        if step == "day":
            nxt = date.fromordinal(cur.toordinal() + 1)
            label = f"{cur.day} {cur.strftime('%b')}"
        elif step == "week":
            nxt = date.fromordinal(cur.toordinal() + 7)
            label = f"{cur.day} {cur.strftime('%b')}"
        elif step == "month":
            nxt = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
            label = cur.strftime("%b %Y") if cur.month == 1 or not ticks else cur.strftime("%b")
        else:
            nxt = date(cur.year + 1, 1, 1)
            label = str(cur.year)
        if cur >= lo:
            ticks.append(Tick(x=(cur - lo).days / days, label=label, start=cur,
                              end=date.fromordinal(nxt.toordinal() - 1)))
        cur = nxt
    if len(ticks) > 14:  # keep labels readable: every n-th tick
        n = -(-len(ticks) // 12)
        ticks = ticks[::n]
    return Axis(start=lo, end=hi, granularity=step, ticks=ticks, zoomed=zoomed, full_start=full_lo, full_end=full_hi,
                outside=outside)


def event(store, event_id: str) -> EventItem:
    ev = store.link_event(event_id)
    if ev is None:
        raise NotFound(f"no event {event_id!r}")
    return _event_item(store, ev)


# -- quotations, figures, sources -------------------------------------------------------------------
def _quote_doc(quote_id: str) -> str:
    return quote_id.rpartition(":q")[0]


def _group_item(store, g: dict) -> QuoteGroupItem:
    ids = [_quote_doc(q) for q in g["quote_ids"]]
    briefs = _briefs(store, ids)
    linked = _linked(store, ids, "quotes")
    quotes = {q["id"]: q for d in set(ids) for q in linked[d]}
    members = sorted((quotes[q] for q in g["quote_ids"] if q in quotes),
                     key=lambda q: (_report_key(briefs[q["document_id"]]), q["id"]))
    sources = [QuoteSource(article=_ref(briefs[q["document_id"]]), text=q["text"], direct=q["direct"]) for q in members]
    return QuoteGroupItem(id=g["id"], speaker=g["speaker"], speaker_id=g["speaker_id"], text=g["text"],
                          outlets=_outlets(briefs, g["sources"]), sources=sources)


def _outlets(briefs: dict[str, dict], doc_ids: Iterable[str]) -> int:
    """How many outlets carry something (duplicates not counted)."""
    return len({brief_outlet(b)
                for b in (briefs[d] for d in doc_ids if d in briefs) if not b["duplicate_of"]})


def quotations(store, story_id: str, speaker: str | None = None, page: int = 1, per_page: int = 50) -> Quotations:
    story(store, story_id)
    briefs = _briefs(store, story_id=story_id)
    groups = store.link_quote_groups(story_id)
    speakers = sorted({g["speaker"] for g in groups if g["speaker"]}, key=str.lower)
    if speaker:
        groups = [g for g in groups if g["speaker"] == speaker or g["speaker_id"] == speaker]
    groups.sort(key=lambda g: (-_outlets(briefs, g["sources"]), -len(g["quote_ids"]), (g["speaker"] or "~").lower(),
                               g["id"]))
    p = _paging(len(groups), page, per_page)
    return Quotations(story_id=story_id, speaker=speaker, speakers=speakers,
                      groups=[_group_item(store, g) for g in _slice(groups, p)], paging=p)


def series(store, story_id: str) -> Figures:
    story(store, story_id)
    briefs = _briefs(store, story_id=story_id)
    records = store.link_series(story_id)
    linked = _linked(store, sorted({f.rpartition(":f")[0] for se in records for f in se["figure_ids"]}), "figures")
    figures = {f["id"]: f for figs in linked.values() for f in figs}
    out = []
    for se in records:
        status, diffs = _agreement(se.get("agreement"), lambda d: _ref(briefs[d]))
        figs = [figures[f] for f in se["figure_ids"] if f in figures]
        by_date: dict[str, set[float]] = {}
        for f in figs:  # stated dates only: an estimate never conflicts with a figure
            if f["date"] is not None and not f["date"].get("estimated"):
                by_date.setdefault(f["date"]["value"], set()).add(f["value"])
        points = []
        for f in figs:
            b = briefs[f["document_id"]]
            d = f["date"]
            est = _estimate(b)
            if d is not None:
                start: date | None = date.fromisoformat(d["start"])
                when = _when(d, est.get("source", "text") if est else "text")
            else:  # undated: the time of the report
                pub = published_utc(b["published"])
                start = date.fromisoformat(pub[:10]) if pub else None
                when = f"reported {_ref(b).published_label}"
            points.append(SeriesPoint(
                value=f["value"], text=f["text"], date_value=d["value"] if d else None, when=when, start=start,
                article=_ref(b), conflict=bool(d and not d.get("estimated") and len(by_date.get(d["value"], ())) > 1)))
        points.sort(key=lambda p: (p.start is None, p.start or date.min, p.value, p.article.id))
        out.append(SeriesItem(id=se["id"], subject=se["subject"], agreement=status or "single", conflict=se["conflict"],
                              points=points, differences=diffs))
    out.sort(key=lambda s: (-len(s.points), s.subject.lower(), s.id))
    return Figures(story_id=story_id, series=out)


def sources(store, story_id: str) -> Sources:
    story(store, story_id)
    briefs = _briefs(store, story_id=story_id)
    rec = _story_rec(store, story_id)
    firsts: dict[str, int] = {}
    counts: dict[str, int] = {}
    first_events: dict[str, list[dict]] = {}
    for ev in store.link_events(story_id):
        srcs = ev["sources"]
        if srcs:
            firsts[srcs[0]] = firsts.get(srcs[0], 0) + 1
            first_events.setdefault(srcs[0], []).append(ev)
        for d in srcs:
            counts[d] = counts.get(d, 0) + 1
    by_outlet: dict[str, list[dict]] = {}
    for b in sorted((briefs[d] for d in rec["document_ids"] if d in briefs), key=_report_key):
        by_outlet.setdefault(brief_outlet(b), []).append(b)

    def firsts_of(bs: list[dict]) -> list[EventItem]:
        items = [_event_item(store, ev, with_sentences=False) for b in bs for ev in first_events.get(b["id"], [])]
        return sorted(items, key=lambda i: (-i.sources, i.start is None, i.start or date.min, i.id))

    outlets = [OutletReport(outlet=o, articles=[_ref(b) for b in bs],
                            events=sum(counts.get(b["id"], 0) for b in bs),
                            first_reports=sum(firsts.get(b["id"], 0) for b in bs), first_reported=firsts_of(bs))
               for o, bs in by_outlet.items()]
    return Sources(story_id=story_id, outlets=outlets)


# -- entities ---------------------------------------------------------------------------------------
def entity(store, entity_id: str) -> EntityPage:
    """An entity across every story it appears in (entity ids derive from the name, so the same
    entity has the same id in every story): its rows, the events naming it, the groups it speaks."""
    parts = store.link_entity_parts(entity_id)
    if not parts:
        raise NotFound(f"no entity {entity_id!r}")
    merged = merge_entity_rows([rec for _, rec in parts])
    story_ids = [sid for sid, _ in parts]
    history = [h for _, rec in parts for h in rec["role_history"]]
    mention_docs = sorted({m["document_id"] for _, rec in parts for m in rec["mentions"]})
    stored = _views_ok(store)
    refs: dict[str, ArticleRef] = {}
    if stored:  # the events, quotation groups and articles as the link stage kept them, ranked by the database
        refs = {d: ArticleRef.model_validate_json(r) for d, r in
                store.view_document_refs([*mention_docs, *(h["document_id"] for h in history)]).items()}
    else:
        evs = store.link_events_involving(entity_id, story_ids)
        groups = store.link_speaker_groups(entity_id)
        briefs = _briefs(store, [*mention_docs, *(h["document_id"] for h in history),
                                 *(d for _, g in groups for d in g["sources"])])
        refs = {d: _ref(b) for d, b in briefs.items()}
    roles = [RoleItem(role=h["role"], date=h["date"], when=human_published(h["date"]), article=refs[h["document_id"]])
             for h in history if h["document_id"] in refs]
    roles.sort(key=lambda r: (r.date is None, published_utc(r.date) or "", r.role))
    if stored:
        events_total, event_rows = store.view_entity_events(entity_id, ENTITY_ITEMS)
        events = sorted((_stored_event(d, x) for d, x in event_rows), key=lambda i: (i.start is None, i.start or date.min, i.id))
        quotations_total, group_rows = store.view_speaker_groups(entity_id, ENTITY_ITEMS)
        quotes = [QuoteGroupItem.model_validate_json(g) for g in group_rows]
    else:
        events, events_total, quotes, quotations_total = _entity_items(store, evs, groups, briefs)
    place = merged.get("place")
    return EntityPage(
        id=entity_id, name=merged["name"], type=merged["type"], aliases=merged["aliases"], roles=roles,
        place=PlaceItem(lat=place["lat"], lon=place["lon"], country_code=place["country_code"], name=place.get("name"))
        if place else None,
        stories=story_ids,
        articles=sorted((refs[d] for d in mention_docs if d in refs),
                        key=lambda a: (a.published is None, a.published or "", a.id)),
        mentions=len(merged["mentions"]), events=events, events_total=events_total, quotations=quotes,
        quotations_total=quotations_total)


def _entity_items(store, evs: list[dict], groups: list[tuple[str, dict]],
                  briefs: dict[str, dict]) -> tuple[list[EventItem], int, list[QuoteGroupItem], int]:
    """An entity's events and quotation groups from the stored account (where its pages' own rows
    are not there): the ENTITY_ITEMS most reported events, in date order, and most carried groups."""
    chosen = sorted(evs, key=lambda ev: (-len(ev["sources"]), ev["id"]))[:ENTITY_ITEMS]
    _briefs(store, [d for ev in chosen for d in (*ev["sources"], *(m["document_id"] for m in ev["mentions"]))])
    refs = store.link_entity_refs_by_id(sorted({e for ev in chosen for e in (*ev["actor_ids"], *ev["place_ids"])}),
                                        sorted({ev["story_id"] for ev in chosen}))
    events = []
    for ev in chosen:
        names = {e: EntityRef(id=e, name=refs[(ev["story_id"], e)][0], type=refs[(ev["story_id"], e)][1])
                 for e in (*ev["actor_ids"], *ev["place_ids"]) if (ev["story_id"], e) in refs}
        events.append(_event_item(store, ev, names=names))
    events.sort(key=lambda i: (i.start is None, i.start or date.min, i.id))
    ranked = sorted(groups, key=lambda sg: (-_outlets(briefs, sg[1]["sources"]), -len(sg[1]["quote_ids"]), sg[1]["id"]))
    quotes = [_group_item(store, g) for _, g in ranked[:ENTITY_ITEMS]]
    return events, len(evs), quotes, len(groups)


def entities(store, story_id: str) -> list[EntityRef]:
    story(store, story_id)
    return [EntityRef(id=i, name=n, type=t) for i, n, t, _ in store.link_entity_refs(story_id)]


def places(store, story_id: str) -> list[tuple[EntityRef, PlaceItem]]:
    """Places of a story with their coordinates, for its map."""
    story(store, story_id)
    view = _story_view(store, story_id)
    if view is not None:
        return view.places
    found = [e for e in store.link_story_entities(story_id) if e.get("place")]
    found.sort(key=lambda e: (-len(e["mentions"]), e["name"], e["id"]))
    return [(EntityRef(id=e["id"], name=e["name"], type=e["type"]),
             PlaceItem(lat=e["place"]["lat"], lon=e["place"]["lon"], country_code=e["place"]["country_code"],
                       name=e["place"].get("name")))
            for e in found]


# -- articles ---------------------------------------------------------------------------------------
def article(store, doc_id: str) -> ArticlePage:
    doc = store.document(doc_id)
    if doc is None:
        raise NotFound(f"no article {doc_id!r}")
    text = doc.article.text
    b = _briefs(store, [doc_id])[doc_id]
    est = _estimate(b)
    est_from = est.get("source", "text") if est else "text"
    linked = store.link_document(doc_id)
    marks: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, kind, title, link
    ent_refs: dict[str, EntityRef] = {}
    story_title = None
    if doc.story_id:
        rec = store.link_story(doc.story_id)
        story_title = rec["title"] if rec else None
        for e in store.link_story_entities(doc.story_id):
            for m in e["mentions"]:
                if m["document_id"] == doc_id:
                    marks.append((m["start"], m["end"], "entity", f"{e['name']} ({e['type']})", f"/entities/{e['id']}"))
                    ent_refs[e["id"]] = EntityRef(id=e["id"], name=e["name"], type=e["type"])
        spans = store.document_event_marks(doc_id)
        summaries = {ev["id"]: ev["summary"] for ev in store.link_events_by_id([s[0] for s in spans])}
        for ev_id, s, t in spans:
            marks.append((s, t, "event", f"event: {summaries.get(ev_id, '')}", f"/events/{ev_id}"))
    if linked is not None:  # the stored records, with their estimates marked
        timexes = [(t["start"], t["end"], t["text"], t["type"], _timex_words(t, est_from)) for t in linked["timexes"]]
        figures = [(f["start"], f["end"], f["text"], f["subject"]) for f in linked["figures"]]
        quotes = [(q["start"], q["end"], q["text"], q["speaker"]) for q in linked["quotes"]]
        events = [m["summary"] + (f" — {_when(m['date'], est_from)}" if m.get("date") else "")
                  for m in linked.get("event_mentions", ())]
    else:  # not linked yet: what the article's own annotations say
        ann = store.annotations(doc_id)
        timexes = [(t.start, t.end, t.text, t.type, human_date(t.value, t.mod)) for t in ann.timexes]
        figures = [(f.start, f.end, f.text, f.subject) for f in ann.figures]
        quotes = [(q.start, q.end, q.text, q.speaker) for q in ann.quotes]
        events = [m.summary + (f" — {human_date(m.date.value, m.date.mod)}" if m.date else "") for m in ann.events]
    for s, t, _, typ, words in timexes:
        marks.append((s, t, "date", words if typ in ("DATE", "TIME") else typ.lower(), None))
    for s, t, ftext, subject in figures:
        marks.append((s, t, "figure", f"{ftext}: {subject}", None))
    for s, t, _, who in quotes:
        marks.append((s, t, "quote", f"said by {who or 'unknown speaker'}", None))
    return ArticlePage(
        article=_ref(b), story_id=doc.story_id, story_title=story_title, source=_source_label(doc.article.source),
        author=doc.article.author, reprint_of=doc.article.reprint_of, text=text, paragraphs=_highlight(text, marks),
        removed=doc.article.removed, entities=sorted(ent_refs.values(), key=lambda e: e.name.lower()),
        dates=[f"{ttext} → {words}" for _, _, ttext, typ, words in timexes if typ in ("DATE", "TIME")],
        figures=[f"{ftext} ({subject})" for _, _, ftext, subject in figures],
        quotes=[f"“{qtext}” — {who or 'unknown speaker'}" for _, _, qtext, who in quotes],
        events=events)


def _timex_words(t: dict, est_from: str) -> str:
    if t.get("estimated") and t.get("value"):
        return estimate_label(t["value"], est_from)
    return human_date(t.get("value"), t.get("mod"))


def _source_label(source: str) -> str:
    """Where an article came from, without the local folder path."""
    if re.match(r"https?://", source):
        return source
    name, sep, line = source.rpartition(":")
    if sep and line.isdigit():
        return f"{Path(name).name}, record {line}"
    return Path(source).name


def _highlight(text: str, marks: list[tuple]) -> list[list[Highlight]]:
    """The text cut into runs; a run inside a mark is marked (quotes and entities may nest: the
    innermost, shortest mark wins; overlapping marks never cut words twice)."""
    bounds = {0, len(text)}
    for s, e, *_ in marks:
        if 0 <= s < e <= len(text):
            bounds |= {s, e}
    for i, ch in enumerate(text):
        if ch == "\n":
            bounds |= {i, i + 1}
    cuts = sorted(bounds)
    paragraphs: list[list[Highlight]] = [[]]
    ordered = sorted((m for m in marks if 0 <= m[0] < m[1] <= len(text)), key=lambda m: (m[1] - m[0], m[0]))
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        if piece == "\n":
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        mark = next((m for m in ordered if m[0] <= a and b <= m[1]), None)
        if mark is None:
            run = Highlight(kind="text", text=piece)
        else:
            run = Highlight(kind=mark[2], text=piece, title=mark[3], link=mark[4])
        para = paragraphs[-1]
        if para and para[-1].kind == run.kind and para[-1].title == run.title and para[-1].link == run.link:
            para[-1] = Highlight(kind=run.kind, text=para[-1].text + piece, title=run.title, link=run.link)
        else:
            para.append(run)
    return [p for p in paragraphs if p]


# -- search -----------------------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+", re.UNICODE)
SEARCH_ARTICLES = 200  # best-ranked articles a search considers (before the filters)
# quotations and events are looked for in the best-ranked articles that pass the story filter, at
# most this many: each article carries dozens of events, every one of which is read and matched
SEARCH_LINKED = 25


def fts_query(text: str, postgres: bool = False) -> str | None:
    """What a person typed as a safe full-text query: each whitespace-separated piece becomes one
    quoted phrase of its word characters ("U.S." -> "U S", "Clinton's" -> "Clinton s", "9/11" ->
    "9 11"), joined by AND; operators and quotes typed are treated as words. None if nothing is left.

    For PostgreSQL (whose store turns each quoted phrase into websearch_to_tsquery) a piece keeps its
    own punctuation, which PostgreSQL's parser reads as it read the text ("U.S.", "e-mail"), less a
    possessive ending and any double quote."""
    phrases = []
    for piece in text.split():
        words = _TOKEN.findall(piece)
        if not words:
            continue
        if postgres:
            piece = re.sub(r"['’]s$", "", piece.replace('"', "")).strip("'’")
            phrases.append('"' + piece + '"')
        else:
            phrases.append('"' + " ".join(words) + '"')
    return " ".join(phrases[:32]) if phrases else None


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _joined(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


def _contains(joined: str, q_words: list[str]) -> bool:
    """Every word typed appears in the (``_joined``) text as a whole word."""
    return all(f" {w} " in joined for w in q_words)


def _matcher(q_words: list[str]):
    """A test that every word typed appears in a text as a whole word, case-insensitively (what
    ``_contains(_joined(text), q_words)`` says, without cutting the text into words)."""
    patterns = [_word_pattern(w) for w in q_words]
    return lambda text: all(p.search(text) for p in patterns)


@functools.lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)


def search(store, q: str, story: str | None = None, outlet: str | None = None, date_from: str | None = None,
           date_to: str | None = None, page: int = 1, per_page: int = 20,
           kinds: Iterable[str] = ("article", "quotation", "event")) -> SearchResults:
    """Articles by the store's full-text index (the ``SEARCH_ARTICLES`` best); quotations and events
    among those the ``SEARCH_LINKED`` best found articles carry (every word typed is in the article
    of a quotation or an event that matches), matched on the quotation's words and speaker, the
    event's summary and the passages that report it."""
    q = (q or "").strip()[:500]
    lo, hi = _parse_day(date_from), _parse_day(date_to, end=True)

    def keep(b: dict | None) -> bool:
        if b is None:
            return False
        if story and b["story_id"] != story:
            return False
        if outlet and brief_outlet(b) != outlet:
            return False
        if lo or hi:
            pub = published_utc(b["published"])
            if not pub:
                return False
            day = date.fromisoformat(pub[:10])
            if (lo and day < lo) or (hi and day > hi):
                return False
        return True

    def hit(kind, title: str, snippet: str, link: str, sid: str | None, b: dict) -> Callable[[], SearchHit]:
        """A hit, made only if it is on the page shown (a search finds hundreds; a page shows 20)."""
        return functools.partial(SearchHit, kind=kind, title=title, snippet=snippet, link=link, story_id=sid,
                                 outlet=brief_outlet(b),
                                 published=b["published"])

    hits: list[Callable[[], SearchHit]] = []

    query = fts_query(q, postgres=not isinstance(store, SQLiteStore))
    if query:
        kinds = set(kinds)
        try:
            rows = store.search(query, SEARCH_ARTICLES)
        except StoreError:
            rows = []
        briefs = _light_briefs(store, [r[0] for r in rows])
        found = [r[0] for r in rows if r[0] in briefs and (not story or briefs[r[0]]["story_id"] == story)]
        found = found[:SEARCH_LINKED]
        if "article" in kinds:
            for doc_id, title, snippet in rows:
                b = briefs.get(doc_id)
                if b is not None and keep(b):
                    hits.append(hit("article", title or doc_id, snippet, f"/articles/{doc_id}", b["story_id"], b))
        q_words = [w for piece in q.split() for w in _words(piece)]
        matches = _matcher(q_words)
        by_story: dict[str, list[Callable[[], SearchHit]]] = {}
        if "quotation" in kinds and found and _views_ok(store):  # the groups' search texts and hits, as kept
            quoted = [(sid, json.loads(data)) for sid, _, data in store.view_quote_hits(found, q_words)
                      if not story or sid == story]
            quoted = [(sid, h) for sid, h in quoted if matches(h[2]) or matches(h[1] or "")]
            members = _light_briefs(store, [d for _, h in quoted for d in h[3]])
            for sid, (gid, speaker, text, docs) in quoted:
                kept = [members[d] for d in docs if keep(members.get(d))]
                if kept:
                    by_story.setdefault(sid, []).append(hit(
                        "quotation", f"{speaker or 'Unknown speaker'}", _short(text, 240),
                        f"/stories/{sid}/quotations#{gid}", sid, kept[0]))
        elif "quotation" in kinds and found:
            linked = _linked(store, found, "quotes")
            group_ids = {qt["group_id"] for d in found for qt in linked[d] if qt.get("group_id")}
            groups = store.link_groups_by_id(sorted(group_ids), q_words)
            members = _light_briefs(store, [_quote_doc(qid) for _, g in groups.values() for qid in g["quote_ids"]])
            for gid in sorted(groups, key=lambda g: (groups[g][0], g)):
                sid, g = groups[gid]
                if story and sid != story:
                    continue
                if not (matches(g["text"]) or matches(g["speaker"] or "")):
                    continue
                kept = [members[d] for d in (_quote_doc(qid) for qid in g["quote_ids"]) if keep(members.get(d))]
                if kept:
                    by_story.setdefault(sid, []).append(hit(
                        "quotation", f"{g['speaker'] or 'Unknown speaker'}", _short(g["text"], 240),
                        f"/stories/{sid}/quotations#{gid}", sid, kept[0]))
        event_hits: dict[str, list[Callable[[], SearchHit]]] = {}
        if "event" in kinds and found and _views_ok(store):  # the events' search texts and hits, as kept
            matched = [(sid, json.loads(data)) for sid, text, data in store.view_event_hits(found, q_words)
                       if (not story or sid == story) and matches(text)]
            docs = _light_briefs(store, [d for _, h in matched for d in h[4]])
            for sid, (ev_id, summary, typ, when, reporting) in matched:
                kept = [docs[d] for d in reporting if keep(docs.get(d))]
                if kept:
                    event_hits.setdefault(sid, []).append(hit(
                        "event", summary, f"{typ} · {when}", f"/stories/{sid}#{ev_id}", sid, kept[0]))
        elif "event" in kinds and found:
            evs = store.link_events_by_id(store.events_in_documents(found), q_words)
            evs.sort(key=lambda ev: ev["story_id"])  # stable: timeline order within a story
            docs = _light_briefs(store, [m["document_id"] for ev in evs for m in ev["mentions"]])
            for ev in evs:
                sid = ev["story_id"]
                if story and sid != story:
                    continue
                if not matches(ev["summary"] + " " + " ".join(m["text"] for m in ev["mentions"])):
                    continue
                kept = [docs[m["document_id"]] for m in ev["mentions"] if keep(docs.get(m["document_id"]))]
                if kept:
                    event_hits.setdefault(sid, []).append(hit(
                        "event", ev["summary"], f"{ev['type']} · {_when(ev.get('date'))}", f"/stories/{sid}#{ev['id']}",
                        sid, kept[0]))
        for sid in sorted(set(by_story) | set(event_hits)):
            hits += by_story.get(sid, []) + event_hits.get(sid, [])
    p = _paging(len(hits), page, per_page)
    return SearchResults(q=q, hits=[h() for h in _slice(hits, p)], paging=p, story=story, outlet=outlet,
                         date_from=date_from, date_to=date_to)
