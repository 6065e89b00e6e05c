"""Article records in JSON Lines, JSON and CSV.

Fields: ``id``, ``text`` or ``html``, ``title``, ``url``, ``outlet``, ``author``, ``published`` (ISO date
or date-time), ``language``. Unknown fields are ignored. A bad record is rejected with its line number;
the other records of the file are still read.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..model import InputWarning, RawArticle, Rejection
from .files import check_text, decoded, stem_of

TEXT_FIELDS = ("id", "text", "html", "title", "url", "outlet", "author", "published", "language")


_UNIX_TIME = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")  # seconds (2001-2286) or milliseconds
_YEAR_OR_MONTH = re.compile(r"^\d{4}(?:-\d{2})?$")


def parse_published(value: str) -> str:
    """The publication date or date-time of a record's ``published`` field, normalised to ISO 8601.

    Read in turn: ISO 8601 (also week dates ``2016-W47-3`` and ordinal dates ``2016-328``), a Unix
    time (seconds or milliseconds, as UTC), then the forms people write (``24 November 2016``, ``Wed
    Nov 23, 2016 | 4:58pm EST``, RFC 2822, ``03-02-2009``: month first, as the clean stage reads
    dates). A value that gives no day (``2016``, ``2016-11``) cannot date an article to the day: it
    raises ValueError as any unreadable value does, and the reader keeps the article undated."""
    value = value.strip()
    short = value[:40]
    if _YEAR_OR_MONTH.match(value):
        raise ValueError(f"field 'published': {short!r} gives no day; the article is stored undated")
    iso = _iso(value)
    if iso:
        return iso
    if _UNIX_TIME.match(value):
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 10 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    parsed = None
    if len(value) <= 100:
        from ..clean.meta import parse_date

        try:
            parsed = parse_date(value)
        except (ValueError, OverflowError, RecursionError):
            parsed = None
        if parsed is None:
            parsed = _rfc2822(value)
        if parsed is None:
            parsed = _numeric(value)
    if parsed is None:
        raise ValueError(f"field 'published': {short!r} is not a date; the article is stored undated")
    return parsed


def _iso(value: str) -> str | None:
    """ISO 8601: calendar, week (2016-W47-3) and ordinal (2016-328) dates, date-times (Z or offset)."""
    if not re.match(r"^\d{4}", value):
        return None
    m = re.match(r"^(\d{4})-?(\d{3})$", value)  # ordinal date
    try:
        if m:
            year, day = int(m.group(1)), int(m.group(2))
            if not 1 <= day <= date(year, 12, 31).timetuple().tm_yday:
                return None
            return date.fromordinal(date(year, 1, 1).toordinal() + day - 1).isoformat()
        if len(value) <= 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _numeric(value: str) -> str | None:
    """Dates such as 03-02-2009 or 2009/03/02 (month first where it is ambiguous), through
    dateutil; None unless the value names day, month and a four-digit year."""
    from dateutil import parser as dateutil_parser

    if not re.search(r"\b\d{4}\b", value):
        return None
    try:
        one = dateutil_parser.parse(value, default=datetime(2000, 1, 1))
        two = dateutil_parser.parse(value, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if one.date() != two.date():  # a part came from the default: no day (or no month) given
        return None
    has_time = one.hour or one.minute or one.second or one.tzinfo or re.search(r"\d:\d\d", value)
    return one.isoformat() if has_time else one.date().isoformat()


def _rfc2822(value: str) -> str | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def from_record(record: Any, path: Path, line: int) -> Iterator[RawArticle | Rejection | InputWarning]:
    """The article of one record, after any warnings about it (or its rejection)."""
    source = f"{path}:{line}"
    if not isinstance(record, dict):
        yield Rejection(str(path), f"expected an object with a 'text' or 'html' field, got {type(record).__name__}", line)
        return
    fields: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            fields[name] = str(value)
        elif name in ("text", "html"):
            yield Rejection(str(path), f"field {name!r} must be a string, got {type(value).__name__}", line)
            return
        else:  # a malformed side field costs the article nothing but that field
            fields[name] = None
            yield InputWarning(str(path), f"field {name!r} must be a string, got {type(value).__name__}: ignored", line)
    if not fields["text"] and not fields["html"]:
        yield Rejection(str(path), "record has neither 'text' nor 'html'", line)
        return
    body = fields["text"] or fields["html"] or ""
    problem = check_text(body, str(path), line, html=not fields["text"])
    if problem:
        yield problem
        return
    if fields["published"]:
        try:
            fields["published"] = parse_published(fields["published"])
        except ValueError as exc:
            yield InputWarning(str(path), str(exc), line)
            fields["published"] = None
    doc_id = (fields["id"] or "").strip()
    if fields["id"] is not None and not doc_id:
        doc_id = f"{stem_of(path)}-{line}"
        yield InputWarning(str(path), f"field 'id' is blank ({fields['id'][:20]!r}): the article is named {doc_id}", line)
    text = fields["text"]
    yield RawArticle(
        id=doc_id or f"{stem_of(path)}-{line}",
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


def _loads(text: str) -> Any:
    """json.loads, with nesting too deep for Python's recursion reported as a JSON error."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text[:1], 0) from None


