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

``collection_estimates(documents, annotations)`` then dates what neither its words nor its story
date, from the dated articles of the whole collection (see the two comment blocks below):

3. **When what it reports was reported**: the date profiles of its rare keys (names, happenings,
   content words), with its own partial dates read in the years they put forward. As shipped
   (``profile.first``) it comes first and 4 dates only what it leaves undated; without ``first``,
   the reverse;
4. **Dated articles that report the same things**: at least two of its most similar dated articles
   (TF-IDF over participants, happenings and figures) that agree within ``window`` days.

``with_story_dates`` applies both in that order (story, then collection). Pure functions over the
documents and annotations given; nothing is written. The estimate has ``source == "story"`` and
its evidence names the other articles (``document_id``). Stages 1 and 2 are hand-written; the
parameters of 3 and 4 (``dating_collection.json``) are learned on train articles by
``scripts/train_collection_dating.py``.
"""
from __future__ import annotations

import calendar
import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    # what neither its words nor its story date: the dated articles that report the same things
    by_id = {d.id: d for d in documents}
    for doc_id, est in collection_estimates(documents, out).items():
        out[doc_id] = apply_estimate(by_id[doc_id].article.text, out[doc_id], est)
    return out


# -- from the dated articles that report the same things -------------------------------------------
#
# An undated article that no copy and no shared dated happening dates is dated from the DATED
# articles of the collection it shares the most with: the same named participants (entity keys),
# the same happenings (event lemma and type with a participant; the lemma; the words of the event's
# summary) and the same figures, each weighted by how often the article says it and how rare it is
# in the collection (TF-IDF cosine). Candidates come from an inverted index over the rare
# keys only (blocking: no comparison of all pairs). Of its ``k`` most similar dated articles above
# ``min_similarity``, the window of ``window`` days holding the most similarity must hold at least
# ``min_share`` of it and at least two of them (the neighbours agree), else this stage leaves the
# article undated (for the key date profiles below, or undated). The thresholds are
# learned on train articles (``scripts/train_collection_dating.py`` writes
# ``dating_collection.json``; ``storyline eval dating --with-collection`` measures them).

COLLECTION_PATH = Path(__file__).parent / "dating_collection.json"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Neighbour:
    """A dated article that reports what an undated one reports."""

    document_id: str
    day: date  # its stated date
    similarity: float
    shared: tuple[str, ...]  # the keys they share, rarest first


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


def idf(keys_by_doc: dict[str, dict[str, int]]) -> dict[str, float]:
    """log(N / df) of every key over the collection (dated and undated articles alike)."""
    df: dict[str, int] = {}
    for keys in keys_by_doc.values():
        for k in keys:
            df[k] = df.get(k, 0) + 1
    n = len(keys_by_doc)
    return {k: math.log(n / c) for k, c in df.items()}


@dataclass
class DatedIndex:
    """The dated articles of a collection, by their rare keys (the blocking index)."""

    keys: dict[str, dict[str, int]]  # every article's keys and their counts (dated or not)
    weight: dict[str, float]  # idf
    dated: dict[str, date]  # document id -> stated date
    postings: dict[str, list[str]]  # rare key -> dated document ids (sorted)
    norms: dict[str, float]

    def vector(self, doc_id: str) -> dict[str, float]:
        """(1 + log count) x idf of each key of the article."""
        return {k: (1.0 + math.log(c)) * self.weight[k] for k, c in self.keys[doc_id].items()}


def build_index(keys_by_doc: dict[str, dict[str, int]], dated: dict[str, date], params: dict) -> DatedIndex:
    w = idf(keys_by_doc)
    n = len(keys_by_doc)
    max_df = max(params.get("block_min_df", 5), int(params.get("block_df_share", 0.02) * n))
    min_w = math.log(n / max_df) if n else 0.0
    postings: dict[str, list[str]] = {}
    for doc_id in sorted(dated):
        for k in sorted(keys_by_doc.get(doc_id, {})):
            if w[k] >= min_w:
                postings.setdefault(k, []).append(doc_id)
    index = DatedIndex(keys_by_doc, w, dated, postings, {})
    index.norms = {d: math.sqrt(sum(x * x for _, x in sorted(index.vector(d).items()))) for d in sorted(keys_by_doc)}
    return index


def neighbours(doc_id: str, index: DatedIndex, params: dict, exclude: frozenset[str] = frozenset()) -> list[Neighbour]:
    """The dated articles most like ``doc_id`` (cosine over IDF-weighted keys), best first (ties:
    by id); candidates only those sharing a rare key with it."""
    mine = index.keys.get(doc_id, {})
    cands = sorted({c for k in mine for c in index.postings.get(k, ()) if c != doc_id and c not in exclude})
    w, out = index.weight, []
    vec = index.vector(doc_id)
    for c in cands:
        denom = index.norms[doc_id] * index.norms[c]
        if not denom:
            continue
        other = index.vector(c)
        shared = sorted(vec.keys() & other.keys())  # summed in one order: the same float whatever the hash seed
        sim = sum(vec[k] * other[k] for k in shared) / denom
        if sim >= params["min_similarity"]:
            out.append(Neighbour(c, index.dated[c], sim, tuple(sorted(shared, key=lambda k: (-w[k], k)))))
    out.sort(key=lambda n: (-n.similarity, n.document_id))
    return out[: params["k"]]


def combine(near: list[Neighbour], params: dict) -> tuple[list[Neighbour], float] | None:
    """The neighbours that agree (the ``window`` days holding the most similarity) and the share of
    the similarity they hold; None when they disagree (share under ``min_share``) or fewer than
    ``min_agree`` (2) agree."""
    if not near:
        return None
    total = sum(n.similarity for n in near)
    by_day = sorted(near, key=lambda n: (n.day, n.document_id))
    best: tuple[float, int, int] = (-1.0, 0, 0)
    j = 0
    for i in range(len(by_day)):
        while (by_day[i].day - by_day[j].day).days > params["window"]:
            j += 1
        held = sum(n.similarity for n in by_day[j: i + 1])
        if held > best[0] + 1e-12:
            best = (held, j, i)
    held, j, i = best
    share = held / total
    if share < params["min_share"] or i - j + 1 < params.get("min_agree", 2):
        return None  # they disagree, or one alone: one article cannot show agreement
    return by_day[j: i + 1], share


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


def neighbour_estimate(agree: list[Neighbour], share: float) -> DateEstimate:
    """A range over the agreeing neighbours' dates, its point their similarity-weighted median, at
    the granularity the range supports; the evidence names each neighbour and what it shares."""
    days = sorted(agree, key=lambda n: (n.day, n.document_id))
    half, acc, point = sum(n.similarity for n in days) / 2, 0.0, days[-1].day
    for n in days:
        acc += n.similarity
        if acc >= half:
            point = n.day
            break
    lo, hi = days[0].day, days[-1].day
    width = (hi - lo).days
    if width == 0:
        gran, value = "day", point.isoformat()
    elif width <= 31:
        gran, value = "month", f"{point.year:04d}-{point.month:02d}"
    else:
        gran, value = "year", f"{point.year:04d}"
    evidence = [{"kind": "collection", "document_id": n.document_id, "other_date": n.day.isoformat(),
                 "similarity": round(n.similarity, 4), "shared": [_readable(k) for k in n.shared[:6]],
                 "text": ", ".join(_readable(k) for k in n.shared[:3]),
                 "sentence": f"reports what {n.document_id} (dated {n.day.isoformat()}) reports"}
                for n in sorted(agree, key=lambda n: (-n.similarity, n.document_id))]
    return DateEstimate(lo.isoformat(), hi.isoformat(), gran, value, point.isoformat(), round(share, 4),
                        evidence, source="story")


def collection_estimates(documents: list[Document], annotations: dict[str, Annotations],
                         params: dict | None = None) -> dict[str, DateEstimate]:
    """Estimates for the articles with no stated date and no estimate of their own, from the dated
    articles of the collection they share the most with (see above)."""
    params = params or load_collection_params()
    docs = sorted(documents, key=lambda d: (d.seq, d.id))
    keys = {d.id: article_keys(annotations[d.id]) for d in docs if d.id in annotations}
    dated: dict[str, date] = {}
    for d in docs:
        if (day := _dated(d)) and d.id in keys:
            try:
                dated[d.id] = date.fromisoformat(day)
            except ValueError:
                continue
    undated = [d for d in docs if d.id in keys and d.id not in dated and not annotations[d.id].dating
               and not d.article.published]
    if not undated or not dated:
        return {}
    index = build_index(keys, dated, params)
    out: dict[str, DateEstimate] = {}
    prof = params.get("profile")
    profiles = None
    if prof is not None:
        texts = {d.id: d.article.text for d in docs}
        profiles = build_profile_index({i: profile_keys(annotations[i], texts[i]) for i in sorted(keys)}, dated, params)

    def by_profile(d: Document) -> DateEstimate | None:
        from ..annotate.dating import text_clues

        return profile_estimate(d.id, profiles, params, lambda: text_clues(texts[d.id]))

    for d in undated:
        est = staged_estimate(params, lambda d=d: neighbours(d.id, index, params),
                              (lambda d=d: by_profile(d)) if prof is not None else None)
        if est is not None:
            out[d.id] = est
    return out


def staged_estimate(params: dict, near: Callable[[], list[Neighbour]],
                    by_profile: Callable[[], DateEstimate | None] | None = None) -> DateEstimate | None:
    """One undated article's estimate from the collection: from its agreeing neighbours (``near()``,
    asked only when needed) and, given ``by_profile`` (``params`` has a ``profile``), from the date
    profiles of its keys: first when the profile says ``first``, else for what the neighbours leave
    undated. The one order of the stages, for ``collection_estimates`` and the evaluation."""
    first = by_profile is not None and params["profile"].get("first")
    est = by_profile() if first else None
    if est is None and (got := combine(near(), params)) is not None:
        est = neighbour_estimate(*got)
    if est is None and by_profile is not None and not first:
        est = by_profile()  # what no agreeing neighbours date: the keys' date profiles
    return est


# -- second stage: when each thing the article reports was reported (key date profiles) -----------
#
# An undated article is also dated from WHEN the collection's dated articles report each thing it
# reports (before the neighbours above with ``first``, as shipped; else for what they leave
# undated): every key of the article (its ``article_keys`` and the content words of its text, ``t:``) that no more than
# ``max_df_share`` of the articles carry has a date profile, the dated articles carrying it smoothed
# by a kernel of ``bandwidth`` days and mixed with the profile of all dated articles (``alpha``
# articles' worth). Naive Bayes over the days the collection has dated articles on: the article's
# writing day is the day where its keys, each weighted by how rare it is (idf ** ``idf_power``), are
# most over-reported against the collection at large. A word reported all year long says nothing;
# a name or a word reported in one fortnight ("Tulsa", "deplorables") pins it. The article stays
# undated when fewer than ``min_docs`` dated articles that share a key with it lie within 31 days of
# that day, or when a day more than a year away scores within ``min_gap`` of it (two eras fit).
# The article's own clues (``annotate.dating``: the dates it names, partial ones too, "on Sept. 26",
# read in the years the profiles put forward) join the keys with weight ``own_weight``. With
# ``first`` the profiles date every undated article they can, the neighbours only the rest.
# The numbers are learned on train articles (``scripts/train_collection_dating.py``, key ``profile``
# of ``dating_collection.json``).

def profile_keys(ann: Annotations, text: str) -> dict[str, int]:
    """``article_keys`` and the content words of the text (``t:``, once each)."""
    from ..annotate.dating import _words  # the one content-word reader

    keys = dict(article_keys(ann))
    for w in sorted(_words(text)):
        keys["t:" + w] = 1
    return keys


@dataclass
class ProfileIndex:
    """The date profiles of a collection's keys (built once; a key's profile is summed lazily)."""

    keys: dict[str, dict[str, int]]  # every article's keys (dated or not)
    weight: dict[str, float]  # idf ** idf_power of the keys rare enough to have a profile
    dated: dict[str, date]
    postings: dict[str, list[str]]  # key -> dated articles carrying it (sorted)
    grid: Any  # np.ndarray of day ordinals: the days the collection has dated articles on
    background: Any  # np.ndarray: profile of all dated articles over the grid, per article
    bandwidth: float
    _cache: dict[str, Any]

    def row(self, day: date) -> Any:
        import numpy as np

        return np.exp(-np.abs(self.grid - day.toordinal()) / self.bandwidth)

    def profile(self, key: str) -> Any:
        """The kernel-smoothed count of the dated articles carrying ``key``, over the grid."""
        got = self._cache.get(key)
        if got is None:
            import numpy as np

            got = np.zeros(len(self.grid))
            for d in self.postings[key]:
                got = got + self.row(self.dated[d])
            self._cache[key] = got
        return got


def build_profile_index(keys_by_doc: dict[str, dict[str, int]], dated: dict[str, date], params: dict) -> ProfileIndex:
    import numpy as np

    p = params["profile"]
    n = len(keys_by_doc)
    w = idf(keys_by_doc)
    max_df = p["max_df_share"] * n
    df: Counter[str] = Counter(k for keys in keys_by_doc.values() for k in keys)
    postings: dict[str, list[str]] = {}
    for doc_id in sorted(dated):
        for k in sorted(keys_by_doc.get(doc_id, {})):
            if df[k] <= max_df:
                postings.setdefault(k, []).append(doc_id)
    grid = np.array(sorted({d.toordinal() for d in dated.values()}), dtype=float)
    index = ProfileIndex(keys_by_doc, {k: w[k] ** p["idf_power"] for k in sorted(postings)}, dated, postings,
                         grid, np.zeros(len(grid)), float(p["bandwidth"]), {})
    days = Counter(dated.values())
    for day in sorted(days):
        index.background = index.background + days[day] * index.row(day)
    if dated:
        index.background = index.background / len(dated)
    return index


def profile_estimate(doc_id: str, index: ProfileIndex, params: dict,
                     own: Callable[[], list] | None = None) -> DateEstimate | None:
    """The writing date of ``doc_id`` from the date profiles of its keys (see above) and, weighed
    by ``own_weight``, the clues of its own words (``own()``: ``annotate.dating.text_clues``, read
    only when a key has a profile and ``own_weight`` is set; the dates it names, partial ones too,
    "on Sept. 26" read in the years the profiles put forward); None where the evidence is thin or
    fits two eras. A dated ``doc_id`` counts without its own date."""
    import numpy as np

    p = params["profile"]
    floor = p.get("min_log_ratio")
    if not len(index.grid):
        return None
    alpha, bg = p["alpha"], index.background
    mine = index.keys.get(doc_id, {})
    own_day = index.dated.get(doc_id)
    total = np.zeros(len(index.grid))
    parts: list[tuple[str, Any]] = []
    for k in sorted(mine):
        if k not in index.postings:
            continue
        prof, n = index.profile(k), len(index.postings[k])
        if own_day is not None and doc_id in index.postings[k]:
            prof, n = prof - index.row(own_day), n - 1
        if n <= 0:
            continue
        ratio = np.log((prof + alpha * bg) / ((n + alpha) * bg))
        if floor is not None:  # a key not reported around a day counts against it only so much
            ratio = np.maximum(ratio, floor)
        part = (1.0 + math.log(mine[k])) * index.weight[k] * ratio
        total = total + part
        parts.append((k, part))
    if not parts:
        return None
    cs = own() if own is not None and p.get("own_weight", 0.0) > 0 else None
    if cs:
        from ..annotate.dating import load_model, log_likelihood  # the one estimator's clue densities

        days = [date.fromordinal(int(g)) for g in index.grid]
        total = total + p["own_weight"] * np.array(log_likelihood(cs, days, load_model()))
    best = int(np.argmax(total))
    day0 = index.grid[best]
    far = np.abs(index.grid - day0) > 365
    if far.any() and total[best] - total[far].max() <= p["min_gap"]:
        return None  # another era fits about as well
    point = date.fromordinal(int(day0))
    # the evidence: the keys that pin the day most, each with its dated article nearest to the day
    ranked = sorted(((-float(part[best]), k) for k, part in parts if part[best] > 0))
    support: dict[str, tuple[date, list[str]]] = {}
    for _, k in ranked:
        for d in index.postings[k]:
            if d != doc_id and abs((index.dated[d] - point).days) <= 31:
                support.setdefault(d, (index.dated[d], []))[1].append(k)
    if len(support) < p["min_docs"]:
        return None
    near = sorted(support.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))[: p.get("evidence", 6)]
    lo = min(point, *(day for _, (day, _) in near))
    hi = max(point, *(day for _, (day, _) in near))
    gran = "month" if (hi - lo).days <= 62 else "year"
    value = f"{point.year:04d}-{point.month:02d}" if gran == "month" else f"{point.year:04d}"
    carriers = {d for k, _ in parts for d in index.postings[k]} - {doc_id}  # every dated article sharing a key
    share = len(support) / (len(carriers) or 1)
    said = {d: list(dict.fromkeys(_readable(k) for k in ks)) for d, (_, ks) in near}  # a name and its words once
    evidence = [{"kind": "collection", "document_id": d, "other_date": day.isoformat(),
                 "shared": said[d][:6], "text": ", ".join(said[d][:3]),
                 "sentence": f"reports, as {d} (dated {day.isoformat()}) does, what was reported around then"}
                for d, (day, ks) in near]
    return DateEstimate(lo.isoformat(), hi.isoformat(), gran, value, point.isoformat(), round(share, 4),
                        evidence, source="story")
