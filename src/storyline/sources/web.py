"""HTML pages and WARC web archives. Main-text extraction itself is the clean stage's job."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import InputWarning, RawArticle, Rejection
from .files import check_text, decode, stem_of

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes, source: str, line: int | None = None, declared: str | None = None,
                notes: list[InputWarning] | None = None) -> str | Rejection:
    """HTML may declare its encoding (HTTP header or <meta charset>); honour it, else detect it
    as for text (files.decode)."""
    match = _META_CHARSET.search(data[:4096])
    charset = declared or (match.group(1).decode("ascii") if match else None)
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8") and b"\x00" not in data[:8192]:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a false declaration: fall back to UTF-8 and its clear error
    return decode(data, source, line, notes)


def read_html_file(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    notes: list[InputWarning] = []
    html = decode_html(data, str(path), notes=notes)
    yield from notes
    if isinstance(html, Rejection):
        yield html
        return
    problem = check_text(html, str(path), html=True)
    if problem:
        yield problem
        return
    if "<" not in html:
        yield Rejection(str(path), "no HTML markup found (name plain text .txt)")
        return
    yield RawArticle(id=stem_of(path), source=str(path), html=html)


_CHARSET_HEADER = re.compile(r"charset=([A-Za-z0-9_\-]+)", re.I)


def read_warc(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    """HTML responses of a WARC (or .warc.gz), with their URL and capture date."""
    import io

    stem = stem_of(path)
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode() or ""
            if "html" not in ctype.lower() or not status.startswith("2"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            captured = record.rec_headers.get_header("WARC-Date")
            try:
                body = record.content_stream().read()
            except Exception as exc:  # warcio raises several kinds on truncated payloads
                yield Rejection(str(path), f"broken WARC record ({exc})", number)
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:  # the archive ended inside this record: its page is cut short
                yield InputWarning(str(path), f"truncated WARC record ({missing:,} of its "
                                              f"{record.length:,} bytes missing): the page is kept as far as it goes", number)
            match = _CHARSET_HEADER.search(ctype)
            notes: list[InputWarning] = []
            html = decode_html(body, str(path), number, match.group(1) if match else None, notes)
            yield from notes
            if isinstance(html, Rejection):
                yield html
                continue
            if check_text(html, str(path), number, html=True):
                yield Rejection(str(path), "empty HTML response", number)
                continue
            yield RawArticle(
                id=f"{stem}-{number}", source=url or f"{path}#{number}", html=html, url=url, captured=captured
            )
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, AttributeError, TypeError) as exc:
        # warcio raises several kinds on malformed headers; all mean the same to the reader
        yield Rejection(str(path), f"broken WARC record after record {number} ({exc}); the rest of the file is skipped", number + 1)
