"""The stored, incremental link stage: incremental equals from scratch in any batch order, ids stay
across re-runs, added articles and re-annotation, and a story's view is its part of the full export —
on SQLite and on PostgreSQL (a throwaway server, as in test_store_postgres)."""
import dataclasses
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import SAMPLES, SCHEMA
from storyline.link.pipeline import link
from storyline.model import Document
from storyline.store import open_store
from storyline.views.cli import app
from storyline.views.export import build_export
from test_store_postgres import _url, server  # noqa: F401  (the PostgreSQL server fixture)

runner = CliRunner()
EXTRA = [
    {"id": "quake-1", "published": "2021-03-01", "title": "Strong earthquake hits central Chile",
     "text": "A strong earthquake struck central Chile on Monday, officials in Santiago said.\n\n"
             "The quake, of magnitude 6.8, damaged 300 homes near Talca, the interior ministry said. "
             "\"We are assessing the damage,\" said Interior Minister Rodrigo Delgado."},
    {"id": "quake-2", "published": "2021-03-02", "title": "Chile counts damage after earthquake near Talca",
     "text": "Chile counted the damage on Tuesday after a strong earthquake struck near Talca on Monday.\n\n"
             "Interior Minister Rodrigo Delgado said 300 homes were damaged. \"We are assessing the damage,\" "
             "Delgado told reporters in Santiago."},
]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """A store with the samples and two reports of another story, annotated once (SQLite)."""
    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    folder = tmp_path_factory.mktemp("src")
    extra = folder / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in EXTRA))
    db = folder / "s.db"
    result = runner.invoke(app, ["build", str(SAMPLES), str(extra), "--db", str(db)])
    assert result.exit_code == 0, result.output
    store = open_store(db)
    docs = list(store.documents())
    anns = store.annotations_many([d.id for d in docs])
    store.close()
    return docs, anns


@pytest.fixture(params=["sqlite", "postgres"])
def new_store(request, tmp_path):
    """A factory of empty stores of one backend."""
    made = []

    def make(name: str):
        if request.param == "sqlite":
            store = open_store(tmp_path / f"{name}.db")
        else:
            import psycopg

            srv = request.getfixturevalue("server")
            with psycopg.connect(_url(srv), autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name}")
                conn.execute(f"CREATE DATABASE {name}")
            store = open_store(_url(srv, name))
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


def _fill(store, annotated, batches: list[list[str]]) -> None:
    """Copy stored, annotated documents into ``store`` batch by batch (at the store level, no
    re-annotation), linking after each batch as a build does."""
    docs, anns = annotated
    by_id = {d.id: d for d in docs}
    for ids in batches:
        batch = [Document(article=by_id[i].article, content_hash=by_id[i].content_hash) for i in ids]
        store.add_batch(batch, {}, [(anns[i], "test") for i in ids], {})
        link(store)


def _norm(export: dict) -> dict:
    """The export without its time, documents (and their items) in id order, and story ids named by
    their first document: the story index numbers stories in the order they were founded, so another
    arrival order may number the same stories differently (their members and contents must agree)."""
    out = json.loads(json.dumps(export))
    out.pop("generated_at")
    name = {s["id"]: "story:" + min(s["document_ids"]) for s in out["stories"]}
    for d in out["documents"]:
        d["story_id"] = name.get(d["story_id"], d["story_id"])
    for s in out["stories"]:
        s["id"] = name[s["id"]]
    for e in out["events"]:
        e["story_id"] = name[e["story_id"]]
    out["documents"].sort(key=lambda d: d["id"])
    for kind in ("timexes", "figures", "quotes"):
        out[kind].sort(key=lambda x: (x["document_id"], x["start"], x["end"]))
    out["event_mentions"].sort(key=lambda x: (x["document_id"], x["trigger"]["start"], x["trigger"]["end"]))
    out["stories"].sort(key=lambda s: s["id"])
    out["events"].sort(key=lambda e: e["story_id"])  # stable: each story's events keep their timeline order
    for kind in ("series", "quote_groups"):
        out[kind].sort(key=lambda x: x["id"])
    return out


def _plain(export: dict) -> dict:
    export.pop("generated_at")
    return export


def _ids(annotated) -> list[str]:
    return sorted(d.id for d in annotated[0])


def test_incremental_equals_from_scratch_in_any_batch_order(annotated, new_store):
    ids = _ids(annotated)
    scratch = new_store("scratch")
    _fill(scratch, annotated, [ids])
    want = _norm(build_export(scratch))
    assert len(want["stories"]) == 2 and len(want["events"]) > 10
    for name, order in (("forward", ids), ("backward", ids[::-1]), ("shuffled", ids[1::2] + ids[::2])):
        store = new_store(name)
        _fill(store, annotated, [[i] for i in order])
        assert _norm(build_export(store)) == want, name


