"""Events: for each sentence that reports something happening, one event with a class from a small
political-event ontology (after PLOVER's classes), its trigger, actors, targets, place, date,
figures and a one-line summary.

Why hand-written: no library here classifies English sentences into political event classes; the
trigger lexicon below is curated from general English (verbs of each PLOVER class as described in
the PLOVER/CAMEO codebooks), not from any sample article. The dependency parse gives the roles:
actors are the entities of the trigger's subject (the ``by`` agent in the passive), targets those
of its objects.

Choices:
* the trigger is the lexicon verb closest to the root of the sentence; a reporting verb ("said",
  "told") is never a trigger, but an event verb in what is reported is ("the State Department says
  Khalilzad has departed to Qatar"); verbs of intent (vow, plan, pledge, ...) hand over to the verb
  they govern ("vowed to release" -> release);
* light verbs with an event noun as object count as that event: "signed a deal", "held talks",
  "launched attacks", "imposed sanctions";
* date: a DATE/TIME timex inside the trigger's clause, else the article's date (``date_from =
  "article"``; that Timex has start = end = 0 and empty text), else None.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.model import EntityMention, EventMention, Figure, Timex

# class -> {lemma: past tense}
LEXICON: dict[str, dict[str, str]] = {
    "agree": {"agree": "agreed", "sign": "signed", "ratify": "ratified", "approve": "approved",
              "accept": "accepted", "settle": "settled", "conclude": "concluded",
              "forge": "forged", "seal": "sealed", "endorse": "endorsed"},
    "consult": {"meet": "met", "visit": "visited", "discuss": "discussed", "negotiate":
                "negotiated", "host": "hosted", "confer": "conferred",
                "consult": "consulted", "travel": "travelled", "fly": "flew", "talks": "held talks",
                "arrive": "arrived", "depart": "departed", "embark": "embarked",
                "mediate": "mediated", "convene": "convened", "gather": "gathered"},
    "request": {"urge": "urged", "ask": "asked", "demand": "demanded", "appeal": "appealed",
                "request": "requested", "seek": "sought", "press": "pressed",
                "plead": "pleaded", "petition": "petitioned", "invite": "invited"},
    "accuse": {"accuse": "accused", "blame": "blamed", "allege": "alleged",
               "criticize": "criticized", "criticise": "criticised", "condemn": "condemned",
               "denounce": "denounced", "charge": "charged", "fault": "faulted"},
    "reject": {"reject": "rejected", "refuse": "refused", "deny": "denied", "dismiss":
               "dismissed", "veto": "vetoed", "rebuff": "rebuffed", "decline": "declined",
               "oppose": "opposed", "boycott": "boycotted"},
    "threaten": {"threaten": "threatened", "warn": "warned", "menace": "menaced"},
    "protest": {"protest": "protested", "demonstrate": "demonstrated", "rally": "rallied",
                "march": "marched", "riot": "rioted"},
    "assault": {"attack": "attacked", "kill": "killed", "bomb": "bombed", "shoot": "shot",
                "wound": "wounded", "injure": "injured", "ambush": "ambushed",
                "invade": "invaded", "raid": "raided", "shell": "shelled", "assassinate":
                "assassinated", "massacre": "massacred", "target": "targeted",
                "kidnap": "kidnapped", "abduct": "abducted", "storm": "stormed",
                "clash": "clashed", "fight": "fought", "behead": "beheaded",
                "torture": "tortured", "destroy": "destroyed", "explode": "exploded"},
    "coerce": {"arrest": "arrested", "detain": "detained", "seize": "seized", "imprison":
               "imprisoned", "jail": "jailed", "deport": "deported", "expel": "expelled",
               "ban": "banned", "sentence": "sentenced", "execute": "executed",
               "confiscate": "confiscated", "censor": "censored", "outlaw": "outlawed"},
    "withdraw": {"withdraw": "withdrew", "retreat": "retreated", "evacuate": "evacuated",
                 "recall": "recalled", "pull": "pulled", "exit": "exited", "leave": "left"},
    "release": {"release": "released", "free": "freed", "swap": "swapped", "pardon":
                "pardoned", "exchange": "exchanged", "repatriate": "repatriated"},
    "support": {"support": "supported", "welcome": "welcomed", "praise": "praised",
                "back": "backed", "hail": "hailed", "applaud": "applauded", "commend":
                "commended", "congratulate": "congratulated", "reconfirm": "reconfirmed",
                "appoint": "appointed", "recognize": "recognized", "recognise": "recognised"},
    "aid": {"aid": "aided", "donate": "donated", "fund": "funded", "supply": "supplied",
            "assist": "assisted"},
    "sanction": {"sanction": "sanctioned", "embargo": "embargoed", "blacklist": "blacklisted",
                 "suspend": "suspended", "freeze": "froze"},
    "investigate": {"investigate": "investigated", "probe": "probed", "inquire": "inquired",
                    "audit": "audited", "examine": "examined"},
    "mobilize": {"deploy": "deployed", "mobilize": "mobilized", "mobilise": "mobilised",
                 "station": "stationed", "reinforce": "reinforced", "dispatch": "dispatched"},
    "cooperate": {"cooperate": "cooperated", "collaborate": "collaborated",
                  "facilitate": "facilitated", "partner": "partnered"},
}
TRIGGERS = {lemma: (cls, past) for cls, verbs in LEXICON.items() for lemma, past in verbs.items()}

# light verb + event noun: "signed an agreement", "held talks", "launched attacks"
EVENT_NOUNS = {
    "deal": "agree", "agreement": "agree", "accord": "agree", "pact": "agree", "treaty": "agree",
    "ceasefire": "agree", "truce": "agree", "talk": "consult", "negotiation": "consult",
    "meeting": "consult", "discussion": "consult", "summit": "consult", "visit": "consult",
    "attack": "assault", "strike": "assault", "raid": "assault", "offensive": "assault",
    "bombing": "assault", "assault": "assault", "operation": "assault", "sanction": "sanction",
    "embargo": "sanction", "protest": "protest", "demonstration": "protest", "rally": "protest",
    "investigation": "investigate", "probe": "investigate", "inquiry": "investigate",
    "aid": "aid", "assistance": "aid", "release": "release", "withdrawal": "withdraw",
    "call": "request", "demand": "request", "appeal": "request", "fund": "aid", "funding": "aid",
    "weapon": "aid", "loan": "aid", "grant": "aid", "troop": "mobilize", "force": "mobilize",
}
LIGHT_VERBS = {"hold": "held", "launch": "launched", "reach": "reached", "strike": "struck",
               "carry": "carried", "conduct": "conducted", "stage": "staged", "impose":
               "imposed", "open": "opened", "begin": "began", "start": "started",
               "forge": "forged", "sign": "signed", "make": "made", "issue": "issued",
               "announce": "announced", "resume": "resumed", "complete": "completed",
               "seal": "sealed", "send": "sent", "order": "ordered", "lift": "lifted",
               "provide": "provided", "give": "gave", "deliver": "delivered"}
REPORTING = {"say", "tell", "add", "note", "state", "report", "announce", "indicate", "claim",
             "write", "tweet", "explain", "insist", "stress", "argue", "suggest", "believe",
             "think", "mention", "declare", "confirm", "reiterate", "know", "hope"}
INTENT = {"vow", "pledge", "promise", "plan", "intend", "decide", "try", "aim", "prepare",
          "begin", "start", "continue", "agree", "seek", "threaten", "refuse", "want", "expect",
          "mean", "set", "hope", "attempt", "move"}
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_NP_DEPS = {"compound", "poss", "nmod", "amod", "conj", "appos", "pobj", "prep"}


def _classify(tok: Token) -> tuple[str, str] | None:
    """(class, past tense) of a verb token, or None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB",):
        return None
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
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS:
                past = LIGHT_VERBS[lemma]
                return EVENT_NOUNS[c.lemma_.lower()], past
        # the passive participle after its noun: "the agreement reached in February"
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in EVENT_NOUNS:
            return EVENT_NOUNS[tok.head.lemma_.lower()], LIGHT_VERBS[lemma]
    if lemma in TRIGGERS:
        return TRIGGERS[lemma]
    return None


