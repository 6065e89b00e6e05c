"""Storyline: overlapping news reports in, one structured, sourced account out."""
__version__ = "0.1.0"
