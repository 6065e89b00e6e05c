"""Across articles: events merged by type, date and participants; figure series and conflicts."""
from datetime import date

from storyline.link.events import merge_events
from storyline.link.series import build_series, subject_key
from storyline.link.timespan import value_span
from storyline.model import Annotations, CleanArticle, Document, EventMention, Figure, Timex


def _doc(i, dup=None):
    return Document(article=CleanArticle(id=f"d{i}", source=f"d{i}", text="x" * 200), content_hash=str(i),
                    duplicate_of=dup, seq=i)


def _ev(start, kind, date, actors=()):
    t = Timex(0, 1, "x", "DATE", date) if date else None
    return EventMention(start, start + 10, "x", kind, "sign", "summary", actors=list(actors), date=t)


def test_events_merge_across_articles_only_when_compatible():
    docs = [_doc(1), _doc(2), _doc(3)]
    per = {
        "d1": Annotations("d1", events=[_ev(0, "agree", "2020-02-29", ["US"]), _ev(20, "release", "2020-04-12")]),
        "d2": Annotations("d2", events=[_ev(5, "agree", "2020-02", ["US"]), _ev(30, "agree", "2020-03-01", ["US"])]),
        "d3": Annotations("d3", events=[_ev(7, "agree", "2020-02-29", ["Taliban", "US"]), _ev(40, "agree", None, ["US"])]),
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("US", "Taliban")}
    events = merge_events(docs, per, index)
    got = sorted(((e.type, e.date.value if e.date else None, sorted(m[0] for m in e.mentions)) for e in events),
                 key=lambda t: (t[0], t[1] or ""))
    assert got == [
        ("agree", None, ["d3"]),                       # no date: kept apart, never given one
        ("agree", "2020-02-29", ["d1", "d2", "d3"]),   # same day, and the month that contains it
        ("agree", "2020-03-01", ["d2"]),               # same type on another date stays apart
        ("release", "2020-04-12", ["d1"]),
    ]
    deal = next(e for e in events if e.date and e.date.value == "2020-02-29")
    assert deal.actor_ids == ["e-Taliban", "e-US"]
    # ids derive from the first mention: adding an article later keeps them
    again = merge_events(docs + [_doc(4)], {**per, "d4": Annotations("d4")}, index)
    assert sorted(e.id for e in again) == sorted(e.id for e in events)


def test_series_and_conflicts_ignore_duplicates():
    def fig(value, subject, date):
        return Figure(0, 1, "x", value, subject, date=Timex(0, 1, "x", "DATE", date) if date else None)

    docs = [_doc(1), _doc(2), _doc(3, dup="d1")]
    per = {
        "d1": Annotations("d1", figures=[fig(2500, "US troops", "2021-01"), fig(5000, "Taliban prisoners", None)]),
        "d2": Annotations("d2", figures=[fig(2000, "U.S. troops", "2021-01"), fig(20, "Afghan prisoners", None)]),
        "d3": Annotations("d3", figures=[fig(5000, "Taliban prisoners", None)]),
    }
    series, index = build_series(docs, per)
    assert [(s.subject, s.figure_ids, s.conflict) for s in series] == [("US troops", ["d1:f0", "d2:f0"], True)]
    assert index == {"d1:f0": series[0].id, "d2:f0": series[0].id}
    assert subject_key("some 5,000 Taliban prisoners") == subject_key("Taliban prisoners") == "taliban prisoner"


def test_value_spans():
    assert str(value_span("2020-W15")) == "(datetime.date(2020, 4, 6), datetime.date(2020, 4, 12))"
    assert value_span("XXXX-04-12") is None and value_span("P14M") is None and value_span("PAST_REF") is None


