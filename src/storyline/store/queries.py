"""The read queries both stores run as they are, written once: SQLite and PostgreSQL differ here only
in the parameter placeholder (``?`` or ``%s``), which each store names in ``_P``."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from ..model import Annotations, CleanArticle, Document
from . import codec

DOC_COLUMNS = (
    "id", "content_hash", "source", "url", "outlet", "title", "author", "published", "published_from",
    "language", "reprint_of", "duplicate_of", "story_id", "text", "removed", "seq",
)
_COLS = ", ".join(DOC_COLUMNS)
# the columns a new document is inserted with (seq comes from the database), and its values
INSERT_COLUMNS = ("id, content_hash, source, url, outlet, title, author, published, published_from, language,"
                  " reprint_of, duplicate_of, story_id, text, removed, minhash, added_at")


def document_row(doc: Document, signatures: dict[str, tuple[bytes, list[int]]], now: str) -> tuple:
    """The values of INSERT_COLUMNS for one new document."""
    a = doc.article
    return (a.id, doc.content_hash, a.source, a.url, a.outlet, a.title, a.author, a.published,
            a.published_from, a.language, a.reprint_of, doc.duplicate_of, doc.story_id, a.text,
            json.dumps(a.removed, ensure_ascii=False), signatures[a.id][0] if a.id in signatures else None, now)


class SQLQueries:
    """Mixed into a store that has ``conn`` (a DB-API connection with ``execute``), ``transaction``
    and ``_put_annotations``."""

    _P = "?"
    conn: Any  # the driver's connection (sqlite3 or psycopg)

    if TYPE_CHECKING:  # provided by each store
        def transaction(self) -> AbstractContextManager[Any]: ...

        @staticmethod
        def _put_annotations(conn: Any, ann: Annotations, version: str | Mapping[str, str],
                             layers: Iterable[str] | None = None) -> None: ...

    @staticmethod
    def _document(values) -> Document:
        """A Document from a row selected with DOC_COLUMNS, in that order (either driver's row)."""
        row = dict(zip(DOC_COLUMNS, values))
        article = CleanArticle(
            id=row["id"], source=row["source"], text=row["text"], removed=json.loads(row["removed"]),
            url=row["url"], outlet=row["outlet"], title=row["title"], author=row["author"],
            published=row["published"], published_from=row["published_from"], language=row["language"],
            reprint_of=row["reprint_of"],
        )
        return Document(article=article, content_hash=row["content_hash"], duplicate_of=row["duplicate_of"],
                        story_id=row["story_id"], seq=row["seq"])

    def id_taken(self, doc_id: str) -> bool:
        return self.conn.execute(f"SELECT 1 FROM documents WHERE id = {self._P}", (doc_id,)).fetchone() is not None

    def put_annotations(self, items: list[tuple[Annotations, str | Mapping[str, str]]],
                        layers: Mapping[str, Iterable[str]] | None = None) -> None:
        """Store (or replace) annotation layers with their version (one string, or one per layer),
        in one transaction; ``layers``: document id -> the only layers to write for it."""
        with self.transaction() as conn:
            for ann, version in items:
                self._put_annotations(conn, ann, version, None if layers is None else layers.get(ann.document_id))

    def documents_without_story(self) -> Iterator[Document]:
        """Documents not yet placed in a story, in ingest order (an index look-up, not a scan)."""
        for row in self.conn.execute(f"SELECT {_COLS} FROM documents WHERE story_id IS NULL ORDER BY seq").fetchall():
            yield self._document(row)

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"SELECT {_COLS} FROM documents WHERE id = {self._P}", (doc_id,)).fetchone()
        return self._document(row) if row else None

    def next_seq(self) -> int:
        # after a rolled-back batch a sequence may have skipped numbers: seq is only an order
        return self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def duplicates_of(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            f"SELECT id FROM documents WHERE duplicate_of = {self._P} ORDER BY seq", (doc_id,))]

    def annotations(self, doc_id: str) -> Annotations:
        rows = self.conn.execute(f"SELECT layer, data FROM annotations WHERE document_id = {self._P}", (doc_id,))
        return codec.assemble(doc_id, {r[0]: r[1] for r in rows})

    def stale_annotations(self, version: str) -> list[str]:
        """Ids of documents whose annotations are missing or were made by another annotator version."""
        rows = self.conn.execute(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id"
            f" AND a.layer = 'timexes' AND a.version = {self._P}) ORDER BY d.seq",
            (version,),
        )
        return [r[0] for r in rows]

    def stale_layers(self, versions: Mapping[str, str], ids: Sequence[str] | None = None) -> dict[str, set[str]]:
        """document id -> its layers that are missing or were made by another version of the layer
        (``versions``: layer -> current version), in ingest order; every document, or only ``ids``.
        One indexed query per layer (and per 500 ids)."""
        stale: dict[tuple[int, str], set[str]] = {}
        chunks: list[list[str] | None] = [None] if ids is None else [list(ids[i:i + 500]) for i in range(0, len(ids), 500)]
        for layer in sorted(versions):
            for chunk in chunks:
                among = "" if chunk is None else f" AND d.id IN ({','.join([self._P] * len(chunk))})"
                rows = self.conn.execute(
                    "SELECT d.seq, d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE"
                    f" a.document_id = d.id AND a.layer = {self._P} AND a.version = {self._P}){among}",
                    (layer, versions[layer], *(chunk or ())),
                )
                for r in rows:
                    stale.setdefault((r[0], r[1]), set()).add(layer)
        return {doc_id: layers for (_, doc_id), layers in sorted(stale.items())}

    def get_state(self, key: str) -> str | None:
        row = self.conn.execute(f"SELECT value FROM state WHERE key = {self._P}", (key,)).fetchone()
        return row[0] if row else None
