"""Run the per-article stages in this process, batch by batch, each batch stored in one transaction."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import sources
from ..sources import content_hash
from ..clean import clean
from ..link.dedup import DuplicateFinder
from ..model import Annotations, CleanArticle, Document, InputWarning, RawArticle, Rejection
from ..store import StoreConflict, StoreDataError


@dataclass
class BuildReport:
    read: int = 0  # articles read from the inputs
    added: int = 0  # new articles stored
    known: int = 0  # articles already in the store (same content): nothing added
    duplicates: int = 0  # new articles that are near-duplicates of another
    annotated: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The counts every build ends with: stored, skipped (already stored), warned, rejected."""
        return (f"{self.read} read, {self.added} added, {self.known} already stored, {self.duplicates} near-duplicates, "
                f"{self.annotated} annotated, {len(self.warnings)} warned, {len(self.rejected)} rejected")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[Path],
    store,
    *,
    batch_size: int = 64,
    annotate: bool = True,
    on_article: Callable[[], None] | None = None,
    annotator=None,
) -> BuildReport:
    """Read, clean, deduplicate, annotate and store every article under ``paths``.

    Idempotent: an input record whose content hash is stored already is skipped. A bad file or record
    is reported in ``BuildReport.rejected``; the run goes on and nothing stored before is touched.
    ``annotator``: what annotates (an object with ``annotate(articles)`` and ``VERSION``, e.g.
    ``engines.ray.RayAnnotator``); default: the annotate pipeline in this process.
    """
    report = BuildReport()
    if hasattr(store, "check_writable"):
        store.check_writable()  # a read-only store fails now, not after the annotation work
    finder = DuplicateFinder(store)
    if annotate and annotator is None:
        from ..annotate import pipeline as annotator  # loads spaCy: only when annotating
    elif not annotate:
        annotator = None
    seen_hashes: set[str] = set()
    failed: list[str] = []  # stored in this run without annotations: tried again below
    next_seq = store.next_seq()

    def stream() -> Iterator[RawArticle]:
        for item in sources.read(paths):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                continue
            if isinstance(item, InputWarning):
                report.warnings.append(str(item))
                continue
            report.read += 1
            if on_article:
                on_article()
            yield item

    for batch in _batches(stream(), batch_size):
        hashes = [content_hash(raw) for raw in batch]
        known = store.known_hashes(hashes)
        docs: list[Document] = []
        signatures: dict[str, tuple[bytes, list[int]]] = {}
        for raw, h in zip(batch, hashes):
            if h in known or h in seen_hashes:
                report.known += 1
                continue
            try:
                article = clean(raw)
            except ValueError as exc:
                report.rejected.append(Rejection(raw.source, str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - whatever one article does, the others go on
                report.rejected.append(Rejection(raw.source, f"cannot be cleaned ({type(exc).__name__}: {str(exc)[:200]})"))
                continue
            seen_hashes.add(h)
            article.id = _unique_id(article.id, h, store, {d.id for d in docs})
            sig, keys, _ = finder.add(article.id, article.text, article.published, next_seq)
            next_seq += 1
            signatures[article.id] = (sig, keys)
            docs.append(Document(article=article, content_hash=h))
        batch_dups, stored_dups = finder.finish_batch()
        for doc in docs:
            doc.duplicate_of = batch_dups.get(doc.id)
        annotations: list[tuple[Annotations, str | dict[str, str]]] = []
        if annotator and docs:
            for ann in _annotate_safely(annotator, [d.article for d in docs], report):
                annotations.append((ann, _versions(annotator)))
        docs, annotations = _store_batch(store, docs, signatures, annotations, stored_dups, report)
        done_ids = {ann.document_id for ann, _ in annotations}
        failed += [d.id for d in docs if d.id not in done_ids]
        report.added += len(docs)
        report.annotated += len(annotations)
        report.duplicates += sum(1 for d in docs if d.duplicate_of)
    if annotator:
        report.annotated += reannotate(store, annotator, batch_size, failed=failed)
    return report


def _store_batch(store, docs: list[Document], signatures, annotations: list[tuple[Annotations, str | dict[str, str]]],
                 duplicates: dict[str, str | None], report: BuildReport,
                 ) -> tuple[list[Document], list[tuple[Annotations, str | dict[str, str]]]]:
    """Store a batch in one transaction; what was stored (documents, annotations).

    Another build storing the same inputs at the same time (StoreConflict): the records it stored
    are known now, counted so, and the rest is stored. A value the store cannot hold
    (StoreDataError): the batch is stored record by record and only that record is rejected."""
    for _ in range(3):
        try:
            store.add_batch(docs, signatures, annotations, duplicates)
            return docs, annotations
        except StoreConflict:
            known = store.known_hashes([d.content_hash for d in docs])
            if not known:
                raise
            report.known += sum(1 for d in docs if d.content_hash in known)
            docs = [d for d in docs if d.content_hash not in known]
            annotations = _for(docs, annotations)
        except StoreDataError:
            break
    else:
        store.add_batch(docs, signatures, annotations, duplicates)  # a third conflict: let it say why
        return docs, annotations
    stored: list[Document] = []
    for doc in docs:
        if doc.duplicate_of and not any(d.id == doc.duplicate_of for d in stored) and not store.id_taken(doc.duplicate_of):
            doc.duplicate_of = None  # its original could not be stored
        try:
            store.add_batch([doc], signatures, _for([doc], annotations), {})
            stored.append(doc)
        except StoreDataError as exc:
            report.rejected.append(Rejection(doc.article.source, f"cannot be stored ({exc})"))
    store.add_batch([], {}, [], {k: v for k, v in duplicates.items() if store.id_taken(k) and (v is None or store.id_taken(v))})
    return stored, _for(stored, annotations)


def _for(docs: list[Document], annotations: list[tuple[Annotations, str | dict[str, str]]]) -> list[tuple[Annotations, str | dict[str, str]]]:
    ids = {d.id for d in docs}
    return [(ann, version) for ann, version in annotations if ann.document_id in ids]


def _annotate_safely(annotator, articles: list[CleanArticle], report: BuildReport) -> list[Annotations]:
    """Annotate a batch; if it fails, article by article, so one pathological text costs only its
    own annotations (the article is still stored, and the next build tries again)."""
    if hasattr(annotator, "annotate_safely"):  # an engine that isolates failures itself (Ray)
        anns, warnings = annotator.annotate_safely(articles)
        report.warnings.extend(warnings)
        return anns
    try:
        return list(annotator.annotate(articles))
    except Exception:
        out = []
        for article in articles:
            try:
                out.extend(annotator.annotate([article]))
            except Exception as exc:
                report.warnings.append(f"{article.source}: stored without annotations ({type(exc).__name__}: {exc})")
        return out


VERSIONS_STATE = "annotate/versions"  # the layer versions the whole store was last checked against
RETRY_STATE = "annotate/retry"  # documents stored without (some) annotations, tried again each build


def versions_state(versions: dict[str, str]) -> str:
    """The value of ``VERSIONS_STATE`` once the whole store was checked against ``versions``."""
    import json

    return json.dumps(versions, sort_keys=True)


def reannotate(store, annotator, batch_size: int = 64, failed: Iterable[str] = ()) -> int:
    """Re-run the annotation layers of stored documents that are missing or were made by an older
    version of that layer: only those layers (and the layers that read them), the others kept.
    An annotator without per-layer ``reannotate`` (Ray, a test's) annotates those articles whole.

    The whole store is checked only when the layer versions changed since the last check; otherwise
    only ``failed`` (this run's articles stored without annotations) and the earlier ones still
    waiting (kept in the store's state), so adding an article does not scan a large store."""
    import json

    versions = _versions(annotator)
    seen = versions_state(versions)
    retry = sorted(set(json.loads(store.get_state(RETRY_STATE) or "[]")) | set(failed))
    if store.get_state(VERSIONS_STATE) == seen:
        stale = store.stale_layers(versions, retry) if retry else {}
    else:
        stale = store.stale_layers(versions)
    partial = hasattr(annotator, "reannotate")
    done = 0
    annotated: set[str] = set()
    for ids in _batches(stale, batch_size):
        articles: list[CleanArticle] = [store.document(i).article for i in ids]
        report = BuildReport()
        whole = [a for a in articles if not partial or stale[a.id] >= set(versions)]
        anns = _annotate_safely(annotator, whole, report) if whole else []
        whole_ids = {a.id for a in whole}
        items = [(a, store.annotations(a.id), stale[a.id]) for a in articles if a.id not in whole_ids]
        if items:
            anns += _reannotate_safely(annotator, items, report)
        store.put_annotations([(ann, versions) for ann in anns], layers={a.document_id: stale[a.document_id]
                                                                         for a in anns})
        annotated.update(a.document_id for a in anns)
        done += len(anns)
    store.set_state(RETRY_STATE, json.dumps(sorted(set(stale) - annotated)))
    store.set_state(VERSIONS_STATE, seen)
    return done


def _reannotate_safely(annotator, items, report: BuildReport) -> list[Annotations]:
    try:
        return list(annotator.reannotate(items))
    except Exception:
        out = []
        for item in items:
            try:
                out.extend(annotator.reannotate([item]))
            except Exception as exc:
                report.warnings.append(f"{item[0].source}: not re-annotated ({type(exc).__name__}: {exc})")
        return out


def _unique_id(doc_id: str, content: str, store, batch_ids: set[str]) -> str:
    """Input ids name documents; a different record with a taken id gets the id plus a hash suffix."""
    if not store.id_taken(doc_id) and doc_id not in batch_ids:
        return doc_id
    return f"{doc_id}~{content[:8]}"


def _version(annotator) -> str:
    """The annotate stage's version in one string."""
    return str(getattr(annotator, "VERSION", "1"))


def _versions(annotator) -> dict[str, str]:
    """layer -> version, stored with each layer so that a newer layer re-runs; an annotator with one
    ``VERSION`` only gives it to every layer."""
    from ..store.codec import LAYERS

    found = getattr(annotator, "VERSIONS", None)
    if isinstance(found, dict):
        return {layer: str(found.get(layer, _version(annotator))) for layer in LAYERS}
    return {layer: _version(annotator) for layer in LAYERS}
