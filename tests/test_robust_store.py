"""Store and command-line failures end in a clear message and a documented exit status, never a
traceback; nothing stored before is damaged (issue 12). Exit status: 0 ok, 1 error, 2 usage,
3 inputs rejected."""
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.engines.local import ingest
from storyline.store import open_store
from storyline.store import sqlite as sqlite_store
from storyline.views.cli import app

runner = CliRunner()

BODY = ("Negotiators from both sides met in Doha on Monday to resume talks on a ceasefire, officials said. "
        "The talks had been suspended for three weeks after an attack on a convoy.\n\n"
        "A spokesman said progress had been made on the release of prisoners and that a second round "
        "would follow later in the week.")


def _inputs(tmp_path, n=3, title="Talks"):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "title": f"{title} {i}", "text": f"Report {i}. {BODY}",
                                        "published": f"2020-04-{10 + i}"}) + "\n" for i in range(n)))
    return path


def _build(*args):
    return runner.invoke(app, ["build", *map(str, args), "--no-annotate"])


def _said(result) -> str:
    return " ".join(result.output.split())


def _ids(db):
    store = open_store(db)
    try:
        return sorted(d.id for d in store.documents())
    finally:
        store.close()


def test_empty_db_and_a_folder_as_store(tmp_path):
    inputs = _inputs(tmp_path)
    empty = _build(inputs, "--db", "")
    assert empty.exit_code == 2 and "--db is empty" in _said(empty)
    folder = _build(inputs, "--db", tmp_path)
    assert folder.exit_code == 1 and "is a folder, not a store file" in _said(folder)
    assert "Traceback" not in empty.output + folder.output


def test_a_store_with_garbage_inside(tmp_path):
    db = tmp_path / "s.db"
    db.write_bytes(b"this is not a database at all\n" * 200)
    result = _build(_inputs(tmp_path), "--db", db)
    assert result.exit_code == 1 and "not a Storyline database" in _said(result)
    exported = runner.invoke(app, ["export", "--db", str(db)])
    assert exported.exit_code == 1 and "not a Storyline database" in _said(exported)
    assert db.read_bytes() == b"this is not a database at all\n" * 200  # untouched


def test_a_read_only_store_is_found_before_any_work(tmp_path, monkeypatch):
    inputs = _inputs(tmp_path)
    db = tmp_path / "s.db"
    assert _build(inputs, "--db", db).exit_code == 0
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "b1", "text": "Another report. " + BODY}) + "\n")
    connect = sqlite3.connect

    def read_only(path, *args, **kwargs):  # what SQLite does with a file it may only read
        return connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite_store.sqlite3, "connect", read_only)
    read = []
    monkeypatch.setattr("storyline.sources.read", lambda paths: read.append(paths) or iter(()))
    result = _build(more, "--db", db)
    assert result.exit_code == 1, result.output
    assert "cannot write to the store (attempt to write a readonly database)" in _said(result)
    assert read == []  # failed before reading (and annotating) anything
    monkeypatch.undo()
    assert _ids(db) == ["a0", "a1", "a2"]


def test_a_full_disk_stops_cleanly_and_keeps_what_was_stored(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    assert _build(_inputs(tmp_path), "--db", db).exit_code == 0
    init = sqlite_store.SQLiteStore.__init__

    def full(self, path):  # SQLite's own limit on the file's pages: the next write finds the disk full
        init(self, path)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(sqlite_store.SQLiteStore, "__init__", full)
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"b{i}", "text": f"Big {i}. " + BODY * 20}) + "\n" for i in range(20)))
    result = _build(big, "--db", db)
    assert result.exit_code == 1, result.output
    assert "cannot write to the store (database or disk is full)" in _said(result)
    assert "Traceback" not in result.output
    monkeypatch.undo()
    assert _ids(db) == ["a0", "a1", "a2"]
    assert _build(big, "--db", db).exit_code == 0 and len(_ids(db)) == 23


