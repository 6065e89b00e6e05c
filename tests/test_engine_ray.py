"""The Ray engine: same export as a local build, idempotent, one bad article costs only its own annotations."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

ray = pytest.importorskip("ray")

from storyline.annotate import pipeline  # noqa: E402
from storyline.engines.local import ingest  # noqa: E402
from storyline.engines.ray import EngineError, RayAnnotator, annotate_chunk, make_annotator  # noqa: E402
from storyline.model import CleanArticle  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.views.cli import app  # noqa: E402

runner = CliRunner()
POISON = "POISON-PILL"


class PoisonedPipeline:
    """The real pipeline, except that any batch holding an article with POISON in its text raises."""

    VERSION = pipeline.VERSION

    def annotate(self, articles):
        from storyline.annotate import pipeline as real

        if any(POISON in a.text for a in articles):
            raise ValueError("cannot annotate this text")
        return list(real.annotate(articles))


@pytest.fixture(scope="module", autouse=True)
def ray_session():
    """One Ray for the module: the engine uses a running Ray and leaves it running."""
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # actors get PoisonedPipeline by value
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield
    ray.shutdown()


def _export(db):
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("generated_at", None)
    return data


def test_ray_build_exports_what_a_local_build_exports_and_rerun_adds_nothing(samples, tmp_path):
    local_db, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    res = runner.invoke(app, ["build", str(samples), "--db", str(local_db)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["build", str(samples), "--db", str(ray_db), "--engine", "ray", "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert "5 added" in res.output and "5 annotated" in res.output
    ray_export = _export(ray_db)
    assert ray_export == _export(local_db)
    assert len(ray_export["documents"]) == 5 and ray_export["entities"] and ray_export["events"]
    again = runner.invoke(app, ["build", str(samples), "--db", str(ray_db), "--engine", "ray", "--workers", "2"])
    assert again.exit_code == 0, again.output
    assert "0 added, 5 already stored" in again.output and "0 annotated" in again.output
    assert _export(ray_db) == ray_export


def test_a_failing_article_is_stored_without_annotations_the_rest_are_annotated(tmp_path):
    records = [
        {"id": "a", "text": "Quake hits Chile.\n\nA strong earthquake struck central Chile on Monday, officials said.",
         "published": "2021-03-01"},
        {"id": "b", "text": f"Odd page.\n\nThis text carries the {POISON} that breaks the annotator on 2 May 2021.",
         "published": "2021-05-03"},
        {"id": "c", "text": "Talks resume in Doha.\n\nNegotiators from Kabul met in Doha on Tuesday, the ministry said.",
         "published": "2021-06-01"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    store = open_store(tmp_path / "s.db")
    with RayAnnotator(workers=2, pipeline=PoisonedPipeline()) as annotator:
        assert annotator.VERSION == pipeline.VERSION and annotator.workers == 2
        report = ingest([src], store, annotator=annotator)
    assert (report.added, report.annotated) == (3, 2)
    assert len(report.warnings) == 1 and "stored without annotations (ValueError: cannot annotate" in report.warnings[0]
    assert store.stale_annotations(pipeline.VERSION) == ["b"]
    assert [e.text for e in store.annotations("a").entities] == ["Chile", "Chile"]
    assert {e.text for e in store.annotations("c").entities} >= {"Doha", "Kabul"}
    assert store.document("b").article.text.endswith("on 2 May 2021.")
    store.close()
    assert ray.is_initialized()  # started by the module, so not shut down by the annotator


def test_annotations_come_back_in_input_order():
    arts = [CleanArticle(id=str(i), source=f"s{i}", text=f"Article {i}.\n\nPeople met in Paris on Monday.")
            for i in range(5)]
    with RayAnnotator(workers=2, pipeline=PoisonedPipeline()) as annotator:
        anns, warnings = annotator.annotate_safely(arts)
        assert annotator.annotate_safely([]) == ([], [])
    assert [a.document_id for a in anns] == ["0", "1", "2", "3", "4"] and warnings == []


def test_annotate_chunk_isolates_the_failing_article_without_ray():
    arts = [CleanArticle(id="x", source="x.txt", text=f"Bad {POISON}."),
            CleanArticle(id="y", source="y.txt", text="Rome is a city in Italy.")]
    out = annotate_chunk(PoisonedPipeline(), arts)
    assert out[0][0] is None and out[0][1].startswith("x.txt: stored without annotations (ValueError")
    assert out[1][0].document_id == "y" and out[1][1] is None


def test_bad_options_and_unreachable_cluster_are_clear_errors(samples, tmp_path):
    with pytest.raises(EngineError, match="--workers needs --engine ray"):
        make_annotator("local", workers=2)
    res = runner.invoke(app, ["build", str(samples), "--db", str(tmp_path / "x.db"), "--workers", "2"])
    assert res.exit_code == 1 and "error:" in res.output and "Traceback" not in res.output
    # a fresh process (this one has Ray running): nothing listens at port 9
    proc = subprocess.run(
        [sys.executable, "-c", "from storyline.views.cli import app; app()", "build", str(samples),
         "--db", str(tmp_path / "y.db"), "--engine", "ray", "--ray-address", "127.0.0.1:9"],
        capture_output=True, text=True, timeout=60, env={"RAY_ADDRESS": "", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1, proc.stderr
    assert "could not reach the Ray cluster at 127.0.0.1:9" in proc.stderr.replace("\n", " ")
    assert "Traceback" not in proc.stderr and not (tmp_path / "y.db").exists()


def test_missing_ray_is_a_clear_error(samples, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    res = runner.invoke(app, ["build", str(samples), "--db", str(tmp_path / "x.db"), "--engine", "ray"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "the ray engine needs Ray: install it with pip install 'ray==2.60.0' (or build with --engine local)" in " ".join(res.output.split())


class CrashingPipeline:
    """Ends its worker process (as a segfault or the OOM killer would) on a POISON article."""

    VERSION = "crash-test"

    def annotate(self, articles):
        import os

        from storyline.model import Annotations

        if any(POISON in a.text for a in articles):
            os._exit(1)
        return [Annotations(document_id=a.id, sentences=[(0, len(a.text))]) for a in articles]


def test_an_article_that_kills_its_worker_costs_only_its_own_annotations():
    arts = [CleanArticle(id=str(i), source=f"s{i}", text=f"Text {i} {POISON if i == 1 else ''}") for i in range(4)]
    with RayAnnotator(workers=2, pipeline=CrashingPipeline()) as annotator:
        anns, warnings = annotator.annotate_safely(arts)
        assert annotator.VERSION == "crash-test"
    assert [a.document_id for a in anns] == ["0", "2", "3"]
    assert len(warnings) == 1 and warnings[0].startswith("s1: stored without annotations (worker died")
