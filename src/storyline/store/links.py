"""The stored cross-article account (migration 0002), for both stores: bulk reads of one story's
documents and annotations for the link stage, the replacement of one story's rows in one transaction,
the story index as rows (each story's profile with the norm parts it was scored by, its date span,
the terms' document frequencies and postings: ``link/story_store.py``), the paged, indexed reads the
views make, and the store's revision (migration 0004: a number every change a page can show moves
forward; each story's row keeps the revision it was last written at). SQL is written once; the
store names its placeholder in ``_P`` (``?`` or ``%s``). Every ``data`` column of the ``link_*``
tables is the JSON of a storyline/1 export record; ``story_profiles.data`` is a story's profile
(``{"terms": {term: weight}, "norm": [S0, S1, S2]}``, or the bare term weights where saved before the
norm parts were kept)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from ..model import Annotations, Document
from . import codec
from .queries import DOC_COLUMNS

_COLS = ", ".join(DOC_COLUMNS)
CHUNK = 500  # ids per IN (...) list


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@dataclass
class StoryRows:
    """Everything the link stage stores for one story (each item a storyline/1 record)."""

    story_id: str
    story: dict
    first_published: str | None
    last_published: str | None
    documents: dict[str, dict] = field(default_factory=dict)  # document id -> {new, timexes, figures, quotes}
    entities: list[dict] = field(default_factory=list)
    events: list[tuple[dict, str | None, str | None]] = field(default_factory=list)  # (record, date start, end)
    series: list[dict] = field(default_factory=list)
    quote_groups: list[dict] = field(default_factory=list)


@dataclass
class StoryViews:
    """The pages' own rows of one story (migration 0005), built by ``views.read.story_views`` from the
    story's stored rows: JSON texts of the records the pages and the JSON API show, with the columns
    pages sort by. ``version``: the views' code version that built them."""

    story_id: str
    version: str
    story: str  # the story's card, summary, period and places
    # (event id, dated, key, event, its sentences, what search matches, what a search hit shows), in timeline order
    events: list[tuple[str, bool, bool, str, str, str, str]] = field(default_factory=list)
    entity_events: list[tuple[str, int, str, int]] = field(default_factory=list)  # (entity id, event's ord, event id, sources)
    # (id, speaker id, outlets, quotes, group, what search matches, what a search hit shows, the quoting documents)
    quote_groups: list[tuple[str, str | None, int, int, str, str, str, list[str]]] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # document id -> how pages name it (JSON)


ViewBuilder = Callable[[Any], "StoryViews | None"]  # the store, its story's rows just written -> its pages' rows
VIEW_TABLES = ("view_stories", "view_events", "view_entity_events", "view_quote_groups", "view_quote_documents",
               "view_documents")