def test_a_writer_holding_the_lock_makes_the_next_wait_then_stop_cleanly(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    assert _build(_inputs(tmp_path), "--db", db).exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(sqlite_store, "LOCK_WAIT", 1.0)
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "b1", "text": "Another report. " + BODY}) + "\n")
    try:
        result = _build(more, "--db", db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1, result.output
    assert "another process is writing to the store; waiting for it (up to 1 s)" in _said(result)
    assert "another process has been writing to the store for over 1 s; run this again when it is done" in _said(result)
    assert _build(more, "--db", db).exit_code == 0 and _ids(db) == ["a0", "a1", "a2", "b1"]


def test_export_into_a_missing_folder_and_serve_on_a_bad_port(tmp_path):
    db = tmp_path / "s.db"
    assert _build(_inputs(tmp_path), "--db", db).exit_code == 0
    result = runner.invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "nope" / "x.json")])
    assert result.exit_code == 1 and "cannot write" in _said(result) and "No such file or directory" in _said(result)
    served = runner.invoke(app, ["serve", "--db", str(db), "--port", "99999"])
    assert served.exit_code == 2 and "65535" in _said(served)


def test_a_malformed_postgres_url_never_shows_its_password(tmp_path):
    inputs = _inputs(tmp_path)
    for url in ("postgresql://bob:hunter2@[::1/db", "postgresql://bob:hunter2@ho st/db", "postgresql//bob:hunter2@host/db",
                "postgres:bob:hunter2@host", "postgresql://bob@host:notaport/db?password=hunter2"):
        result = _build(inputs, "--db", url)
        assert result.exit_code == 1, (url, result.output)
        assert "hunter2" not in result.output and "error:" in _said(result), url


def test_text_from_articles_cannot_drive_the_terminal(tmp_path):
    db = tmp_path / "s.db"
    evil = "\x1b]0;owned\x07Talks\x1b[2J in \x9b31mDoha"
    path = tmp_path / "evil\x1b[31m.jsonl"
    path.write_text(json.dumps({"id": "e\x1b[5m1", "title": evil, "text": "Doha talks. " + BODY, "published": "soon \x1b]0;x\x07"}) + "\n")
    built = _build(path, "--db", db)
    found = runner.invoke(app, ["search", "Doha", "--db", str(db)])
    listed = runner.invoke(app, ["stories", "--db", str(db)])
    for result in (built, found, listed):
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output and "\x9b" not in result.output
    assert "owned" not in found.output and "Talks" in found.output  # the title shown, its sequences gone


def test_two_builds_storing_the_same_inputs_at_once(tmp_path):
    """The second build's batch meets the first build's rows at commit: it counts them as known."""
    inputs = _inputs(tmp_path, n=4)
    db = tmp_path / "s.db"
    first, second = open_store(db), open_store(db)
    add_batch = second.add_batch
    raced = []

    def racing(*args):
        if not raced:  # the other build stores the same inputs between our check and our commit
            raced.append(ingest([inputs], first, annotate=False))
        return add_batch(*args)

    second.add_batch = racing
    report = ingest([inputs], second, annotate=False)
    assert raced[0].added == 4 and report.added == 0 and report.known == 4 and report.rejected == []
    assert sorted(d.id for d in second.documents()) == ["a0", "a1", "a2", "a3"]
    first.close()
    second.close()


def test_a_store_damaged_inside_gives_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    from storyline.views import cli

    db = tmp_path / "s.db"
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"b{i}", "text": f"Big {i}. " + BODY * 5}) + "\n" for i in range(30)))
    assert _build(big, "--db", db).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with db.open("r+b") as fh:  # pages of the documents table overwritten
        fh.seek(4096 * 3)
        fh.write(b"\xde\xad" * 8192)
    monkeypatch.setattr("sys.argv", ["storyline", "build", str(_inputs(tmp_path)), "--db", str(db), "--no-annotate"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    said = " ".join(capsys.readouterr().err.split())
    assert exit_.value.code == 1
    assert "error: the store cannot be read: it is damaged or not a Storyline store (database disk image is malformed)" in said


def test_serve_on_a_taken_port_is_an_error_not_rejected_inputs(tmp_path):
    import socket

    db = tmp_path / "s.db"
    assert _build(_inputs(tmp_path), "--db", db).exit_code == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"cannot serve on 127.0.0.1:{port}" in _said(result)


def test_two_processes_creating_the_same_store_at_once(tmp_path, monkeypatch):
    """The second one finds the schema made by the first inside its migration transaction."""
    db = tmp_path / "new.db"
    shipped = sqlite_store.migrations
    others: list = []

    def racing():
        if not others:  # another process creates and migrates the store after we read its version
            others.append(None)
            others[0] = sqlite_store.SQLiteStore(db)
        return shipped()

    monkeypatch.setattr(sqlite_store, "migrations", racing)
    store = sqlite_store.SQLiteStore(db)
    assert store.schema_version == others[0].schema_version == shipped()[-1][0]
    store.close()
    others[0].close()
