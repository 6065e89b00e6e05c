"""Speed of the annotate stage on each engine: local (this process) vs Ray with 2 workers.

Texts: ECB+ documents (read with ``storyline.eval.stories.load``) from shared/bench/ecbplus, 200 of
them (40 with ``quick``). The same articles go through ``local._annotate_safely`` with the pipeline
in this process and with a :class:`RayAnnotator`, in batches of 64 as ``ingest`` does. Start-up is
clocked apart: for the local engine loading spaCy, for Ray starting Ray and the actors (each loads
spaCy). Both engines must return the same annotations; the bench says whether they do.
"""
from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

BENCH = Path(__file__).resolve().parents[3] / ".." / "shared" / "bench"
BATCH = 64


def _articles(limit: int):
    from storyline.eval.stories import load
    from storyline.model import CleanArticle

    return [CleanArticle(id=doc_id, source=f"ecbplus/{doc_id}", text=text, published="2016-01-01")
            for doc_id, _, text in load(BENCH / "ecbplus", limit=limit) if text.strip()]


def _annotate_all(annotator, arts) -> tuple[list, float]:
    from storyline.engines.local import BuildReport, _annotate_safely

    t0 = time.perf_counter()
    out = []
    for i in range(0, len(arts), BATCH):
        out.extend(_annotate_safely(annotator, arts[i:i + BATCH], BuildReport()))
    return out, time.perf_counter() - t0


def run(console: Console, quick: bool = False, workers: int = 2) -> dict[str, float]:
    arts = _articles(40 if quick else 200)
    words = sum(len(a.text.split()) for a in arts)
    n = len(arts)

    t0 = time.perf_counter()
    from storyline.annotate import pipeline
    from storyline.annotate.nlp import get_nlp

    get_nlp()
    pipeline.annotate_doc(arts[0], get_nlp()(arts[0].text))  # warm lazily loaded lexicons/gazetteer
    local_start = time.perf_counter() - t0
    local_anns, local_s = _annotate_all(pipeline, arts)

    from storyline.engines.ray import RayAnnotator

    t0 = time.perf_counter()
    with RayAnnotator(workers=workers) as annotator:
        # warm each actor's lazily loaded annotators, as for local
        annotator.annotate_safely(arts[:workers])
        ray_start = time.perf_counter() - t0
        ray_anns, ray_s = _annotate_all(annotator, arts)
    same = [a.document_id for a in ray_anns] == [a.document_id for a in local_anns] and ray_anns == local_anns

    res = {"articles": float(n), "words": float(words),
           "local_articles_per_s": n / local_s, "ray_articles_per_s": n / ray_s,
           "ray_over_local": local_s / ray_s, "local_start_s": local_start, "ray_start_s": ray_start,
           "same_annotations": float(same)}
    table = Table(title=f"annotate engines: {n} ECB+ articles, {words:,} words, batches of {BATCH}")
    for c in ("engine", "start-up s", "annotate s", "articles/s", "words/s"):
        table.add_column(c)
    table.add_row("local (1 process)", f"{local_start:.1f}", f"{local_s:.1f}", f"{n / local_s:.2f}",
                  f"{words / local_s:,.0f}")
    table.add_row(f"ray ({workers} workers)", f"{ray_start:.1f}", f"{ray_s:.1f}", f"{n / ray_s:.2f}",
                  f"{words / ray_s:,.0f}")
    console.print(table)
    console.print(f"ray / local speed: {local_s / ray_s:.2f}x; same annotations: {same}")
    return res