def test_entities_merge_across_articles_by_place_name_and_last_name():
    from storyline.link.entities import merge_entities
    from storyline.model import EntityMention, Place

    kabul = Place(34.5, 69.2, "AF", 1138958, "Kabul", "city")
    per = {
        "d1": Annotations("d1", entities=[
            EntityMention(0, 16, "Zalmay Khalilzad", "PERSON", "Zalmay Khalilzad", roles=["US envoy"]),
            EntityMention(20, 25, "Kabul", "GPE", "Kabul", place=kabul)]),
        "d2": Annotations("d2", entities=[
            EntityMention(0, 5, "KABUL", "ORG", "Kabul"),
            EntityMention(10, 19, "Khalilzad", "PERSON", "Khalilzad"),
            EntityMention(30, 39, "Khalilzad", "ORG", "Khalilzad"),
            EntityMention(40, 46, "Afghan", "NORP", "Afghan")]),
        "d3": Annotations("d3", entities=[EntityMention(0, 6, "Afghan", "ORG", "Afghan")]),
    }
    entities, index = merge_entities([_doc(1), _doc(2), _doc(3)], per)
    got = sorted((e.name, e.type, len(e.mentions)) for e in entities)
    assert got == [("Afghan", "NORP", 1), ("Afghan", "ORG", 1), ("Kabul", "GPE", 2), ("Zalmay Khalilzad", "PERSON", 3)]
    assert index[("d2", "Khalilzad")] == index[("d1", "Zalmay Khalilzad")]
    assert index[("d2", "Kabul")] == index[("d1", "Kabul")]


def test_a_place_is_named_as_the_gazetteer_names_it_not_by_its_longest_mention():
    from storyline.link.entities import merge_entities
    from storyline.model import EntityMention, Place

    thailand = Place(15.5, 101.0, "TH", 1605651, "Thailand", "country")
    per = {
        "d1": Annotations("d1", entities=[EntityMention(0, 17, "Southern Thailand", "LOC", "Southern Thailand",
                                                        place=thailand)]),
        "d2": Annotations("d2", entities=[EntityMention(0, 8, "Thailand", "GPE", "Thailand", place=thailand)]),
        "d3": Annotations("d3", entities=[EntityMention(0, 17, "Southern Thailand", "LOC", "Southern Thailand",
                                                        place=thailand)]),
    }
    entities, _ = merge_entities([_doc(1), _doc(2), _doc(3)], per)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Thailand", 3)]
    # with no mention in the gazetteer's words, the name most mentions use
    del per["d2"]
    entities, _ = merge_entities([_doc(1), _doc(3)], per)
    assert [e.name for e in entities] == ["Southern Thailand"]


def test_series_fold_country_forms_demonyms_and_the_party_named_in_the_sentence():
    from storyline.model import EntityMention

    text2 = "The U.S. is on track to draw down to 4,500 troops in the country."
    per = {
        "d1": Annotations("d1", figures=[Figure(0, 5, "2,500", 2500, "American soldiers")]),
        "d2": Annotations("d2", sentences=[(0, len(text2))],
                          entities=[EntityMention(4, 8, "U.S.", "GPE", "United States")],
                          figures=[Figure(37, 42, "4,500", 4500, "troops")]),
        "d3": Annotations("d3", figures=[Figure(0, 5, "Some 2,500", 2500, "US troops")]),
    }
    series, _ = build_series([_doc(1), _doc(2), _doc(3)], per)
    assert [(s.subject, s.figure_ids) for s in series] == [("American soldiers", ["d1:f0", "d2:f0", "d3:f0"])]


def test_other_figures_on_a_vague_date_stay_apart_and_an_undated_mention_joins_the_one_dated_fit():
    def ev(start, date, fig_value):
        t = Timex(0, 1, "x", "DATE", date) if date else None
        return EventMention(start, start + 5, "x", "release", "release", "s", actors=["Afghan"], targets=["Taliban"],
                            figures=[0], date=t)

    per = {
        "d1": Annotations("d1", figures=[Figure(0, 3, "100", 100, "Taliban prisoners")], events=[ev(0, None, 100)]),
        "d2": Annotations("d2", figures=[Figure(0, 5, "5,000", 5000, "Taliban fighters")], events=[ev(0, "2020-09", 5000)]),
        "d3": Annotations("d3", figures=[Figure(0, 3, "100", 100, "Taliban prisoners")], events=[ev(0, "2020-09-11", 100)]),
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("Afghan", "Taliban")}
    events = merge_events([_doc(1), _doc(2), _doc(3)], per, index)
    # the undated release of 100 (d1) and the one of 100 on 2020-09-11 (d3) agree on everything else
    # and no other dated release fits: one event; 5,000 in September 2020 is another
    got = sorted((e.date.value, sorted(m[0] for m in e.mentions)) for e in events)
    assert got == [("2020-09", ["d2"]), ("2020-09-11", ["d1", "d3"])]


