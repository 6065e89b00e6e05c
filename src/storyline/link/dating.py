"""When was an undated article written? An estimate from its story, else from the collection.

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

``collection_estimates(documents, annotations, index=...)`` then dates what neither its words nor its
story date, from the dated articles of the whole store (the store's index of what each article
reports, kept at link time; see the comment block below):

3. **When what it reports was reported**: the date profiles of its rare keys (names, happenings,
   content words), with its own partial dates read in the years they put forward.

``with_story_dates`` applies both in that order (story, then store). Pure functions over the
documents, annotations and index given; nothing is written. The estimate has ``source == "story"``
and its evidence names the other articles (``document_id``). Stages 1 and 2 are hand-written; the
parameters of 3 (``dating_collection.json``) are learned on train articles by
``scripts/train_collection_dating.py``.
"""
from __future__ import annotations

import calendar
import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

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
        estimate_from_clues,
        load_model,
        text_clues,
    )

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
        est = estimate_from_clues(text_clues(text) + [c for c, _, _ in story_clues], load_model())
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


def with_story_dates(documents: list[Document], annotations: dict[str, Annotations],
                     index: DatedKeys | None = None) -> dict[str, Annotations]:
    """The annotations of every article, those of undated articles that their story dates with
    their relative dates and events resolved against the estimate (``annotate.dating.apply_estimate``);
    what the story leaves undated is dated from the dated articles of ``index`` (the store's, which
    the link stage passes; default: the documents given)."""
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
    # what neither its words nor its story date: the dated articles that report the same things
    by_id = {d.id: d for d in documents}
    for doc_id, est in collection_estimates(documents, out, index=index).items():
        out[doc_id] = apply_estimate(by_id[doc_id].article.text, out[doc_id], est)
    return out


# -- from the dated articles of the whole store that report the same things ------------------------
#
# An undated article that neither its words nor its story date is dated from WHEN the store's dated
# articles report what it reports. Its keys (``profile_keys``: named participants, happenings and
# figures, and the phrases of its text) that at most ``max_df`` dated articles of the store carry
# each have a date profile: the dated articles carrying the key, smoothed by a kernel of ``bandwidth``
# days before each one's day and ``after_bandwidth`` days after it (reports follow what they tell,
# and words stay news a while after they were reported: an article written at the newest edge of the
# store, where every arrival stands, is not pulled back to the middle of its keys' last burst). Naive Bayes over the days those articles were written on: the writing day is the day where
# its keys, each weighted by how rare it is ((log(reference_n / df)) ** ``idf_power``), are most
# over-reported against the background of every dated article that shares a rare key with it (each
# weighing by its number of keys ** ``length_power``: a long round-up of the day's news carries many
# keys and no longer pulls every article towards its day), mixed in at ``alpha`` articles' worth. The
# keys' score counts per square root of their number (``key_scale``): a long article's many keys are
# no more independent witnesses than a short one's few, and its own clues (``annotate.dating``: the
# dates it names, partial ones too, "on Sept. 26", read in the years the profiles put forward) keep
# their say with weight ``own_weight``. The article stays undated when fewer than ``min_docs`` dated
# articles that share a key with it lie within 31 days of that day, or when a day more than a year
# away scores within ``min_gap`` of it (two eras fit).
#
# Everything an estimate reads is local to the article's own keys: their document frequencies and
# their dated carriers (id, date, number of keys). No figure of the store at large (its size, all its
# dates) enters, so the link stage keeps it exact incrementally: the store's index of keys
# (``dating_keys``, written at link time for the articles that arrive, migration 0006) names the
# undated articles that share a rare key with an arriving dated one, and only their stories are
# relinked (an undated article is no carrier and no count: its arrival changes no other estimate).
# The same estimator reads an in-memory index (``memory_index``) where no store is given (the
# evaluation, a list of documents): one code path. The numbers are learned on train articles
# (``scripts/train_collection_dating.py`` writes ``dating_collection.json``).

COLLECTION_PATH = Path(__file__).parent / "dating_collection.json"
_SPACE = re.compile(r"\s+")


