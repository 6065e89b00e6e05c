"""The timeline, for the terminal (rich), TimelineJS and CSV. Article text is untrusted: it is
escaped for rich markup and for HTML wherever it is shown."""
from __future__ import annotations

import csv
import html
import io
import re

from .safe import markup_safe as escape  # terminal sequences out, rich markup escaped
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


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def human_date(value: str) -> str:
    """A TIMEX3 date value in words: "2021-02" -> "February 2021", "2021-02-14" -> "14 February 2021"."""
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(m[2])} of {m[1]}"
    parts = value.split("T", 1)[0].split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2])} {month}" if len(parts) == 3 and parts[2].isdigit() else month
    return value


def estimate_label(value: str, source: str = "text") -> str:
    """How an estimated date is shown, never as a fact: "≈ February 2021 (estimated from the text)"."""
    return f"≈ {human_date(value)} (estimated from {'the text' if source == 'text' else 'its story'})"


def estimate_source(col: Collection, ev) -> str:
    """"text" or "story": where the estimate behind an event's date came from (its first mention's article)."""
    for doc_id, _, _ in ev.mentions:
        ann = col.annotations.get(doc_id)
        if ann is not None and ann.dating:
            return ann.dating[0].source
    return "text"


def stated_elsewhere(col: Collection, ev) -> bool:
    """Whether a report of the event states the date the event took from an estimate."""
    for doc_id, start, end in ev.mentions:
        ann = col.annotations.get(doc_id)
        for m in ann.events if ann else []:
            if (m.start, m.end) == (start, end) and m.date is not None and not m.date.estimated \
                    and m.date.value == ev.date.value:
                return True
    return False


def when_label(col: Collection, ev) -> str:
    """An event's date for people: the value and its granularity, or the estimate it rests on
    (unless another report of it states that date)."""
    if ev.date is not None and ev.date.estimated and not stated_elsewhere(col, ev):
        return estimate_label(ev.date.value, estimate_source(col, ev))
    return f"{ev.date.value} ({granularity(ev.date.value)})"


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
        # an estimate on two lines ("≈ March 2021", "(estimated from the text)"), so the column stays narrow
        when = escape(when_label(col, ev)).replace(" (estimated", "\n(estimated") if ev in dated else \
            f"[dim]{undated_label(ev)}[/]"
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
                     "text": (f"<p>{html.escape(when_label(col, ev))}</p>" if ev.date.estimated
                              and not stated_elsewhere(col, ev) else "")
                     + f"<p>{len(sources)} source(s)</p>" + "".join(quotes)},
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
                     "actors", "targets", "places", "sources", "first_reported_by", "mentions", "date_estimated"])
    dated, undated = col.timeline()
    for ev in dated + undated:
        span = value_span(ev.date.value) if ev.date else None
        estimated = ev.date is not None and ev.date.estimated and not stated_elsewhere(col, ev)
        sources = col.sources(ev)
        writer.writerow([
            ev.id, ev.story_id or "", ev.date.value if ev.date else "", span[0] if span else "",
            span[1] if span else "", granularity(ev.date.value) if ev.date else "unknown", ev.type, ev.modality, ev.summary,
            "; ".join(names.get(a, a) for a in ev.actor_ids), "; ".join(names.get(a, a) for a in ev.target_ids),
            "; ".join(names.get(a, a) for a in ev.place_ids), len(sources), sources[0] if sources else "",
            len(ev.mentions), "yes" if estimated else "",
        ])
    return buf.getvalue()
