"""Exports: ``storyline/1`` JSON (the contract in shared/spec), and more formats as they come.

The export is assembled from the store only; it reads, never writes.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from ..link.timespan import value_span
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
    out = {"value": timex.value, "start": span[0].isoformat(), "end": span[1].isoformat(), "text": timex.text}
    if timex.estimated:  # resolved against an estimated publication date: an estimate, not a fact
        out["estimated"] = True
    return out


def _span(doc: Document, sentences: list[tuple[int, int]], start: int, end: int) -> dict:
    text = doc.article.text
    out = {"document_id": doc.id, "start": start, "end": end, "text": text[start:end]}
    for s, e in sentences:
        if s <= start < e:
            out["sentence"] = text[s:e]
            break
    return out


def document_record(doc: Document, ann: Annotations | None = None) -> dict:
    a = doc.article
    rec = {
        "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title, "author": a.author,
        "published": a.published, "published_from": a.published_from, "language": a.language,
        "reprint_of": a.reprint_of, "duplicate_of": doc.duplicate_of, "story_id": doc.story_id,
        "text": a.text, "removed": a.removed,
    }
    if not a.published and ann is not None and ann.dating:
        # an undated article's estimated writing date: the point at its granularity ("2021-02"),
        # with the range and the evidence that set it in the extra field ``published_estimate``
        est = ann.dating[0]
        rec.update(published=est.value, published_from="estimate", published_estimate=est.as_dict())
    return rec


def build_export(store) -> dict:
    """The whole collection as a ``storyline/1`` document."""
    from ..link.collection import load
    from .timeline import stated_elsewhere

    col = load(store)
    docs, per_doc, by_id = col.documents, col.annotations, {d.id: d for d in col.documents}
    entities, entity_index, events = col.entities, col.entity_index, col.events
    series, series_index = col.series, col.series_index

    def span(doc_id: str, start: int, end: int) -> dict:
        return _span(by_id[doc_id], per_doc[doc_id].sentences, start, end)

    out: dict = {
        "format": FORMAT,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": [dict(document_record(d, per_doc[d.id]), new=col.new[d.id].as_dict()) for d in docs],
        "stories": story_records(docs, col, span),
        "entities": [],
        "timexes": [],
        "events": [],
        "quotes": [],
        "figures": [],
        "series": [],
        "quote_groups": [g.as_dict() for g in col.quote_groups],
    }
    for e in entities:
        out["entities"].append({
            "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles,
            "place": ({"lat": e.place.lat, "lon": e.place.lon, "country_code": e.place.country_code,
                       "geonames_id": e.place.geonames_id} if e.place else None),
            "mentions": [span(*m) for m in e.mentions],
            "role_history": col.roles.get(e.id, []),
        })
    mention_owner: dict[str, dict[tuple[int, int], str]] = {}
    for e in entities:
        for doc_id, s, t in e.mentions:
            mention_owner.setdefault(doc_id, {})[(s, t)] = e.id
    for d in docs:
        ann = per_doc[d.id]
        for t in ann.timexes:
            rec = span(d.id, t.start, t.end)
            rec.update(type=t.type, value=t.value)
            if t.mod:
                rec["mod"] = t.mod
            if t.estimated:
                rec["estimated"] = True
            out["timexes"].append(rec)
        for i, f in enumerate(ann.figures):
            rec = span(d.id, f.start, f.end)
            rec.update(id=f"{d.id}:f{i}", value=f.value, approximate=f.approximate, unit=f.unit,
                       subject=f.subject, date=when(f.date), series_id=series_index.get(f"{d.id}:f{i}"))
            out["figures"].append(rec)
        for i, q in enumerate(ann.quotes):
            rec = span(d.id, q.start, q.end)
            rec.update(id=f"{d.id}:q{i}", speaker=q.speaker, direct=q.direct,
                       speaker_id=_speaker_id(d.id, q, entity_index, mention_owner), cue=q.cue,
                       group_id=col.quote_index.get(f"{d.id}:q{i}"))
            out["quotes"].append(rec)
    out["event_mentions"] = event_mention_records(docs, per_doc, events, entity_index, by_id)
    for ev in events:
        date = when(ev.date)
        if date and date.get("estimated") and stated_elsewhere(col, ev):
            del date["estimated"]  # another report states the date: no estimate
        out["events"].append({
            "id": ev.id, "story_id": ev.story_id, "type": ev.type, "modality": ev.modality, "summary": ev.summary, "date": date,
            "salience": ev.salience,
            "actor_ids": ev.actor_ids, "target_ids": ev.target_ids, "place_ids": ev.place_ids,
            "figure_ids": ev.figure_ids, "mentions": [span(*m) for m in ev.mentions],
            "sources": col.sources(ev),
            "agreement": agreement_record(col.event_agreement[ev.id], span),
        })
    out["series"] = [{"id": s.id, "subject": s.subject, "figure_ids": s.figure_ids, "conflict": s.conflict,
                      "agreement": agreement_record(col.series_agreement[s.id], span)}
                     for s in series]
    return out


def event_mention_records(docs: list[Document], per_doc: dict[str, Annotations], events, entity_index: dict,
                          by_id: dict[str, Document]) -> list[dict]:
    """Every event mention of every document (``event_mentions``): trigger span, sentence, TimeML
    class, type, tense, aspect, polarity, modality, participants, date and where it came from, and
    the merged event it belongs to."""
    owner: dict[tuple[str, int | None, int | None], str] = {}
    for ev in events:
        for ref in ev.triggers:
            owner.setdefault(ref, ev.id)
    out = []
    for d in docs:
        text = by_id[d.id].article.text
        for j, m in enumerate(per_doc[d.id].events):
            ref = (d.id, m.trigger_start, m.trigger_end) if m.trigger_start is not None else (d.id, m.start, m.end)
            ts, te = (m.trigger_start, m.trigger_end) if m.trigger_start is not None else (m.start, m.end)

            def ids(keys: list[str], doc_id: str = d.id) -> list[str]:
                return [entity_index[(doc_id, k)] for k in keys if (doc_id, k) in entity_index]

            out.append({
                "id": f"{d.id}:ev{j}", "document_id": d.id, "event_id": owner.get(ref),
                "trigger": {"document_id": d.id, "start": ts, "end": te, "text": text[ts:te]},
                "sentence": text[m.start:m.end], "class": m.event_class, "type": m.type, "tense": m.tense,
                "aspect": m.aspect, "polarity": m.polarity, "modality": m.modality, "summary": m.summary,
                "actor_ids": ids(m.actors), "target_ids": ids(m.targets), "place_ids": ids(m.places),
                "figure_ids": [f"{d.id}:f{k}" for k in m.figures], "date": when(m.date),
                "date_from": {"article": "publication"}.get(m.date_from or "", m.date_from),
            })
    return out


def agreement_record(a, span) -> dict:
    """An :class:`~storyline.link.agreement.Agreement` as the export's extra ``agreement`` field:
    status, and the differing passages (spans, each with what it is about and what it claims)."""
    passages = []
    for p in a.passages:
        rec = span(p.document_id, p.start, p.end)
        rec.update(about=p.about, claim=p.claim)
        passages.append(rec)
    return {"status": a.status, "sources": a.sources, "passages": passages}


def _speaker_id(doc_id: str, q, entity_index: dict, mention_owner: dict) -> str | None:
    """The entity that speaks: the one whose mention names the speaker in the text, else the one
    whose within-article key is the speaker's name."""
    if q.speaker_start is not None:
        for (s, e), entity in mention_owner.get(doc_id, {}).items():
            overlap = min(e, q.speaker_end) - max(s, q.speaker_start)
            if overlap > 0 and overlap * 2 >= q.speaker_end - q.speaker_start:  # the name, not a part of it
                return entity
    return entity_index.get((doc_id, q.speaker)) if q.speaker else None


def story_records(docs: list[Document], col=None, span=None) -> list[dict]:
    """Stories with their titles; with a loaded collection (and the export's span maker) also their
    extractive summaries: ``summary``, ``summary_sentences`` (spans) and month by month ``periods``."""
    from ..link.stories import story_title

    stories: dict[str, list[Document]] = {}
    for d in docs:
        if d.story_id:
            stories.setdefault(d.story_id, []).append(d)
    out = []
    for sid, members in stories.items():
        live = [m for m in members if not m.duplicate_of] or members
        rec = {"id": sid, "title": story_title([m.article.text for m in live], [m.article.title for m in live]),
               "summary": None, "document_ids": [m.id for m in members]}
        if col is not None and span is not None:
            whole, periods = col.story_summaries(sid)
            rec["summary"] = whole.text or None
            rec["summary_sentences"] = [span(*s) for s in whole.sentences]
            rec["periods"] = [{"period": p, "summary": sm.text, "sentences": [span(*s) for s in sm.sentences]}
                              for p, sm in periods]
        out.append(rec)
    return out
