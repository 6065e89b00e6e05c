"""Named entities of one article, with the roles and titles the text gives them, and a key that
ties short forms to full names within the article.

Input is a parsed :class:`spacy.tokens.Doc` (see :mod:`storyline.annotate.nlp`). spaCy's NER finds
the names; this module adds what spaCy has no component for (why hand-written: spaCy ships no
role/title extractor and no within-document alias linker):

* roles from the dependency parse: pre-modifiers of a name (``compound``/``nmod`` children and
  their subtrees: "U.S. envoy Zalmay Khalilzad", "Secretary of State Mike Pompeo"), the noun
  phrase a name is in apposition to ("U.S. envoy to Afghanistan Zalmay Khalilzad"), and
  appositives after a name ("Mohammad Naim, a spokesman for the Taliban political office");
* keys: a mention's text without determiner, possessive and dots in acronyms; a single or partial
  name tied to the longest name in the article that ends with (or contains) it ("Khalilzad" ->
  "Zalmay Khalilzad"); an acronym tied to the name whose initials it spells ("US" -> "United
  States", "UN" -> "United Nations");
* general repairs of small-model slips: a non-person span ending in a person's name found
  elsewhere in the article is split ("Afghanistan Zalmay Khalilzad"); a PERSON made of an
  all-caps token or of a platform/media word ("AMN Telegram") becomes ORG; an ORG whose head is a
  title noun ("the US Special Representative") is a role, not an entity, and is dropped; the type
  of each key is the majority vote of its mentions (ORG/GPE/LOC/FAC/NORP).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from storyline.annotate.coref import (
    BODY_WORDS, FEMALE_WORDS, MALE_WORDS, given_name_sex, is_dateline, known_name, near_words, other_sex, sexes,
)
from storyline.annotate.timex.lexicon import MONTHS, WEEKDAYS
from storyline.clean.meta import dateline
from storyline.model import EntityMention

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")

# Head nouns of titles and descriptions of people (general English vocabulary).
TITLE_NOUNS = {
    "envoy", "representative", "president", "vice", "minister", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "chief", "head", "leader", "commander", "general",
    "director", "chairman", "chairwoman", "chair", "governor", "mayor", "senator", "official",
    "officer", "adviser", "advisor", "diplomat", "negotiator", "deputy", "king", "queen", "prince",
    "emir", "premier", "chancellor", "speaker", "judge", "prosecutor", "attorney", "lawyer",
    "member", "founder", "ceo", "executive", "analyst", "correspondent", "reporter", "editor",
    "candidate", "nominee", "lawmaker", "legislator", "congressman", "congresswoman", "mp",
    "coordinator", "administrator", "commissioner", "inspector", "lieutenant", "colonel",
    "major", "captain", "sergeant", "admiral", "gen.", "lt.", "col.", "sen.", "rep.", "gov.",
    "dr.", "mr.", "mrs.", "ms.", "professor", "cleric", "mullah", "sheikh", "imam", "pope",
    "bishop", "owner", "manager", "agent", "aide", "staffer", "counsel", "envoys",
    "delegate", "militant", "commander-in-chief", "rapporteur", "mediator",
    "detective", "trooper", "corporal", "constable", "sheriff",
}
# Rank abbreviations: a PERSON span of these alone is a title cut from its name ("Sgt" of "Sgt. Ben Beall").
RANKS = {"sgt", "sgt.", "lt", "lt.", "det", "det.", "cpl", "cpl.", "capt", "capt.", "ofc", "ofc.", "cmdr", "cmdr."}
TITLE_NOUNS |= RANKS
# Words that mark a span as a medium, channel or platform rather than a person.
MEDIA_WORDS = {
    "telegram", "channel", "twitter", "facebook", "youtube", "instagram", "whatsapp", "tiktok",
    "news", "radio", "tv", "television", "agency", "times", "post", "press", "network",
    "newsletter", "podcast", "blog", "online", "daily",
}
_FUNCTION = {"of", "the", "and", "for", "&", "de", "al", "in", "on"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading determiners, punctuation or words of time (``_TIME_MODIFIERS``:
    "next Organization of Petroleum Exporting Countries") and without trailing possessives or
    punctuation; a name cut at a bracket loses it ("Group of Seven (G-7"); a name the tagger cut after
    a function word takes the capitalised words that follow ("Group of" + "Seven"), or else loses the
    function word."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or (
            doc[start].text in _TIME_MODIFIERS and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    # a name cut at a bracket: "Group of Seven (G-7" -> "Group of Seven", "EC) Commission" -> "Commission"
    texts = [t.text for t in doc[start:end]]
    if "(" in texts and ")" not in texts[texts.index("("):] and texts.index("(") > 0:
        end = start + texts.index("(")
    elif ")" in texts and "(" not in texts[:texts.index(")")]:
        start = start + texts.index(")") + 1
    if end > start + 1 and doc[end - 1].lower_ in _FUNCTION and doc[end - 1].is_lower:
        if end < len(doc) and doc[end].is_alpha and doc[end].is_title and doc[end - 1].whitespace_:
            end += 1  # "Group of" + "Seven", "U.S. Agency for" + "International Development"
            while end < len(doc) and doc[end - 1].whitespace_ and doc[end].is_alpha and doc[end].is_title \
                    and doc[end].ent_type_ in ("", doc[start].ent_type_):
                end += 1
        else:
            while end > start and doc[end - 1].lower_ in _FUNCTION:
                end -= 1
    return start, end


# lowercase words of time or order the tagger sometimes takes into a name ("next Organization of
# Petroleum Exporting Countries", "older MacBook Pro")
_TIME_MODIFIERS = {"next", "last", "past", "previous", "former", "older", "earlier", "newer", "later", "latest",
                   "upcoming", "coming", "new", "current", "then", "recent", "this", "that", "these", "those"}


def normal_form(text: str) -> str:
    """A mention's surface without determiner, possessive, dots of acronyms or extra spaces."""
    t = " ".join(text.split())
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    t = _POSSESSIVE.sub("", t).strip(" .,;:-–—\"'“”‘’`´«»<>")  # (`` and '' : quotes of tokenised text; <Name>: a wire's markup)
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?", t + ("" if t.endswith(".") else ".")):
        t = t.replace(".", "")  # U.S. -> US, U.S -> US
    # a shouted word (dateline "KABUL:") is not an acronym: acronyms are short
    t = " ".join(w.title() if w.isupper() and len(w) > 4 and w.isalpha() else w for w in t.split())
    return t


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _FUNCTION]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


