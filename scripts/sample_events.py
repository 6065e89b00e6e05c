"""Draw a random sample of key events from held-out news for judging by hand (issue 9's check).

Held-out news (never used to tune events): ECB+ dev topics 23-25 (``--ecb-topics``; topics 26-35,
which no event rule was tuned on either, widen the pool for a second sample), the documents that
carry a date line (their publication date, found as ``storyline.eval.coref.published`` finds it), and PolNeAR
dev articles, the first ``--per-outlet`` (6) of each outlet by file name, each with its publication date
from ``metadata.tsv`` (as ``storyline.eval.dating`` reads it); with ``--polnear-train N`` also the
first N of each outlet of PolNeAR train (used to learn quote cues and story words, never events). They are written as JSONL records
(``id``, ``text``, ``published``, ``outlet``) and built into a fresh SQLite store in /tmp with the
ordinary ``Storyline.build``; then ``--n`` events are drawn with ``--seed`` from the export's
``events`` that the timeline shows (salience >= ``link.events.KEY_SALIENCE``), sorted by id first.

Each drawn event is written (``--out``, JSONL, one event a line) with its summary, type, modality,
date (value, and where its date came from: the ``date_from`` of the mention that carries the
event's date), actor and target names, and every mention's sentence with its article's publication
date. Judgements (``judged_real``, ``judged_actor``, ``judged_date``: true/false, and ``note``) are
added by hand to that file; re-running the script with the same arguments keeps them (matched by
event id and first mention) and rewrites the markdown summary (``.md`` beside it) with the shares.

    .venv/bin/python scripts/sample_events.py                 # the first sample (seed 0)
    .venv/bin/python scripts/sample_events.py --seed 1 --ecb-topics 23,24,25,26,27,28,29,30,31,32,33,34,35 \
        --per-outlet 12 --exclude docs/eval/events-judged-before-fix.jsonl --out docs/eval/events-judged-2.jsonl
    .venv/bin/python scripts/sample_events.py --seed 3 --ecb-topics 23,24,25,26,27,28,29,30,31,32,33,34,35 \
        --per-outlet 24 --exclude docs/eval/events-judged-before-fix.jsonl --exclude docs/eval/events-judged-2.jsonl \
        --polnear-train 12 --new-articles --out docs/eval/events-judged-3.jsonl  # articles no earlier sample drew from
"""
from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
JUDGED = ("judged_real", "judged_actor", "judged_date", "note")


def ecb_articles(root: Path, topics: tuple[int, ...]) -> list[dict]:
    from storyline.eval.coref import published
    from storyline.eval.stories import read_doc

    out = []
    for t in topics:
        for f in sorted((root / str(t)).glob("*.xml")):
            text = read_doc(f)
            day = published(text)
            if day:
                out.append({"id": f"ecb-{f.stem}", "text": text, "published": day, "outlet": "ECB+"})
    return out


