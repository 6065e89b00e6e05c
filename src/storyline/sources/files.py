"""Reading bytes safely (size limits, gzip, binary and encoding checks) and plain-text articles."""
from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path

from ..model import InputWarning, RawArticle, Rejection

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


_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte (ASCII-range text in UTF-16)."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) >= 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) >= 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return None


def _legacy_encoding(data: bytes) -> str | None:
    """The most plausible single-byte or legacy encoding (charset-normalizer), preferring
    Windows-1252 (which reads Latin-1 too) wherever it gives the same text as the best guesses."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    best = [m for m in matches if m.chaos <= least + 1e-9]
    if not (_CP1252_UNDEFINED & set(data)):
        as_1252 = data[:200_000].decode("cp1252", errors="replace")
        if any(m.encoding == "cp1252" or str(m) == as_1252 for m in best):
            return "cp1252"
    return best[0].encoding


def decode(data: bytes, source: str, line: int | None = None,
           notes: list[InputWarning] | None = None) -> str | Rejection:
    """Text from bytes: a BOM (UTF-8/16/32) decides, else UTF-16 recognised by its NULs, else UTF-8;
    a few invalid bytes in UTF-8 text are replaced (U+FFFD), other text is read in the encoding
    charset-normalizer finds (Windows-1252 preferred). What was guessed or replaced goes to
    ``notes`` as a warning. Binary data (NUL bytes that are no UTF-16) is refused."""
    notes = notes if notes is not None else []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            if "\ufffd" in text and "\ufffd".encode(encoding) not in data:
                notes.append(InputWarning(source, f"invalid {encoding.upper()} bytes replaced by U+FFFD", line))
            return text
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16 is None:
            return Rejection(source, "binary data, not text (NUL bytes)", line)
        notes.append(InputWarning(source, f"no byte order mark: read as {utf16.upper()}", line))
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= bad:  # UTF-8 text with stray bytes: keep it, say where
        notes.append(InputWarning(
            source, f"{bad} invalid UTF-8 byte(s) replaced by U+FFFD (first at offset {first})", line))
        return replaced
    legacy = _legacy_encoding(data)
    if legacy is None:
        notes.append(InputWarning(
            source, f"not UTF-8 and no encoding recognised: {bad} byte(s) replaced by U+FFFD", line))
        return replaced
    notes.append(InputWarning(source, f"not UTF-8 (byte 0x{data[first]:02x} at offset {first}): read as {legacy}", line))
    return data.decode(legacy, errors="replace")


_SURROGATES = re.compile("[\ud800-\udfff]")


def sanitize(text: str) -> tuple[str, list[str]]:
    """Text any store can hold and any encoder can write: lone surrogates (from JSON escapes such
    as "\\ud800") become U+FFFD, NUL characters are removed. Returns the text and what was done."""
    done = []
    if "\x00" in text:
        done.append(f"{text.count(chr(0))} NUL character(s) removed")
        text = text.replace("\x00", "")
    if _SURROGATES.search(text):
        done.append(f"{len(_SURROGATES.findall(text))} lone surrogate(s) replaced by U+FFFD")
        text = _SURROGATES.sub("\ufffd", text)
    return text, done


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


def decoded(path: Path, data: bytes) -> Generator[InputWarning | Rejection, None, str | None]:
    """The file's text (:func:`decode`), its warnings yielded; None, with the rejection yielded,
    where it cannot be read. Use as ``text = yield from decoded(path, data)`` in a reader."""
    notes: list[InputWarning] = []
    text = decode(data, str(path), notes=notes)
    yield from notes
    if isinstance(text, Rejection):
        yield text
        return None
    return text


def read_text_file(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    text = yield from decoded(path, data)
    if text is None:
        return
    problem = check_text(text, str(path))
    if problem:
        yield problem
        return
    yield RawArticle(id=stem_of(path), source=str(path), text=text.replace("\r\n", "\n").replace("\r", "\n"))