def test_mentions_dated_only_by_their_article_merge_only_with_the_same_actor():
    def ev(start, actors):
        return EventMention(start, start + 5, "x", "support", "s", "s", actors=list(actors),
                            date=Timex(0, 0, "", "DATE", "2021-03-07"), date_from="article")

    per = {"d1": Annotations("d1", events=[ev(0, ["Biden"]), ev(10, []), ev(20, ["Biden"])])}
    index = {("d1", "Biden"): "e-b"}
    events = merge_events([_doc(1)], per, index)
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_series_count_the_first_conjunct_and_a_groups_fighters_as_its_members():
    assert subject_key("Afghan government troops and civilian workers") == "af troop"
    assert subject_key("5,000 Taliban fighters") == subject_key("more than 5,000 Taliban") == "taliban member"


def test_series_party_skips_names_that_another_number_counts():
    from storyline.model import EntityMention

    text = "The deal asks the Afghan government to free 5,000 Taliban fighters in exchange for 1,000 members of its forces."
    a = text.index("Afghan")
    t = text.index("Taliban")
    per = {
        "d1": Annotations("d1", sentences=[(0, len(text))],
                          entities=[EntityMention(a, a + 6, "Afghan", "NORP", "Afghan"),
                                    EntityMention(t, t + 7, "Taliban", "ORG", "Taliban")],
                          figures=[Figure(text.index("5,000"), text.index("5,000") + 5, "5,000", 5000, "Taliban fighters"),
                                   Figure(text.index("1,000"), text.index("1,000") + 5, "1,000", 1000, "members of its forces")]),
        "d2": Annotations("d2", figures=[Figure(0, 5, "1,000", 1000, "Afghan security forces")]),
    }
    series, _ = build_series([_doc(1), _doc(2)], per)
    assert [(s.subject, s.figure_ids) for s in series] == [("Afghan security forces", ["d1:f1", "d2:f0"])]


def test_a_month_of_unknown_year_joins_the_same_month_of_a_known_year_with_a_shared_actor():
    docs = [_doc(1), _doc(2), _doc(3)]
    per = {
        "d1": Annotations("d1", events=[_ev(0, "agree", "XXXX-02", ["US"]), _ev(20, "release", "XXXX-04-12", ["Taliban"])]),
        "d2": Annotations("d2", events=[_ev(5, "agree", "2020-02-29", ["US", "Taliban"]),
                                        _ev(30, "release", "2020-04-13", ["Taliban"])]),
        "d3": Annotations("d3", events=[_ev(7, "agree", "XXXX-03", ["US"]), _ev(40, "agree", "XXXX-02", ["UN"])]),
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("US", "Taliban", "UN")}
    got = sorted((e.type, e.date.value, sorted(m[0] for m in e.mentions)) for e in merge_events(docs, per, index))
    assert got == [
        ("agree", "2020-02-29", ["d1", "d2"]),  # "late February" (no year) and the day in February 2020
        ("agree", "XXXX-02", ["d3"]),           # same month, but no shared actor
        ("agree", "XXXX-03", ["d3"]),           # another month
        ("release", "2020-04-13", ["d2"]),      # April 12 of unknown year is not April 13
        ("release", "XXXX-04-12", ["d1"]),
    ]


def test_an_organisation_without_its_country_joins_the_one_named_with_it_and_ids_stay():
    from storyline.link.entities import merge_entities
    from storyline.model import EntityMention

    per = {
        "d1": Annotations("d1", entities=[EntityMention(0, 16, "State Department", "ORG", "State Department")]),
        "d2": Annotations("d2", entities=[EntityMention(0, 19, "US State Department", "ORG", "US State Department"),
                                          EntityMention(20, 27, "Congress", "ORG", "Congress")]),
    }
    first, _ = merge_entities([_doc(1)], {"d1": per["d1"]})
    entities, index = merge_entities([_doc(1), _doc(2)], per)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [("Congress", 1), ("US State Department", 2)]
    assert index[("d1", "State Department")] == index[("d2", "US State Department")] == first[0].id
    # two countries' departments: the bare name stays apart, nothing says which one it is
    per["d3"] = Annotations("d3", entities=[EntityMention(0, 24, "British State Department", "ORG", "British State Department")])
    entities, _ = merge_entities([_doc(1), _doc(2), _doc(3)], per)
    assert sorted(e.name for e in entities) == ["British State Department", "Congress", "State Department", "US State Department"]


