"""One story's cross-article account, as the storyline/1 records the store keeps (``StoryRows``).

The link stage computes it for each story a batch touched, from that story's documents and
annotations alone, with the per-story functions of this package (entities, events, series,
quotation groups, roles, agreement, what is new, summaries), and the store replaces the story's rows.

Order and ids do not depend on the order articles arrived in:
* the story's documents are taken in document-id order (as ``seq``, their rank), never in ingest
  order, so any batch order gives the same account; "reported earlier" (sources, what is new) is
  still by published date-time first (``novelty.report_key``), the rank only breaking ties;
* entity ids come from the entity's kind and canonical name (``geo:<GeoNames id>``, or
  ``name:``/``norp:`` and the normalised fullest name), so one entity has one id in every story;
* event ids from the first mention's document, sentence offset and trigger; quotation-group ids
  from the first quotation's id; series ids from the counted thing and the first figure's id
  ("first": in document-id order), so they hold in any batch order; story ids are the story index's
  (``s1``, ``s2``, ... in the order stories were founded): stable once given, but a build in another
  arrival order may number the same stories differently;
* figure and quotation ids are ``<document>:f<start>-<end>`` and ``<document>:q<start>-<end>``:
  character offsets in the document's stored text, which never changes, so re-annotating an article
  keeps the id of every figure or quotation found again (positions in the annotation list would not).
"""
from __future__ import annotations

import dataclasses
import hashlib

from ..model import Annotations, Document, Entity, Event, Timex
from ..store.links import StoryRows
from .agreement import Agreement, event_agreement, series_agreement
from .dating import DatedKeys, with_story_dates
from .entities import _group_of, entity_id, merge_entities, norm_key
from .events import merge_events
from .novelty import published_utc, report_key, what_is_new
from .quotes import group_quotes, role_history
from .series import build_series
from .stories import story_title
from .summaries import summarize_story
from .timespan import value_span


# -- export records (shared with views.export) -----------------------------------------------------
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


def stated_elsewhere(ev: Event, per_doc: dict[str, Annotations]) -> bool:
    """Whether a report of the event states the date the event took from an estimate."""
    for doc_id, start, end in ev.mentions:
        ann = per_doc.get(doc_id)
        for m in ann.events if ann else []:
            if (m.start, m.end) == (start, end) and m.date is not None and not m.date.estimated \
                    and ev.date is not None and m.date.value == ev.date.value:
                return True
    return False


def estimate_source(ev: Event, per_doc: dict[str, Annotations]) -> str:
    """"text" or "story": where the estimate behind an event's date came from."""
    for doc_id, _, _ in ev.mentions:
        ann = per_doc.get(doc_id)
        if ann is not None and ann.dating:
            return ann.dating[0].source
    return "text"


def span_record(doc: Document, sentences: list[tuple[int, int]], start: int, end: int) -> dict:
    text = doc.article.text
    out = {"document_id": doc.id, "start": start, "end": end, "text": text[start:end]}
    for s, e in sentences:
        if s <= start < e:
            out["sentence"] = text[s:e]
            break
    return out


def agreement_record(a: Agreement, span) -> dict:
    """An :class:`~storyline.link.agreement.Agreement` as the export's extra ``agreement`` field:
    status, and the differing passages (spans, each with what it is about and what it claims)."""
    passages = []
    for p in a.passages:
        rec = span(p.document_id, p.start, p.end)
        rec.update(about=p.about, claim=p.claim)
        passages.append(rec)
    return {"status": a.status, "sources": a.sources, "passages": passages}


def speaker_id(doc_id: str, q, entity_index: dict, mention_owner: dict) -> str | None:
    """The entity that speaks: the one whose mention names the speaker in the text, else the one
    whose within-article key is the speaker's name."""
    if q.speaker_start is not None:
        for (s, e), entity in mention_owner.get(doc_id, {}).items():
            overlap = min(e, q.speaker_end) - max(s, q.speaker_start)
            if overlap > 0 and overlap * 2 >= q.speaker_end - q.speaker_start:  # the name, not a part of it
                return entity
    return entity_index.get((doc_id, q.speaker)) if q.speaker else None


