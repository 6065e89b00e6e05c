"""Score the writing-date estimate (``annotate/dating.py``) on articles with their dates withheld.

Corpora: TempEval-3 TBAQ-cleaned (TimeML: the DCT element is the date; only the TEXT is given) and
PolNeAR (``metadata.tsv``'s publication_date; the text files carry none). Date lines are removed
from the text first: a leading dateline (``NAIROBI, Kenya (AP) _``, ``WASHINGTON, Oct. 5 --``) and
any line that is only a date (``clean.meta.date_line``), so the estimate works from the report alone.

Splits (deterministic): PolNeAR's own train/dev folders; TBAQ by a hash of the file name (a quarter
to dev). The model (``dating_model.json``) is learned on the train articles only
(``scripts/train_dating.py``); dev is held out.

Figures per split: share of articles estimated, share of all articles estimated within 31 days of
their real date, share with the right year, and, of the estimates, the share within 31 days and the
share off by a year or more (more than 365 days away).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..model import DateEstimate

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z. ]+)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z ]{1,20}\))?\s*(?:_|--|—|–|-|:)\s*")


@dataclass
class DatedArticle:
    name: str
    corpus: str  # "tbaq" | "polnear"
    split: str  # "train" | "dev"
    date: date
    text: str  # with its date lines removed


def strip_dates(text: str) -> str:
    """The text without a leading dateline and without lines that are only a date."""
    from ..clean.meta import date_line

    lines = [ln for ln in text.split("\n") if not (ln.strip() and date_line(ln))]
    text = "\n".join(lines).lstrip()
    m = _DATELINE.match(text)
    if m and m.end() < 80:
        text = text[m.end():]
    return text


def tbaq_split(name: str) -> str:
    return "dev" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 4 == 0 else "train"


def _tbaq(root: Path) -> list[DatedArticle]:
    from .timex import read_tml

    out = []
    for sub in ("TimeBank", "AQUAINT"):
        for f in sorted((root / sub).glob("*.tml")):
            d = read_tml(f, sub)
            try:
                day = date.fromisoformat(d.dct[:10])
            except ValueError:
                continue
            out.append(DatedArticle(f.stem, "tbaq", tbaq_split(f.stem), day, strip_dates(d.text)))
    return out


def _polnear(root: Path) -> list[DatedArticle]:
    dates: dict[str, date] = {}
    lines = (root / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    fi, di = head.index("filename"), head.index("publication_date")
    for ln in lines[1:]:
        cols = ln.split("\t")
        if len(cols) > max(fi, di):
            try:
                dates[cols[fi]] = date.fromisoformat(cols[di][:10])
            except ValueError:
                continue
    out = []
    for split in ("train", "dev"):
        for f in sorted((root / split / "text").glob("*.txt")):
            if f.stem in dates:
                out.append(DatedArticle(f.stem, "polnear", split, dates[f.stem],
                                        strip_dates(f.read_text(encoding="utf-8", errors="replace"))))
    return out


def load(corpus: Path) -> list[DatedArticle]:
    """The dated articles under ``corpus``: a TBAQ-cleaned folder, a PolNeAR folder, or a folder
    holding them (``../shared/bench``: both)."""
    corpus = Path(corpus)
    if (corpus / "TimeBank").is_dir():
        return _tbaq(corpus)
    if (corpus / "metadata.tsv").is_file():
        return _polnear(corpus)
    out: list[DatedArticle] = []
    for sub in (corpus / "tempeval3" / "TBAQ-cleaned", corpus / "polnear"):
        if sub.is_dir():
            out.extend(load(sub))
    return out


def estimate_article(a: DatedArticle, model: dict | None = None) -> DateEstimate | None:
    from ..annotate.dating import estimate
    from ..annotate.timex import tag

    return estimate(a.text, tag(a.text, None), model)


def score(rows: list[tuple[DatedArticle, DateEstimate | None]]) -> dict[str, float]:
    n = len(rows)
    est: list[tuple[DatedArticle, DateEstimate]] = [(a, e) for a, e in rows if e is not None]
    near = sum(1 for a, e in est if abs((date.fromisoformat(e.point) - a.date).days) <= 31)
    year = sum(1 for a, e in est if date.fromisoformat(e.point).year == a.date.year)
    far = sum(1 for a, e in est if abs((date.fromisoformat(e.point) - a.date).days) > 365)
    inside = sum(1 for a, e in est if e.start <= a.date.isoformat() < e.end)
    k = len(est)
    return {"articles": n, "estimated": k / n if n else 0.0, "within_31_days": near / n if n else 0.0,
            "right_year": year / n if n else 0.0,
            "of_estimates_within_31_days": near / k if k else 0.0,
            "of_estimates_off_by_a_year_or_more": far / k if k else 0.0,
            "of_estimates_range_holds_date": inside / k if k else 0.0}


def run(corpus: Path, console: Console, limit: int | None = None, with_collection: bool = False) -> dict[str, float]:
    arts = load(corpus)
    if limit:
        arts = arts[:limit]
    if with_collection:
        return run_collection(arts, console)
    rows = [(a, estimate_article(a)) for a in arts]
    table = Table(title=f"Writing-date estimates on {Path(corpus).name}, dates withheld ({len(arts)} articles): "
                        "shares of all articles, then of the estimates")
    cols = ("articles", "estimated", "within_31_days", "right_year", "of_estimates_within_31_days",
            "of_estimates_off_by_a_year_or_more", "of_estimates_range_holds_date")
    table.add_column("set")
    heads = ("n", "estimated", "≤31 d", "year ok", "est ≤31 d", "est ≥1 y off", "range holds")
    for h in heads:
        table.add_column(h, justify="right")
    out: dict[str, float] = {}
    groups = sorted({(a.corpus, a.split) for a in arts})
    for key in [*groups, ("all", "train"), ("all", "dev")]:
        sel = [(a, e) for a, e in rows if (a.corpus, a.split) == key or (key[0] == "all" and a.split == key[1])]
        if not sel:
            continue
        f = score(sel)
        name = f"{key[0]} {key[1]}"
        table.add_row(name, *(str(f[c]) if c == "articles" else f"{f[c]:.3f}" for c in cols))
        for c in cols:
            out[f"{key[0]}_{key[1]}_{c}"] = round(f[c], 4)
    console.print(table)
    return out


# -- collection mode: each article dated from the dated articles it shares what it reports with ----

def annotate_all(arts: list[DatedArticle]) -> dict[str, object]:
    """Every article annotated without its date (``annotate.pipeline``), by ``corpus:name``; cached
    in the file named by $STORYLINE_DATING_CACHE (a pickle this eval wrote) when that is set."""
    import os
    import pickle

    from ..annotate.pipeline import VERSION, annotate
    from ..model import CleanArticle

    cache = os.environ.get("STORYLINE_DATING_CACHE")
    ids = [f"{a.corpus}:{a.name}" for a in arts]
    if cache and Path(cache).is_file():
        with open(cache, "rb") as fh:
            version, anns = pickle.load(fh)
        if version == VERSION and all(i in anns for i in ids):
            return anns
    anns = {i: ann for i, ann in zip(ids, annotate(CleanArticle(i, a.name, a.text) for i, a in zip(ids, arts)))}
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump((VERSION, anns), fh)
    return anns


def own_clues(arts: list[DatedArticle]) -> dict[str, list]:
    """The clues of each article's own words (``annotate.dating.text_clues``), by ``corpus:name``."""
    from ..annotate.dating import text_clues

    return {f"{a.corpus}:{a.name}": text_clues(a.text) for a in arts}