class DatedKeys(Protocol):
    """What the store-wide dating reads (the store itself, or :class:`MemoryDatedKeys`)."""

    def dating_df(self, keys: Sequence[str]) -> dict[str, int]: ...  # dated articles carrying each key

    def dating_carriers(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str, int]]]: ...  # key ->
    # [(dated article, its stated day YYYY-MM-DD, its number of keys)], by article id


@dataclass
class MemoryDatedKeys:
    """The index of a collection held in memory (the documents given, or the evaluation's corpus)."""

    df: dict[str, int]
    carriers: dict[str, list[tuple[str, str, int]]]

    def dating_df(self, keys: Sequence[str]) -> dict[str, int]:
        return {k: self.df[k] for k in keys if k in self.df}

    def dating_carriers(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str, int]]]:
        return {k: list(self.carriers[k]) for k in keys if k in self.carriers}


def memory_index(keys_by_doc: dict[str, dict[str, int]], dated: dict[str, date]) -> MemoryDatedKeys:
    """The dating index of every article's keys (``profile_keys``), the ``dated`` ones with their day
    (only they count in a key's document frequency: an undated article dates no other)."""
    df: Counter[str] = Counter(k for doc_id in sorted(dated) for k in keys_by_doc.get(doc_id, ()))
    carriers: dict[str, list[tuple[str, str, int]]] = {}
    for doc_id in sorted(dated):
        keys = keys_by_doc.get(doc_id)
        for k in sorted(keys or ()):
            carriers.setdefault(k, []).append((doc_id, dated[doc_id].isoformat(), len(keys or ())))
    return MemoryDatedKeys(dict(df), carriers)


