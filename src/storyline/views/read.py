"""Every read the web UI and the JSON API make, in one place, as small typed records (pydantic models,
so the API's OpenAPI schema describes them).

Today the cross-article account is computed from the stored per-article annotations with
``link.collection.load(store, story_id)``, one story at a time, and kept in a small cache keyed by a
fingerprint of the store (documents, sequence, story assignments, link state), so a page does not
recompute it while nothing changed. When the cross-article account is stored in tables, only this
module changes: the pages and API routes call nothing else.

Connections: :func:`open_read` opens the store read-only (SQLite: a ``file:...?mode=ro`` URI
connection, never migrating or writing); the web app opens one per request and closes it after.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from ..link.collection import Collection, load
from ..link.novelty import published_utc, report_key
from ..link.timespan import value_span
from ..model import Document, Event
from ..store import StoreError, open_store, postgres_url
from ..store.sqlite import SQLiteStore
from .dates import granularity, human_date, human_published

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
            self.conn = sqlite3.connect(Path(self.path).resolve().as_uri() + "?mode=ro", uri=True,
                                        isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store read-only ({exc})") from None
        from ..store.sqlite import migrations

        newest = migrations()[-1][0]
        if version == 0 or version > newest:
            self.conn.close()
            raise StoreError(f"{self.path}: not a store this Storyline can read (schema {version}, knows {newest})")

    def transaction(self):  # a read-only store never writes
        raise StoreError(f"{self.path}: opened read-only")


def open_read(db: str | Path):
    """A store to read from: SQLite read-only, PostgreSQL through its own connection handling."""
    if postgres_url(db) is not None:
        return open_store(db)
    return ReadOnlySQLiteStore(db)


# -- records ----------------------------------------------------------------------------------------
class ArticleRef(BaseModel):
    id: str
    title: str
    outlet: str = Field(description="The outlet's name; where the article names none, its web site or title")
    published: str | None = Field(None, description="ISO date or date-time as given by the source")
    published_label: str
    url: str | None = None
    duplicate_of: str | None = None


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
    key: bool = False
    sources: int
    first_reporter: ArticleRef | None
    agreement: Literal["agree", "differ", "single"] | None
    differences: list[Difference] = []
    actors: list[EntityRef] = []
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
def outlet_label(doc: Document) -> str:
    a = doc.article
    if a.outlet and a.outlet.strip():
        return a.outlet.strip()
    if a.url:
        host = urlsplit(a.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if a.reprint_of:
        return a.reprint_of
    if a.title:  # no outlet named anywhere: the article's own title, in quotation marks
        return f"“{_short(a.title, 36)}”"
    return "outlet not named"


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def article_ref(doc: Document) -> ArticleRef:
    a = doc.article
    return ArticleRef(id=doc.id, title=a.title or _short(a.text, 80) or doc.id, outlet=outlet_label(doc),
                      published=a.published, published_label=human_published(a.published), url=a.url,
                      duplicate_of=doc.duplicate_of)


def _paging(total: int, page: int, per_page: int) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    pages = max(1, -(-total // per_page))
    return Page(page=max(1, min(page, pages)), per_page=per_page, total=total, pages=pages)


def _slice(items: list, p: Page) -> list:
    return items[(p.page - 1) * p.per_page: p.page * p.per_page]


# -- the cache of cross-article accounts -----------------------------------------------------------
_LOCK = threading.Lock()
_CACHE: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
_CACHE_SIZE = 4096  # entries: a story account, its search strings, the indexes (all evicted LRU)


def fingerprint(store) -> tuple:
    """What changes whenever the cross-article account may change: documents added, stories and
    duplicates assigned, link state written."""
    row = store.conn.execute("SELECT count(*), coalesce(max(seq), 0), count(story_id), count(duplicate_of)"
                             " FROM documents").fetchone()
    state = store.conn.execute("SELECT key, value FROM state ORDER BY key").fetchall()
    digest = hashlib.sha1(repr([(r[0], r[1]) for r in state]).encode()).hexdigest()  # state can be large
    return (*tuple(row), digest)


def _fingerprint(store) -> tuple:
    """The fingerprint, taken once per connection (a request): a page's reads see one state."""
    fp = getattr(store, "_read_fingerprint", None)
    if fp is None:
        fp = fingerprint(store)
        try:
            store._read_fingerprint = fp
        except AttributeError:  # pragma: no cover - a store object without attributes
            pass
    return fp


