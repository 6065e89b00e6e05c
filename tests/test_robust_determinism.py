"""The same inputs give the same export whatever Python's hash seed, and the same per-article
annotations whatever their batch boundaries or arrival order (issue 12). Stories and "what is new"
follow arrival order by design (an online clustering of a stream), so only the per-article layers
are compared for a reversed order."""
import json
import os
import subprocess
import sys

from storyline.engines.local import ingest
from storyline.store import open_store
from storyline.views.export import build_export

ARTICLES = [
    ("c1", "2016-11-01", ("Hillary Clinton spoke in Ohio on Monday. Chelsea Clinton joined her later. Clinton said "
                         "the campaign would go on.\n\nThe event drew thousands of supporters, organisers said.")),
    ("c2", "2016-11-02", ("Chelsea Clinton visited a school in Iowa on Tuesday. Hillary Clinton was in Florida. "
                         "Clinton told reporters that turnout mattered.\n\nThe visit was brief, aides said.")),
    ("c3", "2016-11-03", ("Clinton returned to New York on Wednesday, where Hillary Clinton and Chelsea Clinton met "
                         "donors at the Democratic National Committee (DNC).\n\nThe DNC said 40 donors came.")),
]


def _write(path, articles):
    path.write_text("".join(json.dumps({"id": i, "published": d, "title": t.split(".")[0], "text": t}) + "\n"
                            for i, d, t in articles))
    return path


def _exports_in_subprocesses(tmp_path, inputs, seeds) -> list[dict]:
    """Build (with annotation and linking) and export in fresh Pythons, one per hash seed, at once."""
    code = ("import json, sys\n"
            "from storyline.views.cli import app\n"
            "from storyline.store import open_store\n"
            "from storyline.views.export import build_export\n"
            "app(['build', sys.argv[1], '--db', sys.argv[2]], standalone_mode=False)\n"
            "print(json.dumps(build_export(open_store(sys.argv[2]))))\n")
    runs = [subprocess.Popen([sys.executable, "-c", code, str(inputs), str(tmp_path / f"seed{seed}.db")],
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for seed in seeds]
    out = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr[-2000:]
        data = json.loads(stdout.strip().splitlines()[-1])
        data.pop("generated_at", None)
        out.append(data)
    return out


def test_two_hash_seeds_give_the_same_export(tmp_path):
    inputs = _write(tmp_path / "in.jsonl", ARTICLES)
    one, two = _exports_in_subprocesses(tmp_path, inputs, (1, 2))
    assert one == two
    names = {e["name"] for e in one["entities"] if e["type"] == "PERSON"}
    assert names == {"Hillary Clinton", "Chelsea Clinton"}


def _per_article(store) -> dict:
    data = build_export(store)
    entity_of = {}
    for e in data["entities"]:
        for m in e["mentions"]:
            entity_of[(m["document_id"], m["start"], m["end"])] = (e["name"], e["type"])
    layers = {key: sorted(json.dumps({k: v for k, v in item.items() if not k.endswith("id") or k == "document_id"},
                                     sort_keys=True) for item in data[key])
              for key in ("timexes", "quotes", "figures")}
    return {"entities": sorted(entity_of.items()), **layers,
            "documents": sorted((d["id"], d["text"], d["published"], d["title"]) for d in data["documents"])}


def test_batch_boundaries_and_reversed_order_give_the_same_annotations(tmp_path):
    forward = _write(tmp_path / "f.jsonl", ARTICLES)
    backward = _write(tmp_path / "b.jsonl", list(reversed(ARTICLES)))
    results = []
    for name, inputs, batch in (("one", forward, 64), ("small", forward, 1), ("reversed", backward, 2)):
        store = open_store(tmp_path / f"{name}.db")
        report = ingest([inputs], store, batch_size=batch)
        assert report.added == 3 and report.annotated == 3
        results.append(_per_article(store))
        if name == "small":
            export = build_export(store)
            export.pop("generated_at")
        if name == "one":
            first_export = build_export(store)
            first_export.pop("generated_at")
        store.close()
    assert results[0] == results[1] == results[2]
    assert first_export == export  # batch boundaries change nothing at all
