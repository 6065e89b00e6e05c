"""Latency of the web UI under bounded load on loopback: the story, entity and search pages, 20
concurrent readers (httpx), the server (uvicorn) in its own process on a store built from the sample
story plus PolNeAR articles (outlet and date taken from their file names).

The pages read the stored cross-article tables (views/read.py: rows, nothing recomputed, nothing
kept between requests), so "cold" (each story's first visit, timed apart) and warm differ only by
the database's own page cache. The issue's target: 95th percentile within 100 ms at 10,000 articles;
``db`` (``storyline bench --web --web-db PATH``) measures an existing store instead, e.g. the one
``storyline bench --scale --sizes 10000 --keep-store PATH`` leaves (migrated first, if older).
"""
from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SAMPLES = SHARED / "examples" / "afghan-talks"
POLNEAR = SHARED / "bench" / "polnear"
READERS = 20


def _store(n: int, console: Console) -> Path:
    """A store of the samples and ``n`` PolNeAR train articles, built once and kept in the temp dir."""
    db = Path(tempfile.gettempdir()) / f"storyline-bench-web-{n}.db"
    if db.exists():
        return db
    from ..engines.local import ingest
    from ..link.pipeline import link
    from ..store import open_store

    folder = Path(tempfile.mkdtemp(prefix="storyline-bench-web-"))
    feed = folder / "polnear.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for p in sorted((POLNEAR / "train" / "text").glob("*.txt"))[:n]:
            m = re.match(r"([a-z]+)_(\d{4}-\d{2}-\d{2})_", p.name)
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": m[1] if m else None,
                                 "published": m[2] if m else None}) + "\n")
    console.print(f"building the bench store ({n} PolNeAR articles and the samples): {db}")
    tmp = db.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    ingest([SAMPLES, feed], store)
    link(store)
    store.close()
    tmp.rename(db)
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(console: Console, quick: bool = False, db: Path | None = None) -> dict:
    import httpx

    from ..store import open_store
    from ..views import read

    if db is None:
        n = 40 if quick else 300
        db = _store(n, console)
    store = open_store(db)  # brings an older store's schema up to date (the pages open it read-only)
    n = store.count() - 5
    store.close()
    port = _free_port()
    code = ("import uvicorn; from storyline.views.web import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED="0"))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/static/icon.svg", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        s = read.open_read(db)
        try:
            stories = [c.id for c in read.stories(s, "articles", None, 1, 100).stories][:20]
            entities = [e.id for sid in stories[:10] for e in read.entities(s, sid)[:3]]
        finally:
            s.close()
        words = ["U.S.", "Clinton's", "Trump", "e-mail", "Taliban", "9/11", "debate", "50%"]
        urls = {"story": [f"/stories/{sid}" for sid in stories],
                "entity": [f"/entities/{e}" for e in entities],
                "search": [f"/search?q={httpx.QueryParams({'q': w})['q']}" for w in words]}
        cold: list[float] = []
        with httpx.Client(base_url=base, timeout=120) as c:  # first visits: the accounts are computed
            for u in urls["story"]:
                t0 = time.perf_counter()
                c.get(u).raise_for_status()
                cold.append(time.perf_counter() - t0)
            for kind in ("entity", "search"):
                for u in urls[kind]:
                    c.get(u).raise_for_status()
        single: list[float] = []
        with httpx.Client(base_url=base, timeout=60) as c:  # one reader, warm: the pages' own cost
            for kind in ("story", "entity", "search"):
                for u in urls[kind]:
                    t0 = time.perf_counter()
                    c.get(u).raise_for_status()
                    single.append(time.perf_counter() - t0)
        single.sort()
        per_reader = 10 if quick else 30
        timings: dict[str, list[float]] = {k: [] for k in urls}
        errors = []
        lock = threading.Lock()

        def reader(i: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as c:
                for j in range(per_reader):
                    kind = ("story", "entity", "search")[(i + j) % 3]
                    pool = urls[kind]
                    u = pool[(i * 7 + j) % len(pool)]
                    t0 = time.perf_counter()
                    r = c.get(u)
                    dt = time.perf_counter() - t0
                    with lock:
                        (timings[kind] if r.status_code == 200 else errors).append(dt)

        start = time.perf_counter()
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(10)
    figures: dict = {"articles": n + 5, "stories": len(stories), "readers": READERS,
                     "requests": sum(len(v) for v in timings.values()), "errors": len(errors),
                     "requests_per_s": round(sum(len(v) for v in timings.values()) / wall, 1),
                     "cold_story_p50_ms": round(statistics.median(cold) * 1000, 1) if cold else None,
                     "cold_story_max_ms": round(max(cold) * 1000, 1) if cold else None,
                     "one_reader_p50_ms": round(single[len(single) // 2] * 1000, 1),
                     "one_reader_p95_ms": round(single[min(len(single) - 1, int(len(single) * 0.95))] * 1000, 1),
                     "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1)}
    table = Table(title=f"web pages: {READERS} concurrent readers, {n + 5} articles, warm", show_lines=False)
    table.add_column("page")
    table.add_column("requests")
    table.add_column("p50 ms")
    table.add_column("p95 ms")
    for kind, values in timings.items():
        values.sort()
        if not values:
            continue
        p50 = values[len(values) // 2] * 1000
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))] * 1000
        figures[f"{kind}_p50_ms"], figures[f"{kind}_p95_ms"] = round(p50, 1), round(p95, 1)
        table.add_row(kind, str(len(values)), f"{p50:.1f}", f"{p95:.1f}")
    console.print(table)
    return figures
