"""The PostgreSQL store: the same methods and semantics as SQLiteStore, for stores that outgrow one machine.

Versioned schema (migrations_pg/, version kept in the ``storyline_schema`` table), one transaction per
batch, the MinHash band index, story state, versioned annotations, and full-text search over a
generated tsvector column with a GIN index. Every method returns what the SQLiteStore method returns
(str, int, bytes, tuples, model records), so callers work unchanged. Driver: psycopg 3.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources

from ..model import Annotations, Document
from . import codec
from .links import LinkTables
from .queries import DOC_COLUMNS, INSERT_COLUMNS, SQLQueries, document_row
from .sqlite import LOCK_WAIT, StoreConflict, StoreDataError, StoreError

try:
    import psycopg
    from psycopg import conninfo as _conninfo
except ImportError:  # the SQLite store works without it; open_store says what is missing
    psycopg = None  # type: ignore[assignment]

SCHEMA_TABLE = "storyline_schema"
MIGRATION_LOCK = 0x5354_4F52_594C  # pg_advisory_xact_lock key: two processes never migrate at once
LINK_LOCK = MIGRATION_LOCK + 1  # pg_advisory_lock key: two processes never link at once
TS_CONFIG = "simple"  # no stemming or stop words, as FTS5's default unicode61 tokenizer
PAGE = 500  # documents() streams in pages of this many rows


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every PostgreSQL migration shipped with the package, in order."""
    found = []
    for entry in resources.files("storyline.store").joinpath("migrations_pg").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def redact(url: str, text: str | None = None) -> str:
    """The URL (or ``text``, a message about it) without the URL's password, for messages."""
    secrets = _passwords(url)
    out = url if text is None else text
    for secret in sorted(secrets, key=lambda x: (-len(x), x)):
        out = out.replace(secret, "***")
    out = re.sub(r"(://[^:/@?\s]*:)[^@\s]*@", r"\1***@", out)
    return re.sub(r"(password\s*=\s*)('[^']*'|[^&\s]*)", r"\1***", out, flags=re.IGNORECASE)


def _passwords(url: str) -> set[str]:
    """Every spelling of the password that ``url`` holds (as written and percent-decoded)."""
    from urllib.parse import unquote

    found = set()
    m = re.match(r"^[a-z]+://(?:[^@/?#]*?):(.*)@", url, re.IGNORECASE | re.DOTALL)
    if m and m.group(1):
        found.add(m.group(1))
    for value in re.findall(r"password\s*=\s*('[^']*'|[^&\s]*)", url, re.IGNORECASE):
        found.add(value.strip("'"))
    return {s for secret in found if secret for s in (secret, unquote(secret)) if len(s) >= 1}


