"""The link stage over the store: what looks across articles, run incrementally after each build.

1. every document without a story is placed in one (the story index, kept as rows: :mod:`.story_store`);
2. the store-wide dating index (``dating_keys``) takes the keys of every new, re-annotated or
   re-pointed document (the store's ``link_dirty`` rows, written by triggers);
3. every story that holds such a document is recomputed from its own documents and annotations and
   that index (:func:`.account.story_rows`) and its rows replaced in one transaction; other stories
   are not read. A story holding an undated article that shares a rare key with an arriving dated
   one (its estimate from the store's dated articles may change: :func:`.dating.update_index`)
   waits in ``dating_stale``; each run relinks ``DATING_BUDGET`` of them, or as many as it relinks
   for new documents (in id order), so the
   account equals a from-scratch build's once none waits (``link(store, dating_budget=None)``).
When ``LINK_VERSION`` changes (the account's code or format), every story is recomputed once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.base import Store

from dataclasses import dataclass

LINK_STATE = "link/version"
LINK_VERSION = "15"  # bump when what the account computes changes: every story is then re-linked
# stories a link run relinks, beyond those with new documents, because a dated arrival shares a rare
# key with an undated article of theirs: this many, or as many as the run relinks for new documents
# (the rest wait in ``dating_stale`` for the next runs)
DATING_BUDGET = 4


@dataclass
class LinkReport:
    stories: int = 0  # stories in the store
    relinked: int = 0  # stories recomputed by this run
    dating_waiting: int = 0  # stories still waiting to be dated anew (link/dating.py)


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


def relink(store: Store, story_ids: list[str] | None = None, dating_budget: int | None = DATING_BUDGET) -> int:
    """Recompute the stored account of the given stories (default: those with dirty documents, and
    up to ``dating_budget`` stories waiting to be dated anew; None: all of them), and with each
    story's rows, in the same transaction, the rows a downstream stage keeps with them
    (:mod:`.outputs`: the web pages' own rows, so that a page reads rows and recomputes nothing).
    When that stage's version changed, its rows of every other story are written again from the
    story's stored rows (the account itself is not recomputed)."""
    from .account import story_rows
    from .dating import update_index
    from .outputs import story_output

    if store.get_state(LINK_STATE) != LINK_VERSION:
        store.mark_all_dirty()
        store.set_state(LINK_STATE, LINK_VERSION)
    output = story_output()
    dirty_stories, dirty = store.dirty_stories()
    # the store-wide dating index first (link/dating.py): an undated article of another story that
    # shares a rare key with an arriving dated one may be dated anew; its story waits in a queue,
    # of which each run relinks a few (a dated article may share a rare word with many undated ones)
    store.queue_dating(sorted(set(update_index(store, dirty)) - set(dirty_stories)))
    if story_ids is None:
        budget = None if dating_budget is None else max(dating_budget, len(dirty_stories))
        stories = sorted(set(dirty_stories) | set(store.dating_queue(budget)))
    else:
        stories = story_ids
    dirty_set = set(dirty)
    for sid in stories:
        docs = store.story_documents(sid)
        rows = story_rows(sid, docs, store.story_annotations(sid), dating=store)
        views = output.for_story(sid) if output else None
        store.replace_story(rows, [d.id for d in docs if d.id in dirty_set], views=views)
    store.dequeue_dating(stories)  # relinked now: with the index as it stands
    if output and store.get_state(output.state_key) != output.version:
        done = set(stories)
        for sid in store.link_story_ids():
            if sid not in done:
                store.replace_story_views(sid, output.for_story(sid))
        store.set_state(output.state_key, output.version)
    # dirty documents without a story (none after assign_stories) stay marked for the next run
    return len(stories)


def link(store: Store, dating_budget: int | None = DATING_BUDGET) -> LinkReport:
    """Assign stories, then recompute the account of every story the last batches touched (and of
    up to ``dating_budget`` stories waiting to be dated anew; None: all)."""
    report = LinkReport()
    with store.exclusive():  # another build linking the same store waits: the index is read, then written back
        report.stories = assign_stories(store)
        report.relinked = relink(store, dating_budget=dating_budget)
        report.dating_waiting = len(store.dating_queue())
    return report