# -- ids --------------------------------------------------------------------------------------------
def figure_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:f{start}-{end}"


def quote_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:q{start}-{end}"


def _hash(prefix: str, text: str, n: int = 12) -> str:
    return prefix + hashlib.sha1(text.encode()).hexdigest()[:n]


def canonical_entity_id(ent: Entity, own: dict[tuple[str, int, int], str]) -> str:
    """kind + canonical name: the GeoNames id of a resolved place, else the normalised fullest name.
    ``own``: (document, start, end) -> the mention's own group (``entities._group_of``)."""
    groups = [own[m] for m in ent.mentions if m in own]
    geo = sorted(g for g in groups if g.startswith("geo:"))
    if geo:
        return entity_id("geo", geo[0].split(":", 1)[1])
    kind = "norp" if groups and all(g.startswith("norp:") for g in groups) else "name"
    return entity_id(kind, norm_key(ent.name))


def canonical_order(docs: list[Document]) -> list[Document]:
    """The story's documents by id, as copies whose ``seq`` is their rank: every per-story function
    then sees the same order whatever order the articles arrived in."""
    return [dataclasses.replace(d, seq=i) for i, d in enumerate(sorted(docs, key=lambda d: d.id))]


# -- the account ------------------------------------------------------------------------------------
def story_rows(story_id: str, docs: list[Document], per_doc: dict[str, Annotations],
               dating: DatedKeys | None = None) -> StoryRows:
    """The stored account of one story from its documents and their annotations."""
    docs = canonical_order(docs)
    per_doc = {d.id: per_doc.get(d.id) or Annotations(d.id) for d in docs}
    # undated articles dated by their story (a dated copy, a happening another report dates)
    per_doc = with_story_dates(docs, per_doc, dating)
    for d in docs:  # (copies) an undated report counts from its estimate where reports are ordered
        if not d.article.published and per_doc[d.id].dating:
            d.estimated_published = per_doc[d.id].dating[0].start
    by_id = {d.id: d for d in docs}

    def span(doc_id: str, start: int, end: int) -> dict:
        return span_record(by_id[doc_id], per_doc[doc_id].sentences, start, end)

    def fig_id(positional: str) -> str:  # "<doc>:f<i>" of the link functions -> offsets
        doc_id, _, i = positional.rpartition(":f")
        figures = per_doc[doc_id].figures if doc_id in per_doc else []
        if not i.isdigit() or int(i) >= len(figures):
            return positional  # an index no figure has (not made by our annotators)
        f = figures[int(i)]
        return figure_id(doc_id, f.start, f.end)

    def q_id(positional: str) -> str:
        doc_id, _, i = positional.rpartition(":q")
        q = per_doc[doc_id].quotes[int(i)]
        return quote_id(doc_id, q.start, q.end)

    # entities, with ids from their canonical names
    entities, entity_index = merge_entities(docs, per_doc)
    own = {(d.id, m.start, m.end): _group_of(m) for d in docs for m in per_doc[d.id].entities}
    remap = {e.id: canonical_entity_id(e, own) for e in entities}
    for e in entities:
        e.id = remap[e.id]
    entity_index = {k: remap[v] for k, v in entity_index.items()}
    series, series_index = build_series(docs, per_doc)
    events = merge_events(docs, per_doc, entity_index)
    groups, quote_index = group_quotes(docs, per_doc, entity_index, entities)
    roles = role_history(docs, per_doc, entity_index)
    new = what_is_new(docs, per_doc, events, quote_index)

    # re-id: quotation groups from their first quotation's id, series from what they count (their old
    # id) and their first figure's id
    group_ids: dict[str, str] = {}
    taken: set[str] = set()
    for g in groups:
        # one span the quote stage gave two speakers ("X said as the heckler yelled: '...'") makes two
        # groups with the same first quotation: the later one takes its speaker too (content, not a position)
        gid = _hash("qg-", q_id(g.quote_ids[0]))
        if gid in taken:
            gid = _hash("qg-", f"{q_id(g.quote_ids[0])}#{g.speaker_id or g.speaker or ''}")
        taken.add(gid)
        group_ids[g.id] = gid
    series_ids = {s.id: _hash("se-", f"{s.id}:{fig_id(s.figure_ids[0])}", 10) for s in series}

    rows = StoryRows(story_id=story_id, story={}, first_published=None, last_published=None)
    mention_owner: dict[str, dict[tuple[int, int], str]] = {}
    for e in entities:
        for doc_id, a, b in e.mentions:
            mention_owner.setdefault(doc_id, {})[(a, b)] = e.id
    trigger_owner: dict[tuple[str, int, int], str] = {}
    for ev in events:
        for ref in ev.triggers:
            trigger_owner.setdefault(ref, ev.id)
    for d in docs:
        ann = per_doc[d.id]
        timexes = []
        for tx in ann.timexes:
            rec = span(d.id, tx.start, tx.end)
            rec.update(type=tx.type, value=tx.value)
            if tx.mod:
                rec["mod"] = tx.mod
            if tx.estimated:
                rec["estimated"] = True
            timexes.append(rec)
        figures = []
        for i, f in enumerate(ann.figures):
            rec = span(d.id, f.start, f.end)
            sid = series_index.get(f"{d.id}:f{i}")
            rec.update(id=figure_id(d.id, f.start, f.end), value=f.value, approximate=f.approximate, unit=f.unit,
                       subject=f.subject, date=when(f.date), series_id=series_ids[sid] if sid else None)
            figures.append(rec)
        quotes = []
        for i, q in enumerate(ann.quotes):
            rec = span(d.id, q.start, q.end)
            gid = quote_index.get(f"{d.id}:q{i}")
            rec.update(id=quote_id(d.id, q.start, q.end), speaker=q.speaker, direct=q.direct,
                       speaker_id=speaker_id(d.id, q, entity_index, mention_owner), cue=q.cue,
                       group_id=group_ids[gid] if gid else None)
            quotes.append(rec)
        n = new[d.id]
        rows.documents[d.id] = {
            "new": {"event_ids": n.event_ids, "figure_ids": [fig_id(f) for f in n.figure_ids],
                    "quote_ids": [q_id(q) for q in n.quote_ids]},
            "timexes": timexes, "figures": figures, "quotes": quotes,
            "event_mentions": event_mention_records(d, ann, trigger_owner, entity_index),
        }
        if not d.article.published and ann.dating:
            # an undated article's estimated writing date, with the range and the evidence that set it
            rows.documents[d.id]["published_estimate"] = ann.dating[0].as_dict()
    for e in sorted(entities, key=lambda e: e.id):
        rows.entities.append({
            "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles,
            "place": ({"lat": e.place.lat, "lon": e.place.lon, "country_code": e.place.country_code,
                       "geonames_id": e.place.geonames_id} if e.place else None),
            "mentions": [span(*m) for m in e.mentions],
            "role_history": roles.get(e.id, []),
        })
    for ev in events:
        sources = sorted({m[0] for m in ev.mentions if not by_id[m[0]].duplicate_of}, key=lambda x: report_key(by_id[x]))
        ev_span = value_span(ev.date.value) if ev.date else None
        date = when(ev.date)
        if date and date.get("estimated"):
            if stated_elsewhere(ev, per_doc):
                del date["estimated"]  # another report states the date: no estimate
            else:
                date["estimated_from"] = estimate_source(ev, per_doc)
        record = {
            "id": ev.id, "story_id": story_id, "type": ev.type, "modality": ev.modality, "summary": ev.summary,
            "date": date, "date_value": ev.date.value if ev.date else None, "salience": ev.salience,
            "actor_ids": ev.actor_ids, "target_ids": ev.target_ids, "place_ids": ev.place_ids,
            "doer": ev.doer or None,
            "figure_ids": [fig_id(f) for f in ev.figure_ids], "mentions": [span(*m) for m in ev.mentions],
            "sources": sources,
            "agreement": agreement_record(event_agreement(ev, by_id, per_doc), span),
        }
        rows.events.append((record, ev_span[0].isoformat() if ev_span else None,
                            ev_span[1].isoformat() if ev_span else None))
    for se in sorted(series, key=lambda x: series_ids[x.id]):
        rows.series.append({"id": series_ids[se.id], "subject": se.subject, "figure_ids": [fig_id(f) for f in se.figure_ids],
                            "conflict": se.conflict, "agreement": agreement_record(series_agreement(se, by_id, per_doc), span)})
    for g in sorted(groups, key=lambda g: group_ids[g.id]):
        rec = g.as_dict()
        rec.update(id=group_ids[g.id], quote_ids=[q_id(q) for q in g.quote_ids])
        rows.quote_groups.append(rec)

    live = [d for d in docs if not d.duplicate_of] or docs
    whole, periods = summarize_story(docs, per_doc, events)
    rows.story = {
        "id": story_id, "title": story_title([m.article.text for m in live], [m.article.title for m in live]),
        "summary": whole.text or None, "document_ids": [d.id for d in docs],
        "summary_sentences": [span(*s) for s in whole.sentences],
        "periods": [{"period": p, "summary": sm.text, "sentences": [span(*s) for s in sm.sentences]}
                    for p, sm in periods],
    }
    dates = sorted(p for p in (published_utc(d.article.published) for d in docs) if p)
    rows.first_published, rows.last_published = (dates[0], dates[-1]) if dates else (None, None)
    return rows


