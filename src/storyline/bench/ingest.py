"""Speed and memory of ingest without language analysis: read, clean, deduplicate, store.

Input: the sample stories written out as a JSONL feed many times over (each copy with its own id
and a changed sentence, so deduplication sees near-duplicates, as a real feed of reprints would).
"""
from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "examples" / "afghan-talks"


def run(console: Console, quick: bool = False) -> dict[str, float]:
    from ..engines.local import ingest
    from ..store import open_store

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if not texts:
        console.print("[yellow]no sample stories found; skipped[/]")
        return {}
    copies = 20 if quick else 400
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        words = 0
        with feed.open("w", encoding="utf-8") as fh:
            for n in range(copies):
                for i, text in enumerate(texts):
                    body = text + f"\n\nEditor's note: copy {n} of this report."
                    words += len(body.split())
                    fh.write(json.dumps({"id": f"c{n}-{i}", "text": body}) + "\n")
        store = open_store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = ingest([feed], store, annotate=False)
        seconds = time.perf_counter() - start
        store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": report.read, "seconds": round(seconds, 2),
        "articles_per_s": round(report.read / seconds, 1), "words_per_s": round(words / seconds),
        "duplicates_found": report.duplicates, "peak_rss_mib": round(rss, 1),
    }
    table = Table("ingest (read, clean, dedup, store; no annotation)", "value")
    for k, v in figures.items():
        table.add_row(k, str(v))
    console.print(table)
    return figures
