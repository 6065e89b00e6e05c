"""Annotate on Ray: a pool of actors, each loading the annotate pipeline (spaCy and our stages) once.

Only annotation leaves the driver. Reading, cleaning, near-duplicate search and the store stay in
``engines.local.ingest``, one transaction per batch, exactly as on a laptop; the store (SQLite or
PostgreSQL) is only ever written by the driver. Use it as::

    from storyline.engines.local import ingest
    from storyline.engines.ray import RayAnnotator
    with RayAnnotator(workers=4) as annotator:              # or address="auto" / "ray://head:10001"
        report = ingest(paths, store, annotator=annotator)

A batch is split into contiguous chunks, one per actor; results come back in input order. Each
actor annotates its chunk whole and, if that raises, article by article, so one pathological article
costs only its own annotations (as ``local._annotate_safely``). An actor whose process dies is
restarted by Ray and its chunk is retried article by article; an article that kills the process
again is stored without annotations and reported.

On an existing cluster every node needs this package (same version) in its Python environment: the
actors check that their ``VERSION`` equals the driver's and refuse to start otherwise.

Not hand-written scheduling: placement, restarts and transport are Ray's; this module only splits
batches and keeps the failure isolation the local engine has.
"""
from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Sequence

from ..model import Annotations, CleanArticle

DEFAULT_PIPELINE = "storyline.annotate.pipeline"


class EngineError(RuntimeError):
    """The engine cannot run: Ray missing, cluster unreachable, or nodes with another annotator."""


def _import_ray():
    try:
        import ray
    except ImportError:
        raise EngineError("the ray engine needs Ray: install it with  pip install 'ray==2.60.0'  "
                          "(or build with --engine local)") from None
    return ray


def _load(pipeline):
    """The pipeline object: a module name is imported; anything else (an object with ``annotate``
    and ``VERSION``) is used as given."""
    return importlib.import_module(pipeline) if isinstance(pipeline, str) else pipeline


def annotate_chunk(pipeline, articles: Sequence[CleanArticle]) -> list[tuple[Annotations | None, str | None]]:
    """``(annotations, None)`` or ``(None, warning)`` per article, in order: the chunk in one pass,
    and if that raises, article by article (the same isolation as ``local._annotate_safely``)."""
    try:
        anns = list(pipeline.annotate(list(articles)))
        if len(anns) == len(articles):
            return [(a, None) for a in anns]
    except Exception:
        pass
    out: list[tuple[Annotations | None, str | None]] = []
    for article in articles:
        try:
            out.append((next(iter(pipeline.annotate([article]))), None))
        except Exception as exc:
            out.append((None, f"{article.source}: stored without annotations ({type(exc).__name__}: {exc})"))
    return out


def _driver_version(pipeline) -> str:
    """The pipeline's VERSION as the actors will compute it: for a module, recomputed from the code on
    disk now (its ``_version()``), not the value frozen when this process imported it."""
    module = _load(pipeline)
    fresh = getattr(module, "_version", None) if isinstance(pipeline, str) else None
    return str(fresh() if callable(fresh) else getattr(module, "VERSION", "1"))


