"""The timeline, for the terminal (rich), TimelineJS and CSV. Article text is untrusted: it is
escaped for rich markup and for HTML wherever it is shown."""
from __future__ import annotations

import csv
import html
import io

from rich.markup import escape
from rich.table import Table

from ..link.collection import Collection
from ..link.timespan import value_span


def granularity(value: str) -> str:
    span = value_span(value)
    if span is None:
        return "unknown"
    days = (span[1] - span[0]).days
    return "day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "season" if days <= 92 else "year" if days <= 366 else "longer"


def undated_label(ev) -> str:
    """What is known of an event's date when it has no place on the calendar: the month and day
    without the year ("XXXX-04-12: year unknown") when the article gave them, else "date unknown"."""
    value = ev.date.value if ev.date else ""
    if value.startswith("XXXX-") and any(c.isdigit() for c in value):
        return f"{value} (year unknown)"
    return "date unknown"


def terminal_table(col: Collection, story_id: str | None = None) -> Table:
    dated, undated = col.timeline(story_id, key_only=True)
    every = sum(len(part) for part in col.timeline(story_id))
    folded = every - len(dated) - len(undated)
    names = {e.id: e.name for e in col.entities}
    table = Table(title="Timeline" + (f" of story {story_id}" if story_id else ""), show_lines=False, expand=True,
                  caption=f"{folded} less salient events folded (all are in storyline export)" if folded else None)
    # three columns, so the "what" keeps its room in an 80-column terminal: the type sits under the
    # date, the first reporter under the source count
    table.add_column("when · type", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("sources · first", max_width=22, overflow="ellipsis", no_wrap=True)
    for ev in dated + undated:
        sources = col.sources(ev)
        when = f"{ev.date.value} ({granularity(ev.date.value)})" if ev in dated else f"[dim]{undated_label(ev)}[/]"
        kind = ev.type if ev.modality == "asserted" else f"{ev.type} ({ev.modality})"
        who = ", ".join(names[a] for a in ev.actor_ids if a in names)
        what = escape(ev.summary) + (f"\n[dim]{escape(who)}[/]" if who else "")
        agreement = col.event_agreement.get(ev.id)
        if agreement is not None and agreement.status == "differ":
            what += "".join(f"\n[red]{escape(p.document_id)}[/] [dim]({escape(p.about)})[/]: {escape(p.claim)}"
                            for p in agreement.passages)
        count = f"{len(sources)} {badge(agreement.status if agreement else None)}"
        first = f"\n[dim]first: {escape(sources[0])}[/]" if sources else ""
        table.add_row(f"{when}\n[cyan]{kind}[/]", what, count + first)
    return table


BADGES = {"agree": "[green]agree[/]", "differ": "[bold red]differ[/]", "single": "[yellow]single[/]"}


def badge(status: str | None) -> str:
    """The agreement status as a rich-markup badge."""
    return BADGES.get(status or "", "")


def timelinejs(col: Collection, story_id: str | None = None) -> dict:
    """TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html)."""
    dated, _ = col.timeline(story_id, key_only=True)
    events = []
    for ev in dated:
        start, end = value_span(ev.date.value)
        date = {"year": start.year}
        if granularity(ev.date.value) in ("day", "week", "month"):
            date["month"] = start.month
        if granularity(ev.date.value) == "day":
            date["day"] = start.day
        sources = col.sources(ev)
        quotes = []
        for doc_id, s, e in ev.mentions[:3]:
            quotes.append(f"<blockquote>{html.escape(col.document(doc_id).article.text[s:e])}</blockquote>"
                          f"<p>— {html.escape(col.document(doc_id).article.title or doc_id)}</p>")
        events.append({
            "start_date": date,
            "text": {"headline": html.escape(ev.summary),
                     "text": f"<p>{len(sources)} source(s)</p>" + "".join(quotes)},
            "group": ev.type,
            "unique_id": ev.id,
        })
    return {"title": {"text": {"headline": "Storyline timeline", "text": f"{len(events)} dated events"}},
            "events": events}


def events_csv(col: Collection) -> str:
    names = {e.id: e.name for e in col.entities}
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "story_id", "date", "date_start", "date_end", "granularity", "type", "modality", "summary",
                     "actors", "targets", "places", "sources", "first_reported_by", "mentions"])
    dated, undated = col.timeline()
    for ev in dated + undated:
        span = value_span(ev.date.value) if ev.date else None
        sources = col.sources(ev)
        writer.writerow([
            ev.id, ev.story_id or "", ev.date.value if ev.date else "", span[0] if span else "",
            span[1] if span else "", granularity(ev.date.value) if ev.date else "unknown", ev.type, ev.modality, ev.summary,
            "; ".join(names.get(a, a) for a in ev.actor_ids), "; ".join(names.get(a, a) for a in ev.target_ids),
            "; ".join(names.get(a, a) for a in ev.place_ids), len(sources), sources[0] if sources else "",
            len(ev.mentions),
        ])
    return buf.getvalue()
