"""Score the TIMEX3 tagger on TempEval-3 TimeML (TBAQ-cleaned: TimeBank + AQUAINT).

Measures as in the TempEval-3 task paper (UzZaman et al., SemEval-2013): a system timex matches a
gold one *relaxed* when their extents overlap, *strict* when the extents are equal; value and type
are scored on relaxed matches, so value F1 = F1 of (relaxed match with the same value). The text
scored is the TEXT element only; the DCT is given to the tagger as the publication date.

Splits: the rules were first tuned on TimeBank with AQUAINT held out; since then errors on both
(TempEval-3's training data) have been studied, so neither is held out any more. The held-out
judges are the TE3 platinum test set and Wikinews, which are not in the bench.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from storyline.annotate.timex import tag

from .timeml import GoldTime, read

REFERENCE = {  # TE3 platinum test set, TempEval-3 task paper
    "HeidelTime": (90.30, 81.34, 77.61),
    "SUTime": (90.32, 79.57, 67.38),
}

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class TmlDoc:
    name: str
    split: str
    dct: str
    text: str
    timexes: list[GoldTime] = field(default_factory=list)


def read_tml(path: Path, split: str) -> TmlDoc:
    """The TEXT of a TimeML file as plain text, with its gold TIMEX3 offsets and DCT value (read by
    the one TimeML reader, :func:`storyline.eval.timeml.read`)."""
    doc = read(path, split)
    return TmlDoc(path.stem, split, doc.dct, doc.text, list(doc.times))


def load(corpus: Path, limit: int | None = None) -> list[TmlDoc]:
    docs = []
    for split in ("TimeBank", "AQUAINT"):
        files = sorted((corpus / split).glob("*.tml"))
        if limit:
            files = files[:limit]
        docs.extend(read_tml(f, split) for f in files)
    return docs


@dataclass
class Counts:
    gold: int = 0
    sys: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add(self, o: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @staticmethod
    def f1(hit: int, sys: int, gold: int) -> tuple[float, float, float]:
        p = hit / sys if sys else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(doc: TmlDoc, errors: dict[str, list] | None = None) -> Counts:
    sys = tag(doc.text, doc.dct)
    c = Counts(gold=len(doc.timexes), sys=len(sys))
    used: set[int] = set()
    for g in doc.timexes:
        best = None
        for i, s in enumerate(sys):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            if errors is not None:
                errors["missed"].append((doc.name, g.text, g.type, g.value, ""))
            continue
        used.add(best)
        s = sys[best]
        c.relaxed += 1
        c.strict += (s.start, s.end) == (g.start, g.end)
        c.value += s.value == g.value
        c.type += s.type == g.type
        if errors is not None:
            if s.value != g.value:
                errors["wrong value"].append((doc.name, f"{s.text} | gold: {g.text}", g.type, g.value, s.value))
            if s.type != g.type:
                errors["wrong type"].append((doc.name, s.text, g.type, g.value, s.type))
            if (s.start, s.end) != (g.start, g.end):
                errors["wrong extent"].append((doc.name, s.text, g.type, g.value, g.text))
    if errors is not None:
        for i, s in enumerate(sys):
            if i not in used:
                errors["spurious"].append((doc.name, s.text, s.type, "", s.value))
    return c


def evaluate(docs: list[TmlDoc]) -> tuple[dict[str, Counts], dict[str, list]]:
    per: dict[str, Counts] = defaultdict(Counts)
    errors: dict[str, list] = defaultdict(list)
    for d in docs:
        c = score_doc(d, errors)
        per[d.split].add(c)
        per["all"].add(c)
    return dict(per), errors


def figures(c: Counts) -> dict[str, float]:
    _, _, rel = Counts.f1(c.relaxed, c.sys, c.gold)
    _, _, st = Counts.f1(c.strict, c.sys, c.gold)
    vp, vr, vf = Counts.f1(c.value, c.sys, c.gold)
    p, r, _ = Counts.f1(c.relaxed, c.sys, c.gold)
    return {
        "relaxed_p": p, "relaxed_r": r, "relaxed_f1": rel, "strict_f1": st, "value_f1": vf,
        "type_accuracy": c.type / c.relaxed if c.relaxed else 0.0,
        "value_accuracy": c.value / c.relaxed if c.relaxed else 0.0,
    }


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    corpus = Path(corpus)
    docs = load(corpus, limit)
    per, errors = evaluate(docs)
    table = Table(title=f"TIMEX3 on {corpus.name} ({len(docs)} docs); both splits are training data (studied)")
    for col in ("split", "gold", "sys", "relaxed P", "relaxed R", "relaxed F1", "strict F1", "value F1", "type acc"):
        table.add_column(col, justify="right")
    out: dict[str, float] = {}
    for split in ("TimeBank", "AQUAINT", "all"):
        if split not in per:
            continue
        c = per[split]
        f = figures(c)
        table.add_row(split, str(c.gold), str(c.sys), *(f"{100 * f[k]:.2f}" for k in
                      ("relaxed_p", "relaxed_r", "relaxed_f1", "strict_f1", "value_f1", "type_accuracy")))
        key = split.lower()
        for k, v in f.items():
            out[f"{key}_{k}"] = round(v, 4)
    for name, (r, s, v) in REFERENCE.items():
        table.add_row(f"{name} (TE3 platinum)", "", "", "", "", f"{r:.2f}", f"{s:.2f}", f"{v:.2f}", "")
    console.print(table)
    for kind in ("missed", "spurious", "wrong value", "wrong type", "wrong extent"):
        items = errors.get(kind, [])
        common = Counter((e[1].lower() if kind != "wrong value" else e[1], e[3], e[4]) for e in items).most_common(12)
        et = Table(title=f"{kind}: {len(items)} (most frequent)")
        for col in ("text", "gold value", "system"):
            et.add_column(col)
        et.add_column("n", justify="right")
        for (txt, gv, sv), k in common:
            et.add_row(txt, gv, sv, str(k))
        console.print(et)
    return {
        "relaxed_f1": out.get("all_relaxed_f1", 0.0),
        "strict_f1": out.get("all_strict_f1", 0.0),
        "value_f1": out.get("all_value_f1", 0.0),
        "type_accuracy": out.get("all_type_accuracy", 0.0),
        "aquaint_value_f1": out.get("aquaint_value_f1", 0.0),
        "timebank_value_f1": out.get("timebank_value_f1", 0.0),
    }
