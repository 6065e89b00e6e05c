"""Rendered pages kept by the store's revision, and conditional requests.

A GET of a page or an API route that reads the store is answered from memory when the same address
(path and query string) was rendered at the store's current revision (``store_revision``, moved
forward by every write a page can show: migration 0004); the first visit after any change renders
it again, so a kept page is never older than the store. Every such response carries an ``ETag``
(the revision and a digest of the body) and ``Cache-Control: no-cache``: a browser asks again with
``If-None-Match`` and gets ``304 Not Modified`` while nothing changed.

What is kept: responses with status 200 and no more than ``MAX_ENTRY`` bytes, without their
``Set-Cookie`` (a cookie is never shared between readers; only the form that needs the CSRF cookie
sets it, and that page is not kept), in a least-recently-used store of at most ``max_bytes``; pages
of an older revision are dropped as soon as a newer one is seen. Each worker process keeps its own.
The revision is read on its own read-only connection, opened and closed per request.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

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


class Entry:
    __slots__ = ("status", "headers", "body", "etag")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes, etag: str):
        self.status, self.headers, self.body, self.etag = status, headers, body, etag


class PageCache:
    """ASGI middleware: see the module's docstring. ``revision()`` gives the store's revision, or
    None where it has none (then nothing is kept, and no ETag is given)."""

    def __init__(self, app: Any, revision: Callable[[], int | None], max_bytes: int = MAX_BYTES):
        self.app = app
        self.revision = revision
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.size = 0
        self.seen = 0  # the newest revision seen
        self.hits = self.misses = 0

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not kept(scope["path"]):
            await self.app(scope, receive, send)
            return
        rev = self.revision()
        if rev is None:
            await self.app(scope, receive, send)
            return
        if rev != self.seen:  # the store changed: what was kept is older than it
            self.entries.clear()
            self.size = 0
            self.seen = rev
        key = (scope["path"], scope.get("query_string", b""))
        if_none_match = _header(scope, b"if-none-match")
        entry = self.entries.get(key)
        if entry is not None:
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
        etag = f'"{rev}-{hashlib.blake2b(body, digest_size=8).hexdigest()}"'
        entry = Entry(200, [(k, v) for k, v in headers if k.lower() not in (b"set-cookie", b"etag", b"cache-control")],
                      body, etag)
        if len(body) <= MAX_ENTRY and rev == self.seen:
            self.entries[key] = entry
            self.size += len(body)
            while self.size > self.max_bytes and self.entries:
                _, old = self.entries.popitem(last=False)
                self.size -= len(old.body)
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
