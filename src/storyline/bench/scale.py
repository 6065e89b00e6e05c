"""How the stored, incremental link stage scales: stores of 1,000, 10,000 (100,000) articles.

How the stores are filled (annotation speed is not what this measures): a few real articles (the
five samples and the ECB+ documents of train topics 1, 3 and 5) are annotated once; each store is
then filled by cloning them *at the store level*: clone k of a template gets the id ``<id>~c<k>``,
its years shifted by ``k mod 40`` (text, published date and every annotation string), and every word
of its PERSON, ORG and NORP names replaced by a pseudo-word of the same length drawn from (word, k),
in the text and in the annotations alike, so every character offset stays valid and clone k's
articles form their own stories (new participants, other years). Clones carry no MinHash signature
(so near-duplicate search does not see the templates' shared wording as one huge duplicate family)
and the annotator's current version (so no build re-annotates them; the store is recorded as checked
against those versions, as a build records it, so the first build after the fill does not scan it).
Clones are placed in the story index by construction (clone k of a template story's articles is one
new story: profiles, their norm parts, frequencies and postings updated as for any member; no
scoring, so filling stays cheap); then ``link`` recomputes every story the fill touched, as after a
build.

At each size it measures, model loading excluded (reported apart):
* ``add_one``: one new real article (an ECB+ document of another topic) end to end: read, clean,
  dedup, annotate, store, link; and the link part alone; wall and CPU time of this process (with the
  load average: on a shared machine the wall time is inflated, the CPU time much less);
* ``stale_check``: the full per-layer stale check (``store.stale_layers``), which a build runs only
  when the layer versions changed;
* ``add_100``: a batch of 100 cloned, annotated articles stored, then linked (no annotation);
* ``timeline``: one story's timeline read (``store.link_events`` and entity names);
* ``export``: one story's storyline/1 export (``build_export(store, story_id)``);
* peak Python memory (tracemalloc) while adding one article and while reading; process RSS.
The growth exponent of each time is log(t2/t1) / log(n2/n1) between consecutive sizes.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import re
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SAMPLES = SHARED / "examples" / "afghan-talks"
ECB = SHARED / "bench" / "ecbplus"
TEMPLATE_TOPICS = {1, 3, 5}
NEW_TOPIC = 7
DEFAULT_SIZES = (1000, 10000)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_RENAMED = ("PERSON", "ORG", "NORP")


def _load_avg() -> str | None:
    """The machine's 1/5/15-minute load averages (wall times are inflated when others run)."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())  # as bench/web.py reads it
    except OSError:
        return None


def rows_n(results: dict) -> int:
    return results["sizes"][-1]["articles"] if results["sizes"] else 0


def _pseudo(word: str, k: int) -> str:
    """A pseudo-word of the same length and case pattern as ``word``, drawn from (word, k)."""
    h = hashlib.sha256(f"{word}|{k}".encode()).digest()
    letters = [chr(ord("a") + h[i % len(h)] % 26) for i in range(len(word))]
    return "".join(c.upper() if w.isupper() else c if w.isalpha() else w for c, w in zip(letters, word))


@dataclasses.dataclass
class Template:
    doc: object  # Document
    layers: dict[str, list]  # layer -> decoded JSON
    names: list[str]  # words to rename


def _templates(store) -> list[Template]:
    from ..store import codec

    out = []
    for doc in store.documents():
        ann = store.annotations(doc.id)
        words = sorted({w for m in ann.entities if m.type in _RENAMED for w in re.findall(r"[A-Z][A-Za-z]{2,}", m.text)})
        layers = {layer: json.loads(codec.encode_layer(getattr(ann, layer))) for layer in codec.LAYERS}
        out.append(Template(doc, layers, words))
    return out


def _clone(t: Template, k: int):
    """(Document, Annotations) of clone k of a template."""
    from ..model import CleanArticle, Document
    from ..store import codec

    shift = k % 40
    names = {w: _pseudo(w, k) for w in t.names}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=lambda w: (-len(w), w)))) + r")\b") if names else None

    def change(s: str) -> str:
        if pattern is not None:
            s = pattern.sub(lambda m: names[m.group(1)], s)
        return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), s)

    def walk(x):
        if isinstance(x, str):
            return change(x)
        if isinstance(x, list):
            return [walk(v) for v in x]
        if isinstance(x, dict):
            return {key: walk(v) for key, v in x.items()}
        return x

    a = t.doc.article
    new_id = f"{a.id}~c{k}"
    article = CleanArticle(id=new_id, source=f"clone:{a.id}:{k}", text=change(a.text), title=change(a.title) if a.title else None,
                           published=change(a.published) if a.published else None, outlet=a.outlet)
    assert len(article.text) == len(a.text)
    doc = Document(article=article, content_hash=hashlib.sha256(new_id.encode()).hexdigest())
    ann = codec.assemble(new_id, {layer: json.dumps(walk(data)) for layer, data in t.layers.items()})
    return doc, ann


