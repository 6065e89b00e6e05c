"""Runners of the per-article stages (sources -> clean -> annotate -> store). ``local`` runs them in
this process; a Ray runner can take the same stages to a cluster."""
