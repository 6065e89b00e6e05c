"""Every event mention's actors and line on a development pool, and what changed between two code
versions (issue 9's actor work): ``dump`` writes one JSON line per mention, ``diff`` prints the mentions
whose actors or line differ, with their sentence, for judging by hand.

Pool: LGL geoparsing articles 1-``--lgl`` (all 588 by default: articles 251-588, held out for
judged sample 8, are development data since it was judged), the first ``--geovirus`` GeoVirus articles
and the dated ones of the first ``--extraction`` article-extraction pages (judged sample 9's pool, also
development data now), and with ``--te3-silver`` a TempEval-3 silver-data folder; parses are kept in ``--cache`` (a spaCy DocBin) so a second version re-runs only
the annotation layers.

    .venv/bin/python scripts/event_actor_diff.py dump /tmp/after.jsonl
    PYTHONPATH=<other checkout>/src .venv/bin/python scripts/event_actor_diff.py dump /tmp/before.jsonl
    .venv/bin/python scripts/event_actor_diff.py diff /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_events import BENCH, extraction_articles, geovirus_articles, lgl_articles, silver_articles  # noqa: E402


def dump(out: Path, lgl: int, geovirus: int, cache: Path, extraction: int = 0, silver: Path | None = None,
         silver_n: int = 0) -> None:
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import get_nlp
    from storyline.annotate.pipeline import annotate_doc
    from storyline.model import CleanArticle

    feed = lgl_articles(BENCH / "geoparsing" / "lgl.xml", lgl) + \
        geovirus_articles(BENCH / "geoparsing" / "GeoVirus.xml", geovirus)
    if extraction:
        feed += extraction_articles(BENCH / "article-extraction", extraction)
    if silver:
        feed += silver_articles(silver, silver_n)
    nlp = get_nlp()
    extra = f"-{silver.name}-{silver_n or 'all'}" if silver else ""
    key = cache / f"lgl{lgl}-geovirus{geovirus}-extraction{extraction}{extra}.spacy"
    if key.exists():
        docs = list(DocBin().from_disk(key).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([r["text"] for r in feed], batch_size=32))
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin()
        for d in docs:
            bin_.add(d)
        bin_.to_disk(key)
    with out.open("w", encoding="utf-8") as f:
        for r, doc in zip(feed, docs):
            article = CleanArticle(id=r["id"], source="dev", text=r["text"], published=r.get("published") or None)
            for m in annotate_doc(article, doc).events:
                f.write(json.dumps({"doc": r["id"], "trigger": m.trigger, "start": m.trigger_start,
                                    "actors": m.actors, "targets": m.targets, "summary": m.summary,
                                    "sentence": m.text}, ensure_ascii=False) + "\n")


def diff(before: Path, after: Path) -> int:
    def read(p: Path) -> dict:
        rows = (json.loads(x) for x in p.read_text(encoding="utf-8").split("\n") if x)
        return {(r["doc"], r["start"]): r for r in rows}

    a, b = read(before), read(after)
    n = 0
    for k in sorted(set(a) & set(b)):
        x, y = a[k], b[k]
        if (x["actors"], x["summary"]) != (y["actors"], y["summary"]):
            n += 1
            print(f"{k[0]} [{x['trigger']}] {x['actors']} -> {y['actors']} | {x['summary']} -> {y['summary']}\n"
                  f"    {y['sentence'][:300]!r}")
    print(f"{n} mentions changed ({len(set(a) ^ set(b))} found by one version only)")
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--lgl", type=int, default=588)
    d.add_argument("--geovirus", type=int, default=239)
    d.add_argument("--extraction", type=int, default=181)
    d.add_argument("--cache", type=Path, default=Path("/tmp/storyline-event-actor-diff"))
    d.add_argument("--te3-silver", type=Path, default=None,
                   help="also a TempEval-3 silver-data folder (TE3-Silver-data-0 to -3 are development data)")
    d.add_argument("--te3-silver-n", type=int, default=0, help="with --te3-silver: the first N documents (0: all)")
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        dump(a.out, a.lgl, a.geovirus, a.cache, a.extraction, a.te3_silver, a.te3_silver_n)
    else:
        diff(a.before, a.after)


if __name__ == "__main__":
    main()
