"""What each article adds, and extractive story summaries that cite their sources; the export's extra fields."""
import json

import jsonschema
import pytest

from storyline.link.events import merge_events
from storyline.link.novelty import published_utc, report_key, what_is_new
from storyline.link.summaries import StorySummarizer, summarize_story
from storyline.model import Annotations, CleanArticle, Document, EventMention, Figure, Timex

from conftest import SAMPLES, SCHEMA

TEXT = {
    "a": ["The Taliban released 20 Afghan prisoners in Kandahar on Sunday, officials said.",
          "The prisoners were flown to Kabul and handed over to the Red Cross.",
          "A local bakery reopened after repairs to its old roof were finished."],
    "b": ["Taliban fighters released 20 Afghan prisoners in Kandahar province on Sunday.",
          "The government said it would free 100 Taliban prisoners next week in return."],
    "c": ["The Taliban released twenty Afghan prisoners in Kandahar, a spokesman said on Sunday.",
          "Talks between the two sides in Doha are expected to resume in May."],
}
TEXT["d"] = TEXT["a"]  # a reprint of a


def _story():
    seq = {"c": 0, "a": 1, "b": 2, "d": 3}
    published = {"a": "2020-04-14", "b": "2020-04-12T20:00:00+04:30", "c": None, "d": "2020-04-14"}
    docs, per = [], {}
    for name in ("c", "a", "b", "d"):
        text = " ".join(TEXT[name])
        docs.append(Document(article=CleanArticle(id=name, source=name, text=text, published=published[name]),
                             content_hash=name, duplicate_of="a" if name == "d" else None, story_id="s1",
                             seq=seq[name]))
        sents, pos = [], 0
        for s in TEXT[name]:
            sents.append((pos, pos + len(s)))
            pos += len(s) + 1
        ann = Annotations(name, sentences=sents)
        first = TEXT[name][0]
        count = "twenty" if name == "c" else "20"
        n = first.index(count)
        ann.figures.append(Figure(n, n + len(count), count, 20.0, "Afghan prisoners"))
        ann.events.append(EventMention(0, len(first), first, "release", "released", "Taliban released prisoners",
                                       actors=["Taliban"], figures=[0], date=Timex(0, 1, "x", "DATE", "2020-04-12"),
                                       date_from="sentence"))
        if name == "b":
            s, e = sents[1]
            n = text.index("100")
            ann.figures.append(Figure(n, n + 3, "100", 100.0, "Taliban prisoners"))
        if name == "c":
            s, e = sents[1]
            ann.events.append(EventMention(s, e, text[s:e], "consult", "resume", "talks to resume in Doha",
                                           actors=["sides"]))
            n = text.index("May")
            ann.timexes.append(Timex(n, n + 3, "May", "DATE", "2020-05"))
        per[name] = ann
    index = {(d, k): f"e-{k}" for d in per for k in ("Taliban", "sides")}
    return docs, per, merge_events(docs, per, index)


def test_report_order_is_published_time_then_ingest_order():
    docs, _, _ = _story()
    assert published_utc("2020-04-12T20:00:00+04:30") == "2020-04-12T15:30:00"
    assert published_utc("not a date") is None
    assert [d.id for d in sorted(docs, key=report_key)] == ["b", "a", "d", "c"]


def test_what_each_article_is_the_first_to_report():
    docs, per, events = _story()
    release, consult = events  # c comes first in ingest order, so it founds both events
    assert (release.type, consult.type) == ("release", "consult")
    new = what_is_new(docs, per, events, {"a:q0": "g1"})
    got = {d: (n.event_ids, n.figure_ids) for d, n in new.items()}
    assert got == {
        "b": ([release.id], ["b:f0", "b:f1"]),  # published first: the release and both figures
        "a": ([], []),                          # the same 20 prisoners, two days later
        "c": ([consult.id], []),                # undated, so after the dated ones: only the talks are new
        "d": ([], []),                          # a reprint adds nothing
    }
    # an approximate figure within 10% is the same figure; an exact one is not
    per["a"].figures[0] = Figure(0, 1, "x", 21.0, "Afghan prisoners", approximate=True)
    assert what_is_new(docs, per, events)["a"].figure_ids == []
    per["a"].figures[0] = Figure(0, 1, "x", 21.0, "Afghan prisoners")
    assert what_is_new(docs, per, events)["a"].figure_ids == ["a:f0"]


