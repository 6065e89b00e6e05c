"""Annotation layers as registered components with their own versions: a change to one layer re-runs
that layer (and the layers that read it) only, keeping the others as stored."""
import json

from storyline.annotate import layers as L
from storyline.annotate import pipeline
from storyline.engines.local import ingest, reannotate
from storyline.store import open_store

TEXT = ("Negotiators met in Doha on Monday and agreed to release 20 prisoners, the envoy said. "
        "\"We are close to a deal,\" Zalmay Khalilzad told reporters in Kabul on Tuesday.")


def _store_with_one_article(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": TEXT, "published": "2020-02-10"}) + "\n")
    store = open_store(tmp_path / "s.db")
    ingest([feed], store)
    return store


def test_layers_are_registered_in_dependency_order_with_their_versions():
    order = list(L.layers())
    assert set(order) == {"sentences", "dating", "timexes", "entities", "figures", "quotes", "events"}
    assert order.index("dating") < order.index("timexes")
    assert order.index("timexes") < order.index("figures") < order.index("events")
    assert order.index("entities") < order.index("events")
    assert set(pipeline.VERSIONS) == set(order) and all(len(v) == 16 for v in pipeline.VERSIONS.values())
    assert L.with_dependents({"timexes"}) == {"timexes", "figures", "events"}
    assert L.with_dependents({"quotes"}) == {"quotes", "events"}  # events read the quotations' speakers
    assert order.index("quotes") < order.index("events")
    assert L.with_dependents({"dating"}) == {"dating", "timexes", "figures", "events"}


def test_a_change_to_one_layer_changes_its_version_and_those_of_its_readers(monkeypatch):
    before = dict(L.versions())
    real = L._files_digest
    monkeypatch.setattr(L, "_files_digest", lambda paths: real(paths) + ("x" if "figures.py" in paths else ""))
    L.versions.cache_clear()
    try:
        after = L.versions()
        changed = {name for name in before if before[name] != after[name]}
    finally:
        L.versions.cache_clear()
    assert changed == {"figures", "events"}


def test_a_new_version_of_one_layer_reruns_only_that_layer(tmp_path, monkeypatch):
    store = _store_with_one_article(tmp_path)
    stored = store.annotations("a")
    assert stored.quotes and stored.events and stored.timexes
    rows_before = dict(store.conn.execute("SELECT layer, data FROM annotations WHERE document_id = 'a'").fetchall())

    new = dict(pipeline.VERSIONS, quotes="0123456789abcdef")
    monkeypatch.setattr(pipeline, "VERSIONS", new)
    assert store.stale_layers(new) == {"a": {"quotes"}}

    calls = {"quotes": 0, "events": 0, "entities": 0}
    from storyline.annotate import entities, events, quotes

    for module, fn, name in ((quotes, "extract_quotes", "quotes"), (events, "extract_events", "events"),
                             (entities, "extract_entities", "entities")):
        real = getattr(module, fn)

        def counted(*a, _real=real, _name=name, **k):
            calls[_name] += 1
            return _real(*a, **k)

        monkeypatch.setattr(module, fn, counted)
    assert reannotate(store, pipeline) == 1
    assert calls == {"quotes": 1, "events": 0, "entities": 0}
    assert store.stale_layers(new) == {}
    versions = dict(store.conn.execute("SELECT layer, version FROM annotations WHERE document_id = 'a'").fetchall())
    assert versions["quotes"] == "0123456789abcdef" and versions["events"] == pipeline.VERSIONS["events"]
    rows_after = dict(store.conn.execute("SELECT layer, data FROM annotations WHERE document_id = 'a'").fetchall())
    assert rows_after == rows_before  # same code, same result; the other layers were not rewritten
    store.close()


def test_a_timex_change_reruns_timexes_figures_and_events_without_parsing_for_timexes_alone(tmp_path, monkeypatch):
    store = _store_with_one_article(tmp_path)
    new = dict(pipeline.VERSIONS)
    for name in L.with_dependents({"timexes"}):
        new[name] = "f" * 16
    monkeypatch.setattr(pipeline, "VERSIONS", new)
    assert store.stale_layers(new) == {"a": {"timexes", "figures", "events"}}
    parsed = []
    real_pipe = pipeline.pipe_with_context

    def counting_pipe(items, *a, **k):
        items = list(items)
        parsed.extend(ctx[0].id for _, ctx in items)
        return real_pipe(items, *a, **k)

    monkeypatch.setattr(pipeline, "pipe_with_context", counting_pipe)
    before = store.annotations("a")
    assert reannotate(store, pipeline) == 1
    assert parsed == ["a"]  # figures and events read the parse
    after = store.annotations("a")
    assert after.timexes == before.timexes and after.events == before.events
    assert store.stale_layers(new) == {}

    only_timex = dict(new, timexes="e" * 16)
    monkeypatch.setattr(pipeline, "VERSIONS", only_timex)
    parsed.clear()
    assert reannotate(store, pipeline) == 1
    assert parsed == []  # the time tagger reads the text alone: no parse
    store.close()


def test_every_module_and_data_file_of_the_annotate_package_is_part_of_a_layers_version():
    """A change to any file a layer reads (its code, its word lists, its model) must re-run it: each
    file of storyline/annotate is in some layer's ``files`` (or the shared files), but the package's
    entry points, which hold no annotation rule."""
    from pathlib import Path

    root = Path(L.__file__).parent
    listed = set(L.SHARED_FILES) | {f for layer in L.layers().values() for f in layer.files}
    entry_points = {"__init__.py", "pipeline.py", "parts.py"}  # how layers run, not what they find
    files = {p.name for p in root.iterdir() if p.suffix in (".py", ".json")} | {
        p.name for p in root.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert sorted(files - listed - entry_points) == []
