"""Events in the TimeML sense: every token that names a happening, action or state (verb, noun or
adjective), with its TimeML class, tense, aspect, polarity and modality, its participants, place,
figures and time, a domain type where one fits (agree, consult, release, ...; else ``other``) and a
one-line summary.

* Detection and class: the trained detector of :mod:`storyline.annotate.event_detect` (TBAQ).
* Tense and aspect (TimeML values) from the trigger's morphology and auxiliaries, as spaCy parsed
  them; polarity from a negation on the trigger or its copula.
* Modality (asserted, planned, possible, negated, hypothetical, reported) from the trigger's own
  auxiliaries and markers, then from its governors: a complement takes the meaning of the verb that
  controls it ("refused to meet" -> the meeting negated; "vowed to release" -> planned), a
  coordinated verb without its own tense inherits ("will bypass ... and fly" -> both planned), a
  noun event the object of such a verb too ("called for a ceasefire"). Cue words: events.json.
* Participants from the parse: the subject (the ``by`` agent in the passive), the governor's
  subject under control ("agreed to release": who agreed releases) or its object ("urged X to
  release"), the noun a relative clause or participle hangs from, and for nouns the possessor
  ("the Taliban's release") or ``by`` phrase as actor and the ``of``/``on``/``against`` phrase as
  target. Pronouns and "the envoy"-like nouns go through :mod:`storyline.annotate.coref`.
* Domain type from the trigger's lemma (events.json ``types``/``nouns``, light verbs with an event
  noun object: "signed a deal", "held talks") and its arguments: a change of a quantity ("declined
  8.7%") is no political act.
* Time: a DATE/TIME expression whose dependency path reaches the event before any other event,
  but not one that only names which thing the verb's object is ("investigated the March 7 fire")
  (``date_from="sentence"``); the date of the event it is coordinated with, controlled by or the
  object of (``"related-event"``); "two days after X" counted back from the day of the event the
  phrase hangs from, else from the publication date, and "arrested him three days after the
  March 2 robbery" counted forward from X's day (``"relative"``); the publication date only for what the report tells as current: present
  perfect or progressive, a reporting verb in the simple present or past (``"publication"``, a
  Timex with empty text); a deed told in the simple past with no time of its own, the time an
  earlier sentence set for the news (``"narrative"``: ``_narrative_times``); otherwise undated.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from storyline.clean.meta import date_line, paragraph_datelines
from storyline.model import EntityMention, EventMention, Figure, Quote, Timex

from .coref import (BODY_WORDS, DOCUMENT_NOUNS, EXPLETIVE_HEADS, PERPETRATOR_NOUNS, PRONOUN_SEX, ROLE_NOUNS,
                    is_dateline, tells_taking_place)
from .event_detect import detect
from .timex.lexicon import MONTHS

DATA_PATH = Path(__file__).with_name("events.json")


@lru_cache(maxsize=1)
def data() -> dict:
    return json.loads(DATA_PATH.read_text())


_D = data()
TYPES = {lemma: cls for cls, lemmas in _D["types"].items() for lemma in lemmas}
PAST: dict[str, str] = _D["past"]
EVENT_NOUNS: dict[str, str] = _D["nouns"]
LIGHT_VERBS: dict[str, str] = _D["light_verbs"]
REPORTING = frozenset(_D["reporting"])
OTHER_TIME_ADVERBS = frozenset(_D["other_time_adverbs"])
REPORTING_STATES = frozenset(_D["reporting_states"]["words"])  # "I think", "we hope": no report of the day
_M = _D["modality"]
PLANNED_AUX = frozenset(_M["planned_aux"])
POSSIBLE_AUX = frozenset(_M["possible_aux"])
CONDITIONAL = frozenset(_M["conditional_marks"])
OPEN_MARKS = frozenset(_M["open_marks"])
PLANNED_MODIFIERS = frozenset(_M["planned_modifiers"]["words"])
NEG_GOV = frozenset(_M["negative_governors"]["lemmas"])
# what is meant or decided (planned), and what is only wished or held out (possible); both govern a plan's time
DECIDED_GOV = frozenset(_M["planned_governors"]["lemmas"])
AIM_NOUNS = frozenset(_M["wished_governors"]["nouns"])
WISH_GOV = frozenset(_M["wished_governors"]["lemmas"])
PLAN_GOV = DECIDED_GOV | WISH_GOV
POSS_GOV = frozenset(_M["possible_governors"]["lemmas"])
IMPL_GOV = frozenset(_M["implicative_governors"]["lemmas"])
REPORTED_GOV = frozenset(_M["reported_governors"]["lemmas"])
REPORTED_ADV = frozenset(_M["reported_adverbs"])
OBJECT_CONTROL = frozenset(_M["object_control"]["lemmas"])
HYPO_NOUNS = frozenset(_M["hypothetical_nouns"])
REQUEST_NOUNS = frozenset(_M["request_nouns"]["words"])
TIME_BOUNDARIES = frozenset(_D["time_boundaries"]["words"])
BOUND_MODS = frozenset(_D["time_boundaries"]["mods"])
TIME_ATTRIBUTES = frozenset(_D["time_attributes"]["adjectives"])
BOUND_HEADS = frozenset(_D["time_boundaries"]["heads"])
BOUND_SPANS = frozenset(_D["time_boundaries"]["spans"])
PERSON_NOUNS = frozenset(_D["person_nouns"]["words"])
BODY_NOUNS = frozenset(_D["body_nouns"]["words"])
AGENT_NOUNS = frozenset(_D["agent_nouns"]["words"])
AUTHORED_NOUNS = frozenset(_D["authored_nouns"]["words"])
PROJECTILES = frozenset(_D["projectile_nouns"]["words"])  # "sprayed bullets killing a teen": the shooter
SEARCH_VERBS = frozenset(_D["accused_governors"]["search_verbs"])  # "looking for a man in connection with"
UNDERGOER_NOUNS = frozenset(_D["undergoer_nouns"]["words"])
ACCUSED_GOV = frozenset(_D["accused_governors"]["verbs"])
ACCUSED_SUBJECT = frozenset(_D["accused_governors"]["subject_verbs"])
ACCUSED_ADJ = frozenset(_D["accused_governors"]["adjectives"])
ACCUSED_PREPS = frozenset(_D["accused_governors"]["preps"])
CHARGE_NOUNS = frozenset(_D["accused_governors"]["charge_nouns"])
FACING_VERBS = frozenset(_D["accused_governors"]["facing_verbs"])
SEEKING_VERBS = frozenset(_D["accused_governors"]["seeking_verbs"])
STEMMING_VERBS = frozenset(_D["accused_governors"]["stemming_verbs"])
AGENT_OF_NOUNS = frozenset(_D["agent_of_nouns"]["words"])
PARTY_PREPS = frozenset(_D["party_preps"]["words"])
PEOPLE_NOUNS = frozenset(_D["people_nouns"]["words"])
STATE_AGENT_NOUNS = frozenset(_D["state_agent_nouns"]["words"])
STATE_BODIES = frozenset(_D["state_agent_nouns"]["bodies"])
_ISSUING = frozenset(_D["issuing_verbs"]["verbs"])
_NOT_OBJECT_HEADS = frozenset(_D["not_object_heads"]["words"])
_COMPARED = frozenset(_D["compared_preps"]["words"])
MOTION_VERBS = frozenset(_D["motion_verbs"]["verbs"])
TIME_CLAUSE_MARKS = frozenset(_M["time_clause_marks"])
# the marks of a time clause whose time is its main clause's too ("when", "while")
WHILE_MARKS = frozenset(_M["simultaneous_clause_marks"])
# the marks of a clause of time, manner or reason that a list of verbs after it may go on from
_SUBORDINATE_MARKS = TIME_CLAUSE_MARKS | WHILE_MARKS | {"as", "since", "because"}
_COERCE = frozenset(_D["types"]["coerce"])
MEASURE_NOUNS = frozenset(_D["measures"]["nouns"])
POSTING_VERBS = frozenset(_D["measures"]["posting_verbs"])
DATA_NOUNS = frozenset(_D["measures"]["data_nouns"])
SPEAKING_OCCASIONS = frozenset(_D["speaking_occasions"]["words"])
MESSAGES = frozenset(_D["messages"]["words"])
NEGATING_NOUNS = frozenset(_D["negating_nouns"]["words"])
SERIES_ADVERBS = frozenset(_D["series_adverbs"]["words"])
OWNER_NAMED = frozenset(_D["owner_named_nouns"]["words"])
GATHERINGS = frozenset(_D["gatherings"]["words"])
GATHERING_OF = frozenset(_D["gathering_holders"]["of_words"])
HOLDING_VERBS = frozenset(_D["gathering_holders"]["verbs"])
INSTRUMENT_PASSIVES = frozenset(_D["instrument_passives"]["verbs"])
ACTIVE_AFTER_PASSIVE = frozenset(_D["active_after_passive"]["verbs"])
MAKER_NAMED = frozenset(_D["maker_named"]["verbs"])
REPORTING_MAKERS = frozenset(_D["reporting_makers"]["words"])
SPOKES_NOUNS = frozenset(_D["reporting_makers"]["spokes_nouns"])
_TOLD_DEEDS = _COERCE | frozenset(_D["reporting_makers"]["verbs"])
_TAKING_VERBS = frozenset(_D["reporting_makers"]["taking_verbs"])
_NOT_TAKERS = frozenset(_D["reporting_makers"]["not_takers"])
GROUP_NOUNS = frozenset(_D["group_nouns"]["words"])
UNNAMED_PERSONS = frozenset(_D["unnamed_person_nouns"]["words"])
UNNAMED_PRONOUNS = frozenset(_D["unnamed_person_nouns"]["pronouns"])  # "someone inside opened fire"
UNNAMED_MALE = frozenset(_D["unnamed_person_nouns"]["male"])
UNNAMED_FEMALE = frozenset(_D["unnamed_person_nouns"]["female"])
APPROVAL_NOUNS = frozenset(_D["approval_nouns"]["words"])
APPROVAL_VERBS = frozenset(_D["approval_nouns"]["verbs"])
RELATIONAL = frozenset(_D["relational_nouns"]["words"])
HEADLINE_PASSIVE = frozenset(_D["headline_passive_verbs"]["verbs"])
AIMED_PASSIVE = frozenset(_D["headline_passive_verbs"]["if_aimed"])
AIM_WORDS = frozenset(_D["headline_passive_verbs"]["aim_words"])
RESULT_GERUNDS = frozenset(_D["result_gerunds"]["verbs"])
GERUND_PREPS = frozenset(_D["gerund_preps"]["words"])
PAIR_NOUNS = {w: kind for kind, words in _D["pair_nouns"].items() if kind != "about" for w in words}
PARTICIPATE = frozenset(_D["participation"]["verbs"])
OCCASION_VERBS = PARTICIPATE | frozenset(_D["occasion_verbs"]["verbs"])
PRESENT_ADJ = frozenset(_D["participation"]["adjectives"])
ENTER_INTO = frozenset(_D["participation"]["verbs_into"])
SPAN_NOUNS = frozenset(_D["span_nouns"]["words"])
SOURCE_NOUNS = frozenset(_D["source_nouns"]["words"])
ASPECTUAL = frozenset(_D["aspectual"]["lemmas"])
SPENT_NOUNS = frozenset(_D["spent_nouns"]["words"])
DEED_NOUNS = frozenset(_D["deed_nouns"]["words"])
BAND_NOUNS = frozenset(_D["band_nouns"]["words"])
VENUE_WORDS = frozenset(_D["venue_words"]["words"])
DESERVING_VERBS = frozenset(_D["deserving_verbs"]["words"])
ENDED_BY_OTHERS = frozenset(_D["aspectual"]["ended_by_others"])
QUANTITY_LEMMAS = frozenset(_D["not_type_when_object"]["lemmas"])
MEETING_NEEDS_SOMEONE = frozenset(_D["meeting_needs_someone"]["lemmas"])
MEMBER_NOUNS = frozenset(_D["member_nouns"]["words"])
UNDERGOING_VERBS = frozenset(_D["undergoing_verbs"]["lemmas"])
UNDERGOING_WITH: dict[str, list[str]] = _D["undergoing_verbs"]["with_object"]  # "fell victim to"
UNDERGOING_NOUNS = frozenset(_D["undergoing_verbs"]["nouns"])
PENALTY_NOUNS = frozenset(_D["penalty_nouns"]["words"])
RECEIVING_VERBS = frozenset(_D["penalty_nouns"]["receiving_verbs"])
NO_IDIOMS = frozenset(_D["no_object_idioms"]["phrases"])
QUANTITY_ENTS = frozenset(_D["not_type_when_object"]["entity_types"])
NOMINAL_NEG_GOV = frozenset({"refuse", "avoid", "prevent", "block", "ban", "forbid", "bar", "fail"})
INTENT = PLAN_GOV | NEG_GOV | IMPL_GOV | POSS_GOV
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")  # who an event is done to may be a place
_AGENT_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC")  # who acts is not a street or a building
_NP_DEPS = {"compound", "poss", "nmod", "amod", "conj", "appos", "pobj", "prep"}
_OFFSET = re.compile(r"^P(\d+)([YMWD])$")


# ------------------------------------------------------------------ domain type
def _quantity_object(tok: Token) -> bool:
    """The verb's object or by/to phrase is a percentage, amount or bare number ("declined 8.7%")."""
    for c in tok.children:
        cands = [c] if c.dep_ in ("dobj", "npadvmod", "attr") else (
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("by", "to", "from") else [])
        for t in cands:
            if t.ent_type_ in QUANTITY_ENTS or t.lower_ in ("%", "percent", "cents") or t.like_num:
                return True
    return False


def _classify(tok: Token) -> tuple[str, str] | None:
    """(domain type, past tense) of a verb token, or None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB",):
        return None
    if lemma in QUANTITY_LEMMAS and _quantity_object(tok):
        return None
    if lemma in MEETING_NEEDS_SOMEONE and any(c.dep_ == "dobj" and not _someone(c) for c in tok.children):
        return None  # "to meet a forecast downtrend", "met the deadline": no meeting
    if lemma == "call":  # "called for", "called on X to"
        if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
            return "request", "called"
        return None
    if lemma == "pull" and not any(c.lower_ in ("out", "back", "away") for c in tok.children):
        return None
    if lemma == "leave" and not any(c.dep_ == "dobj" and c.ent_type_ in _PLACE_TYPES
                                    for c in tok.children):
        return None
    if lemma in ("demonstrate", "march", "rally") and any(
            c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return None
    if lemma in LIGHT_VERBS:
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SPAN_NOUNS:
                # "held two rounds of talks": the talks
                c = next((n for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                          for n in p.children if n.dep_ == "pobj"), c)
            if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lemma_.lower() in EVENT_NOUNS:
                return EVENT_NOUNS[c.lemma_.lower()], LIGHT_VERBS[lemma]
        # the passive participle after its noun: "the agreement reached in February"
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in EVENT_NOUNS:
            return EVENT_NOUNS[tok.head.lemma_.lower()], LIGHT_VERBS[lemma]
    if lemma in TYPES:
        return TYPES[lemma], PAST.get(lemma, tok.text)
    return None


_ASPECTUAL_ARGS = ("nsubj", "nsubjpass", "dobj", "xcomp")


def _of_objects(tok: Token) -> list[Token]:
    """The objects of a word's "of" phrases ("the start of the talks": talks)."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def domain_type(tok: Token, cls: str = "") -> str:
    """The trigger's domain type; an aspectual event (start, resume, end) takes the type of the
    event it is the start or end of ("the start of the talks", "talks began")."""
    if cls == "ASPECTUAL" or tok.lemma_.lower() in ASPECTUAL:
        args = [c for c in tok.children if c.dep_ in _ASPECTUAL_ARGS] + _of_objects(tok)
        for a in args:
            got = domain_type(a)
            if got != "other":
                return got
    if tok.pos_ == "VERB":
        got = _classify(tok)
        return got[0] if got else "other"
    if tok.pos_ in ("NOUN", "PROPN"):
        lemma = tok.lemma_.lower()
        if lemma == "talks" or tok.lower_ == "talks":
            lemma = "talk"
        return EVENT_NOUNS.get(lemma, "other")
    return "other"


# ------------------------------------------------------------------ tense, aspect, polarity
def _verb_of(tok: Token) -> Token:
    """The token carrying tense: the trigger, or the copula of a predicative adjective or noun."""
    if tok.pos_ in ("ADJ", "NOUN", "PROPN") and tok.dep_ in ("acomp", "attr") and tok.head.lemma_ == "be":
        return tok.head
    return tok


def tense_aspect(tok: Token) -> tuple[str, str]:
    """TimeML tense (PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE) and aspect
    (PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE, NONE)."""
    v = _verb_of(tok)
    if v.pos_ not in ("VERB", "AUX"):
        return "NONE", "NONE"
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    perfect = any(a.lemma_ == "have" and a.dep_ == "aux" for a in aux)
    progressive = v.tag_ == "VBG" and any(a.lemma_ == "be" and a.dep_ == "aux" for a in aux)
    aspect = ("PERFECTIVE_PROGRESSIVE" if perfect and progressive else "PERFECTIVE" if perfect
              else "PROGRESSIVE" if progressive else "NONE")
    if words & PLANNED_AUX:
        return "FUTURE", aspect
    if any(a.tag_ == "MD" for a in aux):
        return "NONE", aspect
    finite = next((a for a in aux if a.tag_ in ("VBD", "VBZ", "VBP")), None)
    if finite is not None:
        return ("PAST" if finite.tag_ == "VBD" else "PRESENT"), aspect
    if "to" in words:
        return "INFINITIVE", aspect
    tag = v.tag_
    if tag == "VBD":
        return "PAST", aspect
    if tag in ("VBZ", "VBP"):
        return "PRESENT", aspect
    if tag == "VBG":
        return "PRESPART", aspect
    if tag == "VBN":
        return "PASTPART", aspect
    if tag == "VB":
        return "INFINITIVE", aspect
    return "NONE", aspect


def _negated(tok: Token) -> bool:
    v = _verb_of(tok)
    for t in {tok, v}:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return True
            # "has made no such request", "no agreement was reached", "no one was hurt": a verb whose
            # object or passive subject is none did nothing
            if t.pos_ in ("VERB", "AUX") and c.dep_ in ("dobj", "nsubjpass") and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children) \
                    and not any(d.dep_ == "conj" for d in c.children) \
                    and f"{t.lemma_.lower()} no {c.lemma_.lower()}" not in NO_IDIOMS:
                return True  # (one of a list, "charged him with speeding, no insurance and fleeing", is not)
    h = tok.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and h.lemma_ == "be" and h.i < tok.i and not any(
            c.dep_ in ("attr", "acomp") for c in h.children) and any(c.dep_ == "neg" for c in h.children):
        return True  # 'is "absolutely not" negotiating': the parser took the auxiliary for the verb
    return False


def polarity(tok: Token) -> str:
    return "NEG" if _negated(tok) else "POS"


# ------------------------------------------------------------------ modality
def _own_modality(tok: Token) -> str | None:
    v = _verb_of(tok)
    kids = list(v.children) + (list(tok.children) if v is not tok else [])
    if _negated(tok):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in kids):
        return "hypothetical"  # "if they sign"
    if v.dep_ == "ROOT" and v.sent.text.rstrip().rstrip('"\'”’ ').endswith("?") and any(
            c.dep_ == "aux" and c.i < v.i and not any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in kids)
            for c in kids):
        return "hypothetical"  # a question asks, it does not tell: "Do you support him?", "Will they sign?"
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "'d"} and not aux & (POSSIBLE_AUX - {"would", "'d"}) and (
            (v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING | INTENT and _agent_subject(v))
            or _has_deadline(v)):
        # the future seen from the past, as news reports plans: "said he would fly to Qatar",
        # "the firm would close all plants by June"; without a report or a deadline "would" is a
        # condition ("would allow armed groups to regroup")
        return "planned"
    if aux & POSSIBLE_AUX:
        return "possible"
    if aux & PLANNED_AUX:
        return "planned"
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in tok.children):
        return "planned"  # "the next meeting", "the upcoming talks"
    if any(c.dep_ == "advmod" and c.lower_ in REPORTED_ADV for c in kids):
        return "reported"
    if any(c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in kids):
        return "hypothetical"  # "whether he wins or loses"
    return None


def modality(tok: Token, memo: dict[int, str] | None = None) -> str:
    """Whether the text says the event happened: its own auxiliaries and markers first, then the
    verb that governs it (control, coordination, nominal objects)."""
    if memo is not None and tok.i in memo:
        return memo[tok.i]
    got = _modality(tok, memo)
    if memo is not None:
        memo[tok.i] = got
    return got


def _modality(tok: Token, memo) -> str:
    own = _own_modality(tok)
    if own is not None:
        return own
    head, dep = tok.head, tok.dep_
    if dep == "pobj" and head.lower_ == "of" and head.dep_ == "prep" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in NEGATING_NOUNS:
        return "negated"  # "the lack of a bilateral meeting", "the cancellation of the summit" (events.json negating_nouns)
    if dep == "conj" and tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children) and \
            head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in NEGATING_NOUNS:
        return "asserted"  # a phrase of its own: "the lack of proper sanitation and the collapse of water systems"
    if dep in ("pobj", "pcomp") and head.lower_ in ("for", "of") and head.dep_ == "prep" \
            and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in HYPO_NOUNS | REQUEST_NOUNS:
        # "plans for an early deployment": planned; "a good chance of winning": possible; "a call for the release
        # of the prisoners", "applications for the release of wheat": asked for (events.json
        # hypothetical_nouns, request_nouns)
        return "planned" if head.head.lemma_.lower() in REQUEST_NOUNS | {"plan", "proposal"} else "possible"
    if head is tok:
        return "asserted"
    glemma = head.lemma_.lower()
    v = _verb_of(tok)
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if _said_of(tok) is not None:
        return "reported"  # "a teen they say shot a student": told as done, in someone's words
    if dep == "xcomp" or (dep in ("dobj", "pobj", "ccomp") and tok.pos_ in ("NOUN", "VERB") and head.pos_ == "VERB") \
            or (dep == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB"):
        gov = head.head if dep == "pobj" and head.dep_ == "prep" else head
        glemma = gov.lemma_.lower()
        gmod = modality(gov, memo)
        if dep == "pobj" and head.lower_ in _ADJUNCT_PREPS and \
                tok.lemma_.lower() in GATHERINGS | SPEAKING_OCCASIONS | MESSAGES:
            # the occasion the verb was done at, not what it is about: "in a speech in Seoul, had invited
            # the North Koreans to come" (the speech was given), "agreed at a meeting to cut output" (for
            # every noun, ECB+ event merging fell: train CoNLL 0.6847 -> 0.6843)
            return gmod if gmod in ("planned", "possible", "hypothetical") else "asserted"
        nominal = dep != "xcomp" and not (dep == "ccomp" and "to" in aux)
        if dep == "xcomp" and glemma in ("have", "be") and "to" in aux and any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in gov.children):
            # "have yet to pass major legislation", "is yet to announce": not done so far
            return "negated" if gmod in ("asserted", "reported") else gmod
        if nominal and dep == "ccomp":
            if glemma in REPORTED_GOV and gmod == "asserted":
                return "reported"
            return "asserted" if gmod in ("asserted", "reported") else gmod if gmod == "planned" else "possible"
        if glemma in NEG_GOV and (not nominal or glemma in NOMINAL_NEG_GOV):
            return "negated" if gmod in ("asserted", "reported", "planned") else "possible"
        if glemma in WISH_GOV:
            # "threatened to impose sanctions", "considered leaving": an option, not decided (events.json
            # wished_governors); a plan inside what may be stays what that is
            return gmod if gmod in ("negated", "possible", "hypothetical") else "possible"
        if glemma in PLAN_GOV or glemma in OBJECT_CONTROL:
            # (a plan inside what may be or is only asked about is no more than that: "whether he
            # helped organize a meeting", "might try to call")
            return gmod if gmod in ("negated", "possible", "hypothetical") else "planned"
        if glemma in POSS_GOV:
            return "possible"
        if glemma in IMPL_GOV:
            return gmod
        if nominal:
            return gmod if gmod in ("planned", "possible", "hypothetical") else "asserted"
        return "planned" if "to" in aux or gmod == "asserted" else gmod
    if dep == "conj" and not aux and v.tag_ not in ("VBD", "VBZ", "VBP"):
        return modality(head, memo)  # "will bypass ... and fly to Sydney"
    if dep == "advcl" and tok.tag_ == "VBG" and not aux and head.pos_ in ("VERB", "AUX") and head.i < tok.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        # a participle that goes on from its verb's deed: "will extend his tour, flying to Japan on Sunday"
        # (planned as the extending is; "said ..., adding" asserted as the saying is)
        gmod = modality(head, memo)
        return gmod if gmod in ("planned", "possible", "hypothetical") else "asserted"
    if dep in ("advcl", "acomp") and head.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_MARKS and c.i < tok.i for c in tok.children) and (
            tok.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                             for c in v.children)):
        # a time clause in the present under what lies ahead or may be lies ahead too: "it could be
        # months before major assistance is provided", "will sign when the board approves it"
        gmod = modality(head, memo)
        return gmod if gmod in ("planned", "possible", "hypothetical") else "asserted"
    if tok.tag_ == "VBG" and dep in ("pcomp", "pobj"):  # "aimed at ending"
        return "planned" if head.head.lemma_.lower() in PLAN_GOV | {"aim"} else "asserted"
    if dep in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and glemma in IMPL_GOV | {"take", "happen", "occur", "end"}:
        return modality(head, memo)  # "the talks will begin"
    if "to" in aux:
        if dep in ("acl", "relcl") and (head.pos_ == "ADJ" or head.tag_ == "JJS" or any(
                c.tag_ == "JJS" or c.dep_ == "amod" and c.lower_ in ("first", "last", "latest", "only")
                for c in head.children)):
            return "asserted"  # an infinitival relative: "the latest to hit France", "the first to arrive"
        if dep == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in AIM_NOUNS:
            # "talks to end the war", "pressure on Russia to end the war", "efforts to free them": what is
            # striven for, not decided (events.json wished_governors.nouns)
            return "possible"
        return "planned"
    return "asserted"


def _has_deadline(trig: Token) -> bool:
    """A date the trigger is due by: "by May", "before the end of the year", "within 14 months"."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "before", "within", "until") and any(
        t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in trig.children)

def _agent_subject(trig: Token) -> bool:
    """The trigger's subject is someone (a name or a personal pronoun), not a happening."""
    return any(c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.lower_ in (
        "he", "she", "they", "we", "i", "it")) for c in trig.children)

def _np_tokens(head: Token, of_object: bool = False) -> set[int]:
    """The head of a noun phrase with its name-bearing modifiers (not clauses). The owner of what an
    "of" phrase names is not the phrase's head: "the steering committee of Bolivia's creditor banks"
    is no committee of Bolivia (``of_object``: ``head`` is such a phrase's noun)."""
    out = {head.i}
    # ("officials from the World Bank", like "officials of OPEC": members in the plural act for their body)
    preps = ("of", "from") if head.tag_ == "NNS" and head.lemma_.lower() in ROLE_NOUNS else ("of",)
    for c in head.children:
        if of_object and c.dep_ == "poss":
            continue
        if c.dep_ in _NP_DEPS and not (c.dep_ == "prep" and c.lower_ not in preps) and not (
                c.dep_ == "prep" and head.dep_ == "appos") and not _missed_object(c):
            # ("Bandar, the nephew of King Salman": the king is named to describe Bandar, not as him)
            out |= _np_tokens(c, of_object or head.dep_ == "prep")
    return out

def _keys_in(tokens: set[int], ents: list[tuple[set[int], EntityMention]],
             types: tuple[str, ...] | None = None) -> list[str]:
    out = []
    for toks, e in ents:
        if toks & tokens and (types is None or e.type in types) and e.key not in out:
            out.append(e.key)
    return out

def _clause_tokens(trig: Token) -> set[int]:
    """The trigger's clause: its subtree without embedded clauses that have their own verb."""
    out = {trig.i}
    for c in trig.children:
        if c.dep_ in ("ccomp", "relcl", "advcl", "conj", "parataxis") and c.pos_ in ("VERB", "AUX"):
            continue
        out |= {t.i for t in c.subtree}
    return out

# prepositions a line keeps before an event's place ("arrived from Paris"); others read "in"
PLACE_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "through", "toward", "towards"})


def _placed_by(tok: Token, trig: Token) -> bool:
    """Whether a place name says where ``trig`` happened: it hangs from the trigger through a
    preposition ("released ... in Kandahar", "talks in Doha"), not through another verb ("accusing
    ... of carrying out the attacks in New York") nor as a bare noun the parser attached there."""
    via_prep = False
    t = tok
    while t.i != trig.i:
        if t.head.i == t.i:
            return False  # reached the root without meeting the trigger
        t = t.head
        if t.i != trig.i and t.pos_ in ("VERB", "AUX") and t.dep_ != "xcomp":
            return False  # "embarked traveling to Germany" still places the trip
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == trig.i:
            return False  # "The US Special Envoy for Afghanistan ... embarked": who, not where
        via_prep = via_prep or t.pos_ == "ADP"
    return via_prep


_DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})  # (not "'", also a possessive's mark)


_ACCUSATIVE = {"he": "him", "she": "her", "they": "them", "him": "him", "her": "her", "them": "them"}


