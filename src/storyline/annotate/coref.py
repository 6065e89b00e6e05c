"""One document-level coreference pass, shared by quotes, events and entities: who a pronoun
("he", "they"), an office noun ("the envoy") or a message noun ("the statement") stands for, as the
nearest fitting name earlier in the article (the latest person that was a clause subject or a
speaker for he/she; the nearest organisation, country or group for it/they).

Moved here from ``annotate/quotes.py`` (its speaker resolver) so that every stage resolves the same
way; ``Resolver.speakers`` is filled by the quote finder as it goes.
"""
from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from gender_guesser.detector import Detector
from spacy.tokens import Doc, Span, Token

SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
PERSON_PRONOUNS = {"he", "she", "him", "his", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
# Closed word classes, not learnable from 1,000 articles with any reliability: nouns naming a
# written or spoken message (whose speaker is its issuer) and nouns naming a person by office.
DOCUMENT_NOUNS = {
    "statement", "announcement", "declaration", "report", "release", "message", "tweet", "letter",
    "memo", "post", "communique", "notice", "readout", "transcript", "email", "press",
}
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "minister", "president",
    "official", "secretary", "senator", "governor", "candidate", "nominee", "representative",
    "chief", "leader", "director", "chairman", "chairwoman", "commander", "general", "diplomat",
    "negotiator", "mayor", "congressman", "congresswoman", "lawmaker", "aide", "adviser",
    "advisor", "manager", "premier", "chancellor", "king", "prince", "judge", "prosecutor",
    "businessman", "businesswoman", "billionaire", "legislator", "pollster", "contender", "hopeful", "delegate",
}

# Nouns of who did a deed ("the gunman", "the suspect"; events.json perpetrator_nouns, one list for both
# modules): one stands for the person the article names so ("suspect Ali Syed", "Ali Syed, the gunman",
# "identified the gunman as Ali Syed"), never for the nearest person named (a victim, a teller).
_EVENTS_DATA = json.loads((Path(__file__).with_name("events.json")).read_text())
PERPETRATOR_NOUNS = frozenset(_EVENTS_DATA["perpetrator_nouns"]["words"])
# Verbs whose subject is the happening itself (events.json happening_verbs.agentless): "it happened
# at 6:45 p.m." is the shooting, never the police who said so.
AGENTLESS_VERBS = frozenset(_EVENTS_DATA["happening_verbs"]["agentless"])
# Bodies that act by their place's name ("Sanford police", "Clarksburg detectives"; events.json reporting_makers)
BODY_WORDS = frozenset(_EVENTS_DATA["reporting_makers"]["words"])


def tells_taking_place(v: Token) -> bool:
    """Whether ``v`` says its subject took place ("it happened", "which occurred", "took place")."""
    lemma = v.lemma_.lower()
    return lemma in AGENTLESS_VERBS and (lemma != "take" or any(c.lower_ == "place" for c in v.children))

# Nouns that describe a person by sex or age, with the sex they tell ("the Toledo man", "the teen").
DESCRIBED_PERSONS: dict[str, str | None] = {
    "man": "M", "woman": "F", "boy": "M", "girl": "F", "teen": None, "teenager": None, "youth": None,
}

