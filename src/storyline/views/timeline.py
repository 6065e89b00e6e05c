"""The timeline, for the terminal (rich), TimelineJS and CSV, read from the link stage's stored event
rows (``store.link_events``: timeline order, indexed by story and date). Article text is untrusted: it
is escaped for rich markup and for HTML wherever it is shown."""
from __future__ import annotations

import csv
import html
import io

from rich.table import Table

from ..link.events import KEY_SALIENCE
from ..link.timespan import value_span
from .dates import human_date
from .safe import markup_safe as escape  # terminal sequences out, rich markup escaped


def granularity(value: str) -> str:
    span = value_span(value)
    if span is None:
        return "unknown"
    days = (span[1] - span[0]).days
    return "day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "season" if days <= 92 else "year" if days <= 366 else "longer"


def undated_label(ev: dict) -> str:
    """What is known of an event's date when it has no place on the calendar: the month and day
    without the year ("XXXX-04-12: year unknown") when the article gave them, else "date unknown"."""
    value = ev.get("date_value") or ""
    if value.startswith("XXXX-") and any(c.isdigit() for c in value):
        return f"{value} (year unknown)"
    return "date unknown"


def estimate_label(value: str, source: str = "text") -> str:
    """How an estimated date is shown, never as a fact: "≈ February 2021 (estimated from the text)"."""
    return f"≈ {human_date(value)} (estimated from {'the text' if source == 'text' else 'its story'})"


def when_label(ev: dict) -> str:
    """An event's date for people: the value and its granularity, or the estimate it rests on."""
    date = ev.get("date") or {}
    if date.get("estimated"):
        return estimate_label(ev["date_value"], date.get("estimated_from", "text"))
    return f"{ev['date_value']} ({granularity(ev['date_value'])})"


def key_events(events: list[dict]) -> list[dict]:
    """The story's key events (salience >= KEY_SALIENCE); the rest are folded, not dropped: they
    stay in the export."""
    return [ev for ev in events if ev.get("salience", 1.0) >= KEY_SALIENCE]


def _names(store, story_id: str | None) -> dict[tuple[str, str], str]:
    return store.link_entity_names(story_id)


def terminal_table(store, story_id: str | None = None) -> Table:
    """The timeline of one story (or all), read from the stored event rows."""
    every = store.link_events(story_id)
    events = key_events(every)
    folded = len(every) - len(events)
    names = _names(store, story_id)
    from .read import article_refs  # (read imports this module's labels)

    # reports named by outlet, as the web pages name them, not by article id
    refs = article_refs(store, [ev["sources"][0] for ev in events if ev["sources"]]
                        + [p["document_id"] for ev in events if ev.get("agreement")
                           for p in ev["agreement"].get("passages", [])])

    def source(doc_id: str) -> str:
        ref = refs.get(doc_id)
        return ref.outlet if ref is not None else doc_id

    table = Table(title="Timeline" + (f" of story {story_id}" if story_id else ""), show_lines=False, expand=True,
                  caption=f"{folded} less salient events folded (all are in storyline export)" if folded else None)
    # three columns, so the "what" keeps its room in an 80-column terminal: the type sits under the
    # date, the first reporter under the source count
    table.add_column("when · type", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("sources · first", max_width=22, overflow="ellipsis", no_wrap=True)
    for ev in events:
        sources = ev["sources"]
        # an estimate on two lines ("≈ March 2021", "(estimated from the text)"), so the column stays narrow
        when = escape(when_label(ev)).replace(" (estimated", "\n(estimated") if ev["date"] else \
            f"[dim]{undated_label(ev)}[/]"
        kind = ev["type"] if ev["modality"] == "asserted" else f"{ev['type']} ({ev['modality']})"
        who = ", ".join(names[(ev["story_id"], a)] for a in ev["actor_ids"] if (ev["story_id"], a) in names) \
            or (f"{ev['doer']} (unnamed)" if ev.get("doer") else "")
        what = escape(ev["summary"]) + (f"\n[dim]{escape(who)}[/]" if who else "")
        agreement = ev.get("agreement")
        if agreement is not None and agreement["status"] == "differ":
            what += "".join(f"\n[red]{escape(source(p['document_id']))}[/] [dim]({escape(p['about'])})[/]: {escape(p['claim'])}"
                            for p in agreement["passages"])
        count = f"{len(sources)} {badge(agreement['status'] if agreement else None)}"
        first = f"\n[dim]first: {escape(source(sources[0]))}[/]" if sources else ""
        table.add_row(f"{when}\n[cyan]{kind}[/]", what, count + first)
    return table


BADGES = {"agree": "[green]agree[/]", "differ": "[bold red]differ[/]", "single": "[yellow]single[/]"}


def badge(status: str | None) -> str:
    """The agreement status as a rich-markup badge."""
    return BADGES.get(status or "", "")


def timelinejs(store, story_id: str | None = None) -> dict:
    """TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html)."""
    dated = [ev for ev in key_events(store.link_events(story_id)) if ev["date"]]
    titles = store.document_titles([m["document_id"] for ev in dated for m in ev["mentions"][:3]])
    events = []
    for ev in dated:
        value = ev["date_value"]
        start, end = value_span(value)
        date = {"year": start.year}
        if granularity(value) in ("day", "week", "month"):
            date["month"] = start.month
        if granularity(value) == "day":
            date["day"] = start.day
        quotes = []
        for m in ev["mentions"][:3]:
            quotes.append(f"<blockquote>{html.escape(m['text'])}</blockquote>"
                          f"<p>— {html.escape(titles.get(m['document_id']) or m['document_id'])}</p>")
        events.append({
            "start_date": date,
            "text": {"headline": html.escape(ev["summary"]),
                     "text": (f"<p>{html.escape(when_label(ev))}</p>" if ev["date"].get("estimated") else "")
                     + f"<p>{len(ev['sources'])} source(s)</p>" + "".join(quotes)},
            "group": ev["type"],
            "unique_id": ev["id"],
        })
    return {"title": {"text": {"headline": "Storyline timeline", "text": f"{len(events)} dated events"}},
            "events": events}


def events_csv(store, story_id: str | None = None) -> str:
    names = _names(store, story_id)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "story_id", "date", "date_start", "date_end", "granularity", "type", "modality", "summary",
                     "actors", "targets", "places", "sources", "first_reported_by", "mentions", "date_estimated"])
    for ev in store.link_events(story_id):
        value = ev["date_value"]
        span = value_span(value) if value else None
        sources = ev["sources"]

        def named(ids: list[str], story: str = ev["story_id"]) -> str:
            return "; ".join(names.get((story, a), a) for a in ids)

        writer.writerow([
            ev["id"], ev["story_id"] or "", value or "", span[0] if span else "", span[1] if span else "",
            granularity(value) if value else "unknown", ev["type"], ev["modality"], ev["summary"],
            named(ev["actor_ids"]), named(ev["target_ids"]), named(ev["place_ids"]), len(sources),
            sources[0] if sources else "", len(ev["mentions"]),
            "yes" if (ev["date"] or {}).get("estimated") else "",
        ])
    return buf.getvalue()