def read_jsonl(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    text = yield from decoded(path, data)
    if text is None:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(str(path), f"malformed JSON ({exc.msg} at column {exc.colno})", number)
            continue
        yield from from_record(record, path, number)


def read_json(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    text = yield from decoded(path, data)
    if text is None:
        return
    try:
        doc = _loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(str(path), f"malformed JSON ({exc.msg} at column {exc.colno})", exc.lineno)
        return
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    items = doc if isinstance(doc, list) else [doc]
    for number, record in enumerate(items, start=1):
        # "line" is the record's position in the list for JSON files
        yield from from_record(record, path, number)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect (delimiter among , ; tab |), sniffed from the first lines; else Excel's."""
    sample = "\n".join(text.split("\n", 50)[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv(path: Path, data: bytes) -> Iterator[RawArticle | Rejection | InputWarning]:
    """CSV records. The delimiter is sniffed. A first row of short names is a header, and must name
    a 'text' or 'html' column; a first row holding text (a cell with spaces or over 40 characters,
    and no known field name) means no header: every row is an article whose text is the column with
    the longest cells (ids are the file name and line), said in a warning."""
    text = yield from decoded(path, data)
    if text is None:
        return
    csv.field_size_limit(16 * 1024 * 1024)
    dialect = _dialect(text)
    first = next(csv.reader(io.StringIO(text, newline=""), dialect), [])
    header = [h.strip() for h in first]
    if "text" not in header and "html" not in header:
        if any(h.lower() in TEXT_FIELDS for h in header) or all(len(h) <= 40 and " " not in h for h in header):
            yield Rejection(str(path), f"CSV header has no 'text' or 'html' column (found: {', '.join(header)[:200]})", 1)
            return
        columns = _headerless(text, dialect)
        if columns is None:
            yield Rejection(str(path), "CSV has neither a header with a 'text' or 'html' column nor rows of text", 1)
            return
        header = columns
        yield InputWarning(str(path), f"no header row (no cell names a field such as 'text'): every row is read "
                                      f"as an article, column {header.index('text') + 1} (the longest) as its text", 1)
        reader = csv.DictReader(io.StringIO(text, newline=""), fieldnames=header, dialect=dialect)
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""), fieldnames=header, dialect=dialect)
        next(reader, None)  # the header row
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(str(path), f"malformed CSV ({exc})", reader.line_num)
            previous = reader.line_num
            continue
        start, previous = previous + 1, reader.line_num
        if None in row:  # more cells than header columns
            joined = (f" (it runs over lines {start}-{reader.line_num}: a stray '\"' may have joined rows)"
                      if reader.line_num > start else "")
            yield Rejection(str(path), f"row has {len(header) + len(row[None])} cells, the header {len(header)}{joined}", start)
            continue
        swallowed = _swallowed_rows(row, len(header), dialect.delimiter)
        if swallowed:
            yield InputWarning(str(path), f"the row of lines {start}-{reader.line_num} holds {swallowed} line(s) that "
                                          "look like rows of their own: a stray '\"' may have joined them", start)
        yield from from_record(row, path, start)


def _headerless(text: str, dialect) -> list[str] | None:
    rows = [r for _, r in zip(range(50), csv.reader(io.StringIO(text, newline=""), dialect)) if r]
    if not rows:
        return None
    width = max(len(r) for r in rows)
    lengths = [sum(len(r[i]) for r in rows if i < len(r)) for i in range(width)]
    longest = lengths.index(max(lengths))
    return [("text" if i == longest else f"column{i + 1}") for i in range(width)]


def _swallowed_rows(row: dict, columns: int, delimiter: str) -> int:
    """How many lines inside the row's cells have as many delimiters as a whole row (a row that a
    stray quote joined to the cell before it)."""
    if columns < 2:
        return 0
    return sum(1 for value in row.values() if isinstance(value, str) and "\n" in value
               for part in value.split("\n")[1:] if part.count(delimiter) >= columns - 1)