def _ent_type(ents: list, key: str) -> str:
    """The entity type of ``key`` among the sentence's (tokens, mention) pairs ("" when none)."""
    return next((e.type for _, e in ents if e.key == key), "")


def _summary_object(doc: Doc, obj: Token, figures: list[Figure]) -> str:
    # (a modifier with its own words: "4-year-old girl", not "old girl")
    left = min([t.left_edge.i if t.dep_ == "amod" and t.left_edge.ent_type_ == "DATE" or t.dep_ == "poss" and
                t.left_edge.like_num else t.i for t in obj.lefts
                if t.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod", "poss")] + [obj.i])
    if obj.ent_type_ == "DATE" and obj.lemma_.lower() == "old":  # an age standing for the person: "shot a 17-year-old"
        left = min([left] + [t.left_edge.i for t in obj.lefts if t.ent_type_ == "DATE"])
    if doc[left].lower_ in ("the", "a", "an"):
        left += 1
    left = max([left] + [t.i + 1 for t in doc[left: obj.i] if "\n" in t.text_with_ws])  # (not a line before: "More\n\nZaire Thomas")
    # (without quotation marks: 'held "frank" discussions' -> "held frank discussions")
    out = ""
    for t in doc[left: obj.i + 1]:
        if t.text in _DOUBLE_QUOTES:
            out += t.whitespace_ if out and not out.endswith(" ") else ""
        else:
            out += t.text_with_ws
    return out.strip()


# ------------------------------------------------------------------ participants
_RELPRON = {"who", "which", "that", "whom"}


def _authored(v: Token) -> tuple[Token | None, Token] | None:
    """(author, the made thing) of a participle on a made thing with no agent of its own: "a poll
    from Monmouth University released Thursday", "a report by Pew released Tuesday" (the parser may
    hang the participle on the author's name, or read it as a past tense)."""
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in v.children):
        return None
    def author(p: Token) -> bool:  # "from" a name only ("a poll from last month" has none)
        return p.ent_type_ not in ("DATE", "TIME") and (p.head.lower_ == "by" or p.pos_ == "PROPN" or p.ent_type_ in (
            "ORG", "PERSON", "NORP"))

    h = v.head
    if h.dep_ == "pobj" and h.head.lower_ in ("by", "from") and h.head.head.lemma_.lower() in AUTHORED_NOUNS \
            and author(h):
        return h, h.head.head
    sayer = _says_in(h)
    if sayer is not None:
        return sayer, h
    if h.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    by = [p for c in h.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < v.i
          for p in c.children if p.dep_ == "pobj" and author(p)]
    # else a body or person named before the thing as its owner: "a CBS News poll released on Sunday",
    # "Gallup's survey released Tuesday" (not a place, which tells what it is about: "an Iowa poll")
    by = by or [c for c in h.children if c.i < h.i and c.dep_ in ("compound", "nmod", "poss")
                and c.ent_type_ in ("ORG", "PERSON") and h.lemma_.lower() in OWNER_NAMED][-1:]
    return (by[0] if by else None), h


def _says_in(doc_noun: Token) -> Token | None:
    """Who speaks in a document a participle says was issued, when the document frames what they say
    ("In an official notice released today, the Bank said", "in a statement issued on Tuesday, Siemens
    said"): the speaker issued it. Only a document noun (``coref.DOCUMENT_NOUNS``) with no author of
    its own, in an "in" or "through" phrase of a reporting verb with a subject that can act."""
    from .coref import DOCUMENT_NOUNS

    prep = doc_noun.head
    if doc_noun.lemma_.lower() not in DOCUMENT_NOUNS or doc_noun.dep_ != "pobj" or prep.dep_ != "prep" \
            or prep.lower_ not in ("in", "through") or prep.head.lemma_.lower() not in REPORTING or any(
                c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in doc_noun.children):
        return None
    sayer = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    return sayer if sayer is not None and _someone(sayer) and sayer.lower_ not in _RELPRON else None


def _headline_passive(v: Token) -> Token | None:
    """The subject of a headline's passive without its "was", of a verb that takes an object when
    active (events.json ``headline_passive_verbs``): "Body of Winona man found behind residence", "Man
    killed in crash": who it was done to (not a pronoun, a relative's antecedent or a happening:
    "fighting killed at least a dozen"). Also a reduced relative the parser read as the main verb, the
    sentence's own verb hung on it with no subject ("A 4-year-old girl shot in the Park DuValle
    neighborhood was still in grave condition": the girl was shot). A verb that can go without an
    object (events.json ``headline_passive_verbs.if_aimed``: "shoot") counts only with no phrase of
    aim ("shot at the car") and a subject that is no one who shoots ("the gunman shot", "police shot")."""
    lemma = v.lemma_.lower()
    if v.tag_ not in ("VBD", "VBN") or lemma not in HEADLINE_PASSIVE | AIMED_PASSIVE or v.dep_ == "relcl" or any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "aux", "auxpass", "oprd", "acomp", "prt") for c in v.children):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or (subj.pos_ == "NOUN" and subj.lemma_.lower() in EVENT_NOUNS):
        return None  # (a name is no happening: "Malijha Grant")
    if lemma in AIMED_PASSIVE and (any(c.lower_ in AIM_WORDS for c in v.children if c.dep_ in ("prep", "advmod", "prt"))
                                   or subj.lemma_.lower() in PERPETRATOR_NOUNS | REPORTING_MAKERS | AGENT_NOUNS
                                   or any(any(c.dep_ == "dobj" for c in j.children) for j in v.conjuncts)
                                   or (v.i + 1 < len(v.doc) and v.doc[v.i + 1].pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON"))):
        return None  # ("the gunman shot", "shot at the car", "shot and killed him", "shot accomplice Vanessa Hankins")
    reduced = any(c.dep_ in ("advcl", "conj", "ccomp") and c.i > v.i and c.tag_ in ("VBD", "VBZ", "VBP")
                  and c.pos_ in ("AUX", "VERB") and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
                  and not any(g.dep_ == "cc" for g in c.children) and c.doc[c.i - 1].dep_ != "cc"
                  for c in v.children)
    if subj.ent_type_ and not reduced and not (subj.ent_type_ in ("PERSON", "ORG") and lemma in AIMED_PASSIVE):
        return None
    return subj


def _by_under_own_phrase(v: Token) -> list[Token]:
    """A passive's agent the parser hung on the noun of the verb's own phrase: a "by" naming a body or a
    person ("was arrested Friday at an apartment complex in Trotwood by U.S. Marshals"), else []."""
    for c in v.children:
        if c.dep_ != "prep" or c.lower_ == "by":
            continue
        for n in c.children:
            if n.dep_ != "pobj":
                continue
            for b in n.subtree:
                if b.dep_ == "prep" and b.lower_ == "by" and b.head.pos_ == "NOUN":
                    named = [p for p in b.children if p.dep_ == "pobj" and p.ent_type_ in ("ORG", "PERSON")]
                    if named:
                        return named[:1]
    return []


def _named_after(n: Token) -> Token | None:
    """The name set off by commas right after a common noun, which the parser may hang on the verb ("by a
    friend, Aaron Harcum, 17": Harcum), else None."""
    end = n.right_edge.i
    doc = n.doc
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    name = doc[end + 2]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.ent_type_ == "PERSON" and name.dep_ == "appos" and name.head.i in (n.i, n.head.head.i) else None


def _identified_as(n: Token) -> Token | None:
    """The person a common noun is identified or named as in a participle on it ("the suspect, identified as
    Marcus Brown, 22": Brown), else None."""
    return next((p for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ("identify", "name")
                 for a in c.children if a.dep_ == "prep" and a.lower_ == "as"
                 for p in a.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"), None)


def _means(p: Token) -> bool:
    """Whether the object of a passive's "by" is a means, not a doer: a singular common noun with no
    determiner, possessive, number or modifier that names no one ("by ambulance", "by car", "by mail")."""
    return p.pos_ == "NOUN" and p.tag_ == "NN" and not _someone(p) and not _person_noun(p) and \
        p.lower_ not in REPORTING_MAKERS and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in p.children)


def _law_teller(tok: Token) -> Token | None:
    """The police or court body a teller of an arrest or charge is or speaks for (events.json
    ``reporting_makers``): "police", "the Jacksonville Police Department", "a Brevard County Sheriff's
    spokesman" (the sheriff's office), "warrants from the Jacksonville Police Department"; else None."""
    def body(t: Token) -> bool:
        return t.lower_ in REPORTING_MAKERS or (t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and any(
            c.dep_ in ("compound", "poss") and c.lower_ in REPORTING_MAKERS for c in t.children))  # ("Sheriff's Office")
    if body(tok):
        return tok
    if tok.ent_type_ == "PERSON":  # "said police Capt. Steven Giannini": the police he speaks for, not he
        return next((c for c in tok.children if c.dep_ == "compound" and c.lower_ in REPORTING_MAKERS), None)
    if tok.lemma_.lower() in SPOKES_NOUNS:
        return next((c for c in tok.children if c.dep_ in ("poss", "compound") and body(c)), None)
    if tok.pos_ == "NOUN":  # a body's papers: "warrants from the police"
        return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
                     for p in c.children if p.dep_ == "pobj" and body(p)), None)
    return None


def _compound_gerund(v: Token) -> bool:
    """Whether a gerund the parser hung on the noun before it is that noun's compound, an event noun
    of its own ("wounded in a club shooting on Dorchester Road", "a school shooting"): right after a
    noun that names no one or a place where people gather (events.json venue_words), with no object or
    subject of its own."""
    h = v.head
    return v.dep_ == "acl" and v.tag_ == "VBG" and v.lower_ in EVENT_NOUNS and v.i == h.i + 1 and \
        h.pos_ == "NOUN" and (h.lower_ in VENUE_WORDS or not (_someone(h) or _person_noun(h))) and \
        not any(c.dep_ in ("dobj", "nsubj", "prt", "dative") for c in v.children)


def _surface_subject(v: Token) -> Token | None:
    """Who does what an adverbial gerund says when its passive governor names no doer: its governor's
    subject ("Woman stabbed while jogging", "a man was arrested after fleeing police": she jogged,
    he fled)."""
    if v.dep_ != "advcl" or v.tag_ != "VBG":
        return None
    if v.lemma_.lower() in RESULT_GERUNDS and not any(c.dep_ == "mark" for c in v.children):
        return None  # "..., taking the toll to 212": what the clause brought about
    return next((c for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj") and c.pos_ in ("NOUN", "PROPN")
                 and _someone(c)), None)


def _after_credit(tok: Token) -> Token | None:
    """The name the parser hung on an outlet's credit read as the subject ("(CNN) President Donald
    Trump, according to the White House, made ...": Trump), else None."""
    return next((c for c in tok.children if c.i > tok.i and c.dep_ in ("npadvmod", "appos", "conj")
                 and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")), None)


def _unjoined_last(s: Token) -> Token:
    """The subject a fronted phrase ending with a name hides: two names the parser coordinated with a
    comma and no "and" or "or" ("In an interview about his friendship with Jeffrey Epstein, BBC's Emily
    Maitlis did ...": Maitlis), the last one."""
    conj = [c for c in s.children if c.dep_ == "conj"]
    if len(conj) != 1 or s.ent_type_ != "PERSON" or conj[0].ent_type_ != "PERSON" or conj[0].pos_ != "PROPN" \
            or any(t.dep_ in ("cc", "preconj") for t in s.subtree) or s.doc[conj[0].left_edge.i - 1].text != ",":
        return s
    return conj[0]


def _relative_head(h: Token, pron: Token) -> Token:
    """The noun a "which" or "that" relative stands for when the parser hung it on a place that only
    says where the noun is ("the concert at the Ryman Auditorium in Nashville, which featured ...":
    the concert), climbing locative phrases of places."""
    if pron.lower_ in ("who", "whom"):
        # "an engineer for General Motors who said", "the first chief justice in the history of Pakistan
        # who has proved": a "who" hung on a body or place named in a person's description is that person
        while h.ent_type_ in _PLACE_TYPES + ("ORG",) and h.dep_ == "pobj" and h.head.lower_ in ("of", "for", "at", "in") \
                and (h.head.head.pos_ == "NOUN" and h.head.head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS | AGENT_NOUNS
                     or h.head.lower_ == "of" and h.head.head.ent_type_ == "PERSON"):  # "Pat Byrne of Tipperary, who"
            h = h.head.head
        if h.ent_type_ in _PLACE_TYPES and h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.like_num \
                and h.head.head.dep_ == "appos":
            h = h.head.head.head  # "Denzel Glover, also 16, of Northview Heights, who is charged": Glover
        if h.pos_ == "NOUN" and not h.ent_type_ and not _person_noun(h):
            # "a former student at the school who had withdrawn", "a backpack ... near the teen who shot
            # himself" (hung on the thing): "who" is a person, the nearest one named before it in its phrase
            person = next((t for t in reversed(h.doc[h.sent.start:pron.i]) if t.pos_ in ("NOUN", "PROPN")
                           and (_person_noun(t) or t.ent_type_ == "PERSON") and t.left_edge.i <= h.i <= t.right_edge.i
                           and h in t.subtree), None)
            if person is not None:
                return person
        return h
    if pron.lower_ not in ("which", "that"):
        return h
    if pron.head.lemma_.lower() in EFFECT_VERBS and h.pos_ in ("NOUN", "PROPN") and h.dep_ == "pobj" \
            and h.head.lower_ in ("at", "in", "near", "outside", "inside") and (
                h.head.head.lemma_.lower() in UNPLANNED or h.head.head.lower_ in UNPLANNED):
        return h.head.head  # "a weekend shooting at a Jackson park that injured a juvenile": the shooting
    while (h.ent_type_ in _PLACE_TYPES or h.ent_type_ == "ORG" and h.head.lower_ == "at") and h.dep_ == "pobj" \
            and h.head.lower_ in ("in", "at", "near", "outside") and h.head.head.pos_ in ("NOUN", "PROPN"):
        h = h.head.head  # (an organisation "at" which something is held is its venue)
    if h.ent_type_ in _PLACE_TYPES + ("ORG",) and h.dep_ == "pobj" and h.head.lower_ == "at" and h.head.head.pos_ == "VERB":
        # "closing out their concert at the Ryman Auditorium in Nashville, which featured": the
        # verb's object held there (the parser hung the place on the verb)
        obj = next((c for c in h.head.head.children if c.dep_ == "dobj" and c.i < h.i and not c.ent_type_), None)
        if obj is not None:
            return obj
    return h


def _people_word(t: Token) -> bool:
    """Whether a NORP word reads as a people's or a faith's adjective ("Russian", "Israeli", "Kurdish",
    "Taliban", "Islamist"), not a place the tagger took for a group ("the Orange shooting")."""
    return t.tag_ in ("JJ", "NNPS") or t.lower_.endswith(("an", "ese", "ish", "i", "ic", "ist"))


def _taking_place(v: Token) -> Token | None:
    """The happening that ``v`` ("happened", "occurred", "took place") says took place: its subject
    noun, the noun a "which" or "that" stands for, or for "it" the last crime or accident noun before
    it within three sentences ("a man was shot ... Police said it happened at 6:45 p.m.": the shooting,
    never the teller); None when none is named."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lower_ in ("which", "that") and v.dep_ == "relcl":
        return v.head if v.head.pos_ == "NOUN" else None
    if subj.pos_ != "PRON":
        return subj if subj.pos_ == "NOUN" else None
    if subj.lower_ != "it":
        return None
    doc = v.doc
    first = doc[v.sent.start].sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    return next((t for t in reversed(doc[first:subj.i]) if t.pos_ == "NOUN" and t.lemma_.lower() in UNPLANNED), None)


def _antecedent(h: Token) -> Token:
    """Who a relative clause's noun ``h`` stands for: the name a copula equates it with ("Jane Smith was
    the nurse who treated ...", "the nurse who treated ... was Jane Smith"), else the noun itself."""
    g = h.head
    if g.lemma_.lower() != "be" or h.dep_ not in ("attr", "nsubj"):
        return h
    other = next((c for c in g.children if c.dep_ == ("nsubj" if h.dep_ == "attr" else "attr")), None)
    if other is not None and other.ent_type_ in ("PERSON", "ORG") and other.pos_ == "PROPN":
        return other
    return h


def _subject_of(v: Token) -> tuple[Token | None, Token | None]:
    """(who acts, who or what it is done to when the verb is passive or a participle) from the
    verb's own subject, else its governor: control ("agreed to release": the one who agreed;
    "urged X to release": X), coordination, relative clauses and participles."""
    bound = _reflexive_binder(v)
    if bound is not None:
        return bound, None
    said_of = _said_of(v)
    if said_of is not None:
        return said_of, None  # "have arrested a teen they say shot a student": the teen
    if _reduced_passive(v):
        # "A football player shot seven times early Wednesday is expected to survive": shot, not shooting
        return None, next(c for c in v.children if c.dep_ == "nsubj")
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX") \
            and v.head.lemma_.lower() in DOCUMENT_NOUNS | AUTHORED_NOUNS:
        addressee = next((c for c in v.children if c.dep_ == "nsubj" and c.left_edge.i > 0
                          and v.doc[c.left_edge.i - 1].lower_ == "to"), None)
        if addressee is not None:
            # "wrote a letter Monday to Housing Secretary Julian Castro asking that ...": the parser made
            # the one written to the participle's subject; the letter's writer asks
            return _subject_of(v.head.head)[0], None
    passive = _passive(v) or (v.tag_ == "VBN" and (
        v.dep_ == "acl" or (v.dep_ in ("ccomp", "xcomp", "oprd") and not any(c.dep_ == "aux" for c in v.children))))
    if passive and v.tag_ == "VBN" and not any(c.dep_ in ("nsubjpass", "auxpass", "aux") for c in v.children):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # "saw Horton killed", "had him arrested": the subject is the one it was done to
            agents = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            return (agents[0] if agents else None), subj
    made = _authored(v)
    if made is not None:
        return made
    if not passive and v.tag_ in ("VBD", "VBN") and v.lemma_.lower() in ACCUSED_GOV - ACCUSED_SUBJECT and not any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "aux", "auxpass") for c in v.children):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in _RELPRON:
            # a headline's passive without its "was": "Alexandria woman charged in connection with fire",
            # "Man arrested after chase" (charging and arresting take an object when active)
            return None, subj
    undergoer = None if passive else _headline_passive(v)
    if undergoer is not None:
        return None, undergoer
    patient = None
    if passive:
        agents = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents and _means(agents[0]):
            agents = []  # "were taken by ambulance to the hospital", "sent by mail": how, not who
        if agents and agents[0].pos_ == "NOUN" and not agents[0].ent_type_:
            agents = [_named_after(agents[0]) or agents[0]]  # "by a friend, Aaron Harcum, 17": Harcum
        if not agents:
            agents = _by_under_own_phrase(v)
        if not agents:  # "was shot and killed Thursday night by a 17-year-old": the "by" after both is the first's too
            # (not one with a phrase of its own after the "by": "was shot in the eye and driven by a family
            # member to a hospital", who drove)
            agents = [p for c in v.children if c.dep_ == "conj" and c.tag_ == "VBN" and not any(
                x.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for x in c.children)
                for a in c.children if a.dep_ == "agent" and not any(
                    x.dep_ in ("prep", "dobj", "advcl") and x.i > a.i for x in c.children)
                for p in a.children if p.dep_ == "pobj"][:1]
        if agents and v.lemma_.lower() in ACCUSED_GOV and not agents[0].ent_type_ and \
                agents[0].lemma_.lower() not in REPORTING_MAKERS and any(
                c.dep_ == "prep" and c.lower_ in ("with", "of", "for") and c.i < agents[0].i for c in v.children):
            # "charged with unlawful carrying of a handgun by a person under 19": the charge's own
            # words (who may carry it), not who charged him
            agents = []
        subjs = _without_dateline([c for c in v.children if c.dep_ == "nsubjpass"])  # ("ROCHESTER – A suspect was arrested")
        patient = subjs[0] if subjs else None
        if patient is None and v.dep_ == "conj" and v.head.pos_ == "VERB" and v.head.i < v.i and \
                v.head.lemma_.lower() not in ("be", "have", "do") and not any(
                c.dep_ in ("nsubj", "expl") for c in v.children) and not any(
                c.dep_ in ("ccomp", "xcomp", "advcl") and c.i < v.i for c in v.head.children):
            # (not past a clause of the first verb's own: "does state that ... have been paid")
            # "Reed survived and was released from the hospital": the subject the two verbs share
            patient = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")
                            and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ not in _RELPRON), None)
        if (v.dep_ in ("acl", "relcl") and patient is None) or (patient is not None and patient.lower_ in _RELPRON):
            # "the pact signed by X", "prisoners who were released", "a road sign in Leeds which was damaged"
            patient = _relative_head(v.head, patient) if patient is not None and v.dep_ == "relcl" else v.head
        if not agents and v.dep_ == "acl" and patient is not None and patient.i == v.head.i:
            agents = _maker_named(v)
        if not agents and v.dep_ == "ccomp" and v.lemma_.lower() in _TOLD_DEEDS and v.head.lemma_.lower() in REPORTING:
            # "Police said King was arrested": who tells of the arrest made it (events.json reporting_makers)
            agents = [m for c in v.head.children if c.dep_ == "nsubj" and (m := _law_teller(c)) is not None][:1]
        if agents and v.lemma_.lower() in _TAKING_VERBS and agents[0].lower_ in _NOT_TAKERS:
            agents = []  # "A teen was arrested Friday, prosecutors said": prosecutors arrest no one
        if not agents and v.lemma_.lower() in _TOLD_DEEDS:
            # "was arrested Sunday night, according to warrants from the Jacksonville Police Department"
            agents = [m for a in v.children if a.dep_ == "prep" and a.lower_ == "according" for t in a.children
                      if t.lower_ == "to" for p in t.children if p.dep_ == "pobj" and (m := _law_teller(p)) is not None][:1]
        return (agents[0] if agents else None), patient
    subs = [c for c in v.children if c.dep_ == "nsubj"]
    subs = [c for c in subs if not _byline_by(c.left_edge)] or subs  # (the byline run into the first sentence)
    subs = _without_dateline(subs)  # ("MESA, Ariz. — A gunman killed")
    subs = [_after_credit(c) if _credit(c) else c for c in subs]  # "(CNN) President X made ...": the outlet never acts
    subs = [c for c in subs if c is not None]
    if subs and all(c.ent_type_ in ("DATE", "TIME") and c.n_lefts + c.n_rights == 0 for c in subs) \
            and v.dep_ in ("ccomp", "conj") and v.head.tag_ == "VBG" and v.head.i < v.i:
        # "Nugent, saying that the oilpatch cannot wait, today urged lawmakers": the parser took the
        # day for the subject and the participle for the main verb; who says it, urges
        return _subject_of(v.head)
    if subs:
        named = sorted((c for c in subs if c.ent_type_ in ("PERSON", "ORG")), key=lambda c: c.ent_type_ != "PERSON")
        # of two subjects, a name, else the one nearest the verb (the other is a fronted clause's: "X's
        # remarks ... do not herald a lower range, other officials agreed")
        s = named[0] if len(subs) > 1 and named else _fronted_past(subs, v)
        if s.lower_ in _RELPRON and v.dep_ == "relcl":
            return _antecedent(_relative_head(v.head, s)), None  # "the man who killed"
        s = _unjoined_last(s)
        if s.tag_ == "WP" and s.lower_ == "who" and v.dep_ in ("ccomp", "conj") and v.head.dep_ == "acl" \
                and v.head.tag_ in ("VBG", "VBN") and v.head.head.pos_ in ("NOUN", "PROPN") and v.head.i < s.i \
                and (_someone(v.head.head) or v.head.head.lemma_.lower() in UNNAMED_PERSONS):
            # a relative clause the parser hung on the participle before it ("X was the third witness
            # testifying Tuesday who listened in"): the participle's noun is the relative's
            return _antecedent(v.head.head), None
        return s, None
    if v.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
            and not any(c.dep_ == "dobj" for c in v.head.children if c.i < v.i):
        h = v.head
        if h.lemma_.lower() in HYPO_NOUNS or h.lemma_.lower() in EVENT_NOUNS:
            # "a plan to release", "the agreement to withdraw": who plans or agrees does it
            owner = next((c for c in h.children if c.dep_ == "poss"), None)
            if owner is None and h.dep_ in ("dobj", "nsubjpass") and h.head.pos_ == "VERB":
                owner = _subject_of(h.head)[0]
            return owner, None
        return _antecedent(h), None  # an infinitival relative: "the first company to sign" (the company signs)
    if v.dep_ == "relcl":
        return None, v.head  # "the prisoners the Taliban released" (subject missing: object relative)
    if v.dep_ == "acl" and v.tag_ == "VBG":
        h = v.head
        if h.lemma_.lower() in PROJECTILES:
            # "fired shots killing a teen", "A gunman sprayed bullets killing another teen" (the parser
            # made "sprayed" a modifier of the bullets, and the gunman its subject or theirs): who fired
            # them (events.json projectile_nouns)
            fired = [a for a in h.children if a.dep_ == "amod" and a.pos_ == "VERB" and a.i < h.i]
            shooter = _subject_of(h.head)[0] if h.dep_ == "dobj" and h.head.pos_ in ("VERB", "AUX") else next(
                (s for s in [*(x for a in fired for x in a.children), *h.children]
                 if s.dep_ in ("nsubj", "nmod", "compound") and s.i < h.i and fired
                 and (_someone(s) or _person_noun(s) or s.lemma_.lower() in PERPETRATOR_NOUNS)), None)
            if shooter is not None:
                return shooter, None
        if h.dep_ == "dobj" and h.head.pos_ in ("VERB", "AUX") and (h.lemma_.lower() in DOCUMENT_NOUNS or (
                h.lemma_.lower() in AUTHORED_NOUNS and h.head.lemma_.lower() in _ISSUING)):
            # "issued a statement condemning the attack", "sent an email inviting them", "passed a
            # resolution urging" (events.json authored_nouns): who issued, sent or passed it does what it does
            return _subject_of(h.head)[0], None
        w = h.head.head if h.dep_ == "pobj" and h.head.lower_ == "to" else None
        if w is not None and w.pos_ in ("VERB", "AUX") and (_reports(w) or any(
                c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS | AUTHORED_NOUNS for c in w.children)):
            # "wrote a letter Monday to Housing Secretary Julian Castro asking that the agency provide
            # security": the writer asks, never the one written to
            return _subject_of(w)[0], None
        if h.lemma_.lower() in SPENT_NOUNS and h.dep_ in ("dobj", "attr") and h.head.pos_ in ("VERB", "AUX"):
            # "did an excellent job pressing him", "spent the day touring" (events.json spent_nouns):
            # who did the job or spent the time does it
            return _subject_of(h.head)[0], None
        if _compound_gerund(v):
            return None, None  # "wounded in a club shooting": the noun says where, no one shoots
        return h, None  # "troops guarding the camp"
    if v.dep_ in ("pcomp", "pobj") and v.tag_ == "VBG":  # (a gerund the parser left a verb: "a drive-by shooting")
        charged = _charged_one(v) or _approved_by(v)
        if charged is not None:  # "charged a teenager with killing Welch": the teenager killed
            return charged, None
    if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.tag_ == "VBG":
        # the reason for praise or blame: "called voters stupid for supporting X", "arrested him for
        # stealing" (the object did it); "apologised for insulting" (the subject did)
        g = v.head.head
        while g.dep_ in ("oprd", "acomp", "dobj") and g.head is not g and g.pos_ != "VERB":
            g = g.head
        if g.pos_ in ("VERB", "AUX"):
            obj = next((c for c in g.children if c.dep_ == "dobj"), None)
            owner = next((c for c in obj.children if c.dep_ == "poss"), None) if obj is not None else None
            if owner is not None and (_someone(owner) or owner.pos_ == "PRON") and not _someone(obj):
                return owner, None  # "overturned Earle's conviction for assaulting a woman": Earle
            if obj is not None and not (_someone(obj) or obj.pos_ == "PRON" or obj.tag_ in ("NNS", "NNPS")):
                # a thing got for the deed: "received 3 years' probation for shooting his friend" (who got
                # it did it, events.json deserving_verbs); "provide money for maintaining the road": no one
                return (_subject_of(g)[0] if g.lemma_.lower() in DESERVING_VERBS else None), None
            return (obj if obj is not None else _subject_of(g)[0]), None
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "of" and v.head.head.lemma_.lower() in \
            HYPO_NOUNS | DEED_NOUNS:
        # "they have a good chance of developing a business", "his hope of finding work", "have taken
        # the step of accusing": who has the chance or hope or takes the step (events.json
        # hypothetical_nouns, deed_nouns) does it
        h = v.head.head
        owner = next((c for c in h.children if c.dep_ == "poss"), None)
        if owner is None and h.dep_ in ("dobj", "attr", "nsubjpass") and h.head.pos_ in ("VERB", "AUX"):
            owner = _subject_of(h.head)[0]
        return (owner if owner is not None and _someone(owner) and owner.lower_ != "it" else None), None
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "from" and v.head.dep_ == "prep" \
            and v.head.head.pos_ == "VERB" and v.head.i < v.i:
        # what one is kept from or refrains from: "prevent him from visiting", "barred the reporters
        # from entering" (the object), "was banned from driving" (who the passive is said of),
        # "refrained from attacking" (the subject)
        g = v.head.head
        obj = next((c for c in g.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return (obj if _someone(obj) else None), None
        doer, undergoer = _subject_of(g)
        one = undergoer if undergoer is not None and _passive(g) else doer
        return (one if one is not None and _can_do(one) else None), None
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in GERUND_PREPS and v.head.dep_ == "prep" \
            and v.head.head.pos_ == "VERB":
        # "donated $10,000 toward funding the project", "avoided a fine by paying": the verb's subject (events.json gerund_preps)
        doer = next((t for t in _subject_of(v.head.head) if t is not None), None)
        return (doer if doer is not None and _can_do(doer) else None), None
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in GERUND_PREPS and v.head.dep_ == "prep" \
            and v.head.head.pos_ == "NOUN":
        # "the rebels' success in taking the city", "the company's role in building it": the noun's owner
        owner = next((c for c in v.head.head.children if c.dep_ == "poss"), None)
        if owner is not None and (owner.pos_ == "PRON" or _someone(owner)
                                  or owner.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or owner.tag_ == "NNS"):
            return owner, None
        noun = v.head.head
        if owner is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            # "he made a mistake in leaving Portsmouth", "played a key role in building it": the subject
            # of the verb whose object the noun is
            doer = _subject_of(noun.head)[0]
            if doer is not None and _can_do(doer):
                return doer, None
    if v.dep_ == "xcomp" and v.head is not v:
        g = v.head
        objs = [c for c in g.children if c.dep_ == "dobj"] or [
            p for c in g.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for p in c.children if p.dep_ == "pobj"]
        if objs and g.lemma_.lower() in OBJECT_CONTROL:  # "urged X to", "called on X to": X does it
            return objs[0], None
        doer, undergoer = _subject_of(g)
        if undergoer is not None and (_passive(g) or g.dep_ == "conj" and _passive(g.head)) \
                and g.lemma_.lower() not in INSTRUMENT_PASSIVES:
            # "the King is scheduled to address", "she was asked to leave", "is expected to visit":
            # who the passive is said of does the act (not who asked or expects)
            return undergoer, None
        return doer, None
    if v.dep_ == "conj" and v.tag_ == "VBD" and v.head.dep_ == "ccomp" and v.head.tag_ == "VB" and any(
            c.tag_ == "MD" for c in v.head.children) and v.head.head.pos_ in ("VERB", "AUX") and \
            v.head.lemma_ != "be" and any(c.dep_ == "dobj" for c in v.children) and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        # (an active past with an object of its own and no subject: "must be exempt and registered
        # with the state" is a participle the tagger read as a past)
        # a past tense cannot share the modal of the verb the parser joined it to, so it is joined to
        # the verb that governs that clause: "The company said Pearson will succeed Barnes but also
        # appointed a search committee" (the company appointed it)
        return _subject_of(v.head.head)
    if v.dep_ == "conj" and (w := _same_tense_clause_before(v)) is not None:
        # "Police are on the hunt for whoever pulled the trigger and shot four men": a past joined to a
        # present goes on from the past clause with a subject of its own right before it
        return _subject_of(w)
    if v.dep_ == "conj" and (w := _clause_before_conj(v)) is not None:
        # "Lewis was standing on the street when someone approached on foot, produced a weapon and shot
        # him": the parser joined the verbs after a clause with a subject of its own to the verb before
        # that clause; they go on from the clause right before them, whose subject does them
        return _subject_of(w)
    if v.dep_ == "conj" or (v.dep_ == "advcl" and (v.tag_ in ("VBG", "VB") or v.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ == "having" for c in v.children) and not any(c.dep_ == "mark" for c in v.children))):
        # (a perfect participle clause: "Having recently carried out a purchase of the house, Austria will")
        # "arrived and met", "..., killing 17 sailors", "came to discuss"; a finite verb without a subject
        # in an adverbial clause is a misread reduced relative ("the flaw revealed this week")
        deed = _deed_before_participle(v)
        if deed is not None:
            return _subject_of(deed)[0], None
        if v.head is not v and v.head.pos_ in ("VERB", "AUX") and not (
                v.dep_ == "conj" and v.tag_ in ("VBN", "VBD") and v.head.tag_ == "VBG" and v.head.dep_ == "pcomp"):
            # (not "convicted of infecting children and sentenced to death": a passive of its own)
            doer, undergoer = _subject_of(v.head)
            if undergoer is not None and v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP", "VBN") \
                    and _passive(v.head) and _joined_bare(v) is not None:
                if _joined_bare(v) and v.tag_ != "VBN":
                    # "the suspect was arrested by police and confessed", "the tower, which was run under
                    # pressure and triggered the blast": the active verb shares the passive's subject
                    return undergoer, None
                if (v.tag_ == "VBN" or v.lower_.endswith("ed") or v.lemma_.lower() in OBJECT_CONTROL) \
                        and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
                    # "was released from custody and ordered to pay a fine": a second participle of the passive
                    # (with its own "by" phrase: "was kidnapped and killed by militants")
                    own = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                    # (the first's "by" phrase before it is the first's alone: "was grazed by a bullet and
                    # treated at the scene")
                    return (own[0] if own else doer if doer is None or doer.i > v.i else None), undergoer
            if undergoer is not None and doer is not None and v.dep_ == "advcl" and v.tag_ == "VBG" and \
                    _passive(v.head) and v.lemma_.lower() not in RESULT_GERUNDS and not any(
                        c.dep_ in ("nsubj", "mark") and c.lower_ != "while" for c in v.children):
                # "The suspect was shot by police while fleeing", "were captured by cameras ... exiting it":
                # the passive's subject does what the participle says, not its agent (what the clause
                # brought about is no one's: "was passed by the Senate, sending it to the president")
                return undergoer, None
            if v.dep_ == "advcl" and v.tag_ == "VBG" and _reports(v.head) and not _reports(v) and not any(
                    c.dep_ in ("nsubj", "mark") for c in v.children):
                # "Chief Cathy Lanier said a gunman at first opened fire on one man, shooting him": a deed the
                # report tells goes on from what was said, not from the teller ("said ..., adding that" does)
                told = _said_before(v.head, v)
                if told is None:
                    return None, None
                if told.dep_ == "dobj" and told.lemma_.lower() in DOCUMENT_NOUNS | AUTHORED_NOUNS:
                    return doer, None  # "wrote a letter to the governor asking that ...": the writer asks
                return (_subject_of(told)[0] if told.dep_ == "ccomp" else told if _someone(told) else None), None
            return doer or _surface_subject(v), None
    return None, None


def _teller_after(pron: Token) -> Token | None:
    """Who tells the clause a pronoun is in when named after it ("he loaded the firearm and started
    shooting, LaMarca tweeted": LaMarca), whom that "he" or "she" does not stand for ("I" does); None otherwise."""
    if pron.lower_ not in ("he", "she"):
        return None
    for anc in pron.ancestors:
        if anc.dep_ == "ccomp" and anc.head.pos_ == "VERB" and anc.head.i > anc.right_edge.i and _reports(anc.head):
            return next((c for c in anc.head.children if c.dep_ == "nsubj" and c.i > anc.right_edge.i), None)
    return None


def _reduced_passive(v: Token) -> bool:
    """A past form the parser read as the active main verb of its subject, while a later verb with its
    own auxiliary and no subject is that subject's ("A football player shot seven times in South
    Richmond early Wednesday is expected to survive"): a participle that describes the subject."""
    if v.tag_ != "VBD" or not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children) or any(
            c.dep_ in ("dobj", "dative", "ccomp") and c.i < v.i for c in v.children) or any(c.dep_ == "dobj" for c in v.children):
        return False
    return any(c.dep_ in ("ccomp", "conj") and c.i > v.i and c.pos_ in ("VERB", "AUX") and any(
        a.dep_ in ("aux", "auxpass") and a.i < c.i and a.lower_ in ("is", "are", "was", "were", "has", "have", "had")
        and a.i == c.left_edge.i for a in c.children) and not any(
        x.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for x in c.children)
        and v.doc[c.left_edge.i - 1].pos_ not in ("PUNCT", "CCONJ")  # (not "shot his wife, and is expected")
        for c in v.children)