def _cached(store, key: str, build):
    fp = _fingerprint(store)
    full = (store.path, key)
    with _LOCK:
        hit = _CACHE.get(full)
        if hit is not None and hit[0] == fp:
            _CACHE.move_to_end(full)
            return hit[1]
    value = build()
    with _LOCK:
        _CACHE[full] = (fp, value)
        _CACHE.move_to_end(full)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


class _StoryDocuments:
    """The store seen through one story: ``documents()`` reads only its members (an indexed
    look-up by story_id, not a scan of the store), for ``link.collection.load``."""

    def __init__(self, store, story_id: str):
        self.store, self.story_id = store, story_id

    def documents(self):
        from ..store.queries import DOC_COLUMNS

        p = "?" if isinstance(self.store, SQLiteStore) else "%s"
        rows = self.store.conn.execute(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents WHERE story_id = {p}"
                                       " ORDER BY seq", (self.story_id,)).fetchall()
        return [self.store._document(r) for r in rows]

    def annotations(self, doc_id: str):
        return self.store.annotations(doc_id)


def _collection(store, story_id: str) -> Collection:
    return _cached(store, "story:" + story_id, lambda: load(_StoryDocuments(store, story_id), story_id))


class _Doc(BaseModel):
    """What the story list needs of one document (no text)."""

    id: str
    story_id: str | None
    outlet: str
    published: str | None
    duplicate: bool
    added_at: str | None


def _index(store) -> dict:
    """Stories with their members and titles, computed once per store state."""
    def build() -> dict:
        from ..link.stories import story_title

        added = {r[0]: r[1] for r in store.conn.execute("SELECT id, added_at FROM documents")}
        members: dict[str, list[Document]] = {}
        docs: dict[str, _Doc] = {}
        for d in store.documents():
            docs[d.id] = _Doc(id=d.id, story_id=d.story_id, outlet=outlet_label(d), published=d.article.published,
                              duplicate=bool(d.duplicate_of), added_at=added.get(d.id))
            if d.story_id:
                members.setdefault(d.story_id, []).append(d)
        cards = {}
        for sid, ms in members.items():
            live = [m for m in ms if not m.duplicate_of] or ms
            title = story_title([m.article.text for m in live], [m.article.title for m in live])
            pubs = sorted(p for p in (published_utc(m.article.published) for m in ms) if p)
            outlets = sorted({outlet_label(m) for m in live}, key=str.lower)
            first, last = (pubs[0], pubs[-1]) if pubs else (None, None)
            if first:
                label = human_published(first[:10]) if first[:10] == last[:10] else \
                    f"{human_published(first[:10])} – {human_published(last[:10])}"
            else:
                label = "dates not given"
            updates = [docs[m.id].added_at for m in ms if docs[m.id].added_at]
            cards[sid] = StoryCard(id=sid, title=title, first_published=first, last_published=last, dates_label=label,
                                   outlets=outlets, articles=len(ms), duplicates=sum(1 for m in ms if m.duplicate_of),
                                   last_update=max(updates) if updates else None)
        return {"cards": cards, "docs": docs}
    return _cached(store, "index", build)


# -- stories ----------------------------------------------------------------------------------------
SORTS = ("recent", "oldest", "articles", "updated", "title")


def stories(store, sort: str = "recent", outlet: str | None = None, page: int = 1, per_page: int = 20) -> StoryList:
    idx = _index(store)
    cards: list[StoryCard] = list(idx["cards"].values())
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
    return StoryList(stories=[_counted(store, c) for c in _slice(cards, p)], paging=p, sort=sort, outlet=outlet,
                     outlets=all_outlets)


def _counted(store, card: StoryCard) -> StoryCard:
    col = _collection(store, card.id)
    return card.model_copy(update={"events": len(col.events), "quotations": len(col.quote_groups)})


def _neg(text: str) -> tuple:
    return tuple(-ord(c) for c in text)


def story(store, story_id: str) -> StoryCard:
    card = _index(store)["cards"].get(story_id)
    if card is None:
        raise NotFound(f"no story {story_id!r}")
    return _counted(store, card)


