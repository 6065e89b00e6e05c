"""The read queries both stores run as they are, written once: SQLite and PostgreSQL differ here only
in the parameter placeholder (``?`` or ``%s``), which each store names in ``_P``."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Annotations, Document
from . import codec

DOC_COLUMNS = (
    "id", "content_hash", "source", "url", "outlet", "title", "author", "published", "published_from",
    "language", "reprint_of", "duplicate_of", "story_id", "text", "removed", "seq",
)
_COLS = ", ".join(DOC_COLUMNS)


class SQLQueries:
    """Mixed into a store that has ``conn`` (a DB-API connection with ``execute``), ``transaction``,
    ``_document`` and ``_put_annotations``."""

    _P = "?"

    def id_taken(self, doc_id: str) -> bool:
        return self.conn.execute(f"SELECT 1 FROM documents WHERE id = {self._P}", (doc_id,)).fetchone() is not None

    def put_annotations(self, items: list[tuple[Annotations, str]]) -> None:
        """Store (or replace) annotation layers with their annotator version, in one transaction."""
        with self.transaction() as conn:
            for ann, version in items:
                self._put_annotations(conn, ann, version)

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

    def get_state(self, key: str) -> str | None:
        row = self.conn.execute(f"SELECT value FROM state WHERE key = {self._P}", (key,)).fetchone()
        return row[0] if row else None
