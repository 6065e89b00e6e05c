"""Rendered pages kept by the store's revision, and conditional requests.

A GET of a page or an API route that reads the store is answered from memory when the same address
(path and query string) was rendered at the same version: for a story's own pages (its timeline,
quotations, figures, sources, and their API routes) the revision at which that story's rows were
last written, for every other page the store's revision (``store_revision``, moved forward by every
write a page can show: migration 0004). The first visit after a change renders the page again, so a
kept page is never older than the store, and articles added to one story leave the other stories'
pages kept. Every such response carries an ``ETag`` (a digest of the version and the body) and
``Cache-Control: no-cache``: a browser asks again with ``If-None-Match`` and gets ``304 Not
Modified`` while nothing changed.

What is kept: responses with status 200 and no more than ``MAX_ENTRY`` bytes, without their
``Set-Cookie`` (a cookie is never shared between readers; only the form that needs the CSRF cookie
sets it, and that page is not kept), in a least-recently-used store of at most ``max_bytes`` (a page
of an older version is replaced when its address is asked again). Each worker process keeps its own.
The revision is read per request (:class:`RevisionProbe`).
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from ..store import StoreError, postgres_url
from . import read

MAX_BYTES = 128 * 1024 * 1024
MAX_ENTRY = 4 * 1024 * 1024
# what reads the store and shows the same thing to every reader (not the import pages, not the export)
KEPT_PREFIXES = ("/stories/", "/events/", "/entities/", "/articles/", "/api/stories", "/api/events/",
                 "/api/entities/", "/api/articles/")
KEPT_PATHS = ("/", "/search", "/api/search")


def kept(path: str) -> bool:
    return path in KEPT_PATHS or path.startswith(KEPT_PREFIXES)


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks)."""
    if not header:
        return False
    if header.strip() == "*":
        return True
    tag = etag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == tag for t in header.split(","))


_STORY_PATH = re.compile(r"^/(?:api/)?stories/([^/]+)(?:/[a-z]+)?$")


def story_of(path: str) -> str | None:
    """The story a story's own page or API route shows (its timeline, quotations, figures, sources)."""
    m = _STORY_PATH.match(path)
    return m[1] if m else None


class RevisionProbe:
    """The version a page is kept by, read once per request: for a story's own pages the revision at
    which that story's rows were last written, for every other page the store's revision.

    SQLite: one read-only connection kept for these single-row reads alone (opening a connection
    costs more than the whole answer from memory; what a page shows is still read on a connection
    opened and closed for its request), opened again when the path names another file or the store
    had no revision yet. The file's identity is part of the version: another store put at the same
    path, whatever its revisions, is never served from memory. PostgreSQL: a connection per read."""

    def __init__(self, db: str | Path):
        self.db = str(db)
        self.store: read.ReadOnlySQLiteStore | None = None
        self.ident: tuple[int, int] | None = None
        self.lock = threading.Lock()

    def __call__(self, path: str = "/") -> tuple | None:
        story_id = story_of(path)
        if postgres_url(self.db) is not None:
            try:
                s = read.open_read(self.db)
            except StoreError:
                return None
            try:
                return _version(s, (), story_id)
            finally:
                s.close()
        with self.lock:
            try:
                st = os.stat(self.db)
            except OSError:
                self.close()
                return None
            ident = (st.st_dev, st.st_ino)
            if self.store is None or self.ident != ident:
                self.close()
                try:
                    self.store = read.ReadOnlySQLiteStore(self.db)
                except StoreError:
                    return None
                self.ident = ident
            try:
                version = _version(self.store, ident, story_id)
            except sqlite3.Error:
                version = None
            if version is None:  # an older store (or one being replaced): look again next time
                self.close()
            return version

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        self.store = None


def _version(store, ident: tuple, story_id: str | None) -> tuple | None:
    if story_id is not None:
        rev = store.story_revision(story_id)
        if rev is not None:
            return (*ident, "story", rev)
    rev = store.revision()
    return None if rev is None else (*ident, "store", rev)


class Entry:
    __slots__ = ("version", "status", "headers", "body", "etag")

    def __init__(self, version: Hashable, status: int, headers: list[tuple[bytes, bytes]], body: bytes, etag: str):
        self.version, self.status, self.headers, self.body, self.etag = version, status, headers, body, etag


class PageCache:
    """ASGI middleware: see the module's docstring. ``version(path)`` gives what a page at that path
    is kept by (:class:`RevisionProbe`), or None where the store has no revision (then nothing is
    kept, and no ETag is given)."""

    def __init__(self, app: Any, version: Callable[[str], Hashable | None], max_bytes: int = MAX_BYTES):
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not kept(scope["path"]):
            await self.app(scope, receive, send)
            return
        version = self.version(scope["path"])
        if version is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        if_none_match = _header(scope, b"if-none-match")
        entry = self.entries.get(key)
        if entry is not None and entry.version == version:
            self.hits += 1
            self.entries.move_to_end(key)
            await _answer(send, entry, if_none_match)
            return
        self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        status = start.get("status", 500)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        if status != 200:
            await send({"type": "http.response.start", "status": status,
                        "headers": [*headers, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        etag = '"' + hashlib.blake2b(repr(version).encode() + b"\0" + body, digest_size=12).hexdigest() + '"'
        entry = Entry(version, 200, [(k, v) for k, v in headers
                                     if k.lower() not in (b"set-cookie", b"etag", b"cache-control")], body, etag)
        if len(body) <= MAX_ENTRY:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old.body)
            self.entries[key] = entry
            self.size += len(body)
            while self.size > self.max_bytes and self.entries:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped.body)
        cookies = [(k, v) for k, v in headers if k.lower() == b"set-cookie"]
        await _answer(send, entry, if_none_match, cookies)


def _header(scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return v.decode("latin-1")
    return None


async def _answer(send, entry: Entry, if_none_match: str | None, extra: list | None = None) -> None:
    validators = [(b"etag", entry.etag.encode()), (b"cache-control", b"no-cache")]
    if etag_matches(if_none_match, entry.etag):
        await send({"type": "http.response.start", "status": 304, "headers": [*validators, *(extra or [])]})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": entry.status,
                "headers": [*entry.headers, *validators, *(extra or []), (b"content-length", str(len(entry.body)).encode())]})
    await send({"type": "http.response.body", "body": entry.body})