def test_undated_mentions_of_one_act_by_one_actor_merge_within_a_story_only():
    docs = [_doc(1), _doc(2), _doc(3)]
    for d, story in zip(docs, ("s1", "s1", "s2")):
        d.story_id = story
    per = {
        "d1": Annotations("d1", events=[_ev(0, "agree", None, ["US"])]),
        "d2": Annotations("d2", events=[_ev(5, "agree", None, ["US", "Taliban"]), _ev(9, "agree", None, ["UN"])]),
        "d3": Annotations("d3", events=[_ev(7, "agree", None, ["US"])]),
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("US", "Taliban", "UN")}
    got = sorted(sorted(m[0] for m in e.mentions) for e in merge_events(docs, per, index))
    assert got == [["d1", "d2"], ["d2"], ["d3"]]  # another actor, another story: apart


def test_a_dated_mention_naming_no_participant_does_not_join_an_undated_event_by_its_word_alone():
    # "the storm" of a report (undated, the port named) and "last Sunday's storm" (no participant):
    # nothing but the word says they are the same storm
    def ev(start, date, places=()):
        t = Timex(0, 1, "x", "DATE", date) if date else None
        return EventMention(start, start + 5, "x", "other", "storm", "storm", places=list(places), date=t, lemma="storm")

    per = {"d1": Annotations("d1", events=[ev(0, None, ["Bristol"]), ev(50, "2022-01-09")])}
    events = merge_events([_doc(1)], per, {("d1", "Bristol"): "e-b"})
    assert sorted((e.date.value if e.date else "") for e in events) == ["", "2022-01-09"]
    # naming the same port, they are one storm, dated
    per = {"d1": Annotations("d1", events=[ev(0, None, ["Bristol"]), ev(50, "2022-01-09", ["Bristol"])])}
    [one] = merge_events([_doc(1)], per, {("d1", "Bristol"): "e-b"})
    assert one.date.value == "2022-01-09" and len(one.mentions) == 2


def test_a_plan_joins_the_happening_that_fulfils_it_after_the_plan_was_reported():
    def doc(i, published):
        return Document(article=CleanArticle(id=f"d{i}", source=f"d{i}", text="x" * 200, published=published),
                        content_hash=str(i), seq=i, story_id="s")

    def ev(start, mood, date, actors=("Ana",)):
        t = Timex(0, 1 if date else 0, "x" if date else "", "DATE", date) if date else None
        return EventMention(start, start + 5, "x", "consult", "visit", "s", actors=list(actors), date=t,
                            modality=mood, lemma="visit")

    index = {(d, "Ana"): "e-ana" for d in ("d1", "d2")} | {(d, "Bo"): "e-bo" for d in ("d1", "d2")}
    # "Ana will visit Kyiv" (reported March 1) and "Ana arrived in Kyiv on March 6" (reported March 7)
    per = {"d1": Annotations("d1", events=[ev(0, "planned", None)]),
           "d2": Annotations("d2", events=[ev(0, "asserted", "2023-03-06")])}
    [trip] = merge_events([doc(1, "2023-03-01"), doc(2, "2023-03-07")], per, index)
    assert (trip.modality, trip.date.value, sorted(m[0] for m in trip.mentions)) == ("asserted", "2023-03-06", ["d1", "d2"])
    # a visit before the plan was reported, another actor's visit, or one two months on: not its fulfilment
    for happened, who in (("2023-02-20", "Ana"), ("2023-03-06", "Bo"), ("2023-05-06", "Ana")):
        per = {"d1": Annotations("d1", events=[ev(0, "planned", None)]),
               "d2": Annotations("d2", events=[ev(0, "asserted", happened, [who])])}
        assert len(merge_events([doc(1, "2023-03-01"), doc(2, "2023-03-07")], per, index)) == 2
    # "Ana met Bo today and will visit Kyiv": the plan in the report of the day is not today's visit
    per = {"d1": Annotations("d1", events=[ev(0, "asserted", "2023-03-01"), ev(20, "planned", None)])}
    assert len(merge_events([doc(1, "2023-03-01")], per, index)) == 2


