"""Article records in JSON Lines, JSON and CSV.

Fields: ``id``, ``text`` or ``html``, ``title``, ``url``, ``outlet``, ``author``, ``published`` (ISO date
or date-time), ``language``. Unknown fields are ignored. A bad record is rejected with its line number;
the other records of the file are still read.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..model import RawArticle, Rejection
from .files import check_text, decode, stem_of

TEXT_FIELDS = ("id", "text", "html", "title", "url", "outlet", "author", "published", "language")


def parse_published(value: str) -> str:
    """Validate an ISO 8601 date or date-time; returns it normalised, raises ValueError otherwise."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(f"field 'published': {value[:40]!r} is not an ISO date or date-time") from None


def from_record(record: Any, path: Path, line: int) -> RawArticle | Rejection:
    source = f"{path}:{line}"
    if not isinstance(record, dict):
        return Rejection(str(path), f"expected an object with a 'text' or 'html' field, got {type(record).__name__}", line)
    fields: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            fields[name] = str(value)
        else:
            return Rejection(str(path), f"field {name!r} must be a string, got {type(value).__name__}", line)
    if not fields["text"] and not fields["html"]:
        return Rejection(str(path), "record has neither 'text' nor 'html'", line)
    body = fields["text"] or fields["html"] or ""
    problem = check_text(body, str(path), line, html=not fields["text"])
    if problem:
        return problem
    if fields["published"]:
        try:
            fields["published"] = parse_published(fields["published"])
        except ValueError as exc:
            return Rejection(str(path), str(exc), line)
    text = fields["text"]
    return RawArticle(
        id=(fields["id"] or f"{stem_of(path)}-{line}").strip(),
        source=source,
        text=text.replace("\r\n", "\n").replace("\r", "\n") if text else None,
        html=fields["html"] if not text else None,
        url=fields["url"],
        outlet=fields["outlet"],
        title=fields["title"],
        author=fields["author"],
        published=fields["published"],
        language=fields["language"],
    )


def read_jsonl(path: Path, data: bytes) -> Iterator[RawArticle | Rejection]:
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        line = decode(raw_line, str(path), number)
        if isinstance(line, Rejection):
            yield line
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(str(path), f"malformed JSON ({exc.msg} at column {exc.colno})", number)
            continue
        yield from_record(record, path, number)


def read_json(path: Path, data: bytes) -> Iterator[RawArticle | Rejection]:
    text = decode(data, str(path))
    if isinstance(text, Rejection):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(str(path), f"malformed JSON ({exc.msg} at column {exc.colno})", exc.lineno)
        return
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    items = doc if isinstance(doc, list) else [doc]
    for number, record in enumerate(items, start=1):
        # "line" is the record's position in the list for JSON files
        yield from_record(record, path, number)


def read_csv(path: Path, data: bytes) -> Iterator[RawArticle | Rejection]:
    text = decode(data, str(path))
    if isinstance(text, Rejection):
        yield text
        return
    csv.field_size_limit(16 * 1024 * 1024)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if "text" not in header and "html" not in header:
        yield Rejection(str(path), f"CSV header has no 'text' or 'html' column (found: {', '.join(header) or 'nothing'})", 1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(str(path), f"malformed CSV ({exc})", reader.line_num)
            continue
        if None in row:  # more cells than header columns
            yield Rejection(str(path), f"row has {len(header) + len(row[None])} cells, the header {len(header)}", reader.line_num)
            continue
        yield from_record(row, path, reader.line_num)
