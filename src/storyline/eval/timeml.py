"""Read TimeML files (TempEval-3 TBAQ-cleaned: TimeBank + AQUAINT) with their EVENT, TIMEX3,
MAKEINSTANCE and TLINK tags: the TEXT as plain text, with character offsets of every tag.

The fixed document split used to train and check the event detector: a document is held out (dev)
when the first byte of sha1(file stem) is below 52 (about 20% of the files); every other document
is training data. :func:`split_of` says which.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
DEV_BELOW = 52  # sha1(stem)[0] < 52 -> dev (52/256 = 20.3%)
PARTS = ("TimeBank", "AQUAINT")


def split_of(stem: str) -> str:
    return "dev" if hashlib.sha1(stem.encode()).digest()[0] < DEV_BELOW else "train"


@dataclass
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str
    cls: str
    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    pos: str = ""


@dataclass
class GoldTime:
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDoc:
    name: str
    part: str  # TimeBank | AQUAINT
    split: str  # train | dev | test (a test set: te3-platinum)
    dct: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    times: list[GoldTime] = field(default_factory=list)
    # (event id, time id, relation) for every TLINK between an event instance and a TIMEX3 of the TEXT
    event_time_links: list[tuple[str, str, str]] = field(default_factory=list)


def read(path: Path, part: str = "") -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.DOTALL)
    dct = m.group(1) if m else ""
    if "<TEXT>" not in raw:
        raise ValueError(f"{path}: no <TEXT> element")
    head = raw.index("<TEXT>") + len("<TEXT>")
    body = raw[head: raw.index("</TEXT>")]
    out: list[str] = []
    pos = n = 0
    opened: dict[str, tuple[int, dict]] = {}
    events: list[GoldEvent] = []
    times: list[GoldTime] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        out.append(chunk)
        n += len(chunk)
        pos = t.end()
        closing, name = t.group(1), t.group(2)
        if name not in ("EVENT", "TIMEX3"):
            continue
        if not closing:
            opened[name] = (n, dict(_ATTR.findall(t.group(3))))
        elif name in opened:
            s, a = opened.pop(name)
            if name == "EVENT":
                events.append(GoldEvent(a.get("eid", ""), s, n, "", a.get("class", "")))
            else:
                times.append(GoldTime(a.get("tid", ""), s, n, "", a.get("type", ""), a.get("value", ""),
                                      a.get("mod") or None))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in events:
        g.text = text[g.start:g.end]
    for g in times:
        g.text = text[g.start:g.end]
    tail = raw[raw.index("</TEXT>"):]
    inst: dict[str, str] = {}  # eiid -> eid
    by_eid = {e.eid: e for e in events}
    for mi in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", tail):
        a = dict(_ATTR.findall(mi.group(1)))
        inst[a.get("eiid", "")] = a.get("eventID", "")
        ev = by_eid.get(a.get("eventID", ""))
        if ev is not None and not ev.pos:
            ev.tense, ev.aspect = a.get("tense", "NONE"), a.get("aspect", "NONE")
            ev.polarity, ev.pos = a.get("polarity", "POS"), a.get("pos", "")
    tids = {t.tid for t in times}
    links = []
    for tl in re.finditer(r"<TLINK([^>]*)/?>", tail):
        a = dict(_ATTR.findall(tl.group(1)))
        ei, rel = a.get("eventInstanceID"), a.get("relType", "")
        tid = a.get("relatedToTime") or None
        if ei is None:  # time -> event links
            ei, tid = a.get("relatedToEventInstance"), a.get("timeID")
        if ei in inst and tid in tids:
            links.append((inst[ei], tid, rel))
    return TimeMLDoc(path.stem, part, split_of(path.stem), dct, text, events, times, sorted(set(links)))


def load(corpus: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """Every .tml of TimeBank/ and AQUAINT/ under ``corpus``, in file-name order; or, for a folder
    of .tml files with neither (TempEval-3's platinum test set, ``te3-platinum``), each of them as a
    ``test`` document: a test set is never split, and nothing here was trained on it."""
    corpus = Path(corpus)
    docs = []
    for part in PARTS:
        files = sorted((corpus / part).glob("*.tml"))
        if limit:
            files = files[:limit]
        docs.extend(read(f, part) for f in files)
    if not docs and not any((corpus / part).is_dir() for part in PARTS):
        files = sorted(corpus.glob("*.tml"))[:limit or None]
        docs = [read(f, corpus.name) for f in files]
        for d in docs:
            d.split = "test"
    if not docs:
        raise ValueError(f"{corpus}: no TimeBank/*.tml or AQUAINT/*.tml files, and no .tml file")
    return docs