def test_story_summary_cites_the_sources_of_the_most_reported_event():
    docs, per, events = _story()
    whole, periods = summarize_story(docs, per, events, size=2)
    # the release (three sources: a's wording is the one closest to the others'), then the talks (one
    # source), in reported order; the reprint d never appears
    assert [s[0] for s in whole.sentences] == ["a", "c"]
    assert whole.cites == [["b", "a", "c"], ["c"]]
    a0, c1 = TEXT["a"][0], TEXT["c"][1]
    assert whole.text == f"{a0} [b, a, c] {c1} [c]"
    text_of = {d.id: d.article.text for d in docs}
    assert [text_of[d][s:e] for d, s, e in whole.sentences] == [a0, c1]
    # April holds the release and the articles; May is only named in passing, so it opens no period
    assert [p for p, _ in periods] == ["2020-04"]
    # within April the talks (no month of their own) are out; b's exchange offer is the runner-up
    assert periods[0][1].text == f"{TEXT['b'][1]} [b] {a0} [b, a, c]"
    # deterministic
    assert StorySummarizer(docs, per, events).summary(2).text == whole.text


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    from storyline.api import Storyline

    db = tmp_path_factory.mktemp("db") / "s.db"
    with Storyline(db) as sl:
        sl.build(SAMPLES)
        before = sl.export()
        extra = tmp_path_factory.mktemp("extra") / "extra.jsonl"
        extra.write_text(json.dumps({
            "id": "late-1", "published": "2021-06-01", "title": "US envoy Khalilzad back in Doha for Taliban talks",
            "text": "US envoy Zalmay Khalilzad returned to Doha for talks with the Taliban on the peace deal.\n\n"
                    "Zalmay Khalilzad said: \"Tomorrow is a momentous day for Afghanistan.\" "
                    "He spoke in Doha on Friday, officials said."}) + "\n")
        sl.build(extra)
        after = sl.export()
    return before, after


def test_samples_export_validates_and_carries_the_extra_fields(exported):
    data, _ = exported
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    groups = {g["id"]: g for g in data["quote_groups"]}
    for q in data["quotes"]:
        assert q["id"] in groups[q["group_id"]]["quote_ids"]
    assert sorted(q for g in groups.values() for q in g["quote_ids"]) == sorted(q["id"] for q in data["quotes"])
    events = {e["id"] for e in data["events"]}
    figures = {f["id"] for f in data["figures"]}
    firsts = [i for d in data["documents"] for i in d["new"]["event_ids"]]
    assert sorted(firsts) == sorted(events)  # every event is new in exactly one article
    assert {i for d in data["documents"] for i in d["new"]["figure_ids"]} <= figures
    quote_firsts = [i for d in data["documents"] for i in d["new"]["quote_ids"]]
    assert {groups[next(q["group_id"] for q in data["quotes"] if q["id"] == i)]["id"] for i in quote_firsts} == set(groups)
    for e in data["events"] + data["series"]:
        assert e["agreement"]["status"] in ("agree", "differ", "single")
        assert (e["agreement"]["status"] == "single") == (len(e["agreement"]["sources"]) == 1)
    for e in data["entities"]:
        for r in e["role_history"]:
            assert r["role"] in e["roles"] and r["document_id"] in texts
    [story] = data["stories"]
    assert story["summary"] and 1 <= len(story["summary_sentences"]) <= 4
    for s in story["summary_sentences"] + [s for p in story["periods"] for s in p["sentences"]]:
        assert texts[s["document_id"]][s["start"]:s["end"]] == s["text"] and s["text"] in story["summary"] + "".join(
            p["summary"] for p in story["periods"])
    assert [p["period"] for p in story["periods"]] == sorted(p["period"] for p in story["periods"])


def test_ids_stay_when_an_article_is_added(exported):
    before, after = exported
    b_groups = {q["id"]: q["group_id"] for q in before["quotes"]}
    a_groups = {q["id"]: q["group_id"] for q in after["quotes"]}
    assert {q: a_groups[q] for q in b_groups} == b_groups
    assert {e["id"] for e in before["events"]} <= {e["id"] for e in after["events"]}
    late = next(d for d in after["documents"] if d["id"] == "late-1")
    # published last: what it adds is only what nobody reported before; earlier articles keep theirs
    old_new = {d["id"]: d["new"] for d in before["documents"]}
    assert all(d["new"] == old_new[d["id"]] for d in after["documents"] if d["id"] != "late-1")
    assert set(late["new"]["quote_ids"]) <= {q["id"] for q in after["quotes"] if q["document_id"] == "late-1"}
    # Khalilzad's "momentous day" (sample 003) carried again: one quotation, two sources, not new
    again = next(q for q in after["quotes"] if q["document_id"] == "late-1" and "momentous" in q["text"])
    group = next(g for g in after["quote_groups"] if g["id"] == again["group_id"])
    first = next(q for q in after["quotes"] if q["document_id"] == "003_498ab2b590156276" and "momentous" in q["text"])
    assert first["id"] == f"003_498ab2b590156276:q{first['start']}-{first['end']}"  # offsets, not positions
    assert group["quote_ids"] == [first["id"], again["id"]]
    assert group["sources"] == ["003_498ab2b590156276", "late-1"] and again["id"] not in late["new"]["quote_ids"]