def polnear_articles(root: Path, per_outlet: int, split: str = "dev", skip: int = 0) -> list[dict]:
    """The first ``per_outlet`` articles of each outlet (by file name) with a publication date, less
    the first ``skip`` of each (a pool of articles no earlier sample or development set drew from)."""
    lines = (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    fi, di, pi = head.index("filename"), head.index("publication_date"), head.index("publisher")
    meta = {}
    for ln in lines[1:]:
        cols = ln.split("\t")
        if len(cols) > max(fi, di, pi):
            try:
                meta[cols[fi]] = (date.fromisoformat(cols[di][:10]).isoformat(), cols[pi])
            except ValueError:
                continue
    taken: dict[str, int] = {}
    out = []
    for f in sorted((root / split / "text").glob("*.txt")):
        if f.stem not in meta:
            continue
        day, outlet = meta[f.stem]
        if taken.get(outlet, 0) >= per_outlet:
            continue
        taken[outlet] = taken.get(outlet, 0) + 1
        if taken[outlet] <= skip:
            continue
        out.append({"id": f"polnear-{f.stem}", "text": f.read_text(encoding="utf-8"), "published": day,
                    "outlet": outlet})
    return out


_URL_DAY = re.compile(r"/(20\d\d)/?([01]\d)/?([0-3]\d)/")


def lgl_articles(path: Path, n: int, skip: int = 0) -> list[dict]:
    """The first ``n`` articles (in file order) of the LGL geoparsing corpus (US local news, March-April
    2009; used only to score toponym resolution, never events), less the first ``skip`` of them: the
    publication day from the address where it has one ("/2009/03/20/", "/20090320/"), else the day the
    article was fetched (``dltime``)."""
    import xml.etree.ElementTree as ET

    out = []
    for art in ET.parse(path).getroot().findall("article")[skip:n]:
        url, text = art.findtext("url") or "", art.findtext("text") or ""
        m = _URL_DAY.search(url)
        try:
            day = date(int(m[1]), int(m[2]), int(m[3])).isoformat() if m else ""
        except ValueError:
            day = ""
        day = day or (art.findtext("dltime") or "")[:10]
        if text.strip() and day:
            out.append({"id": f"lgl-{art.get('docid')}", "text": text, "published": day,
                        "outlet": art.findtext("domain") or "LGL"})
    return out


def geovirus_articles(path: Path, n: int) -> list[dict]:
    """The first ``n`` articles (in file order) of the GeoVirus geoparsing corpus (Wikinews disease news;
    used only to score toponym resolution): no publication date (the article's own words date it)."""
    import xml.etree.ElementTree as ET

    out = []
    for k, art in enumerate(ET.parse(path).getroot().findall("article")[:n]):
        text = art.findtext("text") or ""
        if text.strip():
            out.append({"id": f"geovirus-{k:03d}", "text": text, "outlet": "GeoVirus"})
    return out


def extraction_articles(root: Path, n: int) -> list[dict]:
    """The first ``n`` pages (by file name) of the article-extraction benchmark (news and magazine
    pages of many outlets, 2017-2020; used only to score text extraction, never events) that carry a
    publication date: the text is the benchmark's true article body, the date is the one Storyline's
    clean stage reads from the page's own metadata (``clean.clean`` on the HTML), the outlet its domain."""
    import gzip
    from urllib.parse import urlsplit

    from storyline.clean import clean
    from storyline.model import RawArticle

    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth)[:n]:
        page = root / "html" / f"{key}.html.gz"
        body, url = truth[key].get("articleBody") or "", truth[key].get("url") or ""
        if not body.strip() or not page.exists():
            continue
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        try:
            published = clean(RawArticle(id=key, source=str(page), html=html, url=url)).published
        except ValueError:
            continue
        if published:
            out.append({"id": f"extraction-{key[:12]}", "text": body, "published": published[:10],
                        "outlet": urlsplit(url).netloc.removeprefix("www.") or "extraction"})
    return out


def tbaq_articles(root: Path) -> list[dict]:
    """The TBAQ documents (TimeBank and AQUAINT news, 1989-2000) that the event detector never saw:
    those ``storyline.eval.timeml.split_of`` holds out (``dev``, 41 of 256), their text without the
    TimeML tags and their creation time (DCT) as the publication day, the outlet from the file name
    (``wsj_0006`` -> WSJ, ``APW19980227.0489`` -> APW). Used to score detection, never read for actors
    or dates."""
    from storyline.eval.timeml import load

    out = []
    for d in load(root):
        if d.split != "dev" or not d.text.strip() or not d.dct[:10]:
            continue
        out.append({"id": f"tbaq-{d.name}", "text": d.text, "published": d.dct[:10],
                    "outlet": re.match(r"[A-Za-z]+", d.name)[0].upper()})
    return out


