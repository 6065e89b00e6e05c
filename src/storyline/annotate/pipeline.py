"""The per-article annotation pipeline: one pass of spaCy over a stream of articles, then every
annotation layer (see :mod:`layers`) on each parsed article. Streams: one batch of articles is held
at a time.

``VERSIONS`` maps each layer to its version; a store keeps the version of every layer it holds, so
the next build re-runs exactly the layers whose code or data changed (and those that read them).
``VERSION`` sums them up in one string (an engine on other machines checks it matches)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import cast

from spacy.tokens import Doc

from storyline.model import Annotations, CleanArticle

from .layers import layers, run_layers, versions
from .nlp import BATCH_SIZE, pipe_with_context


def _version() -> str:
    """One string for every layer's version (recomputed from the code on disk)."""
    versions.cache_clear()
    return _summary(versions())


def _summary(v: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(v.items())).encode()).hexdigest()[:16]


VERSIONS: dict[str, str] = dict(versions())
VERSION = _summary(VERSIONS)


def annotate_doc(article: CleanArticle, doc: Doc | None, only: set[str] | None = None,
                 previous: Annotations | None = None) -> Annotations:
    """Everything ``annotate`` finds in one parsed article; with ``only``, just those layers, the
    others taken from ``previous`` (the stored annotations) where a layer reads them."""
    ann = previous if previous is not None else Annotations(document_id=article.id)
    return run_layers(article, doc, ann, only)


def annotate(articles: Iterable[CleanArticle], batch_size: int = BATCH_SIZE,
             n_process: int = 1) -> Iterator[Annotations]:
    """Annotations for each article, in input order, parsed in batches."""
    from .parts import annotate_in_parts, is_long  # a very long article: annotated part by part

    pairs = ((a.text, a) for a in articles)
    for doc, article in pipe_with_context(pairs, batch_size=batch_size, n_process=n_process):
        assert isinstance(article, CleanArticle)
        yield annotate_in_parts(article, doc, annotate_doc) if is_long(article.text) else annotate_doc(article, doc)


def reannotate(items: Iterable[tuple[CleanArticle, Annotations, set[str]]],
               batch_size: int = BATCH_SIZE) -> Iterator[Annotations]:
    """Re-run only the given layers of stored articles: ``(article, stored annotations, layers)``.
    An article is parsed only when one of its layers reads the parse."""
    from .parts import annotate_in_parts, is_long

    all_layers = layers()

    def needs_parse(names: set[str]) -> bool:
        return any(all_layers[n].needs_parse for n in names if n in all_layers)

    pending = list(items)
    parsed = [(a.text, (a, ann, names)) for a, ann, names in pending if needs_parse(names)]
    by_id: dict[str, Annotations] = {}
    for doc, context in pipe_with_context(parsed, batch_size=batch_size):
        article, ann, names = cast(tuple[CleanArticle, Annotations, set[str]], context)
        if is_long(article.text):  # annotated whole, part by part; the caller stores only ``names``
            by_id[article.id] = annotate_in_parts(article, doc, annotate_doc)
        else:
            by_id[article.id] = annotate_doc(article, doc, names, ann)
    for article, ann, names in pending:
        yield by_id[article.id] if article.id in by_id else annotate_doc(article, None, names, ann)
