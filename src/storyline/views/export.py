"""Exports: ``storyline/1`` JSON (the contract in shared/spec), and more formats as they come.

The export is assembled from the store only; it reads, never writes.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone

from ..model import Annotations, Document, Timex

FORMAT = "storyline/1"


def when(timex: Timex | None) -> dict | None:
    """A TIMEX3 value as the export's ``when``: value plus the first and last day it covers;
    None where the value names no calendar span (XXXX-…, PAST_REF, durations)."""
    if timex is None:
        return None
    span = value_span(timex.value)
    if span is None:
        return None
    return {"value": timex.value, "start": span[0].isoformat(), "end": span[1].isoformat(), "text": timex.text}


_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_span(value: str) -> tuple[date, date] | None:
    """First and last day covered by a TIMEX3 date value (2020-04-12, 2020-W15, 2020-04, 2020, 2020-SU, 1990s ...)."""
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            end = date.fromisocalendar(int(m[1]), int(m[2]), 7)
            if v.endswith("-WE"):
                start = date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return start, end
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, (a, b) = int(m[1]), _SEASON[m[2]]
            end_year = y + 1 if b < a else y
            return date(y, a, 1), date(end_year, b, calendar.monthrange(end_year, b)[1])
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(v), 1, 1), date(int(v), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):  # decade: 199 = the 1990s
            return date(int(v) * 10, 1, 1), date(int(v) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", v):  # century
            return date(int(v) * 100, 1, 1), date(int(v) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _span(doc: Document, sentences: list[tuple[int, int]], start: int, end: int) -> dict:
    text = doc.article.text
    out = {"document_id": doc.id, "start": start, "end": end, "text": text[start:end]}
    for s, e in sentences:
        if s <= start < e:
            out["sentence"] = text[s:e]
            break
    return out


def document_record(doc: Document) -> dict:
    a = doc.article
    return {
        "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title, "author": a.author,
        "published": a.published, "published_from": a.published_from, "language": a.language,
        "reprint_of": a.reprint_of, "duplicate_of": doc.duplicate_of, "story_id": doc.story_id,
        "text": a.text, "removed": a.removed,
    }


def build_export(store) -> dict:
    """The whole collection as a ``storyline/1`` document."""
    from ..link.entities import merge_entities

    docs: list[Document] = list(store.documents())
    by_id = {d.id: d for d in docs}
    per_doc: dict[str, Annotations] = {d.id: store.annotations(d.id) for d in docs}
    entities, entity_index = merge_entities(docs, per_doc)

    def span(doc_id: str, start: int, end: int) -> dict:
        return _span(by_id[doc_id], per_doc[doc_id].sentences, start, end)

    out: dict = {
        "format": FORMAT,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": [document_record(d) for d in docs],
        "stories": story_records(docs),
        "entities": [],
        "timexes": [],
        "events": [],
        "quotes": [],
        "figures": [],
        "series": [],
    }
    for e in entities:
        out["entities"].append({
            "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles,
            "place": ({"lat": e.place.lat, "lon": e.place.lon, "country_code": e.place.country_code,
                       "geonames_id": e.place.geonames_id} if e.place else None),
            "mentions": [span(*m) for m in e.mentions],
        })
    for d in docs:
        ann = per_doc[d.id]
        for t in ann.timexes:
            rec = span(d.id, t.start, t.end)
            rec.update(type=t.type, value=t.value)
            if t.mod:
                rec["mod"] = t.mod
            out["timexes"].append(rec)
        for i, f in enumerate(ann.figures):
            rec = span(d.id, f.start, f.end)
            rec.update(id=f"{d.id}:f{i}", value=f.value, approximate=f.approximate, unit=f.unit,
                       subject=f.subject, date=when(f.date), series_id=None)
            out["figures"].append(rec)
        for i, q in enumerate(ann.quotes):
            rec = span(d.id, q.start, q.end)
            rec.update(id=f"{d.id}:q{i}", speaker=q.speaker, direct=q.direct,
                       speaker_id=_speaker_id(d.id, q.speaker, entity_index), cue=q.cue)
            out["quotes"].append(rec)
        for i, ev in enumerate(ann.events):
            out["events"].append({
                "id": f"{d.id}:ev{i}", "story_id": d.story_id, "type": ev.type, "summary": ev.summary,
                "date": when(ev.date),
                "actor_ids": [entity_index[(d.id, k)] for k in ev.actors if (d.id, k) in entity_index],
                "target_ids": [entity_index[(d.id, k)] for k in ev.targets if (d.id, k) in entity_index],
                "place_ids": [entity_index[(d.id, k)] for k in ev.places if (d.id, k) in entity_index],
                "figure_ids": [f"{d.id}:f{j}" for j in ev.figures],
                "mentions": [span(d.id, ev.start, ev.end)],
            })
    return out


def _speaker_id(doc_id: str, speaker: str | None, entity_index: dict) -> str | None:
    return entity_index.get((doc_id, speaker)) if speaker else None


def story_records(docs: list[Document]) -> list[dict]:
    stories: dict[str, list[Document]] = {}
    for d in docs:
        if d.story_id:
            stories.setdefault(d.story_id, []).append(d)
    out = []
    for sid, members in stories.items():
        titles = [m.article.title for m in members if m.article.title]
        out.append({"id": sid, "title": titles[0] if titles else sid, "summary": None,
                    "document_ids": [m.id for m in members]})
    return out
