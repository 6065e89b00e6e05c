"""Score TimeML event detection on TBAQ-cleaned (TimeBank + AQUAINT), as TempEval-3 Task B does:
a system event matches a gold one *relaxed* when their extents overlap, *strict* when they are
equal; class is scored on relaxed matches (class F1 = F1 of matches with the same class).

Split: the detector was trained on the ``train`` documents only (see storyline.eval.timeml: a
document is held out when sha1 of its file stem starts with a byte < 52; 41 of 256 files), and on
TempEval-3's silver data (scripts/train_events.py); the ``dev`` figures are the held-out ones. TE3's
platinum test set is not in the bench: give its folder as ``--corpus`` (split ``test``).

Also measured here: tense, aspect and polarity of matched events against MAKEINSTANCE, and the time
anchoring of events against TBAQ's event-TIMEX TLINKs (share of events with a gold TLINK to a time
expression of the text that get that time expression).
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .timeml import TimeMLDoc, load

REFERENCE = {"ATT-1 (TE3 platinum)": 0.81, "TIPSem (TE3 platinum)": 0.83}


def parsed(docs: list[TimeMLDoc], cache: Path | None = None) -> list:
    """spaCy Docs of the texts, in order; kept as DocBin files under ``cache`` when given."""
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import PARSE_VERSION, get_nlp

    nlp = get_nlp()
    out: list = [None] * len(docs)
    todo = []
    for i, d in enumerate(docs):
        path = None
        if cache is not None:
            key = hashlib.sha1((PARSE_VERSION + "\0" + d.text).encode()).hexdigest()[:16]
            path = Path(cache) / f"{d.name}-{key}.spacy"
            if path.exists():
                out[i] = next(iter(DocBin().from_disk(path).get_docs(nlp.vocab)))
                continue
        todo.append((i, path))
    for (i, path), doc in zip(todo, nlp.pipe(docs[i].text for i, _ in todo)):
        out[i] = doc
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(store_user_data=False, docs=[doc]).to_disk(path)
    return out


def gold_tokens(doc, gold: TimeMLDoc) -> dict[int, str]:
    """token index -> gold class, each gold EVENT on the token holding its first character."""
    starts = {t.idx: t.i for t in doc}
    out = {}
    for e in gold.events:
        i = starts.get(e.start)
        if i is None:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            i = span.root.i
        out[i] = e.cls
    return out


@dataclass
class Counts:
    gold: int = 0
    sys: int = 0
    relaxed: int = 0
    strict: int = 0
    cls: int = 0

    def add(self, o: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))


def f1(hit: int, sys: int, gold: int) -> float:
    p = hit / sys if sys else 0.0
    r = hit / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(doc, gold: TimeMLDoc, found: list[tuple[int, str]], errors: Counter | None = None) -> Counts:
    c = Counts(gold=len(gold.events), sys=len(found))
    spans = [(doc[i].idx, doc[i].idx + len(doc[i].text), cls, i) for i, cls in found]
    used = set()
    for g in gold.events:
        best = None
        for k, (s, e, _, _) in enumerate(spans):
            if k in used or e <= g.start or s >= g.end:
                continue
            if best is None or (s, e) == (g.start, g.end):
                best = k
        if best is None:
            if errors is not None:
                errors["missed " + g.text.lower()] += 1
            continue
        used.add(best)
        s, e, cls, _ = spans[best]
        c.relaxed += 1
        c.strict += (s, e) == (g.start, g.end)
        c.cls += cls == g.cls
    if errors is not None:
        for k, (_, _, _, i) in enumerate(spans):
            if k not in used:
                errors["spurious " + doc[i].lower_] += 1
    return c


def evaluate(golds: list[TimeMLDoc], docs: Iterable) -> tuple[dict[str, Counts], Counter]:
    from storyline.annotate.event_detect import detect

    per: dict[str, Counts] = defaultdict(Counts)
    errors: Counter = Counter()
    for g, doc in zip(golds, docs):
        c = score(doc, g, detect(doc), errors if g.split == "dev" else None)
        per[g.split].add(c)
        per[f"{g.split} {g.part}"].add(c)
    return dict(per), errors


def cache_dir() -> Path | None:
    """Where parses are kept between runs: $STORYLINE_PARSE_CACHE, when set."""
    import os

    v = os.environ.get("STORYLINE_PARSE_CACHE")
    return Path(v) if v else None


ANCHOR_RELS = {"IS_INCLUDED", "INCLUDES", "DURING", "DURING_INV", "SIMULTANEOUS", "BEGINS", "ENDS",
               "BEGUN_BY", "ENDED_BY", "IDENTITY"}


# a time expression that starts, ends or lies before/after the event bounds it: no date of the event
BOUND_RELS = {"BEFORE", "AFTER", "IBEFORE", "IAFTER", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY"}


@dataclass
class Attrs:
    matched: int = 0
    tense: int = 0
    aspect: int = 0
    polarity: int = 0
    anchored_gold: int = 0  # gold events with an anchoring TLINK to a DATE/TIME of the text
    anchored_found: int = 0  # ... that we date from that time expression
    anchored_sys: int = 0  # our events dated from a time expression of the sentence
    anchored_sys_right: int = 0  # ... whose gold TLINK (any) goes to that time expression
    anchored_sys_bound: int = 0  # ... whose gold TLINK there says the time bounds it, not dates it

    def add(self, o: Attrs) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))


def attributes(gold: TimeMLDoc, doc) -> Attrs:
    """Tense, aspect and polarity of our mentions on gold events (MAKEINSTANCE), and time
    anchoring against the event-TIMEX TLINKs."""
    from storyline.annotate.entities import extract_entities
    from storyline.annotate.events import extract_events
    from storyline.annotate.figures import extract_figures
    from storyline.annotate.timex import tag

    timexes = tag(gold.text, gold.dct)
    mentions = extract_events(doc, extract_entities(doc), timexes, extract_figures(doc, timexes), gold.dct)
    at = {m.trigger_start: m for m in mentions}
    a = Attrs()
    times = {t.tid: t for t in gold.times}
    links: dict[str, set[str]] = defaultdict(set)
    anchors: dict[str, set[str]] = defaultdict(set)
    rels: dict[tuple[str, str], str] = {}
    for eid, tid, rel in gold.event_time_links:
        links[eid].add(tid)
        rels[(eid, tid)] = rel
        if rel in ANCHOR_RELS and times[tid].type in ("DATE", "TIME"):
            anchors[eid].add(tid)
    by_start = {e.start: e for e in gold.events}
    for g in gold.events:
        m = at.get(g.start)
        if m is not None:
            a.matched += 1
            a.tense += m.tense == g.tense
            a.aspect += m.aspect == g.aspect
            a.polarity += m.polarity == g.polarity
        if anchors.get(g.eid):
            a.anchored_gold += 1
            if m is not None and m.date_from in ("sentence", "related-event") and m.date is not None and any(
                    times[t].start < m.date.end and m.date.start < times[t].end for t in anchors[g.eid]):
                a.anchored_found += 1
    for m in mentions:
        if m.date_from in ("sentence", "related-event") and m.date is not None:
            a.anchored_sys += 1
            g = by_start.get(m.trigger_start)
            hit = [t for t in links.get(g.eid, ()) if times[t].start < m.date.end and m.date.start < times[t].end] \
                if g is not None else []
            if hit:
                a.anchored_sys_right += 1
                a.anchored_sys_bound += all(rels[(g.eid, t)] in BOUND_RELS for t in hit)
    return a


def run(corpus: Path, console: Console, limit: int | None = None, cache: Path | None = None) -> dict[str, float]:
    cache = cache or cache_dir()
    golds = load(Path(corpus), limit)
    docs = parsed(golds, cache)
    per, errors = evaluate(golds, docs)
    attrs: dict[str, Attrs] = defaultdict(Attrs)
    for g, doc in zip(golds, docs):
        attrs[g.split].add(attributes(g, doc))
    table = Table(title=f"TimeML events on {Path(corpus).name} ({len(golds)} docs; dev = held out from training; "
                        "test = a test set, such as te3-platinum)")
    for col in ("split", "gold", "sys", "relaxed P", "relaxed R", "relaxed F1", "strict F1", "class F1"):
        table.add_column(col, justify="right")
    out: dict[str, float] = {}
    for key in ("train", "train TimeBank", "train AQUAINT", "dev", "dev TimeBank", "dev AQUAINT", "test"):
        if key not in per:
            continue
        c = per[key]
        p = c.relaxed / c.sys if c.sys else 0.0
        r = c.relaxed / c.gold if c.gold else 0.0
        row = {"relaxed_f1": f1(c.relaxed, c.sys, c.gold), "strict_f1": f1(c.strict, c.sys, c.gold),
               "class_f1": f1(c.cls, c.sys, c.gold)}
        table.add_row(key, str(c.gold), str(c.sys), f"{100 * p:.2f}", f"{100 * r:.2f}",
                      *(f"{100 * row[k]:.2f}" for k in ("relaxed_f1", "strict_f1", "class_f1")))
        if " " not in key:
            out.update({f"{key}_{k}": round(v, 4) for k, v in row.items()})
    for name, v in REFERENCE.items():
        table.add_row(name, "", "", "", "", "", f"{100 * v:.2f}", "")
    console.print(table)
    at = Table(title="tense / aspect / polarity (on gold events we found) and time anchoring (TLINK event-timex)")
    for col in ("split", "matched", "tense acc", "aspect acc", "polarity acc", "gold anchored", "we give that time",
                "we date from a timex", "gold links it", "as a bound"):
        at.add_column(col, justify="right")
    for key in ("train", "dev", "test"):
        a = attrs.get(key)
        if a is None or not a.matched:
            continue
        row = {"tense_accuracy": a.tense / a.matched, "aspect_accuracy": a.aspect / a.matched,
               "polarity_accuracy": a.polarity / a.matched,
               "anchor_recall": a.anchored_found / a.anchored_gold if a.anchored_gold else 0.0,
               "anchor_precision": a.anchored_sys_right / a.anchored_sys if a.anchored_sys else 0.0,
               "anchor_bound": a.anchored_sys_bound / a.anchored_sys_right if a.anchored_sys_right else 0.0}
        at.add_row(key, str(a.matched), *(f"{100 * row[k]:.1f}" for k in ("tense_accuracy", "aspect_accuracy", "polarity_accuracy")),
                   str(a.anchored_gold), f"{100 * row['anchor_recall']:.1f}", str(a.anchored_sys),
                   f"{100 * row['anchor_precision']:.1f}", f"{100 * row['anchor_bound']:.1f}")
        out.update({f"{key}_{k}": round(v, 4) for k, v in row.items()})
    console.print(at)
    et = Table(title="dev errors (most frequent)")
    et.add_column("error")
    et.add_column("n", justify="right")
    for k, n in errors.most_common(20):
        et.add_row(k, str(n))
    console.print(et)
    return out