def test_a_merged_events_doers_and_date_are_voted_by_its_mentions():
    # three reports name the US as the signer, one the US and the Taliban, one (merged on the date)
    # only "Kabul": the leader and who signs beside it are the doers, the odd one out is dropped;
    # the day the texts state beats the day borrowed from an article's date
    docs = [_doc(i) for i in range(1, 5)]
    told = Timex(0, 10, "on Feb. 29", "DATE", "2020-02-29")
    borrowed = Timex(0, 0, "", "DATE", "2020-03-01")
    per = {
        "d1": Annotations("d1", events=[EventMention(0, 10, "x", "agree", "signed", "s", actors=["US"],
                                                     date=borrowed, date_from="publication")]),
        "d2": Annotations("d2", events=[EventMention(0, 10, "x", "agree", "signed", "s", actors=["US"], date=told,
                                                     date_from="sentence")]),
        "d3": Annotations("d3", events=[EventMention(0, 10, "x", "agree", "signed", "s", actors=["US", "Taliban"],
                                                     date=told, date_from="sentence")]),
        "d4": Annotations("d4", events=[EventMention(0, 10, "x", "agree", "signed", "s", actors=["Kabul", "US"],
                                                     date=told, date_from="sentence"),
                                        EventMention(20, 30, "y", "agree", "signed", "s", actors=["Kabul"],
                                                     date=told, date_from="sentence")]),
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("US", "Taliban", "Kabul")}
    (deal,) = merge_events(docs, per, index)
    assert deal.date.value == "2020-02-29"
    assert deal.actor_ids == ["e-Kabul", "e-Taliban", "e-US"]  # Kabul is named beside the US once
    # named only beside a doer who is not the leader: dropped
    per["d4"] = Annotations("d4", events=[EventMention(20, 30, "y", "agree", "signed", "s", actors=["Kabul", "Taliban"],
                                                       date=told, date_from="sentence")])
    (deal,) = merge_events(docs, per, index)
    assert deal.actor_ids == ["e-Taliban", "e-US"]
    assert len(deal.mentions) == 4


def test_reports_joined_on_the_word_alone_do_not_corroborate_each_other():
    # two reports' undated "request" with no participant merge on the word, but the second report
    # adds no source to the event's salience; two that share a doer do
    def run(actors):
        per = {f"d{i}": Annotations(f"d{i}", events=[EventMention(0, 10, "x", "other", "request", "s",
                                                                  actors=list(actors), lemma="request")])
               for i in (1, 2)}
        index = {(d, "US"): "e-US" for d in per}
        (ev,) = merge_events([_doc(1), _doc(2)], per, index)
        return ev.salience, len(ev.mentions)

    alone, shared = run(()), run(["US"])
    assert alone[1] == shared[1] == 2
    assert round(shared[0] - alone[0], 3) >= 0.125


def test_a_lone_last_name_does_not_join_a_full_name_an_article_kept_apart_from_it():
    """d1 names 'Michelle Obama' and, apart from her, 'Obama' (the president); d2 says 'Obama' only:
    neither 'Obama' joins her. 'Khalilzad' still joins the one Khalilzad named in full."""
    from storyline.link.entities import merge_entities
    from storyline.model import EntityMention

    per = {
        "d1": Annotations("d1", entities=[
            EntityMention(0, 14, "Michelle Obama", "PERSON", "Michelle Obama"),
            EntityMention(20, 25, "Obama", "PERSON", "Obama"),
            EntityMention(30, 46, "Zalmay Khalilzad", "PERSON", "Zalmay Khalilzad")]),
        "d2": Annotations("d2", entities=[
            EntityMention(0, 5, "Obama", "PERSON", "Obama"),
            EntityMention(10, 19, "Khalilzad", "PERSON", "Khalilzad")]),
    }
    entities, index = merge_entities([_doc(1), _doc(2)], per)
    assert sorted((e.name, len(e.mentions)) for e in entities) == [
        ("Michelle Obama", 1), ("Obama", 2), ("Zalmay Khalilzad", 2)]
    assert index[("d2", "Obama")] == index[("d1", "Obama")] != index[("d1", "Michelle Obama")]


