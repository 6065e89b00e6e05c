"""The Python API: the same work as the CLI, for notebooks and other programs.

    from storyline import Storyline
    sl = Storyline("storyline.db")
    report = sl.build("../shared/examples/afghan-talks")
    data = sl.export()             # storyline/1 as a dict
    events = sl.timeline()         # stored event records, in date order
"""
from __future__ import annotations

from pathlib import Path

from .engines.local import BuildReport, ingest
from .link.collection import Collection, load
from .link import read
from .link.pipeline import link
from .store import DEFAULT_DB, open_store
from .views.export import build_export


class Storyline:
    def __init__(self, db: str | Path = DEFAULT_DB):
        self.store = open_store(db)

    def build(self, *paths: str | Path, annotate: bool = True, engine: str = "local",
              workers: int | None = None, ray_address: str | None = None) -> BuildReport:
        """Ingest files and folders, then link across articles (stories).

        ``engine="ray"`` annotates on a pool of Ray workers (``workers`` of them, on a local Ray, or
        on the cluster at ``ray_address``, e.g. "auto"); reading, cleaning and the store stay here.
        Raises ``storyline.engines.ray.EngineError`` if Ray is missing or unreachable."""
        annotator = None
        if annotate and (engine != "local" or workers is not None or ray_address):
            from .engines.ray import make_annotator

            annotator = make_annotator(engine, workers, ray_address)
        try:
            report = ingest([Path(p) for p in paths], self.store, annotate=annotate, annotator=annotator)
        finally:
            if annotator is not None:
                annotator.close()
        link(self.store)
        return report

    def export(self, story_id: str | None = None) -> dict:
        """storyline/1 as a dict: the whole store, or one story (read from the stored account)."""
        return build_export(self.store, story_id)

    def stories(self, offset: int = 0, limit: int | None = 50) -> list[dict]:
        return read.stories(self.store, offset, limit)

    def timeline(self, story_id: str | None = None) -> list[dict]:
        """Event records in timeline order (dated by date, then undated), read from the stored account."""
        return self.store.link_events(story_id)

    def collection(self, story_id: str | None = None) -> Collection:
        """Compatibility: the account as typed records, recomputed from the annotations (slow on a
        large store; ``export``, ``stories`` and ``timeline`` read the stored account instead)."""
        return load(self.store, story_id)

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None, str]]:
        return self.store.search(query, limit)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Storyline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
