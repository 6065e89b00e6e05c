"""The embedded default store: one SQLite file, WAL mode, versioned schema with migrations.

Every write happens in one transaction per batch, so a failure (bad input, a crash, Ctrl-C) leaves
what was stored before intact. SQL is kept to what PostgreSQL also speaks, apart from FTS5 search
and PRAGMAs, so a PostgreSQL backend can implement the same methods.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ..model import Annotations, Document
from . import codec
from .links import LinkTables
from .queries import DOC_COLUMNS, INSERT_COLUMNS, SQLQueries, document_row


class StoreError(Exception):
    """The store cannot be opened or used (not a Storyline database, newer schema, ...)."""


class StoreConflict(StoreError):
    """A write met what another writer stored meanwhile (a content hash or id now taken)."""


class StoreDataError(StoreError):
    """A value the store cannot hold: the batch may be stored without the record that has it."""


LOCK_WAIT = float(os.environ.get("STORYLINE_LOCK_WAIT", "60"))  # seconds a writer waits for another


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("storyline.store").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)



class SQLiteStore(SQLQueries, LinkTables):
    _P = "?"

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.on_wait = None  # called with a message while another writer holds the store
        if not self.path.strip():
            raise StoreError("no store named (an empty path); name an SQLite file or a PostgreSQL URL")
        if self.path != ":memory:":
            if Path(self.path).is_dir():
                raise StoreError(f"{self.path}: is a folder, not a store file; name a file inside it (e.g. {Path(self.path) / 'storyline.db'})")
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from None
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                        timeout=min(5.0, LOCK_WAIT))
            self.conn.row_factory = sqlite3.Row
            started = time.monotonic()
            while True:  # a store another process is creating or migrating right now: wait, then go on
                try:
                    self.conn.execute("PRAGMA journal_mode=WAL")  # (answers "locked" at once, no busy wait)
                    self.conn.execute("PRAGMA foreign_keys=ON")
                    self.conn.execute("PRAGMA synchronous=NORMAL")
                    self._migrate()  # each step checks the version again in its own transaction
                    break
                except sqlite3.OperationalError as exc:
                    if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() - started >= LOCK_WAIT:
                        raise
                    time.sleep(0.05)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a Storyline database ({exc})") from None

    # -- schema -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        shipped = migrations()
        newest = shipped[-1][0] if shipped else 0
        if current > newest:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this Storyline knows ({newest}); upgrade Storyline"
            )
        if current == 0:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables and self.schema_version == 0:  # (read again: another process may have just made it)
                raise StoreError(f"{self.path}: an SQLite database that is not a Storyline store")
        for version, name, sql in shipped:
            if version <= current:
                continue
            with self.transaction():
                if self.schema_version >= version:  # another process migrated it meanwhile
                    continue
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def transaction(self):
        """One write transaction; driver errors come out as StoreError (StoreConflict: another
        writer stored the same record meanwhile; StoreDataError: a value the store cannot hold)."""
        self._begin()
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise StoreConflict(f"{self.path}: {exc}") from None
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(f"{self.path}: cannot write to the store ({exc})") from None
            if isinstance(exc, (sqlite3.DataError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
                                UnicodeError, OverflowError)):
                raise StoreDataError(f"{type(exc).__name__}: {exc}") from None
            raise

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting up to LOCK_WAIT seconds (saying so) while another process writes."""
        started = time.monotonic()
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                waited = time.monotonic() - started
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(f"{self.path}: cannot write to the store ({exc})") from None
                if not told and self.on_wait is not None:
                    self.on_wait(f"{self.path}: another process is writing to the store; waiting for it "
                                 f"(up to {LOCK_WAIT:.0f} s)")
                told = True
                if waited >= LOCK_WAIT:
                    raise StoreError(f"{self.path}: another process has been writing to the store for over "
                                     f"{LOCK_WAIT:.0f} s; run this again when it is done") from None

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process at a time (the link stage, whose story index is read, extended and
        written back across several transactions): an advisory lock on ``<store>-link.lock`` next to
        the store, waited for up to LOCK_WAIT seconds (saying so) as a writer waits."""
        if self.path == ":memory:":
            yield
            return
        import fcntl

        try:
            fh = open(self.path + "-link.lock", "a+b")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write to the store ({exc.strerror or exc})") from None
        try:
            started, told = time.monotonic(), False
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not told and self.on_wait is not None:
                        self.on_wait(f"{self.path}: another process is linking this store; waiting for it "
                                     f"(up to {LOCK_WAIT:.0f} s)")
                    told = True
                    if time.monotonic() - started >= LOCK_WAIT:
                        raise StoreError(f"{self.path}: another process has been linking this store for over "
                                         f"{LOCK_WAIT:.0f} s; run this again when it is done") from None
                    time.sleep(0.05)
            yield
        finally:
            fh.close()  # closing the file releases the lock

    def check_writable(self) -> None:
        """Raise StoreError now if the store cannot be written (a read-only file or folder), before
        any work whose results would then be lost."""
        with self.transaction() as conn:
            conn.execute(f"PRAGMA user_version = {self.schema_version}")  # a write of nothing new

    def close(self) -> None:
        self.conn.close()

    # -- documents ----------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def add_batch(
        self,
        docs: list[Document],
        signatures: dict[str, tuple[bytes, list[int]]],
        annotations: list[tuple[Annotations, str]],
        duplicates: dict[str, str | None],
    ) -> None:
        """Store a batch in one transaction: new documents, their annotation layers (with the
        annotator version), and duplicate links (which may also re-point older documents)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            for doc in docs:
                a = doc.article
                cur = conn.execute(f"INSERT INTO documents ({INSERT_COLUMNS}) VALUES ({','.join('?' * 17)})",
                                   document_row(doc, signatures, now))
                doc.seq = cur.lastrowid
                if a.id in signatures:
                    conn.executemany(
                        "INSERT INTO minhash_bands (band, key, document_id) VALUES (?,?,?)",
                        [(i, key, a.id) for i, key in enumerate(signatures[a.id][1])],
                    )
            for ann, version in annotations:
                self._put_annotations(conn, ann, version)
            for doc_id, of in duplicates.items():
                conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (of, doc_id))

    @staticmethod
    def _put_annotations(conn, ann: Annotations, version, layers=None) -> None:
        conn.executemany(
            "INSERT INTO annotations (document_id, layer, version, data) VALUES (?,?,?,?)"
            " ON CONFLICT (document_id, layer) DO UPDATE SET version = excluded.version, data = excluded.data",
            codec.annotation_rows(ann, version, layers),
        )

    def documents(self) -> Iterator[Document]:
        """Every document in ingest order, streamed."""
        cols = ", ".join(DOC_COLUMNS)
        for row in self.conn.execute(f"SELECT {cols} FROM documents ORDER BY seq"):
            yield self._document(row)

    def band_candidates(self, bands: list[int]) -> set[str]:
        """Ids of stored documents that share at least one MinHash LSH band with ``bands``."""
        found: set[str] = set()
        for i, key in enumerate(bands):
            rows = self.conn.execute("SELECT document_id FROM minhash_bands WHERE band = ? AND key = ?", (i, key))
            found.update(r[0] for r in rows)
        return found

    def signature(self, doc_id: str) -> tuple[bytes | None, str | None, int, str | None] | None:
        """(minhash, published, seq, duplicate_of) of a stored document."""
        row = self.conn.execute(
            "SELECT minhash, published, seq, duplicate_of FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return (row[0], row[1], row[2], row[3]) if row else None

    def set_stories(self, assignment: dict[str, str], state_key: str, state: str) -> None:
        with self.transaction() as conn:
            for doc_id, story_id in assignment.items():
                conn.execute("UPDATE documents SET story_id = ? WHERE id = ?", (story_id, doc_id))
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (state_key, state),
            )

    # -- annotations and state ----------------------------------------------------------------
    # -- search -------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None, str]]:
        """(id, title, snippet) of documents matching a full-text query, best first."""
        try:
            rows = self.conn.execute(
                "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', ' … ', 12) FROM documents_fts"
                " JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {query!r}: {exc}") from None
        return [(r[0], r[1], r[2]) for r in rows]


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement knows about triggers)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

