"""Storyline: overlapping news reports in, one structured, sourced account out."""
__version__ = "0.1.0"


def __getattr__(name):  # the API loads the stages only when asked for
    if name == "Storyline":
        from .api import Storyline

        return Storyline
    raise AttributeError(name)
