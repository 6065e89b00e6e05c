"""The cross-article view of a store: merged entities, events and figure series, computed from the
stored per-article annotations (read-only), for the views to render."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Annotations, Document, Entity, Event
from .entities import merge_entities
from .events import merge_events
from .series import Series, build_series
from .timespan import value_span


@dataclass
class Collection:
    documents: list[Document]
    annotations: dict[str, Annotations]
    entities: list[Entity]
    entity_index: dict[tuple[str, str], str]  # (document id, within-article key) -> entity id
    events: list[Event]
    series: list[Series]
    series_index: dict[str, str]  # figure id -> series id

    def document(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    def __post_init__(self):
        self._by_id = {d.id: d for d in self.documents}

    def sources(self, event: Event) -> list[str]:
        """Documents that report an event, near-duplicates not counted twice, earliest first."""
        docs = {m[0] for m in event.mentions if not self._by_id[m[0]].duplicate_of}
        return sorted(docs, key=lambda d: (self._by_id[d].article.published or "9999", self._by_id[d].seq))

    def timeline(self, story_id: str | None = None) -> tuple[list[Event], list[Event]]:
        """(dated events in date order, events whose date is unknown) — never a made-up date."""
        events = [e for e in self.events if story_id is None or e.story_id == story_id]
        dated = [e for e in events if e.date and value_span(e.date.value)]
        undated = [e for e in events if e not in dated]
        dated.sort(key=lambda e: value_span(e.date.value))
        return dated, undated


def load(store, story_id: str | None = None) -> Collection:
    docs = [d for d in store.documents() if story_id is None or d.story_id == story_id]
    per_doc = {d.id: store.annotations(d.id) for d in docs}
    entities, entity_index = merge_entities(docs, per_doc)
    series, series_index = build_series(docs, per_doc)
    return Collection(docs, per_doc, entities, entity_index, merge_events(docs, per_doc, entity_index),
                      series, series_index)