def test_a_statistic_over_a_period_is_no_key_event_but_a_dated_deal_with_a_figure_is():
    """'Money supply rose 2.7 pct in January' (a measure, with a figure, dated by a month) is a point
    of a figure series, folded off the timeline; a rise on a day, or a deal signed in March for a sum,
    keeps its salience."""
    from storyline.model import Figure

    def run(lemma, kind, date):
        per = {"d1": Annotations("d1", figures=[Figure(0, 3, "2.7", 2.7, "pct")], events=[
            EventMention(0, 10, "rose", kind, lemma, "s", actors=["Singapore"], lemma=lemma, event_class="OCCURRENCE",
                         figures=[0], date=Timex(0, 1, "x", "DATE", date), date_from="sentence")])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "Singapore"): "e-Singapore"})
        return ev.salience

    month, day, deal = run("rise", "other", "1987-01"), run("rise", "other", "1987-01-15"), run("sign", "agree", "1987-03")
    assert round(month * 2, 3) == day and deal > month
    # a week is a period too ("averaged 361 mln dlrs a day in the week"), and "registered" a measure
    assert run("average", "other", "1987-W15") == month and run("register", "other", "1986") == month
    # any happening of no domain type told with a figure over a quarter or a year is a total ("bought
    # 162,500 tonnes of raw sugar in 1986"); over a month only a measure verb is; a deal keeps its salience
    assert run("buy", "other", "1986") == run("buy", "other", "1987-Q3") == month
    assert run("buy", "other", "1987-01") == day and run("sign", "agree", "1986") > month
    # a deficit that narrowed or sales that rose over a month are measures too
    assert run("narrow", "other", "1987-01") == run("sale", "other", "1987-02") == month


def test_a_measure_named_by_a_noun_is_a_statistic_without_a_figure():
    """'its previously-reported fourth quarter loss', 'M-1 growth for calendar 1986': a measure noun
    dated by a period is a statistic with or without a figure; a measure verb with no figure ("fell
    sharply") and a noun dated by a day are not."""
    def run(lemma, tense, date):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, lemma, "other", lemma, "s", actors=["Dreyer"], lemma=lemma, event_class="OCCURRENCE",
                         tense=tense, aspect="NONE", date=Timex(0, 1, "x", "DATE", date), date_from="sentence")])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "Dreyer"): "e-Dreyer"})
        return ev.salience

    quarter = run("loss", "NONE", "1986-Q4")
    assert quarter == run("growth", "NONE", "1986") == run("earning", "NONE", "1987-W10")
    assert round(quarter * 2, 3) == run("loss", "NONE", "1987-03-04") == run("fall", "PAST", "1986")


def test_what_did_not_or_may_not_happen_is_no_key_event():
    """'Moscow would buy U.S. wheat if it were competitively priced', 'did not veto': half the salience
    of the same happening asserted; a plan ("to discuss an aid plan") keeps it."""
    def run(modality):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "buy", "other", "buy", "s", actors=["Moscow"], lemma="buy", event_class="OCCURRENCE",
                         tense="PAST", aspect="NONE", modality=modality)])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "Moscow"): "e-Moscow"})
        return ev.salience

    asserted = run("asserted")
    assert run("possible") == run("negated") == run("hypothetical") == round((asserted - 0.05) / 2, 3)
    assert run("planned") == round(asserted - 0.05, 3) > run("possible")


def test_a_standing_quest_told_in_the_present_is_no_key_event():
    """'SAPC is seeking 100 mln dlrs in damages' names a stance; 'SAPC sought' a deed."""
    def run(tense, aspect):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "seeking", "request", "seeking", "s", actors=["SAPC"], lemma="seek",
                         event_class="I_ACTION", tense=tense, aspect=aspect)])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "SAPC"): "e-SAPC"})
        return ev.salience

    assert round(run("PRESENT", "PROGRESSIVE") * 2, 3) == run("PAST", "NONE")


def test_a_position_held_told_in_the_present_is_no_key_event():
    """'GTE said it supports the recommendations but rejects the proposal': a position held; 'the
    union rejected the proposal' a deed."""
    def run(lemma, tense):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, lemma, "reject", lemma, "s", actors=["GTE"], lemma=lemma,
                         event_class="I_ACTION", tense=tense, aspect="NONE")])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "GTE"): "e-GTE"})
        return ev.salience

    assert round(run("reject", "PRESENT") * 2, 3) == run("reject", "PAST") == round(run("support", "PRESENT") * 2, 3)
    assert round(run("allege", "PRESENT") * 2, 3) == run("allege", "PAST")  # "NEC alleges it infringes copyrights"


