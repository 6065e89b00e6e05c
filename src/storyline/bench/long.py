"""Cost of one very long article: time and peak memory to annotate a 490,000-character article
(just under the 500,000-character limit of sources/files.py), made of the article-extraction
benchmark's distinct bodies joined by blank lines. Measured in a child process, so the peak memory
is this article's alone (model included: ``baseline_rss_mib`` is the process with the model loaded).
``--quick``: 100,000 characters."""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
BODIES = SHARED / "bench" / "article-extraction" / "ground-truth.json"


def long_text(chars: int) -> str:
    bodies = [r["articleBody"].strip() for r in json.loads(BODIES.read_text(encoding="utf-8")).values()
              if r.get("articleBody")]
    parts: list[str] = []
    size = 0
    for body in bodies:
        if size + len(body) + 2 > chars:
            break
        parts.append(body)
        size += len(body) + 2
    return "\n\n".join(parts)


def _child(chars: int) -> None:
    from ..annotate import pipeline
    from ..annotate.nlp import get_nlp
    from ..model import CleanArticle

    text = long_text(chars)
    get_nlp()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    ann = next(pipeline.annotate([CleanArticle(id="long", source="bench", text=text, published="2020-01-01")]))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    inside = all(0 <= x.start <= x.end <= len(text) for x in ann.timexes + ann.entities + ann.quotes + ann.figures)
    print(json.dumps({
        "characters": len(text), "words": len(text.split()), "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "baseline_rss_mib": round(base), "sentences": len(ann.sentences), "entities": len(ann.entities),
        "offsets_inside_text": inside,
    }))


def run(console: Console, quick: bool = False) -> dict:
    if not BODIES.exists():
        console.print("[yellow]article-extraction benchmark not found; skipped[/]")
        return {}
    chars = 100_000 if quick else 490_000
    done = subprocess.run([sys.executable, "-m", "storyline.bench.long", str(chars)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        console.print(f"[red]failed[/]: {done.stderr[-2000:]}")
        return {}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    table = Table("one long article, annotated (parsed and annotated in parts)", "value")
    for k, v in figures.items():
        table.add_row(k, str(v))
    console.print(table)
    return figures


if __name__ == "__main__":
    _child(int(sys.argv[1]))