def semeval_test_articles(root: Path) -> list[dict]:
    """The articles of SemEval-2015 Task 4's test data (Wikinews on Airbus/Boeing, General Motors and
    the stock market, 2003-2012; not in the bench: give the published ``SemEval_Task4_data`` folder or
    one ``corpus_N``), their text and creation day as ``storyline eval timeline`` reads them."""
    from storyline.eval.timeline import layout, read_doc

    corpora = [root] if layout(root) else [p for p in sorted(root.iterdir()) if p.is_dir() and layout(p)]
    if not corpora:
        raise SystemExit(f"{root}: no SemEval-2015 Task 4 corpus (corpus_trackA_TimeML/) here")
    out = []
    for c in corpora:
        raw_dir, _ = layout(c)
        for f in sorted(raw_dir.glob("*.tml")):
            doc_id, dct, text, _ = read_doc(f)
            if text.strip() and re.fullmatch(r"\d{4}-\d\d-\d\d", dct[:10]):  # (one reads "03-02-2009": left out)
                out.append({"id": f"semeval-{doc_id}", "text": text, "published": dct[:10], "outlet": "Wikinews"})
    return out


def giveme5w1h_articles(root: Path) -> list[dict]:
    """The dated news articles of the Giveme5W1H datasets (public GitHub repository
    fhamborg/Giveme5W1H, ``Giveme5W1H/examples/datasets/{gold_standard,40er,bbc}/data/*.json``: news of
    many outlets, 2004-2005, 2016 and 2017; never used for events or anything else here). ``root`` holds
    those JSON files, in subfolders or not; the text is the article's ``title`` and ``text``, the day
    its ``date_publish``. Files with no text of 800 characters or no date are left out (a few carry
    only a teaser)."""
    out = []
    for f in sorted(root.rglob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        text, day = (d.get("text") or "").strip(), str(d.get("date_publish") or "")[:10]
        if len(text) < 800 or not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            continue
        title = (d.get("title") or "").strip()
        out.append({"id": f"g5-{f.stem[:16]}", "text": f"{title}\n\n{text}" if title else text, "published": day,
                    "outlet": d.get("publisher") or f.parent.name})
    return out


_REUTERS_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def reuters_articles(path: Path, min_chars: int = 800) -> list[dict]:
    """The stories of one Reuters-21578 file (``reut2-000.sgm``: Reuters business wire of February and
    March 1987, public for research; a copy in GitHub shaefeli/NLP_training's first commit) whose body
    has at least ``min_chars`` characters (the rest are mostly one-line earnings tables): title,
    dateline and body as the wire sent them (its wrapped lines joined into paragraphs), dated by the story's DATE. The SGML is read with two
    regular expressions (its tags never nest within a story's fields)."""
    import html

    out = []
    for new_id, doc in _REUTERS_DOC.findall(path.read_text(encoding="latin-1")):
        def field(tag: str, doc: str = doc) -> str:
            m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
            return html.unescape(m.group(1)).strip() if m else ""
        body, day = field("BODY").removesuffix("Reuter").strip(), field("DATE")
        m = re.match(r"(\d{1,2})-([A-Z]{3})-(\d{4})", day)
        if len(body) < min_chars or not m or m[2] not in _MONTHS:
            continue
        # the wire's lines are wrapped at 70 characters and its paragraphs indented: one line a paragraph
        body = "\n\n".join(" ".join(par.split()) for par in re.split(r"\n\s{2,}", body))
        dateline = field("DATELINE").rstrip(" -")
        text = "\n\n".join(x for x in (field("TITLE"), f"{dateline} - {body}" if dateline else body) if x)
        out.append({"id": f"reuters-{new_id}", "text": text, "outlet": "Reuters",
                    "published": date(int(m[3]), _MONTHS[m[2]], int(m[1])).isoformat()})
    return out


_ISOT_DAY = re.compile(r"([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})")


def isot_articles(path: Path, n: int, skip: int = 0) -> list[dict]:
    """Rows ``skip + 1`` to ``n`` of a CSV of Reuters news of 2017 (columns ``title``, ``text``, ``subject``,
    ``date``; the ``True.csv`` of the ISOT fake-news data, public for research, as copied in GitHub
    Vatshayan/Fake-News-Prediction, sha1 d70539f6): title and text as given (the text is one paragraph,
    opening with its dateline), dated by the row's ``date`` ("December 31, 2017"). Rows with no such
    date or under 800 characters of text are left out."""
    import csv

    months = {m: i for i, m in enumerate(("January February March April May June July August September "
                                          "October November December").split(), 1)}
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), 1):
            if i <= skip or (n and i > n):
                continue
            m = _ISOT_DAY.fullmatch(row["date"].strip())
            text = row["text"].strip()
            if not m or m[1] not in months or len(text) < 800:
                continue
            out.append({"id": f"isot-{i}", "text": f"{row['title'].strip()}\n\n{text}", "outlet": "Reuters",
                        "published": date(int(m[3]), months[m[1]], int(m[2])).isoformat()})
    return out