def test_ids_stay_across_reruns_added_articles_and_reannotation(annotated, new_store):
    docs, anns = annotated
    ids = _ids(annotated)
    samples = [i for i in ids if not i.startswith("quake")]
    store = new_store("ids")
    _fill(store, annotated, [samples])
    before = _plain(build_export(store))
    # a re-run that recomputes every story changes nothing
    store.mark_all_dirty()
    link(store)
    assert _plain(build_export(store)) == before
    # another story's articles: the first story's rows are not touched, and not recomputed
    stories, _ = store.dirty_stories()
    assert stories == []
    _fill(store, annotated, [["quake-1", "quake-2"]])
    after = _plain(build_export(store))
    s1 = before["stories"][0]["id"]
    assert build_export(store, s1)["events"] == before["events"]
    assert {e["id"] for e in before["entities"]} <= {e["id"] for e in after["entities"]}
    # re-annotation: the same layers again (a newer annotator) keep every id; a layer that loses a
    # figure keeps the ids of the other figures (ids are text offsets, not positions)
    target = next(i for i in samples if len(anns[i].figures) >= 2)
    store.put_annotations([(anns[target], "newer")])
    assert store.dirty_stories()[0] == [s1]
    link(store)
    assert _plain(build_export(store)) == after
    fewer = dataclasses.replace(anns[target], figures=anns[target].figures[1:], events=[])
    store.put_annotations([(fewer, "newer")])
    link(store)
    figs = {f["id"] for f in build_export(store, s1)["figures"] if f["document_id"] == target}
    old = [f["id"] for f in after["figures"] if f["document_id"] == target]
    assert figs == set(old[1:])


def test_a_story_view_is_its_part_of_the_full_export(annotated, new_store):
    store = new_store("views")
    _fill(store, annotated, [_ids(annotated)])
    full = build_export(store)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(full)
    assert len(full["stories"]) == 2
    # a date that an earlier sentence set for the narrative is exported as relative, with that sentence
    narrative = [m for m in full["event_mentions"] if m.get("date_sentence")]
    assert {m["date_from"] for m in narrative} == {"relative"}
    damaged = next(m for m in narrative if m["trigger"]["text"] == "damaged")
    assert (damaged["date"]["value"], damaged["date_sentence"]) == (
        "2021-03-01", "A strong earthquake struck central Chile on Monday, officials in Santiago said.")
    for story in full["stories"]:
        part = build_export(store, story["id"])
        validator.validate(part)
        docs = set(story["document_ids"])
        assert part["stories"] == [story]
        assert part["documents"] == [d for d in full["documents"] if d["id"] in docs]
        for kind in ("timexes", "figures", "quotes"):
            assert part[kind] == [x for x in full[kind] if x["document_id"] in docs]
        assert part["events"] == [e for e in full["events"] if e["story_id"] == story["id"]]
        groups = {q["group_id"] for q in part["quotes"]}
        assert part["quote_groups"] == [g for g in full["quote_groups"] if g["id"] in groups]
        series = {f["series_id"] for f in part["figures"]} - {None}
        assert part["series"] == [s for s in full["series"] if s["id"] in series]
        # an entity of the story: its part here is its full record's mentions in this story
        whole = {e["id"]: e for e in full["entities"]}
        for e in part["entities"]:
            assert [m for m in whole[e["id"]]["mentions"] if m["document_id"] in docs] == e["mentions"]
        assert {e["id"] for e in full["entities"] if any(m["document_id"] in docs for m in e["mentions"])} == \
            {e["id"] for e in part["entities"]}


def test_the_story_index_as_rows_places_articles_as_the_index_in_memory(new_store):
    """Stored index (rows read where needed, written back per batch) == the in-memory index."""
    from conftest import BENCH
    from storyline.eval.stories import load
    from storyline.link.pipeline import assign_stories
    from storyline.link.stories import StoryIndex
    from storyline.model import CleanArticle

    ecb = BENCH / "ecbplus"
    if not ecb.exists():
        pytest.skip("shared/bench/ecbplus not present")
    docs = load(ecb, topics={1, 3, 5})[:60]
    memory = StoryIndex()
    want = {doc_id: memory.add(doc_id, text) for doc_id, _, text in docs}
    store = new_store("index")
    for start, size in ((0, 1), (1, 7), (8, 25), (33, 27)):
        batch = [Document(article=CleanArticle(id=d, source=d, text=t), content_hash=d) for d, _, t in docs[start:start + size]]
        store.add_batch(batch, {}, [], {})
        assert assign_stories(store) == len(set(want[d] for d, _, _ in docs[:start + size]))
    got = {d: store.document(d).story_id for d, _, _ in docs}
    assert got == want and len(set(want.values())) > 3
    # the old blob (stories/v1) moves into rows on the next run, and placing goes on as before
    blob = new_store("blob")
    old = StoryIndex()
    for d, _, t in docs[:30]:
        old.add(d, t)
    blob.add_batch([Document(article=CleanArticle(id=d, source=d, text=t), content_hash=d) for d, _, t in docs[:30]],
                   {}, [], {})
    blob.set_stories({d: old.doc_story[d] for d, _, _ in docs[:30]}, "stories/v1", json.dumps(old.to_state()))
    blob.add_batch([Document(article=CleanArticle(id=d, source=d, text=t), content_hash=d) for d, _, t in docs[30:]],
                   {}, [], {})
    assign_stories(blob)
    assert {d: blob.document(d).story_id for d, _, _ in docs} == want
    assert blob.get_state("stories/v1") is None


