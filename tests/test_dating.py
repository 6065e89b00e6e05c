"""The writing-date estimate of an undated article (annotate/dating.py), on sentences written for
these tests, and one smoke test on the samples."""
import math
from datetime import date

import numpy as np

from storyline.annotate.dating import clues, estimate, flag_estimated, follow
from storyline.annotate.timex import tag, tense
from storyline.model import Annotations, DateEstimate, Timex
from storyline.store import codec

FLOOD = ("Veterans gathered on Sunday to mark the second anniversary of the flood of June 12, 2017, "
         "which destroyed the old bridge.")
MERGER = ("The ceremony comes six months after the merger was completed. The merger, completed on "
          "January 15, 2018, created the largest brewer in the region.")


def _est(text: str):
    return estimate(text, tag(text, None))


def test_anniversary_with_its_count_dates_the_article():
    cs = clues(FLOOD, tag(FLOOD, None))
    assert [(c.kind, c.lo, c.hi) for c in cs] == [
        ("anniv", date(2019, 6, 12), date(2019, 6, 12)), ("day:plain", date(2017, 6, 12), date(2017, 6, 12))]
    e = _est(FLOOD)
    assert (e.granularity, e.value, e.start, e.end) == ("month", "2019-06", "2019-06-10", "2019-06-21")
    assert [x["kind"] for x in e.evidence] == ["anniv", "day:plain"]
    assert e.evidence[0]["sentence"] == FLOOD


def test_span_since_a_happening_dated_in_another_sentence():
    cs = clues(MERGER, tag(MERGER, None))
    assert [(c.kind, c.text, c.lo) for c in cs] == [
        ("since", "six months … January 15, 2018", date(2018, 7, 15)), ("day:past", "January 15, 2018", date(2018, 1, 15))]
    e = _est(MERGER)
    assert (e.granularity, e.value) == ("month", "2018-07")
    assert e.evidence[0]["sentence"] == "The ceremony comes six months after the merger was completed."


def test_a_span_since_an_unrelated_happening_is_no_clue():
    text = ("The ceremony comes six months after the merger was completed. "
            "The stadium, opened on January 15, 2018, holds 40,000.")
    assert [c.kind for c in clues(text, tag(text, None))] == ["day:past"]


def test_historical_years_alone_leave_the_article_undated():
    assert _est("Prices rose sharply in 1998, the company said.") is None
    # a bracket from the past and the future, but no year is sure enough
    assert _est("The museum reopened on Friday. It had been closed since the fire of October 3, 2012, "
                "and its new wing will open on May 1, 2013.") is None
    assert _est("The talks resumed on Friday in Geneva.") is None


def test_weekday_with_month_and_day_fits_only_some_years():
    text = "The vote was held on Monday, Oct. 26, officials said."
    (c,) = clues(text, tag(text, None))
    assert (c.kind, c.weekday, c.periodic) == ("mdw:past", 1, True)


def test_tense_of_an_expression():
    s = "He will arrive on May 5."
    assert tense(s, s.index("May"), s.index("May") + 5) == 2
    s = "The bridge was destroyed on May 5."
    assert tense(s, s.index("May"), s.index("May") + 5) == -2
    # a past verb right after "on <date>" decides, whatever plans the rest of the sentence tells
    s = "The minister on May 5 urged both sides to meet again as soon as possible."
    assert tense(s, s.index("May"), s.index("May") + 5) == -2


def test_relative_dates_follow_the_estimate_at_its_granularity():
    text = "On Sunday, the minister said the treaty of March 3, 2015 would be revised next month."
    undated = tag(text, None)
    est = DateEstimate("2021-02-01", "2021-02-28", "month", "2021-02", "2021-02-14", 0.97)
    got = {t.text: (t.value, t.estimated) for t in follow(text, est, undated)}
    assert got == {"Sunday": ("2021-02", True), "March 3, 2015": ("2015-03-03", False),
                   "next month": ("2021-03", True)}
    fact = next(t for t in undated if t.text == "March 3, 2015")
    borrowed = Timex(0, 0, "", "DATE", "2021-02")
    assert flag_estimated([fact, borrowed, None], undated) == [fact, Timex(0, 0, "", "DATE", "2021-02", estimated=True),
                                                               None]


