"""Reading bytes safely (size limits, gzip, binary and encoding checks) and plain-text articles."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import RawArticle, Rejection

MAX_BYTES = 64 * 1024 * 1024  # one input file, after decompression; larger is refused as oversized
MAX_TEXT_CHARS = 500_000  # one article's text (about 80,000 words); a longer one is not a news report
MAX_HTML_CHARS = 10_000_000  # one article's page, markup included


def load_bytes(path: Path) -> bytes | Rejection:
    """The file's bytes (decompressed for .gz), or why they cannot be had."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Rejection(str(path), f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                return Rejection(str(path), f"decompresses to more than {MAX_BYTES:,} bytes")
        else:
            data = path.read_bytes()
    except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
        return Rejection(str(path), f"not a readable gzip file ({exc})")
    except OSError as exc:
        return Rejection(str(path), f"cannot read file ({exc.strerror or exc})")
    if not data.strip():
        return Rejection(str(path), "empty file")
    return data


def decode(data: bytes, source: str, line: int | None = None) -> str | Rejection:
    """Strict UTF-8 (a BOM is dropped); binary data and other encodings are refused with a reason."""
    if b"\x00" in data[:8192]:
        return Rejection(source, "binary data, not text (NUL bytes)", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return Rejection(
            source,
            f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); convert the file to UTF-8",
            line,
        )


def check_text(text: str, source: str, line: int | None = None, *, html: bool = False) -> Rejection | None:
    if not text.strip():
        return Rejection(source, "no article text", line)
    limit = MAX_HTML_CHARS if html else MAX_TEXT_CHARS
    if len(text) > limit:
        kind = "HTML page" if html else "article text"
        return Rejection(source, f"{kind} too long ({len(text):,} characters; limit {limit:,})", line)
    return None


def stem_of(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if name.lower().endswith(suffix.lower()):
            name = name[: -len(suffix)]
        if suffix.lower() not in (".gz",):
            break
    return name or path.name


def read_text_file(path: Path, data: bytes) -> Iterator[RawArticle | Rejection]:
    text = decode(data, str(path))
    if isinstance(text, Rejection):
        yield text
        return
    problem = check_text(text, str(path))
    if problem:
        yield problem
        return
    yield RawArticle(id=stem_of(path), source=str(path), text=text.replace("\r\n", "\n").replace("\r", "\n"))