# -- events -----------------------------------------------------------------------------------------
def _differences(col: Collection, agreement) -> list[Difference]:
    """Passages that truly disagree, grouped by what they disagree about. Dates count as different
    only when the days they cover differ ("2016-07-21TNI" and "2016-07-21" are the same day)."""
    if agreement is None or agreement.status != "differ":
        return []
    groups: dict[str, list] = {}
    for p in agreement.passages:
        groups.setdefault(p.about, []).append(p)
    out = []
    for about, passages in groups.items():
        if about.startswith("date"):
            spans = {value_span(p.claim) for p in passages}
            if len(spans) <= 1:
                continue
            sides = [Side(article=article_ref(col.document(p.document_id)), claim=human_date(p.claim),
                          text=col.document(p.document_id).article.text[p.start:p.end]) for p in passages]
        else:
            claims = {p.claim for p in passages}
            if len(claims) <= 1:
                continue
            sides = [Side(article=article_ref(col.document(p.document_id)), claim=p.claim,
                          text=col.document(p.document_id).article.text[p.start:p.end]) for p in passages]
        out.append(Difference(about=_about(about), sides=sides))
    return out


def _about(about: str) -> str:
    m = re.fullmatch(r"(.*) on (\S+)", about)
    if m and not about.startswith("date"):
        return f"{m[1]} on {human_date(m[2])}"
    return about


def _agreement(col: Collection, agreement) -> tuple[str | None, list[Difference]]:
    if agreement is None:
        return None, []
    diffs = _differences(col, agreement)
    status = agreement.status
    if status == "differ" and not diffs:
        status = "agree"
    return status, diffs


def _event_item(col: Collection, ev: Event, names: dict[str, EntityRef], with_sentences: bool = True) -> EventItem:
    sources = col.sources(ev)
    status, diffs = _agreement(col, col.event_agreement.get(ev.id))
    span = value_span(ev.date.value) if ev.date else None
    sentences: list[Sentence] = []
    if with_sentences:
        order = {d: i for i, d in enumerate(sources)}
        mentions = sorted(ev.mentions, key=lambda m: (order.get(m[0], len(order)),
                                                      report_key(col.document(m[0])), m[1]))
        seen = set()
        for doc_id, s, e in mentions:
            if (doc_id, s, e) in seen:
                continue
            seen.add((doc_id, s, e))
            doc = col.document(doc_id)
            sentences.append(Sentence(article=article_ref(doc), text=doc.article.text[s:e],
                                      first=bool(sources) and doc_id == sources[0]))
    return EventItem(
        id=ev.id, story_id=ev.story_id, type=ev.type, modality=ev.modality, summary=ev.summary,
        date_value=ev.date.value if ev.date else None,
        when=human_date(ev.date.value, ev.date.mod) if ev.date else "date unknown",
        granularity=granularity(ev.date.value) if ev.date else "unknown",
        start=span[0] if span else None, end=span[1] if span else None, sources=len(sources),
        first_reporter=article_ref(col.document(sources[0])) if sources else None,
        agreement=status, differences=diffs,
        actors=[names[a] for a in ev.actor_ids if a in names],
        places=[names[a] for a in ev.place_ids if a in names],
        sentences=sentences,
    )


def _names(col: Collection) -> dict[str, EntityRef]:
    return {e.id: EntityRef(id=e.id, name=e.name, type=e.type) for e in col.entities}


KEY_EVENTS = 8


def _parse_day(text: str | None, end: bool = False) -> date | None:
    """A zoom bound: YYYY, YYYY-MM or YYYY-MM-DD (its first day, or with ``end`` its last)."""
    if not text:
        return None
    span = value_span(text.strip()) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text.strip()) else None
    if span is None:
        return None
    return span[1] if end else span[0]