class PostgresStore(SQLQueries, LinkTables):
    _P = "%s"
    _JSON = "(({col})::jsonb -> '{key}')::text"
    _LIKE = "lower({col}) LIKE {p}"  # (LIKE minds case here)

    def __init__(self, url: str):
        if psycopg is None:
            raise StoreError("the PostgreSQL backend needs psycopg 3: pip install 'psycopg[binary]'")
        self.url = url
        self.path = redact(url)  # what messages name, as SQLiteStore.path
        try:
            params = _conninfo.conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: not a valid PostgreSQL URL ({redact(url, _first_line(exc))})") from None
        params.setdefault("connect_timeout", 10)
        params.setdefault("application_name", "storyline")
        try:
            self.conn = psycopg.connect(_conninfo.make_conninfo("", **params), autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot reach the PostgreSQL server ({redact(url, _first_line(exc))})") from None
        try:
            self._migrate()
        except StoreError:
            self.conn.close()
            raise
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open the store ({redact(url, _first_line(exc))})") from None

    # -- schema -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass(%s)", (SCHEMA_TABLE,)).fetchone()[0] is None:
            return 0
        row = self.conn.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
        return row[0] or 0

    def _migrate(self) -> None:
        shipped = migrations()
        newest = shipped[-1][0] if shipped else 0
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            current = self.schema_version
            if current > newest:
                raise StoreError(
                    f"{self.path}: schema version {current} is newer than this Storyline knows ({newest}); upgrade Storyline"
                )
            if current == 0:
                tables = conn.execute(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                ).fetchone()[0]
                if tables:
                    raise StoreError(f"{self.path}: a PostgreSQL database that is not a Storyline store")
                conn.execute(f"CREATE TABLE {SCHEMA_TABLE} (version INTEGER NOT NULL)")
                conn.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (0)")
            for version, name, sql in shipped:
                if version <= current:
                    continue
                conn.execute(sql)  # no parameters: psycopg sends the whole script at once
                conn.execute(f"UPDATE {SCHEMA_TABLE} SET version = %s", (version,))

    @contextmanager
    def transaction(self):
        """One transaction: committed if the block ends normally, rolled back on any exception;
        driver errors come out as StoreError (StoreConflict, StoreDataError as in SQLiteStore)."""
        try:
            with self.conn.transaction():
                yield self.conn
        except psycopg.errors.IntegrityError as exc:
            raise StoreConflict(f"{self.path}: {_first_line(exc)}") from None
        except (psycopg.DataError, ValueError, UnicodeError) as exc:  # e.g. NUL in a text
            raise StoreDataError(f"{type(exc).__name__}: {_first_line(exc)}") from None
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot write to the store ({_first_line(exc)})") from None

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held by one process at a time (the link stage, as SQLiteStore.exclusive): a session-level
        advisory lock on the server, waited for up to LOCK_WAIT seconds."""
        try:
            self.conn.execute("SELECT set_config('lock_timeout', %s, false)", (f"{int(LOCK_WAIT * 1000)}ms",))
            self.conn.execute("SELECT pg_advisory_lock(%s)", (LINK_LOCK,))
        except psycopg.errors.LockNotAvailable:
            raise StoreError(f"{self.path}: another process has been linking this store for over "
                             f"{LOCK_WAIT:.0f} s; run this again when it is done") from None
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot write to the store ({_first_line(exc)})") from None
        finally:
            self.conn.execute("SELECT set_config('lock_timeout', '0', false)")
        try:
            yield
        finally:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (LINK_LOCK,))

    def check_writable(self) -> None:
        """Raise StoreError now if this connection may not write the store (a read-only server or
        role), before any work whose results would then be lost."""
        read_only, may_insert = self.conn.execute(
            "SELECT current_setting('transaction_read_only'), has_table_privilege('documents', 'INSERT')"
        ).fetchone()
        if read_only == "on" or not may_insert:
            raise StoreError(f"{self.path}: cannot write to the store (read-only for this connection)")

    def close(self) -> None:
        self.conn.close()

    # -- documents ----------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        if not hashes:
            return set()
        rows = self.conn.execute("SELECT content_hash FROM documents WHERE content_hash = ANY(%s)", (hashes,))
        return {r[0] for r in rows}

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
                row = conn.execute(
                    f"INSERT INTO documents ({INSERT_COLUMNS}) VALUES ({','.join(['%s'] * 17)}) RETURNING seq",
                    document_row(doc, signatures, now),
                ).fetchone()
                doc.seq = row[0]
                if a.id in signatures:
                    with conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO minhash_bands (band, key, document_id) VALUES (%s,%s,%s)",
                            [(i, key, a.id) for i, key in enumerate(signatures[a.id][1])],
                        )
            for ann, version in annotations:
                self._put_annotations(conn, ann, version)
            for doc_id, of in duplicates.items():
                conn.execute("UPDATE documents SET duplicate_of = %s WHERE id = %s", (of, doc_id))

    @staticmethod
    def _put_annotations(conn, ann: Annotations, version, layers=None) -> None:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO annotations (document_id, layer, version, data) VALUES (%s,%s,%s,%s)"
                " ON CONFLICT (document_id, layer) DO UPDATE SET version = excluded.version, data = excluded.data",
                codec.annotation_rows(ann, version, layers),
            )

    def documents(self) -> Iterator[Document]:
        """Every document in ingest order, streamed (pages by seq, so other queries may run in between)."""
        cols = ", ".join(DOC_COLUMNS)
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT {cols} FROM documents WHERE seq > %s ORDER BY seq LIMIT %s", (last, PAGE)
            ).fetchall()
            for row in rows:
                yield self._document(row)
            if len(rows) < PAGE:
                return
            last = rows[-1][DOC_COLUMNS.index("seq")]

    def band_candidates(self, bands: list[int]) -> set[str]:
        """Ids of stored documents that share at least one MinHash LSH band with ``bands``."""
        if not bands:
            return set()
        rows = self.conn.execute(
            "SELECT DISTINCT b.document_id FROM minhash_bands b"
            " JOIN unnest(%s::integer[], %s::bigint[]) AS q (band, key) ON b.band = q.band AND b.key = q.key",
            (list(range(len(bands))), list(bands)),
        )
        return {r[0] for r in rows}

    def signature(self, doc_id: str) -> tuple[bytes | None, str | None, int, str | None] | None:
        """(minhash, published, seq, duplicate_of) of a stored document."""
        row = self.conn.execute(
            "SELECT minhash, published, seq, duplicate_of FROM documents WHERE id = %s", (doc_id,)
        ).fetchone()
        if not row:
            return None
        return (bytes(row[0]) if row[0] is not None else None, row[1], row[2], row[3])

    def set_stories(self, assignment: dict[str, str], state_key: str, state: str) -> None:
        with self.transaction() as conn:
            with conn.cursor() as cur:
                cur.executemany("UPDATE documents SET story_id = %s WHERE id = %s",
                                [(story_id, doc_id) for doc_id, story_id in assignment.items()])
            conn.execute(
                "INSERT INTO state (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (state_key, state),
            )

    # -- annotations and state ----------------------------------------------------------------
    # -- search -------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None, str]]:
        """(id, title, snippet) of documents matching a full-text query, best first.

        The query syntax is the FTS5 one the SQLite store takes: words, "exact phrases", prefix*,
        AND, OR, NOT (binary, as in FTS5) and parentheses; each word or phrase goes to
        websearch_to_tsquery, the operators combine the results."""
        expr, params = fts5_to_tsquery(query)
        sql = (
            "SELECT id, title, ts_headline(%s::regconfig, text, q, %s) FROM ("
            f" SELECT d.id, d.title, d.text, d.seq, q.q, ts_rank(d.fts, q.q) AS r FROM documents d,"
            f" (SELECT {expr} AS q) q WHERE d.fts @@ q.q ORDER BY r DESC, d.seq LIMIT %s) t ORDER BY r DESC, seq"
        )
        options = 'StartSel=[, StopSel=], MaxWords=12, MinWords=5, MaxFragments=1, FragmentDelimiter=" … "'
        try:
            rows = self.conn.execute(sql, [TS_CONFIG, options, *params, limit]).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"cannot search for {query!r}: {_first_line(exc)}") from None
        return [(r[0], r[1], r[2]) for r in rows]


# -- FTS5 query syntax -> tsquery ---------------------------------------------------------------
# No library translates SQLite FTS5 queries into PostgreSQL tsquery, hence this small parser.
_TOKEN = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|(?P<star>\*)|"(?P<phrase>(?:[^"]|"")*)"|(?P<bad>["+:^{}])'
                    r'|(?P<word>[^\s()"*+:^{}]+))')


def _tokens(query: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.group("bad"):
            char = m.group("bad") if m else query[pos]
            what = "unterminated string" if char == '"' else f"syntax error near {char!r} (not supported here)"
            raise StoreError(f"cannot search for {query!r}: {what}")
        kind = m.lastgroup or ""
        text = m.group(kind)
        if kind == "word" and text in ("AND", "OR", "NOT", "NEAR"):
            kind = text
        if kind == "phrase":
            text = text.replace('""', '"')
        out.append((kind, text))
        pos = m.end()
    return out


def fts5_to_tsquery(query: str) -> tuple[str, list[str]]:
    """An SQL tsquery expression (with %s placeholders) and its parameters for an FTS5 query.

    Precedence as in FTS5: NOT binds tighter than AND (also implicit, between adjacent terms),
    AND tighter than OR. Raises StoreError on a query FTS5 would reject (or NEAR, column filters)."""
    tokens = _tokens(query)
    pos = 0
    params: list[str] = []

    def fail(what: str):
        raise StoreError(f"cannot search for {query!r}: {what}")

    def peek() -> str | None:
        return tokens[pos][0] if pos < len(tokens) else None

    def primary() -> str:
        nonlocal pos
        kind = peek()
        if kind == "open":
            pos += 1
            inner = or_expr()
            if peek() != "close":
                fail("missing ')'")
            pos += 1
            return inner
        if kind == "NEAR":
            fail("NEAR is not supported by the PostgreSQL store")
        if kind not in ("word", "phrase"):
            fail(f"syntax error near {tokens[pos][1]!r}" if kind else "incomplete query")
        text = tokens[pos][1]
        pos += 1
        if peek() == "star":
            pos += 1
            words = [w for w in re.split(r"\W+", text) if w]
            if not words:
                fail("nothing before '*'")
            params.append(" <-> ".join("'" + w.replace("'", "''") + "'" for w in words) + ":*")
            return f"to_tsquery('{TS_CONFIG}', %s)"
        params.append('"' + text.replace('"', " ") + '"')
        return f"websearch_to_tsquery('{TS_CONFIG}', %s)"

    def not_expr() -> str:
        nonlocal pos
        left = primary()
        while peek() == "NOT":
            pos += 1
            left = f"({left} && !!{primary()})"
        return left

    def and_expr() -> str:
        nonlocal pos
        left = not_expr()
        while peek() in ("AND", "word", "phrase", "open", "NEAR"):
            if peek() == "AND":
                pos += 1
            left = f"({left} && {not_expr()})"
        return left

    def or_expr() -> str:
        nonlocal pos
        left = and_expr()
        while peek() == "OR":
            pos += 1
            left = f"({left} || {and_expr()})"
        return left

    if not tokens:
        fail("empty query")
    expr = or_expr()
    if pos != len(tokens):
        fail(f"syntax error near {tokens[pos][1]!r}")
    return expr, params


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
