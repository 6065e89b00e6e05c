"""Rows that a stage downstream of link keeps with each story's account, written by the link stage
in the transaction that writes the story's rows (so a reader never sees one without the other).

The web pages keep theirs (``views.read.PAGE_ROWS``: what a story or entity page shows, so that a
first visit reads rows and recomputes nothing). They register through the ``storyline_story_outputs``
entry point group of Storyline's own package metadata, as an outside package would: the link stage
reads the registry and never imports a view, so the data flows one way (link → store → views).

    from storyline.link.outputs import StoryOutput, registry

    registry.register("pages", func=StoryOutput("pages", version="1", build=my_builder))
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import catalogue

if TYPE_CHECKING:
    from ..store.links import StoryViews

registry = catalogue.create("storyline", "story_outputs", entry_points=True)


@dataclass(frozen=True)
class StoryOutput:
    """``build(store, story_id)`` returns the story's rows (None: the story is gone), read from its
    stored account through the store it is given. ``version``: bump it when what the rows hold
    changes; the next link run then writes every story's rows again (the account is not recomputed)."""

    name: str
    version: str
    build: Callable[[Any, str], StoryViews | None]

    @property
    def state_key(self) -> str:
        """The store state that says every story's rows are of ``version``."""
        return f"{self.name}/version"

    def for_story(self, story_id: str) -> Callable[[Any], StoryViews | None]:
        """The builder of one story's rows, as the store calls it (with itself, in its transaction)."""
        return lambda store: self.build(store, story_id)


def story_output() -> StoryOutput | None:
    """The registered output whose rows the store keeps (its ``view_*`` tables), or None when no
    stage downstream registered one (then pages compute from the stored account)."""
    found = registry.get_all()
    if len(found) > 1:
        raise ValueError(f"the store keeps one stage's rows per story; registered: {', '.join(sorted(found))}")
    return next(iter(found.values()), None)