def _fill(store, templates: list[Template], ks: range, version: dict[str, str]) -> None:
    """Store clones k of every template, placed in the story index by construction: the clones of
    one template story form one new story (no scoring: the grouping is known)."""
    from ..link.story_store import StoredStoryIndex

    index = StoredStoryIndex(store)
    batch_docs, batch_anns = [], []

    def flush():
        nonlocal index
        store.add_batch(batch_docs, {}, batch_anns, {})
        batch_docs.clear()
        batch_anns.clear()
        index.save()
        index = StoredStoryIndex(store)  # a fresh one: what it read stays bounded

    for k in ks:
        stories: dict[str | None, str] = {}
        for t in templates:
            doc, ann = _clone(t, k)
            a = doc.article
            sid = index.place(a.id, a.text, title=a.title, published=a.published,
                              story_id=stories.get(t.doc.story_id))
            stories[t.doc.story_id] = sid
            batch_docs.append(doc)
            batch_anns.append((ann, version))
        if len(batch_docs) >= 500:
            flush()
    if batch_docs:
        flush()
    # every clone carries the current layer versions, so a build's whole-store check would find nothing
    # stale: record it as that check does (else the first build after the fill scans the store)
    from ..engines.local import VERSIONS_STATE, versions_state

    store.set_state(VERSIONS_STATE, versions_state(version))


