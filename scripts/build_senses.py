"""Write src/storyline/annotate/senses.json: the WordNet lexicographer classes of the first senses of
English nouns and verbs ("attack" -> noun: act, act, communication; verb: competition, ...), a
feature of the event detector (``annotate.event_detect.features``): a noun whose usual senses are
acts, events, processes or states names a happening far more often than one whose senses are
artifacts or people, and that holds for nouns the training data never showed.

Source: WordNet 3.0 as Debian's ``wordnet-base`` package installs it (``/usr/share/wordnet``;
``apt-get install wordnet-base``). WordNet 3.0 Copyright 2006 by Princeton University; its license
allows redistribution of derived data with this notice: "Permission to use, copy, modify and
distribute this software and database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with the following copyright notice and
statements ... WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS
SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
WARRANTIES, EXPRESS OR IMPLIED."

Kept: one-word lemmas (letters, hyphens, apostrophes), their first ``--senses`` senses in WordNet's
order (most frequent first), each as the name of its lexicographer file without the part of speech
("noun.act" -> "act"). Hand-written reader (WordNet's index and data files are two plain-text
formats of a few fields; the wn and nltk packages fetch their data from the web at first use).

    .venv/bin/python scripts/build_senses.py [--wordnet /usr/share/wordnet] [--senses 3]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "annotate" / "senses.json"
# WordNet's lexicographer files, by number (lexnames(5WN))
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
_WORD = re.compile(r"^[a-z][a-z'-]*$")


def lexfiles(data: Path) -> dict[str, str]:
    """synset offset -> its lexicographer file, short ("act")."""
    out = {}
    for line in data.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the license header
        offset, filenum = line.split(" ", 2)[:2]
        out[offset] = LEXNAMES[int(filenum)].split(".", 1)[1]
    return out


def senses(index: Path, data: Path, n: int) -> dict[str, str]:
    """lemma -> its first ``n`` senses' lexicographer files, comma-separated."""
    files = lexfiles(data)
    out = {}
    for line in index.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, p_cnt = f[0], int(f[3])
        if not _WORD.match(lemma):
            continue
        offsets = f[4 + p_cnt + 2:]  # after the pointer symbols, sense_cnt and tagsense_cnt
        out[lemma] = ",".join(files[o] for o in offsets[:n])
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--senses", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not (a.wordnet / "index.noun").is_file():
        raise SystemExit(f"{a.wordnet}: no WordNet here (Debian: apt-get install wordnet-base)")
    data = {"about": "first senses' WordNet 3.0 lexicographer files (scripts/build_senses.py); "
                     "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
            "noun": senses(a.wordnet / "index.noun", a.wordnet / "data.noun", a.senses),
            "verb": senses(a.wordnet / "index.verb", a.wordnet / "data.verb", a.senses)}
    a.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['noun'])} nouns, {len(data['verb'])} verbs -> {a.out} ({a.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
