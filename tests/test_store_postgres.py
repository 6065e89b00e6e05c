"""The PostgreSQL store against a throwaway server: the same results as the SQLite store.

The server is started here (initdb into a fresh folder, pg_ctl on a unix socket only, no TCP) and
stopped at the end; the tests skip when no PostgreSQL server binaries are installed. As root,
initdb refuses to run, so the server then runs as ``nobody`` (via runuser).
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import SAMPLES, SCHEMA
from storyline.model import Annotations, CleanArticle, Document, RawArticle, Timex
from storyline.sources import content_hash
from storyline.store import StoreConflict, StoreError, open_store, postgres_url
from storyline.store.postgres import fts5_to_tsquery
from storyline.views.cli import app

runner = CliRunner()


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    for d in dirs:
        if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


@pytest.fixture(scope="module")
def server():
    """The URL prefix of a fresh PostgreSQL server's socket folder, stopped after the module."""
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed")
    bindir = _bin_dir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) in PATH or /usr/lib/postgresql/*/bin")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as nobody
        if not shutil.which("runuser"):
            pytest.skip("running as root and runuser is missing: cannot start PostgreSQL as another user")
        as_user = ["runuser", "-u", "nobody", "--"]
    base = tempfile.mkdtemp(prefix="slpg")  # short: a unix socket path has at most 107 bytes
    if as_user:
        shutil.chown(base, user="nobody")
    data = os.path.join(base, "data")
    init = subprocess.run(as_user + [str(bindir / "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
                                     "--no-sync", "-E", "UTF8", "--locale=C"],
                          capture_output=True, text=True)
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    start = subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", data, "-l", os.path.join(base, "log"), "-w",
                                      "-o", f"-k {base} -c listen_addresses='' -c fsync=off", "start"],
                           capture_output=True, text=True)
    if start.returncode != 0:
        log = Path(base, "log").read_text(errors="replace") if Path(base, "log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"pg_ctl start failed: {start.stderr} {log[-500:]}")
    try:
        yield base
    finally:
        subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _url(server: str, db: str = "postgres") -> str:
    return f"postgresql:///{db}?host={server}&user=postgres"


_counter = iter(range(10**6))


@pytest.fixture
def fresh_db(server):
    """The URL of a new, empty database on the test server."""
    import psycopg

    name = f"t{next(_counter)}"
    with psycopg.connect(_url(server), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return _url(server, name)


@pytest.fixture(scope="module")
def builds(server, tmp_path_factory):
    """The samples built through the CLI into PostgreSQL and into SQLite."""
    import psycopg

    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    with psycopg.connect(_url(server), autocommit=True) as conn:
        conn.execute("CREATE DATABASE built")
    pg = _url(server, "built")
    lite = tmp_path_factory.mktemp("lite") / "s.db"
    for db in (pg, str(lite)):
        result = runner.invoke(app, ["build", str(SAMPLES), "--db", db])
        assert result.exit_code == 0, result.output
        assert "5 added" in result.output
    return pg, lite


def _export(target) -> dict:
    from storyline.views.export import build_export

    store = open_store(target)
    data = build_export(store)
    store.close()
    data.pop("generated_at")
    return data


def _doc(doc_id, text):
    raw = RawArticle(id=doc_id, source=f"{doc_id}.txt", text=text)
    return Document(article=CleanArticle(id=doc_id, source=raw.source, text=text), content_hash=content_hash(raw))


# -- end to end -----------------------------------------------------------------------------------
def test_cli_build_gives_the_same_export_as_sqlite(builds):
    pg, lite = builds
    got, want = _export(pg), _export(lite)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(got)
    assert [d["id"] for d in got["documents"]] == [d["id"] for d in want["documents"]]
    assert len(got["documents"]) == 5
    assert got["documents"] == want["documents"]
    assert got["stories"] == want["stories"]
    assert len(got["events"]) == len(want["events"]) > 0
    assert got == want


def test_rebuild_adds_nothing(builds):
    pg, _ = builds
    again = runner.invoke(app, ["build", str(SAMPLES), "--db", pg])
    assert again.exit_code == 0 and "0 added, 5 already stored" in again.output
    store = open_store(pg)
    assert store.count() == 5
    assert store.stale_annotations("no such version") == [d.id for d in store.documents()]
    store.close()


def test_search_finds_the_same_documents_as_sqlite(builds):
    pg, lite = builds
    pgs, ls = open_store(pg), open_store(lite)
    hits = pgs.search("Khalilzad AND Doha")
    assert hits and all(isinstance(h, tuple) and len(h) == 3 for h in hits)
    assert all("[" in snippet and "]" in snippet for _, _, snippet in hits)
    for query in ["Khalilzad AND Doha", "khalilzad doha", '"peace talks"', "Khalil*", "Taliban NOT Doha",
                  "(Ghani OR Abdullah) AND prisoners", "Doha OR Kabul", "zzzunknownword", "Taliban NOT Kabul",
                  "Pompeo OR Ghani", "Qatar NOT prisoners", "\"United States\" AND withdraw*",
                  "Kabul NOT (Ghani OR Abdullah)"]:
        assert {h[0] for h in pgs.search(query)} == {h[0] for h in ls.search(query)}, query
    assert len(pgs.search("Taliban", limit=2)) == 2
    pgs.close()
    ls.close()


# -- store semantics ------------------------------------------------------------------------------
def test_failed_batch_leaves_earlier_data_intact(fresh_db):
    store = open_store(fresh_db)
    store.add_batch([_doc("a", "Alpha text.")], {"a": (b"\x01\x02", [7, 2**62])}, [], {})
    ann = Annotations(document_id="b", timexes=[Timex(0, 5, "Today", "DATE", "2020-01-01")])
    with pytest.raises(StoreConflict):
        store.add_batch([_doc("b", "Beta text."), _doc("b", "Other beta.")], {}, [(ann, "1")], {})
    assert [d.id for d in store.documents()] == ["a"]
    assert store.annotations("b").timexes == []
    assert store.band_candidates([0, 2**62]) == {"a"} and store.band_candidates([7, 0]) == {"a"}
    assert store.band_candidates([1, 7]) == set()
    assert store.signature("a") == (b"\x01\x02", None, 1, None)
    store.add_batch([_doc("c", "Gamma text.")], {}, [], {"c": "a"})  # the store goes on after the failure
    assert [d.id for d in store.documents()] == ["a", "c"] and store.duplicates_of("a") == ["c"]
    store.close()


def test_annotations_state_and_stories_round_trip(fresh_db):
    store = open_store(fresh_db)
    doc = _doc("a", "Khalilzad departed for Doha on April 12.")
    ann = Annotations(document_id="a", sentences=[(0, 40)], timexes=[Timex(31, 39, "April 12", "DATE", "2020-04-12")])
    store.add_batch([doc], {}, [(ann, "v1")], {})
    assert doc.seq == 1 and store.next_seq() == 2 and store.id_taken("a") and not store.id_taken("b")
    assert store.annotations("a") == ann
    assert store.stale_annotations("v1") == [] and store.stale_annotations("v2") == ["a"]
    assert store.known_hashes([doc.content_hash, "x"]) == {doc.content_hash}
    assert [d.id for d in store.documents_without_story()] == ["a"]
    store.set_stories({"a": "s1"}, "stories/v1", '{"n": 1}')
    assert store.get_state("stories/v1") == '{"n": 1}' and store.get_state("other") is None
    assert store.document("a").story_id == "s1" and store.document("zz") is None
    assert list(store.documents_without_story()) == []
    assert store.document("a") == store.document("a") and store.document("a").article == doc.article
    assert [hit[0] for hit in store.search("doha")] == ["a"]
    with pytest.raises(StoreError):
        store.search('"unbalanced')
    store.close()


def test_newer_and_foreign_databases_are_refused(fresh_db, server):
    import psycopg

    store = open_store(fresh_db)
    assert store.schema_version == 6
    store.conn.execute("UPDATE storyline_schema SET version = 99")
    store.close()
    with pytest.raises(StoreError, match="newer than this Storyline knows"):
        open_store(fresh_db)
    with psycopg.connect(_url(server), autocommit=True) as conn:
        conn.execute("CREATE DATABASE foreign_db")
    with psycopg.connect(_url(server, "foreign_db"), autocommit=True) as conn:
        conn.execute("CREATE TABLE x (a int)")
    with pytest.raises(StoreError, match="not a Storyline store"):
        open_store(_url(server, "foreign_db"))


# -- no server needed -----------------------------------------------------------------------------
def test_unreachable_server_is_a_clear_error(tmp_path):
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed")
    result = runner.invoke(app, ["build", str(tmp_path), "--db", f"postgresql:///x?host={tmp_path}&user=u"])
    assert result.exit_code == 1
    assert "cannot reach the PostgreSQL server" in result.output and "Traceback" not in result.output
    with pytest.raises(StoreError, match="cannot reach"):
        open_store("postgres://u:secret@127.0.0.1:1/x?connect_timeout=2")
    try:
        open_store("postgres://u:secret@127.0.0.1:1/x?connect_timeout=2")
    except StoreError as exc:
        assert "secret" not in str(exc)


def test_urls_survive_the_cli_path_option():
    assert postgres_url("storyline.db") is None and postgres_url(Path("a/b.db")) is None
    assert postgres_url("postgresql:///db?host=/tmp/x") == "postgresql:///db?host=/tmp/x"
    assert postgres_url(Path("postgresql:///db?host=/tmp/x")) == "postgresql:///db?host=/tmp/x"
    assert postgres_url(Path("postgres://me@db.example:5433/news")) == "postgres://me@db.example:5433/news"


def test_fts5_queries_translate_or_are_refused():
    expr, params = fts5_to_tsquery('Khalilzad AND (Doha OR "peace deal") NOT Kabul talk*')
    assert params == ['"Khalilzad"', '"Doha"', '"peace deal"', '"Kabul"', "'talk':*"]
    assert expr.count("&&") == 3 and expr.count("||") == 1 and expr.count("!!") == 1
    for bad in ['"unbalanced', "Doha AND", "NOT Doha", "(Doha", "NEAR(a b)", "title:Doha", ""]:
        with pytest.raises(StoreError):
            fts5_to_tsquery(bad)


def test_cli_views_read_a_postgres_store(builds):
    pg, lite = builds
    via_cli = runner.invoke(app, ["export", "--db", pg, "--format", "json"])
    assert via_cli.exit_code == 0, via_cli.output
    got = json.loads(via_cli.stdout)
    got.pop("generated_at")
    assert got == _export(lite)
    found = runner.invoke(app, ["search", "Khalilzad AND Doha", "--db", pg])
    assert found.exit_code == 0 and "000_ce37f2757cdffd57" in found.output
    for command in (["timeline"], ["stories"]):
        assert runner.invoke(app, command + ["--db", pg]).exit_code == 0