def run(console: Console, quick: bool = False, sizes: tuple[int, ...] | None = None,
        out: Path | None = None, keep: Path | None = None) -> dict:
    """``keep``: where to copy the largest store when done (e.g. for ``bench --web --web-db``)."""
    t_import = time.perf_counter()
    from ..annotate import pipeline  # spaCy and our rule files: part of the model loading reported apart

    import_s = time.perf_counter() - t_import
    from ..engines.local import _versions, ingest
    from ..eval.stories import load as load_ecb
    from ..link.pipeline import link
    from ..model import CleanArticle
    from ..store import open_store
    from ..views.export import build_export
    from ..views.timeline import terminal_table

    sizes = tuple(sorted(sizes or ((300, 1000) if quick else DEFAULT_SIZES)))
    results: dict = {"sizes": [], "method": __doc__.split("At each size")[0].strip()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        feed = tmp_path / "templates.jsonl"
        docs = load_ecb(ECB, TEMPLATE_TOPICS) if ECB.exists() else []
        with feed.open("w") as fh:
            for p in sorted(SAMPLES.glob("*.txt")):
                fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n")
            for doc_id, _, text in docs:
                fh.write(json.dumps({"id": f"ecb-{doc_id}", "text": text}) + "\n")
        fresh = load_ecb(ECB, {NEW_TOPIC}) if ECB.exists() else []
        t0 = time.perf_counter()
        list(pipeline.annotate([CleanArticle(id="warm", source="warm",  # loads the model
                                             text="The minister said on Monday that talks would resume.")]))
        model_s = import_s + time.perf_counter() - t0
        tstore = open_store(tmp_path / "templates.db")
        ingest([feed], tstore)
        link(tstore)  # the templates' stories: the clones of one template story form one story
        templates = _templates(tstore)
        tstore.close()
        results["templates"] = len(templates)
        results["model_load_s"] = round(model_s, 2)

        store = open_store(tmp_path / "scale.db")
        versions = _versions(pipeline)  # each layer's version, as a build stores them
        k = 0
        fresh_i = 0
        for size in sizes:
            need = size - store.count()
            ks = range(k, k + max(0, math.ceil(need / len(templates))))
            k = ks.stop
            t0 = time.perf_counter()
            _fill(store, templates, ks, versions)
            link(store)
            fill_s = time.perf_counter() - t0
            n = store.count()
            # one new real article, end to end (model already loaded)
            doc_id, _, text = fresh[fresh_i % len(fresh)] if fresh else ("new", "", "A new article about talks in Doha.")
            fresh_i += 1
            one = tmp_path / f"one-{size}.jsonl"
            one.write_text(json.dumps({"id": f"new-{size}-{doc_id}", "text": text}) + "\n")
            tracemalloc.start()
            c0, t0 = time.process_time(), time.perf_counter()
            ingest([one], store, annotator=pipeline)
            c1, t1 = time.process_time(), time.perf_counter()
            link(store)
            c2, t2 = time.process_time(), time.perf_counter()
            add_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            t7 = time.perf_counter()
            store.stale_layers(versions)  # a build does this only when the layer versions changed
            stale_s = time.perf_counter() - t7
            # a batch of 100 cloned articles, stored and linked
            t3 = time.perf_counter()
            batch = [_clone(templates[i % len(templates)], k + i // len(templates)) for i in range(100)]
            k += 100 // len(templates) + 1
            store.add_batch([d for d, _ in batch], {}, [(a, versions) for _, a in batch], {})
            link(store)
            add100_s = time.perf_counter() - t3
            # one story of typical size: the story of a clone of the first sample
            sid = store.document(templates[0].doc.id + "~c1").story_id if store.document(templates[0].doc.id + "~c1") else \
                store.link_story_ids()[0]
            tracemalloc.start()
            t4 = time.perf_counter()
            terminal_table(store, sid)
            t5 = time.perf_counter()
            exported = build_export(store, sid)
            t6 = time.perf_counter()
            read_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            stories = store.conn.execute("SELECT count(*), max(documents) FROM link_stories").fetchone()
            row = {
                "articles": n, "stories": stories[0], "largest_story": stories[1], "fill_s": round(fill_s, 1),
                "add_one_s": round(t2 - t0, 3), "add_one_ingest_s": round(t1 - t0, 3), "add_one_link_s": round(t2 - t1, 3),
                "add_one_cpu_s": round(c2 - c0, 3), "add_one_link_cpu_s": round(c2 - c1, 3),
                "load_avg": _load_avg(), "stale_check_s": round(stale_s, 3),
                "add_100_s": round(add100_s, 3), "timeline_ms": round((t5 - t4) * 1000, 1),
                "export_story_ms": round((t6 - t5) * 1000, 1), "story_documents": len(exported["documents"]),
                "add_one_peak_mib": round(add_peak / 2**20, 1), "read_peak_mib": round(read_peak / 2**20, 1),
                "rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
            results["sizes"].append(row)
            console.print(f"{n} articles: {json.dumps(row)}")
            if out is not None:  # figures so far, in case a long run is stopped
                out.write_text(json.dumps(results, indent=2) + "\n")
        store.close()
        if keep is not None:
            import shutil

            shutil.copyfile(tmp_path / "scale.db", keep)
            console.print(f"the {rows_n(results)}-article store is kept at {keep}")
    rows = results["sizes"]
    keys = ("add_one_s", "add_one_link_s", "add_one_cpu_s", "add_100_s", "timeline_ms", "export_story_ms")
    results["growth_exponent"] = {}
    for key in keys:
        exps = []
        for a, b in zip(rows, rows[1:]):
            if a[key] > 0 and b[key] > 0 and b["articles"] != a["articles"]:
                exps.append(round(math.log(b[key] / a[key]) / math.log(b["articles"] / a["articles"]), 2))
        results["growth_exponent"][key] = exps
    table = Table("articles", "stories", "largest", "add one (s)", "of which link", "add one CPU (s)", "add 100 (s)", "timeline (ms)",
                  "export story (ms)", "add-one peak MiB", "RSS MiB", title=f"bench --scale (model load {model_s:.1f} s apart)")
    for r in rows:
        table.add_row(str(r["articles"]), str(r["stories"]), str(r["largest_story"]), f"{r['add_one_s']:.3f}",
                      f"{r['add_one_link_s']:.3f}", f"{r['add_one_cpu_s']:.3f}", f"{r['add_100_s']:.2f}", f"{r['timeline_ms']:.1f}",
                      f"{r['export_story_ms']:.1f}", f"{r['add_one_peak_mib']:.1f}", f"{r['rss_mib']:.0f}")
    table.add_row("exponent", "", "", *(", ".join(map(str, results["growth_exponent"][k])) for k in keys), "", "")
    console.print(table, width=160)
    if out is not None:
        out.write_text(json.dumps(results, indent=2) + "\n")
        console.print(f"wrote {out}")
    return results