# What may stand before a parenthesised credit on its line: nothing, or the place it was written in
# ("Washington (CNN)", "NEW YORK, Nov 3 (Reuters)"; not "The United Nations (UN)").
_CREDIT_BEFORE = re.compile(r"^\s*(?:(?!The\s|A\s)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}(?:,\s*[\w.]+(?:\s\w+){0,2})?\s*)?$")
_CREDIT_AFTER = re.compile(r"^\)\s*(?:(?:—|―|–|--|-|:)\s*)?[A-Z\"“‘']")  # then the report's first word
# after the place: its region ("Calif."), the day it was written ("March 2", "Oct. 4"; Reuters, UPI),
# the outlet's credit, then the dash
_DASH_AFTER = re.compile(r"^(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)?"
                         r"(?:,\s*(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\.?\s+\d{1,2})?"
                         r"\s*(?:\([^()]{2,40}\)\s*)?(?:—|―|–|--|-|:)\s")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a dateline: written in capitals at the start of the
    text or of a paragraph and followed by a dash or colon ("MEXICO CITY —", "PHILADELPHIA ―",
    "WASHINGTON (Reuters) -"). It says where the report was written, never who acted."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    if name and text[start - 1:start] == "(" and _CREDIT_AFTER.match(text[end:end + 8]) and \
            _CREDIT_BEFORE.match(text[line_start:start - 1]):
        return True  # the outlet's credit opening the report: "(CNN) ...", "LONDON (Reuters) - ..."
    if not name or not name.isupper():
        return False
    if text[line_start:start].strip():
        return False
    return bool(_DASH_AFTER.match(text[end:end + 50]))

# An office written as a title before the name ("Sen. Marco Rubio") names the office the article
# later calls the person by ("the Florida senator").
TITLES = {
    "sen.": {"senator", "lawmaker"}, "rep.": {"representative", "congressman", "congresswoman", "lawmaker"},
    "gov.": {"governor"}, "gen.": {"general", "commander"}, "pres.": {"president"}, "amb.": {"ambassador"},
    "sec.": {"secretary"}, "lt.": {"commander"}, "adm.": {"commander"},
}
# What the article itself says of a person's sex: an honorific ("Mrs. Clinton", "Mr. Trump") or a
# noun it calls the person by; a "he" never stands for a woman the article names so, nor "she" for a man.
FEMALE_WORDS = {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "congresswoman", "chairwoman", "spokeswoman",
                "businesswoman", "wife", "mother", "daughter", "sister", "widow", "actress", "queen", "princess",
                "grandmother", "girlfriend", "lady", "dame", "mum", "mom"}
MALE_WORDS = {"mr.", "mr", "congressman", "spokesman", "businessman", "husband", "father", "son", "brother",
              "widower", "actor", "king", "prince", "grandfather", "boyfriend", "sir", "lord", "dad"}
EXPLETIVE_HEADS = {"be", "appear", "seem", "take", "happen", "look", "sound", "feel", "remain", "get", "matter",
                   "mean", "rain", "turn", "become"}
# verbs whose "it" is a thing (a gun), never a body: "she was handling the gun and it went off"
THING_VERBS = {"go", "discharge", "misfire", "malfunction", "explode", "jam", "ricochet"}
PRONOUN_SEX = {"he": "M", "him": "M", "his": "M", "himself": "M", "she": "F", "her": "F", "hers": "F",
               "herself": "F"}


def near_words(p: Span) -> list[Token]:
    """The words a person's mention is called by: up to three words before it ("Mrs.", "first
    lady", "Sen.") and its appositions ("Obama, the president")."""
    h = p.root.head
    named_as = [c for c in h.head.children if c.dep_ == "dobj"] if (
        p.root.dep_ == "pobj" and h.lower_ == "as" and h.head.lemma_.lower() in ("identify", "name")) else []
    # ("identified the gunman as Aaron Alexis": the gunman; "Ali Syed was the gunman")
    named_as += [c for c in h.children if c.dep_ == "attr"] if p.root.dep_ == "nsubj" and h.lemma_ == "be" else []
    return [t for t in p.doc[max(p.sent.start, p.start - 3): p.start]] + [  # (not the sentence before's "daughter")
        c for t in p for c in t.children if c.dep_ == "appos"] + ([p.root.head] if p.root.dep_ == "appos" else []) \
        + named_as


def sexes(persons: list[Span], key: Callable[[Span], str]) -> dict[str, str]:
    """"F" or "M" for each person (the ``key`` of its mentions) that the article marks as such: an
    honorific or a noun beside one of its mentions ("Mrs. Clinton", "her husband, Bill Clinton"),
    else the pronouns of the sentences where it is the only person named and a subject ("Clinton said
    her plan ..."), agreeing at least 4 to 1 over two or more. None where the words say both."""
    seen: dict[str, set[str]] = {}
    for p in persons:
        for t in near_words(p):
            if t.i < p.start and any(x.pos_ == "ADP" for x in p.doc[t.i + 1: p.start]):
                continue  # "a spokeswoman for Neumann", "the wife of Bill Clinton": someone else's word
            w = t.lower_
            if w in FEMALE_WORDS or w in MALE_WORDS:
                seen.setdefault(key(p), set()).add("F" if w in FEMALE_WORDS else "M")
    out = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    votes: dict[str, Counter] = {}
    by_sent: dict[int, list[Span]] = {}
    for p in persons:
        by_sent.setdefault(p.sent.start, []).append(p)
    for ps in by_sent.values():
        keys = {key(p) for p in ps}
        p = ps[0]
        if len(keys) != 1 or not any(q.root.dep_ in ("nsubj", "nsubjpass") for q in ps):
            continue
        for t in p.sent:
            if t.i >= p.end and t.lower_ in PRONOUN_SEX:
                votes.setdefault(keys.pop() if keys else key(p), Counter())[PRONOUN_SEX[t.lower_]] += 1
                keys = {key(p)}
    for k, c in votes.items():
        (top, n), total = c.most_common(1)[0], sum(c.values())
        if k not in out and k not in seen and total >= 2 and n >= 0.8 * total:
            out[k] = top
    return out


@functools.cache
def _names() -> Detector:
    # gender-guesser's dictionary of given names by country (about 40,000 names): loaded once, 0.4 s
    return Detector()


def given_name_sex(p: Span) -> str | None:
    """"F" or "M" for a person's mention of two or more words whose first word is a given name of
    one sex only (gender-guesser's "female"/"male", never "mostly_..." or "andy": "Theresa May" F,
    "Donald Trump" M; "Kim Jong Un" and "Xi Jinping" not decided by the name), else None."""
    if len(p) < 2:
        return None
    first = p[0].text
    if not first.isalpha() or len(first) < 2:
        return None  # an initial ("J. Smith") or no word
    sex = _names().get_gender(first.capitalize())
    return "F" if sex == "female" else "M" if sex == "male" else None


def known_name(word: str) -> bool:
    """Whether gender-guesser's dictionary knows ``word`` as a given name (of either sex)."""
    return word.isalpha() and _names().get_gender(word.capitalize()) != "unknown"


def other_sex(by_form: dict[str, str], a: str, b: str) -> bool:
    """Whether the article marks the names ``a`` and ``b`` (as written) as of different sexes."""
    return a in by_form and b in by_form and by_form[a] != by_form[b]


def _mention(tok: Token, ent_at: dict[int, Span]) -> tuple[Span | None, Span]:
    """(entity naming the speaker, or None; the noun phrase as written). ``ent_at`` maps a token
    index to its speaker-type entity (``Doc.ents`` is rebuilt on every access: index it once)."""
    doc = tok.doc
    left = tok.left_edge.i
    phrase = doc[max(left, tok.i - 8) : tok.i + 1]
    ent = ent_at.get(tok.i)
    if ent is not None:
        return ent, phrase
    for c in tok.children:  # "The company's chief executive, Jane Doe"
        if c.dep_ == "appos":
            e = ent_at.get(c.i)
            if e is not None and e.label_ == "PERSON":
                return e, phrase
    if tok.pos_ == "PROPN":
        for c in tok.lefts:
            if c.dep_ == "compound":
                e = ent_at.get(c.i)
                if e is not None and e.label_ in ("PERSON", "ORG"):
                    return e, phrase
    return None, phrase


class Resolver:
    def __init__(self, doc: Doc, text: str, names: list[tuple[int, int, str]] | None = None):
        """``names``: (start char, end char, type) of the article's entity mentions as the entities
        layer repaired them ("CLEVELAND - Donald Trump" cut to the person); else spaCy's own."""
        self.doc = doc
        self.text = text
        doc_text = doc.text  # (``Doc.text`` joins every token's text on each access: read it once)
        spans = [doc.char_span(a, b, label=lab) for a, b, lab in names] if names is not None else list(doc.ents)
        self.ents = [e for e in spans if e is not None and e.label_ in SPEAKER_TYPES
                     and not is_dateline(doc_text, e.start_char, e.end_char)]
        self.ent_at = {i: e for e in self.ents for i in range(e.start, e.end)}
        self.ent_start = {e.start_char: e for e in self.ents}
        self.orgs = [e for e in self.ents if e.label_ == "ORG"]
        self.subject_persons = [e for e in self.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
        self.subject_person_ends = [e.end_char for e in self.subject_persons]
        self.persons = [e for e in self.ents if e.label_ == "PERSON"]
        self._full_names: dict[str, set[str]] | None = None
        self._introduced: dict[tuple[str, str, str], bool] = {}
        self.speakers: list[tuple[int, str, tuple[int, int], str]] = []  # (pos, name, span, label)
        # direct quotations with a found speaker: (content start, end, speaker start, speaker end)
        self.quoted: list[tuple[int, int, int, int]] = []

    def speaker_of(self, pos: int) -> tuple[int, int] | None:
        """The span naming the speaker of the direct quotation that holds ``pos``, if the quote
        layer found one."""
        for a, b, sa, sb in self.quoted:
            if a <= pos < b:
                return sa, sb
        return None

    def full_name(self, ent: Span) -> tuple[str, str]:
        """Longest form of this entity's name in the article, and its type."""
        last = ent[-1].text
        best, label = ent.text, ent.label_
        if ent.label_ in ("PERSON", "ORG", "GPE") and (ent.label_ == "PERSON" or len(ent) == 1):
            for p in self.persons:
                if p[-1].text == last and len(p.text) > len(best) and all(t.text in p.text for t in ent):
                    best, label = p.text, "PERSON"
        if label == "ORG":  # "Justice Department" -> "U.S. Justice Department"
            words = {t.lower_ for t in ent if not t.is_punct and t.lower_ != "the"}
            for o in self.orgs:
                if (o[-1].lower_ == ent[-1].lower_ and len(o.text) > len(best)
                        and words <= {t.lower_ for t in o}):
                    best = o.text
        if best.lower().startswith("the "):
            best = best[4:]
        return best, label

    def topic_person(self, before: int) -> Span | None:
        """The person a he/she subject most likely continues: the latest PERSON that was a clause
        subject or a found speaker before ``before`` (not a person merely mentioned as an
        object: "..., and specifically mentioned Wolf Blitzer. He said ...")."""
        i = bisect.bisect_left(self.subject_person_ends, before + 1) - 1
        subj = self.subject_persons[i] if i >= 0 else None
        spk = None
        for _pos, _name, span, _l in reversed(self.speakers):
            if span is not None and span[1] <= before:
                e = self.ent_start.get(span[0])
                if e is not None and e.label_ == "PERSON":
                    spk = e
                    break
        cands = [c for c in (subj, spk) if c is not None]
        return max(cands, key=lambda e: e.end_char) if cands else None

    def _subject_of_governor(self, tok: Token) -> Span | None:
        """The named country or body that is the subject of the verb whose object a relative clause
        with ``tok`` ("it") as subject describes: "The United States lifted the sanctions it imposed",
        "the company sold the shares it bought" (who lifted or sold is what "it" stands for)."""
        v = tok.head
        if tok.dep_ != "nsubj" or v.dep_ != "relcl" or v.head.dep_ != "dobj":
            return None
        gov = v.head.head
        subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        ent = self.ent_at.get(subj.i) if subj is not None else None
        return ent if ent is not None and ent.label_ in ("ORG", "GPE") and ent.end_char <= tok.idx else None

    def nearest(self, before: int, labels: set[str]) -> Span | None:
        cands = [e for e in self.ents if e.end_char <= before and e.label_ in labels]
        return cands[-1] if cands else None

    def introduced_as(self, ent: Span, lemma: str) -> bool:
        """Whether the article names this person with that office noun: "President Obama",
        "Obama, the president", "the president, Barack Obama", "Sen. Marco Rubio" (any mention of
        the same person: a surname alone where one full name of the article has it)."""
        last, key = ent[-1].lower_, self._person_key(ent)
        memo = (last, key, lemma)  # the answer depends on these only
        if memo not in self._introduced:
            self._introduced[memo] = self._introduced_as(last, key, lemma)
        return self._introduced[memo]

    def _introduced_as(self, last: str, key: str, lemma: str) -> bool:
        for p in self.persons:
            if p[-1].lower_ != last or self._person_key(p) != key:
                continue  # (not "Anne Marie Murphy" for "the senator" because "Sen. Chris Murphy" was named)
            near = self._near(p)
            if any(t.lemma_.lower() == lemma or lemma in TITLES.get(t.lower_, ()) for t in near):
                return True
            if lemma in PERPETRATOR_NOUNS and any(t.lower_ in PERPETRATOR_NOUNS for t in near):
                return True  # the gunman, the shooter, the suspect: one person told by any of them
        return False

    def _near(self, p: Span) -> list[Token]:
        return near_words(p)

    def _person_key(self, ent: Span) -> str:
        """One person's key: the full name as written ("Liz Cheney"), a surname alone ("Cheney") the
        one full name of the article with that surname, else the surname (two people share it)."""
        if len(ent) >= 2:
            return ent.text.lower()
        last = ent[-1].lower_
        if self._full_names is None:  # surname -> the article's full names with it (computed once)
            self._full_names = {}
            for p in self.persons:
                if len(p) >= 2:
                    self._full_names.setdefault(p[-1].lower_, set()).add(p.text.lower())
        full = self._full_names.get(last, set())
        if len(full) == 1 and other_sex(self._form_sexes(), last, next(iter(full))):
            return last  # "President Obama" (he) is not the article's "Michelle Obama" (she)
        return next(iter(full)) if len(full) == 1 else last

    def _form_sexes(self) -> dict[str, str]:
        """The sex the article marks for each way it writes a person's name (:func:`sexes` by the
        name as written, before a surname is taken for a full name)."""
        if not hasattr(self, "_by_form"):
            self._by_form = sexes(self.persons, lambda p: p.text.lower())
        return self._by_form

    def sex(self, ent: Span) -> str | None:
        """"F" or "M" where the article says so of this person (:func:`sexes`), else where the given
        name of its full name is one sex's (:func:`given_name_sex`: "Theresa May", "May" after her
        full name), else None. (Only here, for he/she: whether a surname and a full name are one
        person is read from the article's words alone, :func:`other_sex`.)"""
        if not hasattr(self, "_sex"):
            self._sex = sexes(self.persons, self._person_key)
            self._full_span = {self._person_key(p): p for p in self.persons if len(p) >= 2}
        key = self._person_key(ent)
        got = self._sex.get(key)
        if got is None:
            full = ent if len(ent) >= 2 else self._full_span.get(key)
            got = given_name_sex(full) if full is not None else None
        return got

    def _person_for(self, tok: Token, co_args: bool = False) -> Span | None:
        """The person a he/she stands for: the topic person (:meth:`topic_person`) or the nearest
        person, skipping anyone the article shows to be of the other sex. ``co_args``: nor anyone
        named as another argument of the pronoun's own verb ("he visited Epstein": he is not Epstein)."""
        want = PRONOUN_SEX.get(tok.lower_)
        ante = self.topic_person(tok.idx) or self.nearest(tok.idx, {"PERSON"})
        if co_args:
            others = {self._person_key(e) for e in self.persons if e.root.head.i == tok.head.i and e.root.i != tok.i
                      or e.root.head.dep_ == "prep" and e.root.head.head.i == tok.head.i}
            if ante is not None and self._person_key(ante) in others:
                # the latest other person who was a clause subject, else no one
                fits = [e for e in self.persons if e.end_char <= tok.idx and self._person_key(e) not in others
                        and e.root.dep_ in ("nsubj", "nsubjpass") and (want is None or self.sex(e) in (None, want))]
                return fits[-1] if fits else None
        if ante is None or want is None or self.sex(ante) in (None, want):
            return ante
        fits = [e for e in self.persons if e.end_char <= tok.idx and self.sex(e) in (None, want)]
        subj = [e for e in fits if e.root.dep_ in ("nsubj", "nsubjpass")]
        return (subj or fits or [None])[-1]

    def _owner_in_sentence(self, tok: Token) -> Span | None:
        """The person a possessive his/her stands for when its sentence names one before it: the
        nearest of them not of the other sex ("leads Desmond Clark out following his guilty plea",
        "helping Netanyahu in his coalition talks"), before the article's topic person."""
        want = PRONOUN_SEX.get(tok.lower_)
        sent = tok.sent
        fits = [e for e in self.persons if sent.start_char <= e.start_char and e.end_char <= tok.idx
                and self.sex(e) in (None, want)]
        return fits[-1] if fits else None

    def _group_for_they(self, tok: Token) -> Span | None:
        """The group "they" stands for, strictly: the nearest earlier organisation or group with a
        plural name ("the Saints", "the Taliban", "Democrats"); else the nearest organisation or
        group when no plural noun was a clause subject in between ("the thieves ... They")."""
        cands = [e for e in self.ents if e.end_char <= tok.idx and e.label_ in ("ORG", "NORP")]
        pair = self.pair_before(tok)
        if pair is not None and (not cands or cands[-1].end_char <= pair.end_char):
            return pair
        if not cands:
            return None
        plural = [e for e in cands if e.label_ == "NORP" or e[-1].tag_ in ("NNPS", "NNS")]
        best = cands[-1]
        if plural and plural[-1] is not best and tok.idx - plural[-1].end_char < 2000:
            best = plural[-1]
        between = self.doc.char_span(best.end_char, tok.idx, alignment_mode="contract")
        if between is not None and any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == ""
                                       for t in between):
            return None  # a plural common noun was the subject since: "they" is more likely that
        if best.root.dep_ not in ("nsubj", "nsubjpass") and best[-1].tag_ not in ("NNPS", "NNS") and any(
                t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "" for t in best.sent):
            # "Officers were called to Central Florida Regional Hospital. When they arrived": the plural
            # subject of that sentence, not the place-like name it went to
            return None
        if best.label_ == "NORP" and (best.root.tag_ == "JJ" or best.root.dep_ in ("amod", "compound")):
            return None  # a group's adjective ("Democratic senators") names the people, not the group
        return best

    def _same_person(self, ent: Span, span: tuple[int, int]) -> bool:
        other = self.ent_start.get(span[0])
        if other is None:
            return ent.start_char < span[1] and span[0] < ent.end_char
        return self._person_key(ent) == self._person_key(other)

    def _described_person(self, tok: Token, lemma: str, dets: list[str]) -> Span | None:
        """The one person named in this sentence before ``tok``, for "the man", "the Toledo man", "the
        26-year-old woman" (DESCRIBED_PERSONS), of the sex the noun says, who is neither a teller nor
        another party of the noun's own clause: "Not only is Michael C. Reyes prohibited from having a gun, the Toledo man charged with
        shooting his daughter is legally blind" (Reyes). Two people named there, a relative clause
        ("the man who shot him": someone new) or a phrase of its own ("the man in the car") decide nothing."""
        if tok.tag_ != "NN" or lemma not in DESCRIBED_PERSONS or dets[:1] != ["the"] or any(
                c.dep_ in ("relcl", "prep", "poss", "appos") for c in tok.children):
            return None
        sent = tok.sent
        near = [p for p in self.persons if sent.start_char <= p.start_char and p.end_char <= tok.idx]
        if len({self._person_key(p) for p in near}) != 1:
            return None
        p = near[-1]
        want = DESCRIBED_PERSONS[lemma]
        if want is not None and self.sex(p) != want:
            return None  # (a sex the article or the given name tells, and the noun's)
        above = {a.i for a in tok.ancestors}
        if p.root.head.i in above or any(
                w.pos_ == "PRON" and w.dep_ in ("nsubj", "nsubjpass") and w.head.i in above for w in sent):
            return None  # someone else acts on the man in his clause: "Dempsey ... he told the man to remove"
        if any(span is not None and span[0] <= p.start_char < span[1] for _pos, _name, span, _l in self.speakers):
            return None  # a teller is not who the story is about: "the woman described the man, Clark said"
        return p

    def pair_before(self, tok: Token) -> Span | None:
        """The coordinated names ("Sens. Mike Crapo and Jim Risch", "Microsoft and Intel") that are a
        clause subject earlier in the sentence of "they" or in the one before: the span from the
        first name to the last, when no plural common noun was a subject since."""
        doc = self.doc
        sents = [tok.sent] + ([doc[tok.sent.start - 1].sent] if tok.sent.start > 0 else [])
        for s in sents:
            for t in sorted((t for t in s if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.i in self.ent_at
                             and self.ent_at[t.i].label_ in ("PERSON", "ORG")), key=lambda t: -t.i):
                first = self.ent_at[t.i]
                conj = [c for c in t.children if c.dep_ == "conj" and c.i in self.ent_at
                        and self.ent_at[c.i].label_ == first.label_]
                if not conj:
                    continue
                last = self.ent_at[conj[-1].i]
                between = doc[last.end: tok.i]
                if any(x.tag_ == "NNS" and x.dep_ in ("nsubj", "nsubjpass") and x.ent_type_ == "" for x in between):
                    return None
                return doc[first.start: last.end]
        return None

    def resolve(self, tok: Token, strict: bool = False, co_args: bool = False
                ) -> tuple[str | None, tuple[int, int] | None, tuple[int, int] | None]:
        """(speaker name, resolved span, local mention span) for a subject token. ``strict`` (for
        event participants, where an empty actor is better than a wrong one): "they" takes a group
        only (see :meth:`_group_for_they`), an office noun only a person the article names with it.
        ``co_args``: a he/she is never a person named as another argument of its own verb."""
        ent, _phrase = _mention(tok, self.ent_at)
        low = tok.lower_
        if ent is not None:
            name, _label = self.full_name(ent)
            return name, (ent.start_char, ent.end_char), (ent.start_char, ent.end_char)
        local = (tok.idx, tok.idx + len(tok))
        if tok.pos_ == "PRON":
            spoken_by = self.speaker_of(tok.idx)
            if spoken_by is not None and low in ("i", "me"):
                # "I" in a quotation is its speaker
                e = self.ent_start.get(spoken_by[0])
                if e is None:
                    return None, None, local
                return self.full_name(e)[0], (e.start_char, e.end_char), local
            if low in PERSON_PRONOUNS:
                ante = self._owner_in_sentence(tok) if tok.dep_ == "poss" else None
                ante = ante or self._person_for(tok, co_args)
                if spoken_by is not None and ante is not None and self._same_person(ante, spoken_by):
                    # "she" in a quotation is someone the speaker talks about, not the speaker
                    want = PRONOUN_SEX.get(low)
                    fits = [e for e in self.persons if e.end_char <= tok.idx and not self._same_person(e, spoken_by)
                            and self.sex(e) in (None, want)]
                    ante = fits[-1] if fits else None
            elif strict and low in ("they", "them"):
                ante = self._group_for_they(tok)
            elif strict and low == "its" and tok.dep_ == "poss":
                # "the board ... at its Monday meeting": only an organisation, as for "it"
                ante = self.nearest(tok.idx, {"ORG", "GPE", "NORP"})
                if ante is None or ante.label_ != "ORG":
                    return None, None, local
            elif strict and low == "it":
                # "it appeared that", "it's going to take": no one; else only an organisation
                # ("Norton ... it declined"), never a place ("it drove inflation" after "Zimbabwe")
                h = tok.head
                if h.lemma_.lower() in THING_VERBS and (h.lemma_.lower() != "go" or any(
                        c.lower_ == "off" for c in h.children)) or tells_taking_place(h):
                    # "the gun went off", "it discharged": a thing, no body; "police said it happened
                    # at 6:45 p.m.": a happening, never the teller
                    return None, None, local
                governor = self._subject_of_governor(tok)  # (no expletive: "the offers it said were too low")
                if governor is None and (h.lemma_.lower() in EXPLETIVE_HEADS or any(
                        c.dep_ in ("ccomp", "xcomp", "csubj") for c in h.children)):
                    return None, None, local
                ante = governor or self.nearest(tok.idx, {"ORG", "GPE", "NORP"})
                if ante is None or ante.label_ != "ORG" and ante is not governor:
                    return None, None, local
            elif low in GROUP_PRONOUNS:
                ante = self.nearest(tok.idx, {"ORG", "GPE", "NORP"})
            else:
                return None, None, local
            if ante is None:
                return None, None, local
            name, _ = self.full_name(ante)
            return name, (ante.start_char, ante.end_char), local
        lemma = tok.lemma_.lower()
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        start = min([c.idx for c in tok.lefts if c.dep_ in ("det", "compound", "amod", "nmod", "poss")] + [tok.idx])
        local = (start, tok.idx + len(tok))
        if lemma in DOCUMENT_NOUNS and not (strict and dets and dets[0] in ("a", "an")):
            # ("an email", "a statement" in strict mode: a new document, whose sender is not known
            # to be the last speaker)
            prev = [s for s in self.speakers if s[0] < tok.idx]
            if prev:
                return prev[-1][1], prev[-1][2], local
            ante = self.nearest(tok.idx, {"ORG", "GPE"})
            if ante is not None:
                return self.full_name(ante)[0], (ante.start_char, ante.end_char), local
        if (lemma in ROLE_NOUNS or lemma in PERPETRATOR_NOUNS) and dets and dets[0] in ("the", "this", "that") and not any(
            c.dep_ == "prep" or c.dep_ == "relcl" and lemma in PERPETRATOR_NOUNS for c in tok.children
        ):  # ("the suspect who opened fire": described anew)
            if strict or lemma in PERPETRATOR_NOUNS:
                # "the president" after "Trump" need not be Trump: the nearest person named so
                ante = next((p for p in reversed(self.persons) if p.end_char <= tok.idx
                             and self.introduced_as(p, lemma)), None)
            else:
                ante = self.nearest(tok.idx, {"PERSON"})
            if ante is not None:
                return self.full_name(ante)[0], (ante.start_char, ante.end_char), local
        described = self._described_person(tok, lemma, dets)
        if described is not None:
            return self.full_name(described)[0], (described.start_char, described.end_char), local
        if tok.pos_ == "NOUN" and dets == ["the"] and not any(
            c.dep_ in ("compound", "amod", "prep", "poss") for c in tok.children
        ):
            # "the bureau said" -> the nearest earlier organisation named with that word
            for o in reversed(self.orgs):
                if o.end_char <= tok.idx and any(t.lower_ == low for t in o):
                    name, _ = self.full_name(o)
                    return name, (o.start_char, o.end_char), local
        if tok.pos_ in ("NOUN", "PROPN"):
            text = self.text[local[0] : local[1]]
            text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
            return text, local, local
        return None, None, local
