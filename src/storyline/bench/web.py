"""Latency of the web UI under bounded load on loopback: the story, entity and search pages, 20
concurrent readers (threads, each a closed loop without think time: every reader sends its
next request when the last one is answered), the server (uvicorn, one process) in its own process,
on a store built from the sample story plus PolNeAR articles (outlet and date taken from their file
names), or (``storyline bench --web --web-db PATH``) on an existing store, e.g. the one
``storyline bench --scale --sizes 10000 --keep-store PATH`` leaves (migrated and linked first, if
older: the link stage writes the pages' own rows, migration 0005).

The issue's target: 95th percentile within 100 ms at 10,000 articles, 20 concurrent readers.

Pages are kept in the server's memory by the store's revision (a story's own pages: by its own
revision; views/cache.py), so the bench
measures first visits ("cold": nothing kept for that address) apart from later ones ("warm"), with
many distinct addresses so that neither is one page asked again and again:

* addresses: up to ``POOL`` stories (most articles first), two entities of each (most mentioned),
  and searches for the names of those entities plus eight queries that once broke search
  ("U.S.", "Clinton's", "9/11", "50%", ...);
* cold, 20 readers: a fresh server (which has answered one page of each kind, off the lists, so
  its templates are compiled); the readers share out addresses never asked before, so every
  request is a first visit (the page is read from the store and rendered);
* cold, one reader: further never-asked addresses, one at a time (a first visit's own cost);
* warm, one reader, then warm, 20 readers: addresses the cold phases asked, spread over the readers
  (the page comes from memory; the revision it is kept by is still read per request).

Each phase reports p50/p95 per page kind, requests/s, the server process's CPU time per request
(from /proc, where there is one) and the machine's load average: on a shared machine the wall-clock
figures include the other processes' share of the CPUs.
"""
from __future__ import annotations

import http.client
import json
import os
import random
import re
import socket
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
POOL = 150  # stories whose pages (and their entities' pages, and searches for those) are asked
KINDS = ("story", "entity", "search")
HARD_QUERIES = ["U.S.", "Clinton's", "Trump", "e-mail", "Taliban", "9/11", "debate", "50%"]


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
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] * 1000


def _addresses(db: Path, pool: int) -> dict[str, list[str]]:
    """Distinct addresses per page kind, interleaved so any prefix mixes stories."""
    import httpx

    from ..views import read

    s = read.open_read(db)
    try:
        stories = []
        page = 1
        while len(stories) < pool:
            listed = read.stories(s, "articles", None, page, read.MAX_PER_PAGE)
            stories += [c.id for c in listed.stories]
            if page >= listed.paging.pages:
                break
            page += 1
        stories = stories[:pool]
        entities: list[str] = []
        names: list[str] = []
        for sid in stories:
            for e in read.entities(s, sid)[:2]:
                if e.id not in entities:
                    entities.append(e.id)
                    if e.name not in names and e.name not in HARD_QUERIES:
                        names.append(e.name)
    finally:
        s.close()
    queries = HARD_QUERIES + names

    def q(text: str) -> str:
        return str(httpx.QueryParams({"q": text}))

    return {"story": [f"/stories/{sid}" for sid in stories], "entity": [f"/entities/{e}" for e in entities],
            "search": [f"/search?{q(w)}" for w in queries]}