def _said_of(v: Token) -> Token | None:
    """The noun a past verb is told of through a reporting relative the parser made its governor ("a teen
    they say shot a Rowlett student", "the man police believe killed her": the teen, the man); None
    otherwise."""
    h = v.head
    if v.dep_ != "xcomp" or v.tag_ not in ("VBN", "VBD", "VB") or any(c.dep_ == "aux" for c in v.children) \
            or h.dep_ != "relcl" or h.pos_ != "VERB" or not _reports(h) or h.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "nsubj" for c in h.children) or any(c.dep_ == "dobj" for c in h.children):
        return None
    return h.head


def _deed_before_participle(v: Token) -> Token | None:
    """The past deed with a subject of its own that a bare participle goes on from when the parser hung
    the participle on a present verb above that deed ("The search is on for a gunman who fired into a
    parked car on Tuesday, killing a 17-year-old boy": the gunman's firing, not the search). None otherwise."""
    h = v.head
    if v.dep_ != "advcl" or v.tag_ != "VBG" or h.tag_ not in ("VBZ", "VBP") or h.i > v.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in v.children):
        return None
    doc = v.doc
    for k in range(v.i - 1, h.i, -1):
        w = doc[k]
        if w.tag_ == "VBD" and w.dep_ in ("relcl", "ccomp", "advcl", "pcomp") and h in w.ancestors and \
                any(c.dep_ == "nsubj" for c in w.children):
            return w
    return None


def _same_tense_clause_before(v: Token) -> Token | None:
    """The past verb with a subject of its own, inside a phrase or clause between a joined past verb
    and the present verb the parser joined it to (a tense the joined verb cannot share): the verb
    it goes on from. None otherwise."""
    h = v.head
    if v.tag_ != "VBD" or h.tag_ not in ("VBP", "VBZ") or h.i > v.i:
        return None
    doc = v.doc
    for k in range(v.i - 1, h.i, -1):
        w = doc[k]
        if w.tag_ == "VBD" and w.dep_ in ("pcomp", "relcl", "ccomp", "advcl") and w.head.i != v.i and \
                any(c.dep_ == "nsubj" for c in w.children) and h in w.ancestors:
            return w
    return None


