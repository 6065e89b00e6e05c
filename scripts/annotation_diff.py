"""Every annotation layer's output on a fixed set of real articles, and whether two code versions
agree on it byte for byte (a speed change must not change what the annotation finds).

Articles: the first ``--n`` texts of ``storyline bench``'s annotate corpus (PolNeAR and ECB+
interleaved; the first 50 are what ``bench --quick`` times), each annotated with a publication date
(as the bench does), and the first ``--undated`` of them again without one (the writing-date
estimate path). Long texts go part by part, as ``pipeline.annotate`` does. Parses are kept in
``--cache`` (a spaCy DocBin) so a second run re-runs only the annotation layers.

    .venv/bin/python scripts/annotation_diff.py dump /tmp/speed8/before.json
    .venv/bin/python scripts/annotation_diff.py dump /tmp/speed8/after.json
    .venv/bin/python scripts/annotation_diff.py diff /tmp/speed8/before.json /tmp/speed8/after.json

To dump an older version without checking it out: ``git archive <commit> src | tar -x -C /tmp/old``
and run the dump with ``PYTHONPATH=/tmp/old/src`` (its ``storyline`` is then imported first).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path


def dump(out: Path, n: int, undated: int, cache: Path) -> None:
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import get_nlp
    from storyline.annotate.parts import annotate_in_parts, is_long
    from storyline.annotate.pipeline import annotate_doc
    from storyline.bench.annotate import texts
    from storyline.model import CleanArticle

    feed = list(texts(n))
    nlp = get_nlp()
    key = cache / f"bench-annotate-{n}.spacy"
    if key.exists():
        docs = list(DocBin().from_disk(key).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(feed, batch_size=32))
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for d in docs:
            bin_.add(d)
        bin_.to_disk(key)
    runs = [(str(i), text, doc, "2016-01-01") for i, (text, doc) in enumerate(zip(feed, docs))]
    runs += [(f"{i}-undated", text, doc, None) for i, (text, doc) in enumerate(zip(feed[:undated], docs[:undated]))]
    result: dict[str, dict] = {}
    t0 = time.perf_counter()
    for doc_id, text, doc, published in runs:
        article = CleanArticle(id=doc_id, source="bench", text=text, published=published)
        ann = annotate_in_parts(article, doc, annotate_doc) if is_long(text) else annotate_doc(article, doc)
        result[doc_id] = dataclasses.asdict(ann)
    took = time.perf_counter() - t0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, sort_keys=True, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(runs)} annotated articles -> {out} (annotation {took:.1f} s)")


def diff(before: Path, after: Path, show: int) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    differing = 0
    for doc_id in sorted(set(a) | set(b)):
        x, y = a.get(doc_id), b.get(doc_id)
        if x == y:
            continue
        differing += 1
        if differing > show:
            continue
        if x is None or y is None:
            print(f"{doc_id}: only in {'after' if x is None else 'before'}")
            continue
        for layer in sorted(set(x) | set(y)):
            if x.get(layer) != y.get(layer):
                lx, ly = x.get(layer) or [], y.get(layer) or []
                print(f"{doc_id} {layer}: {len(lx)} before, {len(ly)} after")
                if isinstance(lx, list) and isinstance(ly, list):
                    for i, (p, q) in enumerate(zip(lx, ly)):
                        if p != q:
                            print(f"  first difference at #{i}:\n  before {json.dumps(p)[:600]}\n  after  {json.dumps(q)[:600]}")
                            break
    same = before.read_bytes() == after.read_bytes()
    print(f"{len(set(a) | set(b))} articles, {differing} differ; files byte-identical: {same}")
    return 0 if differing == 0 and same else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="annotate the articles and write every layer's output as JSON")
    d.add_argument("out", type=Path)
    d.add_argument("--n", type=int, default=200, help="bench annotate texts (default 200)")
    d.add_argument("--undated", type=int, default=25, help="of those, annotated again without a date (default 25)")
    d.add_argument("--cache", type=Path, default=Path("/tmp/storyline-annotation-diff-cache"))
    c = sub.add_parser("diff", help="compare two dumps; exit 1 on any difference")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=10, help="articles to detail (default 10)")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.n, args.undated, args.cache)
        return 0
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
