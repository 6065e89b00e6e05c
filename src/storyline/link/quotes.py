"""Quotations across outlets, and speakers' roles with the dates they were reported.

The same quotation carried by several outlets — verbatim, cut, or slightly re-worded in translation —
is one :class:`QuoteGroup` with all its sources. Two quotations match when

* their speakers are compatible: the same merged entity, or one name's words contained in the
  other's ("Khalilzad" / "Zalmay Khalilzad", "State Department" / "US State Department"); a quotation
  whose speaker is unknown may join a group on its words alone, but needs a closer match;
* their content words overlap: the overlap coefficient |A∩B| / min(|A|, |B|) of their content-word
  sets (stop words dropped, light suffix stripping) is at least ``MIN_OVERLAP`` with at least
  ``MIN_SHARED`` words in common — containment catches cut quotations, the set overlap tolerates
  re-worded ones; quotations too short for that (a single word such as "momentous") match only when
  their word sets are equal and their speakers named and compatible.

Quotations are taken in ingest order and join the best-matching existing group, else found a new one
whose id derives from the first quotation's id; groups are never merged or split later, so ids stay
stable when articles are added.

Candidates are found by blocking, never by comparing a quotation with every group: by speaker (entity
id and name words) and, for quotations without a speaker, by content words shared (see ``_candidates``);
the blocking is exact, so the groups are those a comparison with every group would give.

Why hand-written: this is a small greedy grouping over our own records with a set-overlap test;
datasketch's MinHash LSH estimates Jaccard, which under-rates cut quotations (containment is what
counts), so it would miss matches the overlap test accepts; the speaker and word blocks miss none.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Annotations, Document, Entity
from .novelty import report_key
from .stories import stem  # one light stemmer for the link stage

MIN_OVERLAP = 0.6  # overlap coefficient of content words for two quotations to be one
MIN_SHARED = 3  # and at least this many content words in common
UNKNOWN_SPEAKER_OVERLAP = 0.8  # stricter when one side's speaker is unknown
UNKNOWN_SPEAKER_SHARED = 5

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say"}


def content_words(text: str) -> frozenset[str]:
    out = set()
    for t in _WORD.findall(text or ""):
        low = t.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        low = low.strip("'-").replace(",", "")
        if low and low not in _STOP and (len(low) > 1 or low.isdigit()):
            out.add(stem(low))
    return frozenset(out)


def _name_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower().replace(".", "")) if w != "the")


def speakers_compatible(a: str | None, a_id: str | None, b: str | None, b_id: str | None) -> bool | None:
    """True: the same or a compatible speaker; False: different speakers; None: one is unknown."""
    if not a or not b:
        return None
    if a_id and a_id == b_id:
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb and (wa <= wb or wb <= wa))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class _Member:
    quote_id: str
    document_id: str
    text: str
    speaker: str | None
    speaker_id: str | None
    words: frozenset[str]
    direct: bool


@dataclass
class QuoteGroup:
    id: str
    members: list[_Member] = field(default_factory=list)
    speaker: str | None = None
    speaker_id: str | None = None
    text: str = ""
    sources: list[str] = field(default_factory=list)  # documents, near-duplicates not counted, earliest first

    @property
    def quote_ids(self) -> list[str]:
        return [m.quote_id for m in self.members]

    def as_dict(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "speaker_id": self.speaker_id, "text": self.text,
                "quote_ids": self.quote_ids, "sources": self.sources}


def match(q: _Member, other: _Member) -> float:
    """How well two quotations match (0 = not the same quotation)."""
    comp = speakers_compatible(q.speaker, q.speaker_id, other.speaker, other.speaker_id)
    if comp is False:
        return 0.0
    a, b = q.words, other.words
    shared = len(a & b)
    score = overlap(a, b)
    if comp is None:
        return score if score >= UNKNOWN_SPEAKER_OVERLAP and shared >= UNKNOWN_SPEAKER_SHARED else 0.0
    if shared >= MIN_SHARED and score >= MIN_OVERLAP:
        return score
    if a and a == b:  # too short for the overlap test: only the very same words
        return 1.0
    return 0.0


def _speaker_keys(m: _Member) -> set[str]:
    """Block keys of a named speaker: its entity id and its name words. Two compatible speakers
    (``speakers_compatible``) share one: the same entity, or one name's words within the other's."""
    keys = {"w:" + w for w in _name_words(m.speaker)}
    if m.speaker_id:
        keys.add("id:" + m.speaker_id)
    return keys


def _candidates(m: _Member, postings: dict[str, set[int]], unnamed: dict[str, set[int]],
                speakers: dict[str, set[int]]) -> list[int]:
    """Positions (founding order) of the groups a quotation can match, found by blocking, never by
    comparing with every group: a named quotation, the groups with a compatible speaker (sharing a
    speaker key) and the groups without any named speaker that share a word; a quotation without a
    speaker (it needs ``UNKNOWN_SPEAKER_SHARED`` words in common with one member), the groups that
    share that many words. Exact: every group ``match`` could score above 0 is a candidate."""
    if m.speaker:
        found = set().union(*(speakers.get(k, ()) for k in _speaker_keys(m)))
        found |= set().union(*(unnamed.get(w, ()) for w in m.words))
        return sorted(found)
    shared: dict[int, int] = {}
    for w in m.words:
        for k in postings.get(w, ()):
            shared[k] = shared.get(k, 0) + 1
    return sorted(k for k, n in shared.items() if n >= UNKNOWN_SPEAKER_SHARED)


def group_quotes(
    docs: list[Document], per_doc: dict[str, Annotations], entity_index: dict[tuple[str, str], str],
    entities: list[Entity] | None = None,
) -> tuple[list[QuoteGroup], dict[str, str]]:
    """Quotation groups (every quotation in exactly one), and quote id -> group id."""
    names = {e.id: e.name for e in entities or []}
    groups: list[QuoteGroup] = []
    index: dict[str, str] = {}
    postings: dict[str, set[int]] = {}  # content word -> positions of the groups using it
    unnamed: dict[str, set[int]] = {}  # content word -> positions of groups without a named speaker
    speakers: dict[str, set[int]] = {}  # speaker key (entity id, name word) -> positions of groups
    named: set[int] = set()  # positions of groups with a named speaker
    slots: dict[str, int] = {}  # group id -> position
    for doc in sorted(docs, key=lambda d: d.seq):
        ann = per_doc.get(doc.id) or Annotations(doc.id)
        for i, q in enumerate(ann.quotes):
            sid = entity_index.get((doc.id, q.speaker)) if q.speaker else None
            m = _Member(f"{doc.id}:q{i}", doc.id, q.text, q.speaker, sid, content_words(q.text), q.direct)
            best, best_score = None, 0.0
            for g in (groups[k] for k in _candidates(m, postings, unnamed, speakers)):
                named_members = [o for o in g.members if o.speaker]
                if m.speaker and any(speakers_compatible(m.speaker, m.speaker_id, o.speaker, o.speaker_id) is False
                                     for o in named_members):
                    continue
                score = max(match(m, o) for o in g.members)
                if score > best_score:
                    best, best_score = g, score
            if best is None:
                best = QuoteGroup(id="qg-" + hashlib.sha1(m.quote_id.encode()).hexdigest()[:12])
                groups.append(best)
                slots[best.id] = len(groups) - 1
            slot = slots[best.id]
            for w in m.words:
                postings.setdefault(w, set()).add(slot)
            if m.speaker:
                if slot not in named:  # its first named speaker: no longer a group without one
                    named.add(slot)
                    for o in best.members:
                        for w in o.words:
                            unnamed.get(w, set()).discard(slot)
                for key in _speaker_keys(m):
                    speakers.setdefault(key, set()).add(slot)
            else:
                if slot not in named:
                    for w in m.words:
                        unnamed.setdefault(w, set()).add(slot)
            best.members.append(m)
            index[m.quote_id] = best.id
    by_id = {d.id: d for d in docs}
    for g in groups:
        # the fullest wording (direct quotations first) stands for the group; the fullest speaker name
        rep = max(g.members, key=lambda o: (o.direct, len(o.words), len(o.text)))
        g.text = rep.text
        named = [o for o in g.members if o.speaker]
        if named:
            who = max(named, key=lambda o: (o.speaker_id is not None, len(_name_words(o.speaker)), len(o.speaker)))
            g.speaker_id = who.speaker_id
            g.speaker = names.get(who.speaker_id, who.speaker) if who.speaker_id else who.speaker
        srcs = {o.document_id for o in g.members if not by_id[o.document_id].duplicate_of}
        if not srcs:
            srcs = {o.document_id for o in g.members}
        g.sources = sorted(srcs, key=lambda d: report_key(by_id[d]))
    return groups, index


def role_history(
    docs: list[Document], per_doc: dict[str, Annotations], entity_index: dict[tuple[str, str], str],
) -> dict[str, list[dict]]:
    """entity id -> [{role, document_id, date}] in reported order (date: the document's published
    date, None where unknown); each role once per document."""
    out: dict[str, list[dict]] = {}
    seen: set[tuple[str, str, str]] = set()
    for doc in sorted(docs, key=report_key):
        ann = per_doc.get(doc.id) or Annotations(doc.id)
        for m in ann.entities:
            eid = entity_index.get((doc.id, m.key))
            if eid is None:
                continue
            for role in m.roles:
                if (eid, role, doc.id) in seen:
                    continue
                seen.add((eid, role, doc.id))
                out.setdefault(eid, []).append({"role": role, "document_id": doc.id, "date": doc.article.published})
    return out
