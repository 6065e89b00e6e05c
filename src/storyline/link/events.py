"""One event per real-world event across articles.

Event mentions (one sentence of one article each) merge when their types match, their dates are
compatible (the same day; or one date's span contains the other's, e.g. "February 2020" and
"2020-02-29"; or one is only the date of the article that reports it and the other a day in the
week up to that date: an article's date bounds what it reports from above, "shot on Friday" in a
report of Sunday) and their participants do not clash (shared actors, or one side names none).
An explicit day in the text replaces a date borrowed from the article as the event's date.
A month or day whose year is unknown (an undated report's "late February") merges with the same
month (day) of a known year, or of another undated report, when the type matches and an actor is
shared. Mentions without a date merge with an undated event whose actors, targets and figures are
the same, or, within one story, whose trigger word (its first four letters: "signed"/"signs") and
an actor are shared and whose figures do not differ (ECB+ train topics, trigger-matched CoNLL F1
43.8 -> 48.0, see storyline.eval.coref); a dated and an undated mention never merge. Different figures on a date vaguer than a day
mean different happenings ("released 100 prisoners" vs "to release 5,000").
Articles are taken in ingest order and an event's id derives from its first mention, so ids stay
stable as articles are added.

Every TimeML mention takes part (most are of type ``other``): mentions are compared only within a
block of (story, domain type), or for type ``other`` (story, lemma family: "signed", "the signing",
"the deal"; event_families.json), never all pairs. An undated mention joins a dated event of its
block when exactly one such event shares its lemma family, a participant (actor, target or place: a
mention naming none joins nothing across dates), its modality and its figures (and a dated mention
joins such an undated event). A plan joins the dated, asserted happening of the same act by the same
actor that follows its report within REPORTS_APART_DAYS (:func:`_fulfil_plans`). Within one
article, mentions in two sentences that name other targets, places or stated dates are two
happenings and never share an event (:func:`_article_clash`); light verbs ("give", "get";
event_families.json's ``generic``) merge on the word alone only with a shared participant; and on
the word alone, other targets keep apart a mention and an event when one side's report is undated
and the other's dated (nothing says the two are near in time); within one article a mention naming
participants joins on the word alone only an event whose mentions there share one
(:func:`_word_alone_ok`); a gathering's noun with an indefinite article ("a meeting in which ...") brings
in a new gathering and joins on the word alone only an event it shares a participant with. A merged event's doers and date are voted by its mentions
(:func:`_voted_actors`, :func:`_voted_date`). Each event gets a salience (0-1, see
:func:`salience`; only reports that corroborate one another count as sources): the timeline shows
the key events and folds the rest.
"""
from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..model import Annotations, Document, Event, EventMention, Timex
from .timespan import value_span


@dataclass
class _Cluster:
    event: Event
    span: tuple[date, date] | None
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    values: set[float] = field(default_factory=set)
    by_article: bool = True  # every date so far was borrowed from an article's publication date
    partial: tuple[int, int | None] | None = None  # (month, day) of a date whose year is unknown
    trigger: str = ""  # the first mention's trigger, lower-cased
    families: set[str] = field(default_factory=set)  # lemma families of its mentions
    places: set[str] = field(default_factory=set)
    published: set[date] = field(default_factory=set)  # publication days of its reports
    lead: int = 10**6  # the earliest sentence index of any mention in its article
    dated_by: set[str] = field(default_factory=set)  # date_from of its mentions
    classes: set[str] = field(default_factory=set)  # TimeML classes of its mentions
    stance: bool = True  # every mention so far a standing quest told in the present
    modifier: bool = True  # every mention so far a bare participle its own sentence does not date
    nominal: bool = True  # every mention so far named by a noun (TimeML tense NONE)
    measure: bool = True  # every mention so far tells an amount (EventMention.measure)
    series: bool = True  # every mention so far told as done again and again or over a month or more
    shows_doer: bool = False  # its line shows who did it (EventMention.doer)
    members: list[_Member] = field(default_factory=list)  # what each mention names (:func:`_article_clash`)


@dataclass(frozen=True)
class _Member:
    """What one mention of an event names, kept to tell apart two happenings told in one article."""

    doc: str
    sentence: int  # the sentence's start
    actors: frozenset[str]
    targets: frozenset[str]
    places: frozenset[str]
    told: tuple[date, date] | None  # a date the sentence states (not borrowed from the article)
    date: Timex | None = None  # the mention's own date, however found
    summary: str = ""  # the mention's one-line account
    obj: str = ""  # the common noun it was done to (EventMention.object_lemma)
    doer: str = ""  # who its line shows as the doer (EventMention.doer)


