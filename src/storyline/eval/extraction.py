"""HTML -> article text through ``storyline.clean.clean`` on the article-extraction benchmark.

The metric is the benchmark's own (its evaluate.py, reimplemented here, not imported): per page,
word 4-gram shingles (``\\w+`` tokens) of the predicted and true body are matched with counts; the
page's tp/fp/fn are normalised to sum to one; precision and recall are averaged over pages and F1
is taken from the two averages.
"""
from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

PUBLISHED = {"trafilatura 2.0": 0.958, "newspaper4k": 0.949, "readability": 0.922, "whole page": 0.665}

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def shingle_counts(text: str, n: int = 4) -> Counter:
    toks = _TOKEN_RE.findall(text or "")
    out: Counter = Counter()
    for i in range(0, max(1, len(toks) - n + 1)):
        sh = tuple(toks[i : i + n])
        if sh:
            out[sh] += 1
    return out


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingle_counts(true), shingle_counts(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        a, b = t.get(k, 0), p.get(k, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def prf_from_pairs(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) over (true, predicted) body pairs, as the benchmark computes them."""
    tfs = [tp_fp_fn(t, p) for t, p in pairs]
    ps = [_precision(*x) for x in tfs if x[0] + x[1] > 0]
    rs = [_recall(*x) for x in tfs if x[0] + x[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(corpus: Path, console: Console, limit: int | None = None) -> dict[str, float]:
    from ..clean import clean
    from ..model import RawArticle
    from .cleaning import read_html, split_of

    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf8"))
    pairs: list[tuple[str, str]] = []
    held: list[tuple[str, str]] = []
    plain: list[tuple[str, str]] = []  # trafilatura alone, same version and settings, for comparison
    rejected = 0
    import trafilatura
    for i, key in enumerate(sorted(truth)):
        if limit and i >= limit:
            break
        path = corpus / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        body = truth[key].get("articleBody", "") or ""
        try:
            pred = clean(RawArticle(id=key, source=str(path), html=read_html(path), url=truth[key].get("url"))).text
        except ValueError:
            pred, rejected = "", rejected + 1
        pairs.append((body, pred))
        doc = trafilatura.bare_extraction(read_html(path), url=truth[key].get("url"), include_comments=False)
        plain.append((body, (doc.text if doc is not None else "") or ""))
        if split_of(key) == "test":
            held.append((body, pred))
    p, r, f = prf_from_pairs(pairs)
    hp, hr, hf = prf_from_pairs(held)
    tp_, tr_, tf_ = prf_from_pairs(plain)
    table = Table(title=f"Article extraction (HTML -> text), {len(pairs)} pages")
    for col in ["system", "F1", "precision", "recall"]:
        table.add_column(col, justify="right" if col != "system" else "left")
    table.add_row("storyline clean (all pages)", f"{f:.3f}", f"{p:.3f}", f"{r:.3f}")
    table.add_row(f"storyline clean (held-out split, {len(held)})", f"{hf:.3f}", f"{hp:.3f}", f"{hr:.3f}")
    table.add_row(f"trafilatura {trafilatura.__version__} alone, measured here", f"{tf_:.3f}", f"{tp_:.3f}", f"{tr_:.3f}")
    for name, val in PUBLISHED.items():
        table.add_row(f"{name} (published)", f"{val:.3f}", "", "")
    console.print(table)
    if rejected:
        console.print(f"{rejected} pages rejected by clean() (scored as empty)")
    return {"f1": f, "precision": p, "recall": r, "heldout_f1": hf, "heldout_precision": hp,
            "heldout_recall": hr, "trafilatura_f1": tf_, "rejected": float(rejected), "pages": float(len(pairs))}
