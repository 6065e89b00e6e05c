"""TimeML event detection: which tokens name a happening, action or state, and its TimeML class
(OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION).

A multinomial logistic regression over sparse features of the spaCy parse (word, lemma, POS, tag,
dependency, morphology, head, children, suffixes, neighbours) and of WordNet (the lexicographer
classes of a noun's or verb's first senses, ``senses.json``), learnt from TBAQ's EVENT tags and
TempEval-3's silver training data by ``scripts/train_events.py`` (its defaults reproduce the shipped
``event_model.json``); a domain event noun with an argument of its own is an event whatever the
model says (``_nominal``). The model is
plain data (feature -> weights per label), read without pickle; prediction is one sparse product
per document.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

MODEL_PATH = Path(__file__).with_name("event_model.json")
# the domain's event nouns (events.json ``nouns``: "release", "visit", "attack" ...)
DOMAIN_NOUNS = frozenset(json.loads(Path(__file__).with_name("events.json").read_text())["nouns"])
CLASSES = ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
# tokens of these parts of speech are never events (TBAQ: under 0.5% of EVENT tags)
SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "CCONJ", "SCONJ", "PART", "SYM", "X", "PRON", "INTJ"})
# WordNet's lexicographer classes of each noun's and verb's first senses ("attack": act, act,
# communication), written by scripts/build_senses.py: what kind of thing a word the training data
# never showed usually names
_SENSES = json.loads(Path(__file__).with_name("senses.json").read_text(encoding="utf-8"))
SENSES: dict[str, dict[str, tuple[str, ...]]] = {
    pos: {w: tuple(v.split(",")) for w, v in _SENSES[pos].items()} for pos in ("noun", "verb")}


def candidate(tok: Token) -> bool:
    return tok.pos_ not in SKIP_POS and not tok.is_punct and not tok.like_num


def features(tok: Token) -> list[str]:
    """The sparse features of one candidate token (strings; the model's vocabulary)."""
    lemma, pos, tag, dep = tok.lemma_.lower(), tok.pos_, tok.tag_, tok.dep_
    head = tok.head
    low = tok.lower_
    f = ["b", "w=" + low, "l=" + lemma, "p=" + pos, "t=" + tag, "d=" + dep, "lp=" + lemma + "|" + pos,
         "ld=" + lemma + "|" + dep, "pd=" + pos + "|" + dep, "s3=" + low[-3:], "s4=" + low[-4:],
         "s2=" + low[-2:], "hl=" + head.lemma_.lower(), "hp=" + head.pos_ + "|" + dep,
         "hld=" + head.lemma_.lower() + "|" + dep, "e=" + tok.ent_type_]
    f.extend("m=" + m for m in tok.morph)
    kind = "noun" if pos == "NOUN" else "verb" if pos == "VERB" else None
    if kind:
        sense = SENSES[kind].get(lemma) or SENSES[kind].get(low)
        if sense:
            f.append(f"wn1={kind[0]}.{sense[0]}")
            f.extend(f"wn={kind[0]}.{s}" for s in sorted(set(sense)))
        else:
            f.append("wn=" + kind[0] + "?")
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        f.append("pl=" + prev.lemma_.lower())
        f.append("pt=" + prev.tag_)
    else:
        f.append("pl=<s>")
    if tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        f.append("nl=" + nxt.lemma_.lower())
        f.append("nt=" + nxt.tag_)
    else:
        f.append("nl=</s>")
    for c in tok.children:
        f.append("c=" + c.dep_)
        if c.dep_ in ("prep", "aux", "auxpass", "det", "mark", "neg", "poss"):
            f.append("cw=" + c.dep_ + "|" + c.lower_)
    if tok.is_title and tok.i > 0 and not tok.doc[tok.i - 1].is_sent_end:
        f.append("title")
    return f


class EventModel:
    """Weights of the shipped detector, as a feature index and a dense matrix (features x labels)."""

    def __init__(self, data: dict) -> None:
        self.labels: list[str] = data["labels"]
        self.index: dict[str, int] = {f: i for i, f in enumerate(data["features"])}
        self.weights = np.asarray(data["weights"], dtype=np.float64)
        self.bias = np.asarray(data["intercept"], dtype=np.float64)
        self.padded = np.vstack([self.weights, np.zeros((1, self.weights.shape[1]))])  # + a row of zeros
        self.none = self.labels.index("O")

    def scores(self, rows: list[list[str]]) -> np.ndarray:
        """Bias plus the summed weights of each row's known features (one row per token), for all
        rows at once: feature ids padded to one width with a row of zeros, added column by column,
        so each row's sum is the same left-to-right sum as before (``weights[ids].sum(axis=0)``)."""
        index = self.index
        ids = [[index[f] for f in feats if f in index] for feats in rows]
        width = max((len(r) for r in ids), default=0)
        out = np.tile(self.bias, (len(rows), 1))
        if width:
            zero = len(self.weights)  # the padding row of self.padded
            cols = np.array([r + [zero] * (width - len(r)) for r in ids], dtype=np.intp)
            padded = self.padded
            total = padded[cols[:, 0]]
            for j in range(1, width):
                total += padded[cols[:, j]]
            out += total
        return out

    def predict(self, doc: Doc) -> list[tuple[int, str]]:
        """(token index, TimeML class) of every event token of ``doc``, in text order."""
        toks = [t for t in doc if candidate(t)]
        if not toks:
            return []
        best = self.scores([features(t) for t in toks]).argmax(axis=1)
        return [(t.i, self.labels[b]) if b != self.none else (t.i, "OCCURRENCE")
                for t, b in zip(toks, best) if b != self.none or _nominal(t)]


def _nominal(tok: Token) -> bool:
    """A domain event noun with an argument of its own ("the Taliban's release of 20 soldiers", "the
    visit of the envoy"; not "his support": a pronoun's noun is as often a stance): a happening however
    rarely the training data marked that noun."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in DOMAIN_NOUNS and any(
        (c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")) or (c.dep_ == "prep" and c.lower_ == "of")
        for c in tok.children)


_lock = threading.Lock()
_model: EventModel | None = None


def get_model() -> EventModel:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = EventModel(json.loads(MODEL_PATH.read_text()))
    return _model


def detect(doc: Doc) -> list[tuple[int, str]]:
    return get_model().predict(doc)
