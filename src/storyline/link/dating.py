"""When was an undated article written? An estimate from its story.

``story_estimates(documents, annotations)`` looks, within one story, at the articles with no
publication date (neither in metadata nor in their text) and dates them from the articles that
have one:

1. **A dated copy of the same report** (a near-duplicate either way, ``Document.duplicate_of``):
   its date is the article's, to the day. This is how a dated copy that arrives later replaces an
   estimate: estimates are recomputed from the stored articles each time the story is read, so the
   copy's date wins as soon as it is stored.
2. **Happenings it shares with other articles that date them**: an event the undated article tells
   with a month and day (or month) but no year ("the pact signed ... on February 29"), which another
   article tells with its year ("on February 29th, 2020"; that article's own date may be unknown), of the same type and with an actor or target in
   common (or the same day of the same month). The dated version is a clue ``story`` that the
   article was written after that happening, usually within weeks (the ``story`` prior in
   ``annotate/dating_cues.json``); it joins the article's own clues, and the estimator of
   ``annotate/dating.py`` weighs them all. Only dates stated in a text anchor: a date resolved
   against an estimate never dates another article.

Pure functions over one story's documents and annotations; nothing is written. The estimate has
``source == "story"`` and its evidence names the other article (``document_id``).
Hand-written: a comparison over our own records.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from ..model import Annotations, DateEstimate, Document, EventMention

_PARTIAL = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?$")
_YEARED = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _dated(doc: Document) -> str | None:
    """A date the article states (metadata or its own text), never an estimate."""
    a = doc.article
    return a.published[:10] if a.published and a.published_from != "estimate" else None


def _people(m: EventMention) -> set[str]:
    return {k.lower() for k in m.actors + m.targets}


def _shared(m: EventMention, other: EventMention) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) when ``other`` dates with its year the happening ``m`` tells
    without one."""
    if m.date is None or other.date is None or m.type != other.type or m.modality != "asserted":
        return None
    if other.date.estimated or other.date_from != "sentence" or m.date_from != "sentence":
        return None
    p, q = _PARTIAL.match(m.date.value), _YEARED.match(other.date.value.split("T", 1)[0])
    if not p or not q or p[1] != q[2]:
        return None
    if p[2] and q[3] and p[2] != q[3]:
        return None
    same_day = bool(p[2] and q[3])
    if not (same_day or _people(m) & _people(other)):
        return None
    day = p[2] or q[3]
    return int(q[1]), int(p[1]), int(day) if day else None


def _copy_estimate(doc_id: str, copy: Document) -> DateEstimate:
    day = _dated(copy) or ""
    return DateEstimate(start=day, end=day, granularity="day", value=day, point=day, confidence=1.0,
                        evidence=[{"kind": "copy", "document_id": copy.id, "text": day,
                                   "sentence": "a dated copy of the same report"}], source="story")


def story_estimates(documents: list[Document], annotations: dict[str, Annotations]) -> dict[str, DateEstimate]:
    """New writing-date estimates for the undated articles of one story, by document id."""
    from ..annotate.dating import (  # the one estimator
        Clue,
        clues,
        estimate_from_clues,
        load_model,
    )
    from ..annotate.timex import tag

    by_id = {d.id: d for d in documents}
    dated = sorted((d for d in documents if _dated(d)), key=lambda d: (d.seq, d.id))
    # every happening an article tells with its year, by (type, month): what undated ones may share
    yeared: dict[tuple[str, str], list[tuple[Document, EventMention]]] = {}
    for d in sorted(documents, key=lambda d: (d.seq, d.id)):
        ann = annotations.get(d.id)
        for o in ann.events if ann else []:
            if o.date is None or o.date.estimated:
                continue
            if q := _YEARED.match(o.date.value.split("T", 1)[0]):
                yeared.setdefault((o.type, q[2]), []).append((d, o))
    out: dict[str, DateEstimate] = {}
    for doc in sorted(documents, key=lambda d: (d.seq, d.id)):
        if doc.article.published and doc.article.published_from != "estimate":
            continue
        copies = [c for c in dated if c.id == doc.duplicate_of or c.duplicate_of == doc.id]
        if copies:
            out[doc.id] = _copy_estimate(doc.id, copies[0])
            continue
        ann = annotations.get(doc.id)
        if ann is None:
            continue
        story_clues = []
        seen: set[tuple] = set()
        for m in ann.events:
            if m.date is None or (p := _PARTIAL.match(m.date.value)) is None:
                continue
            for other_doc, o in yeared.get((m.type, p[1]), []):
                hit = _shared(m, o) if other_doc.id != doc.id else None
                if hit is None:
                    continue
                y, mo, day = hit
                try:
                    lo = date(y, mo, day or 1)
                    hi = lo if day else date(y, mo, calendar.monthrange(y, mo)[1])
                except ValueError:
                    continue
                if (m.start, lo) in seen:
                    continue
                seen.add((m.start, lo))
                story_clues.append((Clue("story", m.start, m.end, m.date.text, m.text, lo, hi), other_doc, o))
        if not story_clues:
            continue
        text = doc.article.text
        est = estimate_from_clues(clues(text, tag(text, None)) + [c for c, _, _ in story_clues], load_model())
        if est is None:
            continue
        evidence = [dict(e) for e in est.evidence if e["kind"] != "story"]
        for c, other_doc, o in story_clues:
            other = by_id[other_doc.id].article.text
            evidence.append({"kind": "story", "text": c.text, "sentence": c.sentence.strip(), "start": c.start,
                             "end": c.end, "document_id": other_doc.id, "other_sentence": other[o.start:o.end].strip(),
                             "other_date": o.date.value if o.date else None})
        out[doc.id] = replace(est, evidence=evidence, source="story")
    return out


def with_story_dates(documents: list[Document], annotations: dict[str, Annotations]) -> dict[str, Annotations]:
    """The annotations of every article, those of undated articles that their story dates with
    their relative dates and events resolved against the estimate (``annotate.dating.apply_estimate``)."""
    from ..annotate.dating import apply_estimate

    out = dict(annotations)
    stories: dict[str, list[Document]] = {}
    for d in documents:
        if d.story_id:
            stories.setdefault(d.story_id, []).append(d)
    for sid in sorted(stories):
        members = stories[sid]
        for doc_id, est in story_estimates(members, annotations).items():
            doc = next(d for d in members if d.id == doc_id)
            out[doc_id] = apply_estimate(doc.article.text, annotations[doc_id], est)
    return out