def test_story_profiles_keep_norm_parts_and_read_bare_profiles(new_store):
    """A saved profile carries its norm parts [S0, S1, S2]; one saved before they were kept (a bare
    term -> weight object) is read with none, and placing goes on (norm from today's frequencies)."""
    from storyline.link.pipeline import assign_stories
    from storyline.link.stories import StoryIndex
    from storyline.model import CleanArticle

    texts = [("a1", "Rescuers in Amatrice searched the rubble after the earthquake struck central Italy."),
             ("a2", "The earthquake near Amatrice killed dozens; rescuers dug through rubble in central Italy."),
             ("b1", "The central bank of Norway raised its interest rate to curb inflation in Oslo.")]
    store = new_store("norms")
    store.add_batch([Document(article=CleanArticle(id=d, source=d, text=t), content_hash=d) for d, t in texts[:2]],
                    {}, [], {})
    assert assign_stories(store) == 1
    memory = StoryIndex()
    for d, t in texts[:2]:
        memory.add(d, t)
    prof, span, norm = store.story_profile("s1")
    assert prof == memory.profiles["s1"] and span is None and norm == memory.norms["s1"]
    with store.transaction() as conn:  # as a store saved before norm parts were kept
        conn.execute(f"UPDATE story_profiles SET data = {store._P}", (json.dumps(prof, sort_keys=True),))
    assert store.story_profile("s1") == (prof, None, None)
    store.add_batch([Document(article=CleanArticle(id="b1", source="b1", text=texts[2][1]), content_hash="b1")],
                    {}, [], {})
    assert assign_stories(store) == 2 and store.document("b1").story_id == "s2"


def test_one_process_links_a_store_at_a_time(new_store, monkeypatch):
    """The link stage reads the story index, extends it and writes it back over several
    transactions: a second linker of the same store waits for the first, and says so when it
    gives up, instead of writing a story twice (two builds at once on PostgreSQL once did)."""
    import storyline.store.postgres as pg
    import storyline.store.sqlite as sq
    from storyline.store import StoreError, open_store as reopen

    monkeypatch.setattr(sq, "LOCK_WAIT", 0.3)
    monkeypatch.setattr(pg, "LOCK_WAIT", 0.3)
    first = new_store("linklock")
    second = reopen(first.url if hasattr(first, "url") else first.path)
    try:
        with first.exclusive():
            with pytest.raises(StoreError, match="another process has been linking this store"):
                with second.exclusive():
                    pass
        link(second)  # free again once the first lets go
        assert second.get_state("link/version") is not None
    finally:
        second.close()


def test_one_quotation_given_two_speakers_makes_two_groups_with_their_own_ids():
    # "Cruz said as the heckler yelled: 'You suck!'": the quote stage may give one span two speakers;
    # the story's quotation groups must still have distinct ids (the store's key)
    from storyline.link.account import story_rows
    from storyline.model import Annotations, CleanArticle, Document, Quote

    text = 'Cruz said as the heckler yelled: "You suck!" Then he left.'
    s = text.index("You suck!")
    doc = Document(article=CleanArticle(id="d1", source="d1", text=text, published="2016-05-03"), content_hash="1",
                   story_id="s1", seq=0)
    quotes = [Quote(s, s + 9, "You suck!", "Cruz", True), Quote(s, s + 9, "You suck!", "heckler", True)]
    rows = story_rows("s1", [doc], {"d1": Annotations("d1", sentences=[(0, len(text))], quotes=quotes)})
    ids = [g["id"] for g in rows.quote_groups]
    assert len(ids) == 2 and len(set(ids)) == 2


# -- the store-wide dating index (migration 0006, link/dating.py) -----------------------------------

def _people(doc_id: str, names: list[str], published: str | None, story: str) -> tuple[Document, object]:
    from storyline.model import Annotations, CleanArticle, EntityMention

    ents, pos = [], 0
    for n in names:
        ents.append(EntityMention(pos, pos + len(n), n, "PERSON", n))
        pos += len(n) + 2
    art = CleanArticle(doc_id, doc_id, ", ".join(names) + ".", published=published,
                       published_from="metadata" if published else None)
    return Document(article=art, content_hash=doc_id, story_id=story), Annotations(doc_id, entities=ents)