def _clause_before_conj(v: Token) -> Token | None:
    """The verb of a time clause with a subject of its own ("when someone approached on foot") that
    stands between a joined verb and the verb the parser joined it to, right before it and after a
    comma with no "and" (a list going on): the verb the joined one goes on from. None otherwise."""
    h = v.head
    if h.i > v.i or h.pos_ not in ("VERB", "AUX") or v.pos_ != "VERB":
        return None
    doc = v.doc
    k = v.left_edge.i - 1
    if k <= h.i or not doc[k].is_punct:
        return None  # (a list goes on after a comma with no "and": "... on foot, produced a weapon and shot
        # him"; "He left when she arrived, and closed the door" goes back to the main clause)
    while k > h.i and doc[k].is_punct:
        k -= 1
    if k <= h.i:
        return None
    w = doc[k]
    while w.head.i != w.i and w.head.i > h.i and not (w.pos_ in ("VERB", "AUX") and w.dep_ in ("advcl", "relcl")):
        w = w.head
    if w.pos_ not in ("VERB", "AUX") or w.dep_ not in ("advcl", "relcl") or w.right_edge.i != k or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATE_MARKS and c.i < w.i for c in w.children):
        return None  # (only a time clause: "states where cannabis had been legalized ... and noted")
    subj = next((c for c in w.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in _RELPRON or subj.tag_ == "WP":
        return None
    if subj.lower_ in PRONOUN_SEX and any(c.dep_ == "dobj" and PRONOUN_SEX.get(c.lower_) == PRONOUN_SEX[subj.lower_]
                                          for c in v.children):
        return None  # "a man appeared as she left work, shot her": she did not shoot her; the list is the man's
    return w


def _maker_named(v: Token) -> list[Token]:
    """Who made the measure a participle of imposing hangs on (events.json ``maker_named``), when a
    country or body names the measure: "US financial sanctions imposed last year on the state", "a
    Western aid freeze imposed after the vote" (not who the thing is: "Palestinian prisoners held in
    jails"; nor where it comes from, "tariffs on Chinese goods imposed on Sept. 1")."""
    n = v.head
    if v.tag_ != "VBN" or v.lemma_.lower() not in MAKER_NAMED or n.pos_ != "NOUN" or _someone(n):
        return []
    return [c for c in n.children if c.i < n.i and c.dep_ in ("compound", "nmod", "amod")
            and c.ent_type_ in ("GPE", "NORP", "ORG")][:1]


def _object_relative(v: Token) -> bool:
    """Whether a relative clause with a subject of its own is about its noun as the verb's object ("lifted
    the sanctions it imposed"): no relative pronoun as subject, no reported or infinitive clause that
    would hold the gap ("the offers it said were too low"), no preposition before the verb ("the house in
    which ..."), and a noun that is no time or way (events.json ``not_object_heads``)."""
    h = v.head
    return v.pos_ == "VERB" and v.dep_ == "relcl" and h.pos_ == "NOUN" and h.dep_ == "dobj" and h.i < v.i \
        and not _time_word(h) and h.lemma_.lower() not in _NOT_OBJECT_HEADS and not _reports(v) \
        and any(c.dep_ == "nsubj" and c.i > h.i and c.lower_ not in _RELPRON for c in v.children) \
        and not any(c.lower_ in _RELPRON and c.dep_ in ("nsubj", "nsubjpass") or c.dep_ in ("ccomp", "xcomp")
                    or c.dep_ in ("prep", "advmod") and h.i < c.i < v.i for c in v.children)


def _fronted_past(subs: list[Token], v: Token) -> Token:
    """Of the subjects the parser gave a verb, the first; but the one nearest the verb when a clause of
    the first's own, with a verb and a comma, stands between ("X's remarks ... do not herald a lower
    range, other officials agreed"; not "children in Baghdad, Iraq have died")."""
    first = subs[0]
    near = min(subs, key=lambda c: abs(v.i - c.i))
    if near.i <= first.i:
        return first
    between = v.doc[first.i + 1: near.i]
    if any(t.text == "," for t in between) and any(t.pos_ in ("VERB", "AUX") for t in between):
        return near
    return first


def _joined_bare(v: Token) -> bool | None:
    """Whether a verb joined to a passive follows its conjunction with no word of its own before it
    but adverbs and tells what the passive's subject did ("was arrested and later confessed"), or is
    the passive's second participle (False: "was evicted and sentenced"); None when a word of its own
    comes between ("... was packed and Jeongdong Theater presented", a subject the parser left out)."""
    k = v.i - 1
    while k > v.head.i and v.doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    if k <= v.head.i or v.doc[k].pos_ != "CCONJ":
        return None
    # an active verb by its object, reported clause or "to" clause ("was defeated and vowed to fight"; not
    # after a verb of object control, "was released and ordered to pay": its passive), or a verb that
    # takes none (events.json ``active_after_passive``: "was hit by a car and died"); other past forms
    # may be the passive's second participle ("was evicted and sentenced to 50 weeks")
    lemma = v.lemma_.lower()
    return any(c.dep_ in ("dobj", "ccomp", "dative") or c.dep_ == "xcomp" and (
        lemma not in OBJECT_CONTROL or v.tag_ in ("VBZ", "VBP")) for c in v.children) or lemma in ACTIVE_AFTER_PASSIVE


def _passive(v: Token) -> bool:
    """Whether a verb is a passive with its own auxiliary or passive subject ("was arrested", "is scheduled")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _held_by(tok: Token) -> Token | None:
    """Who holds the gathering ``tok`` names by the agent of a holding participle (events.json
    ``gathering_holders``): "the summit hosted by Japan", and "a conference on mining held by the State
    Council", where the parser hangs the participle on the noun's topic."""
    nouns = [tok] + [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        for v in n.children:
            if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_.lower() in HOLDING_VERBS:
                by = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                if by and _someone(by[0]):
                    return by[0]
    return None


def _in_slot(tok: Token) -> Token:
    """The word that stands in the verb's slot for an event noun: the noun, or the span or count
    whose "of" phrase it is ("held two rounds of talks": rounds; events.json ``span_nouns``)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep" \
            and tok.head.head.lemma_.lower() in SPAN_NOUNS and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return tok


def _held_as_object(tok: Token) -> bool:
    """Whether a gathering is the object of a verb whose subject holds it ("Bush convened a meeting of his
    advisers", events.json ``light_verbs``): that subject, not the members its "of" phrase names."""
    return tok.dep_ == "dobj" and (tok.head.lemma_.lower() in LIGHT_VERBS or tok.head.lemma_.lower() in HOLDING_VERBS)


def _fronted_owner(tok: Token, owner: Token) -> Token | None:
    """The subject a possessive pronoun of an event noun looks ahead to when the noun opens its clause
    in a prepositional phrase: "During his visit to Tokyo, the prime minister met ..." (his is the prime
    minister's, whoever the text named before)."""
    p = tok.head
    if owner.pos_ != "PRON" or owner.lower_ not in ("his", "her", "their") or tok.dep_ != "pobj" \
            or p.dep_ != "prep" or p.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in p.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < p.i or subj.pos_ == "PRON" or not _someone(subj):
        return None
    if owner.lower_ == "their":
        return subj if subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ in ("ORG", "NORP", "GPE") else None
    return subj if subj.ent_type_ == "PERSON" or subj.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS else None


_REFLEXIVES = frozenset({"himself", "herself", "themselves"})


def _reflexive_binder(v: Token) -> Token | None:
    """Who a gerund with no subject of its own did to themselves: the subject of the clause it hangs
    in, whatever the preposition ("A 2-year-old boy is in critical condition after accidentally
    shooting himself": the boy); a reflexive is bound in its clause."""
    w = v  # ("before setting their house on fire and killing himself": the first gerund's place)
    while w.dep_ == "conj" and w.head.tag_ == "VBG" and w.head.i < w.i:
        w = w.head
    if v.tag_ != "VBG" or w.dep_ not in ("pcomp", "advcl", "xcomp") or not any(
            c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in v.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    g = w.head.head if w.dep_ == "pcomp" else w.head
    if g.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in g.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and g.dep_ == "conj" and g.head.pos_ in ("VERB", "AUX"):
        g = g.head  # ("A man shot and killed ... before ... killing himself": the subject the verbs share)
        subj = next((c for c in g.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.lower_ not in _RELPRON and (_someone(subj) or subj.pos_ == "NOUN") else None


def _can_do(tok: Token) -> bool:
    """Whether a subject can do what a gerund of its verb names: someone, or a plural of things that
    are no happenings ("local individuals and businesses", not "the talks")."""
    return _someone(tok) or tok.tag_ == "NNS" and tok.lemma_.lower() not in EVENT_NOUNS


def _someone(tok: Token) -> bool:
    """Whether a noun names someone who can act: a name, a pronoun, or a person, role, agent or group noun."""
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ in ("PROPN", "PRON") or \
        tok.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS | AGENT_NOUNS | PEOPLE_NOUNS | GROUP_NOUNS | {"person"}


def _approved_by(tok: Token) -> Token | None:
    """Who gave the go-ahead to the act ``tok`` names ("Putin gave his go-ahead to signing the treaty",
    "the board granted final approval to the merger"): a party of it (events.json ``approval_nouns``)."""
    p = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or p.lower_ != "to" or p.dep_ not in ("prep", "dative"):
        return None
    g = p.head if p.head.pos_ == "VERB" else p.head.head  # "to" on the verb or on its object
    if g.lemma_.lower() not in APPROVAL_VERBS or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in APPROVAL_NOUNS for c in g.children):
        return None  # ("go-ahead" is parsed as "go - ahead": its head is "ahead")
    return _subject_of(g)[0]


def _charge_noun_owner(tok: Token) -> Token | None:
    """Who faces a charge for the deed ``tok`` names, or is sought for it (events.json
    ``accused_governors.charge_nouns``): "are facing multiple charges in connection with the June 28
    shooting" (the subject of face), "filed charges against two Alton brothers stemming from a shooting"
    (the brothers), "is now wanted by police in connection with a shooting" (who is wanted)."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "pobj" and tok.head.i == tok.i - 1:
        tok = tok.head  # "in connection to a nightclub shooting" (the parser made the crime a participle)
    p = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or p.dep_ != "prep":
        return None
    g = p.head
    if p.lower_ in ("with", "to") and g.lower_ == "connection" and g.dep_ == "pobj" and g.head.lower_ == "in":
        g = g.head.head  # "in connection with": what the phrase hangs on
        if g.pos_ == "NOUN" and _person_noun(g) and g.dep_ == "pobj" and g.head.lower_ == "for" \
                and g.head.head.lemma_.lower() in SEEKING_VERBS | SEARCH_VERBS:
            return g  # "are looking for a second man in connection to a nightclub shooting": the man
    elif p.lower_ == "from" and g.tag_ == "VBG" and g.lemma_.lower() in STEMMING_VERBS and g.dep_ in ("acl", "advcl"):
        g = g.head  # "... stemming from a shooting": the noun it describes (or the verb the parser hung it on)
    else:
        return None
    if g.pos_ == "NOUN" and g.lemma_.lower() not in CHARGE_NOUNS and g.dep_ == "pobj" and g.head.lower_ == "against":
        return g  # "charges against two Alton brothers stemming from": the brothers
    charge = g if g.pos_ == "NOUN" and g.lemma_.lower() in CHARGE_NOUNS else None
    verb = charge.head if charge is not None and charge.dep_ == "dobj" else g if g.pos_ == "VERB" else None
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if charge is None:
        charge = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_NOUNS), None)
    against = next((o for n in ([charge] if charge is not None else []) + [verb] for c in n.children
                    if c.dep_ == "prep" and c.lower_ == "against" for o in c.children if o.dep_ == "pobj"), None)
    if against is not None:
        return against
    if charge is not None and lemma in FACING_VERBS:
        return _subject_of(verb)[0]
    if lemma in SEEKING_VERBS and _passive(verb):
        return _subject_of(verb)[1]
    return None


def _charged_one(tok: Token) -> Token | None:
    """Who is charged with the deed ``tok`` names (a gerund or event noun in the ``with/of/for/in/to``
    phrase of a verb or adjective of charging, events.json ``accused_governors``): the verb's
    object or passive subject ("charged a teenager with killing", "was convicted of stabbing", "a man
    suspected of robbery"), who is found or pleads guilty ("found guilty of robbing", "pleaded guilty
    to the assault"), who admits or confesses it. None when the phrase names no one."""
    p = tok.head
    owner = _charge_noun_owner(tok)
    if owner is not None:
        return owner
    if tok.dep_ not in ("pcomp", "pobj") or p.dep_ != "prep" or p.lower_ not in ACCUSED_PREPS or p.i < p.head.i:
        return None  # (not "In issuing his order, the judge cited ...")
    g = p.head
    for _ in range(2):
        # the deed named through the charge's own noun: "arrested on suspicion of killing Williams", "in
        # connection with the shooting", "charged with criminal homicide for the fatal shooting"
        up = g.head
        if g.pos_ == "NOUN" and g.dep_ == "pobj" and up.dep_ == "prep" and up.lower_ in ACCUSED_PREPS | {"on"} \
                and up.head.pos_ == "VERB" and up.head.lemma_.lower() in ACCUSED_GOV and up.i > up.head.i:
            p, g = up, up.head
        else:
            break
    if p.lower_ == "for" and g.pos_ == "NOUN":
        # "faces one count of open murder for fatally shooting a teen": who faces the count
        count = g
        while count.dep_ == "pobj" and count.head.lower_ == "of" and count.head.head.pos_ == "NOUN":
            count = count.head.head
        if count.lemma_.lower() in CHARGE_NOUNS and count.dep_ == "dobj" and count.head.lemma_.lower() in FACING_VERBS:
            return _subject_of(count.head)[0]
    if g.pos_ == "ADJ" and g.lemma_.lower() in ACCUSED_ADJ:
        own = next((c for c in g.children if c.dep_ == "nsubj"), None)
        if own is not None:
            return own  # "found the defendant guilty of" read as a small clause
        if g.dep_ not in ("oprd", "acomp", "xcomp", "ccomp") or g.head.pos_ not in ("VERB", "AUX"):
            return None
        holder = g.head  # "found him guilty", "was found guilty", "is guilty", "pleaded guilty"
        obj = next((c for c in holder.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
        actor, patient = _subject_of(holder)
        return patient if patient is not None else actor
    lemma = g.lemma_.lower()
    if g.pos_ == "VERB" and lemma in SEEKING_VERBS and p.lower_ in ("in", "for"):
        # "Stephon Harris, the man wanted in the shooting", "is wanted for the killing": who is sought for it
        if g.dep_ == "acl" and g.tag_ in ("VBN", "VBD") and g.head.pos_ in ("NOUN", "PROPN"):
            return g.head
        if _passive(g):
            return _subject_of(g)[1]
    if g.pos_ != "VERB" or lemma not in ACCUSED_GOV or (p.lower_ == "to" and lemma not in ACCUSED_SUBJECT):
        return None
    if _negated(g):
        return None  # "Trump does not blame Schumer for the attack": no one is held to have done it
    if lemma in ACCUSED_SUBJECT:
        # "admitted to stealing", "confessed to the killing" (and "was arrested and confessed to": the
        # one arrested, _subject_of)
        return _subject_of(g)[0]
    while g.dep_ == "conj" and g.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in g.children):
        g = g.head  # "was charged with murder and accused of shooting"
    obj = next((c for c in g.children if c.dep_ == "dobj"), None)
    one = obj if obj is not None else _subject_of(g)[1]
    if one is not None and one.lower_ in _RELPRON and g.dep_ == "relcl" and g.head.pos_ in ("NOUN", "PROPN"):
        # "the gang, whom prosecutors charged with robbing the bank", "Pat Byrne of Tipperary, who
        # is accused of assault": the relative's noun
        return _antecedent(_relative_head(g.head, one))
    return one


def _arguments(tok: Token) -> tuple[Token | None, list[Token]]:
    """(actor token, target tokens) of an event trigger."""
    if tok.pos_ in ("VERB", "AUX"):
        if _compound_gerund(tok):
            # "a club shooting on Dorchester Road": an event noun, the road where; who is sought in
            # connection with it did it ("looking for a man in connection to a nightclub shooting")
            return _charge_noun_owner(tok), []
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and _someone(tok.head):
            return tok.head, []  # "the visiting Spanish Prime Minister": the one who visits
        if tells_taking_place(tok):
            return _taking_place(tok), []
        actor, patient = _subject_of(tok)
        if actor is None and domain_type(tok) in ("agree", "consult"):
            # "as agreed between the Group of Seven countries", "the accord was signed between Israel and
            # Jordan": the "between" phrase of a verb of agreeing or conferring with no doer of its own
            # names its parties (not of other verbs: "transmitted between animals", "held between
            # Suriname and French Guiana")
            actor = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                          for p in c.children if p.dep_ == "pobj" and (_someone(p) or p.tag_ == "NNS")), None)
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        if patient is not None:
            objs.insert(0, patient)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "on", "against", "to", "for", "from"):
                objs += [p for p in c.children if p.dep_ == "pobj"]
        return actor, objs
    if tok.pos_ in ("NOUN", "PROPN"):
        actor = None
        objs: list[Token] = []
        lemma = tok.lemma_.lower()
        of_object = any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ in ("pobj", "pcomp") for p in c.children)
                        for c in tok.children)
        undergone = False
        for c in tok.children:
            if c.dep_ == "poss" and lemma in UNDERGOER_NOUNS and not of_object:
                objs.append(c)  # "Henry's arrest", "his death": the one it happened to
                undergone = True
            elif c.dep_ == "poss" and _dated_word(c):
                continue  # "tomorrow's meeting", "next week's talks": a time, never the doer
            elif c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her") or c.dep_ == "poss" and actor is None:
                actor = c
            elif c.dep_ == "prep" and c.lower_ == "by" and not (
                    actor is not None and actor.dep_ in ("compound", "amod", "nmod") and actor.ent_type_):
                # (not over a name before the noun: "confirmation of a U.S. Navy attack on a platform by
                # the Defence Secretary", where the parser hangs the confirmer's "by" on the attack)
                actor = next((p for p in c.children if p.dep_ == "pobj"), actor)
            elif c.dep_ == "prep" and actor is None and (c.lower_ in PARTY_PREPS or c.lower_ == "of" and (
                    lemma in AGENT_OF_NOUNS or lemma in GATHERING_OF and not _held_as_object(tok))) \
                    and any(p.dep_ == "pobj" and _someone(p) and not (
                        c.lower_ == "of" and lemma in GATHERING_OF and p.ent_type_ in _PLACE_TYPES) for p in c.children):
                # "at the request of Mayor X" (who asked; not "approval of the shipment"), "a discussion
                # among council members" (its parties)
                actor = next(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "with", "between", "for"):
                objs += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("NORP", "ORG", "PERSON") and actor is None \
                    and not (lemma in NAMED_BEFORE and not (c.ent_type_ == "NORP" and _people_word(c))) \
                    and not (c.ent_type_ == "ORG" and domain_type(tok) == "consult" and not (
                        lemma in GATHERING_OF and _body_name(c))) \
                    and not (domain_type(tok) in ("assault", "protest") and any(
                        t.lower_ in VENUE_WORDS for t in c.subtree if t.i < tok.i)):
                # (a venue's name says where: "the Club Camouflage shooting", events.json venue_words)
                # "a Taliban attack" (a place name there says where: "a Florida meeting"; an
                # organisation hosts a debate or talks, or is a misread place: "the Fox News debate",
                # "the Durban climate summit"; a body's acronym or full name holds a meeting of its
                # own: "the OPEC meeting", "a NATO summit", "the World Bank meetings")
                actor = _group_named_after(c, tok) or c
            elif c.dep_ == "compound" and c.lower_ in AGENT_NOUNS and actor is None:
                actor = c  # "the police shooting"
            elif c.dep_ == "compound" and c.pos_ == "NOUN" and actor is None and any(
                    g.dep_ in ("amod", "compound") and g.ent_type_ == "NORP" for g in c.children):
                # "an overnight Russian drone attack", "an Israeli missile strike": whose weapon, whose attack
                actor = next(g for g in c.children if g.dep_ in ("amod", "compound") and g.ent_type_ == "NORP")
            elif c.dep_ == "compound" and c.ent_type_ == "GPE" and of_object and actor is None \
                    and lemma not in GATHERINGS | GATHERING_OF:
                # "the US invasion of Iraq" (with no "of" it may be the target: "the Iraq invasion"; a
                # place before a gathering says where it is: "the Venice summit of industrial democracies")
                actor = c
            elif c.dep_ in ("amod", "acl") and c.lemma_.lower() == "lead" and c.tag_ == "VBN" and actor is None:
                # "the US-led invasion", "the invasion, led by the United States": who led it
                by = [p for b in c.children if b.dep_ == "agent" for p in b.children if p.dep_ == "pobj"]
                named = by or [n for n in c.children if n.dep_ in ("npadvmod", "compound", "nmod")
                               and n.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
                actor = named[0] if named else actor
        if actor is not None and actor.dep_ == "poss":
            actor = _fronted_owner(tok, actor) or actor
        if actor is None and lemma in ASPECTUAL:
            # "the start of the OPEC meeting": who holds the happening starts or ends it
            event = next((n for n in _of_objects(tok) if n.lemma_.lower() in EVENT_NOUNS), None)
            if event is not None:
                held = _arguments(event)[0]
                if held is not None and held.i != tok.i:
                    return held, [o for o in objs if o.i != held.i]
        if actor is None and (lemma in SOURCE_NOUNS or tok.lower_ in SOURCE_NOUNS):
            # "an offer from GAF Corp", "criticism of the ADB from member nations" (events.json source_nouns)
            actor = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                          for p in c.children if p.dep_ == "pobj" and _someone(p)), None)
        if actor is None and lemma in GATHERINGS:
            actor = _held_by(tok)
        if actor is None:
            actor = _charged_one(tok) or _approved_by(tok)  # "charged with the murder": the one charged
        if actor is None:
            actor = _perpetrator(tok)  # "the gunman in the shooting"
        if undergone:  # ("his death was announced by his agent": not the agent's death)
            return actor, objs
        slot = _in_slot(tok)
        if actor is None and slot.dep_ in ("dobj", "nsubjpass") and slot.head.lemma_.lower() in LIGHT_VERBS:
            actor = _subject_of(slot.head)[0]  # "the union and the company signed a deal", "held two rounds of talks"
        elif actor is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
                tok.head.lemma_.lower() in ASPECTUAL - ENDED_BY_OTHERS:
            # "prosecutors have dropped an investigation", "decided to reopen the investigation": who
            # resumes, suspends or drops a happening holds it (events.json aspectual), when someone
            actor = next((t for t in [_subject_of(tok.head)[0]] if t is not None and _someone(t)), None)
        if actor is None:
            actor = _participant(tok)
        if actor is None and lemma in GATHERINGS:
            actor = _reporting_party(tok)
        if actor is None and (lemma in GATHERINGS | SPEAKING_OCCASIONS | MESSAGES or domain_type(tok) == "consult"):
            actor = _speaker_at(tok)
        if actor is None and lemma in GATHERINGS:
            actor = _other_party(tok)
        return actor, objs
    if tok.dep_ in ("acomp", "attr") and tok.head.lemma_ == "be":
        subs = [c for c in tok.head.children if c.dep_ == "nsubj"]
        return (subs[0] if subs else None), []
    return None, []


_ADJUNCT_PREPS = frozenset({"after", "at", "during", "following", "in"})  # (not "before": "will announce it before the summit")


def _speaker_at(tok: Token) -> Token | None:
    """Who speaks at, during or after a gathering or visit named in an adjunct of the speaking took
    part in it: "the president said during a visit to the quake zone", "Speaking to reporters after a
    meeting with Finance Minister Funaro, the Canadian banker said" (not one named in its "with"
    phrase: he met Funaro)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in _ADJUNCT_PREPS:
        return None
    gov = tok.head.head
    if gov.dep_ == "nsubj" and gov.head.pos_ in ("VERB", "AUX") and _reports(gov.head) and _someone(gov):
        return gov  # "Nazer, in an interview with Reuters, said"
    if gov.dep_ == "advcl" and gov.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in gov.children):
        gov = gov.head  # "Speaking to reporters after a meeting ..., the banker said"
    if gov.pos_ not in ("VERB", "AUX") or not (_reports(gov) or tok.lemma_.lower() in MESSAGES) or _passive(gov):
        return None  # (whoever does anything in a speech or letter gave it: "Trump, in a speech in Seoul, had invited")
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    partners = {p.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                for p in c.subtree}
    # (whoever says something is someone: "the Canadian banker said")
    return subj if subj is not None and subj.i not in partners and subj.pos_ in ("NOUN", "PROPN", "PRON") else None


def _other_party(tok: Token) -> Token | None:
    """Who talks or meets with the one a gathering's "with" phrase names, when the gathering hangs on a
    verb by a preposition: that verb's subject ("Senate Republicans agreed to talks with the House",
    "began staking out positions days ahead of talks with the Senate", "flew to Tokyo for a meeting
    with Abe"). Not a gathering the verb only speaks of as a thing ("criticized the talks with Iran")."""
    partners = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
    if not partners or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    p = tok.head
    v = p.head
    ahead = p.lower_ == "of" and v.lower_ in ("ahead", "advance")
    if ahead:
        v = v.head.head if v.head.dep_ == "prep" else v.head  # "days ahead of talks", "in advance of talks"
        while v.pos_ == "NOUN" and v.dep_ in ("npadvmod", "dobj") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head  # ("days ahead of": the days hang on the verb)
    if v.pos_ not in ("VERB", "AUX") or not (ahead or p.lower_ in (
            "to", "for", "before", "after", "following", "during", "at", "in", "into")):
        return None  # (not "the start of talks with Iran", whoever announced or criticized it)
    doer = _subject_of(v)[0]
    return doer if doer is not None and doer.i not in partners and _someone(doer) else None


def _reporting_party(tok: Token) -> Token | None:
    """The named speaker who reports talks with someone as the subject of what they say ("Apex said
    talks with other possible buyers were continuing", "the union said talks with management broke
    down"): one side of them. Not a common noun ("analysts said talks with Iran ...")."""
    if tok.dep_ != "nsubj" or not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return None
    verb = tok.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING:
        return None
    sayer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if sayer is None or sayer.lower_ in _RELPRON or not (
            sayer.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or sayer.pos_ in ("PROPN", "PRON")):
        return None
    return sayer


def _body_name(tok: Token) -> bool:
    """Whether an organisation's name is an acronym ("OPEC") or of several words ("World Bank"): no
    single capitalised word, which the tagger may have misread ("Durban" for a place)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return tok.is_upper and len(tok.text) > 1 or ent is not None and sum(w.is_alpha for w in ent) > 1


def _group_named_after(name: Token, tok: Token) -> Token | None:
    """The people or body noun a name before an event noun qualifies, when the parser hung both on
    the event noun: "Russian-American Crew Blasts Off" (the crew blasted off, 'Russian-American' says
    whose crew)."""
    return next((s for s in tok.children if s.dep_ == "compound" and name.i < s.i < tok.i and not s.ent_type_
                 and s.lemma_.lower() in PEOPLE_NOUNS | GROUP_NOUNS | AGENT_NOUNS | ROLE_NOUNS), None)


def _participant(tok: Token) -> Token | None:
    """Who attends or is present at an event named by a noun: "X attended the talks", "X took part in
    the talks", "X was present at a meeting with Y", "X said during a discussion"."""
    h = tok.head
    if tok.dep_ == "dobj" and h.lemma_.lower() in PARTICIPATE:
        return None if _negated(h) else _subject_of(h)[0]
    if tok.dep_ == "pobj" and h.lower_ == "for" and tok.lemma_.lower() in GATHERINGS and h.head.pos_ == "VERB" and (
            domain_type(h.head) == "consult" or any(
                c.dep_ == "dobj" and domain_type(c) == "consult" for c in h.head.children)):
        # who travels or pays a visit "for talks" takes part in them ("Olmert paid a surprise visit to
        # Jordan for talks with King Abdullah", "flew to Beijing for talks")
        doer = _subject_of(h.head)[0]
        return doer if doer is not None and _someone(doer) else None
    if tok.dep_ == "pobj" and h.lower_ == "into" and h.head.lemma_.lower() in ENTER_INTO | PARTICIPATE:
        # "went straight into a closed-door meeting with X", also as a verb joined to another
        # ("arrived from Helsinki and went straight into ...")
        doer = _subject_of(h.head)[0]
        return doer if doer is not None and _someone(doer) else None
    if tok.dep_ != "pobj" or h.lower_ not in ("at", "in", "during"):
        return None
    g = h.head
    while h.lower_ == "during" and g.pos_ == "NOUN" and g.lemma_.lower() not in EVENT_NOUNS and \
            g.dep_ in ("pobj", "dobj") and g.head.pos_ in ("ADP", "VERB"):
        # "during" tells when a deed was done, not which thing: "had agreed on the plan during talks in
        # Bonn" (the parser hangs it on "plan"): the verb the thing's phrase hangs on
        g = g.head.head if g.dep_ == "pobj" else g.head
    if (g.lemma_.lower() in PRESENT_ADJ or g.lemma_.lower() in PARTICIPATE) and _negated(g):
        return None  # "the two designees were not present at the meeting", "did not attend": no part in it
    if g.pos_ == "ADJ" and g.lemma_.lower() in PRESENT_ADJ and g.dep_ == "acomp":
        g = g.head
    elif not (g.lemma_.lower() in PARTICIPATE or (g.lemma_ == "be" and g.pos_ in ("AUX", "VERB"))
              or (g.lemma_.lower() in REPORTING and h.lower_ in ("at", "during"))
              or (g.pos_ == "VERB" and domain_type(tok) == "consult" and tok.lemma_.lower() in GATHERINGS)):
        # (who "said during a discussion" or "at a news conference" took part in it; who acts at a
        # gathering, "in a media conference" or "at a tense meeting Thursday, the board approved", held it)
        return None
    subj = next((c for c in g.children if c.dep_ == "nsubj"), None)
    if subj is None and g.dep_ == "conj" and g.lemma_.lower() in PARTICIPATE:
        subj = _subject_of(g)[0]  # "was not aware of it or knowingly took part in an effort to"
    if subj is not None and tok.lemma_.lower() in GATHERINGS and not _someone(subj) and not (
            g.lemma_.lower() in PARTICIPATE | REPORTING or g.lemma_ == "be"):
        return None  # ("a resolution began a discussion at their meeting": no one who met)
    return subj


def _said_before(report: Token, tok: Token) -> Token | None:
    """What a reporting verb says (its clause or object) before ``tok``, a participle hung on it."""
    return next((c for c in report.children if c.dep_ in ("ccomp", "dobj") and c.i < tok.i), None)


def _missed_object(c: Token) -> bool:
    """Whether an apposition the parser made is the object of the verb right before it, which took none
    ("the man accused of shooting and killing 6-year-old Isis Allen": Allen is whom he killed)."""
    k = c.left_edge.i - 1
    if c.dep_ != "appos" or k < 0:
        return False
    v = c.doc[k]
    return v.pos_ == "VERB" and v.tag_ in ("VBG", "VBD", "VBN") and not any(
        x.dep_ in ("dobj", "ccomp", "xcomp") for x in v.children)


def _core(tok: Token) -> set[int]:
    """A noun phrase's head, what stands in apposition or coordination to it, and its possessor."""
    core = {tok.i} | {t.i for c in tok.children if c.dep_ in ("appos", "conj") and not _missed_object(c)
                      for t in [c] + [x for x in c.children if x.dep_ == "conj"]} | _described_name(tok)
    if tok.lower_ in BODY_WORDS and tok.pos_ == "NOUN":
        # "Maine State Police and Sanford police are investigating" (the parser hung the first body on
        # the second's noun): both bodies
        core |= {t.i for c in tok.children if c.dep_ in ("nmod", "compound") and c.ent_type_ == "ORG" and c.i < tok.i
                 for t in [c] + [x for x in c.children if x.dep_ == "conj"]}
    # the possessor stands for its campaign or lawyers ("Kasich's campaign"), not for a person named by
    # a relation ("Clinton's rival", "Reagan's daughter"), nor inside an apposition that describes
    # nor beside a person named in apposition ("Clinton's campaign manager, Robby Mook": Mook)
    if any(tok.doc[h].dep_ == "appos" and tok.doc[h].ent_type_ in ("PERSON", "ORG") for h in core):
        return core  # (nor beside a body named in apposition: "Dubai's flagship carrier Emirates Airline")
    core |= {c.i for h in list(core) if tok.doc[h].dep_ != "appos" and tok.doc[h].lemma_.lower() not in RELATIONAL
             for c in tok.doc[h].children if c.dep_ == "poss" and not _owner_of_thing(c, {c.i})
             and not (c.ent_type_ in _PLACE_TYPES and (tok.doc[h].ent_type_ in _NAMED_DOERS
                                                      or tok.doc[h].lemma_.lower() in PEOPLE_NOUNS))}
    # (a place's possessive before a named body or person, or before people, says where it is:
    # "Germany's Federal Office for ...", "Japan's Nikkei fell", "Britain's Theresa May said", "Kenya's
    # largest tea producer")
    return core


_NAMED_DOERS = ("ORG", "GPE", "PERSON", "NORP")


def _made_thing(actor_tok: Token) -> Span | None:
    """The machine or product a subject names after its maker, owner or operator: a product as spaCy
    tags it (PRODUCT: "An Air France Airbus A330 crashed", "The Boeing 787 flew", "Toyota Camry sales
    rose"), or a proper noun head that names nothing spaCy knows ("Boeing's 787 Dreamliner flew"). The
    noun phrase from the first name before it to the subject's head (or to the product, where the
    parser made the maker the head); None where the subject names no such thing after a name."""
    doc = actor_tok.doc
    toks = sorted(t.i for t in actor_tok.subtree if t.i <= actor_tok.i or t.head.i == actor_tok.i)
    prods = [i for i in toks if doc[i].ent_type_ == "PRODUCT"] or (
        [actor_tok.i] if actor_tok.pos_ == "PROPN" and not actor_tok.ent_type_ else [])
    if not prods or actor_tok.ent_type_ in ("PERSON", "NORP"):
        return None
    first = min(prods)
    while first > 0 and doc[first - 1].ent_type_ == "PRODUCT":
        first -= 1
    product = doc[first].ent_type_ == "PRODUCT"
    # (before a proper noun spaCy knows nothing of, a person's name is more likely cut short, "Mary Day
    # Coker", or followed by a title, "Yang Weizhong Deputy Director", than the owner of a thing)
    names = [i for i in toks if i < first and doc[i].ent_type_ in (("ORG", "PERSON", "GPE") if product else ("ORG", "GPE"))]
    if not names or any(doc[i].pos_ in ("VERB", "AUX", "PUNCT") and doc[i].text != "-" for i in range(min(names), first)):
        return None
    last = max(max(prods), actor_tok.i)
    if any(doc[i].pos_ in ("VERB", "AUX", "ADP") for i in range(first, last + 1)):
        return None
    return doc[min(names): last + 1]


def _perpetrator(tok: Token) -> Token | None:
    """Who did the deed an event noun names, as a noun of its doer with "in", "of" or "behind" says
    (events.json ``perpetrator_nouns``): "the gunman in the shooting" (the gunman), "Smith, the suspect
    in the killing", "Smith is a suspect in the killing", "Alvin Bell, identified as the gunman in the
    shooting" (the name the noun is said of). None otherwise."""
    p = tok.head
    if tok.dep_ != "pobj" or p.dep_ != "prep" or p.lower_ not in ("in", "of", "behind"):
        return None
    n = p.head
    if n.pos_ == "VERB":  # "identified as a suspect in a shooting", the parser hanging "in" on the verb
        n = next((x for c in n.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < p.i
                  for x in c.children if x.dep_ == "pobj"), n)
    if n.pos_ != "NOUN" or n.lemma_.lower() not in PERPETRATOR_NOUNS and n.lower_ not in PERPETRATOR_NOUNS:
        return None
    if n.dep_ == "appos" and n.head.pos_ in ("PROPN", "NOUN"):
        return n.head
    if n.dep_ == "attr" and n.head.pos_ in ("AUX", "VERB"):
        return next((c for c in n.head.children if c.dep_ == "nsubj"), n)
    if n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ == "VERB":
        v = n.head.head  # "identified as", "named as", "described as"
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
        patient = _subject_of(v)[1]
        if patient is not None:
            return patient
        return v.head if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN") else None
    return n


def _shows_doer(trig: Token, actor_tok: Token | None, actors: list[str], kinds: dict[str, str]) -> bool:
    """Whether the line's first words name who did it (EventMention.doer): a name that is no place, or a
    noun of someone ("girl", "gunman", "police"); not a place or thing put first ("MESA wounded", "club
    shot"), nor the noun a participle describes ("a 4-year-old girl shot in the neighborhood")."""
    if actor_tok is None or (trig.tag_ == "VBN" and actor_tok.dep_ != "pobj" and (
            actor_tok.head.i == trig.i or actor_tok.i == trig.head.i)):
        # (a passive's doer comes with "by": "was shot by a gunman"; but a teller who made it is shown:
        # "The Sheriff's Office says two were charged")
        return False
    if actor_tok.dep_ == "compound" and actor_tok.head.i == trig.i and not actors and actor_tok.lower_ not in AGENT_NOUNS:
        return False  # "a club shooting": where (but "the police shooting": who)
    if actors:
        return any(kinds.get(k) not in _PLACE_TYPES for k in actors)
    if actor_tok.lemma_.lower() == "old" and actor_tok.ent_type_ == "DATE":
        return True  # an age standing for the person: "by a 17-year-old"
    return actor_tok.ent_type_ not in _PLACE_TYPES and (_someone(actor_tok) or actor_tok.lemma_.lower() in UNNAMED_PERSONS)


def _members(tok: Token | None) -> Token | None:
    """The people a band or number of them named by its "of" phrase stands for, who are its doers ("a
    group of State Department officials have taken", "dozens of students marched"; events.json
    ``band_nouns``): the noun of the "of" phrase when it names people (a plural, a name); else ``tok``."""
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in BAND_NOUNS and tok.lower_ not in BAND_NOUNS:
        return tok
    if tok.lemma_.lower() == "number" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                              for c in tok.children):
        return tok  # "the number of cases rose": the count did, not the cases ("a number of lawmakers said")
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if members is None or not (members.tag_ in ("NNS", "NNPS") or members.ent_type_ in ("ORG", "NORP", "PERSON")):
        return tok
    return members


def _described_name(tok: Token) -> set[int]:
    """The name a noun in apposition describes: "Elizabeth Fairfield, a Lebanon woman accused of
    murdering her daughter" (the woman is Fairfield); not a place ("San Jose, California — A woman
    eating ...": a dateline the parser joined)."""
    h = tok.head
    return {h.i} if tok.dep_ == "appos" and tok.pos_ == "NOUN" and h.pos_ == "PROPN" and h.i < tok.i \
        and h.ent_type_ not in _PLACE_TYPES else set()


# ------------------------------------------------------------------ time
_DESCRIBED = ("appos",)
_NOUN_MODIFIER = ("compound", "nummod", "amod", "nmod", "poss")  # a time before its noun: "the March 7 fire"
_CLAUSE_HEADS = ("ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis")  # a finite verb heads one of these
_CLAUSE_LINKS = ("conj", "ccomp", "advcl", "parataxis", "relcl")  # "Thomas, the leading rusher in 2009, was put on IR"


def _alone_on_line(text: str, t: Timex, timexes: list[Timex]) -> bool:
    """Whether the line of the time expression says nothing but dates (a dateline over the report,
    which the parser may join to the first sentence: "June 8, 2010", "Published June 8, 2010")."""
    lo = text.rfind("\n", 0, t.start) + 1
    hi = text.find("\n", t.end)
    hi = len(text) if hi < 0 else hi
    if hi - lo > 90:
        return False
    rest = list(text[lo:hi])
    for o in timexes:
        if lo <= o.start and o.end <= hi:
            rest[o.start - lo:o.end - lo] = " " * (o.end - o.start)
    words = "".join(rest).split()
    return not any(c.isalnum() for w in words for c in w) or (len(words) <= 3 and date_line(text[lo:hi]) is not None)


def _timex_events(doc: Doc, timexes: list[Timex], char2tok: dict[int, int], events: set[int],
                  memo: dict[int, str] | None = None, dct: str | None = None) -> dict[int, Timex]:
    """event token -> the DATE/TIME expression that governs it: climbing the dependency tree from
    the expression's head, the first event met; of several expressions reaching one event, the
    one fewest steps away, then the most precise, then the nearest in the text."""
    out: dict[int, Timex] = {}
    rank: dict[int, tuple[int, int, int]] = {}
    text = doc.text  # (spaCy builds it anew on every read)
    # (clock spans keep their end, which carries the day: "from 8:30 a.m. to 12:30 p.m. Saturday")
    time_toks = {char2tok[k] for t in timexes if t.type == "DATE" for k in range(t.start, t.end) if k in char2tok}
    covered = _period_modifiers(doc, timexes, char2tok, events) | _year_of_date(doc, timexes)
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not t.text or t.value.endswith("_REF") or t.mod in BOUND_MODS:
            continue  # PAST_REF, PRESENT_REF ("recently", "now"): no day to give; "more than 20 years ago": a bound
        if (t.start, t.end) in covered:
            continue  # "a 2007-2013 spending package": the period a thing covers names which thing it is
        if _BIRTH_BEFORE.search(text[max(0, t.start - 20):t.start]):
            continue  # a birth date ("(DOB: 02/14/1977)"): no time of the report's happenings
        if _alone_on_line(text, t, timexes):
            continue  # a dateline ("June 8, 2010" over the report): when it was written, no event's time
        toks = sorted({char2tok[k] for k in range(t.start, t.end) if k in char2tok})
        if not toks:
            continue
        inside = set(toks)
        root = _head_word(doc, toks)
        # "from Nov. 12 to 19": a span's end bounds the event, and its start dates it when a day
        # (a many-day event is dated by its first day); a span of months or years only bounds it
        part = _span_part(root, time_toks) if t.type == "DATE" else ""
        if part == "end":
            continue
        span_from = root.head if part == "start" and _DAY.fullmatch(t.value[:10]) else None
        if span_from is not None:
            t = _span_start(doc, t, span_from, timexes, char2tok)
        # "until Thursday", "since 2010": a bound of the event, not its date; but a plan's deadline
        # ("will close all plants by June") is the time it is planned for
        bound = root.dep_ == "pobj" and root.head.lower_ in TIME_BOUNDARIES and span_from is None and not (
            root.head.lower_ in ("before", "after") and any(c.dep_ == "advmod" and c.lower_ in ("just", "shortly", "right")
                                                            for c in root.head.children))
        # ("was released just before 6:30 p.m. Wednesday", "shortly after midnight": about then, not a bound)
        last = doc[toks[-1]]
        if last.lower_ in ("before", "after") and (any(c.dep_ in ("pobj", "pcomp") and c.i not in inside
                                                       for c in last.children)
                                                   or (last.dep_ == "mark" and last.head.i not in inside)):
            # "six days before the primary", "updated one week before its members killed themselves":
            # counted from the primary or the deaths, not from the article's date
            continue
        if _attribute_time(root):
            continue  # "a eurobond due April 2, 1991": which thing, not when
        if root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.i not in events \
                and root.head.dep_ in ("acl", "relcl"):
            continue  # "sign a bill setting December 1, 1990, as the trigger date": the day the bill sets
        if root.dep_ in ("compound", "nummod", "amod", "nmod", "npadvmod", "poss") and root.head.i not in events \
                and (root.head.lemma_.lower() in PERSON_NOUNS or root.head.ent_type_ == "PERSON"):
            continue  # "the 2016 contender", "2012 nominee Mitt Romney": the time describes a person
        if root.dep_ in _NOUN_MODIFIER and root.head.i not in events and root.head.pos_ in ("NOUN", "PROPN") \
                and root.head.dep_ == "dobj" and root.head.head.lemma_.lower() not in OCCASION_VERBS \
                and not root.head.lower_.endswith("ing"):  # "spent Saturday cleaning": a verbal noun, the parse's slip
            # "investigated the March 7 fire", "bought last year's model": the time names which thing
            # the object is (a happening the detector did not take, or a thing); it dates that noun,
            # not the verb whose object it is (but who attends or holds "Monday's meeting" did so then)
            continue
        # the noun the time stands before: its head, or the time itself when the parser made a
        # possessive time the object ("performances of 1972's Toulouse Street": of -> 1972)
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:  # "of 1972's X and 1973's Y"
            first = first.head
        owner = first.head if first.dep_ in _NOUN_MODIFIER else first if first.dep_ == "pobj" and any(
            c.dep_ == "case" for c in [*root.children, *first.children]) else None
        while owner is not None and owner.dep_ == "conj" and owner.head.i != owner.i and owner.i not in events:
            owner = owner.head  # "of 1984's Purple Rain and 1986's Parade": Parade -> Rain
        if owner is not None and owner.i not in events and owner.dep_ == "pobj" and \
                owner.head.lower_ in _COMPARED and first.dep_ in ("poss", "compound", "amod", "nmod"):
            continue  # "settle above yesterday's closing prices": the time names which prices are compared
        if owner is not None and owner.i not in events and owner.dep_ == "pobj" and \
                owner.head.lower_ in ("after", "before"):
            # "three days after the March 2 robbery": the day the offset counts from (_after_dated);
            # "welcomed the suspension after Monday's record fall": the day of a happening the verb
            # followed, which the detector did not take; it dates nothing above it
            continue
        if owner is not None and owner.i not in events and owner.dep_ == "pobj" and owner.lemma_.lower() in UNPLANNED \
                and owner.head.lower_ in ACCUSED_PREPS and owner.head.head.lemma_.lower() in ACCUSED_GOV:
            # "have charged five people in the November 9 shooting death": which deed is charged, not
            # when the charge came (events.json unplanned_happenings)
            continue
        if owner is not None and owner.i not in events and owner.dep_ == "pobj" \
                and owner.head.dep_ == "prep" and _names_matter(owner.head.head, events) \
                and (owner.head.lower_ not in TIME_PREPS or _person_noun(owner.head.head)
                     or owner.head.head.lemma_.lower() in INQUIRY):
            # "performances of 1972's Toulouse Street", "an inquiry into the 2010 crash", "investigate
            # Democrats in the 2016 election": the time names which thing the nested noun is; it
            # dates neither the noun its phrase hangs from nor a look into it
            continue
        # "almost reached an agreement for April 17-19", "booked rooms for Friday": a time still ahead
        # that a noun is for names which one it is (when it will be), not when the verb above it
        # happened (but a past period a figure is for is the figure's: "net income for the third
        # quarter fell", "posted lower earnings for the quarter")
        for_noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "for" and \
            root.head.head.pos_ in ("NOUN", "PROPN") and _after_publication(t.value, dct) else None
        h = _deed_of(root, events) or root.head
        after = doc[root.i + 1] if root.i + 1 < len(doc) else None
        if root.dep_ == "pobj" and after is not None and after.i in events and after.head.i == root.head.i \
                and (after.lower_ in UNPLANNED or after.lemma_.lower() in UNPLANNED):
            h = after  # "made an arrest in the weekend shooting" (the parser made both objects of "in")
        if root.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in ("on", "at", "in") and h.i > 0:
            before = doc[h.i - 1]
            if before.i in events and before.pos_ == "NOUN" and before.dep_ == "pobj" and h.head.i != before.i \
                    and before.head.lower_ not in ("after", "before") and h.head in before.ancestors \
                    and h.head.i not in events and h.head.pos_ in ("VERB", "AUX"):  # (hung on a verb that is no happening: "being")
                # "accused Kyiv of being behind the blast on Friday": the time right after an event noun in
                # a phrase names that happening's day, though the parser hung it on a verb above
                h = before
        if root.dep_ == "pobj" and h.dep_ == "prep" and h.head.dep_ == "advcl" and h.head.head.pos_ in ("VERB", "AUX"):
            # "On Sept 25, a day after Allied disclosed ..., Allied began": a time that opens the sentence
            # before an after/before clause the parser hung it on is the main clause's
            mark = next((c for c in h.head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
            if mark is not None and h.i < mark.i and h.i < h.head.head.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i < h.i for c in h.head.children):
                h = h.head.head
        pv = h.head if root.dep_ == "pobj" and h.dep_ == "prep" else h if root.dep_ == "npadvmod" else None
        if pv is not None and pv.dep_ == "ccomp" and pv.pos_ in ("VERB", "AUX") and _reports(pv.head) \
                and pv.head.i < toks[0] and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > toks[-1] for c in pv.children) \
                and not any(c.dep_ == "mark" and c.i < toks[0] for c in pv.children) \
                and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in pv.children):
            # "said on Friday it had begun an investigation": a time between the reporting verb and its
            # clause's subject, which the parser hung on a clause in the past perfect (done before the
            # saying), is the saying's
            h = pv.head
        if h.i in events and _reports(h) and root.dep_ in ("npadvmod", "advmod") and t.type == "TIME":
            # "Police said the victim was found in the parking lot around 2 a.m.": a clock time after the
            # reported clause, which the parser hung on the reporting verb, is the clause's
            told = next((c for c in h.children if c.dep_ == "ccomp" and c.i in events and c.i < toks[0]
                         and all(doc[k].head.i in inside for k in range(c.right_edge.i + 1, toks[0]))), None)
            if told is not None:
                h = told
        bound_word = root.head.lower_ if bound else ""
        clause_noun = False
        for steps in range(8):
            if h.i in events and h.i not in inside:
                if bound and not (bound_word in ("by", "before", "until") and modality(h, memo) == "planned"):
                    break
                other = _matter_of(h, toks[0], events)
                if other is False:
                    break  # "continue to investigate ... a barrage of gunfire Wednesday evening": the matter's time
                if isinstance(other, Token):
                    h = other  # "has charged three men in connection to the shooting of a girl on Wednesday"
                # the nearest in the tree wins, then the more precise, then the nearer in the text (a time
                # counted from another the text told, "a month earlier", yields to a date of its own: "A
                # month earlier, on June 11, a man was shot")
                key = (steps + (4 if _ANAPHORIC.match(t.text) else 0),
                       -(len(t.value) if t.value[:4].isdigit() else 0), abs(t.start - h.idx))
                if h.i not in rank or key < rank[h.i]:
                    # a deadline keeps its day and says so: TIMEX3 mod BEFORE
                    out[h.i], rank[h.i] = (replace(t, mod="BEFORE") if bound else t), key
                v = h.head
                if bound:
                    farther = None
                elif h.pos_ == "NOUN" and h.dep_ == "dobj" and v.i in events and v.lemma_.lower() in OCCASION_VERBS:
                    farther = 1  # who attends or holds "Monday's session" did so then: the occasion's time is the verb's
                elif _time_after_object(h, root, t, memo, events, dct):
                    # "caused a backlash in October", "continued a dream run on Sunday", "convened the
                    # session July": a time after the object's event noun, which the parser hung on
                    # the noun, is the verb's too (a time before it names which one: "the March 7 fire");
                    # any time of the verb's own comes first ("condemned on Thursday the attacks last night")
                    farther = 8
                else:
                    farther = None
                if farther is not None:
                    vkey = (steps + farther, *key[1:])
                    if v.i not in rank or vkey < rank[v.i]:
                        out[v.i], rank[v.i] = t, vkey
                break
            if h.head.i == h.i or (h.dep_ in _DESCRIBED and h.pos_ in ("NOUN", "PROPN", "PRON")) or clause_noun \
                    or (for_noun is not None and h.i == for_noun.i):
                break  # a time inside an apposition describes that noun phrase
            # a time inside a participial or relative clause ("an allegation made in 2010") dates
            # that clause or the noun it describes ("the attack carried out Monday"), nothing beyond
            # when that noun is a subject or sits in another noun's phrase ("the charge, set in 2005,
            # falls short", "dropped an investigation into an allegation made in 2010"); an object's
            # clause may end with the verb's own time, which the parser hung on the clause ("approved a
            # resolution accepting a bid for the project in August 2008")
            clause_noun = h.dep_ in ("acl", "relcl") and h.pos_ in ("VERB", "AUX") and _subject_or_nested(h.head)
            if h.dep_ in _CLAUSE_LINKS and h.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
                break  # the time's own clause (with its own subject) ends here: it dates nothing beyond
            if any(c.dep_ in ("nsubj", "nsubjpass") and any(
                    t.lower_ in ("which", "whom", "whose") for t in c.subtree) for c in h.children):
                break  # a relative clause the parser did not take for one: "the allegations, some of which date back to the 1980s"
            if not bound and h.i not in inside and (span_from is None or h.i != span_from.i) and (
                    (h.dep_ == "prep" and h.lower_ in BOUND_SPANS) or h.lower_ in BOUND_HEADS):
                # "ahead of next Tuesday's primary", "between January and June 30": a bound (not
                # "after talks on February 29": the time dates the talks' noun, the parse's slip)
                bound, bound_word = True, h.lower_
            h = h.head
    return out