class LinkTables:
    """Mixed into a store that has ``conn``, ``transaction``, ``_P`` and ``_document``."""

    _P = "?"
    # one member of a JSON ``data`` column, as JSON text (SQLite's json_extract; PostgreSQL's store
    # names its own): the parsing stays in the database, a page decodes only what it shows
    _JSON = "json_extract({col}, '$.{key}')"
    # a text holds a lower-case word, in any case: SQLite's LIKE ignores the case of ASCII letters as
    # lower() lowers them, and neither touches other letters (PostgreSQL's store names its own)
    _LIKE = "{col} LIKE {p}"
    if TYPE_CHECKING:  # what the store this is mixed into provides
        conn: Any

        def transaction(self) -> AbstractContextManager[Any]: ...

        @staticmethod
        def _document(values: Any) -> Document: ...

    # -- what the link stage reads ------------------------------------------------------------
    def dirty_stories(self) -> tuple[list[str], list[str]]:
        """(stories to re-link, in id order; the dirty document ids read)."""
        dirty = [r[0] for r in self.conn.execute("SELECT document_id FROM link_dirty ORDER BY document_id")]
        # from the (few) dirty rows to their documents by id: a join the planner may drive from
        # documents_story instead reads every document that has a story
        stories = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT story_id FROM documents WHERE id IN (SELECT document_id FROM link_dirty)"
            " AND story_id IS NOT NULL ORDER BY story_id")]
        return stories, dirty

    def set_state(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(f"INSERT INTO state (key, value) VALUES ({self._P}, {self._P})"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def mark_all_dirty(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM link_dirty")
            conn.execute("INSERT INTO link_dirty (document_id) SELECT id FROM documents")

    def story_documents(self, story_id: str) -> list[Document]:
        """The documents of one story, in ingest order (an index look-up)."""
        return [self._document(r) for r in self.conn.execute(
            f"SELECT {_COLS} FROM documents WHERE story_id = {self._P} ORDER BY seq", (story_id,)).fetchall()]

    def story_annotations(self, story_id: str) -> dict[str, Annotations]:
        """document id -> Annotations of every document of one story, in one query."""
        layers: dict[str, dict[str, str]] = {}
        rows = self.conn.execute(
            "SELECT a.document_id, a.layer, a.data FROM annotations a JOIN documents d ON d.id = a.document_id"
            f" WHERE d.story_id = {self._P}", (story_id,))
        for doc_id, layer, data in rows:
            layers.setdefault(doc_id, {})[layer] = data
        return {doc_id: codec.assemble(doc_id, lay) for doc_id, lay in layers.items()}

    def annotations_many(self, ids: Sequence[str]) -> dict[str, Annotations]:
        """document id -> Annotations for many documents (bulk: one query per 500 ids)."""
        layers: dict[str, dict[str, str]] = {i: {} for i in ids}
        for chunk in _chunks(list(ids)):
            marks = ",".join([self._P] * len(chunk))
            for doc_id, layer, data in self.conn.execute(
                    f"SELECT document_id, layer, data FROM annotations WHERE document_id IN ({marks})", chunk):
                layers[doc_id][layer] = data
        return {doc_id: codec.assemble(doc_id, lay) for doc_id, lay in layers.items()}

    # -- what the link stage writes -----------------------------------------------------------
    def replace_story(self, rows: StoryRows, dirty: Sequence[str], views: ViewBuilder | None = None) -> None:
        """Replace one story's rows and clear its documents' dirty marks, in one transaction; with
        ``views``, the story's pages' rows too (built in the same transaction from the rows just
        written: a reader never sees the one without the other)."""
        p, sid = self._P, rows.story_id
        with self.transaction() as conn:
            for table in ("link_stories", "link_documents", "link_entities", "link_events", "link_event_mentions",
                          "link_series", "link_quote_groups"):
                conn.execute(f"DELETE FROM {table} WHERE story_id = {p}", (sid,))
            conn.execute(
                "INSERT INTO link_stories (story_id, title, documents, first_published, last_published, data)"
                f" VALUES ({p},{p},{p},{p},{p},{p})",
                (sid, rows.story["title"], len(rows.story["document_ids"]), rows.first_published,
                 rows.last_published, _dumps(rows.story)))
            self._many(conn, f"INSERT INTO link_documents (document_id, story_id, data) VALUES ({p},{p},{p})",
                       [(d, sid, _dumps(rec)) for d, rec in rows.documents.items()])
            self._many(conn, "INSERT INTO link_entities (story_id, entity_id, name, type, mentions, data)"
                             f" VALUES ({p},{p},{p},{p},{p},{p})",
                       [(sid, e["id"], e["name"], e["type"], len(e["mentions"]), _dumps(e)) for e in rows.entities])
            self._many(conn, "INSERT INTO link_events (story_id, event_id, ord, date_start, date_end, type, data)"
                             f" VALUES ({p},{p},{p},{p},{p},{p},{p})",
                       [(sid, ev["id"], i, start, end, ev["type"], _dumps(ev))
                        for i, (ev, start, end) in enumerate(rows.events)])
            self._many(conn, "INSERT INTO link_event_mentions (event_id, story_id, document_id, start_char, end_char)"
                             f" VALUES ({p},{p},{p},{p},{p})",
                       [(ev["id"], sid, m["document_id"], m["start"], m["end"])
                        for ev, _, _ in rows.events for m in ev["mentions"]])
            self._many(conn, f"INSERT INTO link_series (story_id, series_id, data) VALUES ({p},{p},{p})",
                       [(sid, s["id"], _dumps(s)) for s in rows.series])
            self._many(conn, f"INSERT INTO link_quote_groups (story_id, group_id, speaker_id, data) VALUES ({p},{p},{p},{p})",
                       [(sid, g["id"], g["speaker_id"], _dumps(g)) for g in rows.quote_groups])
            for chunk in _chunks(list(dirty)):
                conn.execute(f"DELETE FROM link_dirty WHERE document_id IN ({','.join([p] * len(chunk))})", chunk)
            if views is not None:
                self._write_views(conn, sid, views(self))

    def replace_story_views(self, story_id: str, views: ViewBuilder) -> None:
        """Build and replace one story's pages' rows from its stored rows, in one transaction (when
        the views' code version changed: the stored account itself is not recomputed)."""
        with self.transaction() as conn:
            self._write_views(conn, story_id, views(self))

    def _write_views(self, conn, story_id: str, v: StoryViews | None) -> None:
        p = self._P
        for table in VIEW_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE story_id = {p}", (story_id,))
        if v is None:
            return
        conn.execute(f"INSERT INTO view_stories (story_id, version, data) VALUES ({p},{p},{p})",
                     (story_id, v.version, v.story))
        self._many(conn, "INSERT INTO view_events (story_id, event_id, ord, dated, is_key, data, sentences, search, hit)"
                         f" VALUES ({p},{p},{p},{p},{p},{p},{p},{p},{p})",
                   [(story_id, ev, i, int(dated), int(key), data, sentences, search, hit)
                    for i, (ev, dated, key, data, sentences, search, hit) in enumerate(v.events)])
        self._many(conn, "INSERT INTO view_entity_events (entity_id, story_id, ord, event_id, sources)"
                         f" VALUES ({p},{p},{p},{p},{p})",
                   [(e, story_id, i, ev, n) for e, i, ev, n in v.entity_events])
        self._many(conn, "INSERT INTO view_quote_groups (story_id, group_id, speaker_id, outlets, quotes, data, search, hit)"
                         f" VALUES ({p},{p},{p},{p},{p},{p},{p},{p})",
                   [(story_id, g, speaker, outlets, quotes, data, search, hit)
                    for g, speaker, outlets, quotes, data, search, hit, _ in v.quote_groups])
        self._many(conn, f"INSERT INTO view_documents (document_id, story_id, ref) VALUES ({p},{p},{p})",
                   [(d, story_id, ref) for d, ref in sorted(v.documents.items())])
        self._many(conn, f"INSERT INTO view_quote_documents (document_id, story_id, group_id) VALUES ({p},{p},{p})",
                   [(d, story_id, g) for g, *_, docs in v.quote_groups for d in sorted(set(docs))])

    def clear_dirty(self, ids: Sequence[str]) -> None:
        with self.transaction() as conn:
            for chunk in _chunks(list(ids)):
                conn.execute(f"DELETE FROM link_dirty WHERE document_id IN ({','.join([self._P] * len(chunk))})", chunk)

    @staticmethod
    def _many(conn, sql: str, params: list[tuple]) -> None:
        if not params:
            return
        if hasattr(conn, "executemany"):  # sqlite3
            conn.executemany(sql, params)
        else:  # psycopg 3: executemany lives on cursors
            with conn.cursor() as cur:
                cur.executemany(sql, params)

    # -- the story index as rows ---------------------------------------------------------------
    def story_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequency of each term the index has seen (terms it has not are left out)."""
        out: dict[str, int] = {}
        for chunk in _chunks(list(terms)):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], r[1]) for r in self.conn.execute(f"SELECT term, df FROM story_df WHERE term IN ({marks})", chunk))
        return out

    def story_postings_many(self, terms: Sequence[str]) -> dict[str, set[str]]:
        """The stories whose profile holds each term (terms no story holds are left out), one indexed
        query per 500 terms."""
        out: dict[str, set[str]] = {}
        for chunk in _chunks(list(terms)):
            marks = ",".join([self._P] * len(chunk))
            for term, sid in self.conn.execute(
                    f"SELECT term, story_id FROM story_terms WHERE term IN ({marks})", chunk):
                out.setdefault(term, set()).add(sid)
        return out

    def story_profile(self, story_id: str) -> tuple[dict[str, float], list[int] | None, list[float] | None]:
        """(term -> weight, [first day, last day] or None, the profile's norm parts [S0, S1, S2] or None
        where saved before they were kept) of one story."""
        return self.story_profiles([story_id])[story_id]

    def story_profiles(self, story_ids: Sequence[str]) -> dict[str, tuple[dict[str, float], list[int] | None, list[float] | None]]:
        """story_profile of many stories, in bulk (one query per 500 stories and table)."""
        out: dict[str, tuple[dict[str, float], list[int] | None, list[float] | None]] = \
            {sid: ({}, None, None) for sid in story_ids}
        for chunk in _chunks(list(story_ids)):
            marks = ",".join([self._P] * len(chunk))
            for sid, data in self.conn.execute(
                    f"SELECT story_id, data FROM story_profiles WHERE story_id IN ({marks})", chunk):
                obj = json.loads(data)
                if "terms" in obj:  # {"terms": {term: weight}, "norm": [S0, S1, S2]} (a term has a kind prefix)
                    out[sid] = (obj["terms"], None, obj.get("norm"))
                else:  # a bare profile, saved before norm parts were kept
                    out[sid] = (obj, None, None)
            for sid, first, last in self.conn.execute(
                    f"SELECT story_id, first_day, last_day FROM story_spans WHERE story_id IN ({marks})", chunk):
                out[sid] = (out[sid][0], [int(first), int(last)], out[sid][2])
        return out

    def save_story_index(self, assignment: dict[str, str], df_delta: dict[str, int],
                         profiles: dict[str, dict[str, float]], spans: dict[str, list[int]],
                         state_key: str, state: str, drop_state: str | None = None,
                         norms: dict[str, list[float]] | None = None) -> None:
        """In one transaction: documents' stories, document-frequency increments, the profiles (with
        their norm parts, where given) and date spans of the stories that changed (replaced), and the
        index's small state."""
        norms = norms or {}
        p = self._P
        with self.transaction() as conn:
            self._many(conn, f"UPDATE documents SET story_id = {p} WHERE id = {p}",
                       [(sid, doc_id) for doc_id, sid in sorted(assignment.items())])
            self._many(conn, f"INSERT INTO story_df (term, df) VALUES ({p}, {p})"
                             " ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df",
                       sorted(df_delta.items()))
            for sid in sorted(profiles):
                conn.execute(f"DELETE FROM story_terms WHERE story_id = {p}", (sid,))
            self._many(conn, f"INSERT INTO story_terms (story_id, term, weight) VALUES ({p}, {p}, {p})",
                       [(sid, t, w) for sid in sorted(profiles) for t, w in sorted(profiles[sid].items())])
            self._many(conn, f"INSERT INTO story_profiles (story_id, data) VALUES ({p}, {p})"
                             " ON CONFLICT (story_id) DO UPDATE SET data = excluded.data",
                       [(sid, json.dumps({"terms": profiles[sid], "norm": norms[sid]} if sid in norms else profiles[sid],
                                         sort_keys=True)) for sid in sorted(profiles)])
            self._many(conn, f"INSERT INTO story_spans (story_id, first_day, last_day) VALUES ({p}, {p}, {p})"
                             " ON CONFLICT (story_id) DO UPDATE SET first_day = excluded.first_day,"
                             " last_day = excluded.last_day",
                       [(sid, span[0], span[1]) for sid, span in sorted(spans.items())])
            conn.execute(f"INSERT INTO state (key, value) VALUES ({p}, {p})"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (state_key, state))
            if drop_state:
                conn.execute(f"DELETE FROM state WHERE key = {p}", (drop_state,))

    # -- the dating index (migration 0006: link/dating.py) ---------------------------------------
    def dating_df(self, keys: Sequence[str]) -> dict[str, int]:
        """How many dated articles carry each key (keys none carries are left out)."""
        out: dict[str, int] = {}
        for chunk in _chunks(list(keys)):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT key, df FROM dating_df WHERE key IN ({marks}) AND df > 0", chunk))
        return out

    def dating_carriers(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str, int]]]:
        """key -> [(dated article, its stated day, its number of keys)] in article id order; ask
        only for rare keys (a common key's carriers are many)."""
        out: dict[str, list[tuple[str, str, int]]] = {}
        for chunk in _chunks(list(keys)):
            marks = ",".join([self._P] * len(chunk))
            for key, doc_id, day, n in self.conn.execute(
                    f"SELECT key, document_id, day, n_keys FROM dating_keys WHERE key IN ({marks})"
                    " AND day IS NOT NULL ORDER BY key, document_id", chunk):
                out.setdefault(key, []).append((doc_id, day, int(n)))
        return out

    def replace_dating_keys(self, rows: Sequence[tuple[str, str | None, Sequence[str]]]
                            ) -> dict[str, tuple[str | None, list[str]]]:
        """In one transaction: each (document, its stated day or None, its keys) replaces the
        document's rows, and the document frequencies of the keys (over dated documents) follow;
        returns each document's (stated day, keys) before."""
        p = self._P
        before: dict[str, tuple[str | None, list[str]]] = {}
        delta: dict[str, int] = {}
        with self.transaction() as conn:
            for doc_id, day, keys in rows:
                got = conn.execute(f"SELECT key, day FROM dating_keys WHERE document_id = {p} ORDER BY key",
                                   (doc_id,)).fetchall()
                old, old_day = [r[0] for r in got], (got[0][1] if got else None)
                before[doc_id] = (old_day, old)
                new = sorted(set(keys))
                for k in (old if old_day else ()):
                    delta[k] = delta.get(k, 0) - 1
                for k in (new if day else ()):
                    delta[k] = delta.get(k, 0) + 1
                conn.execute(f"DELETE FROM dating_keys WHERE document_id = {p}", (doc_id,))
                self._many(conn, f"INSERT INTO dating_keys (key, document_id, day, n_keys) VALUES ({p},{p},{p},{p})",
                           [(k, doc_id, day, len(new)) for k in new])
            self._many(conn, f"INSERT INTO dating_df (key, df) VALUES ({p}, {p})"
                             " ON CONFLICT (key) DO UPDATE SET df = dating_df.df + excluded.df",
                       sorted((k, d) for k, d in delta.items() if d))
        return before

    def dating_undated_stories(self, keys: Sequence[str]) -> list[str]:
        """The stories of the undated articles that carry one of ``keys`` (ask for rare keys only)."""
        out: set[str] = set()
        for chunk in _chunks(list(keys)):
            marks = ",".join([self._P] * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                "SELECT DISTINCT d.story_id FROM dating_keys k JOIN documents d ON d.id = k.document_id"
                f" WHERE k.key IN ({marks}) AND k.day IS NULL AND d.story_id IS NOT NULL", chunk))
        return sorted(out)

    def queue_dating(self, story_ids: Sequence[str]) -> None:
        """Stories whose undated articles' estimates may have changed, to relink (``dating_stale``)."""
        with self.transaction() as conn:
            self._many(conn, f"INSERT INTO dating_stale (story_id) VALUES ({self._P}) ON CONFLICT (story_id) DO NOTHING",
                       [(sid,) for sid in sorted(set(story_ids))])

    def dating_queue(self, limit: int | None = None) -> list[str]:
        """The stories waiting in ``dating_stale``, in id order (the first ``limit``)."""
        sql = "SELECT story_id FROM dating_stale ORDER BY story_id"
        if limit is not None:
            return [r[0] for r in self.conn.execute(sql + f" LIMIT {self._P}", (limit,))]
        return [r[0] for r in self.conn.execute(sql)]

    def dequeue_dating(self, story_ids: Sequence[str]) -> None:
        with self.transaction() as conn:
            for chunk in _chunks(sorted(set(story_ids))):
                conn.execute(f"DELETE FROM dating_stale WHERE story_id IN ({','.join([self._P] * len(chunk))})", chunk)

    # -- what the views read ------------------------------------------------------------------
    def link_stories(self, offset: int = 0, limit: int | None = None) -> list[dict]:
        """Stories, newest report first: {id, title, documents, first_published, last_published}."""
        sql = ("SELECT story_id, title, documents, first_published, last_published FROM link_stories"
               " ORDER BY last_published IS NULL, last_published DESC, story_id")
        params: tuple = ()
        if limit is not None:
            sql += f" LIMIT {self._P} OFFSET {self._P}"
            params = (limit, offset)
        return [{"id": r[0], "title": r[1], "documents": r[2], "first_published": r[3], "last_published": r[4]}
                for r in self.conn.execute(sql, params)]

    def link_story_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT story_id FROM link_stories ORDER BY story_id")]

    def link_story(self, story_id: str) -> dict | None:
        """The export record of one story (title, summary, periods, document ids)."""
        row = self.conn.execute(f"SELECT data FROM link_stories WHERE story_id = {self._P}", (story_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def link_events(self, story_id: str | None = None, offset: int = 0, limit: int | None = None) -> list[dict]:
        """Event records in timeline order: dated events by their span (then story, merge order),
        undated ones after. One story's, or every story's."""
        where = "WHERE story_id = " + self._P if story_id is not None else ""
        params: list[Any] = [story_id] if story_id is not None else []
        sql = (f"SELECT data FROM link_events {where}"
               " ORDER BY date_start IS NULL, date_start, date_end, story_id, ord")
        if limit is not None:
            sql += f" LIMIT {self._P} OFFSET {self._P}"
            params += [limit, offset]
        return [json.loads(r[0]) for r in self.conn.execute(sql, params)]

    def link_story_entities(self, story_id: str) -> list[dict]:
        """The entities of one story (their part in it), by id."""
        return [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM link_entities WHERE story_id = {self._P} ORDER BY entity_id", (story_id,))]

    def link_entity_names(self, story_id: str | None = None) -> dict[tuple[str, str], str]:
        """(story id, entity id) -> the entity's name in that story."""
        where, params = ("WHERE story_id = " + self._P, (story_id,)) if story_id is not None else ("", ())
        return {(r[0], r[1]): r[2] for r in self.conn.execute(
            f"SELECT story_id, entity_id, name FROM link_entities {where}", params)}

    def link_entity(self, entity_id: str) -> list[dict]:
        """An entity's rows, one per story it appears in, in story order."""
        return [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM link_entities WHERE entity_id = {self._P} ORDER BY story_id", (entity_id,))]

    def link_entity_rows(self) -> Iterator[tuple[str, dict]]:
        """(story id, entity record) of every story, by entity id then story (for the full export)."""
        for sid, data in self.conn.execute("SELECT story_id, data FROM link_entities ORDER BY entity_id, story_id"):
            yield sid, json.loads(data)

    def link_series(self, story_id: str | None = None) -> list[dict]:
        where, params = ("WHERE story_id = " + self._P, (story_id,)) if story_id is not None else ("", ())
        return [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM link_series {where} ORDER BY story_id, series_id", params)]

    def link_quote_groups(self, story_id: str | None = None) -> list[dict]:
        where, params = ("WHERE story_id = " + self._P, (story_id,)) if story_id is not None else ("", ())
        return [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM link_quote_groups {where} ORDER BY story_id, group_id", params)]

    def link_document(self, doc_id: str) -> dict | None:
        """{new, timexes, figures, quotes} of one document (export records), None if not linked yet."""
        row = self.conn.execute(f"SELECT data FROM link_documents WHERE document_id = {self._P}", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def link_documents(self, story_id: str | None = None) -> Iterator[tuple[Document, dict | None]]:
        """(document, its link record or None) in ingest order: one story's, or all (paged by seq)."""
        base = (f"SELECT {', '.join('d.' + c for c in DOC_COLUMNS)}, l.data FROM documents d"
                " LEFT JOIN link_documents l ON l.document_id = d.id")
        n = len(DOC_COLUMNS)
        if story_id is not None:
            for r in self.conn.execute(f"{base} WHERE d.story_id = {self._P} ORDER BY d.seq", (story_id,)).fetchall():
                yield self._document(r[:n]), (json.loads(r[n]) if r[n] else None)
            return
        last = -1
        while True:
            rows = self.conn.execute(f"{base} WHERE d.seq > {self._P} ORDER BY d.seq LIMIT {CHUNK}", (last,)).fetchall()
            for r in rows:
                yield self._document(r[:n]), (json.loads(r[n]) if r[n] else None)
            if len(rows) < CHUNK:
                return
            last = r[DOC_COLUMNS.index("seq")]

    def document_events(self, doc_id: str) -> list[str]:
        """Ids of the events a document reports (an index look-up)."""
        return sorted({r[0] for r in self.conn.execute(
            f"SELECT event_id FROM link_event_mentions WHERE document_id = {self._P}", (doc_id,))})

    def document_titles(self, ids: Sequence[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], r[1]) for r in self.conn.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", chunk))
        return out


    # -- what the web pages read (indexed look-ups; migration 0003; the revisions: 0004) --------
    def revision(self) -> int:
        """The store's revision (migration 0004): it moves forward with every change a page can
        show, in the writer's transaction, so a page kept by revision is never older than the store."""
        rows = self.conn.execute("SELECT revision FROM store_revision WHERE id = 1").fetchall()  # (read to its end:
        return int(rows[0][0])  # no read transaction is left open on a connection kept between requests)

    def story_revision(self, story_id: str) -> int | None:
        """The store's revision when a story's rows were last written (migration 0004); None if the
        story has no rows."""
        rows = self.conn.execute(f"SELECT revision FROM link_stories WHERE story_id = {self._P}", (story_id,)).fetchall()
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    def link_event(self, event_id: str) -> dict | None:
        """One event record by its id (an index look-up)."""
        row = self.conn.execute(f"SELECT data FROM link_events WHERE event_id = {self._P}", (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def link_events_involving(self, entity_id: str, story_ids: Sequence[str]) -> list[dict]:
        """Event records of these stories that name an entity as actor, target or place (the stories
        by index; rows whose JSON does not hold the id are never parsed)."""
        out = []
        for chunk in _chunks(sorted(set(story_ids))):
            marks = ",".join([self._P] * len(chunk))
            rows = self.conn.execute(
                f"SELECT data FROM link_events WHERE story_id IN ({marks}) AND data LIKE {self._P}"
                " ORDER BY date_start IS NULL, date_start, date_end, story_id, ord", [*chunk, f'%"{entity_id}"%'])
            for (data,) in rows:
                ev = json.loads(data)
                if entity_id in ev["actor_ids"] or entity_id in ev["target_ids"] or entity_id in ev["place_ids"]:
                    out.append(ev)
        return out

    def link_entity_parts(self, entity_id: str) -> list[tuple[str, dict]]:
        """(story id, the entity's record in that story), in story order (an index look-up)."""
        return [(r[0], json.loads(r[1])) for r in self.conn.execute(
            f"SELECT story_id, data FROM link_entities WHERE entity_id = {self._P} ORDER BY story_id", (entity_id,))]

    def link_entity_refs(self, story_id: str) -> list[tuple[str, str, str, int]]:
        """(entity id, name, type, mentions) of one story's entities, most mentioned first (no JSON)."""
        return [tuple(r) for r in self.conn.execute(
            f"SELECT entity_id, name, type, mentions FROM link_entities WHERE story_id = {self._P}"
            " ORDER BY mentions DESC, lower(name), entity_id", (story_id,))]

    def link_speaker_groups(self, entity_id: str) -> list[tuple[str, dict]]:
        """(story id, quotation group) of every group an entity speaks (an index look-up)."""
        return [(r[0], json.loads(r[1])) for r in self.conn.execute(
            f"SELECT story_id, data FROM link_quote_groups WHERE speaker_id = {self._P} ORDER BY story_id, group_id",
            (entity_id,))]

    def link_groups_by_id(self, group_ids: Sequence[str], words: Sequence[str] = ()) -> dict[str, tuple[str, dict]]:
        """group id -> (story id, quotation group), in bulk; with ``words``, only groups whose record
        holds every word (case-insensitive; a coarse filter the database applies before any parsing)."""
        out: dict[str, tuple[str, dict]] = {}
        like = "".join(f" AND lower(data) LIKE {self._P}" for _ in words)
        patterns = [f"%{w.lower()}%" for w in words]
        for chunk in _chunks(sorted(set(group_ids))):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], (r[1], json.loads(r[2]))) for r in self.conn.execute(
                f"SELECT group_id, story_id, data FROM link_quote_groups WHERE group_id IN ({marks}){like}",
                [*chunk, *patterns]))
        return out

    def link_counts(self, story_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """story id -> (events, quotation groups), in bulk."""
        out = {sid: (0, 0) for sid in story_ids}
        for chunk in _chunks(list(story_ids)):
            marks = ",".join([self._P] * len(chunk))
            for sid, n in self.conn.execute(
                    f"SELECT story_id, count(*) FROM link_events WHERE story_id IN ({marks}) GROUP BY story_id", chunk):
                out[sid] = (n, out[sid][1])
            for sid, n in self.conn.execute(
                    f"SELECT story_id, count(*) FROM link_quote_groups WHERE story_id IN ({marks}) GROUP BY story_id",
                    chunk):
                out[sid] = (out[sid][0], n)
        return out

    def link_document_part(self, ids: Sequence[str], key: str) -> dict[str, Any]:
        """document id -> one member (``quotes``, ``figures``, ...) of its link record, in bulk
        (documents not linked yet, or without that member, are left out)."""
        if not key.isidentifier():
            raise ValueError(f"not a record member: {key!r}")
        part = self._JSON.format(col="data", key=key)
        out: dict[str, Any] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], json.loads(r[1])) for r in self.conn.execute(
                f"SELECT document_id, {part} FROM link_documents WHERE document_id IN ({marks})", chunk)
                if r[1] is not None)
        return out

    def document_event_marks(self, doc_id: str) -> list[tuple[str, int, int]]:
        """(event id, start, end) of every event mention in one document (an index look-up)."""
        return [tuple(r) for r in self.conn.execute(
            f"SELECT event_id, start_char, end_char FROM link_event_mentions WHERE document_id = {self._P}"
            " ORDER BY start_char, end_char, event_id", (doc_id,))]

    def events_in_documents(self, ids: Sequence[str]) -> list[str]:
        """Ids of the events reported in any of these documents (by index)."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join([self._P] * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                f"SELECT event_id FROM link_event_mentions WHERE document_id IN ({marks})", chunk))
        return sorted(out)

    def link_events_by_id(self, event_ids: Sequence[str], words: Sequence[str] = ()) -> list[dict]:
        """Event records by id, in bulk, in timeline order; with ``words``, only records that hold
        every word (case-insensitive; a coarse filter the database applies before any parsing)."""
        like = "".join(f" AND lower(data) LIKE {self._P}" for _ in words)
        patterns = [f"%{w.lower()}%" for w in words]
        rows = []
        for chunk in _chunks(sorted(set(event_ids))):
            marks = ",".join([self._P] * len(chunk))
            rows += self.conn.execute(f"SELECT date_start, date_end, story_id, ord, data FROM link_events"
                                      f" WHERE event_id IN ({marks}){like}", [*chunk, *patterns]).fetchall()
        rows.sort(key=lambda r: (r[0] is None, r[0] or "", r[1] or "", r[2], r[3]))
        return [json.loads(r[4]) for r in rows]

    def link_entity_refs_by_id(self, entity_ids: Sequence[str],
                               story_ids: Sequence[str] | None = None) -> dict[tuple[str, str], tuple[str, str]]:
        """(story id, entity id) -> (name, type) of these entities in every story, or in these
        stories only (by index)."""
        out: dict[tuple[str, str], tuple[str, str]] = {}
        stories = sorted(set(story_ids)) if story_ids is not None else None
        if stories is not None and not stories:
            return out
        for chunk in _chunks(sorted(set(entity_ids))):
            marks = ",".join([self._P] * len(chunk))
            where, params = f"entity_id IN ({marks})", list(chunk)
            if stories is not None and len(stories) <= CHUNK:
                where += f" AND story_id IN ({','.join([self._P] * len(stories))})"
                params += stories
            out.update(((r[0], r[1]), (r[2], r[3])) for r in self.conn.execute(
                f"SELECT story_id, entity_id, name, type FROM link_entities WHERE {where}", params))
        return out

    # -- the pages' own rows (migration 0005; views/read.py builds and reads them) -----------------
    def view_story(self, story_id: str, version: str) -> str | None:
        """A story's page record (JSON) as built by this version of the views, None if there is none."""
        rows = self.conn.execute(f"SELECT data FROM view_stories WHERE story_id = {self._P} AND version = {self._P}",
                                 (story_id, version)).fetchall()
        return rows[0][0] if rows else None

    def view_events(self, story_id: str, sentences: bool | None = True) -> list[tuple[bool, bool, str, str | None]]:
        """(dated, key, event JSON, its sentences JSON) of a story's events in timeline order; the
        sentences of every event (``True``), of key events only (``None``) or of none (``False``)."""
        pick = {True: "sentences", None: "CASE WHEN is_key = 1 THEN sentences END", False: "NULL"}[sentences]
        return [(bool(r[0]), bool(r[1]), r[2], r[3]) for r in self.conn.execute(
            f"SELECT dated, is_key, data, {pick} FROM view_events WHERE story_id = {self._P} ORDER BY ord", (story_id,))]

    def view_key_events(self, story_id: str) -> list[tuple[int, str, str]]:
        """(place in the timeline, event JSON, sentences JSON) of a story's dated key events (what its
        page shows unfolded; the others are folded lines of its page record)."""
        return [(int(r[0]), r[1], r[2]) for r in self.conn.execute(
            f"SELECT ord, data, sentences FROM view_events WHERE story_id = {self._P} AND is_key = 1 AND dated = 1"
            " ORDER BY ord", (story_id,))]

    def view_document_refs(self, ids: Sequence[str]) -> dict[str, str]:
        """document id -> how pages name it (JSON), for those of these documents that have one."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join([self._P] * len(chunk))
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT document_id, ref FROM view_documents WHERE document_id IN ({marks})", chunk))
        return out

    def view_entity_events(self, entity_id: str, limit: int) -> tuple[int, list[tuple[str, str]]]:
        """(how many events name an entity, (event JSON, sentences JSON) of the ``limit`` most
        reported: most sources first, then by event id)."""
        p = self._P
        total = self.conn.execute(f"SELECT count(*) FROM view_entity_events WHERE entity_id = {p}",
                                  (entity_id,)).fetchall()[0][0]
        rows = self.conn.execute(
            "SELECT v.data, v.sentences FROM view_entity_events x JOIN view_events v"
            f" ON v.story_id = x.story_id AND v.ord = x.ord WHERE x.entity_id = {p}"
            f" ORDER BY x.sources DESC, x.event_id LIMIT {p}", (entity_id, limit)).fetchall()
        return int(total), [(r[0], r[1]) for r in rows]

    def view_event_hits(self, document_ids: Sequence[str], words: Sequence[str] = ()) -> list[tuple[str, str, str]]:
        """(story id, what search matches, hit JSON) of the events these documents report, by story
        then timeline; with ``words``, only events whose search text holds every word
        (case-insensitive; a coarse filter)."""
        return self._search_hits("SELECT DISTINCT v.story_id, v.ord, v.search, v.hit FROM link_event_mentions m"
                                 " JOIN view_events v ON v.event_id = m.event_id", document_ids, words)

    def view_quote_hits(self, document_ids: Sequence[str], words: Sequence[str] = ()) -> list[tuple[str, str, str]]:
        """(story id, what search matches, hit JSON) of the quotation groups these documents quote in,
        by story then group id; ``words`` as for ``view_event_hits``."""
        return self._search_hits("SELECT DISTINCT v.story_id, v.group_id, v.search, v.hit FROM view_quote_documents m"
                                 " JOIN view_quote_groups v ON v.story_id = m.story_id AND v.group_id = m.group_id",
                                 document_ids, words)

    def _search_hits(self, select: str, document_ids: Sequence[str], words: Sequence[str]) -> list[tuple[str, str, str]]:
        like = "".join(" AND " + self._LIKE.format(col="v.search", p=self._P) for _ in words)
        patterns = [f"%{w.lower()}%" for w in words]
        rows = []
        for chunk in _chunks(sorted(set(document_ids))):
            marks = ",".join([self._P] * len(chunk))
            rows += [tuple(r) for r in self.conn.execute(f"{select} WHERE m.document_id IN ({marks}){like}",
                                                         [*chunk, *patterns])]
        rows = sorted(set(rows), key=lambda r: (r[0], r[1]))
        return [(r[0], r[2], r[3]) for r in rows]

    def view_speaker_groups(self, speaker_id: str, limit: int) -> tuple[int, list[str]]:
        """(how many quotation groups an entity speaks, the JSON of the ``limit`` most carried: most
        outlets, then most quotations, then by group id)."""
        p = self._P
        total = self.conn.execute(f"SELECT count(*) FROM view_quote_groups WHERE speaker_id = {p}",
                                  (speaker_id,)).fetchall()[0][0]
        rows = self.conn.execute(
            f"SELECT data FROM view_quote_groups WHERE speaker_id = {p}"
            f" ORDER BY outlets DESC, quotes DESC, group_id LIMIT {p}", (speaker_id, limit)).fetchall()
        return int(total), [r[0] for r in rows]

    def outlet_fields(self) -> list[tuple[str | None, str | None, str | None, str | None]]:
        """Distinct (outlet, url, reprint_of, title) of the stories' non-duplicate documents, what an
        outlet's label is made of: the outlet alone where one is named (one scan, no text read)."""
        live = "story_id IS NOT NULL AND duplicate_of IS NULL"
        named = "outlet IS NOT NULL AND trim(outlet) <> ''"
        return [tuple(r) for r in self.conn.execute(
            f"SELECT DISTINCT outlet, NULL, NULL, NULL FROM documents WHERE {live} AND {named}"
            f" UNION SELECT DISTINCT NULL, url, reprint_of, title FROM documents WHERE {live} AND NOT ({named})")]

    def document_briefs(self, ids: Sequence[str] | None = None, story_id: str | None = None,
                        text: bool = True) -> list[dict]:
        """What pages show of documents without their text: id, story_id, outlet, url, reprint_of,
        title, published, duplicate_of, added_at, seq, head (the text's first 200 characters) and,
        for an undated one, published_estimate. By ids, one story's, or all, in ingest order.
        ``text=False``: no head and no estimate (the text and the link record are not read)."""
        cols = ("d.id, d.story_id, d.outlet, d.url, d.reprint_of, d.title, d.published, d.duplicate_of, d.added_at,"
                " d.seq, ")
        if text:
            cols += ("substr(d.text, 1, 200), CASE WHEN d.published IS NULL THEN "
                     + self._JSON.format(col="l.data", key="published_estimate") + " END")
            base = f"SELECT {cols} FROM documents d LEFT JOIN link_documents l ON l.document_id = d.id"
        else:
            base = f"SELECT {cols}'', NULL FROM documents d"
        if ids is not None:
            rows = []
            for chunk in _chunks(sorted(set(ids))):
                rows += self.conn.execute(f"{base} WHERE d.id IN ({','.join([self._P] * len(chunk))})", chunk).fetchall()
            rows.sort(key=lambda r: r[9])
        elif story_id is not None:
            rows = self.conn.execute(f"{base} WHERE d.story_id = {self._P} ORDER BY d.seq", (story_id,)).fetchall()
        else:
            rows = self.conn.execute(f"{base} ORDER BY d.seq").fetchall()
        keys = ("id", "story_id", "outlet", "url", "reprint_of", "title", "published", "duplicate_of", "added_at",
                "seq", "head")
        out = []
        for r in rows:
            rec = dict(zip(keys, r[:11]))
            rec["published_estimate"] = json.loads(r[11]) if r[11] else None
            out.append(rec)
        return out


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
