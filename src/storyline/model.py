"""Typed records that pass between Storyline's stages.

Data flows one way: ``sources`` yield :class:`RawArticle`, ``clean`` turns each into a
:class:`CleanArticle`, ``annotate`` adds :class:`Annotations`, ``link`` works across stored
articles, ``store`` keeps everything, ``views`` show it. Nothing here imports other Storyline
modules; every stage imports this one.

Offsets (``start``, ``end``) are always character offsets into ``CleanArticle.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PublishedFrom = Literal["metadata", "text", "estimate"]


@dataclass(frozen=True)
class Rejection:
    """An input (or one record of it) that could not be read, and why."""

    source: str  # file path
    reason: str
    line: int | None = None  # 1-based line or record number, where there is one

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class InputWarning:
    """Something an input did that is worth telling but cost no article (a date that could not be
    read, a replaced byte, a skipped folder): the article, if any, is kept."""

    source: str  # file path
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass
class RawArticle:
    """One article as a source delivered it, before cleaning."""

    id: str  # the id given in the input, else the file's stem
    source: str  # file path, ``file:line`` for records, or URL for WARC
    text: str | None = None  # plain text (already extracted from HTML where the source did it)
    html: str | None = None  # raw HTML, when the source delivered HTML
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or date-time from the source's metadata
    language: str | None = None
    captured: str | None = None  # when a crawler fetched it (WARC-Date): a fallback estimate only


@dataclass
class CleanArticle:
    """An article with its page furniture removed and what it told lifted into metadata."""

    id: str
    source: str
    text: str  # cleaned body text: every sentence of the report itself
    removed: list[str] = field(default_factory=list)  # lines removed as boilerplate, in order
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    reprint_of: str | None = None  # original publisher named in a reprint notice


@dataclass
class Document:
    """A stored article: the cleaned article plus what ingest and linking decided about it."""

    article: CleanArticle
    content_hash: str  # sha256 of the input record, for idempotent re-runs
    duplicate_of: str | None = None
    story_id: str | None = None
    seq: int = 0  # ingest order, assigned by the store
    # an undated article's estimated writing date (first day of the range), set by the link stage
    # where it orders reports ("reported first"); never shown as the article's date
    estimated_published: str | None = None

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 time expression, normalised against the article's publication date."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3 value: 2020-04-12, 2020-W15, P14M, PRESENT_REF, XXXX-04-12 ...
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    # resolved against an estimated writing date (annotate/dating.py), not one the article gave:
    # an estimate, never a fact ("on Sunday" in an article estimated to March 2021 is "2021-03")
    estimated: bool = False


EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER"]


@dataclass(frozen=True)
class Place:
    """Where a place name points on the map (GeoNames)."""

    lat: float
    lon: float
    country_code: str  # ISO 3166-1 alpha-2
    geonames_id: int | None = None
    name: str | None = None  # the gazetteer's own name for it
    feature: str | None = None  # e.g. "city", "country", "admin1"


@dataclass
class EntityMention:
    """One mention of a named entity in one article; ``key`` ties mentions of the same thing
    within the article (short forms to full names)."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str  # canonical name within the article, e.g. "Zalmay Khalilzad" for "Khalilzad"
    roles: list[str] = field(default_factory=list)  # titles and descriptions, e.g. "U.S. envoy"
    place: Place | None = None


@dataclass
class Figure:
    """A number with what it counts."""

    start: int
    end: int
    text: str
    value: float
    subject: str  # what is counted, e.g. "Taliban prisoners"
    approximate: bool = False
    unit: str | None = None
    date: Timex | None = None  # the time it holds for


@dataclass
class Quote:
    """A quotation (direct, partial or indirect) with its speaker as named in the text."""

    start: int  # the quoted content
    end: int
    text: str
    speaker: str | None
    direct: bool
    speaker_start: int | None = None  # the span that names the speaker (after resolving pronouns)
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb, e.g. "said"


