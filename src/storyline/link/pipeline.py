"""The link stage over the store: what looks across articles, run incrementally after each build.

1. every document without a story is placed in one (the story index, kept as rows: :mod:`.story_store`);
2. the store-wide dating index (``dating_keys``) takes the keys of every new, re-annotated or
   re-pointed document (the store's ``link_dirty`` rows, written by triggers);
3. every story that holds such a document, or an undated article that shares a rare key with one
   (its estimate from the store's dated articles may change: :func:`.dating.update_index`), is
   recomputed from its own documents and annotations and that index
   (:func:`.account.story_rows`) and its rows replaced in one transaction; other stories are not read.
When ``LINK_VERSION`` changes (the account's code or format), every story is recomputed once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.base import Store

from dataclasses import dataclass

LINK_STATE = "link/version"
LINK_VERSION = "5"  # bump when what the account computes changes: every story is then re-linked


@dataclass
class LinkReport:
    stories: int = 0  # stories in the store
    relinked: int = 0  # stories recomputed by this run


def assign_stories(store: Store) -> int:
    """Place every document without a story in one, continuing the story index kept as rows
    (:mod:`.story_store`: only the rows an article needs are read); returns the number of stories."""
    from .story_store import StoredStoryIndex, move_blob_to_rows

    move_blob_to_rows(store)
    index = StoredStoryIndex(store)
    for doc in store.documents_without_story():
        a = doc.article
        index.add(doc.id, a.text, title=a.title, published=a.published)
    if index.assignment:
        index.save()
    return index.next_id - 1


def relink(store: Store, story_ids: list[str] | None = None) -> int:
    """Recompute the stored account of the given stories (default: those with dirty documents)."""
    from .account import story_rows
    from .dating import update_index

    if store.get_state(LINK_STATE) != LINK_VERSION:
        store.mark_all_dirty()
        store.set_state(LINK_STATE, LINK_VERSION)
    dirty_stories, dirty = store.dirty_stories()
    # the store-wide dating index first (link/dating.py): an undated article of another story that
    # shares a rare key with an arriving one is dated anew, so its story is relinked too
    shared = update_index(store, dirty)
    stories = sorted(set(dirty_stories) | set(shared)) if story_ids is None else story_ids
    dirty_set = set(dirty)
    for sid in stories:
        docs = store.story_documents(sid)
        rows = story_rows(sid, docs, store.story_annotations(sid), dating=store)
        store.replace_story(rows, [d.id for d in docs if d.id in dirty_set])
    # dirty documents without a story (none after assign_stories) stay marked for the next run
    return len(stories)


def link(store: Store) -> LinkReport:
    """Assign stories, then recompute the account of every story the last batches touched."""
    report = LinkReport()
    with store.exclusive():  # another build linking the same store waits: the index is read, then written back
        report.stories = assign_stories(store)
        report.relinked = relink(store)
    return report