def story_timeline(store, story_id: str, date_from: str | None = None, date_to: str | None = None) -> Timeline:
    card = story(store, story_id)
    col = _collection(store, story_id)
    names = _names(col)
    dated, undated = col.timeline(story_id)
    items = [_event_item(col, e, names) for e in dated]
    # the story's own period: around its articles' publication dates; earlier background (the 2001
    # invasion in a 2020 story) is listed, not allowed to stretch the axis
    pubs = sorted(p[:10] for p in (published_utc(d.article.published) for d in col.documents) if p)
    full = [i for i in items if i.start]
    lo = min((i.start for i in full), default=None)
    hi = max((i.end for i in full), default=None)
    if pubs and full:
        core_lo = date.fromisoformat(pubs[0]).replace(day=1)
        core_lo = date(core_lo.year - 1, core_lo.month, 1)
        core_hi = date.fromisoformat(pubs[-1])
        core_hi = date(core_hi.year + (core_hi.month == 12), core_hi.month % 12 + 1, 28)
        in_core = [i for i in full if i.end >= core_lo and i.start <= core_hi and
                   i.granularity in ("day", "week", "month", "season")]
        if in_core:
            lo, hi = min(i.start for i in in_core), max(i.end for i in in_core)
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
            if i.start and i.start >= a_lo and i.end <= a_hi:
                on_axis.append(i)
            else:
                outside.append(i)
        axis = _axis(a_lo, a_hi, zoomed, min(i.start for i in full), max(i.end for i in full), len(outside))
    else:
        on_axis = items
    # key events: the most reported (then the most precise, the earliest), shown first
    ranked = sorted(on_axis, key=lambda i: (-i.sources, _PRECISION.get(i.granularity, 9), i.start or date.min, i.id))
    key_ids = {i.id for i in ranked[:KEY_EVENTS]}
    for i in on_axis:
        i.key = i.id in key_ids
    und = [_event_item(col, e, names) for e in undated]
    summary = None
    try:
        whole, _ = col.story_summaries(story_id)
        # the sentences themselves; the citation marks of the text form name documents by id
        summary = " ".join(col.document(d).article.text[a:b].strip() for d, a, b in whole.sentences) or None
    except Exception:  # noqa: BLE001 - a summary that cannot be made leaves the page without one
        summary = None
    return Timeline(story_id=story_id, title=card.title, summary=summary, axis=axis,
                    key_events=[i for i in on_axis if i.key], other_events=[i for i in on_axis if not i.key],
                    outside=outside, undated=und)


_PRECISION = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5, "century": 6, "unknown": 7}


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
    ticks = []
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


def _where(store) -> dict:
    """Entity id -> the stories it appears in, and event id -> its story: built once per store state."""
    def build() -> dict:
        entities: dict[str, list[str]] = {}
        events: dict[str, str] = {}
        for sid in sorted(_index(store)["cards"]):
            col = _collection(store, sid)
            for e in col.entities:
                entities.setdefault(e.id, []).append(sid)
            for ev in col.events:
                events.setdefault(ev.id, sid)
        return {"entities": entities, "events": events}
    return _cached(store, "where", build)


def event(store, event_id: str) -> EventItem:
    sid = _where(store)["events"].get(event_id)
    if sid is not None:
        col = _collection(store, sid)
        for ev in col.events:
            if ev.id == event_id:
                return _event_item(col, ev, _names(col))
    raise NotFound(f"no event {event_id!r}")


# -- quotations, figures, sources -------------------------------------------------------------------
def _group_item(col: Collection, g) -> QuoteGroupItem:
    members = sorted(g.members, key=lambda m: (report_key(col.document(m.document_id)), m.quote_id))
    sources = [QuoteSource(article=article_ref(col.document(m.document_id)), text=m.text, direct=m.direct)
               for m in members]
    return QuoteGroupItem(id=g.id, speaker=g.speaker, speaker_id=g.speaker_id, text=g.text,
                          outlets=len({s.article.outlet for s in sources if not s.article.duplicate_of}),
                          sources=sources)


def quotations(store, story_id: str, speaker: str | None = None, page: int = 1, per_page: int = 50) -> Quotations:
    story(store, story_id)
    col = _collection(store, story_id)
    groups = [_group_item(col, g) for g in col.quote_groups]
    speakers = sorted({g.speaker for g in groups if g.speaker}, key=str.lower)
    if speaker:
        groups = [g for g in groups if g.speaker == speaker or g.speaker_id == speaker]
    groups.sort(key=lambda g: (-g.outlets, -len(g.sources), (g.speaker or "~").lower(), g.id))
    p = _paging(len(groups), page, per_page)
    return Quotations(story_id=story_id, speaker=speaker, speakers=speakers, groups=_slice(groups, p), paging=p)


