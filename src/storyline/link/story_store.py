"""The story index kept as rows of the store, read and updated in place, never loaded whole.

:class:`StoredStoryIndex` is :class:`~.stories.StoryIndex` (same features, weights, candidates and
threshold: the same assignments) whose document frequencies, postings and story profiles are read
from the store only where an article needs them: the frequencies of its terms, the postings of its
strongest terms that are rare enough to nominate (``QUERY_MAX_DF``), the profiles and kept norm parts
of its candidate stories, and the frequencies of the one profile it joins. Postings a batch changes
are kept aside until a term's postings are read (a new story's hundreds of terms are not looked up).
After a batch, the stories it changed, the frequency increments and the small state (article count,
next story number) are written back in one transaction (``store.save_story_index``). A store whose
index is still the old JSON blob (``stories/v1`` in the state table) has it moved into rows on its
first link run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store.base import Store

import json
from collections import Counter

from .stories import STATE_VERSION, StoryIndex, _day, _tf_vector, article_features

STATE_KEY = "stories/v2"  # {"version", "threshold", "n_docs", "next_id"}
BLOB_KEY = "stories/v1"  # the whole index as one JSON blob (before the rows)


class _DF(Counter):
    """Document frequencies, loaded term by term (in bulk) from the store."""

    def __init__(self, store: Store):
        super().__init__()
        self.store = store

    def load(self, terms) -> None:
        missing = [t for t in dict.fromkeys(terms) if dict.get(self, t) is None]
        if missing:
            found = self.store.story_df(missing)
            for t in missing:  # a term the index has not seen is kept as 0, so it is not asked again
                dict.__setitem__(self, t, found.get(t, 0))

    def get(self, term, default=0):
        value = dict.get(self, term)
        if value is None:
            self.load([term])
            value = dict.get(self, term)
        return value if value is not None else default


class _Postings(dict):
    """term -> story ids, loaded from the store's term index on first read; what this run adds or
    removes for a term not read yet is kept aside and applied when (if ever) it is read."""

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.added: dict[str, set[str]] = {}
        self.removed: dict[str, set[str]] = {}

    def _load(self, term: str) -> None:
        if not dict.__contains__(self, term):
            self.load([term])

    def load(self, terms) -> None:
        """Read the postings of the terms not read yet, in bulk."""
        missing = [t for t in dict.fromkeys(terms) if not dict.__contains__(self, t)]
        if not missing:
            return
        found = self.store.story_postings_many(missing)
        for t in missing:
            post = found.get(t, set())
            post |= self.added.pop(t, set())
            post -= self.removed.pop(t, set())
            dict.__setitem__(self, t, post)

    def get(self, term, default=None):
        self._load(term)
        value = dict.get(self, term)
        return value if value else default

    def __getitem__(self, term):
        self._load(term)
        return dict.__getitem__(self, term)

    def add(self, term: str, sid: str) -> None:
        if dict.__contains__(self, term):
            dict.__getitem__(self, term).add(sid)
        else:
            self.added.setdefault(term, set()).add(sid)
            self.removed.get(term, set()).discard(sid)

    def discard(self, term: str, sid: str) -> None:
        if dict.__contains__(self, term):
            dict.__getitem__(self, term).discard(sid)
        else:
            self.removed.setdefault(term, set()).add(sid)
            self.added.get(term, set()).discard(sid)


class _Profiles(dict):
    """story id -> profile, loaded with its date span (and its terms' frequencies) on first use."""

    def __init__(self, index: "StoredStoryIndex"):
        super().__init__()
        self.index = index

    def __missing__(self, sid: str) -> dict[str, float]:
        prof, span, norm = self.index.store.story_profile(sid)
        self.index.keep_loaded(sid, prof, span, norm)
        return prof


class _Members(dict):
    """story id -> members added in this run (the stored members are the documents' story ids)."""

    def __missing__(self, sid: str) -> list[str]:
        self[sid] = []
        return self[sid]


class StoredStoryIndex(StoryIndex):
    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        raw = store.get_state(STATE_KEY)
        state = json.loads(raw) if raw else {}
        if state and state.get("version") != STATE_VERSION:
            raise ValueError(f"unknown story index state version: {state.get('version')!r}")
        if state:
            self.threshold = float(state["threshold"])
        self.n_docs = int(state.get("n_docs", 0))
        self.next_id = int(state.get("next_id", 1))
        self.lazy_df = _DF(store)
        self.df = self.lazy_df
        self.stored_postings = _Postings(store)
        self.postings = self.stored_postings
        self.profiles = _Profiles(self)
        self.members = _Members()
        self.df_delta: Counter = Counter()
        self.changed: set[str] = set()
        self.assignment: dict[str, str] = {}
        self._idf: dict[str, float] = {}
        self._idf_n = -1

    def add(self, doc_id: str, text: str, *, title: str | None = None, published: str | None = None) -> str:
        terms = list(article_features(text, title))
        self.lazy_df.load(terms)
        known = doc_id in self.doc_story
        sid = super().add(doc_id, text, title=title, published=published)
        if not known:
            self.df_delta.update(terms)
            self.changed.add(sid)
            self.assignment[doc_id] = sid
        return sid

    def idf(self, term: str) -> float:
        """StoryIndex.idf, remembered while the article count stays the same (frequencies change
        only when an article is added, which also changes the count): the same values, computed once."""
        if self._idf_n != self.n_docs:
            self._idf.clear()
            self._idf_n = self.n_docs
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = super().idf(term)
        return value

    def keep_loaded(self, sid: str, prof: dict[str, float], span: list[int] | None, norm: list[float] | None) -> None:
        dict.__setitem__(self.profiles, sid, prof)
        if span is not None:
            self.spans.setdefault(sid, span)
        if norm is not None:
            self.norms.setdefault(sid, norm)
        else:  # a profile saved before norms were kept: computed from today's frequencies
            self.lazy_df.load(prof)

    def _nominating(self, q: dict[str, float]) -> list[str]:
        """As StoryIndex._nominating, with those terms' postings read in bulk."""
        terms = super()._nominating(q)
        self.stored_postings.load(terms)
        return terms

    def _candidates(self, q: dict[str, float]) -> list[str]:
        """As StoryIndex._candidates, with the candidate stories' profiles read in one bulk query."""
        top = super()._candidates(q)
        wanted = [sid for sid in top if not dict.__contains__(self.profiles, sid)]
        if wanted:
            for sid, (prof, span, norm) in self.store.story_profiles(wanted).items():
                self.keep_loaded(sid, prof, span, norm)
        return top

    def _join(self, sid: str, doc_id: str, tf: dict[str, float], day: int | None) -> None:
        self.lazy_df.load(self.profiles[sid])  # the joined profile's frequencies: pruning and norm parts
        super()._join(sid, doc_id, tf, day)

    def _post_add(self, term: str, sid: str) -> None:
        self.stored_postings.add(term, sid)

    def _post_discard(self, term: str, sid: str) -> None:
        self.stored_postings.discard(term, sid)

    def place(self, doc_id: str, text: str, *, title: str | None = None, published: str | None = None,
              story_id: str | None = None) -> str:
        """Put an article in ``story_id`` (None: a new story) without scoring it: for bulk loads whose
        grouping is known already (``bench --scale`` fills its stores with clones of grouped articles)."""
        counts = article_features(text, title)
        self.lazy_df.load(counts)
        tf = _tf_vector(counts)
        self.n_docs += 1
        self.df.update(tf.keys())
        if story_id is None:
            story_id = f"s{self.next_id}"
            self.next_id += 1
            self.profiles[story_id] = {}
        self._join(story_id, doc_id, tf, _day(published))
        self.df_delta.update(tf.keys())
        self.changed.add(story_id)
        self.assignment[doc_id] = story_id
        return story_id

    def state(self) -> str:
        return json.dumps({"version": STATE_VERSION, "threshold": self.threshold, "n_docs": self.n_docs,
                           "next_id": self.next_id})

    def save(self, drop_blob: bool = False) -> None:
        self.store.save_story_index(
            self.assignment, dict(self.df_delta), {sid: self.profiles[sid] for sid in self.changed},
            {sid: self.spans[sid] for sid in self.changed if sid in self.spans}, STATE_KEY, self.state(),
            BLOB_KEY if drop_blob else None,
            norms={sid: self.norms[sid] for sid in self.changed if sid in self.norms})


def move_blob_to_rows(store: Store) -> bool:
    """A store whose story index is the old JSON blob: write it as rows (once). True if it moved."""
    raw = store.get_state(BLOB_KEY)
    if raw is None or store.get_state(STATE_KEY) is not None:
        return False
    old = StoryIndex.from_state(json.loads(raw))
    new = StoredStoryIndex(store)
    new.threshold, new.n_docs, new.next_id = old.threshold, old.n_docs, old.next_id
    new.df_delta = Counter(old.df)
    new.changed = set(old.profiles)
    for sid, prof in old.profiles.items():
        dict.__setitem__(new.profiles, sid, prof)
    new.spans = dict(old.spans)
    new.norms = dict(old.norms)
    new.save(drop_blob=True)
    return True