def jsonl_articles(path: Path, n: int, skip: int = 0) -> list[dict]:
    """Lines ``skip + 1`` to ``n`` of a JSON-lines file of dated news, one article a line with ``id``,
    ``date`` (YYYY-MM-DD, its published day), ``title``, ``text`` and ``source`` (the outlet): title and
    text as given. Lines with no such date or under 800 characters of text are left out. Such files
    are kept outside the repository (copyright stays with the outlets), e.g. the SemEval-2018 Task 5
    gun-violence news (``/work/extdata/gva_news``, its SOURCE.md says where from)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if i <= skip or (n and i > n):
                continue
            row = json.loads(line)
            day, text = str(row.get("date") or ""), str(row.get("text") or "").strip()
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or len(text) < 800:
                continue
            out.append({"id": f"{path.parent.name}-{i}", "text": f"{str(row.get('title') or '').strip()}\n\n{text}",
                        "outlet": str(row.get("source") or path.parent.name), "published": day})
    return out


def silver_articles(root: Path, n: int, skip: int = 0) -> list[dict]:
    """The first ``n`` (0: all) documents (by file name), less the first ``skip``, of a TempEval-3 silver-data folder (Gigaword wire news
    with machine TimeML tags, e.g. ``TE3-Silver-data-0``: AFP, April 1997; not in the bench): the text
    without its tags and the creation day (DCT) as the publication day, the agency from the file name."""
    from storyline.eval.timeml import read

    out = []
    for f in sorted(root.glob("*.tml"))[skip:n or None]:
        d = read(f, root.name)
        if d.text.strip() and re.fullmatch(r"\d{4}-\d\d-\d\d", d.dct[:10]):
            out.append({"id": f"silver-{f.stem}", "text": d.text.strip(), "published": d.dct[:10],
                        "outlet": f.stem.split("_")[0]})
    return out


def build(feed: list[dict], db: Path) -> dict:
    from storyline import Storyline

    db.parent.mkdir(parents=True, exist_ok=True)
    for p in (db, db.with_suffix(".jsonl")):
        if p.exists():
            p.unlink()
    src = db.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(r) + "\n" for r in feed), encoding="utf-8")
    with Storyline(db) as sl:
        sl.build(src)
        return sl.export()


def _mention_keys(rows: list[dict]) -> set[tuple]:
    return {(m["document_id"], m["trigger"], m["sentence"]) for r in rows for m in r["mentions"]}


def sample(data: dict, n: int, seed: int, exclude: set[tuple] = frozenset(),
           exclude_docs: set[str] = frozenset()) -> list[dict]:
    from storyline.link.events import KEY_SALIENCE

    names = {e["id"]: e["name"] for e in data["entities"]}
    pub = {d["id"]: d.get("published") for d in data["documents"]}
    by_event: dict[str, list[dict]] = {}
    for m in data["event_mentions"]:
        by_event.setdefault(m["event_id"], []).append(m)
    def seen(e: dict) -> bool:
        return any((m["document_id"], m["trigger"]["text"], m["sentence"]) in exclude or m["document_id"] in exclude_docs
                   for m in by_event.get(e["id"], []))

    key = sorted((e for e in data["events"] if e["salience"] >= KEY_SALIENCE and not seen(e)), key=lambda e: e["id"])
    drawn = random.Random(seed).sample(key, min(n, len(key)))
    out = []
    for e in drawn:
        ms = by_event.get(e["id"], [])
        value = (e["date"] or {}).get("value")
        carrier = next((m for m in ms if (m["date"] or {}).get("value") == value), None)
        out.append({
            "event_id": e["id"], "summary": e["summary"], "type": e["type"], "modality": e["modality"],
            "salience": e["salience"], "date": value,
            "date_from": carrier["date_from"] if carrier and value else None,
            # no one named: the common noun the line shows as the doer ("Police"), as a reader sees it
            "actors": [names.get(a, a) for a in e["actor_ids"]] or ([e["doer"]] if e.get("doer") else []),
            "targets": [names.get(a, a) for a in e["target_ids"]],
            "mentions": [{"document_id": m["document_id"], "published": pub.get(m["document_id"]),
                          "trigger": m["trigger"]["text"], "sentence": m["sentence"],
                          "date": (m["date"] or {}).get("value"), "date_from": m["date_from"],
                          **({"date_sentence": m["date_sentence"]} if m.get("date_sentence") else {}),
                          "modality": m["modality"]} for m in ms],
            "key_events": len(key),
        })
    return out


def _key(r: dict) -> tuple:
    m = r["mentions"][0] if r["mentions"] else {}
    return r["event_id"], m.get("document_id"), m.get("sentence")


def shares(rows: list[dict]) -> dict[str, tuple[int, int]]:
    out = {}
    for f in JUDGED[:3]:
        done = [r[f] for r in rows if isinstance(r.get(f), bool)]
        out[f] = (sum(done), len(done))
    real = [r for r in rows if r.get("judged_real") is True]
    for f in JUDGED[1:3]:
        done = [r[f] for r in real if isinstance(r.get(f), bool)]
        out[f + "_of_real"] = (sum(done), len(done))
    return out


def argv_line(a: argparse.Namespace) -> str:
    """The command that reproduces this sample."""
    out = a.out.resolve()
    parts = [".venv/bin/python scripts/sample_events.py", f"--seed {a.seed}"]
    if a.ecb_topics != "23,24,25":
        parts.append(f"--ecb-topics '{a.ecb_topics}'")
    if a.per_outlet != 6:
        parts.append(f"--per-outlet {a.per_outlet}")
    parts += [f"--exclude {f}" for f in a.exclude]
    for name in _POOL_COUNTS:  # the pools' counts, given only when set
        value = getattr(a, name)
        if value:
            parts.append(f"--{name.replace('_', '-')}" + ("" if value is True else f" {value}"))
    if a.new_articles:
        parts.append("--new-articles")
    parts.append(f"--out {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    return " ".join(parts)


_POOL_COUNTS = ("polnear_train", "polnear_train_skip", "lgl", "lgl_skip", "geovirus", "extraction", "tbaq_held_out",
                "semeval_test", "te3_silver", "te3_silver_n", "te3_silver_skip", "giveme5w1h", "reuters",
                "isot", "isot_n", "isot_skip", "jsonl", "jsonl_n", "jsonl_skip")


def pools(a: argparse.Namespace) -> str:
    """The pools the feed was drawn from, in words, for the table's header."""
    out = []
    if a.ecb_topics.strip():
        out.append(f"ECB+ topics {a.ecb_topics} with a date line")
    if a.per_outlet:
        out.append(f"PolNeAR dev, {a.per_outlet} per outlet")
    if a.polnear_train:
        out.append(f"PolNeAR train articles {a.polnear_train_skip + 1}-{a.polnear_train} of each outlet")
    if a.lgl:
        out.append(f"LGL articles {a.lgl_skip + 1}-{a.lgl}")
    if a.geovirus:
        out.append(f"GeoVirus articles 1-{a.geovirus}")
    if a.extraction:
        out.append(f"the dated ones of article-extraction pages 1-{a.extraction}")
    if a.tbaq_held_out:
        out.append("the 41 TBAQ documents held out from the event detector's training")
    if a.semeval_test:
        out.append(f"the SemEval-2015 Task 4 test articles ({a.semeval_test.name})")
    if a.giveme5w1h:
        out.append(f"the dated Giveme5W1H articles ({a.giveme5w1h.name})")
    if a.reuters:
        out.append(f"the Reuters-21578 stories of at least 800 characters in {a.reuters.name}")
    if a.isot:
        out.append(f"rows {a.isot_skip + 1}-{a.isot_n or 'last'} of the Reuters news of 2017 in {a.isot.name} "
                   "(ISOT), at least 800 characters")
    if a.jsonl:
        out.append(f"lines {a.jsonl_skip + 1}-{a.jsonl_n or 'last'} of {a.jsonl.parent.name}/{a.jsonl.name}, "
                   "at least 800 characters")
    if a.te3_silver:
        out.append(f"documents {a.te3_silver_skip + 1}-{a.te3_silver_n or 'last'} (by file name) of TempEval-3 silver data "
                   f"{a.te3_silver.name}" if a.te3_silver_skip else
                   f"the first {a.te3_silver_n or 'all'} documents of TempEval-3 silver data {a.te3_silver.name}")
    return "; ".join(out) or "none"


