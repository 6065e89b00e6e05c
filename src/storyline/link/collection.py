"""The cross-article view of a store: merged entities, events and figure series, computed from the
stored per-article annotations (read-only), for the views to render; with quotation groups, roles
over time, agreement between sources, what each article adds, and story summaries."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Annotations, Document, Entity, Event
from .agreement import Agreement, event_agreement, series_agreement
from .dating import with_story_dates
from .entities import merge_entities
from .events import KEY_SALIENCE, merge_events
from .novelty import New, report_key, what_is_new
from .quotes import QuoteGroup, group_quotes, role_history
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
    # derived in __post_init__
    quote_groups: list[QuoteGroup] = field(default_factory=list)
    quote_index: dict[str, str] = field(default_factory=dict)  # quote id -> quote group id
    roles: dict[str, list[dict]] = field(default_factory=dict)  # entity id -> role history
    event_agreement: dict[str, Agreement] = field(default_factory=dict)  # event id -> agreement
    series_agreement: dict[str, Agreement] = field(default_factory=dict)  # series id -> agreement
    new: dict[str, New] = field(default_factory=dict)  # document id -> what it is the first to report

    def document(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    def __post_init__(self):
        self._by_id = {d.id: d for d in self.documents}
        self.quote_groups, self.quote_index = group_quotes(self.documents, self.annotations, self.entity_index,
                                                           self.entities)
        self.roles = role_history(self.documents, self.annotations, self.entity_index)
        self.event_agreement = {e.id: event_agreement(e, self._by_id, self.annotations) for e in self.events}
        self.series_agreement = {s.id: series_agreement(s, self._by_id, self.annotations) for s in self.series}
        self.new = what_is_new(self.documents, self.annotations, self.events, self.quote_index)

    def sources(self, event: Event) -> list[str]:
        """Documents that report an event, near-duplicates not counted twice, earliest first."""
        docs = {m[0] for m in event.mentions if not self._by_id[m[0]].duplicate_of}
        return sorted(docs, key=lambda d: report_key(self._by_id[d]))

    def timeline(self, story_id: str | None = None, key_only: bool = False) -> tuple[list[Event], list[Event]]:
        """(dated events in date order, events whose date is unknown) — never a made-up date; with
        ``key_only`` only the key events (salience >= KEY_SALIENCE), the rest folded away."""
        events = [e for e in self.events if (story_id is None or e.story_id == story_id)
                  and (not key_only or e.salience >= KEY_SALIENCE)]
        dated = [e for e in events if e.date and value_span(e.date.value)]
        undated = [e for e in events if e not in dated]
        dated.sort(key=lambda e: value_span(e.date.value))
        return dated, undated

    def story_summaries(self, story_id: str):
        """(summary, [(period, summary)]) of one story (see ``summaries.summarize_story``)."""
        from .summaries import summarize_story

        docs = [d for d in self.documents if d.story_id == story_id]
        ids = {d.id for d in docs}
        events = [e for e in self.events if any(m[0] in ids for m in e.mentions)]
        return summarize_story(docs, self.annotations, events)


def load(store, story_id: str | None = None) -> Collection:
    docs = [d for d in store.documents() if story_id is None or d.story_id == story_id]
    per_doc = {d.id: store.annotations(d.id) for d in docs}
    per_doc = with_story_dates(docs, per_doc, store)  # undated articles dated by their story and the store (link/dating.py)
    entities, entity_index = merge_entities(docs, per_doc)
    series, series_index = build_series(docs, per_doc)
    return Collection(docs, per_doc, entities, entity_index, merge_events(docs, per_doc, entity_index),
                      series, series_index)
