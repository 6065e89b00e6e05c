"""Across articles: one quotation carried by several outlets, roles over time, agreement of sources."""
from storyline.link.agreement import event_agreement, series_agreement
from storyline.link.events import merge_events
from storyline.link.quotes import content_words, group_quotes, role_history, speakers_compatible
from storyline.link.series import build_series
from storyline.model import (Annotations, CleanArticle, Document, EntityMention, Event, EventMention, Figure,
                             Quote, Timex)


def _doc(i, text="", published=None, dup=None):
    return Document(article=CleanArticle(id=f"d{i}", source=f"d{i}", text=text or "x" * 300, published=published),
                    content_hash=str(i), duplicate_of=dup, seq=i)


def _q(text, speaker, direct=True):
    return Quote(0, len(text), text, speaker, direct)


FULL = "Tomorrow is a momentous day for Afghanistan, and the talks must bring a lasting peace to the country"


def test_quotations_group_across_outlets_verbatim_cut_and_reworded():
    docs = [_doc(1), _doc(2), _doc(3), _doc(4, dup="d1"), _doc(5)]
    per = {
        "d1": Annotations("d1", quotes=[_q(FULL, "Zalmay Khalilzad"), _q("We will not leave in haste", "Lloyd Austin")]),
        # cut, and the short form of the name
        "d2": Annotations("d2", quotes=[_q("a momentous day for Afghanistan", "Khalilzad"),
                                        # same words, another speaker: another quotation
                                        _q("a momentous day for Afghanistan", "Mohammad Naim")]),
        # re-worded in translation, speaker unknown but the words match closely
        "d3": Annotations("d3", quotes=[_q("Tomorrow is a momentous day for Afghanistan and the talks must bring "
                                           "lasting peace to our country", None, direct=False)]),
        "d4": Annotations("d4", quotes=[_q(FULL, "Zalmay Khalilzad")]),  # a reprint of d1
        "d5": Annotations("d5", quotes=[_q("We won't leave hastily", "Austin")]),  # too few shared words
    }
    groups, index = group_quotes(docs, per, {})
    by_quote = {qid: gid for qid, gid in index.items()}
    g = next(g for g in groups if "d1:q0" in g.quote_ids)
    assert g.quote_ids == ["d1:q0", "d2:q0", "d3:q0", "d4:q0"]
    assert g.sources == ["d1", "d2", "d3"]  # the reprint is no extra source
    assert g.speaker == "Zalmay Khalilzad" and g.text == FULL
    assert by_quote["d2:q1"] != g.id and by_quote["d5:q0"] != by_quote["d1:q1"]
    assert len(groups) == 4 and set(index) == {f"d{i}:q{j}" for i, n in [(1, 2), (2, 2), (3, 1), (4, 1), (5, 1)]
                                               for j in range(n)}
    # ids derive from the first quotation: adding an article later keeps every id
    again, index2 = group_quotes(docs + [_doc(6)], {**per, "d6": Annotations("d6", quotes=[_q(FULL, "Khalilzad")])}, {})
    assert {q: index2[q] for q in index} == index and index2["d6:q0"] == g.id


def test_speaker_compatibility_and_words():
    assert speakers_compatible("Khalilzad", None, "Zalmay Khalilzad", None) is True
    assert speakers_compatible("State Department", None, "the US State Department", None) is True
    assert speakers_compatible("Khalilzad", None, "Mohammad Naim", None) is False
    assert speakers_compatible("he", "e-1", "Zalmay Khalilzad", "e-1") is True
    assert speakers_compatible(None, None, "Khalilzad", None) is None
    assert content_words("The talks were released, the prisoners said") == {"talk", "releas", "prisoner"}


def test_quotations_entity_ids_name_the_speaker():
    docs = [_doc(1), _doc(2)]
    per = {"d1": Annotations("d1", quotes=[_q(FULL, "he")]), "d2": Annotations("d2", quotes=[_q(FULL, "Khalilzad")])}
    from storyline.model import Entity
    ents = [Entity("e-k", "Zalmay Khalilzad", "PERSON")]
    groups, _ = group_quotes(docs, per, {("d1", "he"): "e-k", ("d2", "Khalilzad"): "e-k"}, ents)
    assert [(g.speaker, g.speaker_id, g.quote_ids) for g in groups] == [("Zalmay Khalilzad", "e-k", ["d1:q0", "d2:q0"])]


