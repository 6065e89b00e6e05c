"""Sources: read files and folders into :class:`RawArticle` records, one reader per input kind.

``read(paths)`` walks folders recursively (sorted, so runs are reproducible) and yields, in a
stream, either a :class:`RawArticle` or a :class:`Rejection` saying which file (and line) could not
be read and why. Readers never raise on bad input: one bad file or record never stops a run.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from ..model import RawArticle, Rejection
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


def discover(paths: Iterable[Path]) -> Iterator[Path | Rejection]:
    """Files to read: named files as given, folders walked recursively for supported files."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue  # hidden files and folders (.git, .DS_Store) are not articles
                if kind_of(child) in READERS:
                    yield child
        elif path.is_file():
            if kind_of(path) in READERS:
                yield path
            else:
                yield Rejection(str(path), f"unsupported file type; Storyline reads {SUPPORTED}")
        else:
            yield Rejection(str(path), "no such file or folder")


def read(paths: Iterable[Path]) -> Iterator[RawArticle | Rejection]:
    """Every article in ``paths``, streamed; bad inputs come out as :class:`Rejection`."""
    for item in discover(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        data = files.load_bytes(item)
        if isinstance(data, Rejection):
            yield data
            continue
        yield from READERS[kind_of(item)](item, data)


def content_hash(raw: RawArticle) -> str:
    """What makes an input record the same record again: its content and metadata, not its path."""
    payload = {k: v for k, v in asdict(raw).items() if k != "source"}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()