def series(store, story_id: str) -> Figures:
    story(store, story_id)
    col = _collection(store, story_id)
    out = []
    for se in col.series:
        points = []
        status, diffs = _agreement(col, col.series_agreement.get(se.id))
        by_date: dict[str, set[float]] = {}
        figs = []
        for fid in se.figure_ids:
            doc_id, _, idx = fid.rpartition(":f")
            ann = col.annotations.get(doc_id)
            if ann is None or not idx.isdigit() or int(idx) >= len(ann.figures):
                continue
            f = ann.figures[int(idx)]
            figs.append((doc_id, f))
            if f.date is not None and value_span(f.date.value):
                by_date.setdefault(f.date.value, set()).add(f.value)
        for doc_id, f in figs:
            span = value_span(f.date.value) if f.date else None
            doc = col.document(doc_id)
            if span is None:  # undated: the time of the report
                pub = published_utc(doc.article.published)
                span = (date.fromisoformat(pub[:10]),) * 2 if pub else None
            points.append(SeriesPoint(
                value=f.value, text=f.text, date_value=f.date.value if f.date else None,
                when=human_date(f.date.value, f.date.mod) if f.date else f"reported {human_published(doc.article.published)}",
                start=span[0] if span else None, article=article_ref(doc),
                conflict=bool(f.date and len(by_date.get(f.date.value, ())) > 1)))
        points.sort(key=lambda p: (p.start is None, p.start or date.min, p.value, p.article.id))
        out.append(SeriesItem(id=se.id, subject=se.subject, agreement=status or "single", conflict=se.conflict,
                              points=points, differences=diffs))
    out.sort(key=lambda s: (-len(s.points), s.subject.lower(), s.id))
    return Figures(story_id=story_id, series=out)


def sources(store, story_id: str) -> Sources:
    story(store, story_id)
    col = _collection(store, story_id)
    firsts: dict[str, int] = {}
    counts: dict[str, int] = {}
    first_events: dict[str, list[Event]] = {}
    for ev in col.events:
        srcs = col.sources(ev)
        if srcs:
            firsts[srcs[0]] = firsts.get(srcs[0], 0) + 1
            first_events.setdefault(srcs[0], []).append(ev)
        for d in srcs:
            counts[d] = counts.get(d, 0) + 1
    by_outlet: dict[str, list[Document]] = {}
    for d in sorted(col.documents, key=report_key):
        by_outlet.setdefault(outlet_label(d), []).append(d)
    names = _names(col)

    def firsts_of(ds: list[Document]) -> list[EventItem]:
        items = [_event_item(col, ev, names, with_sentences=False) for d in ds for ev in first_events.get(d.id, [])]
        return sorted(items, key=lambda i: (-i.sources, i.start is None, i.start or date.min, i.id))

    outlets = [OutletReport(outlet=o, articles=[article_ref(d) for d in ds],
                            events=sum(counts.get(d.id, 0) for d in ds), first_reports=sum(firsts.get(d.id, 0) for d in ds),
                            first_reported=firsts_of(ds))
               for o, ds in by_outlet.items()]
    return Sources(story_id=story_id, outlets=outlets)