def test_the_estimate_layer_is_stored_and_read_back():
    est = DateEstimate("2021-02-01", "2021-02-28", "month", "2021-02", "2021-02-14", 0.97,
                       [{"kind": "anniv", "text": "anniversary of February 2020", "sentence": "…", "start": 3, "end": 14}])
    ann = Annotations("d1", dating=[est], timexes=[Timex(1, 7, "Sunday", "DATE", "2021-02", estimated=True)])
    back = codec.assemble("d1", {layer: codec.encode_layer(getattr(ann, layer)) for layer in codec.LAYERS})
    assert back.dating == [est] and back.timexes == ann.timexes


def test_samples_own_words(samples):
    """Smoke test on the samples (never tuned on): 001 and 002 date themselves to February-March 2021;
    000 names no year and 004 no date, so their own words leave them undated."""
    got = {}
    for f in sorted(samples.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        got[f.name[:3]] = _est(text)
    assert got["000"] is None and got["004"] is None
    for k in ("001", "002"):
        assert got[k] is not None and "2021-02-01" <= got[k].point <= "2021-03-31", (k, got[k])
        assert got[k].value in ("2021-02", "2021-03")
    assert any(e["kind"] == "anniv" for e in got["001"].evidence)
    assert any(e["kind"] == "since" for e in got["002"].evidence)


def test_undated_samples_carry_their_estimate_into_the_export_and_timeline(samples, tmp_path):
    from storyline import Storyline
    from storyline.views.timeline import terminal_table, when_label

    with Storyline(str(tmp_path / "s.db")) as sl:
        sl.build(str(samples))
        data = sl.export()
        events = sl.timeline()
        assert terminal_table(sl.store) is not None
    docs = {d["id"][:3]: d for d in data["documents"]}
    for k in ("001", "002"):
        d = docs[k]
        assert d["published_from"] == "estimate" and d["published"] in ("2021-02", "2021-03")
        assert d["published_estimate"]["source"] == "text" and d["published_estimate"]["evidence"]
    assert docs["003"]["published_from"] == "text" and "published_estimate" not in docs["003"]
    assert docs["004"]["published"] is None
    # 000 names no year: its story dates it, through the pact signed "on February 29" that 001 dates
    est = docs["000"]["published_estimate"]
    assert (docs["000"]["published"], est["source"]) == ("2020-04", "story")
    assert {(e["document_id"][:3], e["other_date"]) for e in est["evidence"] if e["kind"] == "story"} == {
        ("001", "2020-02-29")}  # 002's "February 2020 deal" is no longer the same typed event as 000's pact
    # dates that rest on an estimate are flagged and shown as estimates, never as facts
    flagged = {t["document_id"][:3] for t in data["timexes"] if t.get("estimated")}
    assert flagged == {"000", "001", "002"}
    dated = [ev for ev in events if ev["date"]]
    labels = {when_label(ev) for ev in dated
              if ev["date"].get("estimated") and ev["mentions"][0]["document_id"][:3] != "000"}
    assert labels and all(lb.startswith("≈ ") and lb.endswith("(estimated from the text)") for lb in labels)
    assert "≈ April 2020 (estimated from its story)" in {when_label(ev) for ev in dated}
    # the deal signing: one event on February 29, 2020 from the four reports that tell it, a stated date
    (deal,) = [ev for ev in dated if ev["date_value"] == "2020-02-29" and ev["type"] == "agree"]
    assert sorted({m["document_id"][:3] for m in deal["mentions"]}) == ["000", "001", "002", "003"]
    assert when_label(deal) == "2020-02-29 (day)"


def _doc(doc_id: str, text: str, published: str | None = None, published_from=None, duplicate_of=None, seq=0):
    from storyline.model import CleanArticle, Document

    return Document(CleanArticle(doc_id, doc_id, text, published=published, published_from=published_from),
                    content_hash=doc_id, duplicate_of=duplicate_of, story_id="s1", seq=seq)


def _event(text: str, timex: Timex, actors: list[str], type_: str = "release"):
    from storyline.model import EventMention

    return EventMention(0, len(text), text, type_, "freed", "", actors=actors, date=timex, date_from="sentence")


def test_a_dated_copy_of_the_same_report_gives_its_date():
    from storyline.link.dating import story_estimates

    a = _doc("a", "The hostages were freed on Friday.")
    b = _doc("b", "The hostages were freed on Friday.", "2019-05-17", "metadata", duplicate_of="a", seq=1)
    got = story_estimates([a, b], {"a": Annotations("a"), "b": Annotations("b")})
    assert set(got) == {"a"}
    est = got["a"]
    assert (est.value, est.granularity, est.source, est.evidence[0]["document_id"]) == ("2019-05-17", "day", "story", "b")


def test_a_happening_dated_by_another_report_dates_the_undated_one():
    from storyline.link.dating import story_estimates, with_story_dates

    t1 = "The rebels freed 12 hostages on June 3. Talks resumed on June 20 in Geneva."
    t2 = "Rebels freed the 12 hostages on June 3, 2016, officials said."
    tx1 = tag(t1, None)
    e1 = _event(t1[:39], next(t for t in tx1 if t.text == "June 3"), ["rebels"])
    e2 = _event(t2, next(t for t in tag(t2, None) if t.text == "June 3, 2016"), ["Rebels"])
    a, b = _doc("a", t1), _doc("b", t2, seq=1)  # b's own date is unknown too: its text states the year
    anns = {"a": Annotations("a", timexes=tx1, events=[e1]), "b": Annotations("b", events=[e2])}
    got = story_estimates([a, b], anns)
    assert set(got) == {"a"}
    est = got["a"]
    assert (est.source, est.value) == ("story", "2016-06")
    assert [(e["document_id"], e["other_date"]) for e in est.evidence if e["kind"] == "story"] == [("b", "2016-06-03")]
    # the undated report's own dates follow the estimate, flagged
    after = with_story_dates([a, b], anns)["a"]
    assert {t.text: (t.value, t.estimated) for t in after.timexes} == {
        "June 3": ("2016-06-03", True), "June 20": ("2016-06-20", True)}
    assert after.dating == [est] and after.events[0].date.value == "2016-06-03"
    # without a shared actor or the same day, nothing is shared
    e2b = _event(t2, Timex(0, 4, "June", "DATE", "2016-06"), ["Police"])
    assert story_estimates([a, b], {"a": anns["a"], "b": Annotations("b", events=[e2b])}) == {}


def test_estimated_dates_are_kept_apart_when_sources_are_compared():
    from storyline.link.agreement import event_agreement
    from storyline.model import Event

    t = "Rebels freed the hostages."
    stated = _event(t, Timex(0, 4, "June 3", "DATE", "2016-06-03"), ["Rebels"])
    guessed = _event(t, Timex(0, 4, "June 5", "DATE", "2016-06-05", estimated=True), ["Rebels"])
    docs = {"a": _doc("a", t), "b": _doc("b", t, seq=1)}
    ev = Event("e1", "release", "", stated.date, [("a", 0, len(t)), ("b", 0, len(t))])
    assert event_agreement(ev, docs, {"a": Annotations("a", events=[stated]),
                                      "b": Annotations("b", events=[guessed])}).status == "agree"
    told = _event(t, Timex(0, 4, "June 5", "DATE", "2016-06-05"), ["Rebels"])
    assert event_agreement(ev, docs, {"a": Annotations("a", events=[stated]),
                                      "b": Annotations("b", events=[told])}).status == "differ"


def test_impossible_values_are_no_clues():
    bad = [Timex(0, 5, "x", "DATE", v) for v in ("XXXX-02-30", "XXXX-13", "2020-02-30", "9999", "PRESENT_REF")]
    assert clues("x" * 20, bad) == []
    assert estimate("", []) is None


def test_any_text_gives_an_estimate_or_none_and_the_same_each_time():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["On", "Feb.", "29,", "2020", "the", "anniversary", "of", "deal", "signed", "a", "year",
                             "after", "Monday,", "Oct.", "26", "will", "was", "in", "March", "1998", ".", "ago"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(words, max_size=40))
    def run(ws):
        text = " ".join(ws)
        a, b = _est(text), _est(text)
        assert a == b
        if a is not None:
            assert a.start <= a.point <= a.end and a.granularity in ("day", "month", "year")

    run()


def test_the_same_span_since_told_again_refers_to_the_same_happening():
    text = ("The parade comes a year after the two clubs signed a truce. "
            "It comes a year after the rivals signed the famous truce. "
            "Fans still remember the May 2014 truce, which ended years of violence.")
    cs = [c for c in clues(text, tag(text, None)) if c.kind == "since"]
    assert [(c.text, c.lo) for c in cs] == [("a year … May 2014", date(2015, 5, 1)),
                                           ("a year … May 2014", date(2015, 5, 1))]


# -- from the dated articles of the collection that report the same things (link/dating.py) ---------
# -- from the dated articles of the whole store that report the same things (link/dating.py) -------

def _people_ann(doc_id: str, names: list[str]) -> Annotations:
    from storyline.model import EntityMention

    out, pos = [], 0
    for n in names:
        out.append(EntityMention(pos, pos + len(n), n, "PERSON", n))
        pos += len(n) + 2
    return Annotations(doc_id, entities=out)


# the shipped numbers, with a small collection's idea of a rare key: one that at most 10 articles carry
_SMALL = {"max_df": 10}


def _collection(extra: list[tuple[str, list[str], str | None]]):
    """30 dated filler articles, each naming someone else and the police (spread over 2000 and
    2001), and the given ones: (documents, annotations)."""
    fill = [(f"filler{i:02d}", [f"Person{i:02d} Filler", "Police"], f"200{i % 2}-{1 + i % 12:02d}-{1 + i % 27:02d}")
            for i in range(30)]
    docs, anns = [], {}
    for seq, (doc_id, names, published) in enumerate(fill + extra):
        docs.append(_doc(doc_id, ", ".join(names), published, "metadata" if published else None, seq=seq))
        anns[doc_id] = _people_ann(doc_id, names)
    return docs, anns


def _params(**over):
    from storyline.link.dating import load_collection_params

    return {**load_collection_params(), **_SMALL, **over}


def test_an_article_is_dated_when_what_it_names_was_reported():
    from storyline.link.dating import collection_estimates, with_story_dates

    docs, anns = _collection([("a", ["Marta Vell", "Tulsa"], "2019-05-10"), ("b", ["Marta Vell", "Tulsa"], "2019-05-14"),
                              ("c", ["Tulsa"], "2019-05-20"), ("old", ["Marta Vell"], "2018-02-01"),
                              ("undated", ["Marta Vell", "Tulsa", "Police"], None),
                              ("alone", ["Tove Kallberg", "Police"], None)])
    got = collection_estimates(docs, anns, _params())
    assert set(got) == {"undated"}  # "alone" shares only the police, which more than 10 articles name
    est = got["undated"]
    # the day where what it names is most over-reported against the articles that share its keys
    assert (est.point, est.granularity, est.value, est.source) == ("2019-05-10", "month", "2019-05", "story")
    assert (est.start, est.end) == ("2019-05-10", "2019-05-20")
    assert [(e["document_id"], e["other_date"]) for e in est.evidence] == [
        ("a", "2019-05-10"), ("b", "2019-05-14"), ("c", "2019-05-20")]
    # what pins the day: Tulsa (reported that week, and only then); Marta Vell was also reported in 2018
    assert [e["shared"] for e in est.evidence] == [["tulsa"], ["tulsa"], ["tulsa"]]
    assert est.evidence[0]["sentence"] == "reports, as a (dated 2019-05-10) does, what was reported around then"
    # wired into the link stage: the estimate becomes the article's dating layer
    from storyline.link.dating import memory_index, profile_keys, stated_day

    index = memory_index({d.id: profile_keys(anns[d.id], d.article.text) for d in docs},
                         {d.id: day for d in docs if (day := stated_day(d))})
    assert collection_estimates(docs, anns, _params(), index) == got  # the index of the documents given
    after = with_story_dates(docs, anns, index)
    assert after["undated"].dating[0].point == "2019-05-10" and after["a"].dating == []


def test_a_dated_article_is_never_its_own_carrier():
    from storyline.link.dating import memory_index, profile_estimate, profile_keys

    docs, anns = _collection([("a", ["Marta Vell", "Tulsa"], "2019-05-10"), ("b", ["Marta Vell", "Tulsa"], "2019-05-14"),
                              ("c", ["Marta Vell", "Tulsa"], "2019-05-20"), ("old", ["Tulsa"], "2017-02-01")])
    keys = {d.id: profile_keys(anns[d.id], d.article.text) for d in docs}
    index = memory_index(keys, {d.id: date.fromisoformat(d.article.published) for d in docs})
    b = profile_estimate("b", keys["b"], index, _params())
    assert b is not None and [e["document_id"] for e in b.evidence] == ["a", "c"]


def test_thin_or_split_evidence_leaves_the_article_undated():
    from storyline.link.dating import collection_estimates

    # one dated article alone shares what it names
    docs, anns = _collection([("a", ["Marta Vell", "Tulsa"], "2019-05-10"), ("undated", ["Marta Vell", "Tulsa"], None)])
    assert collection_estimates(docs, anns, _params()) == {}
    # two eras fit as well as each other
    docs, anns = _collection([("a", ["Marta Vell", "Tulsa"], "2009-05-10"), ("b", ["Marta Vell", "Tulsa"], "2009-05-12"),
                              ("c", ["Marta Vell", "Tulsa"], "2019-05-10"), ("d", ["Marta Vell", "Tulsa"], "2019-05-12"),
                              ("undated", ["Marta Vell", "Tulsa"], None)])
    assert collection_estimates(docs, anns, _params()) == {}


def test_an_estimate_never_dates_another_article():
    from storyline.link.dating import collection_estimates

    docs, anns = _collection([("guessed", ["Marta Vell", "Osric Dunmore"], "2019-05"),
                              ("guessed2", ["Marta Vell", "Osric Dunmore"], "2019-05"),
                              ("undated", ["Marta Vell", "Osric Dunmore"], None)])
    docs = [d if not d.id.startswith("guessed") else _doc(d.id, d.article.text, "2019-05", "estimate", seq=d.seq)
            for d in docs]
    assert collection_estimates(docs, anns, _params()) == {}



def test_a_keys_spread_is_the_median_distance_of_its_carriers_from_their_median_day():
    from storyline.link.dating import _spread

    # a key said in one week of May and once in November: the week sets it (4 days), not the outlier
    assert _spread([("a", date(2019, 5, 10), 3), ("b", date(2019, 5, 14), 3), ("c", date(2019, 11, 20), 3)]) == 4.0
    # said in March, June, September and December: about three months
    assert _spread([("a", date(2019, 3, 20), 3), ("b", date(2019, 6, 20), 3), ("c", date(2019, 9, 20), 3),
                    ("d", date(2019, 12, 20), 3)]) == 91.5


def test_the_past_only_view_holds_only_what_was_dated_by_the_arrival():
    """The eval's edge of the collection (``eval.dating.DatedUpTo``): an article sees only the dated
    articles written up to a given day, counts and carriers alike."""
    from storyline.eval.dating import DatedUpTo
    from storyline.link.dating import memory_index, profile_estimate, profile_keys

    docs, anns = _collection([("a", ["Marta Vell", "Tulsa"], "2019-05-10"), ("b", ["Marta Vell", "Tulsa"], "2019-05-14"),
                              ("c", ["Marta Vell", "Osric Dunmore"], "2019-09-02"),
                              ("d", ["Marta Vell", "Tulsa", "Osric Dunmore"], "2019-09-05"),
                              ("e", ["Tulsa", "Osric Dunmore"], "2019-09-08")])
    keys = {d.id: profile_keys(anns[d.id], d.article.text) for d in docs}
    index = memory_index(keys, {d.id: date.fromisoformat(d.article.published) for d in docs})
    seen = DatedUpTo(index, "2019-09-05")
    assert seen.dating_df(["e:tulsa", "e:osric dunmore", "e:nobody"]) == {"e:tulsa": 3, "e:osric dunmore": 2}
    assert [c[0] for c in seen.dating_carriers(["e:tulsa"])["e:tulsa"]] == ["a", "b", "d"]
    # with the whole index, d is dated by its two September neighbours (Osric Dunmore pins the day)
    full = profile_estimate("d", keys["d"], index, _params())
    assert full is not None and (full.point, [e["document_id"] for e in full.evidence]) == ("2019-09-02", ["c", "e"])
    # on its own day only c was there: one neighbour is too thin, and May's two do not pull it back
    assert profile_estimate("d", keys["d"], seen, _params()) is None


def test_a_reports_weight_falls_at_its_own_pace_before_and_after_its_day():
    from storyline.link.dating import _kernel

    got = _kernel(np.array([-14.0, -7.0, 0.0, 30.0, 60.0]), 14.0, 30.0)
    assert np.allclose(got, [math.exp(-1), math.exp(-0.5), 1.0, math.exp(-1), math.exp(-2)])
    # the same pace both ways: the symmetric kernel exp(-|d| / 14)
    assert np.array_equal(_kernel(np.array([-3.0, 3.0]), 14.0, 14.0), np.exp(-np.abs(np.array([-3.0, 3.0])) / 14.0))


def test_a_texts_phrases_are_its_runs_of_content_words():
    from storyline.annotate.dating import phrases

    got = phrases("De Blasio said the Chelsea explosion was a basket of deplorables' work. Police, firefighters")
    assert {"chelsea explosion", "basket of deplorable", "deplorable work"} <= got
    # no run across punctuation, none that begins or ends with a stop word
    assert "police firefighter" not in got and "work police" not in got and "the chelsea" not in got
    assert "said the chelsea" not in got and "explosion was basket" not in got  # ("a" is a word)