def all_keys(arts: list[DatedArticle], anns: dict) -> dict[str, dict[str, int]]:
    """What each article reports (``link.dating.profile_keys``), by ``corpus:name``."""
    from ..link.dating import profile_keys

    return {f"{a.corpus}:{a.name}": profile_keys(anns[f"{a.corpus}:{a.name}"], a.text) for a in arts}


def collection_index(arts: list[DatedArticle], keys: dict[str, dict[str, int]], dated_splits: tuple[str, ...]):
    """The dating index (``link.dating.memory_index``) of ``arts``, those of ``dated_splits`` with
    their dates: what the store's ``dating_keys`` table holds for a store of these articles."""
    from ..link.dating import memory_index

    return memory_index({f"{a.corpus}:{a.name}": keys[f"{a.corpus}:{a.name}"] for a in arts},
                        {f"{a.corpus}:{a.name}": a.date for a in arts if a.split in dated_splits})


@dataclass
class DatedUpTo:
    """What a store held when an article arrived: the dated articles of ``index`` written on or
    before ``last`` (a day, YYYY-MM-DD) only, counts and carriers alike. ``collection_rows(...,
    past_days=N)`` gives each target the view of its own day plus N days (the reports that come in
    while it waits in the dating queue): the edge of the collection, where a real arrival stands,
    simulated anywhere in it."""

    index: object  # link.dating.DatedKeys
    last: str

    def dating_carriers(self, keys):
        got = self.index.dating_carriers(keys)  # type: ignore[attr-defined]
        out = {k: [c for c in cs if c[1] <= self.last] for k, cs in got.items()}
        return {k: cs for k, cs in out.items() if cs}

    def dating_df(self, keys):
        return {k: len(cs) for k, cs in self.dating_carriers(keys).items()}