def _attribute_time(root: Token) -> bool:
    """Whether a time (its head ``root``) hangs from an adjective that makes it a thing's attribute
    ("a eurobond due April 2, 1991", "the notes, due in 1992"), events.json ``time_attributes``. (An
    "as of" phrase was tried too: the SemEval-2015 trial timelines and TBAQ train anchor events to it.)"""
    h = root.head
    if root.dep_ == "pobj" and h.dep_ == "prep":
        h = h.head
    elif root.dep_ not in ("npadvmod", "nmod", "compound", "nummod"):
        return False
    # (an attribute of a noun: "the payment is due on Friday" is the payment's time)
    return h.pos_ == "ADJ" and h.dep_ == "amod" and h.lemma_.lower() in TIME_ATTRIBUTES


_SPAN_ENDS = ("to", "through", "till", "until")


def _time_after_object(h: Token, root: Token, t: Timex, memo: dict[int, str] | None, events: set[int],
                       dct: str | None) -> bool:
    """Whether the time whose head is ``root``, met first at the event noun ``h``, also dates the verb
    whose object ``h`` is: it stands after the noun, bare ("the session Tuesday") or in an on/in/at/
    during phrase hung on the noun; the verb is no look into a matter nor a report, and a past verb
    takes no time after the article's date ("discussed the elections in 2008")."""
    v = h.head
    if h.pos_ != "NOUN" or h.dep_ != "dobj" or v.i not in events or v.pos_ != "VERB" or root.i < h.i:
        return False
    if v.lemma_.lower() in INQUIRY | REPORTING | ORDER_VERBS or v.lemma_.lower() in ACCUSED_GOV:
        return False
    direct = root.head.i == h.i and root.dep_ == "npadvmod"
    via = root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in ("on", "in", "at", "during") \
        and root.head.head.i == h.i
    if not (direct or via):
        return False
    return not (tense_aspect(v)[0] == "PAST" and _after_publication(t.value, dct))


def _from_time(x: Token, time_toks: set[int]) -> bool:
    """Whether ``x`` is a time that a "from" phrase opens ("from Nov. 12")."""
    return x.dep_ == "pobj" and x.head.lower_ == "from" and x.i in time_toks


def _span_part(root: Token, time_toks: set[int]) -> str:
    """"start" or "end" for the head of a time that opens or closes a from-to span ("held from Nov. 12
    to 19", "from Monday through Friday"), else ""."""
    if root.dep_ != "pobj":
        return ""
    prep = root.head
    if prep.head.lemma_.lower() in MOVED_VERBS or prep.head.lower_ in MOVED_VERBS:
        return ""  # "postponed from Tuesday to Friday": a move, no span
    if prep.lower_ == "from" and root.i in time_toks:
        ends = [x for x in (*prep.head.children, *prep.children, *root.subtree) if x.dep_ == "prep"
                and x.lower_ in _SPAN_ENDS and x.i > root.i]
        return "start" if any(m.dep_ == "pobj" and m.i in time_toks for x in ends for m in x.children) else ""
    if prep.lower_ not in _SPAN_ENDS:
        return ""
    h = prep.head
    if h.lower_ == "from" and any(_from_time(m, time_toks) for m in h.children):
        return "end"  # "from Nov. 12 to 19" (the to-phrase on "from")
    if any(c.dep_ == "prep" and c.lower_ == "from" and c.i < prep.i and any(_from_time(m, time_toks) for m in c.children)
           for c in h.children):
        return "end"  # "held from Nov. 12 to 19" (the to-phrase on the verb)
    for _ in range(3):  # "from Nov. 12 to 19" (the to-phrase on the start)
        if _from_time(h, time_toks):
            return "end"
        if h.i not in time_toks or h.head.i == h.i:
            break
        h = h.head
    return ""


def _span_start(doc: Doc, t: Timex, from_prep: Token, timexes: list[Timex], char2tok: dict[int, int]) -> Timex:
    """A bare weekday opening a span lies before the span's end ("early voting ran from Monday through
    Saturday", told on the Monday after: the Monday before that Saturday); a start without a year is
    in the year the end names ("from November 20 to November 21, 1991")."""
    end = next((e for e in timexes if e.type == "DATE" and e.start > t.end and _DAY.fullmatch(e.value[:10])
                and any(char2tok.get(k) is not None and doc[char2tok[k]].head.lower_ in _SPAN_ENDS
                        for k in range(e.start, e.end))), None)
    if end is None:
        return t
    if not re.search(r"\d{4}", t.text) and re.search(r"\d{4}", end.text) and t.value[:4] != end.value[:4]:
        # "from November 20 to November 21, 1991": the start is in the end's year
        t = replace(t, value=end.value[:4] + t.value[4:])
    if not _WEEKDAY.match(t.text.strip()) or t.value[:10] <= end.value[:10]:
        return t
    from datetime import date as _date
    from datetime import timedelta

    day = _date.fromisoformat(t.value[:10])
    while day.isoformat() > end.value[:10]:
        day -= timedelta(days=7)
    return replace(t, value=day.isoformat() + t.value[10:])


def _year_of_date(doc: Doc, timexes: list[Timex]) -> set[tuple[int, int]]:
    """The spans of a year told right after a finer date of that year ("on September 28 this year",
    "Aug. 17, this year"): it only says which year the date is in, and dates nothing of its own (the
    parser may hang it on the main verb)."""
    days = sorted((t for t in timexes if t.type == "DATE"), key=lambda t: (t.start, t.end))
    text = doc.text
    return {(b.start, b.end) for a, b in zip(days, days[1:]) if re.fullmatch(r"\d{4}", b.value)
            and a.value.startswith(b.value + "-") and text[a.end:b.start].strip() in ("", ",")}


def _period_modifiers(doc: Doc, timexes: list[Timex], char2tok: dict[int, int], events: set[int]) -> set[tuple[int, int]]:
    """The spans of two years joined by a dash that qualify a noun ("a tighter 2007-2013 spending
    package", "the 2010-11 season budget"): the period the thing covers, no date of a verb above it;
    and the second day of a dash span of days ("the Nov. 18-19 forum"), which only ends it."""
    out: set[tuple[int, int]] = set()
    days = sorted((t for t in timexes if t.type == "DATE"), key=lambda t: (t.start, t.end))
    text = doc.text
    for a, b in zip(days, days[1:]):
        if text[a.end:b.start].strip() not in ("-", "–"):
            continue
        if _DAY.fullmatch(a.value[:10]) and _DAY.fullmatch(b.value[:10]):
            out.add((b.start, b.end))  # "the Nov. 18-19 forum": its first day dates it, as "from ... to"
            continue
        if not re.fullmatch(r"\d{4}", a.value):
            continue  # (a span of months dates what it qualifies)
        toks = {char2tok[k] for k in range(a.start, b.end) if k in char2tok}
        heads = {doc[i].head.i for i in toks} - toks
        if len(heads) == 1:
            noun = doc[heads.pop()]
            if noun.pos_ == "NOUN" and noun.i not in events and noun.i > max(toks) \
                    and noun.lemma_.lower() not in PERIOD_NOUNS:  # (not "grew in the 2005-2007 period")
                out |= {(a.start, a.end), (b.start, b.end)}
    return out


def _deed_of(root: Token, events: set[int]) -> Token | None:
    """The happening a charge names, when the parser hung the happening's time on the charging verb:
    "implicated Iranian leaders in the killing of four men in a Berlin restaurant in 1982" (the killing
    was in 1982, not the implicating): a year after the verb's deed phrase (a definite event noun with
    a phrase of its own), nothing else between."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in" or not re.fullmatch(r"\d{4}", root.text):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACCUSED_GOV or verb.i > prep.i:
        return None
    before = [c for c in verb.children if c.i < prep.i and c.i > verb.i and c.dep_ == "prep"]
    if not before or before[-1].lower_ not in ACCUSED_PREPS:
        return None
    deed = next((n for n in before[-1].children if n.dep_ == "pobj"), None)
    if deed is None or deed.i not in events or deed.right_edge.i != prep.i - 1 or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in deed.children) or not any(
            c.dep_ == "prep" for c in deed.children):
        return None
    return deed


def _person_noun(n: Token) -> bool:
    """A noun for a person or people ("a suspect in the June 2007 murder", "victims in Friday's
    crash": the time names the happening they take part in)."""
    return n.ent_type_ == "PERSON" or n.lemma_.lower() in UNNAMED_PERSONS | PEOPLE_NOUNS | PERSON_NOUNS


def _subject_or_nested(n: Token) -> bool:
    """A noun that is a clause's subject or the object of a preposition hanging from another noun."""
    if n.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return n.dep_ in ("nsubj", "nsubjpass") or (n.dep_ == "pobj" and n.head.dep_ == "prep"
                                               and n.head.head.pos_ in ("NOUN", "PROPN"))


def _matter_of(h: Token, first: int, events: set[int]) -> Token | bool | None:
    """Whom a time after ``h`` belongs to when it is no time of ``h``'s: False for a look into a matter
    whose object holds it (the matter's time: "continue to investigate the latest outbreak ... a barrage
    of gunfire Wednesday evening"); the crime or accident noun it follows, for a verb in the present
    perfect, which takes no day of its own ("has charged three men in connection to the shooting of a
    girl in Detroit on Wednesday"); None otherwise."""
    if h.pos_ not in ("VERB", "AUX"):
        return None
    if h.lemma_.lower() in INQUIRY and any(c.left_edge.i <= first <= c.right_edge.i or (
            h.tag_ != "VBD" and first > c.right_edge.i) for c in h.children if c.dep_ == "dobj"):
        # (a look still going on: a time after its object is the matter's too, "are investigating the
        # shooting death of a columnist at his home Wednesday afternoon")
        return False
    perfect = h.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
                                      for c in h.children)
    # a charge told as a state or as the report's news: "a man accused in the deadly shooting of a
    # 17-year-old on Saturday", "is charged in the Saturday shooting"
    standing = h.lemma_.lower() in ACCUSED_GOV and (
        h.dep_ == "acl" and h.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in h.children)
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in h.children)) \
        or h.lemma_.lower() in FACING_VERBS and h.tag_ in ("VBZ", "VBP")  # "faces a count of murder for shooting"
    if not perfect and not standing:
        return None
    # (the last before the time: "faces one count of open murder for fatally shooting one of the teens on
    # Dec. 2", the deed, not the charge's name)
    n = next((t for t in reversed(list(h.subtree)) if h.i < t.i < first and (t.pos_ == "NOUN" or t.tag_ == "VBG")
              and t.lower_ in UNPLANNED), None)
    if n is None and h.lemma_.lower() in ACCUSED_GOV:
        # the deed's own phrase holds the time, or the time follows it: "have charged a Raytown man in
        # the Saturday quadruple shooting", "have been charged in a gun battle Saturday morning"
        n = next((t for c in h.children if c.dep_ == "prep" and c.lower_ in ACCUSED_PREPS
                  and c.i < first <= c.right_edge.i + 1 for t in c.subtree
                  if t.pos_ == "NOUN" and t.lemma_.lower() in UNPLANNED), None)
    if n is None:
        return None
    return n if n.i in events else False


def _names_matter(h: Token, events: set[int]) -> bool:
    """Whether a prepositional phrase hanging from ``h`` names a thing of ``h``'s, not its time: a noun
    that is no start, end or part of a time ("performances of", "an investigation into"; not "the start
    of the 2009 season", "the eve of the 2016 election"), or a look into a matter ("investigate X in the 2016 election")."""
    lemma = h.lemma_.lower()
    if h.pos_ in ("NOUN", "PROPN"):  # (an event noun is a part of the occasion: "the opening ceremony of the 2018 festival")
        return h.i not in events and lemma not in ASPECTUAL and lemma not in PHASE_NOUNS
    return h.i in events and lemma in INQUIRY


def _offset_date(trig: Token, timexes: list[Timex], dct: str | None,
                 dated: dict[int, Timex] | None = None, current: set[int] | None = None) -> Timex | None:
    """"X arrives a year after the union signed a deal": the signing is a year before the article's
    date. The trigger's clause is marked by after/before with a DURATION timex in front of it. When
    the event the after/before phrase hangs from has a day of its own ("remained in hospital
    Sunday, a day after being stung"), the offset counts from that day instead."""
    got = _offset_host(trig, timexes)
    if not dct or got is None:
        return None
    mark, dur, host = got
    if dur.mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        return None  # "less than a year after he won": no day, month or year to count to
    own = (dated or {}).get(host.i) if host.i != trig.i else None
    if own is None and host.i != trig.i and dated:
        own = _related_dated(host, dated, dct)  # "a blaze Monday that damaged a home 14 months after ..."
        # "Tuesday's accident came a week after": the happening the verb tells of is its subject
        own = own or next((dated[c.i] for c in host.children if c.dep_ == "nsubj" and c.i in dated), None)
        if own is None and host.dep_ == "relcl" and host.head.i in dated:
            own = dated[host.head.i]  # "a blaze Monday that damaged a home 14 months after a fire"
    if own is None:
        # "banned them on April 4, five days after the coalition lost its majority": the offset set off
        # by a comma after a day counts from that day, whatever the parser hung the day on
        doc = trig.doc
        lead = doc.char_span(dur.start, dur.end, alignment_mode="expand")
        k = lead.start - 1 if lead is not None else -1
        if k >= 0 and doc[k].text == ",":
            own = next((t for t in timexes if t.type == "DATE" and _DAY.fullmatch(t.value[:10])
                        and t.end <= doc[k].idx and doc.text[t.end:doc[k].idx].strip() == ""), None)
    m = _OFFSET.match(dur.value)
    if own is not None and _DAY.fullmatch(own.value[:10]):
        base = own.value[:10]
    elif own is not None and m and m.group(2) in ("M", "Y") and re.fullmatch(r"\d{4}-\d\d", own.value[:7]) \
            and own.value[:7].replace("-", "").isdigit():
        base = own.value[:7] + "-15"  # "called back in late March, one month after his visit": February
    elif tense_aspect(host)[0] in ("PRESENT", "FUTURE") or host.i in (current or ()) or any(
            c.dep_ == "advmod" and c.lower_ == "now" and c.i < mark.i for c in host.subtree):
        # "X arrives a year after the union signed", "Euille said, a day after spending four hours",
        # "claims made now, four years after she outlined them": counted back from the report's now
        base = dct[:10]
    else:
        # "issued the stay a day after the court ordered the release": the stay has no day in the
        # sentence, so neither has the order (the report's date is not the stay's)
        return None
    return _shifted(dur, base, -1 if mark.lower_ == "after" else 1)


def _offset_host(trig: Token, timexes: list[Timex]) -> tuple[Token, Timex, Token] | None:
    """The after/before word of ``trig``'s clause or phrase, the DURATION in front of it and the event
    the phrase counts from ("came a day after the court ordered": after, a day, came)."""
    # "signed it a year after the war ended" (mark) reads the offset back from the article's date;
    # "spoke six days before the primary" (a preposition on the trigger) counts from the primary, an
    # event whose date is not the article's: no date from that
    mark = next((c for c in trig.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None and trig.dep_ in ("pobj", "pcomp") and trig.head.lower_ in ("after", "before"):
        mark = trig.head  # "two days after the attack", "a day after being stung"
    if mark is None and trig.dep_ == "pobj" and trig.head.lower_ in ("of", "to") and \
            trig.head.head.lower_ in ("ahead", "prior"):
        mark = trig.head.head  # "two days ahead of the opening", "a week prior to the vote"
    if mark is None:
        return None
    dur = _offset_of(mark, timexes)
    if dur is None:
        return None
    # the event the phrase tells the offset from: the verb an "after" clause or phrase hangs from
    host = trig.head if mark.head.i == trig.i else mark.head
    if dur.start <= host.idx < dur.end:
        # "sacked last night ..., and less than six months after leading": the phrase the duration
        # heads is the verb's it hangs from
        for _ in range(5):
            if host.head.i == host.i or (host.pos_ in ("VERB", "AUX") and not dur.start <= host.idx < dur.end):
                break
            host = host.head
    return mark, dur, host


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _offset_of(mark: Token, timexes: list[Timex]) -> Timex | None:
    """The DURATION told in front of an after/before ("two days after", "a week before")."""
    lo = min(t.idx for t in mark.subtree if t.i < mark.i) if any(t.i < mark.i for t in mark.subtree) else mark.idx
    dur = next((t for t in timexes if t.type == "DURATION" and lo <= t.start < mark.idx), None)
    if dur is None:  # "two days after": the duration is the preposition's modifier, before it
        dur = next((t for t in timexes if t.type == "DURATION" and t.end <= mark.idx and
                    mark.idx - t.end <= 8), None)
    return dur if dur is not None and _OFFSET.match(dur.value) else None


def _shifted(dur: Timex, base: str, sign: int) -> Timex | None:
    """The day ``dur`` (P2D, P1W, P1Y ...) before (sign -1) or after (+1) the ISO day ``base``."""
    from datetime import date as _date
    from datetime import timedelta

    from dateutil.relativedelta import relativedelta

    m = _OFFSET.match(dur.value)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    step = {"Y": relativedelta(years=n), "M": relativedelta(months=n), "W": timedelta(weeks=n),
            "D": timedelta(days=n)}[unit]
    try:
        ref = _date.fromisoformat(base)
    except ValueError:
        return None
    day = ref + step if sign > 0 else ref - step
    # "a year after" is not to the day: a year or month offset gives the month
    # (an anniversary's month); several years ("thirteen years after") give only the year
    value = day.isoformat()[:4] if unit == "Y" and n > 1 else day.isoformat()[:7] if unit in ("Y", "M") \
        else day.isoformat()
    return Timex(start=dur.start, end=dur.end, text=dur.text, type="DATE", value=value)


def _after_dated(trig: Token, timexes: list[Timex], dated: dict[int, Timex]) -> Timex | None:
    """"arrested him three days after the March 2 robbery", "was charged a week after police found
    the body on Monday": the offset counted forward (or back, for "before") from the day of the
    event the after/before phrase names, when the sentence gives that event a day."""
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in ("after", "before"):
            anchors = [n for n in c.children if n.dep_ in ("pobj", "pcomp")]
            mark = c
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "before") for m in c.children):
            anchors = [c]
            mark = next(m for m in c.children if m.dep_ == "mark")
        else:
            continue
        for a in anchors:
            own = dated.get(a.i) or next((dated[r.i] for r in a.children if r.dep_ in ("relcl", "acl")
                                          and r.i in dated and r.lemma_.lower() in _HAPPEN), None) or next(
                (t for r in a.children if r.dep_ in _NOUN_MODIFIER for t in timexes
                 if t.type == "DATE" and t.start <= r.idx < t.end), None)  # (a noun the detector did not take)
            dur = _offset_of(mark, timexes) if own is not None and _DAY.fullmatch(own.value[:10]) else None
            if dur is not None:
                return _shifted(dur, own.value[:10], 1 if mark.lower_ == "after" else -1)
    return None


_HAPPEN = frozenset(_D["happening_verbs"]["verbs"])  # "the shooting, which happened on March 1"
UNPLANNED = frozenset(_D["unplanned_happenings"]["words"])  # "a Wednesday morning shooting": the last Wednesday
NAMED_BEFORE = frozenset(_D["unplanned_happenings"]["named_before"])  # "the Pigtown shooting": where, not who
EFFECT_VERBS = frozenset(_D["unplanned_happenings"]["effect_verbs"])  # "a shooting leaves one dead Saturday"
INQUIRY = frozenset(_D["inquiry_events"]["words"])  # "investigate X in the 2016 election": the matter's time
_INFINITIVE = frozenset(_D["infinitive_marks"]["words"])
PHASE_NOUNS = frozenset(_D["phase_nouns"]["words"])  # "on the eve of the 2016 election"
TIME_PREPS = frozenset(_D["phase_nouns"]["time_preps"])  # "an issue in the 2016 campaign"
CHANCE_NOUNS = frozenset(_D["infinitive_marks"]["chance_nouns"])  # "a chance in May to weigh in"
PLANNED_OCCASIONS = frozenset(_D["planned_occasions"]["words"])  # "the Games slated for December"
MOVED_VERBS = frozenset(_D["moved_verbs"]["verbs"])  # "postponed from Tuesday to Friday"
OCCASION_PARTS = PHASE_NOUNS | frozenset(_D["planned_occasions"]["parts"])  # "on the sidelines of the summit"
ORDER_VERBS = frozenset(_D["planned_occasions"]["order_verbs"])  # "followed the seizure of power in February"
PERIOD_NOUNS = PHASE_NOUNS | frozenset(_D["planned_occasions"]["period_nouns"])  # "in the July-September period"


def _planned_from(t: Token, trig: Token) -> bool:
    """Whether the to-infinitive ``t`` (a step of ``trig``'s climb to the event it hangs from) names an
    act that is not placed at that event's time: a plan or wish another verb states ("pledged on
    Friday to give", "invited donors to join", "selected companies to conduct studies") or a noun
    names ("announced Wednesday a grant to help fund costs", "efforts to get Ukraine to investigate");
    or an event noun that a purpose clause aims at ("paid the fee this morning to secure the
    signing": the signing is not dated; but "flew in Friday to attend the signing"). A purpose act
    itself keeps its verb's time ("surrounded the Statehouse on Tuesday to call for better pay"), as
    does what follows "managed to", "began to" (implicative, aspectual)."""
    if t.dep_ not in ("xcomp", "advcl", "acl", "relcl") or t.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ == "aux" and c.lower_ in _INFINITIVE for c in t.children):
        return False
    gov = t.head
    glemma = gov.lemma_.lower()
    if glemma in ASPECTUAL | IMPL_GOV:
        return False
    if t.dep_ in ("acl", "relcl"):
        return glemma not in CHANCE_NOUNS  # "a grant to help fund"; not "a chance in May to weigh in"
    # (who is made or let to do it did it: "was forced to tend to it", "was allowed to go one on one")
    active = not any(c.dep_ == "auxpass" for c in gov.children)
    if t.dep_ == "xcomp" and (glemma in PLAN_GOV or active and glemma in OBJECT_CONTROL):
        return True  # "pledged on Friday to give", "invited donors to join", "is expected to vote"
    if t.dep_ != "advcl" or t.lemma_.lower() in OCCASION_VERBS:
        return False
    # a purpose clause of a report names what the thing reported is for ("announced Wednesday a
    # grant to help fund costs"); any purpose clause, what its act aims at ("to secure the signing",
    # "met Tuesday to discuss how to replace the president"); the purpose act itself and what is
    # coordinated with it keep the time ("surrounded the Statehouse on Tuesday to call for better
    # pay and respect", "will appear on TV this week to help promote the record"), as does an occasion
    # the purpose verb takes part in ("to attend the signing"); but a purpose of going somewhere is
    # done after the going ("arrived in Caracas last night to discuss an aid plan")
    return glemma in MOTION_VERBS or (active and glemma in REPORTING) or not _own_act(trig, t)


def _after_publication(value: str, dct: str | None) -> bool:
    """Whether a TIMEX3 value (a day, week, month or year) lies wholly after the publication day."""
    from datetime import date as _date

    if not dct or not _DAY.fullmatch(dct[:10]):
        return False
    ref = _date.fromisoformat(dct[:10])
    try:
        if _DAY.fullmatch(value[:10]):
            return _date.fromisoformat(value[:10]) > ref
        if re.fullmatch(r"\d{4}-W\d\d", value[:8]):
            return _date.fromisocalendar(int(value[:4]), int(value[6:8]), 1) > ref
        if re.fullmatch(r"\d{4}-\d\d", value[:7]):
            return value[:7] > dct[:7]
        if re.fullmatch(r"\d{4}", value[:4]):
            return value[:4] > dct[:4]
    except ValueError:
        return False
    return False


def _own_act(trig: Token, v: Token) -> bool:
    """Whether ``trig`` is the verb ``v`` itself, or coordinated with it or done by doing it ("to help
    promote", "to call for and win")."""
    t = trig
    for _ in range(6):
        if t.i == v.i:
            return True
        if t.pos_ not in ("VERB", "AUX") or not (t.dep_ == "conj" or (
                t.dep_ == "xcomp" and t.head.lemma_.lower() in ASPECTUAL | IMPL_GOV)):
            return False
        t = t.head
    return False


_RELATED_DEPS = ("conj", "xcomp", "advcl", "dobj", "nsubjpass", "acl")