def _probe(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a HOST:PORT (or ray://HOST:PORT) nobody listens on: ``ray.init`` retries such an
    address for minutes with no option to shorten it. "auto" is left to Ray (it fails at once)."""
    import socket

    hostport = address.removeprefix("ray://")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as exc:
        raise EngineError(f"could not reach the Ray cluster at {address}: {exc.strerror or exc}") from None


class _Worker:
    """Body of one actor: the pipeline is loaded once, when the actor starts."""

    def __init__(self, pipeline):
        self.pipeline = _load(pipeline)
        if isinstance(pipeline, str):
            from ..annotate.nlp import get_nlp

            get_nlp()  # load the spaCy model now, not inside the first batch

    def version(self) -> str:
        return str(getattr(self.pipeline, "VERSION", "1"))

    def annotate(self, articles: list[CleanArticle]):
        return annotate_chunk(self.pipeline, articles)


class RayAnnotator:
    """Annotates batches on a pool of Ray actors; a drop-in ``annotator`` for ``local.ingest``.

    ``address``: an existing cluster ("auto", "ray://host:10001"); without it a local Ray is started
    with ``num_cpus=workers``. ``workers``: actors (one CPU each); default: the CPUs Ray reports.
    ``pipeline``: the annotate module's name, or an object with ``annotate(articles)`` and
    ``VERSION`` (tests pass a small one). Ray is shut down by :meth:`close` only if it was started
    here.
    """

    def __init__(self, workers: int | None = None, address: str | None = None,
                 pipeline=DEFAULT_PIPELINE):
        if workers is not None and workers < 1:
            raise EngineError("workers must be at least 1")
        ray = _import_ray()
        self._ray = ray
        self._pipeline = pipeline
        self.VERSION = _driver_version(pipeline)
        self.VERSIONS = getattr(_load(pipeline), "VERSIONS", None)  # per layer, where the pipeline has them
        self._started = False
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never report usage to the web
        if not ray.is_initialized():
            if address:
                _probe(address)
            try:
                if address:
                    ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
                else:
                    ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                             logging_level=logging.ERROR, log_to_driver=False)
            except Exception as exc:
                where = f"the Ray cluster at {address}" if address else "a local Ray"
                raise EngineError(f"could not start or reach {where}: {type(exc).__name__}: "
                                  f"{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}") from None
            self._started = True
        try:
            n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            actor = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(_Worker)
            self.actors = [actor.remote(pipeline) for _ in range(n)]
            versions = set(ray.get([a.version.remote() for a in self.actors]))
        except Exception as exc:
            self.close()
            raise EngineError(f"could not start the annotate actors: {type(exc).__name__}: {exc}") from None
        if versions != {self.VERSION}:
            self.close()
            raise EngineError(f"the cluster's annotate stage is version {sorted(versions)}, this one is "
                              f"{self.VERSION}: install the same storyline on every node")

    @property
    def workers(self) -> int:
        return len(self.actors)

    def annotate_safely(self, articles: Sequence[CleanArticle]) -> tuple[list[Annotations], list[str]]:
        """Annotations of the articles that could be annotated, in input order, and one warning per
        article stored without annotations. Called by ``local._annotate_safely``."""
        articles = list(articles)
        if not articles:
            return [], []
        n = min(len(self.actors), len(articles))
        size, extra = divmod(len(articles), n)
        chunks, start = [], 0
        for i in range(n):
            end = start + size + (1 if i < extra else 0)
            chunks.append(articles[start:end])
            start = end
        refs = [self.actors[i].annotate.remote(chunk) for i, chunk in enumerate(chunks)]
        results: list[tuple[Annotations | None, str | None]] = []
        for chunk, ref in zip(chunks, refs):
            try:
                results.extend(self._ray.get(ref))
            except self._ray.exceptions.RayActorError:
                results.extend(self._one_by_one(chunk))
        anns = [a for a, _ in results if a is not None]
        warnings = [w for _, w in results if w is not None]
        return anns, warnings

    def _one_by_one(self, articles: list[CleanArticle]):
        """After an actor died on a chunk: each article alone (on restarted actors), so the article
        that kills a process is the only one stored without annotations."""
        refs = [self.actors[i % len(self.actors)].annotate.remote([a]) for i, a in enumerate(articles)]
        out = []
        for article, ref in zip(articles, refs):
            try:
                out.extend(self._ray.get(ref))
            except self._ray.exceptions.RayActorError as exc:
                out.append((None, f"{article.source}: stored without annotations (worker died: {type(exc).__name__})"))
        return out

    def annotate(self, articles: Sequence[CleanArticle]) -> list[Annotations]:
        """Like ``pipeline.annotate``: raises if any article fails (``annotate_safely`` does not)."""
        anns, warnings = self.annotate_safely(articles)
        if warnings:
            raise RuntimeError("; ".join(warnings))
        return anns

    def close(self) -> None:
        for a in getattr(self, "actors", []):
            try:
                self._ray.kill(a)
            except Exception:
                pass
        self.actors = []
        if self._started and self._ray.is_initialized():
            self._ray.shutdown()
        self._started = False

    def __enter__(self) -> "RayAnnotator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_annotator(engine: str, workers: int | None = None, address: str | None = None):
    """``None`` for the local engine (``ingest`` loads the pipeline in this process), else a
    :class:`RayAnnotator`. Raises :class:`EngineError` for an unknown engine or options that need
    Ray."""
    if engine == "local":
        if address:
            raise EngineError("--ray-address needs --engine ray")
        if workers not in (None, 1):
            raise EngineError("--workers needs --engine ray (the local engine annotates in this process)")
        return None
    if engine == "ray":
        return RayAnnotator(workers=workers, address=address)
    raise EngineError(f"unknown engine {engine!r}: use local or ray")
