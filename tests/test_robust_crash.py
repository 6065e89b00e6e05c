"""Crashes and concurrency on both stores (issue 12): a build killed (SIGKILL) at several points,
then run again, gives the export of a clean build; two builds of the same inputs at once both
succeed and store each article once; a record PostgreSQL cannot hold costs only itself."""
import json
import os
import subprocess
import sys

import pytest
from test_store_postgres import _url, server  # noqa: F401 - the PostgreSQL server fixture
from typer.testing import CliRunner

from storyline.views.cli import app

runner = CliRunner()

BODY = ("Negotiators from both sides met in Doha on {day} to resume talks on a ceasefire, officials said. "
        "Report number {i} adds that the talks had been suspended for {i} weeks after an attack.\n\n"
        "A spokesman said progress had been made on the release of {n} prisoners and that a second round "
        "would follow in {city}.")
CITIES = ["Kabul", "Doha", "Kandahar", "Islamabad", "Herat", "Oslo", "Moscow", "Tashkent"]

# Where the child build kills itself: inside the transaction of the k-th document insert, between
# two batches (after a commit), and inside the linking transaction after all documents are stored.
KILL = """
import os, signal, sys
from storyline.store import postgres, sqlite
from storyline.views.cli import app
point, k = sys.argv[3], int(sys.argv[4])
calls = [0]
def die():
    os.kill(os.getpid(), signal.SIGKILL)
for module in (sqlite, postgres):
    row = module.document_row
    def killing_row(*args, _row=row):
        calls[0] += 1
        if point == "insert" and calls[0] == k:
            die()
        return _row(*args)
    module.document_row = killing_row
    cls = module.SQLiteStore if module is sqlite else module.PostgresStore
    add = cls.add_batch
    def killing_add(self, *args, _add=add):
        _add(self, *args)
        if point == "commit" and calls[0] >= k:
            die()
    cls.add_batch = killing_add
    save = cls.save_story_index
    def killing_save(self, *args, _save=save, **kw):
        if point == "link":
            with self.transaction() as conn:
                conn.execute("UPDATE documents SET story_id = 'half-done'")
                die()
        return _save(self, *args, **kw)
    cls.save_story_index = killing_save
    replace = cls.replace_story
    def killing_replace(self, rows, dirty, views=None, _replace=replace):
        if point == "account":
            with self.transaction() as conn:
                conn.execute("DELETE FROM link_events")
                die()
        return _replace(self, rows, dirty, views)
    cls.replace_story = killing_replace
app([\"build\", sys.argv[1], \"--db\", sys.argv[2], \"--no-annotate\", \"--batch-size\", \"2\"], standalone_mode=False)
"""


def _inputs(tmp_path, n=8):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({
        "id": f"r{i}", "title": f"Talks {i}", "published": f"2020-03-{i + 1:02d}",
        "text": BODY.format(day="Monday", i=i, n=10 * i + 5, city=CITIES[i % len(CITIES)])}) + "\n" for i in range(n)))
    return path


def _export(db) -> dict:
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("generated_at", None)
    return data


def _build(inputs, db):
    result = runner.invoke(app, ["build", str(inputs), "--db", str(db), "--no-annotate", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(params=["sqlite", "postgres"])
def stores(request, tmp_path):
    """A function giving a new, empty store (a path or URL) of the parametrised kind."""
    if request.param == "sqlite":
        names = iter(range(100))
        return lambda: str(tmp_path / f"s{next(names)}.db")
    base = request.getfixturevalue("server")
    import psycopg

    names = iter(range(100))

    def new() -> str:
        name = f"crash_{request.node.name.split('[')[0][-20:].lower().replace('-', '_')}_{next(names)}_{os.getpid()}"
        with psycopg.connect(_url(base), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        return _url(base, name)
    return new


def test_killed_builds_recover_to_a_clean_build(tmp_path, stores):
    inputs = _inputs(tmp_path)
    clean = stores()
    _build(inputs, clean)
    expected = _export(clean)
    # inside the first batch's transaction; after two batches were committed, before the third;
    # inside the linking transaction, every document stored; inside the transaction that replaces a
    # story's stored account
    points = (("insert", 1), ("commit", 4), ("link", 0), ("account", 0))
    dbs = [stores() for _ in points]
    children = [subprocess.Popen([sys.executable, "-c", KILL, str(inputs), db, point, str(k)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for db, (point, k) in zip(dbs, points)]
    outcomes = {}
    for db, point, child in zip(dbs, points, children):
        _, err = child.communicate(timeout=120)
        assert child.returncode == -9, err[-2000:]  # it really was killed there
        _build(inputs, db)
        outcomes[point] = _export(db) == expected
    assert outcomes == {point: True for point in points}


def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path):
    """The first opener creates and migrates the file while the others wait; switching it to WAL
    answers "database is locked" at once instead of waiting, which once cost a concurrent build."""
    code = "import sys; from storyline.store import open_store; s = open_store(sys.argv[1]); print(s.schema_version); s.close()"
    for round_ in range(3):
        db = tmp_path / f"new{round_}.db"
        runs = [subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(4)]
        outputs = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0, 0], [err[-500:] for _, err in outputs]
        assert len({out.strip() for out, _ in outputs}) == 1


def test_two_builds_of_the_same_inputs_at_once(tmp_path, stores):
    inputs = _inputs(tmp_path, n=12)
    clean = stores()
    _build(inputs, clean)
    db = stores()
    code = ("import sys; from storyline.views.cli import app; "
            "app(['build', sys.argv[1], '--db', sys.argv[2], '--no-annotate', '--batch-size', '1'])")
    runs = [subprocess.Popen([sys.executable, "-c", code, str(inputs), db], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, err) in zip(runs, outputs):
        assert run.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    said = " ".join(err for _, err in outputs)
    assert said.count("12 read") == 2
    data = _export(db)
    assert sorted(d["id"] for d in data["documents"]) == sorted(d["id"] for d in _export(clean)["documents"])


def test_a_value_postgres_cannot_hold_costs_only_its_record(tmp_path, server, monkeypatch):  # noqa: F811
    """NUL is removed at the source (with a warning); were one to reach the store anyway, only its
    record is rejected and the rest of the batch is stored."""
    import psycopg

    with psycopg.connect(_url(server), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS nul_test")
        conn.execute("CREATE DATABASE nul_test")
    db = _url(server, "nul_test")
    path = tmp_path / "nul.jsonl"
    texts = [BODY.format(day="Monday", i=i, n=i, city=CITIES[i]) for i in range(3)]
    texts[1] = texts[1].replace("Doha", "Do\x00ha")
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    built = runner.invoke(app, ["build", str(path), "--db", db, "--no-annotate"])
    assert built.exit_code == 0 and "field 'text': 2 NUL character(s) removed" in " ".join(built.output.split()), built.output
    assert [d["id"] for d in _export(db)["documents"]] == ["n0", "n1", "n2"]

    from storyline.sources import files

    monkeypatch.setattr(files, "sanitize", lambda text: (text, []))  # as if the source had let it through
    conn = psycopg.connect(_url(server), autocommit=True)
    conn.execute("CREATE DATABASE nul_raw")
    conn.close()
    raw = _url(server, "nul_raw")
    built = runner.invoke(app, ["build", str(path), "--db", raw, "--no-annotate"])
    assert built.exit_code == 3, built.output
    said = " ".join(built.output.split())
    assert f"{path}:2: cannot be stored (DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes)" in said
    assert [d["id"] for d in _export(raw)["documents"]] == ["n0", "n2"]