# -- entities ---------------------------------------------------------------------------------------
def entity(store, entity_id: str) -> EntityPage:
    """An entity across every story it appears in (entity ids derive from the name, so the same
    entity has the same id in every story)."""
    found = []
    for sid in _where(store)["entities"].get(entity_id, []):
        col = _collection(store, sid)
        for e in col.entities:
            if e.id == entity_id:
                found.append((col, e))
    if not found:
        raise NotFound(f"no entity {entity_id!r}")
    first = found[0][1]
    aliases: list[str] = []
    roles: list[RoleItem] = []
    articles: dict[str, ArticleRef] = {}
    events: list[EventItem] = []
    quotes: list[QuoteGroupItem] = []
    mentions = 0
    place = None
    for col, e in found:
        names = _names(col)
        aliases += [a for a in e.aliases if a not in aliases]
        mentions += len(e.mentions)
        if e.place and place is None:
            place = PlaceItem(lat=e.place.lat, lon=e.place.lon, country_code=e.place.country_code, name=e.place.name)
        for r in col.roles.get(e.id, []):
            doc = col.document(r["document_id"])
            roles.append(RoleItem(role=r["role"], date=r["date"], when=human_published(r["date"]),
                                  article=article_ref(doc)))
        for doc_id, _, _ in e.mentions:
            if doc_id not in articles:
                articles[doc_id] = article_ref(col.document(doc_id))
        for ev in col.events:
            if e.id in ev.actor_ids or e.id in ev.target_ids or e.id in ev.place_ids:
                events.append(_event_item(col, ev, names))
        for g in col.quote_groups:
            if g.speaker_id == e.id:
                quotes.append(_group_item(col, g))
    roles.sort(key=lambda r: (r.date is None, published_utc(r.date) or "", r.role))
    events_total, quotations_total = len(events), len(quotes)
    events = sorted(events, key=lambda i: (-i.sources, i.id))[:ENTITY_ITEMS]
    events.sort(key=lambda i: (i.start is None, i.start or date.min, i.id))
    quotes = sorted(quotes, key=lambda g: (-g.outlets, -len(g.sources), g.id))[:ENTITY_ITEMS]
    return EntityPage(id=first.id, name=first.name, type=first.type, aliases=aliases, roles=roles, place=place,
                      stories=[col.documents[0].story_id or "" for col, _ in found],
                      articles=sorted(articles.values(), key=lambda a: (a.published is None, a.published or "", a.id)),
                      mentions=mentions, events=events, events_total=events_total, quotations=quotes,
                      quotations_total=quotations_total)


def entities(store, story_id: str) -> list[EntityRef]:
    story(store, story_id)
    col = _collection(store, story_id)
    ordered = sorted(col.entities, key=lambda e: (-len(e.mentions), e.name.lower(), e.id))
    return [EntityRef(id=e.id, name=e.name, type=e.type) for e in ordered]


def places(store, story_id: str) -> list[tuple[EntityRef, PlaceItem]]:
    """Places of a story with their coordinates, for its map."""
    story(store, story_id)
    col = _collection(store, story_id)
    return [(EntityRef(id=e.id, name=e.name, type=e.type),
             PlaceItem(lat=e.place.lat, lon=e.place.lon, country_code=e.place.country_code, name=e.place.name))
            for e in sorted(col.entities, key=lambda e: (-len(e.mentions), e.name)) if e.place]


# -- articles ---------------------------------------------------------------------------------------
def article(store, doc_id: str) -> ArticlePage:
    doc = store.document(doc_id)
    if doc is None:
        raise NotFound(f"no article {doc_id!r}")
    ann = store.annotations(doc_id)
    text = doc.article.text
    marks: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, kind, title, link
    ent_refs: dict[str, EntityRef] = {}
    story_title = None
    if doc.story_id:
        col = _collection(store, doc.story_id)
        story_title = _index(store)["cards"].get(doc.story_id, None)
        story_title = story_title.title if story_title else None
        for e in col.entities:
            for d, s, t in e.mentions:
                if d == doc_id:
                    marks.append((s, t, "entity", f"{e.name} ({e.type})", f"/entities/{e.id}"))
                    ent_refs[e.id] = EntityRef(id=e.id, name=e.name, type=e.type)
        for ev in col.events:
            for d, s, t in ev.mentions:
                if d == doc_id:
                    marks.append((s, t, "event", f"event: {ev.summary}", f"/events/{ev.id}"))
    for t in ann.timexes:
        marks.append((t.start, t.end, "date", human_date(t.value, t.mod) if t.type in ("DATE", "TIME") else t.type.lower(),
                      None))
    for f in ann.figures:
        marks.append((f.start, f.end, "figure", f"{f.text}: {f.subject}", None))
    for q in ann.quotes:
        marks.append((q.start, q.end, "quote", f"said by {q.speaker or 'unknown speaker'}", None))
    paragraphs = _highlight(text, marks)
    events = [m.summary + (f" — {human_date(m.date.value, m.date.mod)}" if m.date else "") for m in ann.events]
    return ArticlePage(
        article=article_ref(doc), story_id=doc.story_id, story_title=story_title, source=_source_label(doc.article.source),
        author=doc.article.author, reprint_of=doc.article.reprint_of, text=text, paragraphs=paragraphs,
        removed=doc.article.removed, entities=sorted(ent_refs.values(), key=lambda e: e.name.lower()),
        dates=[f"{t.text} → {human_date(t.value, t.mod)}" for t in ann.timexes if t.type in ("DATE", "TIME")],
        figures=[f"{f.text} ({f.subject})" for f in ann.figures],
        quotes=[f"“{q.text}” — {q.speaker or 'unknown speaker'}" for q in ann.quotes],
        events=events)


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


