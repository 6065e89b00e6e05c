"""What is new: for each article, the events, figures and quotations it is the first to report.

Articles are ordered by when they were published (the date-time in UTC where one is known) and
otherwise by ingest order; undated articles come after dated ones, as in ``Collection.sources``.
Near-duplicate documents (``duplicate_of`` set) are copies: they add nothing and are never the first.

* an event is new in the article that is its earliest source;
* a figure is new unless an earlier article gave the same value (approximate figures: within 10%)
  for the same counted thing (``series.subject_key``) at a compatible date (the same value, or one
  side undated);
* a quotation is new in the article that is the earliest source of its quotation group
  (see ``quotes.group_quotes``).

Hand-written because it is bookkeeping over our own records; no library holds this notion.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..model import Annotations, Document, Event, Figure
from .series import subject_key

APPROX_TOLERANCE = 0.10  # an approximate figure ("some 5,000") matches values within 10%


def published_utc(published: str | None) -> str | None:
    """An ISO published date or date-time as a sortable UTC date-time string; None if unreadable."""
    if not published:
        return None
    try:
        dt = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt.isoformat(timespec="seconds")


def report_key(doc: Document) -> tuple:
    """Sort key for 'reported earlier': published date-time (UTC) first, then ingest order; an
    undated article counts from the first day its estimated writing date may be."""
    when = published_utc(doc.article.published) or published_utc(doc.estimated_published)
    return (0, when, doc.seq) if when else (1, "", doc.seq)


def same_value(a: Figure, b: Figure) -> bool:
    if a.value == b.value:
        return True
    if a.approximate or b.approximate:
        hi = max(abs(a.value), abs(b.value))
        return hi > 0 and abs(a.value - b.value) <= APPROX_TOLERANCE * hi
    return False


def figure_key(fig: Figure) -> str:
    """What a figure counts, normalised (``subject_key``, else the lower-cased subject)."""
    return subject_key(fig.subject) or " ".join(fig.subject.lower().split())


def _dates_compatible(a: Figure, b: Figure) -> bool:
    if a.date is None or b.date is None or a.date.value.startswith("X") or b.date.value.startswith("X"):
        return True
    return a.date.value == b.date.value


@dataclass
class New:
    event_ids: list[str] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"event_ids": self.event_ids, "figure_ids": self.figure_ids, "quote_ids": self.quote_ids}


def what_is_new(
    docs: list[Document],
    per_doc: dict[str, Annotations],
    events: list[Event],
    quote_groups: dict[str, str] | None = None,
) -> dict[str, New]:
    """document id -> what it is the first to report. ``quote_groups``: quote id -> group id."""
    order = sorted((d for d in docs if not d.duplicate_of), key=report_key)
    rank = {d.id: i for i, d in enumerate(order)}
    out = {d.id: New() for d in docs}

    for ev in events:
        srcs = [m[0] for m in ev.mentions if m[0] in rank]
        if srcs:
            out[min(srcs, key=rank.__getitem__)].event_ids.append(ev.id)

    seen: dict[str, list[Figure]] = {}
    for d in order:
        ann = per_doc.get(d.id) or Annotations(d.id)
        fresh = []
        for i, fig in enumerate(ann.figures):
            key = figure_key(fig)
            if not any(same_value(fig, old) and _dates_compatible(fig, old) for old in seen.get(key, [])):
                out[d.id].figure_ids.append(f"{d.id}:f{i}")
            fresh.append((key, fig))
        for key, fig in fresh:  # figures of one article never make each other old
            seen.setdefault(key, []).append(fig)

    if quote_groups:
        first: dict[str, str] = {}
        for d in order:
            for i in range(len((per_doc.get(d.id) or Annotations(d.id)).quotes)):
                qid = f"{d.id}:q{i}"
                gid = quote_groups.get(qid, qid)
                if first.setdefault(gid, d.id) == d.id:
                    out[d.id].quote_ids.append(qid)

    order_ids = {e.id: i for i, e in enumerate(events)}
    for new in out.values():
        new.event_ids.sort(key=order_ids.__getitem__)
    return out