def test_a_series_over_a_long_stretch_is_no_key_event():
    """'For months, McConnell urged the president ...': told as done again and again, half the salience
    of the same urging told once; an event with one such mention and one told once keeps it all."""
    def run(*series):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "urged", "request", "urged", "s", actors=["McConnell"], lemma="urge",
                         event_class="I_ACTION", tense="PAST", aspect="NONE", series=one) for one in series])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "McConnell"): "e-McConnell"})
        return ev.salience

    assert round(run(True) * 2, 3) == run(False) == run(True, False)


def test_a_participle_that_describes_a_thing_is_no_key_event():
    """'shelled peanuts', 'the rocket blamed for the loss': a bare participle with no time of its own
    keeps half its salience; the same participle dated by its sentence ('a notice released today'), or
    a past tense, keeps it all."""
    def run(tense, date_from):
        date = Timex(0, 1, "today", "DATE", "1987-04-13") if date_from else None
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "blamed", "accuse", "blamed", "s", actors=["NASA"], lemma="blame",
                         event_class="OCCURRENCE", tense=tense, aspect="NONE", date=date, date_from=date_from)])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "NASA"): "e-NASA"})
        return ev.salience

    assert round(run("PASTPART", None) * 2, 3) == run("PAST", None)
    assert run("PASTPART", "sentence") == run("PAST", "sentence") > run("PASTPART", None)


def test_the_line_names_a_doer_the_vote_kept():
    """Three reports of one event: two name TransCanada as its doer, the fullest line names another
    company whose mention no vote backs; the line comes from a mention of the kept doer."""
    def men(start, summary, actors):
        return EventMention(start, start + 10, "x", "consult", "talks", summary, actors=actors, lemma="talks",
                            event_class="OCCURRENCE")

    per = {"d1": Annotations("d1", events=[men(0, "TransCanada talks with Dome", ["TransCanada"])]),
           "d2": Annotations("d2", events=[men(0, "TransCanada talks", ["TransCanada"])]),
           "d3": Annotations("d3", events=[men(0, "Amoco Corp talks with Dome over its sale", [])])}
    index = {("d1", "TransCanada"): "e-TC", ("d2", "TransCanada"): "e-TC"}
    (ev,) = merge_events([_doc(1), _doc(2), _doc(3)], per, index)
    assert (ev.actor_ids, ev.summary) == (["e-TC"], "TransCanada talks with Dome")


def test_a_happening_two_reports_date_by_their_own_days_took_place_by_the_first():
    """'Petrobras cancelled a crude purchase' (published on the 12th) and 'Petrobras has cancelled ...'
    (on the 13th), joined as one cancellation: dated by the earlier report, whichever comes first; a
    date the text states still wins."""
    from storyline.link.events import _Cluster, _Member, _voted_date

    def member(doc, day, told=False):
        t = Timex(0, 9 if told else 0, "on Monday" if told else "", "DATE", day)
        span = (date.fromisoformat(day),) * 2
        return _Member(doc, 0, frozenset(), frozenset(), frozenset(), span if told else None, t)

    for members in ([member("d1", "1987-03-13"), member("d2", "1987-03-12")],
                    [member("d2", "1987-03-12"), member("d1", "1987-03-13")]):
        c = _Cluster(event=None, span=None, members=members)
        assert _voted_date(c).value == "1987-03-12"
    c = _Cluster(event=None, span=None, members=[member("d2", "1987-03-12"), member("d1", "1987-03-09", told=True)])
    assert _voted_date(c).value == "1987-03-09"