def _searchable(store, sid: str) -> dict:
    """A story's quotation groups and events as word strings, built once per store state."""
    def build() -> dict:
        col = _collection(store, sid)
        return {
            "quotes": [(g, _joined(g.text), _joined(g.speaker or "")) for g in col.quote_groups],
            "events": [(ev, _joined(ev.summary + " " + " ".join(col.document(d).article.text[a:b]
                                                                 for d, a, b in ev.mentions)))
                       for ev in col.events],
        }
    return _cached(store, "search:" + sid, build)


def _searchable_all(store) -> dict:
    """Every story's searchable strings, in one cached entry (one look-up per search)."""
    return _cached(store, "search-all", lambda: {sid: _searchable(store, sid) for sid in sorted(_index(store)["cards"])})


def search(store, q: str, story: str | None = None, outlet: str | None = None, date_from: str | None = None,
           date_to: str | None = None, page: int = 1, per_page: int = 20,
           kinds: Iterable[str] = ("article", "quotation", "event")) -> SearchResults:
    q = (q or "").strip()[:500]
    hits: list[SearchHit] = []
    idx = _index(store)
    lo, hi = _parse_day(date_from), _parse_day(date_to, end=True)

    def keep(doc: _Doc | None) -> bool:
        if doc is None:
            return False
        if story and doc.story_id != story:
            return False
        if outlet and doc.outlet != outlet:
            return False
        if lo or hi:
            pub = published_utc(doc.published)
            if not pub:
                return False
            day = date.fromisoformat(pub[:10])
            if (lo and day < lo) or (hi and day > hi):
                return False
        return True

    query = fts_query(q, postgres=not isinstance(store, SQLiteStore))
    if query:
        kinds = set(kinds)
        if "article" in kinds:
            try:
                rows = store.search(query, SEARCH_ARTICLES)
            except StoreError:
                rows = []
            for doc_id, title, snippet in rows:
                d = idx["docs"].get(doc_id)
                if keep(d):
                    hits.append(SearchHit(kind="article", title=title or doc_id, snippet=snippet,
                                          link=f"/articles/{doc_id}", story_id=d.story_id, outlet=d.outlet,
                                          published=d.published))
        q_words = [w for piece in q.split() for w in _words(piece)]
        stories_ = [story] if story else sorted(idx["cards"])
        everything = _searchable_all(store) if not story else None
        for sid in stories_:
            if sid not in idx["cards"]:
                continue
            searchable = everything[sid] if everything is not None else _searchable(store, sid)
            if "quotation" in kinds:
                for g, text_words, speaker_words in searchable["quotes"]:
                    if not (_contains(text_words, q_words) or _contains(speaker_words, q_words)):
                        continue
                    members = [m for m in g.members if keep(idx["docs"].get(m.document_id))]
                    if members:
                        d = idx["docs"][members[0].document_id]
                        hits.append(SearchHit(kind="quotation", title=f"{g.speaker or 'Unknown speaker'}",
                                              snippet=_short(g.text, 240), link=f"/stories/{sid}/quotations#{g.id}",
                                              story_id=sid, outlet=d.outlet, published=d.published))
            if "event" in kinds:
                for ev, words in searchable["events"]:
                    if not _contains(words, q_words):
                        continue
                    docs_ = [m[0] for m in ev.mentions if keep(idx["docs"].get(m[0]))]
                    if docs_:
                        d = idx["docs"][docs_[0]]
                        when = human_date(ev.date.value, ev.date.mod) if ev.date else "date unknown"
                        hits.append(SearchHit(kind="event", title=ev.summary, snippet=f"{ev.type} · {when}",
                                              link=f"/stories/{sid}#{ev.id}", story_id=sid, outlet=d.outlet,
                                              published=d.published))
    p = _paging(len(hits), page, per_page)
    return SearchResults(q=q, hits=_slice(hits, p), paging=p, story=story, outlet=outlet, date_from=date_from,
                         date_to=date_to)