def test_role_history_keeps_roles_with_their_dates():
    def ent(roles):
        return EntityMention(0, 5, "Austin", "PERSON", "Lloyd Austin", roles=roles)

    docs = [_doc(1, published="2021-03-20"), _doc(2, published="2021-01-10"), _doc(3)]
    per = {"d1": Annotations("d1", entities=[ent(["Defense Secretary"]), ent(["Defense Secretary"])]),
           "d2": Annotations("d2", entities=[ent(["nominee for Defense Secretary", "retired general"])]),
           "d3": Annotations("d3", entities=[ent(["Pentagon chief"])])}
    index = {(d, "Lloyd Austin"): "e-a" for d in per}
    assert role_history(docs, per, index) == {"e-a": [
        {"role": "nominee for Defense Secretary", "document_id": "d2", "date": "2021-01-10"},
        {"role": "retired general", "document_id": "d2", "date": "2021-01-10"},
        {"role": "Defense Secretary", "document_id": "d1", "date": "2021-03-20"},
        {"role": "Pentagon chief", "document_id": "d3", "date": None},
    ]}


TEXTS = {
    1: "The Taliban freed 20 Afghan prisoners in Kandahar on Sunday.",
    2: "Insurgents released 25 Afghan prisoners in Kandahar on April 12.",
    3: "The Taliban released 20 Afghan prisoners on April 12 in Kandahar.",
}


def _release(i, value, date, date_from="sentence"):
    text = TEXTS[i]
    n = text.index(str(value))
    fig = Figure(n, n + len(str(value)), str(value), float(value), "Afghan prisoners")
    t = Timex(0, 1, "x", "DATE", date)
    ev = EventMention(0, len(text), text, "release", "released", "Taliban released prisoners", actors=["Taliban"],
                      figures=[0], date=t, date_from=date_from)
    return Annotations(f"d{i}", sentences=[(0, len(text))], figures=[fig], events=[ev])


def test_event_sources_agree_differ_or_single_and_reprints_do_not_count():
    index = {(f"d{i}", "Taliban"): "e-t" for i in range(1, 5)}
    docs = {f"d{i}": _doc(i, TEXTS[i]) for i in (1, 2, 3)}
    # d1 and d3 agree; d2 gives another count
    per = {"d1": _release(1, 20, "2020-04-12"), "d2": _release(2, 25, "2020-04-12"), "d3": _release(3, 20, "2020-04-12")}
    [ev] = merge_events(list(docs.values()), per, index)
    a = event_agreement(ev, docs, per)
    assert a.status == "differ" and a.sources == ["d1", "d2", "d3"]
    assert [(p.document_id, p.about, p.claim, TEXTS[int(p.document_id[1])][p.start:p.end] == TEXTS[int(p.document_id[1])])
            for p in a.passages] == [("d1", "af prisoner", "20 (Afghan prisoners)", True),
                                     ("d2", "af prisoner", "25 (Afghan prisoners)", True),
                                     ("d3", "af prisoner", "20 (Afghan prisoners)", True)]
    # the same count: agree
    per2 = {"d1": per["d1"], "d3": per["d3"]}
    [ev2] = merge_events([docs["d1"], docs["d3"]], per2, index)
    assert event_agreement(ev2, docs, per2).status == "agree"
    # a reprint of d1 is no second source
    docs4 = {"d1": docs["d1"], "d4": _doc(4, TEXTS[1], dup="d1")}
    per4 = {"d1": per["d1"], "d4": Annotations("d4", sentences=per["d1"].sentences, figures=per["d1"].figures,
                                               events=per["d1"].events)}
    [ev4] = merge_events(list(docs4.values()), per4, index)
    assert len(ev4.mentions) == 2 and event_agreement(ev4, docs4, per4).status == "single"