@dataclass
class EventMention:
    """Something happening, reported in one sentence of one article."""

    start: int  # the sentence
    end: int
    text: str
    type: str  # PLOVER-like class: agree, consult, release, withdraw, ...
    trigger: str
    summary: str  # one line, e.g. "Taliban released 20 Afghan prisoners in Kandahar"
    actors: list[str] = field(default_factory=list)  # entity keys
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    figures: list[int] = field(default_factory=list)  # indexes into Annotations.figures
    date: Timex | None = None
    # where the date came from: a time expression governing the event ("sentence"), an offset from
    # another time ("relative"), the time an earlier sentence set for the narrative ("narrative":
    # exported as "relative"), the article's date ("publication"; "article" in older stores)
    date_from: Literal["sentence", "relative", "related-event", "narrative", "publication", "article"] | None = None
    # whether the text says it happened: asserted; planned ("will", "to release", "vowed to");
    # possible ("would", "could"); negated ("did not", "refused to"); hypothetical ("if");
    # reported (an unconfirmed claim: "allegedly", "alleged that")
    modality: Literal["asserted", "planned", "possible", "negated", "hypothetical", "reported"] = "asserted"
    trigger_start: int | None = None  # the word naming the event (TimeML EVENT extent)
    trigger_end: int | None = None
    event_class: str | None = None  # TimeML class: OCCURRENCE, REPORTING, STATE, I_ACTION, ...
    tense: str | None = None  # TimeML tense: PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE
    aspect: str | None = None  # TimeML aspect: PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE, NONE
    polarity: str = "POS"  # POS | NEG
    lemma: str = ""  # the trigger's lemma (lower case)
    # the lemma of the common noun, not a person's, the line names as what was done to ("rate" of "raised its rate")
    object_lemma: str = ""
    measure: bool = False  # it tells an amount (events.json measures): "M-1 rose", "posted a loss", "data showed"
    # told as done again and again or all through a month or longer: "For months, McConnell urged", "have
    # in recent weeks accused", "settled a dozen cases over the last decade", "meets every week"
    series: bool = False
    # named by a noun with an indefinite article, a happening the text brings in as new ("a meeting in which
    # he suggested"): a gathering so named joins the story's event only on more than the word (link.events)
    indefinite: bool = False
    # who the line shows as the doer, a name or a common noun ("girl" of "girl shot her boyfriend"); "" for none
    doer: str = ""
    # where the day of a clock time with no day of its own was named: the start of an earlier sentence's
    # time expression ("... shot Thursday night. It happened around 9 p.m."); None otherwise
    day_start: int | None = None


@dataclass
class DateEstimate:
    """When an undated article was probably written (annotate/dating.py from its own words;
    link/dating.py from its story): a range at the granularity the evidence supports."""

    start: str  # first day of the range (ISO)
    end: str  # last day
    granularity: str  # "day" | "month" | "year"
    value: str  # the point at that granularity: "2021-02-14", "2021-02" or "2021"
    point: str  # the most likely day (ISO), finer than the evidence where granularity is coarser
    confidence: float  # posterior mass of the point's year (1.0 for a dated copy of the same report)
    evidence: list[dict] = field(default_factory=list)  # {"kind", "text", "sentence", "start", "end", ...}
    source: Literal["text", "story"] = "text"  # from its own words, or from dated articles of its story

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "granularity": self.granularity, "value": self.value,
                "point": self.point, "confidence": round(self.confidence, 3), "source": self.source,
                "evidence": self.evidence}


@dataclass
class Annotations:
    """Everything ``annotate`` found in one article."""

    document_id: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    dating: list[DateEstimate] = field(default_factory=list)  # the writing-date estimate of an undated article (0 or 1)


# -- across articles (the link stage) -------------------------------------------------------------
MentionRef = tuple[str, int, int]  # (document_id, start, end)


@dataclass
class Entity:
    """One real-world entity across articles, with every mention, alias and role."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    place: Place | None = None
    mentions: list[MentionRef] = field(default_factory=list)


@dataclass
class Event:
    """One real-world event, with the sentences of every article that reports it."""

    id: str
    type: str
    summary: str
    date: Timex | None
    mentions: list[MentionRef]
    story_id: str | None = None
    actor_ids: list[str] = field(default_factory=list)
    target_ids: list[str] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    modality: str = "asserted"
    salience: float = 0.0  # 0-1, how central to its story (sources, lead, main participants, date, class)
    triggers: list[MentionRef] = field(default_factory=list)  # (document, trigger start, end), one per mention
    # who did it when no one is named: the common noun its line starts with ("Police", "gunman"); "" otherwise
    doer: str = ""


@dataclass
class Story:
    id: str
    title: str
    document_ids: list[str]
    summary: str | None = None
