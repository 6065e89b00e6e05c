"""Exports: ``storyline/1`` JSON (the contract in shared/spec), and more formats as they come.

The export is assembled from the store only, from the rows the link stage keeps; it reads, never writes.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..link.read import merge_entity_rows
from ..link.account import agreement_record, speaker_id as _speaker_id, span_record as _span, when  # noqa: F401
from ..model import Document

if TYPE_CHECKING:
    from ..store.base import Store

FORMAT = "storyline/1"


def document_record(doc: Document, linked: dict | None = None) -> dict:
    a = doc.article
    rec = {
        "id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title, "author": a.author,
        "published": a.published, "published_from": a.published_from, "language": a.language,
        "reprint_of": a.reprint_of, "duplicate_of": doc.duplicate_of, "story_id": doc.story_id,
        "text": a.text, "removed": a.removed,
    }
    est = (linked or {}).get("published_estimate")
    if not a.published and est:
        # an undated article's estimated writing date: the point at its granularity ("2021-02"),
        # with the range and the evidence that set it in the extra field ``published_estimate``
        rec.update(published=est["value"], published_from="estimate", published_estimate=est)
    return rec


def build_export(store: Store, story_id: str | None = None) -> dict:
    """The whole store (or one story) as a ``storyline/1`` document, read from the link stage's
    tables: nothing is recomputed. One story's export is exactly that story's part of the whole
    export; an entity of several stories is, in the whole export, the union of its per-story parts."""
    out: dict = {
        "format": FORMAT,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": [], "stories": [], "entities": [], "timexes": [], "events": [], "quotes": [],
        "figures": [], "series": [], "quote_groups": [], "event_mentions": [],
    }
    for doc, linked in store.link_documents(story_id):
        linked = linked or {}
        out["documents"].append(dict(document_record(doc, linked), new=linked.get("new", _NOTHING_NEW)))
        for kind in ("timexes", "figures", "quotes", "event_mentions"):
            out[kind].extend(linked.get(kind, ()))
    if story_id is not None:
        story = store.link_story(story_id)
        out["stories"] = [story] if story else []
        out["entities"] = store.link_story_entities(story_id)
    else:
        out["stories"] = [store.link_story(sid) for sid in sorted(store.link_story_ids(), key=story_key)]
        out["entities"] = list(_union(store.link_entity_rows()))
    out["events"] = store.link_events(story_id) if story_id is not None else _story_order(store.link_events())
    out["series"] = store.link_series(story_id)
    out["quote_groups"] = store.link_quote_groups(story_id)
    return out


_NOTHING_NEW: dict[str, list[str]] = {"event_ids": [], "figure_ids": [], "quote_ids": []}


def _story_order(events: list[dict]) -> list[dict]:
    """Events grouped by story (stories in id order: s1, s2, ..., s10), each story's in timeline order."""
    return sorted(events, key=lambda ev: story_key(ev["story_id"]))


def story_key(story_id: str) -> tuple:
    return (len(story_id), story_id)


def _union(rows) -> Iterator[dict]:
    """Entities whose per-story rows (by entity id, then story) are merged: mentions, role history,
    aliases and roles in story order; the fullest name; the type most of the mentions have."""
    current: list[dict] = []
    for _, rec in rows:
        if current and current[0]["id"] != rec["id"]:
            yield merge_entity_rows(current)
            current = []
        current.append(rec)
    if current:
        yield merge_entity_rows(current)


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
        rec: dict = {"id": sid, "title": story_title([m.article.text for m in live], [m.article.title for m in live]),
               "summary": None, "document_ids": [m.id for m in members]}
        if col is not None and span is not None:
            whole, periods = col.story_summaries(sid)
            rec["summary"] = whole.text or None
            rec["summary_sentences"] = [span(*s) for s in whole.sentences]
            rec["periods"] = [{"period": p, "summary": sm.text, "sentences": [span(*s) for s in sm.sentences]}
                              for p, sm in periods]
        out.append(rec)
    return out
