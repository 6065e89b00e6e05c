"""The SQLite store (schema, transactions, search) and near-duplicate detection across batches."""
import random
import sqlite3

import pytest

from storyline.sources import content_hash
from storyline.link.dedup import DuplicateFinder
from storyline.model import Annotations, CleanArticle, Document, RawArticle, Timex
from storyline.store import StoreConflict, StoreError, open_store


def _doc(doc_id, text, published=None):
    raw = RawArticle(id=doc_id, source=f"{doc_id}.txt", text=text, published=published)
    return Document(article=CleanArticle(id=doc_id, source=raw.source, text=text, published=published),
                    content_hash=content_hash(raw))


def test_schema_is_versioned_and_reopens(tmp_path):
    db = tmp_path / "s.db"
    store = open_store(db)
    assert store.schema_version == 6
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    assert open_store(db).schema_version == 6


def test_foreign_and_newer_databases_are_refused(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)")
    with pytest.raises(StoreError, match="not a Storyline store"):
        open_store(other)
    newer = tmp_path / "newer.db"
    open_store(newer).conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this Storyline knows"):
        open_store(newer)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a Storyline database"):
        open_store(junk)


def test_failed_batch_leaves_earlier_data_intact(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.add_batch([_doc("a", "Alpha text.")], {}, [], {})
    ann = Annotations(document_id="b", timexes=[Timex(0, 5, "Today", "DATE", "2020-01-01")])
    # the second document of the batch repeats the first one's id: the whole batch must roll back
    with pytest.raises(StoreConflict):
        store.add_batch([_doc("b", "Beta text."), _doc("b", "Other beta.")], {}, [(ann, "1")], {})
    assert [d.id for d in store.documents()] == ["a"]
    assert store.annotations("b").timexes == []


def test_annotations_round_trip_and_search(tmp_path):
    store = open_store(tmp_path / "s.db")
    doc = _doc("a", "Khalilzad departed for Doha on April 12.")
    ann = Annotations(document_id="a", sentences=[(0, 40)],
                      timexes=[Timex(31, 39, "April 12", "DATE", "2020-04-12")])
    store.add_batch([doc], {}, [(ann, "v1")], {})
    assert store.annotations("a") == ann
    assert store.stale_annotations("v1") == [] and store.stale_annotations("v2") == ["a"]
    assert [hit[0] for hit in store.search("doha")] == ["a"]
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def _edit(text: str, fraction: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), int(len(words) * fraction)):
        words[i] = "edited"
    return " ".join(words)


def test_near_duplicates_point_to_the_earliest_copy(tmp_path, samples):
    text = (samples / "000_ce37f2757cdffd57.txt").read_text(encoding="utf-8")
    other = (samples / "004_06bd3d64a9d432fd.txt").read_text(encoding="utf-8")
    store = open_store(tmp_path / "s.db")

    def run_batch(items):
        finder = DuplicateFinder(store)
        docs, sigs = [], {}
        for doc_id, body, published in items:
            sig, keys, _ = finder.add(doc_id, body, published, store.next_seq() + len(docs))
            sigs[doc_id] = (sig, keys)
            docs.append(_doc(doc_id, body, published))
        batch, stored = finder.finish_batch()
        for d in docs:
            d.duplicate_of = batch[d.id]
        store.add_batch(docs, sigs, [], stored)

    run_batch([("copy", _edit(text, 0.03), "2020-04-14"), ("other", other, None)])
    run_batch([("reprint", _edit(text, 0.05, seed=2), "2020-04-15")])
    dup = {d.id: d.duplicate_of for d in store.documents()}
    assert dup == {"copy": None, "other": None, "reprint": "copy"}
    # the original, published earlier, arrives last: the whole group now points to it
    run_batch([("original", text, "2020-04-13")])
    dup = {d.id: d.duplicate_of for d in store.documents()}
    assert dup == {"copy": "original", "other": None, "reprint": "original", "original": None}


def test_real_samples_are_not_duplicates_of_each_other(tmp_path, samples):
    store = open_store(tmp_path / "s.db")
    finder = DuplicateFinder(store)
    results = [finder.add(p.stem, p.read_text(encoding="utf-8"), None, i)[2]
               for i, p in enumerate(sorted(samples.glob("*.txt")))]
    assert results == [None] * 5
