"""The pages' own rows (migration 0005): the link stage writes them with a story's rows, and a page
read from them equals the page computed from the stored account (the JSON API returns the same);
they change when the story changes; a store without them (older, or built by another version of the
views) is read from scratch until the next link run writes them. SQLite and PostgreSQL."""
import json

from storyline.link.pipeline import link
from storyline.views import read
from test_link_stored import _fill, _ids, annotated, new_store  # noqa: F401  (fixtures)
from test_store_postgres import server  # noqa: F401  (the PostgreSQL server fixture)


def _pages(store, stored: bool) -> dict:
    """Every story's and entity's page records (JSON-ready), read from the pages' rows or from scratch."""
    out = {}
    store._read_memo = None
    if not stored:
        read.from_scratch(store)
    sids = store.link_story_ids()
    for sid in sids:
        out[("card", sid)] = read.story(store, sid).model_dump(mode="json")
        out[("places", sid)] = [(e.model_dump(), p.model_dump()) for e, p in read.places(store, sid)]
        for sentences in ("all", "key"):
            out[("timeline", sid, sentences)] = read.story_timeline(store, sid, sentences=sentences).model_dump(mode="json")
        out[("zoomed", sid)] = read.story_timeline(store, sid, "2018", "2019-06", sentences="key").model_dump(mode="json")
    names = set()
    for eid in sorted({e.id for sid in sids for e in read.entities(store, sid)}):
        out[("entity", eid)] = read.entity(store, eid).model_dump(mode="json")
        names.add(out[("entity", eid)]["name"])
    for q in sorted(names) + ["talks", "said", "U.S.", "earthquake Monday"]:
        out[("search", q)] = read.search(store, q, per_page=100).model_dump(mode="json")
    store._read_memo = None
    return out


def _rows(store, story_id: str) -> tuple:
    return store.view_story(story_id, read.VIEW_VERSION), store.view_events(story_id)


def test_page_rows_equal_the_pages_computed_from_scratch(annotated, new_store):  # noqa: F811 (the fixtures imported above)
    store = new_store("views")
    _fill(store, annotated, [_ids(annotated)])
    assert store.get_state(read.VIEW_STATE) == read.VIEW_VERSION
    from_rows, scratch = _pages(store, True), _pages(store, False)
    assert from_rows == scratch
    timelines = [v for k, v in from_rows.items() if k[0] == "timeline" and k[2] == "all"]
    assert sum(len(t["key_events"]) + len(t["other_events"]) + len(t["undated"]) + len(t["outside"])
               for t in timelines) > 10
    assert any(e["sentences"] for t in timelines for e in t["other_events"])  # "all": every event's sentences
    assert not any(e["sentences"] for k, t in from_rows.items() if k[0] == "timeline" and k[2] == "key"
                   for e in t["other_events"])  # the page: only key events carry theirs
    assert any(v["events"] and v["quotations"] for k, v in from_rows.items() if k[0] == "entity")
    for kind in ("event", "quotation", "article"):
        assert sum(h["kind"] == kind for k, v in from_rows.items() if k[0] == "search" for h in v["hits"]) > 5, kind
    sid = store.link_story_ids()[0]
    assert read.story_timeline(store, sid).model_dump() == _timeline_from_scratch(store, sid)
    store._read_memo = None
    events = store.view_events(sid)
    assert [json.loads(d)["id"] for _, _, d, _ in events] == [ev["id"] for ev in store.link_events(sid)]


def _timeline_from_scratch(store, sid: str) -> dict:
    read.from_scratch(store)
    try:
        return read.story_timeline(store, sid).model_dump()
    finally:
        store._read_memo = None


def test_page_rows_change_when_their_story_changes(annotated, new_store):  # noqa: F811 (the fixtures imported above)
    ids = _ids(annotated)
    samples = [i for i in ids if not i.startswith("quake")]
    store = new_store("changes")
    _fill(store, annotated, [samples[:-1] + ["quake-1", "quake-2"]])
    sid = store.document(samples[0]).story_id
    quake = store.document("quake-1").story_id
    before, quake_before = _rows(store, sid), _rows(store, quake)
    _fill(store, annotated, [samples[-1:]])
    assert store.document(samples[-1]).story_id == sid
    after = _rows(store, sid)
    assert after != before
    assert json.loads(after[0])["card"]["articles"] == json.loads(before[0])["card"]["articles"] + 1
    assert _rows(store, quake) == quake_before  # another story's rows are left as they were
    assert read.story_timeline(store, sid).model_dump() == _timeline_from_scratch(store, sid)


