"""Which event dates and time expressions a code change moves, on development news (issue 9).

Annotates the development pool with the code on ``sys.path``: the first ``--lgl`` (588, all) articles
of the LGL geoparsing corpus, the first ``--geovirus`` (239) GeoVirus articles and the first
``--extraction`` (181) pages of the article-extraction benchmark (samples 7, 8 and 9 drew from these
pools; they are development data since those samples were judged), and writes every event mention's
date and every time expression to a JSON file. Parses are kept in ``--cache`` (a spaCy DocBin), so a
second code version re-runs only the annotation layers:

    .venv/bin/python scripts/event_dates_diff.py dump /tmp/after.json
    PYTHONPATH=/tmp/base/src .venv/bin/python scripts/event_dates_diff.py dump /tmp/before.json  # an older tree
    .venv/bin/python scripts/event_dates_diff.py compare /tmp/before.json /tmp/after.json

``compare`` prints the time expressions removed, added or re-valued, and each event mention whose
date or ``date_from`` changed, with its sentence, for judging by hand (docs/eval/dates8-dev.md).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pool(lgl: int, geovirus: int, extraction: int, silver: Path | None = None, silver_n: int = 0,
          tbaq: bool = False) -> list[dict]:
    spec = importlib.util.spec_from_file_location("sample_events", REPO / "scripts" / "sample_events.py")
    assert spec is not None and spec.loader is not None
    se = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(se)
    return (se.lgl_articles(se.BENCH / "geoparsing" / "lgl.xml", lgl)
            + se.geovirus_articles(se.BENCH / "geoparsing" / "GeoVirus.xml", geovirus)
            + se.extraction_articles(se.BENCH / "article-extraction", extraction)
            + (se.silver_articles(silver, silver_n) if silver else [])
            + (se.tbaq_articles(se.BENCH / "tempeval3" / "TBAQ-cleaned") if tbaq else []))


def dump(out: Path, lgl: int, geovirus: int, extraction: int, cache: Path, silver: Path | None = None,
         silver_n: int = 0, tbaq: bool = False) -> None:
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import get_nlp
    from storyline.annotate.pipeline import annotate_doc
    from storyline.model import CleanArticle

    feed = _pool(lgl, geovirus, extraction, silver, silver_n, tbaq)
    arts = [CleanArticle(id=r["id"], source="dev", text=r["text"], published=r.get("published") or None,
                         outlet=r["outlet"]) for r in feed]
    nlp = get_nlp()
    extra = (f"-{silver.name}-{silver_n or 'all'}" if silver else "") + ("-tbaq41" if tbaq else "")
    key = cache / f"lgl{lgl}-geovirus{geovirus}-extraction{extraction}{extra}.spacy"
    if key.exists():
        docs = list(DocBin().from_disk(key).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([a.text for a in arts], batch_size=32))
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin()
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(key)
    rows: list[dict] = []
    for a, doc in zip(arts, docs):
        ann = annotate_doc(a, doc)
        for m in ann.events:
            rows.append({"doc": a.id, "pub": a.published, "trigger": m.trigger, "ts": m.trigger_start,
                         "sent": m.text, "date": m.date.value if m.date else None,
                         "dtext": m.date.text if m.date else None, "from": m.date_from})
        for t in ann.timexes:
            rows.append({"doc": a.id, "timex": t.text, "start": t.start, "value": t.value, "type": t.type})
    out.write_text(json.dumps(rows, sort_keys=True), encoding="utf-8")
    print(f"{len(arts)} articles, {len(rows)} rows -> {out}")


def compare(before: Path, after: Path) -> None:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    ev_a, ev_b = ({(r["doc"], r["ts"]): r for r in rows if "trigger" in r} for rows in (a, b))
    tx_a, tx_b = ({(r["doc"], r["start"]): r for r in rows if "timex" in r} for rows in (a, b))
    for title, keys, rows in (("time expressions removed", sorted(set(tx_a) - set(tx_b)), tx_a),
                              ("time expressions added", sorted(set(tx_b) - set(tx_a)), tx_b)):
        print(f"{title}: {len(keys)}")
        for k in keys:
            print(f"  {k[0]} {rows[k]['timex']!r} {rows[k]['value']}")
    changed = [k for k in sorted(set(tx_a) & set(tx_b)) if tx_a[k]["value"] != tx_b[k]["value"]]
    print(f"time expressions re-valued: {len(changed)}")
    for k in changed:
        print(f"  {k[0]} {tx_a[k]['timex']!r} {tx_a[k]['value']} -> {tx_b[k]['value']}")
    moved = [k for k in sorted(set(ev_a) & set(ev_b)) if (ev_a[k]["date"], ev_a[k]["from"]) != (ev_b[k]["date"], ev_b[k]["from"])]
    print(f"event mention dates changed: {len(moved)} (mentions in one run only: {len(set(ev_a) ^ set(ev_b))})")
    for i, k in enumerate(moved, 1):
        x, y = ev_a[k], ev_b[k]
        print(f"  [{i}] {k[0]} pub {x['pub']} {x['trigger']!r}: {x['date']} ({x['from']}, {x['dtext']!r}) -> "
              f"{y['date']} ({y['from']}, {y['dtext']!r})\n      {' '.join(x['sent'].split())[:400]}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--lgl", type=int, default=588, help="the first N LGL articles (588: all)")
    d.add_argument("--geovirus", type=int, default=239, help="the first N GeoVirus articles")
    d.add_argument("--extraction", type=int, default=181, help="the first N article-extraction pages")
    d.add_argument("--cache", type=Path, default=Path("/tmp/storyline-event-dates-diff"),
                   help="folder of the cached spaCy parses")
    d.add_argument("--te3-silver", type=Path, default=None,
                   help="also a TempEval-3 silver-data folder (TE3-Silver-data-0, development data since sample 10)")
    d.add_argument("--te3-silver-n", type=int, default=0, help="with --te3-silver: the first N documents (0: all)")
    d.add_argument("--tbaq-held-out", action="store_true",
                   help="also the 41 TBAQ documents the event detector never saw (development data since sample 10)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        dump(a.out, a.lgl, a.geovirus, a.extraction, a.cache, a.te3_silver, a.te3_silver_n, a.tbaq_held_out)
    else:
        compare(a.before, a.after)


if __name__ == "__main__":
    main()
