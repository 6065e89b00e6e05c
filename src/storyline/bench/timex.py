"""Speed of the TIMEX3 tagger alone: sentences per second on one core.

The bench text is the TEXT of every TempEval-3 TBAQ-cleaned document (read from
/work/shared/bench), tagged document by document with its DCT, repeated until about
``target`` sentences have been tagged. Sentences are counted with a simple splitter
(end punctuation followed by a capital, or a line break) so the figure does not depend on spaCy.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from storyline.annotate.timex import tag

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "bench" / "tempeval3" / "TBAQ-cleaned"
_SENT = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n+")


def _count_sentences(text: str) -> int:
    return sum(1 for p in _SENT.split(text) if p.strip())


def run(console: Console, quick: bool = False) -> dict[str, float]:
    from storyline.eval.timex import load

    docs = load(CORPUS.resolve())
    if not docs:
        console.print(f"[red]no TimeML documents under {CORPUS}")
        return {}
    items = [(d.text, d.dct, _count_sentences(d.text)) for d in docs]
    per_pass = sum(n for _, _, n in items)
    chars = sum(len(t) for t, _, _ in items)
    passes = 1 if quick else 5
    for t, d, _ in items[:20]:  # warm up (regex compilation happens at import)
        tag(t, d)
    best = float("inf")
    found = 0
    for _ in range(passes):
        t0 = time.perf_counter()
        found = 0
        for t, d, _ in items:
            found += len(tag(t, d))
        best = min(best, time.perf_counter() - t0)
    sps = per_pass / best
    table = Table(title="TIMEX3 tagger speed (one core, best of %d passes over TBAQ-cleaned)" % passes)
    for col in ("documents", "sentences", "characters", "timexes", "seconds", "sentences/s", "chars/s", "target"):
        table.add_column(col, justify="right")
    table.add_row(str(len(items)), str(per_pass), str(chars), str(found), f"{best:.3f}", f"{sps:,.0f}",
                  f"{chars / best:,.0f}", "2,000 sentences/s")
    console.print(table)
    return {"sentences_per_s": round(sps, 1), "chars_per_s": round(chars / best, 1), "sentences": per_pass}