# 30 dated fillers (each naming someone else and the police, over 2000 and 2001), three dated reports
# naming Marta Vell in Tulsa in May 2019 (story "s2"), an older report of Tulsa, and an undated
# report of Marta Vell in Tulsa in a story of its own ("s4"); another story's "zed" shares nothing
_ROWS = ([(f"filler{i:02d}", [f"Person{i:02d} Filler", "Police"], f"200{i % 2}-{1 + i % 12:02d}-{1 + i % 27:02d}", "s1")
          for i in range(30)]
         + [("a", ["Marta Vell", "Tulsa", "Police"], "2019-05-10", "s2"), ("b", ["Marta Vell", "Tulsa"], "2019-05-14", "s2"),
            ("c", ["Tulsa"], "2019-05-20", "s2"), ("old", ["Tulsa"], "2017-02-01", "s3"),
            ("undated", ["Marta Vell", "Tulsa"], None, "s4")])


def _add(store, rows) -> object:
    pairs = [_people(*r) for r in rows]
    store.add_batch([d for d, _ in pairs], {}, [(a, "test") for _, a in pairs], {})
    return link(store)


def test_an_undated_article_is_dated_from_every_dated_article_of_the_store(new_store):
    """The undated report is alone in its story: the dated reports of another story date it, and
    they arriving later dates it anew (its story relinked); the result is the one-batch build's."""
    from storyline.link.dating import memory_index, profile_keys, stated_day

    whole = new_store("whole")
    _add(whole, _ROWS)
    est = whole.link_document("undated")["published_estimate"]
    # the day of the last report that names Marta Vell in Tulsa as it does (her name and the phrase of it):
    # words stay news after they are reported (after_bandwidth)
    assert (est["value"], est["granularity"], est["point"]) == ("2019-05", "month", "2019-05-14")
    assert [e["document_id"] for e in est["evidence"]] == ["a", "b"]  # from story s2
    # the stored index is the in-memory one of the same articles
    pairs = [_people(*r) for r in _ROWS]
    keys = {d.id: profile_keys(a, d.article.text) for d, a in pairs}
    memory = memory_index(keys, {d.id: day for d, _ in pairs if (day := stated_day(d))})
    every = sorted({k for ks in keys.values() for k in ks})
    assert whole.dating_df(every) == memory.df
    assert whole.dating_carriers(every) == memory.carriers
    # the undated report first, the dated ones later: each arrival relinks the story of the undated
    # report that shares its rare keys, and the end is the same
    parts = new_store("parts")
    first = _add(parts, [r for r in _ROWS if r[0] == "undated"])
    assert first.relinked == 1 and "published_estimate" not in (parts.link_document("undated") or {})
    _add(parts, [r for r in _ROWS if r[3] == "s1"])
    report = _add(parts, [r for r in _ROWS if r[3] in ("s2", "s3")])
    assert report.relinked == 3  # s2, s3 and the undated report's s4
    assert parts.link_document("undated") == whole.link_document("undated")
    assert _norm(build_export(parts)) == _norm(build_export(whole))
    # an article that shares no rare key with it leaves its story alone
    assert _add(parts, [("zed", ["Zed Unrelated"], "2019-06-01", "s5")]).relinked == 1


def test_stories_to_date_anew_wait_and_are_relinked_a_few_per_run(new_store):
    """Six undated reports of Tulsa, each in a story of its own, and the dated reports that date
    them arriving later: each run relinks a few of the waiting stories; once none waits, the store
    is the one-batch build's."""
    from storyline.link.pipeline import DATING_BUDGET

    undated = [(f"u{i}", ["Marta Vell", "Tulsa"], None, f"su{i}") for i in range(6)]
    rows = [r for r in _ROWS if r[0] != "undated"]
    whole = new_store("whole6")
    assert _add(whole, rows + undated).dating_waiting == 0
    parts = new_store("parts6")
    _add(parts, [r for r in rows if r[3] not in ("s2", "s3")] + undated)
    report = _add(parts, [r for r in rows if r[3] in ("s2", "s3")])  # two stories with new documents
    assert DATING_BUDGET == 4 and (report.relinked, report.dating_waiting) == (2 + 4, 2)
    report = link(parts)  # nothing new: the two waiting stories
    assert (report.relinked, report.dating_waiting) == (2, 0)
    assert [parts.link_document(f"u{i}")["published_estimate"]["point"] for i in range(6)] == ["2019-05-14"] * 6
    assert _norm(build_export(parts)) == _norm(build_export(whole))
