"""The annotation layers as registered components: each has a name, the layers it reads, the files
that make it (its code and data), and a version computed from those files and the versions of the
layers it reads. A change to one layer's files gives that layer (and the layers that read it) a new
version, so the next build re-runs those layers only.

Layers are registered in a ``catalogue`` registry, the way spaCy registers its factories; a package
outside Storyline adds one through the ``storyline_layers`` entry point group (a :class:`Layer`).

    from storyline.annotate.layers import Layer, registry

    registry.register("sentiment", func=Layer("sentiment", run=my_function, files=(...)))
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import catalogue
from spacy.tokens import Doc

from storyline.model import Annotations, CleanArticle, Timex

ROOT = Path(__file__).parent
# files every layer reads through the parse: a change here re-runs everything
SHARED_FILES = ("nlp.py", "layers.py", "builtin.py")

registry = catalogue.create("storyline", "layers", entry_points=True)

Run = Callable[[CleanArticle, "Doc | None", Annotations], list[Any]]


@dataclass(frozen=True)
class Layer:
    """One annotation layer: ``run(article, doc, annotations_so_far)`` returns its list of records.

    ``requires``: layers whose output ``run`` reads from the annotations it is given.
    ``files``: paths (files or folders, relative to ``storyline/annotate``) of its code and data.
    ``needs_parse``: whether ``run`` reads the spaCy doc (a layer that does not can run without
    parsing the article)."""

    name: str
    run: Run
    requires: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    needs_parse: bool = True


def _files_digest(paths: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for rel in paths:
        path = ROOT / rel
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in found:
            if p.suffix in (".py", ".json") and "__pycache__" not in p.parts:
                h.update(p.relative_to(ROOT).as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def layers() -> dict[str, Layer]:
    """Every registered layer, in an order where each comes after the layers it requires."""
    from . import builtin  # noqa: F401  (registers the built-in layers)

    found = {name: registry.get(name) for name in sorted(registry.get_all())}
    ordered: dict[str, Layer] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in ordered:
            return
        if name in path:
            raise ValueError(f"annotation layers require each other in a cycle: {' -> '.join(path + (name,))}")
        if name not in found:
            raise ValueError(f"annotation layer {path[-1]!r} requires {name!r}, which is not registered")
        for dep in found[name].requires:
            visit(dep, path + (name,))
        ordered[name] = found[name]

    for name in found:
        visit(name, ())
    return ordered


@lru_cache(maxsize=1)
def versions() -> dict[str, str]:
    """layer name -> version: its files, the shared files, and the versions of what it reads."""
    from .nlp import MODEL

    out: dict[str, str] = {}
    shared = _files_digest(SHARED_FILES)
    for name, layer in layers().items():
        h = hashlib.sha256(f"{name}\0{MODEL}\0{shared}\0{_files_digest(layer.files)}".encode())
        for dep in layer.requires:
            h.update(f"\0{dep}={out[dep]}".encode())
        out[name] = h.hexdigest()[:16]
    return out


def with_dependents(names: set[str]) -> set[str]:
    """The given layers and every layer that reads one of them, directly or not."""
    out = set(names)
    for name, layer in layers().items():  # dependency order: one pass suffices
        if any(dep in out for dep in layer.requires):
            out.add(name)
    return out


def run_layers(article: CleanArticle, doc: Doc | None, ann: Annotations, names: set[str] | None = None) -> Annotations:
    """Run the named layers (all when None) on one article, in dependency order, into ``ann``."""
    for name, layer in layers().items():
        if names is None or name in names:
            setattr(ann, name, layer.run(article, doc, ann))
    return ann


def article_day(article: CleanArticle) -> Timex | None:
    """The article's publication day as a Timex with empty text (start = end = 0): what a figure or
    event with no date of its own holds for, as far as the text says."""
    if not article.published:
        return None
    return Timex(start=0, end=0, text="", type="DATE", value=article.published[:10])