def test_a_store_without_page_rows_is_read_from_scratch_until_linked(annotated, new_store):  # noqa: F811 (the fixtures imported above)
    store = new_store("older")
    _fill(store, annotated, [_ids(annotated)])
    want = _pages(store, True)
    sid = store.link_story_ids()[0]
    with store.transaction() as conn:  # as a store migrated from schema 4, or built by another version of the views
        for table in ("view_stories", "view_events", "view_entity_events", "view_quote_groups"):
            conn.execute(f"DELETE FROM {table}")
    store.set_state(read.VIEW_STATE, "0")
    assert store.view_story(sid, read.VIEW_VERSION) is None
    assert _pages(store, True) == want  # from scratch
    revision = store.revision()
    link(store)  # nothing to re-link: the pages' rows alone are written again
    assert store.get_state(read.VIEW_STATE) == read.VIEW_VERSION
    assert store.view_story(sid, read.VIEW_VERSION) is not None
    assert _pages(store, True) == want
    assert store.revision() == revision  # the pages show what they showed: kept pages stay kept


def test_pages_from_their_rows_are_the_pages_from_scratch(annotated, tmp_path):  # noqa: F811
    """The HTML a reader gets (story pages, zoomed or not, entity pages, searches) is the same
    whether the pages' rows are there or not (the folded events of a story page come from their
    stored lines)."""
    import re

    from fastapi.testclient import TestClient

    from storyline.store import open_store
    from storyline.views.web import create_app

    db = tmp_path / "s.db"
    store = open_store(db)
    _fill(store, annotated, [_ids(annotated)])
    sids = store.link_story_ids()
    urls = [f"/stories/{sid}" for sid in sids] + [f"/stories/{sid}?from=2018&to=2019-06" for sid in sids]
    urls += [f"/entities/{e}" for sid in sids for e, *_ in store.link_entity_refs(sid)[:8]]
    urls += ["/search?q=talks", "/search?q=Taliban&page=2", "/search?q=earthquake"]

    def pages() -> list[str]:
        c = TestClient(create_app(db, annotate=False), base_url="http://127.0.0.1:8000")
        return [re.sub(r'name="csrf" value="[^"]*"', "", c.get(u).text) for u in urls]

    kept = pages()
    assert any('class="ev folded' in p for p in kept) and any('class="ev key' in p for p in kept)
    store.set_state(read.VIEW_STATE, "0")  # the rows are no longer read: every page from scratch
    assert pages() == kept
    store.close()


def test_a_store_of_schema_4_is_migrated_and_gets_its_page_rows(annotated, tmp_path, monkeypatch):  # noqa: F811
    from storyline.model import Document
    from storyline.store import open_store
    from storyline.store import sqlite as sqlite_store

    shipped = sqlite_store.migrations
    monkeypatch.setattr(sqlite_store, "migrations", lambda: [m for m in shipped() if m[0] <= 4])
    db = tmp_path / "old.db"
    store = open_store(db)  # a store as the last version left it: articles stored, not linked yet
    docs, anns = annotated
    store.add_batch([Document(article=d.article, content_hash=d.content_hash) for d in docs], {},
                    [(anns[d.id], "test") for d in docs], {})
    assert store.schema_version == 4
    store.close()
    monkeypatch.setattr(sqlite_store, "migrations", shipped)
    old = read.open_read(db)  # read-only: never migrated; no pages' rows to read
    assert old.version == 4 and not read._views_ok(old)
    old.close()
    store = open_store(db)
    assert store.schema_version == shipped()[-1][0] and store.view_story("s1", read.VIEW_VERSION) is None
    link(store)
    assert store.get_state(read.VIEW_STATE) == read.VIEW_VERSION
    assert _pages(store, True) == _pages(store, False)
    store.close()


def test_the_pages_rows_are_the_link_stages_registered_output():
    """The link stage finds the pages' builder through the ``storyline_story_outputs`` entry point
    (it never imports a view), under the state key the pages read."""
    from storyline.link.outputs import story_output

    output = story_output()
    assert output is read.PAGE_ROWS
    assert (output.name, output.version, output.state_key) == ("views", read.VIEW_VERSION, read.VIEW_STATE)
    assert output.build is read.story_views
