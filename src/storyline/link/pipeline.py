"""The link stage over the store: what looks across articles, run incrementally after ingest."""
from __future__ import annotations

import json
from dataclasses import dataclass

STORY_STATE = "stories/v1"


@dataclass
class LinkReport:
    stories: int = 0


def link(store) -> LinkReport:
    """Assign every document without a story to one, continuing the stored story index."""
    report = LinkReport()
    try:
        from .stories import StoryIndex
    except ImportError:
        return report
    raw = store.get_state(STORY_STATE)
    index = StoryIndex.from_state(json.loads(raw)) if raw else StoryIndex()
    assignment = {}
    for doc in store.documents_without_story():
        a = doc.article
        assignment[doc.id] = index.add(doc.id, a.text, title=a.title, published=a.published)
    if assignment:
        store.set_stories(assignment, STORY_STATE, json.dumps(index.to_state()))
    report.stories = len(index.stories())
    return report
