"""Speed of the annotate stage: spaCy alone and the whole annotation, measured in the same run.

Texts: PolNeAR train+dev articles and ECB+ documents (tokens re-joined), read from shared/bench.
One pass through ``nlp.pipe``: the time spent inside the parser and the time spent in each of our
annotators are clocked separately, so "spaCy alone" and "whole" come from the same parse.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.table import Table

BENCH = Path(__file__).resolve().parents[3] / ".." / "shared" / "bench"


def _ecb_text(path: Path) -> str:
    toks = re.findall(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>', path.read_text())
    out, last = [], None
    for sent, tok in toks:
        if last is not None and sent != last:
            out.append("\n")
        out.append(tok.replace("&amp;", "&").replace("&quot;", '"').replace("&apos;", "'"))
        last = sent
    return " ".join(out).replace(" \n ", "\n")


def texts(limit: int) -> Iterator[str]:
    n = 0
    pol = sorted((BENCH / "polnear").glob("*/text/*.txt"))
    ecb = sorted((BENCH / "ecbplus").glob("*/*.xml"))
    # interleave the two corpora so a small run sees both
    for i in range(max(len(pol), len(ecb))):
        for group, reader in ((pol, lambda p: p.read_text()), (ecb, _ecb_text)):
            if i < len(group):
                if n >= limit:
                    return
                t = reader(group[i])
                if t.strip():
                    n += 1
                    yield t


def run(console: Console, quick: bool = False) -> dict[str, float]:
    from storyline.annotate import pipeline as P
    from storyline.annotate.nlp import get_nlp
    from storyline.model import CleanArticle

    limit = 50 if quick else 1000
    get_nlp()
    stage = defaultdict(float)

    from storyline.annotate.layers import layers
    from storyline.model import Annotations

    def annotate_timed(art, doc) -> None:
        """Every layer in order, each on the clock (the same work as ``pipeline.annotate_doc``)."""
        ann = Annotations(document_id=art.id)
        for name, layer in layers().items():
            t0 = time.perf_counter()
            setattr(ann, name, layer.run(art, doc, ann))
            stage[name] += time.perf_counter() - t0

    arts = [CleanArticle(id=str(i), source="bench", text=t, published="2016-01-01")
            for i, t in enumerate(texts(limit))]
    words = sum(len(a.text.split()) for a in arts)
    # warm the lazily loaded annotators (gazetteer index, lexicons) outside the clock
    P.annotate_doc(arts[0], get_nlp()(arts[0].text))
    stage.clear()
    parse_s = ours_s = 0.0
    docs = get_nlp().pipe(((a.text, a) for a in arts), batch_size=32, as_tuples=True)
    while True:
        t0 = time.perf_counter()
        try:
            doc, art = next(docs)
        except StopIteration:
            parse_s += time.perf_counter() - t0
            break
        t1 = time.perf_counter()
        annotate_timed(art, doc)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        ours_s += t2 - t1
    n = len(arts)
    whole = parse_s + ours_s
    res = {"articles": float(n), "words": float(words),
           "spacy_articles_per_s": n / parse_s, "spacy_words_per_s": words / parse_s,
           "whole_articles_per_s": n / whole, "whole_words_per_s": words / whole,
           "ours_over_parse": ours_s / parse_s}
    table = Table(title=f"annotate: {n} articles, {words} words (PolNeAR + ECB+)")
    for c in ("what", "seconds", "articles/s", "words/s"):
        table.add_column(c)
    table.add_row("spaCy pipeline alone", f"{parse_s:.1f}", f"{n / parse_s:.1f}",
                  f"{words / parse_s:,.0f}")
    table.add_row("whole annotation", f"{whole:.1f}", f"{n / whole:.1f}", f"{words / whole:,.0f}")
    for name, s in sorted(stage.items(), key=lambda kv: -kv[1]):
        table.add_row(f"  of which {name.strip('_')}", f"{s:.2f}", "", "")
        res[f"stage_{name.strip('_')}_s"] = s
    console.print(table)
    return res