def _related_dated(trig: Token, dated: dict[int, Timex], dct: str | None = None) -> Timex | None:
    """The date of the event this one hangs from as a coordinated or controlled verb, its object
    or an adverbial clause ("signed a deal on Feb 29": the deal; "welcomed ... and announced"),
    never through a reported clause (what is said on Monday may have happened before). Also
    downwards: the start or continuation of a dated act ("started to experience problems on
    Saturday"), an act done in a dated occasion ("rejected it in a ruling released Thursday",
    "killed in an attack on Monday") and a happening whose relative clause says when it took place
    ("the attack, which took place on Monday")."""
    if trig.lemma_.lower() in ASPECTUAL | IMPL_GOV:
        got = next((dated[c.i] for c in trig.children if c.dep_ == "xcomp" and c.i in dated), None)
        if got is not None:
            return got
    # (or on the noun of its "of" phrase, where the parser hangs it: "the fifth session of the council held on Friday")
    owners = [trig] + ([n for n in _of_objects(trig) if n.i not in dated] if trig.pos_ == "NOUN" else [])
    happen = _HAPPEN | EFFECT_VERBS if trig.lemma_.lower() in UNPLANNED else _HAPPEN
    got = next((dated[x.i] for o in owners for c in o.children if c.dep_ in ("relcl", "acl")
                for x in (c, *c.conjuncts) if x.i in dated and x.lemma_.lower() in happen), None)
    # ("the shooting that killed one person and injured four others in Hot Springs last Thursday")
    if got is None and trig.lemma_.lower() in UNPLANNED:
        # "a shooting that left seven people injured in East Oakland Saturday night": the state it left
        # them in, which the parser dated, is on its day
        got = next((dated[x.i] for c in trig.children if c.dep_ == "relcl" and c.lemma_.lower() in EFFECT_VERBS
                    and c.i not in dated for x in [*c.children, *(y for o in c.children if o.dep_ == "dobj"
                                                              for y in o.children)]
                    if x.dep_ in ("acl", "amod", "oprd", "ccomp", "xcomp") and x.i in dated and x.tag_ in ("VBN", "JJ")), None)
    if got is not None:
        # "the shooting, which happened on March 1", "a shooting that left another teenager with a minor
        # gunshot wound on Wednesday, Feb. 17"
        return got
    if trig.pos_ == "NOUN" and trig.lemma_.lower() in UNPLANNED and trig.dep_ == "pobj" and trig.head.lower_ in (
            "in", "during") and trig.head.head.i in dated and trig.head.head.pos_ == "VERB" and (
            trig.head.head.lemma_.lower() == "die" or _passive(trig.head.head)
            and trig.head.head.lemma_.lower() in EFFECT_VERBS | {"shoot"}):
        # "A deputy was killed in an accidental shooting at his home Saturday", "died in a crash Monday":
        # the happening they died or were hurt in is on their day
        return dated[trig.head.head.i]
    if trig.pos_ == "NOUN" and trig.dep_ == "nsubj" and trig.head.i in dated and _took_place(trig.head):
        return dated[trig.head.i]  # "when a gas explosion took place in a mine on Tuesday evening"
    if trig.pos_ == "NOUN" and trig.dep_ == "nsubj" and trig.head.i in dated and trig.lemma_.lower() in UNPLANNED \
            and trig.head.lemma_.lower() in EFFECT_VERBS and _own_modality(trig.head) is None:
        return dated[trig.head.i]  # "after a shooting leaves one person dead on Saturday morning"
    if trig.dep_ == "relcl" and trig.pos_ == "VERB" and trig.head.i in dated and trig.head.pos_ == "NOUN" \
            and trig.head.lemma_.lower() in EVENT_NOUNS and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in trig.children) and not any(
                c.dep_ in ("aux", "auxpass") for c in trig.children):
        return dated[trig.head.i]  # "the Nov. 8 shooting that killed Dashwan Smith": the shooting's day
    if trig.pos_ == "NOUN" and trig.lemma_.lower() in ASPECTUAL:
        # "the start of the OPEC meeting last Thursday": the start of a dated happening is on its day
        got = next((dated[n.i] for n in _of_objects(trig) if n.i in dated), None)
        if got is not None:
            return got
    if trig.pos_ == "NOUN":  # "elections slated for December 14", "the summit scheduled for next week"
        got = next((dated[c.i] for c in trig.children if c.dep_ == "acl" and c.i in dated and c.tag_ == "VBN"
                    and c.lower_ in PLANNED_OCCASIONS | {"set"} and any(p.lower_ == "for" for p in c.children)), None)
        if got is not None:
            return got
    if trig.tag_ == "VBD":
        # "A crash on Monday afternoon left a woman in critical condition", "The Thursday announcement
        # brought the first acknowledgment": a past deed whose subject is a happening dated to the day
        # happened with it (the time stops at the event noun, the first event its climb meets)
        got = next((dated[c.i] for c in trig.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i in dated
                    and dated[c.i].value[:4].isdigit()), None)
        if got is not None and not any(c.dep_ == "prep" and c.lower_ in ("by", "in", "on", "at", "during", "until")
                                       and any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)
                                       for c in trig.children):
            return got  # (not when the deed has a time of its own: "the 2006 launch halved calls by 2009")
    if dct and trig.tag_ == "VBD" and trig.lemma_.lower() not in OBJECT_CONTROL and \
            not any(c.dep_ == "dobj" for c in trig.children):
        # "threatened to quit the race Thursday night" (told after Thursday): a past act of intent
        # takes a past time its complement carries; a later time ("vowed to quit next week") is the
        # plan's, not the vow's; but what another is asked to do ("invited donors to join a
        # ceremony earlier this month") is their act, whose time is not the asking's
        got = next((dated[c.i] for c in trig.children if c.dep_ == "xcomp" and c.i in dated), None)
        if got is not None and got.value[:10] <= dct[:10] and got.value[:4].isdigit():
            return got
    past = tense_aspect(trig)[0] == "PAST" or (trig.tag_ == "VBN" and trig.dep_ == "acl" and not any(
        c.dep_ in ("aux", "auxpass") for c in trig.children))  # "was sparked", "hopes ignited by"
    for c in trig.children:
        # (and a passive's agent: "seats were decided by the ballot held on Nov. 9")
        agent = c.dep_ == "agent"
        if (c.dep_ == "prep" and c.lower_ in ("in", "during", "at", "on") or agent) \
                and trig.lemma_.lower() not in INQUIRY:
            # (not a look into a matter: "investigating collusion in the 2016 election")
            for n in c.children:
                if n.dep_ != "pobj":
                    continue
                if c.lower_ == "on" and n.lemma_.lower() not in OCCASION_PARTS:
                    continue  # "on the conclusion of the meeting" (but not "reported on the attack")
                charge = trig.lemma_.lower() in ACCUSED_GOV or trig.lemma_.lower() in LIGHT_VERBS and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in ACCUSED_GOV for o in trig.children)  # "made an arrest"
                if n.i in dated and charge and (
                        dated[n.i].start >= n.right_edge.idx + len(n.right_edge.text) or n.lemma_.lower() in UNPLANNED
                        or n.lower_ in UNPLANNED):
                    # the deed's own time, which the parser hung on the charge (_deed_of); "arrested a man
                    # in the Oct. 9 shooting": the deed charged, not the arrest's occasion
                    continue
                if n.i in dated:
                    got = dated[n.i]
                    if agent and got.start < n.idx:
                        continue  # "changes characterized by the December tsunami": which tsunami, not when
                elif n.ent_type_ in _PLACE_TYPES and not any(a.dep_ in ("acl", "relcl") and a.i in dated and
                                                            a.lemma_.lower() in ASPECTUAL for a in n.children):
                    # "in Memphis, where King was shot in 1968": the place's clause, no occasion (but "the
                    # meeting in Hong Kong, which opens Tuesday": the parser hung the meeting's clause there)
                    continue
                else:
                    # (a participle that describes the agent is no occasion: "backed by a majority elected in 2005")
                    got = next((dated[a.i] for a in n.children if a.dep_ in ("acl", "relcl") and a.i in dated
                                and not _planned_occasion(trig, a, dated[a.i], dct)
                                and (not agent or _took_place(a))), None)
                    if got is None and n.lemma_.lower() in OCCASION_PARTS:
                        # "in the closing seconds of last week's game": a part of a dated occasion
                        got = next((dated[m.i] for o in n.children if o.dep_ == "prep" and o.lower_ == "of"
                                    for m in o.children if m.dep_ == "pobj" and m.i in dated), None)
                if got is not None and got.mod in BOUND_MODS:
                    continue  # "in a meeting to be scheduled before September": a deadline, no occasion's time
                if got is not None and past and _after_publication(got.value, dct):
                    # a past deed is not at a time still ahead ("sparked by fears of clashes this weekend"); a
                    # bare weekday read ahead is the last such day ("said at a meeting on Monday")
                    if n.i in dated:  # (not an occasion's own plan: "in an interview to be broadcast Monday")
                        got = _weekday_by_tense(got, "PAST", "OCCURRENCE", "asserted", dct)
                    if _after_publication(got.value, dct):
                        continue
                if got is not None:
                    return got
    got = next((dated[c.i] for c in trig.children if c.dep_ == "advcl" and c.i in dated and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in WHILE_MARKS and m.i < c.i for m in c.children)), None)
    if got is not None and not (past and _after_publication(got.value, dct)) and got.mod not in BOUND_MODS:
        # "arrested the mayor when he returned on Friday", "was injured while working at the plant on
        # Tuesday": a when/while clause's own time is the time of the deed it hangs on (TimeML: the
        # deed is included in it or simultaneous with it)
        return got
    t = _in_slot(trig)  # ("was holding several hours of talks today": the hours)
    planned = False
    for _ in range(3):
        if (t.dep_ not in _RELATED_DEPS and not _gerund_object(t)) or t.head.i == t.i:
            return None
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "if", "unless")
                                     for c in t.children):
            return None
        # "pledged on Friday to give", "paid the fee this morning to secure the signing": not then;
        # but a time still ahead of the report is the plan's ("plans to hold a news conference Tuesday")
        if t.dep_ in ("acl", "relcl") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in t.children):
            return None  # "rejected the plan that it would consider": what may be, in a clause of its own
        planned = planned or _planned_from(t, trig)
        t = _when_of_report(t) or t.head
        if t.i in dated:
            got = dated[t.i]
            if planned and not _after_publication(got.value, dct):
                return None
            return got
    return None


def _took_place(v: Token) -> bool:
    """Whether the verb says that its noun's happening took place ("the ballot held on Nov. 9", "which
    took place on Monday"; not "charges taken in the year-earlier period")."""
    lemma = v.lemma_.lower()
    return lemma in _HAPPEN and (lemma != "take" or any(c.lower_ == "place" for c in v.children))


def _planned_occasion(trig: Token, acl: Token, t: Timex, dct: str | None) -> bool:
    """Whether the time a clause gives an occasion is when it is planned for, which a past deed done
    for it does not share ("has supplied the vaccine to athletes at the Games slated for December":
    the supply came before the Games); a deed still ahead does ("will receive $3,500 a share at
    closing, which is expected in December")."""
    if acl.lower_ not in PLANNED_OCCASIONS or not dct:
        return False
    return tense_aspect(trig)[0] == "PAST" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in trig.children)


def _gerund_object(t: Token) -> bool:
    """A gerund with a possessive doer that the parser made a clause of its verb: the verb's object
    ("announced his pulling out Monday": the withdrawal announced, as "announced his withdrawal")."""
    return t.dep_ == "ccomp" and t.tag_ == "VBG" and any(
        c.dep_ in ("nsubj", "poss") and c.tag_ == "PRP$" for c in t.children)


def _when_of_report(t: Token) -> Token | None:
    """The reporting verb a when/as clause belongs to that the parser hung on the reported clause after
    it ("The commission said on Wednesday when it rejected the plan that it would consider ...": the
    when-clause stands before the complement's "that", so it tells when the saying was)."""
    if t.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") and c.i < t.i
                                    for c in t.children):
        return None
    comp = t.head
    if comp.dep_ != "ccomp" or comp.head.lemma_.lower() not in REPORTING or t.i > comp.i:
        return None
    rest = [x.i for x in comp.subtree if x.i < t.left_edge.i or x.i > t.right_edge.i]
    if comp.head.i < t.left_edge.i and rest and t.right_edge.i < min(rest):
        return comp.head
    return None


_WEEKDAY = re.compile(r"^(?:on\s+)?(?:(?:early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?:\s+(?:morning|afternoon|evening|night))?$",
                      re.IGNORECASE)


_MONTH = re.compile(r"^(?:in\s+|early\s+|late\s+|mid-?)?(january|february|march|april|may|june|july|august|september|"
                    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$", re.IGNORECASE)


def _unplanned_named(tok: Token) -> bool:
    """A crime or accident (events.json unplanned_happenings) named by a noun or by a gerund with no
    subject or auxiliary of its own, and not told as planned by its own words."""
    if tok.lemma_.lower() not in UNPLANNED and tok.lower_ not in UNPLANNED:
        return False
    if tok.pos_ != "NOUN" and not (tok.tag_ == "VBG" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)):
        return False
    return _own_modality(tok) != "planned"


_SEASON_START = {"SP": "03", "SU": "06", "FA": "09"}
_ANAPHORIC = re.compile(r"(?i)^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+"
                        r"(?:day|week|month|year)s?\s+(?:earlier|later|before|after)$")
# a time a person's birth gives ("Martin Rockwell (DOB: 02/14/1977)"), which dates no happening of the report
_BIRTH_BEFORE = re.compile(r"(?i)(?:\bD\.?O\.?B\.?|date of birth)\W{0,3}$")
# a season named with no year of its own: "this summer", "the fall", "the end of the fall semester"
_SEASON_TEXT = re.compile(r"(?i)(?:(?:this|the)\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)?"
                          r"(?:spring|summer|fall|autumn)\b")
_CLOCK = re.compile(r"(?i)^(?:at\s+|around\s+|about\s+|approximately\s+|shortly\s+(?:before|after)\s+|just\s+(?:before|after)\s+)*"
                    r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)$")


def _day_of(t: Timex) -> Timex:
    """A clock time ("2016-10-30T02:45") cut to its day: what a deed dated through another happening's
    time takes ("Officers arrived at about 2:45 a.m. ... Four people were shot": the day, not the
    officers' minute); other values as they are."""
    if t.type == "TIME" and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?", t.value):
        return replace(t, value=t.value[:10], type="DATE")
    return t


def _bare_clock(t: Timex) -> bool:
    """A clock time with no day of its own ("around 9 p.m."), whose day the tagger took from the text before."""
    return t.type == "TIME" and bool(_CLOCK.match(t.text.strip()))


def _bare_on_side(t: Timex, dct: str | None, ahead: bool) -> Timex:
    """A bare month or weekday moved by a year or a week to the report's past side (``ahead`` False: a
    deed done) or future side (True: a plan), when the tagger read it on the other side."""
    if not dct:
        return t
    sign = 1 if ahead else -1
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA)", t.value)  # (a winter spans two years)
    if season and not ahead and _SEASON_TEXT.match(t.text.strip()) \
            and f"{season[1]}-{_SEASON_START[season[2]]}" > dct[:7]:
        # "the deadly shooting of a 15-year-old boy this summer" told in January: last year's summer
        return replace(t, value=f"{int(season[1]) - 1:04d}-{season[2]}")
    if _MONTH.match(t.text.strip()) and re.fullmatch(r"\d{4}-\d{2}", t.value) and (
            t.value < dct[:7] if ahead else t.value > dct[:7]):
        return replace(t, value=f"{int(t.value[:4]) + sign:04d}{t.value[4:]}")
    if not _WEEKDAY.match(t.text.strip()) or not _DAY.fullmatch(t.value[:10]) or not _DAY.fullmatch(dct[:10]):
        return t
    if (t.value[:10] >= dct[:10]) if ahead else (t.value[:10] <= dct[:10]):
        return t
    from datetime import date as _date
    from datetime import timedelta

    return replace(t, value=(_date.fromisoformat(t.value[:10]) + timedelta(days=7 * sign)).isoformat() + t.value[10:])


def _tells_amount(tok: Token) -> bool:
    """Whether a mention tells an amount (events.json ``measures``): a measure noun is the trigger, what
    a participle trigger describes ("passenger-kilometres flown"), its subject ("money supply rose"),
    or the object of a posting verb ("recognized revenues"); or data that show one are its subject."""
    def measure(n: Token | None) -> bool:
        return n is not None and n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() in MEASURE_NOUNS

    if measure(tok) or (tok.dep_ == "acl" and measure(tok.head)):
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(measure(c) for c in subjects):
        return True
    lemma = tok.lemma_.lower()
    if lemma in POSTING_VERBS and any(measure(c) for c in tok.children if c.dep_ == "dobj"):
        return True
    return lemma in POSTING_VERBS and any(c.lemma_.lower() in DATA_NOUNS for c in subjects)


_PERIOD_UNITS = re.compile(r"P(?:X(?:W|M|Y|DE|CE)|\d+(?:M|Y|DE|CE))")  # weeks of no stated count, a month or longer
_RECENT = frozenset({"recent", "past", "last"})


def _head_word(doc: Doc, toks: list[int]) -> Token:
    """The word of a span (its sorted token indexes) that hangs outside it, or is the sentence's root."""
    inside = set(toks)
    return next((doc[i] for i in toks if doc[i].head.i not in inside or doc[i].head.i == i), doc[toks[0]])


def _periods(doc: Doc, timexes: list[Timex], char2tok: dict[int, int]) -> dict[int, Timex]:
    """head token -> a time expression that tells repetition or a long stretch, by its head word: a SET
    ("every week", "weekly"), or a DURATION of a month or more, or of weeks with no count ("for months",
    "in recent weeks", "over the past two years"; not "for two days", a single happening's length), or
    a recent stretch all through which ("over the last decade", "throughout the past year")."""
    out: dict[int, Timex] = {}
    for t in timexes:
        toks = sorted({char2tok[k] for k in range(t.start, t.end) if k in char2tok})
        if not toks:
            continue
        root = _head_word(doc, toks)
        if t.type == "SET" or (t.type == "DURATION" and _PERIOD_UNITS.fullmatch(t.value)):
            out[root.i] = t
        elif t.type == "DATE" and root.dep_ == "pobj" and root.head.lower_ in ("over", "throughout") and \
                re.fullmatch(r"\d{3,4}", t.value) and any(doc[i].lower_ in _RECENT for i in toks):
            out[root.i] = t
    return out


def _over_period(trig: Token, periods: dict[int, Timex]) -> bool:
    """Whether a happening is told as done again and again or all through a month or longer: a
    period expression ``_periods`` found hangs on its word, by "for", "over", "throughout", "during" or
    "in" with "recent", "past" or "last" ("For months, McConnell urged", "have in recent weeks
    accused"; not "will arrive in two weeks"), or as a bare adverbial or modifier ("met every week",
    "weekly meetings")."""
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over", "throughout", "during", "in"):
            for p in c.children:
                t = periods.get(p.i)
                if p.dep_ == "pobj" and t is not None and (c.lower_ != "in" or any(
                        w in _RECENT for w in t.text.lower().split())):
                    return True
        elif c.dep_ in ("npadvmod", "advmod", "amod") and (t := periods.get(c.i)) is not None and t.type == "SET":
            return True
        elif c.dep_ == "advmod" and c.lower_ in SERIES_ADVERBS:
            return True  # "has long opposed", "repeatedly denied" (events.json series_adverbs)
    return False


def _names_occasion(tok: Token, t: Timex, char2tok: dict[int, int]) -> bool:
    """Whether a time names which occasion an event noun is: it stands in the noun's own phrase ("an
    April 5-6 summit meeting") or a participle on it ("talks starting Monday"), with no verb of
    its own tense between."""
    if tok.pos_ != "NOUN" and not (tok.tag_ == "VBG" and (tok.dep_ in ("acl", "prep") or (
            tok.dep_ == "advcl" and tok.lemma_.lower() in ASPECTUAL and not any(c.dep_ == "nsubj" for c in tok.children)))):
        return False  # (the parser may read "starting Monday" as a preposition or a clause of the verb before)
    if tok.pos_ == "NOUN" and _under_past_verb(tok):
        return False  # a happening a past deed tells of has happened: "Saturday's explosion came", "said at
        # Tuesday's news conference"
    last = char2tok.get(max(t.start, t.end - 1))
    if last is None:
        return False
    x = tok.doc[last]
    for _ in range(6):
        if x.i == tok.i:
            return True
        if x.head.i == x.i or (x.pos_ in ("VERB", "AUX") and not (x.tag_ == "VBG" and x.dep_ == "acl")):
            return False
        x = x.head
    return False


def _under_past_verb(tok: Token) -> bool:
    """Whether the first verb above a noun tells a past deed ("came", "was held"; not a state, "was
    related to", nor a participle, "after giving effect to")."""
    x = tok
    for _ in range(5):
        h = x.head
        if h.i == x.i:
            return False
        if h.pos_ in ("VERB", "AUX"):
            return h.tag_ == "VBD" or (h.tag_ == "VBN" and h.dep_ not in ("acomp", "amod") and any(
                c.dep_ in ("aux", "auxpass") for c in h.children))
        x = h
    return False


def _bare_nearest(t: Timex, dct: str | None) -> Timex:
    """A bare month or weekday read on the side of the report nearer to it: "April" told on 18 March
    1987 is April 1987, "Monday" told on Sunday the 15th is the 16th, "March 1" told on the 18th ..."""
    if not dct or not _DAY.fullmatch(dct[:10]):
        return t
    ahead, behind = _bare_on_side(t, dct, ahead=True), _bare_on_side(t, dct, ahead=False)
    if ahead.value == behind.value:
        return t
    from datetime import date as _date

    ref = _date.fromisoformat(dct[:10])

    def gap(v: str) -> int:
        day = _date.fromisoformat(v[:10] if _DAY.fullmatch(v[:10]) else v[:7] + "-15")
        return abs((day - ref).days)

    return ahead if gap(ahead.value) < gap(behind.value) else behind


def _weekday_by_tense(t: Timex, tense: str, cls: str, mood: str, dct: str | None) -> Timex:
    """A bare weekday ("Friday", "Sunday night") read by the event's own tense, which the parse knows
    better than cue words near it: an asserted happening told in the past tense was on the last
    such day up to the article's date ("blasted the plan on Wednesday" in a Monday report: two days
    before, not after); the same for a bare month ("made it clear in a June letter" in an August report
    is last June). Plans are left as the time expression reads them (a plan told after the fact may lie
    before the article's date)."""
    if not dct or tense != "PAST" or cls in ("I_STATE", "I_ACTION", "STATE") or \
            mood not in ("asserted", "reported", "negated"):
        return t
    return _bare_on_side(t, dct, ahead=False)


def _done_before(t: Timex, trig: Token, tense: str, aspect: str, mood: str, dct: str | None) -> bool:
    """Whether a deed told as done by the present perfect (asserted) meets a time still ahead of
    the report in its sentence: that time is another's ("has requested 312 billion dlrs for defense in
    1988" in 1987: the spending's year), not the deed's."""
    if not dct or mood not in ("asserted", "reported") or trig.pos_ not in ("VERB", "AUX"):
        return False
    if not (tense == "PRESENT" and aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE")):
        return False  # (a simple past under a publication date that precedes it is as often a misdated report)
    return _after_publication(t.value, dct)


_NAME_LINKS = frozenset({"de", "del", "da", "di", "do", "dos", "des", "la", "le", "of", "and", "&", "von", "van"})


def _proper_phrase(tok: Token) -> str:
    """The words of a name the tagger did not take, around its head: "Petroleos de Venezuela" (not
    "Venezuela"); a common noun's own word otherwise."""
    if tok.pos_ != "PROPN":
        if tok.lower_ in REPORTING_MAKERS:  # "Kingsport police", "Clarksburg detectives": the body by its place
            place = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and (
                c.ent_type_ in ("GPE", "LOC") or c.text[:1].isupper() and not c.is_upper and (
                    c.pos_ == "PROPN" or c.pos_ == "NOUN" and (c.ent_type_ or c.i != c.sent.start)))]
            # (a capitalised word, whatever the tagger took it for: "Sanford police" is no person's)
            if place:
                return tok.doc[place[0].left_edge.i: tok.i + 1].text
        return tok.text
    doc, a, b = tok.doc, tok.i, tok.i
    sub = {t.i for t in tok.subtree}

    def named(i: int) -> bool:
        return i in sub and (doc[i].pos_ == "PROPN" or doc[i].lower_ in _NAME_LINKS and doc[i].is_lower or (
            # a name's own possessive: "The Jacksonville Sheriff's Office"
            doc[i].tag_ == "POS" and 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN"
            and doc[i - 1].head.i == doc[i + 1].i and not doc[i - 1].ent_type_ == "PERSON"))

    while a - 1 >= 0 and named(a - 1):
        a -= 1
    while b + 1 < len(doc) and named(b + 1) and doc[b + 1].lower_ not in _NAME_LINKS:
        b += 1
    while doc[a].lower_ in _NAME_LINKS and a < tok.i:
        a += 1
    return doc[a: b + 1].text


def _named_happening(tok: Token) -> str:
    """A happening noun with the name before it that says where or whom ("the Pigtown shooting": events.json
    unplanned_happenings.named_before), for the line; a name's own words otherwise (``_proper_phrase``)."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in NAMED_BEFORE:
        name = next((c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                     and c.i == tok.i - 1 and c.ent_type_ not in ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL")), None)
        if name is not None:
            return f"{_proper_phrase(name)} {tok.text}"
    return _proper_phrase(tok)


def _told_by(tok: Token) -> Token:
    """The verb whose tense tells when an event noun was: the verb it is the object or subject of, or
    the verb its during/at/in phrase hangs from ("said at Tuesday's news conference": past, so the
    Tuesday before the report); for a participle with no subject or auxiliary of its own, the finite
    verb it goes on from ("knocked on the door before shooting two brothers, killing one and wounding
    the other Sunday night": past, so the Sunday before the report); the token itself otherwise."""
    if tok.tag_ == "VBG" and tok.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children):
        h = tok
        for _ in range(4):
            if h.dep_ in ("conj", "advcl"):
                h = h.head
            elif h.dep_ == "pcomp" and h.head.dep_ == "prep":
                h = h.head.head
            else:
                break
            if h.tag_ in ("VBD", "VBZ", "VBP") or (h.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("aux", "auxpass") for c in h.children)):
                return h
            if h.tag_ != "VBG":
                break
        return tok
    if tok.pos_ != "NOUN":
        return tok
    h = tok.head
    if tok.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in TIME_PREPS:
        h = h.head
    elif tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return tok
    return h if h.pos_ in ("VERB", "AUX") and h.i != tok.i else tok


def _weekday_by_order(tok: Token, t: Timex, dated: dict[int, Timex]) -> Timex:
    """A bare weekday of a happening that comes before or after another dated one lies on the right
    side of that day ("a last day of uncertainty Saturday before a nationwide vote Sunday": the
    Sunday after that Saturday, not the one before; "resigned Friday after the board met Monday")."""
    if not _WEEKDAY.match(t.text.strip()) or not _DAY.fullmatch(t.value[:10]):
        return t
    word, anchor = "", None
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("before", "after"):
        word, anchor = tok.head.lower_, tok.head.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and tok.head.head.lower_ in ("ahead", "prior"):
        word, anchor = "before", tok.head.head.head
    elif tok.dep_ == "advcl":
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in ("before", "after")), None)
        word, anchor = (mark.lower_, tok.head) if mark is not None else ("", None)
    other = dated.get(anchor.i) if anchor is not None else None
    if other is None or other is t or not _DAY.fullmatch(other.value[:10]):
        return t
    from datetime import date as _date
    from datetime import timedelta

    day, ref = _date.fromisoformat(t.value[:10]), _date.fromisoformat(other.value[:10])
    if word == "before" and day <= ref:
        day += timedelta(days=7)
    elif word == "after" and day > ref:
        day -= timedelta(days=7)
    else:
        return t
    return replace(t, value=day.isoformat() + t.value[10:])


def _reporting_class(tok: Token, cls: str) -> str:
    """REPORTING for a verb of the reporting lexicon that the detector called an occurrence while it
    frames what is said ("'...,' he added", "O'Neill added that ..."): the frame of the news, not
    its event. States of mind ("I think", events.json ``reporting_states``) keep their class."""
    if cls == "OCCURRENCE" and _reports(tok) and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return "REPORTING"
    return cls


def _publication_tense(tok: Token, cls: str, tense: str, aspect: str, mood: str) -> bool:
    """What the report tells as current: present perfect or progressive ("has departed", "are
    holding talks"), a present-tense report ("the ministry says")."""
    if mood not in ("asserted", "reported"):
        return False
    if tense == "PRESENT" and aspect in ("PERFECTIVE", "PROGRESSIVE", "PERFECTIVE_PROGRESSIVE"):
        return True
    if tense == "PRESENT" and aspect == "NONE" and tok.lemma_.lower() in ACCUSED_GOV and _passive(tok):
        return True  # "Taprill R. Barnett is charged with child endangerment": the report's news
    if tense == "PRESENT" and aspect == "NONE" and tok.lemma_.lower() == "continue" and tok.pos_ == "VERB":
        return True  # "Minneapolis police continue to investigate": going on as the report tells it
    report = tok.head if tok.dep_ == "advcl" else tok.head.head if (
        tok.dep_ == "acl" and tok.head.dep_ == "nsubj" and tok.i > 0 and tok.doc[tok.i - 1].text == ",") else None
    if tok.tag_ == "VBG" and report is not None and _reports(report) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in tok.children) and (
            _reports(tok) or _said_before(report, tok) is None) and \
            _publication_tense(report, "REPORTING", *tense_aspect(report), mood):
        # done in the report, as it is told: "Crandall, denying industry speculation, said ...", "said
        # the talks failed, adding that ..."
        return True
    # the report itself: "the ministry says", "Jobs announced" (news reports what was said that day); a
    # verb of the reporting lexicon is one whatever class the detector gave it ("he added")
    return tense in ("PRESENT", "PAST") and aspect == "NONE" and (
        cls == "REPORTING" or _reports(tok))


