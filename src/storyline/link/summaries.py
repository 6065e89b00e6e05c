"""Extractive summaries of a story, whole and month by month, whose sentences cite their sources.

Candidate sentences come from the story's articles (near-duplicates left out), 6 to 80 words each.
Each is scored

    score = number of sources of the most-reported event the sentence reports (0 if none)
          + cross-source centrality

where centrality is the mean, over the story's *other* articles, of the sentence's best TF-IDF cosine
with a sentence of that article (how widely its content is carried). Sentences are taken greedily by
score (ties: earlier report, earlier offset), skipping one that reports an event already covered or
whose cosine with a chosen sentence exceeds ``REDUNDANCY``; the chosen ones are put in reported order
and each is followed by its citation: the documents that report its event, else its own document.

A sentence's period (``YYYY-MM``) is the month of the event it reports (a date the sentence gives, a
month or finer), else of the first date of a month or finer in the sentence, else of its article's
publication; sentences with none of these belong to no period. Periods are the months in which an
event of the story is dated or an article was published, so a background date opens none.

TF-IDF and cosine come from scikit-learn; the scoring and selection are a few lines on top.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..model import Annotations, Document, Event
from .novelty import published_utc, report_key
from .timespan import value_span

STORY_SENTENCES = 4
PERIOD_SENTENCES = 2
REDUNDANCY = 0.5
MIN_WORDS, MAX_WORDS = 6, 80
MAX_CITED = 3  # at most this many documents named per citation, then "+N"
MAX_CANDIDATES = 2000  # bounds the sentence-by-sentence similarity matrix (about 32 MB)


@dataclass
class Summary:
    text: str
    sentences: list[tuple[str, int, int]] = field(default_factory=list)  # (document id, start, end)
    cites: list[list[str]] = field(default_factory=list)  # per sentence: the documents it cites


@dataclass
class _Cand:
    doc: Document
    start: int
    end: int
    text: str
    events: list[Event]
    period: str | None = None
    score: float = 0.0


def _month(value: str | None) -> str | None:
    span = value_span(value) if value else None
    if span is None or (span[1] - span[0]).days > 31 or span[0].month != span[1].month:
        return None
    return span[0].strftime("%Y-%m")


class StorySummarizer:
    """Scores a story's sentences once; summarises the whole story or any period of it."""

    def __init__(self, docs: list[Document], per_doc: dict[str, Annotations], events: list[Event]):
        self.docs = sorted((d for d in docs if not d.duplicate_of), key=report_key)
        self.by_id = {d.id: d for d in docs}
        live = {d.id for d in self.docs}
        self.sources = {ev.id: sorted({m[0] for m in ev.mentions if m[0] in live},
                                      key=lambda d: report_key(self.by_id[d])) for ev in events}
        mention_events: dict[str, list[tuple[int, Event]]] = {}  # document -> [(mention start, event)]
        mention_dates: dict[str, list[tuple[int, str]]] = {}  # document -> [(mention start, date it gives)]
        for ev in events:
            for doc_id, start, _ in ev.mentions:
                mention_events.setdefault(doc_id, []).append((start, ev))
        for d in self.docs:
            for m in (per_doc.get(d.id) or Annotations(d.id)).events:
                if m.date is not None and m.date_from not in ("article", "publication") and _month(m.date.value):
                    mention_dates.setdefault(d.id, []).append((m.start, m.date.value))
        self.anchors = {m for m in (_month(ev.date.value) if ev.date else None for ev in events) if m}
        self.anchors |= {p[:7] for p in (published_utc(d.article.published) for d in self.docs) if p}
        self.cands: list[_Cand] = []
        # in a very large story only each article's leading sentences are candidates
        per_article = max(1, MAX_CANDIDATES // max(1, len(self.docs)))
        for d in self.docs:
            ann = per_doc.get(d.id) or Annotations(d.id)
            text = d.article.text
            for s, e in ann.sentences[:per_article]:
                sent = text[s:e]
                s, e = s + len(sent) - len(sent.lstrip()), e - (len(sent) - len(sent.rstrip()))
                sent = text[s:e]
                n = len(sent.split())
                if not (MIN_WORDS <= n <= MAX_WORDS):
                    continue
                evs = [ev for start, ev in mention_events.get(d.id, ()) if s <= start < e]
                c = _Cand(d, s, e, sent, evs)
                dated = [v for start, v in mention_dates.get(d.id, ()) if s <= start < e]
                timex = next((t.value for t in ann.timexes if s <= t.start < e and t.type == "DATE" and _month(t.value)),
                             None)
                pub = published_utc(d.article.published)
                c.period = _month(dated[0]) if dated else _month(timex) if timex else (pub[:7] if pub else None)
                self.cands.append(c)
        self.sim = np.zeros((0, 0))
        if self.cands:
            try:
                m = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([c.text for c in self.cands])
                self.sim = (m @ m.T).toarray()
            except ValueError:  # nothing but stop words
                self.sim = np.eye(len(self.cands))
        doc_rows: dict[str, list[int]] = {}
        for i, c in enumerate(self.cands):
            doc_rows.setdefault(c.doc.id, []).append(i)
        for i, c in enumerate(self.cands):
            others = [rows for doc_id, rows in doc_rows.items() if doc_id != c.doc.id]
            centrality = (sum(float(self.sim[i, rows].max()) for rows in others) / len(others)) if others else 0.0
            reach = max((len(self.sources.get(ev.id, ())) for ev in c.events), default=0)
            c.score = reach + centrality

    def periods(self) -> list[str]:
        """Months in which the story has a dated event or a published article (a month named only in
        passing, such as a background date, opens no period)."""
        return sorted(p for p in {c.period for c in self.cands if c.period} if p in self.anchors)

    def summary(self, size: int = STORY_SENTENCES, period: str | None = None) -> Summary:
        pool = [i for i, c in enumerate(self.cands) if period is None or c.period == period]
        rank = {d.id: r for r, d in enumerate(self.docs)}
        pool.sort(key=lambda i: (-round(self.cands[i].score, 9), rank[self.cands[i].doc.id], self.cands[i].start))
        chosen: list[int] = []
        covered: set[str] = set()
        for i in pool:
            if len(chosen) >= size:
                break
            c = self.cands[i]
            if c.events and all(ev.id in covered for ev in c.events):
                continue
            if any(self.sim[i, j] > REDUNDANCY for j in chosen):
                continue
            chosen.append(i)
            covered.update(ev.id for ev in c.events)
        chosen.sort(key=lambda i: (rank[self.cands[i].doc.id], self.cands[i].start))
        parts, spans, cites = [], [], []
        for i in chosen:
            c = self.cands[i]
            best = max(c.events, key=lambda ev: len(self.sources.get(ev.id, ())), default=None)
            cited = self.sources.get(best.id) if best is not None else None
            cited = cited or [c.doc.id]
            label = ", ".join(cited[:MAX_CITED]) + (f" +{len(cited) - MAX_CITED}" if len(cited) > MAX_CITED else "")
            parts.append(f"{c.text} [{label}]")
            spans.append((c.doc.id, c.start, c.end))
            cites.append(list(cited))
        return Summary(" ".join(parts), spans, cites)


def summarize_story(docs: list[Document], per_doc: dict[str, Annotations], events: list[Event],
                    size: int = STORY_SENTENCES) -> tuple[Summary, list[tuple[str, Summary]]]:
    """(the story's summary, [(period YYYY-MM, its summary)] in date order)."""
    s = StorySummarizer(docs, per_doc, events)
    return s.summary(size), [(p, s.summary(PERIOD_SENTENCES, p)) for p in s.periods()]
