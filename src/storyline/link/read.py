"""The read API of the stored cross-article account: what views, the Python API and the web UI read.

Every function is one or two indexed queries on the link stage's tables (migration 0002) and
recomputes nothing (``views.export.build_export(store: Store, story_id)`` gives one story as a storyline/1
document, equal to that story's part of the full export); records are the storyline/1 export records (dicts), so a page shows exactly what
the export says. ``store`` is any store (SQLite or PostgreSQL).

    stories(store: Store, offset=0, limit=50)  -> [{id, title, documents, first_published, last_published}]
    story(store: Store, story_id)              -> the story's export record (title, summary, periods, document_ids) | None
    story_events(store: Store, story_id, offset=0, limit=None) -> event records in timeline order (dated, then undated)
    story_entities(store: Store, story_id)     -> the story's entities (their part in this story)
    entity(store: Store, entity_id)            -> the entity across all its stories (union of its parts) | None
    quote_groups(store: Store, story_id)       -> quotation groups of the story
    series(store: Store, story_id)             -> figure series of the story
    document_new(store: Store, document_id)    -> {new, timexes, figures, quotes} of one document | None
    document_events(store: Store, document_id) -> ids of the events a document reports
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.base import Store


def stories(store: Store, offset: int = 0, limit: int | None = 50) -> list[dict]:
    return store.link_stories(offset, limit)


def story(store: Store, story_id: str) -> dict | None:
    return store.link_story(story_id)


def story_events(store: Store, story_id: str, offset: int = 0, limit: int | None = None) -> list[dict]:
    return store.link_events(story_id, offset, limit)


def story_entities(store: Store, story_id: str) -> list[dict]:
    return store.link_story_entities(story_id)


def entity(store: Store, entity_id: str) -> dict | None:
    parts = store.link_entity(entity_id)
    return merge_entity_rows(parts) if parts else None


def quote_groups(store: Store, story_id: str) -> list[dict]:
    return store.link_quote_groups(story_id)


def series(store: Store, story_id: str) -> list[dict]:
    return store.link_series(story_id)


def document_new(store: Store, document_id: str) -> dict | None:
    return store.link_document(document_id)


def document_events(store: Store, document_id: str) -> list[str]:
    return store.document_events(document_id)


def merge_entity_rows(parts: list[dict]) -> dict:
    """One entity from its parts in several stories (in story order)."""
    if len(parts) == 1:
        return parts[0]
    out = dict(parts[0], aliases=[], roles=[], mentions=[], role_history=[])
    types: dict[str, int] = {}
    for p in parts:
        out["aliases"] += [a for a in p["aliases"] if a not in out["aliases"]]
        out["roles"] += [r for r in p["roles"] if r not in out["roles"]]
        out["mentions"] += p["mentions"]
        out["role_history"] += p["role_history"]
        types[p["type"]] = types.get(p["type"], 0) + len(p["mentions"])
        if out["place"] is None:
            out["place"] = p["place"]
    out["name"] = max((p["name"] for p in parts), key=lambda n: (len(n.split()), len(n), n))
    out["type"] = max(sorted(types), key=types.__getitem__)
    return out