def _phase(base: str, plan: list[list[tuple[str, str]]], server_pid: int) -> dict:
    """Run one request list per reader (all readers at once); timings per kind, errors, CPU. Each
    reader is one keep-alive connection (the standard library's http.client: the load generator
    shares the machine's CPUs with the server, so it is kept light)."""
    timings: dict[str, list[float]] = {k: [] for k in KINDS}
    errors: list[str] = []
    lock = threading.Lock()
    host, port = base.removeprefix("http://").split(":")

    def reader(urls: list[tuple[str, str]]) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        try:
            for kind, u in urls:
                t0 = time.perf_counter()
                conn.request("GET", u)
                r = conn.getresponse()
                r.read()
                dt = time.perf_counter() - t0
                with lock:
                    if r.status == 200:
                        timings[kind].append(dt)
                    else:
                        errors.append(f"{r.status} {u}")
        finally:
            conn.close()

    cpu0, load0, start = _cpu_seconds(server_pid), os.getloadavg()[0], time.perf_counter()
    threads = [threading.Thread(target=reader, args=(urls,)) for urls in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    cpu1 = _cpu_seconds(server_pid)
    n = sum(len(v) for v in timings.values())
    out: dict = {"readers": len(plan), "requests": n, "errors": len(errors), "requests_per_s": round(n / wall, 1),
                 "server_cpu_ms_per_request": round((cpu1 - cpu0) * 1000 / max(n, 1), 1)
                 if cpu0 is not None and cpu1 is not None else None,
                 "load_average": [round(load0, 1), round(os.getloadavg()[0], 1)]}
    for kind, values in timings.items():
        if values:
            out[kind] = {"n": len(values), "p50_ms": round(_pct(values, 0.5), 1), "p95_ms": round(_pct(values, 0.95), 1)}
    if errors:
        out["first_errors"] = errors[:5]
    return out


def _plan(urls: list[tuple[str, str]], readers: int) -> list[list[tuple[str, str]]]:
    """Hand out the addresses round-robin: reader i gets i, i + readers, ..."""
    return [urls[i::readers] for i in range(readers)]


def _mixed(pools: dict[str, list[str]], per_kind: int, offset: int) -> list[tuple[str, str]]:
    """``per_kind`` addresses of each kind from ``offset`` on, interleaved story, entity, search."""
    out = []
    for i in range(per_kind):
        for kind in KINDS:
            pool = pools[kind]
            if offset + i < len(pool):
                out.append((kind, pool[offset + i]))
    return out


def run(console: Console, quick: bool = False, db: Path | None = None) -> dict:
    import httpx

    from ..store import open_store

    if db is None:
        n = 40 if quick else 300
        db = _store(n, console)
    store = open_store(db)  # brings an older store's schema up to date (the pages open it read-only)
    try:
        from ..link.pipeline import link
        from ..views.read import VIEW_STATE, VIEW_VERSION

        if store.get_state(VIEW_STATE) != VIEW_VERSION or store.dirty_stories()[0]:
            # the pages' own rows are written by the link stage (an older store has none: its pages
            # would be computed from scratch on every first visit)
            started = time.perf_counter()
            report = link(store)
            console.print(f"linked the store first ({report.relinked} of {report.stories} stories re-linked, the pages'"
                          f" rows written): {time.perf_counter() - started:.1f} s")
        articles = store.count()
    finally:
        store.close()
    pools = _addresses(db, (30 if quick else POOL) + 1)
    warm_up = [(kind, pool.pop()) for kind, pool in pools.items()]  # the process's first pages, not timed
    cold_n = min(len(p) for p in pools.values())  # first visits per kind, shared by the two cold phases
    cold_many = max(1, cold_n * 2 // 3)
    port = _free_port()
    code = ("import uvicorn; from storyline.views.web import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED="0"))
    base = f"http://127.0.0.1:{port}"
    figures: dict = {"articles": articles, "addresses": {k: len(v) for k, v in pools.items()}, "cpus": os.cpu_count()}
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/static/icon.svg", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        _phase(base, [warm_up], server.pid)  # imports, templates compiled: the process, not the pages, warms up
        cold = _mixed(pools, cold_many, 0)
        figures["cold_20_readers"] = _phase(base, _plan(cold, READERS), server.pid)
        cold_one = _mixed(pools, cold_n - cold_many, cold_many)
        figures["cold_1_reader"] = _phase(base, [cold_one], server.pid)
        asked = cold + cold_one
        figures["warm_1_reader"] = _phase(base, [asked[::2]], server.pid)
        rounds = 2 if quick else 3
        warm = asked * rounds
        random.Random(0).shuffle(warm)
        figures["warm_20_readers"] = _phase(base, _plan(warm, READERS), server.pid)
    finally:
        server.terminate()
        server.wait(10)
    table = Table(title=f"web pages, {articles} articles: p50 / p95 ms (requests)")
    table.add_column("phase")
    for kind in KINDS:
        table.add_column(kind)
    table.add_column("req/s")
    table.add_column("server CPU ms/req")
    table.add_column("load avg")
    for phase in ("cold_20_readers", "cold_1_reader", "warm_1_reader", "warm_20_readers"):
        f = figures[phase]
        table.add_row(phase.replace("_", " "),
                      *[f"{f[k]['p50_ms']:.0f} / {f[k]['p95_ms']:.0f} ({f[k]['n']})" if k in f else "-" for k in KINDS],
                      str(f["requests_per_s"]), str(f["server_cpu_ms_per_request"]),
                      " → ".join(str(x) for x in f["load_average"]))
    console.print(table)
    return figures
