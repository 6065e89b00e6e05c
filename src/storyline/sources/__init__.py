"""Sources: read files and folders into :class:`RawArticle` records, one reader per input kind.

``read(paths)`` walks folders recursively (sorted, so runs are reproducible) and yields, in a
stream, either a :class:`RawArticle` or a :class:`Rejection` saying which file (and line) could not
be read and why. Readers never raise on bad input: one bad file or record never stops a run.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path

from ..model import InputWarning, RawArticle, Rejection
from . import files, records, web

# extension (after removing .gz) -> reader(path, data: bytes) -> iterator of RawArticle | Rejection
READERS = {
    ".txt": files.read_text_file,
    ".text": files.read_text_file,
    ".html": web.read_html_file,
    ".htm": web.read_html_file,
    ".jsonl": records.read_jsonl,
    ".ndjson": records.read_jsonl,
    ".json": records.read_json,
    ".csv": records.read_csv,
    ".warc": web.read_warc,
}
SUPPORTED = ", ".join(sorted(READERS)) + " (and any of them .gz)"


def kind_of(path: Path) -> str:
    """The reader key of a path: its last suffix, or the one before ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def discover(paths: Iterable[Path]) -> Iterator[Path | Rejection | InputWarning]:
    """Files to read: named files as given, folders walked recursively for supported files (sorted
    by path). Hidden files and folders are passed over; a symlinked folder is not followed (it could
    loop) and an unreadable one cannot be read: both are said in a warning."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found: list[Path] = []
            notes: list[InputWarning] = []
            _walk(path, path, found, notes)
            yield from notes
            yield from sorted(found)
        elif path.is_file():
            if kind_of(path) in READERS:
                yield path
            else:
                yield Rejection(str(path), f"unsupported file type; Storyline reads {SUPPORTED}")
        else:
            yield Rejection(str(path), "no such file or folder")


def _walk(root: Path, folder: Path, found: list[Path], notes: list[InputWarning]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        notes.append(InputWarning(str(folder), f"folder skipped: cannot read it ({exc.strerror or exc})"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are not articles
        child = Path(entry.path)
        try:
            if entry.is_symlink() and child.is_dir():
                notes.append(InputWarning(str(child), "symlinked folder not followed (name it on the command line to read it)"))
            elif entry.is_dir(follow_symlinks=False):
                _walk(root, child, found, notes)
            elif entry.is_file() and kind_of(child) in READERS:
                found.append(child)
        except OSError as exc:
            notes.append(InputWarning(str(child), f"skipped: cannot read it ({exc.strerror or exc})"))


def read(paths: Iterable[Path]) -> Iterator[RawArticle | Rejection | InputWarning]:
    """Every article in ``paths``, streamed; bad inputs come out as :class:`Rejection`, what was
    read with a problem (a replaced byte, an unreadable date) as :class:`InputWarning` before it.
    Whatever a file does to its reader, only that file is lost from where it went wrong."""
    for item in discover(paths):
        if isinstance(item, (Rejection, InputWarning)):
            yield item
            continue
        data = files.load_bytes(item)
        if isinstance(data, Rejection):
            yield data
            continue
        yield from _guarded(item, READERS[kind_of(item)](item, data))


def _guarded(path: Path, items: Iterator[RawArticle | Rejection | InputWarning]) -> Iterator[RawArticle | Rejection | InputWarning]:
    """A reader's output with every article sanitized; a reader that raises ends its file only."""
    count = 0
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a pathological input must not stop the run
            yield Rejection(str(path), f"cannot be read further after {count} article(s) "
                                       f"({type(exc).__name__}: {str(exc)[:200]}); the rest of the file is skipped")
            return
        if isinstance(item, RawArticle):
            count += 1
            item, notes = sanitized(item)
            yield from notes
        yield item


def sanitized(raw: RawArticle) -> tuple[RawArticle, list[InputWarning]]:
    """The article with every text field made storable (files.sanitize), and a warning per change."""
    notes: list[InputWarning] = []
    changes = {}
    for name, value in asdict(raw).items():
        if isinstance(value, str):
            clean, done = files.sanitize(value)
            if done:
                changes[name] = clean
                notes.append(InputWarning(raw.source, f"field {name!r}: {', '.join(done)}"))
    return (replace(raw, **changes) if changes else raw), notes


def content_hash(raw: RawArticle) -> str:
    """What makes an input record the same record again: its content and metadata, not its path."""
    payload = {k: v for k, v in asdict(raw).items() if k != "source"}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()