def test_one_article_telling_the_same_word_done_to_other_things_tells_two_happenings():
    """'The Bank of Spain yesterday raised its overnight rate' and 'the central bank last night raised
    the reserve requirement': two raisings; the same rate named twice is one."""
    def men(start, obj, date):
        return EventMention(start, start + 50, "raised", "other", "raised", f"Bank of Spain raised {obj}",
                            actors=["Bank of Spain"], lemma="raise", event_class="OCCURRENCE", tense="PAST",
                            object_lemma=obj, date=Timex(0, 9, "yesterday", "DATE", date), date_from="sentence")

    index = {("d1", "Bank of Spain"): "e-BoS"}
    per = {"d1": Annotations("d1", events=[men(0, "rate", "1987-03-04"), men(60, "requirement", "1987-03-04TNI")])}
    assert len(merge_events([_doc(1)], per, index)) == 2
    for same in (("rate", "rate"), ("deal", "agreement")):  # (one thing, or one family: "signed a deal", "the agreement")
        per = {"d1": Annotations("d1", events=[men(0, same[0], "1987-03-04"), men(60, same[1], "1987-03-04TNI")])}
        assert len(merge_events([_doc(1)], per, index)) == 1


def test_an_amount_told_over_a_period_is_a_statistic():
    """'the January industrial production index was revised upwards' (a measure, EventMention.measure)
    dated by a month is a statistic with or without a figure; the same dated by a day is not."""
    def run(measure, date):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "revised", "other", "revised", "s", actors=["MITI"], lemma="revise",
                         event_class="OCCURRENCE", tense="PAST", aspect="NONE", measure=measure,
                         date=Timex(0, 1, "x", "DATE", date), date_from="sentence")])}
        (ev,) = merge_events([_doc(1)], per, {("d1", "MITI"): "e-MITI"})
        return ev.salience

    assert round(run(True, "1987-01") * 2, 3) == run(False, "1987-01") == run(True, "1987-03-04")


def test_a_meeting_brought_in_with_an_indefinite_article_joins_on_more_than_the_word():
    """'a meeting in which aide Papadopoulos suggested ...' is a new happening: it does not join 'the
    meetings' of the story on the word alone, but does join one it shares a participant with."""
    def run(indefinite, targets):
        per = {"d1": Annotations("d1", events=[
            EventMention(0, 10, "meetings", "consult", "meetings", "s", targets=["Putin"], lemma="meeting",
                         event_class="OCCURRENCE", tense="NONE", aspect="NONE"),
            EventMention(20, 40, "meeting", "consult", "meeting", "s", targets=targets, lemma="meeting",
                         event_class="OCCURRENCE", tense="NONE", aspect="NONE", indefinite=indefinite)])}
        ids = {("d1", "Putin"): "e-Putin", ("d1", "Page"): "e-Page"}
        return len(merge_events([_doc(1)], per, ids))

    assert run(False, []) == 1
    assert run(True, []) == 2
    assert run(True, ["Putin"]) == 1


def test_an_event_is_named_by_a_line_that_shows_who_did_it():
    # the fullest line names the event, but one that shows a doer (EventMention.doer) goes first
    def ev(start, summary, doer):
        return EventMention(start, start + 10, "x", "assault", "shot", summary, date=Timex(0, 1, "x", "DATE", "2015-01-27"),
                            doer=doer)

    per = {"d1": Annotations("d1", events=[ev(0, "shot her boyfriend in the head", "")]),
           "d2": Annotations("d2", events=[ev(0, "girl shot her boyfriend", "girl")]),
           "d3": Annotations("d3", events=[ev(0, "shot her boyfriend in the side of the head", "")])}
    events = merge_events([_doc(1), _doc(2), _doc(3)], per, {})
    assert [(e.summary, len(e.mentions)) for e in events] == [("girl shot her boyfriend", 3)]


def test_one_article_telling_one_word_at_two_clock_times_of_a_day_tells_two_happenings():
    """'a person shot about 6:45 p.m.' and 'four people were wounded in a shooting about 5:45 p.m.':
    two shootings that day; 'about 5:45 p.m.' and 'shortly before 6 p.m.' may be one."""
    def men(start, value):
        return EventMention(start, start + 50, "shot", "assault", "shot", "shot", lemma="shoot",
                            event_class="OCCURRENCE", tense="PAST", date=Timex(0, 9, "x", "TIME", value),
                            date_from="sentence")

    for second, n in (("2013-05-29T18:45", 2), ("2013-05-29T18:00", 1), ("2013-05-30T18:45", 2)):
        per = {"d1": Annotations("d1", events=[men(0, "2013-05-29T17:45"), men(60, second)])}
        assert len(merge_events([_doc(1)], per, {})) == n, second
