"""The web UI and JSON API (FastAPI). Pages are Jinja2 templates with autoescaping on: article text
is untrusted and is never rendered as HTML."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from ..link.collection import load
from ..link.novelty import report_key
from ..link.timespan import value_span
from ..store import StoreError, open_store
from .export import build_export, story_records
from .timeline import estimate_label, granularity, undated_label, when_label

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def create_app(db: str | Path) -> FastAPI:
    app = FastAPI(title="Storyline", description="Overlapping news reports, one sourced account.")

    def store():
        try:
            return open_store(db)
        except StoreError as exc:
            raise HTTPException(500, str(exc)) from None

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request):
        s = store()
        stories = story_records(list(s.documents()))
        return TEMPLATES.TemplateResponse(request, "home.html", {"stories": stories, "count": s.count()})

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline(request: Request, story: str | None = None):
        col = load(store(), story)
        dated, undated = col.timeline(story)
        rows = []
        spans = [value_span(e.date.value) for e in dated]
        lo = min((sp[0] for sp in spans), default=None)
        hi = max((sp[1] for sp in spans), default=None)
        total = max(((hi - lo).days if lo else 1), 1)
        names = {e.id: e.name for e in col.entities}
        for ev, sp in zip(dated + undated, spans + [None] * len(undated)):
            sources = col.sources(ev)
            agreement = col.event_agreement.get(ev.id)
            rows.append({
                "agreement": agreement.status if agreement else None,
                "sides": _sides(col, agreement),
                "event": ev, "granularity": granularity(ev.date.value) if sp else "unknown",
                "when": undated_label(ev), "when_dated": when_label(col, ev) if sp else None,
                "x": ((sp[0] - lo).days / total * 100) if sp else None,
                "sources": sources, "actors": [names.get(a, a) for a in ev.actor_ids],
                "mentions": [(d, col.document(d).article.title or d, col.document(d).article.text[s:e])
                             for d, s, e in ev.mentions],
            })
        return TEMPLATES.TemplateResponse(request, "timeline.html", {
            "rows": rows, "story": story, "lo": lo, "hi": hi,
            "title": next((st["title"] for st in story_records(col.documents) if st["id"] == story), None),
            "summary": col.story_summaries(story) if story else None,
            "series": [{"series": se, "agreement": col.series_agreement[se.id].status,
                        "sides": _sides(col, col.series_agreement[se.id])} for se in col.series],
        })

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str):
        s = store()
        doc = s.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        ann = s.annotations(doc_id)
        adds = None
        if doc.story_id:  # what it adds is relative to the earlier articles of its story
            col = load(s, doc.story_id)
            if doc_id in col.new:
                new = col.new[doc_id]
                events = {e.id: e for e in col.events}
                adds = {
                    "events": [events[i] for i in new.event_ids],
                    "figures": [ann.figures[int(f.rpartition(":f")[2])] for f in new.figure_ids],
                    "quotes": [ann.quotes[int(q.rpartition(":q")[2])] for q in new.quote_ids],
                    "before": sum(1 for d in col.documents if d.id != doc_id and not d.duplicate_of
                                  and report_key(d) < report_key(doc)),
                }
        estimate = (estimate_label(ann.dating[0].value, ann.dating[0].source)
                    if ann.dating and not doc.article.published else None)
        return TEMPLATES.TemplateResponse(request, "document.html", {"doc": doc, "ann": ann, "adds": adds,
                                                                     "estimate": estimate})

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = Query("", max_length=500)):
        hits, error = [], None
        if q:
            try:
                hits = store().search(q)
            except StoreError as exc:
                error = str(exc)
        return TEMPLATES.TemplateResponse(request, "search.html", {"q": q, "hits": hits, "error": error})

    @app.get("/api/export")
    def api_export():
        return JSONResponse(build_export(store()))

    return app


def _sides(col, agreement) -> list[dict]:
    """Differing passages grouped by what they disagree about, for side-by-side display."""
    if agreement is None or agreement.status != "differ":
        return []
    sides: dict[str, list[dict]] = {}
    for p in agreement.passages:
        doc = col.document(p.document_id)
        sides.setdefault(p.about, []).append({
            "document_id": p.document_id, "title": doc.article.title or p.document_id,
            "text": doc.article.text[p.start:p.end], "claim": p.claim,
        })
    return [{"about": about, "passages": passages} for about, passages in sides.items()]