_OFFSET = re.compile(r"^P(\d+)([YMWD])$")


def _offset_date(trig: Token, timexes: list[Timex], dct: str | None) -> Timex | None:
    """"X comes a year after the Taliban signed a deal": the signing is a year before the article's
    date. The trigger's clause is marked by after/before with a DURATION timex in front of it."""
    if not dct:
        return None
    mark = next((c for c in trig.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
    if mark is None:
        return None
    lo = min(t.idx for t in mark.subtree if t.i < mark.i) if any(t.i < mark.i for t in mark.subtree) else mark.idx
    dur = next((t for t in timexes if t.type == "DURATION" and lo <= t.start < mark.idx), None)
    m = _OFFSET.match(dur.value) if dur else None
    if not m:
        return None
    from datetime import date as _date, timedelta

    from dateutil.relativedelta import relativedelta

    n, unit = int(m.group(1)), m.group(2)
    step = {"Y": relativedelta(years=n), "M": relativedelta(months=n), "W": timedelta(weeks=n),
            "D": timedelta(days=n)}[unit]
    try:
        ref = _date.fromisoformat(dct[:10])
    except ValueError:
        return None
    day = ref - step if mark.lower_ == "after" else ref + step
    # "a year after" is not to the day: a year or month offset gives the month
    value = day.isoformat()[:7] if unit in ("Y", "M") else day.isoformat()
    return Timex(start=dur.start, end=dur.end, text=dur.text, type="DATE", value=value)


def _triggers(sent: Span) -> list[tuple[Token, str, str]]:
    """The event verbs of a sentence: the one closest to its root, and the one its own date
    attaches to when that is another ("The pact signed ... on February 29 calls for ..." reports
    the signing too)."""
    found = []
    main = _root_trigger(sent)
    if main:
        found.append(main)
    dated = _dated_trigger(sent)
    if dated and (not main or dated[0].i != main[0].i):
        found.append(dated)
    return sorted(found, key=lambda g: g[0].i)


def _dated_trigger(sent: Span) -> tuple[Token, str, str] | None:
    for tok in sent:
        if tok.ent_type_ != "DATE" or tok.ent_iob_ != "B":
            continue
        head = tok.head
        for _ in range(6):  # up from the date to the first event verb that governs it
            if head.pos_ == "VERB" and head.lemma_.lower() not in REPORTING and head.lemma_.lower() not in INTENT:
                got = _classify(head)
                if got:
                    return head, got[0], got[1]
                break
            if head.head is head:
                break
            head = head.head
    return None


def _root_trigger(sent: Span) -> tuple[Token, str, str] | None:
    """The event verb of a sentence closest to its root (breadth-first from the root)."""
    queue = [sent.root]
    seen = set()
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        lemma = tok.lemma_.lower()
        if lemma in INTENT and tok.pos_ == "VERB":
            xs = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if xs and _classify(xs[0]):
                cls, past = _classify(xs[0])
                return xs[0], cls, past
        got = _classify(tok) if lemma not in REPORTING else None
        if got:
            return tok, got[0], got[1]
        kids = sorted(tok.children, key=lambda c: (c.dep_ not in ("ccomp", "xcomp", "conj",
                                                                  "advcl"), c.i))
        queue.extend(k for k in kids if k.dep_ not in ("relcl", "acl", "amod", "compound"))
    return None


_PLANNED_AUX = {"will", "'ll", "shall", "wo"}
_POSSIBLE_AUX = {"would", "could", "may", "might", "should", "must", "can", "'d"}


def modality(trig: Token) -> str:
    """Whether the sentence says the event happened, from the trigger's own auxiliaries and
    markers (the parse; no library here labels factuality)."""
    kids = list(trig.children)
    if any(c.dep_ == "neg" for c in kids):
        return "negated"
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "'d"} and not aux & (_POSSIBLE_AUX - {"would", "'d"}) and not any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids) and (
            (trig.dep_ == "ccomp" and trig.head.lemma_.lower() in REPORTING | INTENT and _agent_subject(trig))
            or _has_deadline(trig)):
        # the future seen from the past, as news reports plans: "said he would fly to Qatar",
        # "the US would withdraw all troops by May"; without a report or a deadline "would" is a
        # condition ("would allow armed groups to regroup")
        return "planned"
    if aux & _POSSIBLE_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return "possible"
    if aux & _PLANNED_AUX or "to" in aux or (trig.dep_ == "xcomp" and trig.head.lemma_.lower() in INTENT):
        return "planned"
    if trig.tag_ == "VBG" and trig.dep_ in ("pcomp", "pobj"):  # "aimed at ending"
        return "planned"
    return "asserted"


