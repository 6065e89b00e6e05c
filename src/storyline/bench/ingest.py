"""Speed and memory of ingest without language analysis: read, clean, deduplicate, store.

Input: a JSONL feed of distinct real article bodies (the article-extraction benchmark's ground
truth, 181 articles, plus the five sample stories), each also repeated as a reprint with an added
line, so every article is read twice and deduplication has real near-duplicates to find.
"""
from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SAMPLES = SHARED / "examples" / "afghan-talks"
BODIES = SHARED / "bench" / "article-extraction" / "ground-truth.json"


def run(console: Console, quick: bool = False) -> dict[str, float]:
    from ..engines.local import ingest
    from ..store import open_store

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if BODIES.exists():
        texts += [r["articleBody"] for r in json.loads(BODIES.read_text(encoding="utf-8")).values() if r.get("articleBody")]
    if not texts:
        console.print("[yellow]no sample stories or benchmark bodies found; skipped[/]")
        return {}
    texts = texts[:40] if quick else texts
    copies = 2
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        words = 0
        with feed.open("w", encoding="utf-8") as fh:
            for n in range(copies):
                for i, text in enumerate(texts):
                    body = text if n == 0 else text + "\n\nThis article was reprinted with permission."
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