def collection_rows(targets: list[DatedArticle], keys: dict[str, dict[str, int]], index, params: dict,
                    own: dict[str, list] | None = None,
                    past_days: int | None = None) -> list[tuple[DatedArticle, DateEstimate | None]]:
    """Each target's estimate from the dated articles of ``index`` (``link.dating.profile_estimate``,
    as ``collection_estimates`` makes it in the link stage; a dated target never counts as its own
    carrier) and its own clues (``own``, read here when not given). With ``past_days``, only the
    dated articles written up to that many days after the target count (:class:`DatedUpTo`)."""
    from datetime import timedelta

    from ..link.dating import profile_estimate

    out = []
    for a in targets:
        key = f"{a.corpus}:{a.name}"
        seen = index if past_days is None else DatedUpTo(index, (a.date + timedelta(days=past_days)).isoformat())
        out.append((a, profile_estimate(key, keys[key], seen, params,
                                        lambda key=key, a=a: own[key] if own is not None else own_clues([a])[key])))
    return out


PAST_DAYS = 7  # the "past only" view: the dated reports up to a week after the article (see DatedUpTo)


def run_collection(arts: list[DatedArticle], console: Console) -> dict[str, float]:
    """Train: leave one out within train (the other train articles dated), and ``past only``: the
    same with only the train articles written up to ``PAST_DAYS`` after it dated (what a store held
    when it arrived: the edge of the collection). Dev: each dev article
    undated, every other article of the corpus dated (``dev``), or the train articles only
    (``dev-vs-train``). Also ``+own``: the own-words estimate where there is one, else the collection's
    (the order of the link stage)."""
    from ..link.dating import load_collection_params

    params = load_collection_params()
    anns = annotate_all(arts)
    keys = all_keys(arts, anns)
    own = own_clues(arts)
    train = [a for a in arts if a.split == "train"]
    dev = [a for a in arts if a.split == "dev"]
    train_index = collection_index(train, keys, ("train",))
    sets = {
        "train (leave-one-out)": collection_rows(train, keys, train_index, params, own),
        "train (past only)": collection_rows(train, keys, train_index, params, own, past_days=PAST_DAYS),
        "dev (others dated)": collection_rows(dev, keys, collection_index(arts, keys, ("train", "dev")), params, own),
        "dev (train dated)": collection_rows(dev, keys, collection_index(arts, keys, ("train",)), params, own),
    }
    mine = {f"{a.corpus}:{a.name}": (anns[f"{a.corpus}:{a.name}"].dating or [None])[0] for a in arts}
    sets["dev (others dated) +own"] = [(a, mine[f"{a.corpus}:{a.name}"] or e) for a, e in sets["dev (others dated)"]]
    table = Table(title=f"Writing dates from the dated articles that report the same things ({len(arts)} articles): "
                        "shares of all articles, then of the estimates")
    cols = ("articles", "estimated", "within_31_days", "right_year", "of_estimates_within_31_days",
            "of_estimates_off_by_a_year_or_more", "of_estimates_range_holds_date")
    table.add_column("set")
    for h in ("n", "estimated", "≤31 d", "year ok", "est ≤31 d", "est ≥1 y off", "range holds"):
        table.add_column(h, justify="right")
    out: dict[str, float] = {}
    for name, rows in sets.items():
        for corpus in [*sorted({a.corpus for a, _ in rows}), "all"]:
            sel = [(a, e) for a, e in rows if corpus in ("all", a.corpus)]
            f = score(sel)
            table.add_row(f"{corpus} {name}", *(str(f[c]) if c == "articles" else f"{f[c]:.3f}" for c in cols))
            tag_ = name.split(" (")[0] + "_" + name.split("(")[1].split(")")[0].replace(" ", "_").replace("-", "_")
            tag_ += "_own" if name.endswith("+own") else ""
            for c in cols:
                out[f"collection_{corpus}_{tag_}_{c}"] = round(f[c], 4)
    console.print(table)
    return out
