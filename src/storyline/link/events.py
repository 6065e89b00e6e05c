"""One event per real-world event across articles.

Event mentions (one sentence of one article each) merge when their types match, their dates are
compatible (the same day; or one date's span contains the other's, e.g. "February 2020" and
"2020-02-29"; or one is only the date of the article that reports it and the other a day in the
week up to that date: an article's date bounds what it reports from above, "shot on Friday" in a
report of Sunday) and their participants do not clash (shared actors, or one side names none).
An explicit day in the text replaces a date borrowed from the article as the event's date.
A month or day whose year is unknown (an undated report's "late February") merges with the same
month (day) of a known year, or of another undated report, when the type matches and an actor is
shared. Mentions without a date merge with an undated event whose actors, targets and figures are
the same, or, within one story, whose trigger word (its first four letters: "signed"/"signs") and
an actor are shared and whose figures do not differ (ECB+ train topics, trigger-matched CoNLL F1
43.8 -> 48.0, see storyline.eval.coref); a dated and an undated mention never merge. Different figures on a date vaguer than a day
mean different happenings ("released 100 prisoners" vs "to release 5,000").
Articles are taken in ingest order and an event's id derives from its first mention, so ids stay
stable as articles are added.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Annotations, Document, Event, EventMention, Timex
from .timespan import value_span


@dataclass
class _Cluster:
    event: Event
    span: tuple[date, date] | None
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    values: set[float] = field(default_factory=set)
    by_article: bool = True  # every date so far was borrowed from an article's publication date
    partial: tuple[int, int | None] | None = None  # (month, day) of a date whose year is unknown
    trigger: str = ""  # the first mention's trigger, lower-cased


def _granularity(span: tuple[date, date] | None) -> int:
    return (span[1] - span[0]).days if span else 10**6


def _compatible_dates(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return False
    if (a[1] - a[0]).days == 0 and (b[1] - b[0]).days == 0:
        return a == b
    contains = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return contains and min(_granularity(a), _granularity(b)) <= 31


def _partial(value: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a date whose year is unknown (XXXX-02, XXXX-04-12), as an article
    without a publication date gives "late February" or "on April 12"."""
    parts = value.split("T", 1)[0].split("-")
    if len(parts) not in (2, 3) or parts[0] != "XXXX" or not all(p.isdigit() for p in parts[1:]):
        return None
    return int(parts[1]), (int(parts[2]) if len(parts) == 3 else None)


def _partial_fits(p: tuple[int, int | None], other: tuple[date, date] | tuple[int, int | None]) -> bool:
    """A month(-day) of unknown year against a calendar span within one month, or another such date."""
    if isinstance(other[0], int):
        return p[0] == other[0] and (p[1] is None or other[1] is None or p[1] == other[1])
    a, b = other
    if a.month != b.month or (b - a).days > 31 or a.month != p[0]:
        return False
    return p[1] is None or a.day <= p[1] <= b.day


REPORT_WINDOW_DAYS = 7  # how far before its article's date an event dated only by that article may lie


def _reported_after(a: tuple[date, date], a_borrowed: bool, b: tuple[date, date], b_borrowed: bool) -> bool:
    """One side is dated only by its article's date, the other by an explicit day within the week up
    to that date. (Measured on ECB+ train topics 1-22, see storyline.eval.coref.)"""
    if a_borrowed == b_borrowed:
        return False
    day, told = (a, b) if a_borrowed else (b, a)
    return told[0] == told[1] and day[0] - timedelta(days=REPORT_WINDOW_DAYS) <= told[0] <= day[1]


def merge_events(
    docs: list[Document], per_doc: dict[str, Annotations], entity_index: dict[tuple[str, str], str]
) -> list[Event]:
    clusters: list[_Cluster] = []
    for doc in docs:
        for i, m in enumerate(per_doc[doc.id].events):
            actors = {entity_index[(doc.id, k)] for k in m.actors if (doc.id, k) in entity_index}
            targets = {entity_index[(doc.id, k)] for k in m.targets if (doc.id, k) in entity_index}
            span = value_span(m.date.value) if m.date else None
            partial = _partial(m.date.value) if m.date and span is None else None
            figures = per_doc[doc.id].figures
            values = {figures[j].value for j in m.figures if j < len(figures)}
            home = _find(clusters, m, span, actors, targets, values, partial, doc.story_id)
            if home is None:
                event = Event(
                    id="ev-" + hashlib.sha1(f"{doc.id}:{m.start}:{m.trigger}".encode()).hexdigest()[:12],
                    type=m.type, summary=m.summary, date=m.date, mentions=[], story_id=doc.story_id,
                    modality=m.modality,
                    place_ids=[entity_index[(doc.id, k)] for k in m.places if (doc.id, k) in entity_index],
                    figure_ids=[f"{doc.id}:f{j}" for j in m.figures],
                )
                home = _Cluster(event=event, span=span, partial=partial, trigger=m.trigger.lower())
                clusters.append(home)
            elif span and (_granularity(span) < _granularity(home.span) or (
                    home.by_article and m.date.text and _granularity(span) == 0)):
                home.event.date, home.span = m.date, span  # the most precise date wins; told beats borrowed
            if home.event.mentions and len(m.summary.split()) > len(home.event.summary.split()):
                home.event.summary = m.summary  # the fullest one-line account names the event
            home.event.mentions.append((doc.id, m.start, m.end))
            home.actors |= actors
            home.targets |= targets
            home.values |= values
            home.by_article = home.by_article and (m.date is None or not m.date.text)
            home.documents.add(doc.id)
    for c in clusters:
        c.event.actor_ids = sorted(c.actors)
        c.event.target_ids = sorted(c.targets)
    return [c.event for c in clusters]


def _find(clusters, m: EventMention, span, actors: set[str], targets: set[str], values: set[float],
          partial: tuple[int, int | None] | None = None, story_id=None) -> _Cluster | None:
    by_article = m.date is not None and not m.date.text
    for c in clusters:
        if c.event.type != m.type or c.event.modality != m.modality:
            continue  # a plan to release is not the release
        if partial or (c.span is None and c.partial):
            # a month(-day) of unknown year ("late February" in an undated report) joins the same
            # month(-day) of a known year or of another undated report: same type, a shared actor,
            # no other numbers
            mine, other = (partial, c.span or c.partial) if partial else (c.partial, span)
            if mine and other and _partial_fits(mine, other) and actors & c.actors and not (
                    values and c.values and not values & c.values):
                return c
            continue
        if span is None and c.span is None:
            if actors and targets and actors == c.actors and targets == c.targets and not (values ^ c.values):
                return c
            # in one story, two undated reports of the same act by the same actor are one event
            # ("signed a landmark deal" and "signed an agreement" in a report without a date)
            if c.event.story_id == story_id and (actors & c.actors or (
                    not actors and not c.actors and targets & c.targets)) and not (
                    values and c.values and not values & c.values) and \
                    m.trigger.lower()[:4] == c.trigger[:4]:
                return c
            continue
        if span is None or c.span is None:
            continue  # one date known, one not: nothing says they are the same happening
        if not (_compatible_dates(span, c.span) or _reported_after(span, by_article, c.span, c.by_article)):
            continue
        if actors and c.actors and not actors & c.actors:
            continue
        if (by_article or c.by_article) and not actors & c.actors:
            continue  # a date borrowed from the article is weak: the same actor must be named
        exact_day = span == c.span and span[0] == span[1]
        if values and c.values and not values & c.values and not exact_day:
            continue  # other numbers on a vaguer date: another happening ("100 released" vs "5,000 to release")
        return c
    return None