def stated_day(doc: Document) -> date | None:
    """The day an article states it was written (metadata or its text; never an estimate), if a day."""
    day = _dated(doc)
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def load_collection_params() -> dict:
    return json.loads(COLLECTION_PATH.read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    return _SPACE.sub(" ", s.strip().lower())


def article_keys(ann: Annotations) -> dict[str, int]:
    """What an article reports, as keys with how often it says them: ``e:`` a named participant
    (its entity key), ``v:`` a happening (event type and trigger lemma) with one of its participants,
    ``l:`` the happening's lemma alone, ``w:`` a content word of the happening's one-line summary
    (what was done to what: "prisoners", "ceasefire"), ``f:`` a figure (value and what it counts).
    Dates are no keys: only what happened is compared."""
    # the one content-word reader (stop words are data)
    from ..annotate.dating import _words

    keys: Counter[str] = Counter()
    for m in ann.entities:
        if m.key.strip():
            keys["e:" + _norm(m.key)] += 1
    for ev in ann.events:
        if ev.modality == "negated" or not ev.lemma:
            continue
        keys["l:" + ev.lemma] += 1
        for w in sorted(_words(ev.summary)):
            keys["w:" + w] += 1
        for p in ev.actors + ev.targets:
            if p.strip():
                keys[f"v:{ev.type}|{ev.lemma}|{_norm(p)}"] += 1
    for f in ann.figures:
        if f.subject.strip():
            keys[f"f:{f.value:g}|{_norm(f.subject)}"] += 1
    return dict(keys)


def profile_keys(ann: Annotations, text: str) -> dict[str, int]:
    """``article_keys`` and the phrases of the text (``annotate.dating.phrases``: ``b:`` two words in
    a row, ``c:`` three; once each). Phrases, not single words: on train articles they date 3.4 points
    more within 31 days (mean of leave-one-out and past only; ``scripts/train_collection_dating.py``)."""
    from ..annotate.dating import phrases  # the one reader of a text's words

    keys = dict(article_keys(ann))
    for ph in sorted(phrases(text)):
        keys[("c:" if ph.count(" ") == 2 else "b:") + ph] = 1
    return keys


def _readable(key: str) -> str:
    kind, rest = key.split(":", 1)
    if kind == "v":
        typ, lemma, who = rest.split("|", 2)
        return f"{who} — {lemma} ({typ})"
    if kind == "f":
        return rest.replace("|", " ", 1)
    if kind == "l":
        return f"a happening: {rest}"
    return rest


def collection_estimates(documents: list[Document], annotations: dict[str, Annotations],
                         params: dict | None = None, index: DatedKeys | None = None) -> dict[str, DateEstimate]:
    """Estimates for the articles with no stated date and no estimate of their own, from the dated
    articles of ``index`` (the store's; default: an index of the documents given) that report what
    they report (see above)."""
    from ..annotate.dating import text_clues

    params = params or load_collection_params()
    docs = sorted(documents, key=lambda d: (d.seq, d.id))
    undated = [d for d in docs if d.id in annotations and not _dated(d) and not annotations[d.id].dating
               and not d.article.published]
    if not undated:
        return {}
    if index is None:
        keys = {d.id: profile_keys(annotations[d.id], d.article.text) for d in docs if d.id in annotations}
        index = memory_index(keys, {d.id: day for d in docs if d.id in keys and (day := stated_day(d))})
    out: dict[str, DateEstimate] = {}
    for d in undated:
        est = profile_estimate(d.id, profile_keys(annotations[d.id], d.article.text), index, params,
                               lambda d=d: text_clues(d.article.text))
        if est is not None:
            out[d.id] = est
    return out


def profile_estimate(doc_id: str, keys: dict[str, int], index: DatedKeys, params: dict,
                     own: Callable[[], list] | None = None) -> DateEstimate | None:
    """The writing date of ``doc_id`` (its ``keys``: ``profile_keys``) from the date profiles of its
    rare keys in ``index`` (see above) and, weighed by ``own_weight``, the clues of its own words
    (``own()``: ``annotate.dating.text_clues``, read only when a key has a profile; the dates it
    names, partial ones too, read in the years the profiles put forward); None where the evidence is
    thin or fits two eras. A dated ``doc_id`` counts without its own date (never its own carrier)."""
    import numpy as np

    p = params
    df = index.dating_df(sorted(keys))
    got = index.dating_carriers([k for k in sorted(keys) if 0 < df.get(k, 0) <= p["max_df"] + 1])
    by_key: dict[str, list[tuple[str, date, int]]] = {}
    for k in sorted(got):
        cs = sorted((d, date.fromisoformat(day), n) for d, day, n in got[k] if d != doc_id)
        if len(cs) < df[k]:  # a dated doc_id counts without its date: as the undated article it stands for
            df[k] = len(cs)
        if cs and df[k] <= p["max_df"]:
            by_key[k] = cs
    if not by_key:
        return None
    carriers = {d: (day, n) for cs in by_key.values() for d, day, n in cs}
    grid = np.array(sorted({day.toordinal() for day, _ in carriers.values()}), dtype=float)
    bandwidth = float(p["bandwidth"])
    after = float(p.get("after_bandwidth") or bandwidth)  # how long after a report its words stay news
    rows = {d: _kernel(grid - carriers[d][0].toordinal(), bandwidth, after) for d in sorted(carriers)}
    power = p.get("length_power", 0.0)
    mass = {d: float(carriers[d][1]) ** power if power else 1.0 for d in sorted(carriers)}
    bg = np.zeros(len(grid))
    for d in sorted(carriers):
        bg = bg + mass[d] * rows[d]
    bg = bg / math.fsum(mass[d] for d in sorted(carriers))
    alpha = p["alpha"]
    total = np.zeros(len(grid))
    parts: list[tuple[str, Any]] = []
    for k in sorted(by_key):
        prof = np.zeros(len(grid))
        for d, _, _ in by_key[k]:
            prof = prof + rows[d]
        n = len(by_key[k])
        ratio = np.log((prof + alpha * bg) / ((n + alpha) * bg))
        weight = max(math.log(p["reference_n"] / df[k]), 0.0) ** p["idf_power"]
        if p.get("burst_days") and n > 1:  # a key whose carriers spread over the months says less
            weight = weight / (1.0 + _spread(by_key[k]) / p["burst_days"])
        part = (1.0 + math.log(keys[k])) * weight * ratio
        total = total + part
        parts.append((k, part))
    if p.get("key_scale"):
        total = total * (p["key_scale"] / math.sqrt(len(parts)))
    cs = own() if own is not None and p.get("own_weight", 0.0) > 0 else None
    if cs:
        from ..annotate.dating import load_model, log_likelihood  # the one estimator's clue densities

        days = [date.fromordinal(int(g)) for g in grid]
        total = total + p["own_weight"] * np.array(log_likelihood(cs, days, load_model()))
    best = int(np.argmax(total))
    day0 = grid[best]
    far = np.abs(grid - day0) > 365
    if far.any() and total[best] - total[far].max() <= p["min_gap"]:
        return None  # another era fits about as well
    point = date.fromordinal(int(day0))
    # the evidence: the keys that pin the day most, each with its dated articles near the day
    ranked = sorted(((-float(part[best]), k) for k, part in parts if part[best] > 0))
    support: dict[str, tuple[date, list[str]]] = {}
    for _, k in ranked:
        for d, day, _ in by_key[k]:
            if abs((day - point).days) <= 31:
                support.setdefault(d, (day, []))[1].append(k)
    if len(support) < p["min_docs"]:
        return None
    near = sorted(support.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))[: p.get("evidence", 6)]
    lo = min(point, *(day for _, (day, _) in near))
    hi = max(point, *(day for _, (day, _) in near))
    gran = "month" if (hi - lo).days <= 62 else "year"
    value = f"{point.year:04d}-{point.month:02d}" if gran == "month" else f"{point.year:04d}"
    share = len(support) / len(carriers)
    said = {d: list(dict.fromkeys(_readable(k) for k in ks)) for d, (_, ks) in near}  # a name and its words once
    evidence = [{"kind": "collection", "document_id": d, "other_date": day.isoformat(),
                 "shared": said[d][:6], "text": ", ".join(said[d][:3]),
                 "sentence": f"reports, as {d} (dated {day.isoformat()}) does, what was reported around then"}
                for d, (day, ks) in near]
    return DateEstimate(lo.isoformat(), hi.isoformat(), gran, value, point.isoformat(), round(share, 4),
                        evidence, source="story")