def write(rows: list[dict], out: Path, seed: int, n_articles: int, command: str, pool: str) -> None:
    old = {}
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            old[_key(r)] = {k: r[k] for k in JUDGED if k in r}
    for r in rows:
        r.update(old.get(_key(r), {}))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    s = shares(rows)
    lines = [f"# Key events judged by hand: {out.name}", "",
             (f"Seed {seed}; {len(rows)} events drawn from {rows[0]['key_events'] if rows else 0} key events "
              f"(not drawn before) of {n_articles} held-out articles ({pool})."),
             f"Command: `{command}`",
             "", "| check | right | judged | share |", "|---|---|---|---|"]
    for f, (k, t) in s.items():
        name = f[7:].replace("_of_real", " (of the real events)")
        lines.append(f"| {name} | {k} | {t} | {k / t:.0%} |" if t else f"| {name} | - | 0 | - |")
    lines += ["", ("Judged by hand from each event's sentences and its article's publication date. A non-event "
              "counts as wrong on actor and date too (first rows); the last rows count real events only.")]
    lines += ["", "| # | summary | type | modality | date (from) | actors | real | actor | date | note |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    yn = {True: "yes", False: "no", None: "?"}

    def cell(s) -> str:
        return str(s).replace("|", "\\|").replace("\n", " ")

    for i, r in enumerate(rows, 1):
        lines.append(f"| {i} | {cell(r['summary'])} | {r['type']} | {r['modality']} | "
                     f"{r['date'] or 'undated'} ({r['date_from'] or '-'}) | {cell(', '.join(r['actors']) or '-')} | "
                     f"{yn[r.get('judged_real')]} | {yn[r.get('judged_actor')]} | {yn[r.get('judged_date')]} | "
                     f"{cell(r.get('note', ''))} |")
    out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--ecb-topics", default="23,24,25")
    ap.add_argument("--per-outlet", type=int, default=6)
    ap.add_argument("--db", type=Path, default=Path("/tmp/storyline-events-judge/held-out.db"))
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "eval" / "events-judged.jsonl")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a judged sample whose events (any mention in common) are not drawn again")
    ap.add_argument("--polnear-train", type=int, default=0,
                    help="also the first N articles of each outlet of PolNeAR train (no event rule was tuned on them)")
    ap.add_argument("--polnear-train-skip", type=int, default=0,
                    help="with --polnear-train N: leave out the first K of each outlet (articles K+1..N)")
    ap.add_argument("--lgl", type=int, default=0,
                    help="also the first N articles of the LGL geoparsing corpus (local news, never used for events)")
    ap.add_argument("--lgl-skip", type=int, default=0,
                    help="with --lgl N: leave out the first K articles (articles K+1..N)")
    ap.add_argument("--geovirus", type=int, default=0,
                    help="also the first N articles of the GeoVirus geoparsing corpus (Wikinews, undated)")
    ap.add_argument("--extraction", type=int, default=0,
                    help="also the dated ones of the first N pages of the article-extraction benchmark "
                         "(many outlets and subjects, never used for events)")
    ap.add_argument("--tbaq-held-out", action="store_true",
                    help="also the TBAQ documents held out from the event detector's training (TimeBank "
                         "and AQUAINT news, dated by their DCT; never read for event actors or dates)")
    ap.add_argument("--semeval-test", type=Path, default=None,
                    help="also the articles of SemEval-2015 Task 4's test data (its published folder, not in "
                         "the bench; Wikinews, dated)")
    ap.add_argument("--te3-silver", type=Path, default=None,
                    help="also documents of a TempEval-3 silver-data folder (Gigaword wire news, dated; not in "
                         "the bench): the first --te3-silver-n by file name")
    ap.add_argument("--te3-silver-n", type=int, default=0, help="with --te3-silver: the first N documents (0: all)")
    ap.add_argument("--te3-silver-skip", type=int, default=0,
                    help="with --te3-silver: leave out the first K of those documents (a sample already drew from them)")
    ap.add_argument("--giveme5w1h", type=Path, default=None,
                    help="also the dated articles of the Giveme5W1H datasets (a folder of their JSON files; "
                         "news of many outlets, 2004-2017, never used here before)")
    ap.add_argument("--reuters", type=Path, default=None,
                    help="also the stories of at least 800 characters of a Reuters-21578 file (reut2-000.sgm: "
                         "business wire of 1987, never used here before)")
    ap.add_argument("--isot", type=Path, default=None,
                    help="also Reuters news of 2017 from the ISOT data's True.csv (never used here before)")
    ap.add_argument("--isot-n", type=int, default=0, help="with --isot: rows up to N (0: all)")
    ap.add_argument("--isot-skip", type=int, default=0, help="with --isot: leave out the first K rows")
    ap.add_argument("--jsonl", type=Path, default=None,
                    help="also dated news from a JSON-lines file (id, date, title, text, source on each line)")
    ap.add_argument("--jsonl-n", type=int, default=0, help="with --jsonl: lines up to N (0: all)")
    ap.add_argument("--jsonl-skip", type=int, default=0, help="with --jsonl: leave out the first K lines")
    ap.add_argument("--new-articles", action="store_true",
                    help="with --exclude: draw no event told in any article of the excluded samples")
    a = ap.parse_args(argv)
    feed = ecb_articles(BENCH / "ecbplus", tuple(int(t) for t in a.ecb_topics.split(",") if t.strip())) + \
        polnear_articles(BENCH / "polnear", a.per_outlet)
    if a.polnear_train:
        feed += polnear_articles(BENCH / "polnear", a.polnear_train, "train", a.polnear_train_skip)
    if a.lgl:
        feed += lgl_articles(BENCH / "geoparsing" / "lgl.xml", a.lgl, a.lgl_skip)
    if a.geovirus:
        feed += geovirus_articles(BENCH / "geoparsing" / "GeoVirus.xml", a.geovirus)
    if a.extraction:
        feed += extraction_articles(BENCH / "article-extraction", a.extraction)
    if a.tbaq_held_out:
        feed += tbaq_articles(BENCH / "tempeval3" / "TBAQ-cleaned")
    if a.semeval_test:
        feed += semeval_test_articles(a.semeval_test)
    if a.te3_silver:
        feed += silver_articles(a.te3_silver, a.te3_silver_n, a.te3_silver_skip)
    if a.giveme5w1h:
        feed += giveme5w1h_articles(a.giveme5w1h)
    if a.reuters:
        feed += reuters_articles(a.reuters)
    if a.isot:
        feed += isot_articles(a.isot, a.isot_n, a.isot_skip)
    if a.jsonl:
        feed += jsonl_articles(a.jsonl, a.jsonl_n, a.jsonl_skip)
    data = build(feed, a.db)
    exclude = _mention_keys([json.loads(x) for f in a.exclude for x in f.read_text(encoding="utf-8").splitlines()])
    old_docs = {k[0] for k in exclude} if a.new_articles else set()
    rows = sample(data, a.n, a.seed, exclude, old_docs)
    write(rows, a.out.resolve(), a.seed, len(feed), argv_line(a), pools(a))
    s = shares(rows)
    print(f"{len(feed)} articles, {rows[0]['key_events'] if rows else 0} key events, {len(rows)} drawn -> {a.out}")
    for f, (k, t) in s.items():
        print(f"{f}: {k}/{t}" + (f" = {k / t:.1%}" if t else ""))


if __name__ == "__main__":
    main()