@lru_cache(maxsize=1)
def _family_data() -> dict:
    """event_families.json: the lemma families, the generic verbs and the tallies, read once."""
    return json.loads(Path(__file__).with_name("event_families.json").read_text())


@lru_cache(maxsize=1)
def generic_lemmas() -> frozenset[str]:
    """Light, very frequent verbs ("give", "get", "make") that name no happening by themselves."""
    return frozenset(_family_data().get("generic", []))


def _differ(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not a & b)


def _article_clash(c: _Cluster, me: _Member) -> bool:
    """Within one article, two sentences that tell of the same word with other targets, other
    things done to, other places or other stated dates tell of two happenings: one report does not
    name its one attack twice with different victims or places ("raised its overnight rate" and
    "raised the reserve requirement"; chained across reports, such mentions glued unrelated attacks
    into one event). Other doers alone do not count: a headline's "British diplomat" and the body's
    "Westmacott" are one doer the entity index does not join."""
    for o in c.members:
        if o.doc != me.doc or o.sentence == me.sentence:
            continue
        if _differ(o.targets, me.targets) or _differ(o.places, me.places) or (
                o.obj and me.obj and families().get(o.obj, o.obj) != families().get(me.obj, me.obj)):
            return True  # (things of one family are one: "signed a deal" and "signed the agreement")
        if o.told and me.told and not _compatible_dates(o.told, me.told):
            return True
        if _clock_apart(o.date, me.date):
            return True  # "a person shot about 6:45 p.m." and "a shooting about 5:45 p.m.": two shootings that day
    return False


_CLOCK_GAP_MINUTES = 30  # two clock times of one day further apart than this tell two happenings


def _clock_apart(a: Timex | None, b: Timex | None) -> bool:
    """Whether two stated times of the same day are clock times more than ``_CLOCK_GAP_MINUTES`` apart."""
    if a is None or b is None or a.value[:10] != b.value[:10]:
        return False
    ta, tb = a.value[11:16], b.value[11:16]
    if len(ta) != 5 or len(tb) != 5 or ta[2] != ":" or tb[2] != ":" or not (ta + tb).replace(":", "").isdigit():
        return False
    minutes = [int(t[:2]) * 60 + int(t[3:]) for t in (ta, tb)]
    return abs(minutes[0] - minutes[1]) > _CLOCK_GAP_MINUTES


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """lemma -> its family's name (the group's first lemma)."""
    out: dict[str, str] = {}
    for group in _family_data()["groups"]:
        for lemma in group:
            out.setdefault(lemma, group[0])
    return out


def family(m: EventMention) -> str:
    lemma = m.lemma or m.trigger.lower()
    return families().get(lemma, lemma)


def _granularity(span: tuple[date, date] | None) -> int:
    return (span[1] - span[0]).days if span else 10**6