def _lead(doc: Doc, text: str, timexes: list[Timex]) -> Span | None:
    """The report's first sentence of news: past a title (a first line with no full stop before a blank
    line) and a dateline standing alone, the first sentence of six words or more, when a report follows
    it (a sentence alone is no report) and no time is named in it or above it but a date on a line of
    its own (a lead that names one dates by it)."""
    sents = list(doc.sents)
    for k, s in enumerate(sents[:4]):
        words = [t for t in s if t.is_alpha]
        body = s.text.rstrip()
        if len(words) < 6 or (s.text.endswith("\n\n") and not body.endswith((".", "!", "?", '"', "”", "’"))):
            continue  # a title, a dateline
        if k == len(sents) - 1 or any(t.start < s.end_char and not _alone_on_line(text, t, timexes)
                                        for t in timexes):
            return None  # (a date line over the report, "June 8, 2010", says when it was written)
        return s
    return None


def _lead_deed(trig: Token, cls: str, tense: str, aspect: str, mood: str) -> bool:
    """A deed the lead tells in the simple past as done, in its main clause or in what its report says
    ("Police say a man shot his neighbour"), not in a clause that describes something."""
    if trig.pos_ != "VERB" or tense != "PAST" or aspect != "NONE" or mood != "asserted" or \
            cls not in ("OCCURRENCE", "ASPECTUAL", "I_ACTION", "PERCEPTION") or _reports(trig):
        return False
    v = trig
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v.dep_ == "ROOT" or (v.dep_ == "ccomp" and _reports(v.head) and v.head.dep_ == "ROOT")


def _reports(tok: Token) -> bool:
    """Whether a verb is one of the reporting lexicon that tells a report, not a state of mind."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING - REPORTING_STATES


# ------------------------------------------------------------------ extraction
def _summary(doc: Doc, trig: Token, who: str, what: str, place: str, mood: str, dtype: str,
             place_prep: str = "") -> str:
    lemma = trig.lemma_.lower()
    if trig.pos_ in ("VERB", "AUX"):
        past = PAST.get(lemma) or trig.text
        got = _classify(trig)
        if got:
            past = got[1]
        verb = {"planned": "to " + lemma, "possible": "may " + lemma, "hypothetical": "may " + lemma,
                "negated": "did not " + lemma}.get(mood, past)
        particle = [c.lower_ for c in trig.children if c.dep_ == "prt" and c.i > trig.i]
        if particle:  # a phrasal verb says its particle ("carried out", "called off", "blasted off")
            verb = f"{verb} {particle[0]}"
    else:
        verb = ("no " if mood == "negated" else "") + (trig.text if who else _named_happening(trig))
    if who and what and trig.pos_ not in ("VERB", "AUX") and f" {who} " in f" {what} ":
        who = ""  # "start OPEC meeting", not "OPEC start OPEC meeting": the name once ("EU imposed EU sanctions" stays)
    parts = [who, verb, what]
    if place:
        # the place's own preposition ("arrived from Paris", "arrived in Kabul"), else where a trip goes
        parts.append((place_prep + " " if place_prep else "to " if dtype == "consult" and lemma in (
            "travel", "fly", "depart", "arrive", "embark", "trip", "visit") else "in ") + place)
    return " ".join(p for p in parts if p)


def _is_name(doc: Doc, toks: set[int], text: str, datelines: list[tuple[int, int]]) -> bool:
    """Whether an entity mention reads as a name that can act: not a dateline run into the first
    words ("BRUSSELS - European") nor a name inside one (``datelines``: their character spans), not a
    span that starts with a verb or a preposition ("Following Gigante"). ``text``: ``doc.text`` (read
    once by the caller: spaCy rebuilds it on each access)."""
    if not toks:
        return False
    span = doc[min(toks): max(toks) + 1]
    if is_dateline(text, span.start_char, span.end_char):
        return False  # "MEXICO CITY — Trump ...": where the report was written
    if any(a <= span.start_char and span.end_char <= b for a, b in datelines):
        return False  # the dateline's region: "ST HELIER, Jersey, March 12 - Guinness Plc ..."
    if span[0].pos_ in ("VERB", "ADP", "SCONJ", "AUX", "PART") or span[0].tag_ in ("VBG", "VBN", "VBD"):
        return False
    if span.start > 0 and _byline_by(doc[span.start - 1]):
        return False  # "BY L.B. WHYDE Advocate Reporter March 30, 2009 HANOVER -- The students sat": who wrote it
    for t in span[1:-1]:
        if t.text in ("-", "--", "\u2014", "\u2013") and t.whitespace_ and doc[t.i - 1].whitespace_ and \
                all(x.text.isupper() for x in span[: t.i - span.start] if x.is_alpha):
            return False  # a dateline: "BRUSSELS - European leaders"
    return True


def _without_dateline(subs: list[Token]) -> list[Token]:
    """A verb's subjects less the dateline the parser took for a second one ("MESA, Ariz. — A gunman
    killed", "ROCHESTER – A second suspect ... was arrested"); a lone subject stays."""
    def dateline(c: Token) -> bool:  # (from the name's first word: "KANSAS CITY, Mo. — Prosecutors have charged")
        # (a dateline is in capitals: no need to build the text for any other word)
        # (only at a line's start or in brackets, where a dateline or credit stands: the text is built once
        # per call, which costs more than all else here)
        first = c.left_edge.i
        return c.text.isupper() and (first == 0 or "\n" in c.doc[first - 1].text_with_ws
                                     or c.doc[first - 1].text == "(") and \
            is_dateline(c.doc.text, min(c.idx, c.left_edge.idx), c.idx + len(c.text))

    if len(subs) == 1 and dateline(subs[0]):
        # "SALT LAKE CITY, Utah — Detectives have arrested": the subject the parser hung on the dateline
        # as its apposition, after the dash
        dash = next((t.i for t in subs[0].subtree if t.i > subs[0].i and t.text in ("—", "―", "–", "--", "-")), None)
        said = next((c for c in subs[0].children if c.dep_ == "appos" and dash is not None and c.i > dash), None)
        return [said] if said is not None else subs
    if len(subs) < 2:
        return subs
    return [c for c in subs if not dateline(c)] or subs


def _credit(tok: Token) -> bool:
    """Whether ``tok`` is an outlet's credit opening the report in parentheses ("(CNN) President X
    made ...", "LONDON (Reuters) - ..."): coref.is_dateline's credit."""
    doc = tok.doc
    start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound"])  # "(Associated Press)"
    if start == 0 or doc[start - 1].text != "(":
        return False
    return is_dateline(doc.text, doc[start].idx, tok.idx + len(tok.text))


def _byline_by(tok: Token) -> bool:
    """Whether ``tok`` is the "By" of a byline: the first word of one of the article's first three
    sentences ("By Vickie Welborn vwelborn@gannett.com Gannett March 24, 2009 MANSFIELD -- ..."), not a
    date's ("By Saturday they ventured ...")."""
    if tok.lower_ != "by" or not tok.is_sent_start or tok.i + 1 >= len(tok.doc) or \
            tok.doc[tok.i + 1].ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return False
    return sum(1 for t in tok.doc[: tok.i] if t.is_sent_start) < 3


def _qualifies_noun(doc: Doc, key: str, agents: list[tuple[set[int], EntityMention]], head: Token) -> bool:
    """Whether a place or group named in the subject only qualifies its common noun: "One California
    delegate said", "a Democratic pollster released", "U.S. officials said": the delegate, the
    pollster, the officials acted (the line names them), not the state or the party; not a named
    organisation or prize either where the noun names a person by a role."""
    if head.pos_ not in ("NOUN", "PROPN"):  # (a name the tagger missed: "RC2, a U.S. toy company")
        return False
    if _acts_through(doc, key, agents, head) is not None:
        return False  # "U.S. officials said", "American forces attacked": the country acts through them
    # of a person named by a role ("the Heisman Trophy winner", "a Clinton aide") no name that
    # qualifies the role acts
    # (an organisation's members in the plural act for it: "OPEC ministers met", "NATO leaders agreed")
    kinds = (("PERSON", "GPE", "NORP", "LOC", "FAC") if head.tag_ in ("NNS", "NNPS") else (
        "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")) if head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS else (
        "GPE", "NORP", "LOC")
    mentions = [toks for toks, e in agents if e.key == key]
    if not mentions:
        return False
    inside = [doc[max(toks)] for toks in mentions if max(toks) in _np_tokens(head)]
    if inside and all(_joint_of(r, head) for r in inside):
        return True
    if any(e.type not in kinds for _, e in agents if e.key == key):
        # nor any name that only qualifies a plural common noun ("55 Gainesville residents", "the Jordan
        # teams' games", "Clinton supporters"): the many it describes acted, whatever the tagger took it for
        # (an organisation before other plurals stands for its people or is their maker: "Kraft foods",
        # "UN figures"; a town before people may be tagged an organisation: "Danbury police")
        org = any(e.type == "ORG" for _, e in agents if e.key == key)

        def people(n: Token) -> bool:  # a common noun in lower case ("Richard 'Dik' Days": a name)
            return n.pos_ == "NOUN" and n.text.islower() and (
                n.lemma_.lower() in PEOPLE_NOUNS if org else n.tag_ == "NNS" or n.lemma_.lower() in PEOPLE_NOUNS)

        if not all(doc[max(toks)].dep_ in ("compound", "amod", "nmod") and people(doc[max(toks)].head)
                   and doc[max(toks)].head.i not in toks for toks in mentions if doc[max(toks)].i in _np_tokens(head)):
            return False
    for toks in mentions:
        root = doc[max(toks)]
        above = _noun_above(root)  # ("a U.S. District Court judge": the judge, past the court's name)
        if root.i in _np_tokens(head) and not (
                root.dep_ in ("compound", "amod", "nmod") and above.pos_ == "NOUN" and above.i not in toks) \
                and not (root.dep_ == "poss" and root.ent_type_ in _PLACE_TYPES and root.head.i == head.i
                         and head.lemma_.lower() in PEOPLE_NOUNS) \
                and not _owner_of_thing(root, toks) and not _office_of(root, head) and not _home_of(root, head):
            return False  # named as the doer itself somewhere in the phrase ("Republicans in Congress")
    return True


def _noun_above(tok: Token) -> Token:
    """The word a name modifies, past the names it is part of: "U.S." in "a U.S. District Court
    judge" modifies the judge."""
    h = tok.head
    while h.dep_ == "compound" and h.pos_ == "PROPN" and h.head.i != h.i:
        h = h.head
    return h


def _acts_through(doc: Doc, key: str, agents: list[tuple[set[int], EntityMention]], head: Token) -> Span | None:
    """The phrase of a country, people or body and the plural noun of those who act for it that it
    qualifies ("U.S. officials", "American forces", "European Community ministers"; events.json
    ``state_agent_nouns``), or a country's or people's body ("the Canadian government"), where ``key``
    is that name; None otherwise."""
    body = head.tag_ == "NN" and head.lemma_.lower() in STATE_BODIES  # "the Canadian government welcomed"
    if not body and (head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in STATE_AGENT_NOUNS):
        return None
    for toks, e in agents:
        root = doc[max(toks)]
        if e.key == key and e.type in (("GPE", "NORP") if body else ("GPE", "NORP", "ORG")) \
                and root.head.i == head.i and head.i not in toks \
                and root.dep_ in ("compound", "amod", "nmod") and root.i < head.i:
            return doc[min(toks): head.i + 1]
    return None


def _office_of(root: Token, head: Token) -> bool:
    """Whether a place is what the office a person noun names is of ("the Mayor of Boston declared", "a
    spokesman for the city said"): the office holder acted, not the place (a body "of" a place, "the
    government of Chad", stands for it and is no person noun)."""
    while root.dep_ == "conj" and root.head.i != root.i and root.head.ent_type_ in _PLACE_TYPES:
        root = root.head  # "the foreign ministers of Cambodia, Laos and Burma"
    of_head = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == head.i
    if head.lemma_.lower() in MEMBER_NOUNS and of_head and (head.tag_ == "NN" or any(
            c.dep_ in ("amod", "nummod") for c in head.children)):
        # "a member of Congress", "Republican members of the House Budget Committee": some members acted,
        # not the body (events.json member_nouns)
        return True
    if of_head and head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS and any(
            c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in head.children):
        return True  # "a former vice president of Painewebber Inc pleaded guilty": no longer its officer
    if root.dep_ == "poss" and root.head.i == head.i and root.ent_type_ in _PLACE_TYPES and \
            head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        return True  # "Bolivia's top union leader": the union's leader, not the country's
    return root.ent_type_ in _PLACE_TYPES and root.dep_ == "pobj" and root.head.lower_ in ("of", "for") \
        and root.head.head.i == head.i and head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS


def _home_of(root: Token, head: Token) -> bool:
    """Whether a place set off by commas after a name the tagger did not take for a person says where
    the person lives ("Vance, 57, of Fresno, Calif., said"): the person acted."""
    while root.dep_ in ("appos", "conj", "npadvmod") and root.head.i != root.i and root.head.ent_type_ in _PLACE_TYPES:
        root = root.head  # ("of Fresno, Calif.")
    p = root.head
    return root.ent_type_ in _PLACE_TYPES and root.dep_ == "pobj" and p.lower_ == "of" and p.head.i == head.i \
        and head.pos_ == "PROPN" and not head.ent_type_ and p.i > 0 and root.doc[p.i - 1].text == ","