def event_mention_records(d: Document, ann: Annotations, owner: dict[tuple[str, int, int], str],
                          entity_index: dict[tuple[str, str], str]) -> list[dict]:
    """Every event mention of one document (the export's ``event_mentions``): trigger span, sentence,
    TimeML class, type, tense, aspect, polarity, modality, participants, date and where it came from
    (a date an earlier sentence set for the narrative is ``relative``, with that ``date_sentence``),
    and the merged event it belongs to. Ids from the trigger's offsets in the stored text."""
    text = d.article.text
    out = []
    for m in ann.events:
        ts, te = (m.trigger_start, m.trigger_end) if m.trigger_start is not None else (m.start, m.end)

        def ids(keys: list[str]) -> list[str]:
            return [entity_index[(d.id, k)] for k in keys if (d.id, k) in entity_index]

        figures = [figure_id(d.id, ann.figures[k].start, ann.figures[k].end) for k in m.figures if k < len(ann.figures)]
        out.append({
            "id": f"{d.id}:e{ts}-{te}", "document_id": d.id, "event_id": owner.get((d.id, ts, te)),
            "trigger": {"document_id": d.id, "start": ts, "end": te, "text": text[ts:te]},
            "sentence": text[m.start:m.end], "class": m.event_class, "type": m.type, "tense": m.tense,
            "aspect": m.aspect, "polarity": m.polarity, "modality": m.modality, "summary": m.summary,
            "actor_ids": ids(m.actors), "target_ids": ids(m.targets), "place_ids": ids(m.places),
            "doer": m.doer or None, "figure_ids": figures, "date": when(m.date),
            "date_from": {"article": "publication", "narrative": "relative"}.get(m.date_from or "", m.date_from),
        })
        if m.date_from == "narrative" and m.date is not None or m.day_start is not None:
            # the time an earlier sentence set (the reader checks the date there), or the day a clock
            # time with no day of its own took: that sentence
            at = m.day_start if m.day_start is not None else m.date.start if m.date is not None else -1
            out[-1]["date_sentence"] = next((text[a:b].strip() for a, b in ann.sentences if a <= at < b), None)
    return out
