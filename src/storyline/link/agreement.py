"""Agree, differ or single source: for each event and each figure series, what its sources say.

Sources are documents; near-duplicates (``duplicate_of`` set) never count as extra sources.

* An event rests on a **single** source when only one document reports it.
* Its sources **differ** when two documents' mentions give figures for the same counted thing
  (``series.subject_key``) with no value in common (approximate figures match within 10%), or dates
  of the same granularity (day, week, month, ...) with no value in common. Only dates the sentence
  itself gives count; a date taken from the article's publication date is no claim, nor is a date
  resolved against an estimated publication date (``Timex.estimated``): estimates are kept apart. The passages
  that disagree are kept, side by side, grouped by what they disagree about.
* Otherwise they **agree**.
* A series differs when it is in conflict (different values for the same date), agrees otherwise,
  and is single when its figures all come from one document.

Hand-written: a comparison over our own records, no library computes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Annotations, Document, Event, EventMention, Figure
from .novelty import figure_key, report_key, same_value
from .series import Series
from .timespan import value_span


@dataclass(frozen=True)
class Passage:
    document_id: str
    start: int
    end: int
    about: str  # what the sources disagree about: a counted thing, or "date (day)" ...
    claim: str  # what this source says about it, e.g. "20 (Afghan prisoners)"


@dataclass
class Agreement:
    status: str  # "agree" | "differ" | "single"
    sources: list[str]
    passages: list[Passage] = field(default_factory=list)


def granularity(value: str) -> str | None:
    span = value_span(value)
    if span is None:
        return None
    days = (span[1] - span[0]).days
    return ("day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "season" if days <= 92
            else "year" if days <= 366 else "longer")


def _sentence(ann: Annotations, start: int, end: int) -> tuple[int, int]:
    for s, e in ann.sentences:
        if s <= start < e:
            return s, e
    return start, end


def _disjoint_pairs(values: dict[str, list], same) -> set[str]:
    """Documents whose values share nothing with some other document's values."""
    docs = sorted(values)
    out = set()
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if not any(same(x, y) for x in values[a] for y in values[b]):
                out |= {a, b}
    return out


def event_agreement(event: Event, docs: dict[str, Document], per_doc: dict[str, Annotations]) -> Agreement:
    sources = sorted({m[0] for m in event.mentions if m[0] in docs and not docs[m[0]].duplicate_of},
                     key=lambda d: report_key(docs[d]))
    if len(sources) < 2:
        return Agreement("single", sources)
    # the per-article mentions behind the merged event
    mentions: list[tuple[str, EventMention]] = []
    triggers = event.triggers if len(event.triggers) == len(event.mentions) else [None] * len(event.mentions)
    for (doc_id, start, end), trig in zip(event.mentions, triggers):
        if doc_id not in sources:
            continue
        for m in per_doc[doc_id].events:
            if m.start == start and m.end == end and m.type == event.type and (
                    trig is None or m.trigger_start is None or m.trigger_start == trig[1]):
                mentions.append((doc_id, m))
                break
    # figures: counted thing -> document -> [(figure, mention)]
    figs: dict[str, dict[str, list[tuple[Figure, EventMention]]]] = {}
    dates: dict[str, dict[str, list[tuple[str, EventMention]]]] = {}
    for doc_id, m in mentions:
        ann = per_doc[doc_id]
        for j in m.figures:
            if 0 <= j < len(ann.figures):
                f = ann.figures[j]
                figs.setdefault(figure_key(f), {}).setdefault(doc_id, []).append((f, m))
        if m.date is not None and m.date_from not in ("article", "publication") and not m.date.estimated:
            g = granularity(m.date.value)
            if g:
                dates.setdefault(g, {}).setdefault(doc_id, []).append((m.date.value, m))
    passages: list[Passage] = []
    for key in sorted(figs):
        per = figs[key]
        bad = _disjoint_pairs(per, lambda x, y: same_value(x[0], y[0]))
        for doc_id in sorted(bad, key=lambda d: report_key(docs[d])):
            for f, m in per[doc_id]:
                s, e = _sentence(per_doc[doc_id], m.start, m.end)
                passages.append(Passage(doc_id, s, e, key, f"{f.text} ({f.subject})" if f.subject else f.text))
    for g in sorted(dates):
        per = dates[g]
        bad = _disjoint_pairs(per, lambda x, y: x[0] == y[0])
        for doc_id in sorted(bad, key=lambda d: report_key(docs[d])):
            for value, m in per[doc_id]:
                s, e = _sentence(per_doc[doc_id], m.start, m.end)
                passages.append(Passage(doc_id, s, e, f"date ({g})", value))
    passages = list(dict.fromkeys(passages))
    return Agreement("differ" if passages else "agree", sources, passages)


def series_agreement(series: Series, docs: dict[str, Document], per_doc: dict[str, Annotations]) -> Agreement:
    figures: list[tuple[str, str, Figure]] = []
    for fid in series.figure_ids:
        doc_id, _, idx = fid.rpartition(":f")
        if doc_id in docs and idx.isdigit() and int(idx) < len(per_doc[doc_id].figures):
            figures.append((fid, doc_id, per_doc[doc_id].figures[int(idx)]))
    sources = sorted({d for _, d, _ in figures if not docs[d].duplicate_of}, key=lambda d: report_key(docs[d]))
    if len(sources) < 2:
        return Agreement("single", sources)
    if not series.conflict:
        return Agreement("agree", sources)
    by_date: dict[str, set[float]] = {}
    for _, d, f in figures:
        if f.date is not None and not f.date.value.startswith("X") and d in sources:
            by_date.setdefault(f.date.value, set()).add(f.value)
    passages = []
    for _, d, f in sorted(figures, key=lambda t: (t[2].date.value if t[2].date else "", report_key(docs[t[1]]))):
        if d in sources and f.date is not None and len(by_date.get(f.date.value, ())) > 1:
            s, e = _sentence(per_doc[d], f.start, f.end)
            passages.append(Passage(d, s, e, f"{series.subject} on {f.date.value}", f.text))
    return Agreement("differ", sources, passages)