def _agent_subject(trig: Token) -> bool:
    """The trigger's subject is someone (a name or a personal pronoun), not a happening."""
    return any(c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.lower_ in (
        "he", "she", "they", "we", "i", "it")) for c in trig.children)


def _has_deadline(trig: Token) -> bool:
    """A date the trigger is due by: "by May", "before the end of the year", "within 14 months"."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "before", "within", "until") and any(
        t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in trig.children)


def _np_tokens(head: Token) -> set[int]:
    """The head of a noun phrase with its name-bearing modifiers (not clauses)."""
    out = {head.i}
    for c in head.children:
        if c.dep_ in _NP_DEPS and not (c.dep_ == "prep" and c.lower_ not in ("of",)):
            out |= _np_tokens(c)
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


def _summary_object(doc: Doc, obj: Token, figures: list[Figure]) -> str:
    toks = sorted(t for t in _np_tokens(obj) if doc[t].dep_ not in ("prep",) or doc[t].lower_ == "of")
    left = min([t.i for t in obj.lefts if t.dep_ in ("nummod", "amod", "compound", "quantmod",
                                                     "nmod", "poss")] + [obj.i])
    span = doc[left: obj.i + 1]
    text = span.text
    if doc[left].lower_ in ("the", "a", "an"):
        text = doc[left + 1: obj.i + 1].text
    return text


def extract_events(doc: Doc, entities: list[EntityMention], timexes: list[Timex],
                   figures: list[Figure], dct: str | None) -> list[EventMention]:
    """The events of each sentence of ``doc`` (its main one, and a dated one beside it), in text order."""
    char2tok = {}
    for t in doc:
        for k in range(t.idx, t.idx + len(t.text)):
            char2tok[k] = t.i
    ents = []
    for e in entities:
        toks = {char2tok[k] for k in range(e.start, e.end) if k in char2tok}
        ents.append((toks, e))
    out: list[EventMention] = []
    last_person: str | None = None
    for sent in doc.sents:
        triggers = _triggers(sent) if len(sent) > 3 else []
        sent_persons = [e.key for toks, e in ents if e.type == "PERSON" and
                        sent.start_char <= e.start < sent.end_char]
        if not triggers:
            if sent_persons:
                last_person = sent_persons[-1]
            continue
        for got in triggers:
            trig, cls, past = got
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trig.children) or (
                trig.tag_ == "VBN" and trig.dep_ == "acl")  # "the pact signed by X and Y"
            # the subject: the trigger's own, else (xcomp, conj) the governing verb's
            v = trig
            subj = None
            while subj is None:
                subs = [c for c in v.children if c.dep_ in ("nsubj",)] if not passive or v is not trig \
                    else []
                if passive and v is trig:
                    agents = [c for c in trig.children if c.dep_ == "agent"]
                    subs = [p for a in agents for p in a.children if p.dep_ == "pobj"]
                if subs:
                    # two subjects is a split apposition ("The US Special Envoy, Zalmay Khalilzad
                    # has embarked"): the named person or organisation is the one acting
                    named = sorted((c for c in subs if c.ent_type_ in ("PERSON", "ORG")),
                                   key=lambda c: c.ent_type_ != "PERSON")
                    subj = named[0] if len(subs) > 1 and named else subs[0]
                elif v.dep_ in ("xcomp", "conj", "advcl") and v.head is not v:
                    v = v.head
                else:
                    break
            actors: list[str] = []
            subj_np: set[int] = set()
            if subj is not None:
                subj_np = {t.i for t in subj.subtree}
                # the entity that is the subject's head, or stands in apposition/coordination to it;
                # else the names modifying it ("a Taliban attack", "the Afghan government")
                core = {subj.i} | {t.i for c in subj.children if c.dep_ in ("appos", "conj")
                                   for t in [c] + [x for x in c.children if x.dep_ == "conj"]}
                core |= {c.i for h in list(core) for c in doc[h].children if c.dep_ == "poss"}
                actors = _keys_in(core, ents, _ACTOR_TYPES) or _keys_in(_np_tokens(subj), ents,
                                                                        _ACTOR_TYPES)
                if not actors and subj.lower_ in ("he", "she") and last_person:
                    actors = [last_person]
            else:
                # a mis-parsed subject: the name right before the trigger, past dates and adverbials
                k = trig.i - 1
                while k >= sent.start and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].pos_ in (
                        "ADP", "ADV", "AUX", "PART") or doc[k].like_num):
                    k -= 1
                if k >= sent.start:
                    actors = _keys_in({k}, ents, _ACTOR_TYPES)
                    subj_np = {k}
            if subj is None and not actors and trig.tag_ in ("VB", "VBG") and \
                    trig.dep_ not in ("ROOT",):
                # a non-finite verb with no one doing it ("to reach an agreement", "targeting ...")
                # reports no event
                if sent_persons:
                    last_person = sent_persons[-1]
                continue
            objs = [c for c in trig.children if c.dep_ in ("dobj", "dative", "attr")]
            if passive:
                objs += [c for c in trig.children if c.dep_ == "nsubjpass"]
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "on", "against", "to", "for", "from"):
                    objs += [p for p in c.children if p.dep_ == "pobj"]
            targets: list[str] = []
            for o in objs:
                via_prep = o.dep_ == "pobj" and o.head.lower_ in ("to", "from", "in")
                for k in _keys_in(_np_tokens(o), ents, _ACTOR_TYPES):
                    e_types = {e.type for _, e in ents if e.key == k}
                    if via_prep and e_types <= set(_PLACE_TYPES):
                        continue  # a destination or origin is a place, not a target
                    if k not in targets and k not in actors:
                        targets.append(k)
            clause = _clause_tokens(trig)
            places: list[str] = []
            for toks, e in ents:
                if e.type in _PLACE_TYPES and toks & clause and not toks & subj_np and \
                        e.key not in actors and \
                        e.key not in targets and e.key not in places:
                    root = doc[max(toks)] if toks else None
                    if root is not None and root.dep_ in ("compound", "nmod", "amod", "poss"):
                        continue
                    if root is not None and not _placed_by(root, trig):
                        continue
                    places.append(e.key)
            # figures of the clause
            fig_idx = [i for i, f in enumerate(figures) if f.start in char2tok
                       and char2tok[f.start] in clause] if figures else []
            fig_idx = [i for i in fig_idx if sent.start_char <= figures[i].start < sent.end_char]
            # date
            date, date_from = None, None
            own = [t for t in timexes if t.type in ("DATE", "TIME") and
                   sent.start_char <= t.start < sent.end_char and char2tok.get(t.start) in clause]
            offset = _offset_date(trig, timexes, dct) if not own else None
            if own:
                date, date_from = min(own, key=lambda t: abs(t.start - trig.idx)), "sentence"
            elif offset:
                date, date_from = offset, "sentence"
            elif dct:
                date = Timex(start=0, end=0, text="", type="DATE", value=dct[:10])
                date_from = "article"
            # summary: actor + past trigger + object (with its figure) + place
            who = actors[0] if actors else (subj.text if subj is not None and subj.pos_ in (
                "NOUN", "PROPN") else "")
            dobj = [c for c in trig.children if c.dep_ == "dobj"]
            what = _summary_object(doc, dobj[0], figures) if dobj else ""
            if not what and targets:
                what = ("with " if cls == "consult" and not dobj else "") + targets[0]
            mood = modality(trig)
            verb = {"planned": "to " + trig.lemma_.lower(), "possible": "may " + trig.lemma_.lower(),
                    "negated": "did not " + trig.lemma_.lower()}.get(mood, past)
            parts = [who, verb, what]
            if places:
                parts.append(("to " if cls == "consult" and trig.lemma_.lower() in (
                    "travel", "fly", "depart", "arrive", "embark") else "in ") + places[0])
            summary = " ".join(p for p in parts if p)
            out.append(EventMention(start=sent.start_char, end=sent.end_char, text=sent.text,
                                    type=cls, trigger=trig.text, summary=summary, actors=actors,
                                    targets=targets, places=places, figures=fig_idx, date=date,
                                    date_from=date_from, modality=mood))
            if sent_persons:
                last_person = sent_persons[-1]
    return out