def test_event_dates_of_the_same_granularity_differ():
    docs = {f"d{i}": _doc(i, TEXTS[i]) for i in (1, 2, 3)}
    # one event reported with a month and two different days (merge_events narrows an event's date
    # as it goes, so the event is built by hand here)
    per = {"d1": _release(1, 20, "2020-04"), "d2": _release(2, 25, "2020-04-11"), "d3": _release(3, 20, "2020-04-12")}
    per["d2"].figures[0] = Figure(0, 1, "x", 20.0, "Afghan prisoners")
    ev = Event("ev-1", "release", "Taliban released prisoners", per["d3"].events[0].date,
               [(d, 0, len(TEXTS[int(d[1])])) for d in ("d1", "d2", "d3")])
    a = event_agreement(ev, docs, per)
    assert a.status == "differ"
    assert [(p.document_id, p.about, p.claim) for p in a.passages] == [
        ("d2", "date (day)", "2020-04-11"), ("d3", "date (day)", "2020-04-12")]
    # dates taken from the article's publication date are no claim
    per["d2"].events[0].date_from = "article"
    assert event_agreement(ev, docs, per).status == "agree"


def test_series_agreement_is_the_conflict_with_its_passages():
    text = "Some 2,500 US troops remain. There are 2,000 U.S. troops left."
    docs = [_doc(1, text), _doc(2, text), _doc(3, text, dup="d1")]

    def fig(start, value, subject, date):
        return Figure(start, start + 5, text[start:start + 5], value, subject, date=Timex(0, 1, "x", "DATE", date))

    sents = [(0, 28), (29, len(text))]
    per = {"d1": Annotations("d1", sentences=sents, figures=[fig(5, 2500, "US troops", "2021-01")]),
           "d2": Annotations("d2", sentences=sents, figures=[fig(39, 2000, "U.S. troops", "2021-01")]),
           "d3": Annotations("d3", sentences=sents, figures=[fig(5, 2500, "US troops", "2021-01")])}
    by_id = {d.id: d for d in docs}
    [s], _ = build_series(docs, per)
    a = series_agreement(s, by_id, per)
    assert a.status == "differ" and a.sources == ["d1", "d2"]
    assert [(p.document_id, text[p.start:p.end], p.claim) for p in a.passages] == [
        ("d1", "Some 2,500 US troops remain.", "2,500"), ("d2", "There are 2,000 U.S. troops left.", "2,000")]
    per["d2"].figures[0] = fig(39, 2500, "U.S. troops", "2021-01")
    [s], _ = build_series(docs, per)
    assert series_agreement(s, by_id, per).status == "agree"


def test_blocking_finds_the_groups_a_comparison_with_every_group_finds(monkeypatch):
    """Quotation candidates come from speaker and word blocks; the groups equal those found by
    comparing each quotation with every group (random quotations, fixed seed)."""
    import random

    from storyline.link import quotes as q
    from storyline.model import Annotations, CleanArticle, Document, Quote

    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(40)]
    speakers = [("Zalmay Khalilzad", "e-k"), ("Khalilzad", "e-k"), ("Mike Pompeo", "e-p"), ("Pompeo", None),
                ("the envoy", "e-k"), ("Ashraf Ghani", "e-g"), (None, None), (None, None)]
    docs, per_doc, index = [], {}, {}
    for d in range(40):
        doc_id = f"d{d:02d}"
        docs.append(Document(article=CleanArticle(id=doc_id, source=doc_id, text="x"), content_hash=doc_id, seq=d))
        quotes = []
        for j in range(rng.randint(1, 6)):
            name, eid = rng.choice(speakers)
            text = " ".join(rng.sample(vocab[: rng.choice((9, 15, 40))], rng.randint(1, 9)))
            quotes.append(Quote(j, j + 1, text, name, rng.random() < 0.5))
            if name and eid:
                index[(doc_id, name)] = eid
        per_doc[doc_id] = Annotations(doc_id, quotes=quotes)
    got = q.group_quotes(docs, per_doc, index)
    monkeypatch.setattr(q, "_candidates", lambda m, postings, unnamed, speakers: sorted(
        set().union(*postings.values())) if postings else [])
    want = q.group_quotes(docs, per_doc, index)
    assert [g.as_dict() for g in got[0]] == [g.as_dict() for g in want[0]] and got[1] == want[1]
    assert len(got[0]) < sum(len(a.quotes) for a in per_doc.values())  # some quotations were grouped
