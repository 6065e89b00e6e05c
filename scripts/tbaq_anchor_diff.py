"""Which TBAQ *train* events gain or lose their gold time anchor between two code versions (issue 9).

``storyline eval events`` prints only aggregate anchoring figures; this dumps, for every gold event of
the TBAQ training documents (never the held-out split of ``storyline.eval.timeml``), whether our
mention of it is dated from the time expression a gold TLINK anchors it to, and ``compare`` lists the
events lost and gained with their sentence, for judging by hand (docs/eval/dates9-dev.md):

    PYTHONPATH=/work/<you>-old/src .venv/bin/python scripts/tbaq_anchor_diff.py dump /tmp/before.json
    .venv/bin/python scripts/tbaq_anchor_diff.py dump /tmp/after.json
    .venv/bin/python scripts/tbaq_anchor_diff.py compare /tmp/before.json /tmp/after.json
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "bench" / "tempeval3" / "TBAQ-cleaned"


def dump(out: Path, cache: Path) -> None:
    from storyline.annotate.entities import extract_entities
    from storyline.annotate.events import extract_events
    from storyline.annotate.figures import extract_figures
    from storyline.annotate.timex import tag
    from storyline.eval.events import ANCHOR_RELS, parsed
    from storyline.eval.timeml import load

    golds = [g for g in load(CORPUS) if g.split == "train"]  # the held-out split is never read
    rows = []
    for gold, doc in zip(golds, parsed(golds, cache)):
        timexes = tag(gold.text, gold.dct)
        at = {m.trigger_start: m for m in extract_events(doc, extract_entities(doc), timexes,
                                                          extract_figures(doc, timexes), gold.dct)}
        times = {t.tid: t for t in gold.times}
        anchors: dict[str, set[str]] = defaultdict(set)
        for eid, tid, rel in gold.event_time_links:
            if rel in ANCHOR_RELS and times[tid].type in ("DATE", "TIME"):
                anchors[eid].add(tid)
        for g in gold.events:
            m = at.get(g.start)
            dated = m is not None and m.date_from in ("sentence", "related-event") and m.date is not None
            found = dated and any(times[t].start < m.date.end and m.date.start < times[t].end
                                  for t in anchors.get(g.eid, ()))
            span = doc.char_span(g.start, g.start + 1, alignment_mode="expand")
            rows.append({"doc": gold.name, "start": g.start, "anchored": bool(anchors.get(g.eid)),
                         "found": bool(found), "date": m.date.text if dated else None,
                         "trigger": span.text if span is not None else "",
                         "sentence": span.sent.text if span is not None else ""})
    out.write_text(json.dumps(rows, sort_keys=True), encoding="utf-8")
    print(f"{len(golds)} train documents, {len(rows)} gold events -> {out}")


def compare(before: Path, after: Path) -> None:
    a, b = ({(r["doc"], r["start"]): r for r in json.loads(p.read_text(encoding="utf-8"))} for p in (before, after))
    for title, test in (("lost", lambda x, y: x["found"] and not y["found"]),
                        ("gained", lambda x, y: y["found"] and not x["found"])):
        keys = [k for k in sorted(set(a) & set(b)) if test(a[k], b[k])]
        print(f"gold anchors {title}: {len(keys)}")
        for k in keys:
            x = a[k] if title == "lost" else b[k]
            print(f"  {k[0]} {x['trigger']!r} <{x['date']}> {' '.join(x['sentence'].split())[:200]}")
    undated = [k for k in sorted(set(a) & set(b)) if a[k]["date"] and not b[k]["date"]]
    print(f"events undated: {len(undated)} ({sum(not a[k]['found'] for k in undated)} not anchored to that time by gold)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--cache", type=Path, default=Path("/tmp/storyline-tbaq-anchor-diff"),
                   help="folder of the cached spaCy parses")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        dump(a.out, a.cache)
    else:
        compare(a.before, a.after)


if __name__ == "__main__":
    main()