def _kernel(days: Any, before: float, after: float) -> Any:
    """The weight of a report on the days ``days`` after it (negative: before it): falling by e
    every ``before`` days before it and every ``after`` days after it."""
    import numpy as np

    return np.where(days < 0, np.exp(np.minimum(days, 0) / before), np.exp(-np.maximum(days, 0) / after))


def _spread(carriers: list[tuple[str, date, int]]) -> float:
    """How far a key's dated carriers lie from their median day: the median of the distances, in days."""
    days = [day.toordinal() for _, day, _ in carriers]
    mid = statistics.median(days)
    return float(statistics.median(abs(x - mid) for x in days))


def update_index(store: Any, doc_ids: Sequence[str], params: dict | None = None) -> list[str]:
    """Write the keys (``profile_keys``) and stated days of the given new or changed documents into
    the store's dating index, 500 at a time, and return the stories of the undated articles whose
    estimate they may change: those carrying a key that a dated one of them carries (or carried)
    and at most ``max_df`` + 1 dated articles now carry (the one more: a key that has just ceased
    to be rare). An undated article changes no other's estimate: it is no carrier and no count."""
    params = params or load_collection_params()
    ids = sorted(doc_ids)
    stories: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        anns = store.annotations_many(chunk)
        rows, changed = [], set()
        for doc_id in chunk:
            doc = store.document(doc_id)
            if doc is None:
                continue
            keys = profile_keys(anns[doc_id], doc.article.text) if doc_id in anns else {}
            day = stated_day(doc)
            rows.append((doc_id, day.isoformat() if day else None, sorted(keys)))
            if day:
                changed.update(keys)
        for old_day, old in store.replace_dating_keys(rows).values():
            if old_day:
                changed.update(old)
        df = store.dating_df(sorted(changed))
        stories.update(store.dating_undated_stories([k for k in sorted(changed) if df.get(k, 0) <= params["max_df"] + 1]))
    return sorted(stories)