def _joint_of(tok: Token, head: Token) -> bool:
    """Whether ``tok`` is one of two names joined by a hyphen that modify ``head`` through a chain of
    compounds: "A House-Senate conference committee agreed" (the joint committee acted, neither
    chamber; the line names the committee)."""
    doc = tok.doc
    i = tok.i
    joined = (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
              and _named(doc[i + 2])) or (i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
                                          and not doc[i - 1].whitespace_ and _named(doc[i - 2]))
    if not joined or head.pos_ != "NOUN" or head.lemma_.lower() not in GROUP_NOUNS:
        return False
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _named(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG")


def _owner_of_thing(root: Token, toks: set[int]) -> bool:
    """Whether a place named as the possessor of a thing that cannot act only says whose it is:
    "Henry County's unemployment rate went down" (the rate went down, the county did nothing)."""
    return root.dep_ == "poss" and root.ent_type_ in _PLACE_TYPES and root.head.pos_ == "NOUN" \
        and root.head.i not in toks and not _someone(root.head)


_MONTHS = frozenset(max((n for n, j in MONTHS.items() if j == i), key=len) for i in set(MONTHS.values()))  # full names


def _time_word(tok: Token) -> bool:
    """A day or time read as a subject ("Tuesday charged ...", "March brought rain"): it never acts (a
    month's name that says something is a surname: "Fire Chief Tom January said")."""
    return tok.ent_type_ in ("DATE", "TIME") and not (tok.lower_ in _MONTHS and tok.head.lemma_.lower() in REPORTING)


def _dated_word(tok: Token) -> bool:
    """A day or month split off as an object of its own ("carried out the September 11 attacks": the
    parse makes both "September" and "attacks" objects); the line names the other one."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in MONTHS


def _not_a_happening(tok: Token) -> bool:
    """A detected trigger that tells no happening: an imperative ("Read the latest updates", "Click
    here": a request to the reader or listener, nothing done), or an event noun naming the body that
    runs the event ("the Cruz campaign said", "the campaign's manager", "a spokesman for the campaign"), or
    the "according" of "according to" (a source named, nothing done), or a word of a wire headline in
    capitals ("U.K. GILT MARKET TURNOVER EASES IN FEBRUARY"), which the parser reads as nouns and names
    and whose news the lead tells again."""
    if _shouted(tok):
        return True
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    if tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children):
        first = next((t for t in tok.sent if not t.is_punct and t.lower_ != "please"), None)
        if first is not None and first.i == tok.i:
            return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ == "TIME":
        return True  # a word of a clock time ("shortly after 9 p.m. Thursday"): when, not what
    doc = tok.doc
    if tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_ \
            and doc[tok.i + 2].pos_ in ("ADP", "PART") and tok.dep_ in ("amod", "compound", "nmod") \
            and tok.head.i > tok.i + 2:
        return True  # the first word of a hyphened modifier ("a drive-by shooting"): the noun is the happening
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in BODY_NOUNS:
        h = tok.head
        if tok.dep_ == "poss":
            return True
        if tok.dep_ == "nsubj" and h.pos_ in ("VERB", "AUX") and h.lemma_.lower() not in ASPECTUAL | {"be"}:
            return True
        if tok.dep_ == "pobj" and h.lower_ in ("for", "with") and h.head.pos_ == "NOUN" and (
                h.head.lemma_.lower() in ROLE_NOUNS | PERSON_NOUNS | AGENT_NOUNS):
            return True
    return False


def _shouted(tok: Token) -> bool:
    """Whether a word stands in a run of capitals: it and the two words on either side of it in its
    sentence (those that have them) are written in capitals only."""
    if not tok.text.isupper():
        return False  # (most words: no need to read the sentence)
    words = [t for t in tok.sent if any(ch.isalpha() for ch in t.text)]
    at = next((k for k, t in enumerate(words) if t.i == tok.i), None)
    if at is None:
        return False
    near = words[max(0, at - 2): at + 3]
    return len(near) >= 3 and all(sum(ch.isalpha() for ch in t.text) >= 2 and t.text.isupper() for t in near)


def _pair_named_before(tok: Token, agents: list[tuple[set[int], EntityMention]]) -> list[str]:
    """The two names "the two countries" or "both companies" stand for (events.json ``pair_nouns``):
    the last two of that kind coordinated before it, or the subject and the "with" side of a meeting,
    in its sentence or the one before ("agreements signed between Lebanon and Syria ... as the two
    countries embark": Lebanon and Syria)."""
    kind = PAIR_NOUNS.get(tok.lower_)
    if kind is None or not (any(c.dep_ == "nummod" and c.lower_ == "two" for c in tok.children) and any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children) or any(
            c.dep_ in ("det", "predet") and c.lower_ == "both" for c in tok.children)):
        return []
    doc = tok.doc
    start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    for t in reversed(doc[start: tok.i]):
        other = [c for c in t.children if c.dep_ == "conj" and c.ent_type_ == kind and c.i < tok.i]
        if t.ent_type_ == kind and not other and t.dep_ == "nsubj":
            # or the two sides of a meeting: "Alfonsin met for an hour with Camdessus, and X said the two
            # men discussed ..."
            other = [p for c in t.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < tok.i
                     for p in c.children if p.dep_ == "pobj" and p.ent_type_ == kind] \
                if t.head.pos_ == "VERB" and domain_type(t.head) == "consult" else []
        if t.ent_type_ == kind and other:
            keys = _keys_in({t.i}, agents) + _keys_in({other[0].i}, agents)
            if len(set(keys)) == 2:
                return keys
    return []


def _one_kind(actors: list[str], kinds: dict[str, str]) -> list[str]:
    """Of a person and the bodies named beside them ("GOP nominee Donald Trump", "Microsoft's
    Dustin Childs", "Jenkin, of Millom"), the person acts: the others are affiliations or homes.
    ``kinds``: entity key -> type (of the article's last mention with that key)."""
    if len(actors) > 1 and any(kinds.get(k) == "PERSON" for k in actors):
        return [k for k in actors if kinds.get(k) == "PERSON"]
    return actors


def _unnamed_person_between(doc: Doc, after: int, pron: Token) -> bool:
    """Whether a person named only by a common noun ("the driver", "a neighbor", events.json
    ``unnamed_person_nouns``) is a clause subject after the name a he/she was resolved to, in the
    pronoun's sentence or the one before: the pronoun more likely stands for that person."""
    if pron.lower_ not in ("he", "she", "him", "her") or pron.head.lemma_.lower() in REPORTING:
        return False  # (who "said" is more likely the named speaker)
    other = UNNAMED_FEMALE if pron.lower_ in ("he", "him") else UNNAMED_MALE
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    return any(t.idx >= after and t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and not t.ent_type_
               and t.lemma_.lower() in UNNAMED_PERSONS - other for t in doc[start:pron.i])


def _unnamed_subject_above(pron: Token) -> Token | None:
    """The person named only by a common noun (events.json ``unnamed_person_nouns``, of the pronoun's
    sex) who is the subject of a verb above a he/she in its sentence, the first subject met climbing
    up: the pronoun stands for that person, not for a name met inside the subject's own phrase ("A
    businessman who met Trump in 2013 has been questioned about whether he helped organize a
    meeting"). A named or other subject met first ends the search; a reporting verb's own subject
    is more likely named elsewhere."""
    if pron.lower_ not in ("he", "she") or pron.head.lemma_.lower() in REPORTING:
        return None
    other = UNNAMED_FEMALE if pron.lower_ == "he" else UNNAMED_MALE
    v = pron.head
    while v.head.i != v.i:
        v = v.head
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or v.pos_ not in ("VERB", "AUX"):
            continue
        if subj.tag_ == "NN" and not subj.ent_type_ and subj.lemma_.lower() in UNNAMED_PERSONS - other and \
                not any(t.ent_type_ == "PERSON" for t in subj.subtree if t.dep_ in ("appos", "compound")):
            return subj
        return None
    return None


def _reporter_of(pron: Token) -> Token | None:
    """Who an "it" or "they" subject of what a report says stands for: the reporting verb's own subject,
    a noun or name of the same number ("The U.K. also reports that it has stockpiled", "the companies
    said they wanted to expand"), not a pronoun (the resolver's) nor a person ("he" and "she" are)."""
    low = pron.lower_
    h = pron.head
    top = h
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "said that it filed a countersuit ... and that it denied all allegations"
    if low not in ("it", "they") or pron.dep_ not in ("nsubj", "nsubjpass") or top.dep_ != "ccomp":
        return None
    copula = h.lemma_.lower() == "be" or h.lower_ in ("'s", "\u2019s")
    if low == "it" and (h.lemma_.lower() in EXPLETIVE_HEADS | {"cost"} or copula) and (
            copula or h.lemma_.lower() in ("cost", "take") or any(
            c.dep_ in ("ccomp", "xcomp", "csubj", "acomp") for c in h.children)):
        return None  # (an expletive: "VW says that it's enough to give ...", "it will cost $58 million to clean")
    say = top.head
    if say.lemma_.lower() not in REPORTING or say.pos_ != "VERB":
        return None
    subj = max((c for c in say.children if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ == "PERSON" or _time_word(subj) \
            or not subj.i < say.i < pron.i or _credit(subj) or is_dateline(subj.doc.text, subj.idx, subj.idx + len(subj)):
        return None  # (not "'It's untrue,' Hightower said": the quotation's "it" is not its speaker)
    # (a company's name in the plural is one company: "Shamrock Holdings said it submitted", "Delta Air Lines")
    plural = subj.tag_ in ("NNS", "NNPS") and subj.ent_type_ != "ORG" or any(c.dep_ == "conj" for c in subj.children)
    if low == "it" and (plural or subj.pos_ == "NOUN" and not _someone(subj)):
        return None  # ("the report says it ...": a document's "it" is the resolver's)
    if low == "they" and not ((plural or subj.lemma_.lower() in GROUP_NOUNS) and _someone(subj)
                              or subj.ent_type_ in ("NORP", "ORG")):
        return None  # ("Images of bullet casings indicate that they used live ammunition")
    return subj


def _unnamed_person_before(doc: Doc, pron: Token) -> Token | None:
    """The person named only by a common noun (events.json ``unnamed_person_nouns``, of the pronoun's
    sex) who is the last clause subject before a he/she in its sentence or the one before, when the
    pronoun stands for no name: "the 43-year-old man had suffered ... by the time he visited his doctor"
    (the line shows "man"); for "they", the last clause subject when it is a plural noun of people."""
    if pron.lower_ not in ("he", "she", "they"):
        return None
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start

    def finite(t: Token) -> bool:  # (not "she'd seen the elderly woman walking ..., she didn't see her")
        return not (t.head.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in t.head.children))

    subjects = [t for t in reversed(doc[start:pron.i]) if t.dep_ in ("nsubj", "nsubjpass") and finite(t)]
    if pron.lower_ == "they":
        # "Palestinian officials say they plan to hold events": the people the last plural subject names
        # (a group's name would have been found by the resolver)
        t = subjects[0] if subjects else None
        return t if t is not None and t.tag_ == "NNS" and t.pos_ == "NOUN" and not t.ent_type_ and _someone(t) else None
    other = UNNAMED_FEMALE if pron.lower_ == "he" else UNNAMED_MALE
    return next((t for t in subjects if t.tag_ == "NN" and not t.ent_type_ and t.lemma_.lower() in UNNAMED_PERSONS - other),
                None)


def _resolver(doc: Doc, names: list[tuple[int, int, str]], quoted: list[tuple[int, int, int, int]]):
    from .coref import Resolver

    r = Resolver(doc, doc.text, names)
    r.quoted = quoted
    return r


_NARRATIVE_CLASSES = frozenset({"OCCURRENCE", "ASPECTUAL", "I_ACTION", "PERCEPTION", "REPORTING"})
# how far before the report a time may lie and still be the time of its news: the report's day and the
# three before it (session 10: 14 days let a recap of the week's background, "the Sunday before the
# election" in a report six days later, date the deeds after it: 3 of 3 such dates were wrong in the
# hand-judged sample 18; the SemEval trial timelines read 0.639 at 3, 4, 7 and 14 days, 0.625 at 2)
_NEWS_DAYS = 3


def _recent(t: Timex, dct: str | None) -> bool:
    """A day at most ``_NEWS_DAYS`` before the report's (the time of its news, not of its background)."""
    from datetime import date as _date

    if not dct:
        return False
    try:
        return 0 <= (_date.fromisoformat(dct[:10]) - _date.fromisoformat(t.value[:10])).days <= _NEWS_DAYS
    except ValueError:
        return False


def _own_time(doc: Doc, timexes: list[Timex], char2tok: dict[int, int], dct: str | None = None) -> set[int]:
    """Tokens with a time of their own, dated or not: those a time expression of any kind hangs from
    ("for years"), every token of a sentence with a date or time in it (not one still ahead of the
    report, which no past deed can have: "urged the government not to relax efforts ... in a 1990
    fiscal reform package"), what an adverb of another
    time qualifies ("which earlier won", events.json ``other_time_adverbs``), and relative clauses
    (a participant's background: "Zhang, who was accused of ...", "the 2001 attacks, which killed five")."""
    out = set()
    for t in timexes:
        toks = {char2tok[k] for k in range(t.start, t.end) if k in char2tok}
        govs = set()
        for i in toks:
            head = doc[i].head
            if head.i not in toks:
                govs.add(head.head.i if head.pos_ == "ADP" else head.i)  # "for years": the verb "for" hangs from
        out |= govs
        if toks and t.type in ("DATE", "TIME") and not _after_publication(t.value, dct) and not (
                govs and all(doc[g].pos_ in ("VERB", "AUX") and g not in toks for g in govs)):
            # a sentence with a time of its own: the parse gave it to another phrase of it ("blocked
            # protesters from the plaza on Sunday"), not when a verb of its own holds it ("said the
            # country made striking gains in 1986, but warned": the gains' year, not the warning's)
            sent = doc[min(toks)].sent
            out.update(range(sent.start, sent.end))
    for tok in doc:  # "which earlier won", "had once led", "then moved": a time other than the narrative's
        if tok.dep_ == "advmod" and tok.lower_ in OTHER_TIME_ADVERBS:
            out.add(tok.head.i)
        elif tok.dep_ in ("relcl", "acl"):
            out.add(tok.i)
    return out


def _dateline_time(text: str, timexes: list[Timex]) -> Timex | None:
    """The date of a dateline opening the report or one of its first paragraphs ("WASHINGTON, March 2
    - ", ``clean.meta.paragraph_datelines``): the day the report was written, which its lead tells the news of."""
    for start, m in paragraph_datelines(text, 400):  # under a title, too
        if m.group("date") is not None:
            a, b = start + m.start("date"), start + m.end("date")
            return next((t for t in timexes if t.start < b and a < t.end and t.type == "DATE"), None)
    return None


def _narrative_times(out: list[EventMention], quotes: list[Quote], dct: str | None,
                     own_time: set[int], char2tok: dict[int, int],
                     dateline: Timex | None = None, reported: frozenset[int] = frozenset(),
                     told_after: frozenset[int] = frozenset()) -> list[EventMention]:
    """The reference time a narrative carries (Reichenbach's R): once a sentence dates a deed it
    tells in the simple past ("Yesterday, Jobs unveiled iPhone 4"), the deeds later sentences tell
    in the simple past with no time of their own ("He demoed the gyroscope") happened then, until
    another time is given (``date_from="narrative"``). Only the time of the article's news sets it
    (at most ``_NEWS_DAYS`` before the report, or a weekday of an undated report); a background time
    ("In 2007, ...") ends it. A report ("Jobs said", events.json ``reporting``) never takes it: when a
    statement was made the text seldom says (on hand-judged news, the narrative's time was right for
    4 of 11 reports, against 19 of 29 deeds); a dated article dates it by its own day. Not inside
    direct quotations (the speaker's own time), not what is planned, possible or denied, not states,
    not with a time of its own (``_own_time``), not in the sentence that set the time (the parse
    dates what that sentence dates). A dated dateline opening the report sets it first: the lead
    tells the news of the day the report was written (a judge's reading of wire news, samples 20-23)."""
    quoted = [(q.start, q.end) for q in quotes if q.direct]
    ref: tuple[Timex, int] | None = None  # the time, and the sentence (its start) that set it
    if dateline is not None and _recent(dateline, dct):
        # a dated dateline sets it for the lead: "WASHINGTON, March 2 - The department approved ..."
        ref = (dateline, -1)
    res = []
    for m in out:
        pos = m.trigger_start if m.trigger_start is not None else m.start
        simple_past = m.tense == "PAST" and m.aspect == "NONE" and m.modality == "asserted" and \
            m.event_class in _NARRATIVE_CLASSES and not any(a <= pos < b for a, b in quoted)
        if m.date is not None and m.date_from in ("sentence", "relative") and simple_past and \
                not m.date.estimated and (not dct or m.date.value[:10] <= dct[:10]):
            # a time of the last days (or a weekday of an undated report) is the news's; an older one
            # is background, and no later deed takes it
            ref = (m.date, m.start) if _recent(m.date, dct) or m.date.value.startswith("XXXX-WXX") else None
        elif simple_past and ref is not None and ref[1] != m.start and char2tok.get(pos) not in own_time and \
                m.date is None and m.event_class != "REPORTING" and m.lemma not in REPORTING and \
                char2tok.get(pos) not in (reported if ref[1] == -1 else told_after):
            # (the news's day is not the day of a deed told in someone's words: "LONDON, April 13 -
            # The company said it reached an agreement", "The exchange approved the rule, officials
            # said" leave it open; after a sentence's time, so does a report before its clause,
            # "Yesterday the bank raised its rate. It also said Norrell agreed not to buy shares",
            # while a clause before its report is the narrative's deed, credited: "Crews shut the
            # road, Swink said")
            m = replace(m, date=_day_of(ref[0]), date_from="narrative")
        res.append(m)
    return res


_QUOTE_MARKS = re.compile(r'["\u201c\u201d]')


def _quoted_words(q: Quote, text: str) -> list[tuple[int, int]]:
    """The spans a quotation gives in its speaker's own words: all of a quotation its marks open, or
    of a partial quotation ('he held "frank" discussions') only what its marks enclose (the rest is
    the reporter's; a mark left open runs to the quotation's end)."""
    before = text[:q.start].rstrip()
    marks = [m.start() for m in _QUOTE_MARKS.finditer(q.text)]
    if not marks or (before and _QUOTE_MARKS.match(before[-1])):
        return [(q.start, q.end)]
    ends = marks[1::2] + ([len(q.text)] if len(marks) % 2 else [])
    return [(q.start + a + 1, q.start + b) for a, b in zip(marks[::2], ends)]


def extract_events(doc: Doc, entities: list[EntityMention], timexes: list[Timex],
                   figures: list[Figure], dct: str | None, quotes: list[Quote] | None = None) -> list[EventMention]:
    """Every event mention of ``doc`` (TimeML sense), in text order. ``quotes`` (the quote layer's):
    a pronoun inside a direct quotation resolves knowing its speaker ("I" is the speaker, "she" not)."""
    from .coref import Resolver

    text = doc.text  # (spaCy builds it anew on every read)
    quoted = sorted((a, b, q.speaker_start, q.speaker_end) for q in quotes or ()
                    if q.direct and q.speaker_start is not None and q.speaker_end is not None
                    for a, b in _quoted_words(q, text))

    char2tok: dict[int, int] = {}
    for t in doc:
        for k in range(t.idx, t.idx + len(t.text)):
            char2tok[k] = t.i
    ents = []
    for e in entities:
        toks = {char2tok[k] for k in range(e.start, e.end) if k in char2tok}
        ents.append((toks, e))
    found = detect(doc)
    if not found:
        return []
    names = [(e.start, e.end, e.type) for e in entities]
    # the datelines' spans (each match ends on the report's first letter)
    datelines = [(off + m.start("place"), off + m.end() - 1) for off, m in paragraph_datelines(text)]
    agents = [(toks, e) for toks, e in ents if _is_name(doc, toks, text, datelines)]
    event_toks = {i for i, _ in found}
    kinds = {e.key: e.type for _, e in ents}
    memo: dict[int, str] = {}
    dated = _timex_events(doc, timexes, char2tok, event_toks, memo, dct)
    periods = _periods(doc, timexes, char2tok)
    fig_tok = [(char2tok.get(f.start), i) for i, f in enumerate(figures)]
    resolver: Resolver | None = None
    classes = dict(found)
    told = {k: _told_by(doc[k]) for k in dated}
    # a bare weekday or month of a plan its own words make ("would meet on Thursday", "the next meeting
    # in June"; not a complement's, whose time may be its governor's: "threatened to quit Thursday")
    # lies ahead of the report; a past deed's, behind it
    dated = {k: _bare_on_side(v, dct, ahead=True) if _own_modality(doc[k]) == "planned" or (
                 doc[k].dep_ == "advcl" and doc[k].tag_ == "VBG" and modality(doc[k], memo) == "planned") else
             _weekday_by_tense(v, tense_aspect(told[k])[0], classes[k], modality(told[k], memo), dct)
             for k, v in dated.items()}
    dated = {k: _weekday_by_order(doc[k], v, dated) for k, v in dated.items()}
    # a crime or accident named by a noun or a bare gerund is done, whatever the verb above it tells:
    # its bare weekday lies behind the report unless its own words plan it ("All five victims of a
    # Wednesday night shooting are expected to survive", told on a Thursday: the day before)
    dated = {k: _bare_on_side(v, dct, ahead=False) if _unplanned_named(doc[k]) else v for k, v in dated.items()}
    # a bare month or weekday that names which occasion a noun is ("an April 5-6 summit meeting", "the
    # third week of talks starting Monday") has no tense of its own: the nearer of its two readings
    # (one no one schedules, "a Wednesday morning shooting", lies behind the report unless its own words
    # tell it as planned: a plan above it is about something else, "victims of a Wednesday night
    # shooting are expected to survive")
    dated = {k: (_bare_on_side(v, dct, ahead=False) if doc[k].lemma_.lower() in UNPLANNED
                 and _own_modality(doc[k]) != "planned" else _bare_nearest(v, dct))
             if _names_occasion(doc[k], v, char2tok) else v for k, v in dated.items()}
    # what the report tells as current (dated by the report's own day when nothing else dates it)
    current = {k for k, c in found if _publication_tense(doc[k], c, *tense_aspect(doc[k]), modality(doc[k], memo))}
    lead = _lead(doc, text, timexes)
    out: list[EventMention] = []
    for i, cls in found:
        trig = doc[i]
        if _not_a_happening(trig):
            continue
        sent = trig.sent
        dtype = domain_type(trig, cls)
        tense, aspect = tense_aspect(trig)
        mood = modality(trig, memo)
        actor_tok, target_toks = _arguments(trig)
        actor_tok = _members(actor_tok)
        actors: list[str] = []
        shown: Token | None = None  # the common noun a pronoun doer stands for, when no name
        party_phrase = ""  # a happening as subject, with its unnamed parties ("talks between employers and unions")
        subj_np: set[int] = set()
        if actor_tok is not None and actor_tok.head.i == trig.i and actor_tok.dep_ in ("nsubj", "nsubjpass") \
                and trig.lemma_.lower() in ASPECTUAL and actor_tok.pos_ == "NOUN" and actor_tok.lemma_.lower() not in DOCUMENT_NOUNS and (
                actor_tok.i in event_toks or actor_tok.lemma_.lower() in EVENT_NOUNS):
            # a happening as the subject of its start or end ("the Fox News debate started", "the
            # filibuster ended"): who did it, if the noun names them ("Cruz's filibuster", "the
            # talks by X"), no name beside it (a message noun, "the release said", stands for its issuer)
            subj_np = {t.i for t in actor_tok.subtree}
            own = _arguments(actor_tok)[0]
            if own is not None and own.head.i != actor_tok.i and own.head.head.i != actor_tok.i and not (
                    (rp := _reporting_party(actor_tok)) is not None and rp.i == own.i):
                own = None  # (not who "announced the restoration" for "the restoration ... helps"; but
                # "the union said talks with Ford broke down": the union)
            actors = _keys_in(_core(own), agents, _AGENT_TYPES) if own is not None else []
            if actor_tok.i != trig.i:
                # the line names the happening with its parties ("talks between employers and unions
                # broke down", "talks with the state government broke down"; not "Ford broke down")
                party = next((c for c in actor_tok.children if c.dep_ == "prep" and c.i > actor_tok.i
                              and c.lower_ in PARTY_PREPS | {"with"}), None)
                obj = next((c for c in party.children if c.dep_ == "pobj"), None) if party is not None else None
                if obj is not None:  # the parties without what describes them ("... in the engineering industry")
                    end = max([obj.i] + [c.i for c in obj.conjuncts])
                    if end - actor_tok.i <= 8:
                        party_phrase = doc[actor_tok.i: end + 1].text
        elif actor_tok is not None and actor_tok.i != trig.i and actor_tok.pos_ == "NOUN" and (
                actor_tok.lemma_.lower() in NAMED_BEFORE and _named_happening(actor_tok) != actor_tok.text
                or tells_taking_place(trig)):
            # "The Marksville shooting killed a 6-year-old boy": the name says where or whom, the doer is
            # the happening's own (none here), and the line names the happening with its name; so for a
            # happening that took place ("the shooting of Stacy happened": no one did the happening)
            subj_np = {t.i for t in actor_tok.subtree}
            own = _arguments(actor_tok)[0]
            actors = _keys_in(_core(own), agents, _AGENT_TYPES) if own is not None else []
        elif actor_tok is not None:
            subj_np = {t.i for t in actor_tok.subtree} if actor_tok.i != trig.i else {actor_tok.i}
            actors = _keys_in(_core(actor_tok), agents, _AGENT_TYPES)
            named_as = _identified_as(actor_tok) if not actors and actor_tok.pos_ == "NOUN" else None
            if named_as is not None:  # "the suspect, identified as Marcus Brown, 22, fled"
                actors = _keys_in(_core(named_as), agents, ("PERSON",))
            if not actors and actor_tok.lemma_.lower() in ROLE_NOUNS | PERPETRATOR_NOUNS and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in actor_tok.children):
                # "the Democratic presidential candidate": the person the article names so, before
                # the party or country that qualifies the office
                resolver = resolver or _resolver(doc, names, quoted)
                _name, span, _local = resolver.resolve(actor_tok, strict=True)
                if span is not None and span != _local:
                    actors = _keys_in({char2tok[k] for k in range(*span) if k in char2tok}, agents, ("PERSON",))
                one_person = actor_tok.tag_ == "NN"  # "the GOP presidential candidate": a person, not the party
            else:
                one_person = False
            if not one_person and not actors:
                # (not the one a relation names the doer by: "Trump's eldest son met", "a rival of Smith")
                related_to = {t.i for c in actor_tok.children if c.dep_ in ("poss", "prep", "compound")
                              for t in c.subtree} if actor_tok.lemma_.lower() in RELATIONAL else set()
                actors = [k for k in _keys_in(_np_tokens(actor_tok) - related_to, agents, _AGENT_TYPES)
                          if not _qualifies_noun(doc, k, agents, actor_tok)]
            if not actors and actor_tok.lower_ in ("two", "both", "pair", "duo") and (actor_tok.lower_ == "both" or any(
                    c.dep_ == "det" and c.lower_ == "the" for c in actor_tok.children)):
                # "The two discussed the race", "Both said": the pair named as a subject just before
                resolver = resolver or _resolver(doc, names, quoted)
                pair = resolver.pair_before(actor_tok)
                if pair is not None:
                    actors = _keys_in({t.i for t in pair}, agents, _AGENT_TYPES)
            if not actors and actor_tok.tag_ == "NNS":
                actors = _pair_named_before(actor_tok, agents)  # "the two countries embark"
            reporter = _reporter_of(actor_tok) if not actors else None
            if reporter is not None:  # "The U.K. also reports that it has stockpiled ...": the U.K.
                actors = _keys_in({reporter.i}, agents, _AGENT_TYPES) if reporter.ent_type_ else []
                if not actors and reporter.pos_ == "NOUN":
                    shown = reporter
                    resolver = resolver or _resolver(doc, names, quoted)
                    _name, span, _local = resolver.resolve(reporter, strict=True)
                    if span is not None and span != _local:  # "the council says it ...": the council named before
                        actors = _keys_in({char2tok[k] for k in range(*span) if k in char2tok}, agents, _AGENT_TYPES)
            if not actors and shown is None and not one_person and actor_tok.pos_ in ("PRON", "NOUN"):
                resolver = resolver or _resolver(doc, names, quoted)
                _name, span, _local = resolver.resolve(actor_tok, strict=True, co_args=True)
                if span is not None and actor_tok.pos_ == "PRON":
                    got = _keys_in({char2tok[k] for k in range(*span) if k in char2tok}, agents, _AGENT_TYPES)
                    last = max([e.end for _, e in ents if e.key in got and e.end <= actor_tok.idx] + [span[1]])
                    if _unnamed_person_between(doc, last, actor_tok):
                        span = None  # "Ellis said the driver told police she didn't see her": she is the driver
                    elif _unnamed_subject_above(actor_tok) is not None:
                        span = None  # "A businessman who met Trump was asked whether he helped": the businessman
                    elif (teller := _teller_after(actor_tok)) is not None and (set(got) & set(
                            _keys_in({t.i for t in teller.subtree}, agents, _AGENT_TYPES)) or text[span[0]:span[1]].split()[-1]
                            == teller.text):
                        span = None  # "he went to the bathroom and started shooting, LaMarca tweeted": not LaMarca
                if span is not None and actor_tok.pos_ == "PRON" or (span is not None and span != _local):
                    actors = _keys_in({char2tok[k] for k in range(*span) if k in char2tok}, agents, _AGENT_TYPES)
                if not actors and actor_tok.pos_ == "PRON":
                    shown = _unnamed_person_before(doc, actor_tok)  # "the 43-year-old man ... he visited"
        elif trig.tag_ in ("VBD", "VBZ", "VBP") and trig.dep_ in _CLAUSE_HEADS and _headline_passive(trig) is None:
            # a finite verb with a mis-parsed subject: the name right before it, past dates and
            # adverbials ("..., the rebels on June 3 freed")
            k = trig.i - 1
            while k >= sent.start and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].pos_ in (
                    "ADP", "ADV", "AUX", "PART") or doc[k].like_num):
                k -= 1
            if k >= sent.start:
                actors = _keys_in({k}, agents, _AGENT_TYPES)
                subj_np = {k}
        made = _made_thing(actor_tok) if actors and actor_tok is not None and actor_tok.dep_ in (
            "nsubj", "nsubjpass") else None
        if made is not None:  # the maker, owner or operator of the thing that did it did nothing
            actors = [k for k in actors if not any(toks <= set(range(made.start, made.end)) for toks, e in agents
                                                   if e.key == k)]
        actors = _one_kind(actors, kinds)
        targets: list[str] = []
        for o in target_toks:
            via_prep = o.dep_ == "pobj" and o.head.lower_ in ("to", "from", "in")
            if o.lemma_.lower() in RELATIONAL and o.pos_ == "NOUN":
                # "accused Bryson's 11-year-old son": the son, not Bryson (as for the doer: "Trump's son met")
                related = {t.i for c in o.children if c.dep_ in ("poss", "prep", "compound") for t in c.subtree}
                keys = _keys_in(_np_tokens(o) - related, ents, _ACTOR_TYPES)
            else:
                keys = _keys_in(_core(o), ents, _ACTOR_TYPES) or _keys_in(_np_tokens(o), ents, _ACTOR_TYPES)
            if o.pos_ == "NOUN" and o.tag_ == "NN" and _person_noun(o) and not any(
                    e.type == "PERSON" for _, e in ents if e.key in keys):
                # "charged the Toledo man": the person named so before (coref), never the place he is from
                resolver = resolver or _resolver(doc, names, quoted)
                _name, span, _local = resolver.resolve(o, strict=True)
                keys = _keys_in({char2tok[k] for k in range(*span) if k in char2tok}, ents, ("PERSON",)) \
                    if span is not None and span != _local else []
            for k in keys:
                e_types = {e.type for _, e in ents if e.key == k}
                if via_prep and e_types <= set(_PLACE_TYPES):
                    continue  # a destination or origin is a place, not a target
                if k not in targets and k not in actors:
                    targets.append(k)
        clause = _clause_tokens(trig)
        places: list[str] = []
        place_prep = ""  # the first place's own preposition ("from Paris", "in Kabul"), for the line
        for toks, e in ents:
            if e.type in _PLACE_TYPES and toks & clause and not toks & subj_np and \
                    e.key not in actors and e.key not in targets and e.key not in places:
                root = doc[max(toks)] if toks else None
                if root is not None and root.dep_ in ("compound", "nmod", "amod", "poss"):
                    continue
                if root is not None and not _placed_by(root, trig):
                    continue
                if not places and root is not None and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
                    place_prep = root.head.lower_
                places.append(e.key)
        fig_idx = [j for t, j in fig_tok if t is not None and t in clause and t != trig.i]
        # time
        date, date_from = None, None
        related = _related_dated(trig, dated, dct)
        if related is None and i not in dated and trig.dep_ == "conj" and trig.pos_ == "VERB" and \
                trig.head.i != trig.i and trig.head.i not in dated and tense == tense_aspect(trig.head)[0] and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
            # (in one tense: not "began raising its stake in July, and holds 14.6%")
            # "In an operation on Nov. 16, police arrested four men and found two guns": the second of
            # two deeds of one subject shares the first's occasion
            related = _related_dated(trig.head, dated, dct)
        if related is None and i not in dated and trig.pos_ == "VERB" and not any(
                c.dep_ in ("dobj", "prep", "npadvmod", "advmod") and c.lower_ != "according"
                for c in trig.children if c.i > trig.i):  # (an "according to" source is no object or time)
            # "U.S. warships attacked and destroyed an oil platform on Monday": a verb whose object and
            # time follow the verb joined right after it shares that verb's time
            nxt = next((c for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i in dated
                        and all(doc[k].pos_ in ("CCONJ", "ADV", "PUNCT") for k in range(i + 1, c.i))), None)
            if nxt is not None and (tense == tense_aspect(nxt)[0] or nxt.tag_ == "VBN" and _passive(trig) and not any(
                    c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in nxt.children)):
                # (a passive's second participle shares its auxiliary: "was shot and killed early Sunday")
                related = dated[nxt.i]
        if related is None and i not in dated and trig.tag_ == "VBD":
            # "A gunman shot two brothers, killing one of them Sunday night": a deed and the participles
            # that go on from it in one breath (not what it brought about later: events.json
            # result_gerunds) share their time
            goes_on = [c for c in trig.children if c.dep_ == "advcl" and c.tag_ == "VBG" and
                       not any(x.dep_ in ("nsubj", "mark") for x in c.children)]
            goes_on += [x for c in goes_on for x in c.conjuncts if x.tag_ == "VBG"]
            related = next((dated[c.i] for c in goes_on if c.i in dated and c.lemma_.lower() not in RESULT_GERUNDS
                            and dated[c.i].value[:4].isdigit()
                            and not _after_publication(dated[c.i].value, dct)), None)
        if i in dated and tense == "PAST" and mood == "asserted" and _bare_clock(dated[i]) \
                and _after_publication(dated[i].value, dct):
            # "Roberts and Bumphus met up around 9 p.m." after "An autopsy has been scheduled for
            # Saturday": a clock time with no day takes the tagger's last day named, here a plan's; a
            # deed done is on the last day before it that dates a happening of the report, else undated
            day = next((dated[k].value[:10] for k in sorted(dated, reverse=True) if k < i and _DAY.fullmatch(
                dated[k].value[:10]) and not _after_publication(dated[k].value, dct)), None)
            if day is None:
                dated.pop(i)
            else:
                dated[i] = replace(dated[i], value=day + dated[i].value[10:])
        if related is None and i not in dated and trig.tag_ == "VBN" and _passive(trig):
            # "A man was killed and an officer was injured in an officer-involved shooting Saturday night":
            # two passives joined, the second's happening is the first's too
            related = next((dated[n.i] for c in trig.children if c.dep_ == "conj" and c.tag_ == "VBN" and _passive(c)
                            for pp in c.children if pp.dep_ == "prep" and pp.lower_ in ("in", "during")
                            for n in pp.children if n.dep_ == "pobj" and n.lemma_.lower() in UNPLANNED
                            and n.i in dated), None)
        part = trig.head if trig.dep_ == "conj" and trig.tag_ == "VBG" and trig.head.tag_ == "VBG" else trig
        if related is None and i not in dated and part.dep_ == "advcl" and part.tag_ == "VBG" \
                and part.lemma_.lower() not in RESULT_GERUNDS and part.head.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in part.children):
            # "began shooting early Thursday morning, killing a woman and injuring three": a participle
            # goes on from the deed it hangs on, on its day (the day of that deed's own complement, the
            # parser's place for it)
            related = next((dated[x.i] for x in [part.head, *(c for c in part.head.children if c.dep_ == "xcomp")]
                            if x.i in dated and x.i < part.i), None)
        if related is None and i not in dated and (deed := _deed_before_participle(trig)) is not None \
                and deed.i in dated:
            related = dated[deed.i]  # "a gunman who fired into a parked car on Tuesday, killing a boy"
        head_day = dated.get(trig.head.i) if trig.dep_ == "conj" and trig.head.i != i else None
        if i in dated and head_day is not None and tense == "PAST" and mood == "asserted" and \
                _after_publication(dated[i].value, dct) and not _after_publication(head_day.value, dct):
            # "called himself a fiscal conservative on Sunday and urged budget restraint in 2018": a
            # deed told as done, joined to one dated by the report's time, shares its day; the later
            # time is what was urged for
            date, date_from = head_day, "related-event"
        elif i in dated and not _done_before(dated[i], trig, tense, aspect, mood, dct):
            date, date_from = dated[i], "sentence"
        elif related is not None:
            # (a clock time names the moment of the deed it governs; another deed of the same occasion
            # shares its day: "picked up the boy at about 10 a.m., drove to the river and killed him")
            date, date_from = _day_of(related), "related-event"
        else:
            offset = _offset_date(trig, timexes, dct, dated, current) or _after_dated(trig, timexes, dated)
            if offset:
                date, date_from = offset, "relative"
            elif _offset_host(trig, timexes) is not None:
                pass  # counted from a happening the sentence does not date: no date (not the report's)
            elif dct and lead is not None and lead.start <= i < lead.end and _lead_deed(trig, cls, tense, aspect, mood):
                # the lead's own simple-past deed with no time of its own is the day's news ("A man shot his
                # neighbour during an argument, police said" over a report of that day)
                date = Timex(start=0, end=0, text="", type="DATE", value=dct[:10])
                date_from = "publication"
            elif dct and (_publication_tense(trig, cls, tense, aspect, mood) or (
                    trig.pos_ == "NOUN" and trig.dep_ == "dobj" and trig.head.lemma_.lower() in LIGHT_VERBS
                    and trig.head.i in current and trig.head.i not in dated)):
                # (a happening named by the object of a light verb told as the report's news is its news
                # too: "Police have made an arrest in the fatal shooting")
                date = Timex(start=0, end=0, text="", type="DATE", value=dct[:10])
                date_from = "publication"
        through = _acts_through(doc, actors[0], agents, actor_tok) if actors and actor_tok is not None else None
        aged = actor_tok is not None and actor_tok.lemma_.lower() == "old" and actor_tok.ent_type_ == "DATE"
        who = party_phrase or (through.text if through is not None else actors[0] if actors else made.text if made is not None else (
            # an age standing for the person: "A 17 year-old pleaded", "by a 17-year-old"
            _summary_object(doc, actor_tok, figures) if aged and actor_tok is not None else
            _named_happening(actor_tok) if actor_tok is not None and (actor_tok.pos_ in (
            "NOUN", "PROPN") or actor_tok.lower_ in UNNAMED_PRONOUNS) and not _time_word(actor_tok) else shown.text if shown is not None else ""))
        dobj = sorted((c for c in trig.children if c.dep_ == "dobj"), key=_dated_word) if trig.pos_ == "VERB" else \
            [o for o in target_toks if o.head.lower_ == "of"]
        if not dobj and trig.pos_ == "VERB" and target_toks and (target_toks[0].dep_ in ("nsubjpass", "relcl") or (
                target_toks[0].dep_ == "nsubj" and trig.lemma_.lower() in ACCUSED_GOV | HEADLINE_PASSIVE | AIMED_PASSIVE)) \
                or (target_toks and target_toks[0].i == trig.head.i and trig.dep_ in ("acl", "relcl")) \
                or (target_toks and trig.dep_ == "conj" and target_toks[0].head.i == trig.head.i
                    and target_toks[0].dep_ in ("nsubj", "nsubjpass") and _passive(trig)) \
                or (target_toks and trig.dep_ == "relcl" and target_toks[0] in trig.head.ancestors):
            # (a relative hung on the place that says where its noun is: _relative_head)
            dobj = target_toks[:1]  # the passive's patient: "the camp was bombed", "Man charged in theft"
        elif not dobj and _object_relative(trig):
            dobj = [trig.head]  # an object relative: "lifted the sanctions it imposed" (imposed sanctions)
        if dobj and _dated_word(dobj[0]):  # "carrying out the July 7, 2005 bombings": July, then its apposition
            dobj = [c for c in dobj[0].children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")][:1] + dobj
        what = _summary_object(doc, dobj[0], figures) if dobj else ""
        if dobj and dobj[0].pos_ == "PRON" and dobj[0].lower_ in _ACCUSATIVE:
            # "He was shot and killed in a drive-by": the line names whom the pronoun stands for, or says "him"
            what = targets[0] if targets and _ent_type(ents, targets[0]) == "PERSON" else _ACCUSATIVE[dobj[0].lower_]
        if not what and targets:
            # a people or place word that only qualifies the target noun ("with Afghan leaders") is
            # shown with that noun, not alone ("with Afghan")
            noun = next((o for o in target_toks if o.pos_ == "NOUN" and targets[0] in _keys_in(
                {c.i for c in o.children if c.dep_ in ("amod", "compound")}, ents, _ACTOR_TYPES)), None)
            what = ("with " if dtype == "consult" and not dobj else "") + (
                _summary_object(doc, noun, figures) if noun is not None else targets[0])
        summary = _summary(doc, trig, who, what, places[0] if places else "", mood, dtype, place_prep)
        undergone = (trig.pos_ == "NOUN" and trig.lemma_.lower() in UNDERGOING_NOUNS) or trig.pos_ == "VERB" and (
                trig.lemma_.lower() in UNDERGOING_VERBS or (
                trig.lemma_.lower() in RECEIVING_VERBS and dobj and dobj[0].lemma_.lower() in PENALTY_NOUNS) or any(
                c.lower_ in UNDERGOING_WITH.get(trig.lemma_.lower(), ()) for c in trig.children))
        if undergone:
            # "Nakasone suffered a dent", "Kenser died", "Osborne received 3 years' probation": the subject is
            # the one it befell, no doer (the line keeps it first)
            targets = actors + [k for k in targets if k not in actors]
            actors = []
        out.append(EventMention(start=sent.start_char, end=sent.end_char, text=sent.text, type=dtype,
                                trigger=trig.text, summary=summary, actors=actors, targets=targets,
                                places=places, figures=fig_idx, date=date, date_from=date_from,
                                modality=mood, trigger_start=trig.idx, trigger_end=trig.idx + len(trig.text),
                                event_class=_reporting_class(trig, cls), tense=tense, aspect=aspect,
                                polarity=polarity(trig), lemma=trig.lemma_.lower(),
                                object_lemma=dobj[0].lemma_.lower() if dobj and dobj[0].pos_ == "NOUN" and not (
                                    _someone(dobj[0]) or _person_noun(dobj[0])) else "",
                                measure=_tells_amount(trig), series=_over_period(trig, periods),
                                indefinite=trig.pos_ == "NOUN" and any(
                                    c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in trig.children),
                                doer=who if who and not undergone and summary.startswith(who) and _shows_doer(
                                    trig, actor_tok, actors, kinds) else ""))
    dateline = _dateline_time(text, timexes)
    # what a reporting verb's clause tells ("said it reached an agreement"), or a clause "according to"
    # someone: in someone's words, which the narrative's day does not date (``told_after``: a report
    # before its clause)
    clauses = [(v, c) for v in doc if v.dep_ != "ccomp" and _reports(v) for c in v.children if c.dep_ == "ccomp"]
    told_after = frozenset(t.i for v, c in clauses if c.i > v.i for t in c.subtree)
    reported = frozenset(
        [t.i for _v, c in clauses for t in c.subtree]
        + [t.i for v in doc if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "prep" and c.lower_ == "according"
                                                               for c in v.children) for t in v.subtree]
    )
    return _clock_days(_narrative_times(out, quotes or [], dct, _own_time(doc, timexes, char2tok, dct), char2tok,
                                        dateline, reported, told_after), timexes)


def _clock_days(out: list[EventMention], timexes: list[Timex]) -> list[EventMention]:
    """A clock time with no day of its own ("Police said it happened at about 6:45 p.m.") took its day
    from a time an earlier sentence names ("... shot Thursday night"): the mention says where
    (``day_start``, so the reader checks the day in that sentence); its date still comes from its own
    sentence's time expression. A clock time whose day no sentence names took the report's day."""
    res = []
    for m in out:
        if m.date is not None and m.date_from == "sentence" and _bare_clock(m.date) and _DAY.fullmatch(m.date.value[:10]):
            src = next((t for t in reversed(timexes) if t.end <= m.start and t.value[:10] == m.date.value[:10]
                        and not _bare_clock(t)), None)
            if src is not None:
                m = replace(m, day_start=src.start)
        res.append(m)
    return res