def _compatible_dates(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return False
    if (a[1] - a[0]).days == 0 and (b[1] - b[0]).days == 0:
        return a == b
    contains = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return contains and min(_granularity(a), _granularity(b)) <= 31


def _partial(value: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a date whose year is unknown (XXXX-02, XXXX-04-12), as an article
    without a publication date gives "late February" or "on April 12"."""
    parts = value.split("T", 1)[0].split("-")
    if len(parts) not in (2, 3) or parts[0] != "XXXX" or not all(p.isdigit() for p in parts[1:]):
        return None
    return int(parts[1]), (int(parts[2]) if len(parts) == 3 else None)


def _partial_fits(p: tuple[int, int | None], other: tuple[date, date] | tuple[int, int | None]) -> bool:
    """A month(-day) of unknown year against a calendar span within one month, or another such date."""
    if isinstance(other[0], int):
        return p[0] == other[0] and (p[1] is None or other[1] is None or p[1] == other[1])
    a, b = other
    if a.month != b.month or (b - a).days > 31 or a.month != p[0]:
        return False
    return p[1] is None or a.day <= p[1] <= b.day


REPORT_WINDOW_DAYS = 7  # how far before its article's date an event dated only by that article may lie


def _reported_after(a: tuple[date, date], a_borrowed: bool, b: tuple[date, date], b_borrowed: bool) -> bool:
    """One side is dated only by its article's date, the other by an explicit day within the week up
    to that date. (Measured on ECB+ train topics 1-22, see storyline.eval.coref.)"""
    if a_borrowed == b_borrowed:
        return False
    day, told = (a, b) if a_borrowed else (b, a)
    return told[0] == told[1] and day[0] - timedelta(days=REPORT_WINDOW_DAYS) <= told[0] <= day[1]


def merge_events(
    docs: list[Document], per_doc: dict[str, Annotations], entity_index: dict[tuple[str, str], str]
) -> list[Event]:
    clusters: list[_Cluster] = []
    blocks: dict[tuple, list[_Cluster]] = {}
    for doc in docs:
        ann = per_doc[doc.id]
        sent_starts = [s for s, _ in ann.sentences]
        for i, m in enumerate(ann.events):
            actors = {entity_index[(doc.id, k)] for k in m.actors if (doc.id, k) in entity_index}
            targets = {entity_index[(doc.id, k)] for k in m.targets if (doc.id, k) in entity_index}
            span = value_span(m.date.value) if m.date else None
            partial = _partial(m.date.value) if m.date and span is None else None
            figures = ann.figures
            values = {figures[j].value for j in m.figures if j < len(figures)}
            fam = family(m)
            places = {entity_index[(doc.id, k)] for k in m.places if (doc.id, k) in entity_index}
            # an act of saying is its own event in each report (the same words across outlets are
            # one quotation group): a REPORTING mention merges only within its article
            own = doc.id if m.event_class == "REPORTING" else ""
            block = blocks.setdefault((doc.story_id or "", m.type if m.type != "other" else "~" + fam, own), [])
            pub = _day(doc.article.published)
            me = _Member(doc.id, m.start, frozenset(actors), frozenset(targets), frozenset(places),
                         span if m.date and m.date.text and m.date_from != "publication" else None,
                         m.date if span is not None else None, m.summary, m.object_lemma, m.doer)
            fits = [c for c in block if not _article_clash(c, me)]
            home = _find(fits, m, span, actors, targets, values, partial, doc.story_id, fam, pub, doc.id)
            if home is None and partial is None:
                home = _join_across_dates(fits, m, span, actors | targets | places, values, fam, pub, targets)
            if home is None:
                event = Event(
                    id="ev-" + hashlib.sha1(f"{doc.id}:{m.start}:{m.trigger}:{m.trigger_start}".encode()
                                            if m.trigger_start is not None else
                                            f"{doc.id}:{m.start}:{m.trigger}".encode()).hexdigest()[:12],
                    type=m.type, summary=m.summary, date=m.date, mentions=[], story_id=doc.story_id,
                    modality=m.modality,
                    place_ids=[entity_index[(doc.id, k)] for k in m.places if (doc.id, k) in entity_index],
                    figure_ids=[f"{doc.id}:f{j}" for j in m.figures],
                )
                home = _Cluster(event=event, span=span, partial=partial, trigger=m.trigger.lower())
                clusters.append(home)
                block.append(home)
            elif span and (home.span is None or _granularity(span) < _granularity(home.span) or (
                    home.by_article and m.date.text and _granularity(span) == 0)):
                home.event.date, home.span = m.date, span  # the most precise date wins; told beats borrowed
            if not home.event.mentions:
                home.shows_doer = bool(m.doer)
            elif (bool(m.doer), len(m.summary.split())) > (home.shows_doer, len(home.event.summary.split())):
                # the fullest one-line account that shows who did it names the event ("girl shot her
                # boyfriend" over "shot her boyfriend", however long), else the fullest
                home.event.summary, home.shows_doer = m.summary, bool(m.doer)
            home.event.mentions.append((doc.id, m.start, m.end))
            home.members.append(me)
            home.event.triggers.append((doc.id, m.trigger_start, m.trigger_end) if m.trigger_start is not None
                                       else (doc.id, m.start, m.end))
            home.actors |= actors
            home.targets |= targets
            home.values |= values
            home.families.add(fam)
            if pub:
                home.published.add(pub)
            home.places |= places
            home.by_article = home.by_article and (m.date is None or not m.date.text)
            if not doc.duplicate_of:
                home.documents.add(doc.id)
            home.lead = min(home.lead, bisect.bisect_right(sent_starts, m.start) - 1 if sent_starts else 10**6)
            if m.date_from:
                home.dated_by.add(m.date_from)
            home.classes.add(m.event_class or ("OCCURRENCE" if m.type != "other" else ""))
            home.stance = home.stance and m.tense == "PRESENT" and m.aspect in ("PROGRESSIVE", "NONE") \
                and (m.lemma or "").lower() in stance_lemmas()
            # "shelled peanuts", "the booster rocket blamed for the loss": a participle that only
            # describes a thing (no auxiliary, no time of its own) is seldom a happening of the story
            home.nominal = home.nominal and m.tense == "NONE"
            home.measure = home.measure and m.measure
            home.series = home.series and m.series
            home.modifier = home.modifier and m.tense == "PASTPART" and m.date_from not in ("sentence", "relative")
    gone = _fulfil_plans(blocks)
    clusters = [c for c in clusters if id(c) not in gone]
    main = _main_participants(docs, per_doc, entity_index)
    for c in clusters:
        c.event.actor_ids = sorted(_voted_actors(c))
        c.event.summary = _voted_summary(c, set(c.event.actor_ids))
        if not c.event.actor_ids:
            # "Police arrested two men": no one named, the line's own doer says who (a name the vote set
            # aside is no doer of the event)
            c.event.doer = next((o.doer for o in c.members if o.summary == c.event.summary and o.doer
                                 and not o.actors), "")
        c.event.date = _voted_date(c) or c.event.date
        c.event.target_ids = sorted(c.targets)
        c.event.salience = salience(c, main.get(c.event.story_id or "", set()))
    return [c.event for c in clusters]


def _voted_actors(c: _Cluster) -> set[str]:
    """The event's doers by a vote of its mentions: the doer most mentions name, and whoever is
    named beside it in one mention ("the union and the company signed"); with no majority, all of them.
    A doer named by fewer mentions and never beside the leader is another happening's ("the
    governor spoke ... the party spoke" merged on the word alone) or a misread."""
    votes: dict[str, int] = {}
    for o in c.members:
        for a in o.actors:
            votes[a] = votes.get(a, 0) + 1
    if not votes:
        return set(c.actors)
    top = max(votes.values())
    leaders = {a for a, n in votes.items() if n == top}
    out = set(leaders)
    for o in c.members:
        if o.actors & leaders:
            out |= o.actors
    return out


def _voted_summary(c: _Cluster, voted: set[str]) -> str:
    """The event's line, from a mention that names a doer the vote kept: the fullest such line, when
    the fullest of all names another ("Amoco Corp talks with Dome" for talks the vote gives to
    TransCanada); the line stands as it is otherwise."""
    if not voted or any(o.summary == c.event.summary and o.actors & voted for o in c.members):
        return c.event.summary
    fitting = [o.summary for o in c.members if o.actors & voted and o.summary]
    if not fitting:
        return c.event.summary
    return max(fitting, key=lambda s: len(s.split()))


def _voted_date(c: _Cluster) -> Timex | None:
    """The event's date by a vote of its mentions: a date the text states (a time expression
    governing the mention, an offset, a dated related event) over one borrowed from the article;
    then the date most of the mentions' dates agree with (the same span, or one inside the other);
    then the finer; of dates borrowed from the articles, the earliest (a happening one report tells
    on the 12th and a later one on the 13th took place by the 12th); then the earlier mention."""
    best, best_key = None, None
    spans = [(o, value_span(o.date.value)) for o in c.members if o.date is not None]
    spans = [(o, sp) for o, sp in spans if sp is not None]
    for k, (o, sp) in enumerate(spans):
        support = sum(1 for _, other in spans if (sp[0] <= other[0] and other[1] <= sp[1]) or (
            other[0] <= sp[0] and sp[1] <= other[1]))
        key = (o.told is not None, support, -_granularity(sp), 0 if o.told is not None else -sp[0].toordinal(), -k)
        if best_key is None or key > best_key:
            best, best_key = o.date, key
    return best


REPORTS_APART_DAYS = 30  # reports published further apart do not merge an undated mention on its lemma alone


def _fulfil_plans(blocks: dict[tuple, list[_Cluster]]) -> set[int]:
    """A plan joins the happening that fulfils it: a planned event (every mention planned) and an
    asserted, dated event of the same block (domain type, or lemma family for ``other``) are one when
    they share an actor, the happening's date lies after the first report of the plan and within
    REPORTS_APART_DAYS of it (inside the plan's own date, if it has one), no figure differs, and
    exactly one such happening fits. "X will visit Kabul" (reported on the 1st) and "X has embarked
    on a trip to Kabul" (reported on the 7th) are one trip, dated and asserted. The happening keeps
    its id, summary, date and modality; returns the ids (``id()``) of the plans merged away."""
    gone: set[int] = set()
    for block in blocks.values():
        done = [c for c in block if c.event.modality == "asserted" and c.span is not None]
        for p in block:
            if p.event.modality != "planned" or not p.actors or not p.published:
                continue
            first = min(p.published)
            fits = [c for c in done if p.actors & c.actors and first < c.span[0]
                    and (c.span[0] - first).days <= REPORTS_APART_DAYS
                    and (p.span is None or p.span[0] <= c.span[0] <= p.span[1])
                    and not (p.values and c.values and not p.values & c.values)]
            if len(fits) != 1:
                continue
            c = fits[0]
            c.event.mentions += p.event.mentions
            c.event.triggers += p.event.triggers
            c.event.figure_ids += [f for f in p.event.figure_ids if f not in c.event.figure_ids]
            c.event.place_ids += [f for f in p.event.place_ids if f not in c.event.place_ids]
            c.actors |= p.actors
            c.targets |= p.targets
            c.values |= p.values
            c.families |= p.families
            c.places |= p.places
            c.published |= p.published
            c.documents |= p.documents
            c.dated_by |= p.dated_by
            c.classes |= p.classes
            c.stance = c.stance and p.stance
            c.modifier = c.modifier and p.modifier
            c.members += p.members
            c.lead = min(c.lead, p.lead)
            gone.add(id(p))
    return gone


def _word_alone_ok(c: _Cluster, actors: set[str], targets: set[str], doc_id: str) -> bool:
    """Within one article, a mention naming participants (doers or whom it was done to) does not join
    on the word alone an event one of whose mentions in that article names only others: a report
    tells "the senator asked the mayor" and "the governor asked the court" as two askings; across
    reports the entity index is too loose to say so (ECB+ train topics: trigger-matched CoNLL 67.29
    -> 67.31, dev 63.57 -> 63.60; checked together with the rest of this merge)."""
    mine = actors | targets
    return not (mine and any(o.doc == doc_id and (o.actors | o.targets) and not (o.actors | o.targets) & mine
                             for o in c.members))


def _other_targets(targets: set[str], c: _Cluster) -> bool:
    """Both name whom or what the act was done to, and no one in common: "placed Thomas on IR" and
    "placed Ivory on IR" are two placements, "nominated Benjamin" and "nominated Collins" two
    nominations."""
    return bool(targets and c.targets and not targets & c.targets)


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _near_in_time(c: _Cluster, pub: date | None) -> bool:
    """The mention's report and the event's reports came out within REPORTS_APART_DAYS (or a date
    is unknown): "the talks" in reports a year apart are not known to be the same talks."""
    return pub is None or not c.published or (
        max(c.published) - pub).days <= REPORTS_APART_DAYS and (pub - min(c.published)).days <= REPORTS_APART_DAYS


def _reportable(c: _Cluster, span, pub: date | None, modality: str) -> bool:
    """Dates and reports fit: an undated mention's report does not predate the dated event it joins
    (a plan joins only one told near in time), and a dated mention joins an undated event of
    reports near in time."""
    if span is not None:
        return _near_in_time(c, pub)
    if pub is None or c.span is None:
        return True
    return c.span[0] <= pub if modality == "asserted" else _near_in_time(c, pub)


def _join_across_dates(block: list[_Cluster], m: EventMention, span, parts: set[str], values: set[float],
                       fam: str, pub: date | None = None, targets: frozenset[str] | set[str] = frozenset()
                       ) -> _Cluster | None:
    """An undated mention and a dated event (or the reverse) are one when exactly one event of the
    block fits: same lemma family and modality, a shared participant or place (when the mention
    names any), no other figures."""
    fits = [c for c in block if (c.span is None) != (span is None) and c.partial is None and fam in c.families
            and c.event.modality == m.modality
            and parts & (c.actors | c.targets | c.places)
            and not _other_targets(targets, c)
            and _reportable(c, span, pub, m.modality)
            and not (values and c.values and not values & c.values)]
    return fits[0] if len(fits) == 1 else None


MAIN_PARTICIPANTS = 5  # the entities named in most of a story's articles


def _main_participants(docs: list[Document], per_doc: dict[str, Annotations],
                       entity_index: dict[tuple[str, str], str]) -> dict[str, set[str]]:
    counts: dict[str, dict[str, int]] = {}
    for d in docs:
        if d.duplicate_of:
            continue
        seen = {entity_index.get((d.id, e.key)) for e in per_doc[d.id].entities} - {None}
        story = counts.setdefault(d.story_id or "", {})
        for eid in seen:
            story[eid] = story.get(eid, 0) + 1
    return {sid: {e for e, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_PARTICIPANTS]}
            for sid, c in counts.items()}


def _corroborating(c: _Cluster) -> int:
    """How many of the event's independent reports corroborate one another: a report counts when
    one of its mentions shares a participant (doer, whom it was done to, place) or a stated date
    with a mention of another report. Reports joined on the word alone ("the request", "attacks")
    are not known to tell the same happening, and do not make it a story's key event."""
    docs = sorted(c.documents)
    if len(docs) < 2:
        return len(docs)
    by_doc: dict[str, list[_Member]] = {}
    for o in c.members:
        if o.doc in c.documents:
            by_doc.setdefault(o.doc, []).append(o)

    def agree(a: _Member, b: _Member) -> bool:
        return bool((a.actors | a.targets | a.places) & (b.actors | b.targets | b.places)) or (
            a.told is not None and b.told is not None and _compatible_dates(a.told, b.told))

    linked = {d for d in docs if any(agree(a, b) for a in by_doc.get(d, []) for e in docs if e != d
                                     for b in by_doc.get(e, []))}
    return max(1, len(linked))


def salience(c: _Cluster, main: set[str]) -> float:
    """How central an event is to its story, 0-1: independent sources (near-duplicates not
    counted), an early sentence, the story's main participants, a date the text gives, a class
    other than REPORTING/STATE/I_STATE, a domain type, and that it happened (what did not or may not
    happen keeps half)."""
    n = _corroborating(c)
    score = 0.25 * min(1.0, (n - 1) / 2) if n else 0.0
    score += 0.15 if c.lead <= 2 else 0.08 if c.lead <= 5 else 0.0
    score += 0.15 if (c.actors | c.targets) & main else 0.0
    score += 0.15 if c.dated_by & {"sentence", "relative"} else 0.05 if c.dated_by else 0.0
    score += 0.1 if c.classes - {"REPORTING", "STATE", "I_STATE", ""} else 0.0
    score += 0.15 if c.event.type != "other" else 0.0
    score += 0.05 if c.event.modality == "asserted" else 0.0
    if c.classes and c.classes <= {"REPORTING", "STATE", "I_STATE"}:
        score /= 2  # saying and being are the frame of the news, not its events
    elif _tally(c):
        score /= 2  # a statistic over a week, a month, a quarter or a year: a point of a figure series
    elif c.series:
        score /= 2  # "For months, McConnell urged", "have in recent weeks accused": a series, not one happening
    elif c.stance:
        score /= 2  # "is seeking 100 mln dlrs in damages", "is demanding a pay rise": a standing quest
    elif c.modifier:
        score /= 2  # "shelled peanuts", "a rocket blamed for the loss": a participle that describes a thing
    elif c.event.modality in ("negated", "possible", "hypothetical"):
        score /= 2  # "did not veto", "Moscow would buy U.S. wheat if ...": what did not or may not happen
    return round(min(1.0, score), 3)


@lru_cache(maxsize=1)
def new_when_indefinite() -> frozenset[str]:
    """Families whose noun with an indefinite article brings in another happening (event_families.json
    ``new_when_indefinite``: "a meeting in which he suggested ..." is not the story's other meetings)."""
    return frozenset(families().get(w, w) for w in _family_data().get("new_when_indefinite", []))


@lru_cache(maxsize=1)
def stance_lemmas() -> frozenset[str]:
    """Verbs of a quest that, told in the present ("is seeking", "demands"), name a standing stance
    (event_families.json ``stances``)."""
    return frozenset(_family_data().get("stances", []))


def _tally(c: _Cluster) -> bool:
    """Whether an event tells an amount or its change over a period (event_families.json
    ``tallies``, with a figure, dated by a week or longer, or named by a noun with or without one; or any
    verb of no domain type with a figure, dated by a quarter or longer): "money supply rose 2.7 pct in January",
    "borrowings averaged 361 mln dlrs a day in the week to Wednesday", "registered a cereal production
    increase of 3.6 pct in 1986"."""
    if c.span is None:
        return False
    days = (c.span[1] - c.span[0]).days
    if c.measure and days >= 6:
        return True  # an amount told over a period: "M-1 growth for 1986", "the January index was revised"
    if not c.values:
        # a measure named by a noun needs no figure: "its fourth quarter loss", "March sales"
        return c.nominal and days >= 6 and bool(c.families) and c.families <= tally_families()
    # a measure verb over a week or longer; any happening of no domain type told with a figure over a
    # quarter or a year ("posted a net profit of 997 mln dlrs in the third quarter", "Indonesia bought
    # 162,500 tonnes of raw sugar in late 1986", "harvested 192,000 ha last year"): a total, not one deed
    return (days >= 6 and bool(c.families) and c.families <= tally_families()) or (
        days >= 80 and c.event.type == "other")


@lru_cache(maxsize=1)
def tally_families() -> frozenset[str]:
    """The families of the measure verbs (event_families.json ``tallies``)."""
    return frozenset(families().get(lemma, lemma) for lemma in _family_data().get("tallies", []))


KEY_SALIENCE = 0.6  # the timeline shows events at least this salient and folds the rest


def _find(clusters, m: EventMention, span, actors: set[str], targets: set[str], values: set[float],
          partial: tuple[int, int | None] | None = None, story_id=None, fam: str = "",
          pub: date | None = None, doc_id: str = "") -> _Cluster | None:
    by_article = m.date is not None and not m.date.text
    for c in clusters:
        if c.event.type != m.type or c.event.modality != m.modality:
            continue  # a plan to release is not the release
        if partial or (c.span is None and c.partial):
            # a month(-day) of unknown year ("late February" in an undated report) joins the same
            # month(-day) of a known year or of another undated report: same type, a shared actor,
            # no other numbers
            mine, other = (partial, c.span or c.partial) if partial else (c.partial, span)
            if mine and other and _partial_fits(mine, other) and actors & c.actors and not (
                    values and c.values and not values & c.values):
                return c
            continue
        if span is None and c.span is None:
            if actors and targets and actors == c.actors and targets == c.targets and not (values ^ c.values):
                return c
            # in one story, two undated reports of the same act by the same actor are one event
            # ("signed a landmark deal" and "signed an agreement" in a report without a date)
            if c.event.story_id == story_id and _near_in_time(c, pub) and (actors & c.actors or (
                    not actors and not c.actors and targets & c.targets)) and not (
                    values and c.values and not values & c.values) and \
                    m.trigger.lower()[:4] == c.trigger[:4]:
                return c
            # the same happening named by one lemma family in one story, nothing against it: no
            # other actor, no other figure ("the talks" ... "the negotiations")
            if fam and fam in c.families and c.event.story_id == story_id and _near_in_time(c, pub) and not (
                    m.indefinite and fam in new_when_indefinite()
                    and not (actors | targets) & (c.actors | c.targets)) and not (
                    actors and c.actors and not actors & c.actors) and _word_alone_ok(c, actors, targets, doc_id) and not (
                    _other_targets(targets, c) and (pub is None) != (not c.published)) and not (
                    values and c.values and not values & c.values) and (
                    fam not in generic_lemmas() or (actors | targets) & (c.actors | c.targets)):
                return c
            continue
        if span is None or c.span is None:
            continue  # one date known, one not: nothing says they are the same happening
        if not (_compatible_dates(span, c.span) or _reported_after(span, by_article, c.span, c.by_article)):
            continue
        if actors and c.actors and not actors & c.actors:
            continue
        if _other_targets(targets, c):
            continue
        if (by_article or c.by_article) and not actors & c.actors:
            continue  # a date borrowed from the article is weak: the same actor must be named
        exact_day = span == c.span and span[0] == span[1]
        if values and c.values and not values & c.values and not exact_day:
            continue  # other numbers on a vaguer date: another happening ("100 released" vs "5,000 to release")
        return c
    return None