# Head words of organisation names: a span ending in one is not a person's name (hand-written:
# no installed library lists them).
ORG_WORDS = {"department", "ministry", "office", "council", "committee", "group", "party", "agency",
             "army", "forces", "police", "bank", "university", "company", "corporation", "association",
             "union", "court", "commission", "front", "movement", "organization", "organisation",
             "institute", "center", "centre", "news", "times", "post", "government", "embassy",
             "command", "congress", "parliament", "senate", "assembly", "coalition", "alliance",
             "federation", "authority", "administration", "ministries", "directorate"}


# -- roles -------------------------------------------------------------------------------------

_ROLE_MOD_DEPS = {"compound", "nmod", "amod"}
_CUT_PREPS = {"in", "at", "on", "during", "since", "after", "before", "with", "by", "from"}


def _role_tokens(tok: Token, exclude: set[int]) -> list[int]:
    """The subtree of ``tok`` as token indexes, without locative/temporal prepositional phrases,
    relative clauses and the tokens in ``exclude`` (the name itself)."""
    out: list[int] = []

    def walk(t: Token) -> None:
        if t.i in exclude:
            return
        out.append(t.i)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in _CUT_PREPS:
                continue
            if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos"):
                continue
            walk(c)

    walk(tok)
    return sorted(out)


def _role_text(doc: Doc, idx: list[int]) -> str | None:
    if not idx:
        return None
    # keep the contiguous run ending nearest the name; strip determiners and possessive pronouns
    start, end = idx[0], idx[-1] + 1
    if end - start != len(idx):  # not contiguous: keep the longest contiguous tail
        run = [idx[-1]]
        for i in reversed(idx[:-1]):
            if i == run[-1] - 1:
                run.append(i)
            else:
                break
        start, end = run[-1], run[0] + 1
    for i in range(start, end):  # a role never crosses a line break (headline, caption)
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
    while start < end and (doc[start].pos_ in ("DET", "PRON") or doc[start].tag_ == "PRP$"
                           or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    # a role names a function: it needs a noun that is not itself part of a name
    if not any(t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ for t in span) and not any(
            t.lower_ in TITLE_NOUNS for t in span):
        return None
    if span[-1].ent_type_ in ("PERSON",):
        return None
    return span.text


def roles_for(doc: Doc, start: int, end: int) -> list[str]:
    """Titles and descriptions attached to the name doc[start:end] by the parse."""
    span = doc[start:end]
    root = span.root
    inside = set(range(start, end))
    roles: list[str] = []
    # 1. pre-modifiers: "US President Joe Biden", "Secretary of State Mike Pompeo"
    mods = [c for c in root.children if c.i < start and c.dep_ in _ROLE_MOD_DEPS]
    if mods:
        idx = sorted(i for m in mods for i in _role_tokens(m, inside))
        idx = [i for i in idx if i < start]
        if idx and idx[-1] == start - 1:
            r = _role_text(doc, idx)
            if r:
                roles.append(r)
    # 2. the name is in apposition to a title before it: "U.S. envoy to Afghanistan Zalmay K."
    head = root.head
    if root.dep_ == "appos" and head.i < start and (
            (head.pos_ in ("NOUN", "PROPN") and not head.ent_type_) or head.lower_ in TITLE_NOUNS):
        idx = [i for i in _role_tokens(head, inside) if i < start]
        r = _role_text(doc, idx)
        if r:
            roles.append(r)
    # 2b. a title phrase set before the name with a comma, both subjects of one verb (the parse
    #     does not link them): "The US Special Envoy for Afghanistan, Zalmay Khalilzad has ..."
    if start >= 2 and doc[start - 1].text == "," and not roles:
        prev = doc[start - 2]
        while prev.dep_ in ("pobj", "prep", "compound", "amod") and prev.head.i < start - 1 and prev.head.i != prev.i:
            prev = prev.head
        if prev.dep_ == root.dep_ and prev.head.i == root.head.i and prev.pos_ in ("NOUN", "PROPN") and (
                not prev.ent_type_ or prev.lower_ in TITLE_NOUNS) and prev.i < start:
            r = _role_text(doc, [i for i in _role_tokens(prev, inside) if i < start - 1])
            if r:
                roles.append(r)
    # 3. appositives after the name: "Sher Mohammad Abbas Stanekzai, the Deputy Head of ..."
    for c in root.children:
        if c.dep_ == "appos" and c.i >= end and c.pos_ in ("NOUN", "PROPN") and \
                (not c.ent_type_ or c.lower_ in TITLE_NOUNS):
            r = _role_text(doc, _role_tokens(c, inside))
            if r:
                roles.append(r)
    out: list[str] = []
    for r in roles:
        if r not in out:
            out.append(r)
    return out


# -- mentions ----------------------------------------------------------------------------------

_DASHES = ("-", "--", "\u2014", "\u2015", "\u2013")


def _dash_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A name never spans a dash written apart: "CLEVELAND - Donald Trump" is a dateline and a name
    (the dateline, in capitals at a line's start, is dropped), "Deborah Jordan Reynolds - Santilli"
    two names. Hyphenated names ("Mexican-American", "Wasserman-Schultz") are one token or written
    without spaces, and stay whole."""
    cuts = [k for k in range(start + 1, end - 1) if doc[k].text in _DASHES and (
        doc[k].text != "-" or (doc[k - 1].whitespace_ and doc[k].whitespace_))]
    if not cuts:
        return [(start, end)]
    out, a = [], start
    for k in cuts + [end]:
        part = doc[a:k]
        dateline = a == start and part.text.isupper() and not doc.text[
            doc.text.rfind("\n", 0, part.start_char) + 1: part.start_char].strip()
        if not dateline:
            out.append((a, k))
        a = k + 1
    return out


# a company's legal form written after its name ("Petroleos de Venezuela, S.A.", "Acme, Inc."): no
# name of its own (the tagger reads "S.A." as a place, which then stands for Saudi Arabia)
CORPORATE_FORMS = {"sa", "s.a.", "inc", "inc.", "ltd", "ltd.", "ag", "nv", "n.v.", "plc", "spa", "s.p.a.", "gmbh",
                   "bv", "b.v.", "ab", "asa", "oy", "kk", "k.k.", "sarl", "s.a.r.l.", "llc", "lp", "l.p.", "co", "co.",
                   "corp", "corp.", "sab", "s.a.b."}


def _spans(doc: Doc) -> list[tuple[int, int, str]]:
    """NER spans of the kept types, trimmed, with small-model repairs applied."""
    raw = []
    split_off: set[tuple[int, int]] = set()
    text = doc.text
    for e in doc.ents:
        if e.label_ == "PRODUCT" and e.root.dep_ == "nsubj" and e.root.head.pos_ == "VERB" and any(
                c.dep_ == "ccomp" for c in e.root.head.children):
            e = Span(doc, e.start, e.end, label="ORG")  # a "product" that says what its clause tells speaks for
            # a company ("Atlantis said it has discussed ...")
        if e.label_ not in TYPES:
            continue
        parts = _dash_parts(doc, e.start, e.end)
        for a, b in parts:
            s, t = _clean_span(doc, a, b)
            if s < t and e.label_ in ("ORG", "PERSON", "NORP") and is_dateline(text, doc[s].idx, doc[t - 1].idx + len(doc[t - 1])):
                continue  # a dateline's place the tagger took for a name ("CLEVELAND - ..." as an organisation)
            if s < t and doc[s:t].text.lower() in CORPORATE_FORMS:
                continue  # "Petroleos de Venezuela, S.A.": the legal form, not a place or a body
            if s < t and raw and s < raw[-1][1]:
                continue  # inside a name made whole before it ("U.S. Agency for" + "International Development")
            if s < t:
                raw.append((s, t, e.label_))
                if parts != [(e.start, e.end)]:
                    split_off.add((s, t))
    person_texts = {doc[s:t].text for s, t, lab in raw if lab == "PERSON" and t - s >= 2}
    place_texts = {doc[s:t].text for s, t, lab in raw if lab in ("GPE", "LOC")}
    person_tokens = Counter(w.text for s, t, lab in raw if lab == "PERSON" for w in doc[s:t])
    word_count = Counter(w.text for w in doc if w.text[:1].isupper())
    out: list[tuple[int, int, str]] = []
    for s, t, lab in raw:
        span = doc[s:t]
        words = [w.lower_ for w in span]
        if (s, t) in split_off and span.text in person_texts:
            lab = "PERSON"  # "CLEVELAND - Donald Trump" (ORG): the name the article gives a person
        if lab == "PERSON" and all(w in RANKS for w in words):
            continue  # a title alone, cut from its name ("Sgt" of "Sgt. Ben Beall"): no one
        if lab == "PERSON" and t - s == 1 and t < len(doc) and doc[t].lower_ in BODY_WORDS and doc[t].pos_ == "NOUN":
            lab = "GPE"  # "Sanford police" (a person to the tagger): the place whose police it is
        if s > 0 and doc[s].lower_ in ("county", "parish", "township") and doc[s - 1].pos_ == "PROPN" and \
                doc[s - 1].ent_type_ == "" and doc[s - 1].text[:1].isupper() and doc[s - 1].is_alpha:
            # "Highlands County Sheriff" tagged "County Sheriff": the place the county word names
            s -= 1
            span = doc[s:t]
            words = [w.lower_ for w in span]
            if lab == "PERSON" and words[-1] in ("sheriff", "police", "coroner", "prosecutor"):
                out.append((s, t, "ORG"))  # (an office, not a person's name)
                continue
        if lab == "PERSON" and s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].ent_type_ == "" and \
                doc[s - 1].dep_ == "compound" and s <= doc[s - 1].head.i < t and doc[s - 1].is_alpha and \
                doc[s - 1].text[:1].isupper() and not doc[s - 1].is_upper and known_name(doc[s - 1].text) and \
                doc[s - 1].lower_ not in TITLE_NOUNS and not (s > 1 and doc[s - 2].pos_ == "PROPN" and doc[s - 2].ent_type_ == ""):
            # "Tavis Marquis Jackson" tagged "Marquis Jackson": the given name the tagger left before it
            s -= 1
            span = doc[s:t]
            words = [w.lower_ for w in span]
        if lab == "PERSON" and t < len(doc) and doc[t - 1].dep_ == "compound" and doc[t - 1].head.i == t and \
                doc[t].pos_ == "PROPN" and doc[t].ent_type_ == "" and doc[t].text[:1].isupper() and \
                doc[t].is_alpha and doc[t].lower_ not in ORG_WORDS and doc[t].lower_ not in TITLE_NOUNS and \
                not (t + 1 < len(doc) and doc[t + 1].pos_ == "PROPN"):
            # "Kenneth Malik Wise" tagged "Kenneth Malik": the name the tagged words are compounds of
            t += 1
            span = doc[s:t]
            words = [w.lower_ for w in span]
        if lab == "PERSON":
            if any(w in MEDIA_WORDS for w in words) or all(
                    w.is_upper and len(w.text) > 1 for w in span if w.is_alpha) or (
                    words[-1] in ORG_WORDS):  # "Central Command", "Interior Ministry"
                lab = "ORG"
            else:
                # "Khalilzad Calls" (headline): a name followed by words never seen in a name
                # elsewhere in the article is cut back to the name
                for k in range(t - 1, s, -1):
                    if doc[s:k].text in person_texts or (k - s == 1 and person_tokens[doc[s].text] > 1):
                        # (not a surname the article names again: "Sheriff Bill Hollenbeck" beside
                        # "Deputy Bill Cooper", then "Hollenbeck said" ten times)
                        if all(person_tokens[w.text] == 1 and word_count[w.text] == 1 for w in doc[k:t]):
                            t = k
                        break
        else:
            # "Afghanistan Zalmay Khalilzad" (ORG): a person's full name at the end gets split off
            split = None
            for k in range(s + 1, t - 1):
                if doc[k:t].text in person_texts:
                    split = k
                    break
            # "Afghanistan Zalmay Khalilzad" (ORG) where the article names no Zalmay Khalilzad
            # elsewhere: a place named elsewhere, then two or more name-shaped words
            if split is None and lab == "ORG":
                for k in range(s + 1, t - 1):
                    rest = doc[k:t]
                    if doc[s:k].text in place_texts and all(
                            w.pos_ == "PROPN" and w.text[:1].isupper() and w.lower_ not in ORG_WORDS
                            and w.lower_ not in TITLE_NOUNS for w in rest):
                        split = k
                        break
            if split is not None:
                out.append((s, split, "GPE" if doc[s:split].text in place_texts else lab))
                out.append((split, t, "PERSON"))
                continue
            # "the US Special Representative" (ORG): a title, not an organisation
            if lab == "ORG" and span.root.lower_ in TITLE_NOUNS and span.root.i == t - 1:
                continue
        out.append((s, t, lab))
    return _untagged_names(doc, _same_name_elsewhere(doc, out))


_NAMES_DATA = json.loads((Path(__file__).parent / "names.json").read_text(encoding="utf-8"))  # read once
_NOT_NAMES = frozenset(_NAMES_DATA["not_names_in_capitals"])


def _untagged_names(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans plus the names the tagger left untagged (the small model misses most acronyms it never
    saw, and a dateline run into the lead keeps it from the lead's names): acronyms that act, names in
    full of the article's acronyms, the dateline's place written again."""
    return _given_name_people(doc, _dateline_namesakes(doc, _spelled_acronyms(doc, _capital_doers(doc, spans))))


def _covered(spans: list[tuple[int, int, str]]) -> set[int]:
    return {i for s, t, _ in spans for i in range(s, t)}


def _capital_doers(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each name in capitals where it acts, as a clause's subject or a passive's "by" phrase: an
    organisation known by its initials ("The proposal was criticised by CAOBISCO", "IATA said")."""
    covered = _covered(spans)
    text = doc.text
    spelled_out = {initials(doc[s:t].text) for s, t, _ in spans if t - s >= 2}
    found: list[tuple[int, int, str]] = []
    for tok in doc:
        doer = tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
        if not doer or tok.pos_ not in ("PROPN", "NOUN") or tok.ent_type_ or tok.i in covered:
            continue
        a = tok.i
        while a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].head.i == tok.i and doc[a - 1].pos_ in ("PROPN", "NOUN"):
            a -= 1
        words = doc[a: tok.i + 1]
        if any(w.i in covered or w.ent_type_ for w in words):
            continue
        if not all(w.is_upper and w.is_alpha and len(w.text) >= 2 for w in words):
            continue  # only names in capitals (not "Boeing", "Reuter" headline words in title case)
        if (words[0].idx == 0 or text[:words[0].idx].rstrip(" \t").endswith("\n")) and words.text not in spelled_out:
            continue  # a paragraph's first words in capitals: a dateline or a kicker ("SALINA A storm ..."),
            # unless the initials of a name the article writes in full ("HCSD arrested")
        letters = [w for w in tok.sent if w.is_alpha]
        if sum(w.is_upper for w in letters) * 2 > len(letters):
            continue  # a headline in capitals, where every word is ("ZIMCO SHAREHOLDERS REJECT PLAN")
        if any(w.lower_ in MONTHS or w.lower_ in WEEKDAYS or w.lower_ in CORPORATE_FORMS or w.text in _NOT_NAMES
               for w in words) or (a > 0 and doc[a - 1].like_num) or \
                is_dateline(text, words[0].idx, words[-1].idx + len(words[-1])):
            continue
        found.append((a, tok.i + 1, "ORG"))
        covered.update(range(a, tok.i + 1))
    return sorted(spans + found) if found else spans


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PLACE_WORDS = frozenset(_NAMES_DATA["place_name_words"]["words"])


def _given_name_people(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each untagged full name that takes part in a clause (its subject, object or a preposition's
    object) whose first word is a given name of one sex (coref.given_name_sex: gender-guesser's
    dictionary) and whose other words are capitalised proper nouns: a person ("Odell Branch Sr., 77,
    was settling in", which the small model left untagged)."""
    covered = _covered(spans)
    text = doc.text
    found: list[tuple[int, int, str]] = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj") or tok.pos_ != "PROPN" \
                or tok.ent_type_ or tok.i in covered:
            continue
        a = tok.i
        while a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].head.i == tok.i and doc[a - 1].pos_ == "PROPN":
            a -= 1
        words = doc[a: tok.i + 1]
        if a > 0 and (doc[a - 1].text in ("-", "‐") or doc[a - 1].pos_ == "PROPN") and not doc[a - 1].whitespace_:
            continue  # a cut name: "Eva-Marie Persson"
        if len(words) < 2 or any(w.i in covered or w.ent_type_ for w in words) or not all(
                w.is_alpha and w.text[:1].isupper() and not w.is_upper for w in words):
            continue  # (two or more words in title case, none tagged: not a headline in capitals)
        if any(w.lower_ in MONTHS or w.lower_ in WEEKDAYS or w.lower_ in ORG_WORDS or w.lower_ in MEDIA_WORDS
               or w.lower_ in TITLE_NOUNS for w in words) or words[-1].lower_ in _SUFFIXES and len(words) < 3:
            continue
        if is_dateline(text, words[0].idx, words[-1].idx + len(words[-1])) or given_name_sex(words) is None \
                or words[-1].lower_ in _PLACE_WORDS:
            continue
        surname = len(words) - (2 if words[-1].lower_ in _SUFFIXES else 1)
        if any(not known_name(w.text) for w in words[1:surname]):
            continue  # middle words are names too ("Mary Ann Smith"; not "Scott West Panthers", "Mile High Stadium")
        found.append((a, tok.i + 1, "PERSON"))
        covered.update(range(a, tok.i + 1))
    # a person the article calls by the given name alone after the full name ("Ella Smith ... Ella, who was
    # visiting Nashville"): the given name of one full name only, untagged, standing alone
    firsts = Counter(doc[s].text for s, t, lab in spans + found if lab == "PERSON" and t - s >= 2
                     and doc[s].is_alpha and known_name(doc[s].text))
    seen = {doc[s].text: s for s, t, lab in sorted(spans + found) if lab == "PERSON" and t - s >= 2}
    for tok in doc:
        if firsts.get(tok.text) == 1 and tok.i not in covered and not tok.ent_type_ and tok.pos_ == "PROPN" \
                and tok.i > seen[tok.text] and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") \
                and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"):
            found.append((tok.i, tok.i + 1, "PERSON"))
            covered.add(tok.i)
    return sorted(spans + found) if found else spans


def _spelled_acronyms(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each name written in full whose initials are an organisation's acronym the article names ("IMF
    APPROVES ... - The International Monetary Fund said", where the dateline kept the tagger from it)."""
    acronyms = {doc[s:t].text for s, t, lab in spans if lab == "ORG" and t - s == 1 and doc[s].is_upper
                and doc[s].is_alpha and 2 <= len(doc[s].text) <= 6}
    covered = _covered(spans)
    found: list[tuple[int, int, str]] = []
    i = 0
    while acronyms and i < len(doc):
        j = i
        while j < len(doc) and j not in covered and not doc[j].ent_type_ and (
                doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not doc[j].is_upper
                or (j > i and doc[j].lower_ in _FUNCTION and doc[j].is_lower)):
            j += 1
        while j > i and doc[j - 1].lower_ in _FUNCTION:
            j -= 1
        if j - i >= 2 and initials(doc[i:j].text) in acronyms:
            found.append((i, j, "ORG"))
            i = j
        else:
            i = max(j, i + 1)
    return sorted(spans + found) if found else spans


def _dateline_namesakes(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The dateline's place written again in the report, a place ("KUWAIT, June 2 - Kuwait today
    rejected", where the tagger took neither)."""
    line = dateline(doc.text[:160])
    words = line[0].lower().split() if line and doc[0].is_upper else []
    covered = _covered(spans)
    found: list[tuple[int, int, str]] = []
    for i in range(len(doc) - len(words) + 1) if words else ():
        span = doc[i: i + len(words)]
        if [w.lower_ for w in span] == words and not span.text.isupper() and all(
                w.pos_ == "PROPN" and not w.ent_type_ and w.i not in covered for w in span) \
                and not (i + len(words) < len(doc) and doc[i + len(words)].pos_ == "PROPN") \
                and not (i > 0 and doc[i - 1].pos_ == "PROPN"):
            found.append((i, i + len(words), "GPE"))
            covered.update(range(i, i + len(words)))
    return sorted(spans + found) if found else spans


def _same_name_elsewhere(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tagger's spans plus each other place where the article writes one of its names in proper
    nouns the tagger left untagged: a name keeps its kind through the article ("SUVA, June 2 - Fiji
    today welcomed", where the dateline kept the tagger from Fiji, which it tagged further on)."""
    if not spans:
        return spans
    by_first: dict[str, set[tuple[str, ...]]] = {}
    kind: dict[tuple[str, ...], str] = {}
    for s, t, lab in spans:
        words = tuple(w.text for w in doc[s:t])
        if len("".join(words)) >= 3 and all(w.pos_ == "PROPN" for w in doc[s:t]):
            by_first.setdefault(words[0], set()).add(words)
            kind.setdefault(words, lab)
    covered = {i for s, t, _ in spans for i in range(s, t)}
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        names = by_first.get(doc[i].text)
        if i in covered or not names:
            i += 1
            continue
        for words in sorted(names, key=lambda w: (-len(w), w)):  # the longest name first
            j = i + len(words)
            if j <= len(doc) and tuple(w.text for w in doc[i:j]) == words and all(
                    w.pos_ == "PROPN" and not w.ent_type_ and k not in covered for k, w in zip(range(i, j), doc[i:j])) \
                    and not (j < len(doc) and doc[j].pos_ == "PROPN") and not (i > 0 and doc[i - 1].pos_ == "PROPN"):
                found.append((i, j, kind[words]))
                i = j - 1
                break
        i += 1
    return sorted(spans + found) if found else spans


def extract_entities(doc: Doc) -> list[EntityMention]:
    """Mentions of PERSON, ORG, GPE, LOC, NORP and FAC in ``doc``, in text order."""
    spans = _spans(doc)
    forms = [normal_form(doc[s:t].text) for s, t, _ in spans]
    labels = [lab for _, _, lab in spans]

    # keys: person short forms -> the longest full name that ends with / contains them
    persons = {f for f, lab in zip(forms, labels) if lab == "PERSON" and f}
    # longest first; among names as long, the most mentioned, then the first mentioned, then by
    # spelling: a full key, so "Clinton" never follows the hash seed to Hillary or Chelsea
    seen = Counter(forms)
    first = {f: i for i, f in reversed(list(enumerate(forms)))}

    def rank(name: str) -> tuple:
        return (-len(name), -seen[name], first.get(name, len(forms)), name)

    full_names = sorted({p for p in persons if len(p.split()) >= 2}, key=rank)
    # a surname of a person named in full, tagged ORG/GPE elsewhere ("Dupont said"), is that person
    surnames = {n.split()[-1] for n in full_names}
    labels = ["PERSON" if lab in ("ORG", "GPE", "NORP") and f in surnames and
              f not in {g for g, lb in zip(forms, labels) if lb == lab and len(g.split()) > 1}
              else lab for f, lab in zip(forms, labels)]
    # the sex the article marks for each way of writing a person's name: "President Obama" (he) is
    # not the article's only full name of that surname, "Michelle Obama" (she)
    by_form = sexes([doc[s:t] for (s, t, _), lab in zip(spans, labels) if lab == "PERSON"],
                    lambda sp: normal_form(sp.text))
    # acronyms -> the name they abbreviate (among non-person names of the article)
    long_names = sorted({f for f, lab in zip(forms, labels) if lab != "PERSON" and
                         len(f.split()) >= 2}, key=rank)
    by_initials: dict[str, str] = {}
    for n in long_names:
        ini = initials(n)
        if ini in n.split():
            continue  # "EC Commission" is no expansion of "EC", which it names as a word of its own
        by_initials.setdefault(ini, n)

    # Case-insensitive identity: "KABUL" and "Kabul" are one key, written as most often seen.
    spelled: dict[str, Counter] = defaultdict(Counter)
    for f in forms:
        spelled[f.lower()][f] += 1

    untagged_given = {f for (s, t, lab), f in zip(spans, forms) if lab == "PERSON" and t - s == 1 and not doc[s].ent_type_}

    def key_of(f: str, lab: str) -> str:
        if lab == "PERSON" and len(f.split()) < 3:
            toks = f.split()
            for n in full_names:
                nt = n.split()
                if n != f and len(nt) > len(toks) and (
                        nt[-len(toks):] == toks or (len(toks) == 1 and toks[0] in nt[1:])) and \
                        not other_sex(by_form, f, n):
                    return n
            # the given name alone of the one full name that begins with it ("Ella" after "Ella Smith"),
            # where the tagger left it untagged (a name the tagger took keeps its own key: "Hillary")
            given = [n for n in full_names if len(toks) == 1 and n.split()[0] == toks[0] and known_name(toks[0])]
            if len(given) == 1 and f in untagged_given and not other_sex(by_form, f, given[0]):
                return given[0]
        if lab != "PERSON" and f.isupper() and 2 <= len(f) <= 6 and f in by_initials:
            return by_initials[f]
        c = spelled[f.lower()]
        best = max(c.items(), key=lambda kv: (kv[1], not kv[0].isupper(), kv[0]))[0]
        return best

    keys = [key_of(f, lab) for f, lab in zip(forms, labels)]
    # a surname alone that two or more full names of the article end with (a couple, a family: "Eulalio
    # Tordil", "Gladys Tordil") is the one its own title marks ("Ms. Tordil"), else the one the article
    # names most: the sex gathered over all the form's mentions (one "Ms. Tordil" among ten) cannot tell
    for k, ((s, t, _), f, lab) in enumerate(zip(spans, forms, labels)):
        if lab != "PERSON" or len(f.split()) != 1:
            continue
        cands = [n for n in full_names if n.split()[-1] == f]
        if len(cands) < 2:
            continue
        marks = {"F" if w.lower_ in FEMALE_WORDS else "M" for w in near_words(doc[s:t])
                 if w.lower_ in FEMALE_WORDS or w.lower_ in MALE_WORDS}
        if not marks:
            keys[k] = max(cands, key=lambda n: (seen[n], len(n), n))  # most named, then the longer
            continue
        fits = [n for n in cands if by_form.get(n) in marks] if len(marks) == 1 else []
        keys[k] = fits[0] if len(fits) == 1 else f

    # type votes across the mentions of each key (PERSON is kept as the NER said it)
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, lab in zip(keys, labels):
        votes[k][lab] += 1
    final_labels = []
    for k, lab in zip(keys, labels):
        if lab != "PERSON":
            ranked = [(n, l) for l, n in votes[k].items() if l != "PERSON"]
            if ranked:
                n_best = max(n for n, _ in ranked)
                if votes[k][lab] < n_best:
                    lab = sorted(l for n, l in ranked if n == n_best)[0]
        final_labels.append(lab)

    out: list[EntityMention] = []
    for (s, t, _), key, lab in zip(spans, keys, final_labels):
        span: Span = doc[s:t]
        roles = roles_for(doc, s, t) if lab == "PERSON" else []
        out.append(EntityMention(start=span.start_char, end=span.end_char, text=span.text,
                                 type=lab, key=key, roles=roles))
    return out
