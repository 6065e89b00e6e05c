"""The coreference metrics on a hand-worked example, and reading ECB+ gold (skips without the bench)."""
from pathlib import Path

import pytest

from storyline.eval import coref

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "ecbplus"

# key: {a b c} {d e}; response: {a b} {c d} {e}
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}


def test_muc_by_hand():
    # recall: {a,b,c} split in 2 parts -> (3-2)/(3-1); {d,e} split in 2 -> 0/1; R = 1/3
    # precision: {a,b} 1 part -> 1/1; {c,d} 2 parts -> 0/1; {e} -> 0/0; P = 1/2
    p, r, f = coref.muc(KEY, RESPONSE)
    assert (p, r) == pytest.approx((1 / 2, 1 / 3))
    assert f == pytest.approx(0.4)


def test_b_cubed_by_hand():
    # P per item: a 2/2, b 2/2, c 1/2, d 1/2, e 1/1 -> 4/5; R: 2/3, 2/3, 1/3, 1/2, 1/2 -> 8/15
    p, r, f = coref.b_cubed(KEY, RESPONSE)
    assert (p, r) == pytest.approx((4 / 5, 8 / 15))
    assert f == pytest.approx(0.64)


def test_ceaf_e_by_hand():
    # phi4: K1-R1 = 2*2/5 = 0.8, K2-R3 = 2*1/3; best alignment sum 22/15 (beats K1-R1 + K2-R2 = 1.3)
    p, r, f = coref.ceaf_e(KEY, RESPONSE)
    assert (p, r) == pytest.approx((22 / 45, 11 / 15))
    assert f == pytest.approx(44 / 75)


def test_conll_is_mean_of_three():
    s = coref.conll(KEY, RESPONSE)
    assert s["conll"] == pytest.approx((0.4 + 0.64 + 44 / 75) / 3)


def test_perfect_and_singleton_edges():
    assert coref.conll(KEY, KEY)["conll"] == pytest.approx(1.0)
    single = {k: k for k in KEY}
    s = coref.conll(single, single)
    assert (s["muc"], s["b3"], s["ceafe"]) == pytest.approx((0.0, 1.0, 1.0))  # MUC has no links to score
    s = coref.conll(KEY, single)
    assert (s["b3_p"], s["b3_r"]) == pytest.approx((1.0, (3 * 1 / 3 + 2 * 1 / 2) / 5))
    assert s["muc"] == 0.0


needs_bench = pytest.mark.skipif(not CORPUS.is_dir(), reason="ECB+ bench data absent")


@needs_bench
def test_read_gold_offsets_and_clusters():
    valid = coref.validated_sentences(CORPUS)
    doc = coref.read_gold(CORPUS / "1" / "1_1ecb.xml", valid)
    got = [(g.tag, doc.text[g.start:g.end], g.cluster) for g in doc.mentions]
    assert len(got) == 18
    assert ("HUMAN_PART_PER", "Tara Reid", "HUM16236184328979740") in got
    assert ("HUMAN_PART_PER", "actress", "HUM16236184328979740") in got
    assert ("ACTION_OCCURRENCE", "entered", "ACT16236402809085484") in got
    assert ("LOC_FAC", "the Promises Treatment Center in Malibu, California", "LOC16235213289813758") in got
    # a mention in no coreference relation is its own cluster
    assert ("ACTION_OCCURRENCE", "appeared", "1_1ecb/28") in got
    # only validated sentences (1 and 2 here); sentence 3 mentions are left out
    assert {g.sentence for g in doc.mentions} == {1, 2}
    other = coref.read_gold(CORPUS / "1" / "1_2ecb.xml", valid)
    assert [other.text[g.start:g.end] for g in other.mentions if g.tag == "HUMAN_PART_PER"] == [
        "publicist", "Tara Reid", "herself", "He", "she", "she"]


@needs_bench
def test_every_token_of_a_topic_aligns():
    for path in sorted((CORPUS / "2").glob("*.xml")):
        import xml.etree.ElementTree as ET

        from storyline.eval.stories import read_doc

        text = read_doc(path)
        offsets = coref.token_offsets(ET.parse(path).getroot(), text)
        assert offsets  # raises ValueError on a token it cannot place
        for s, e, _ in offsets.values():
            assert text[s:e].strip()


@needs_bench
def test_two_reports_merge_tara_reid():
    valid = coref.validated_sentences(CORPUS)
    docs = [coref.read_gold(CORPUS / "1" / f"{s}.xml", valid) for s in ("1_1ecb", "1_2ecb")]
    parsed = coref.annotate_all(docs)
    ent_of, _ = coref.link_group(parsed)
    matched = coref.match_entities(parsed, ent_of)
    reid = [matched.get(id(g)) for d in docs for g in d.mentions if d.text[g.start:g.end] == "Tara Reid"]
    assert len(reid) == 2 and reid[0] is not None and reid[0] == reid[1]
    rows = coref.score_split(parsed, "sub-topic")
    assert rows["entities: ours"]["gold"] == 18  # 10 entity mentions in 1_1ecb, 8 in 1_2ecb
    assert rows["events, ALL gold mentions: same lemma"]["gold"] == 13  # 8 + 5


def test_article_date_bounds_what_it_reports_from_above():
    """A mention dated only by its article (empty timex text) joins an explicitly dated one of the
    week before, with a shared actor; the explicit day becomes the event's date."""
    from storyline.link.events import merge_events
    from storyline.model import Annotations, CleanArticle, Document, EventMention, Timex

    def doc(i):
        return Document(article=CleanArticle(id=f"d{i}", source=f"d{i}", text="x" * 50), content_hash=str(i), seq=i)

    def ev(value, told, actor="A"):
        t = Timex(0, 6 if told else 0, "Friday" if told else "", "DATE", value)
        return EventMention(0, 10, "x", "assault", "shot", "A shot B", actors=[actor], date=t)

    per = {
        "d1": Annotations("d1", events=[ev("2005-06-26", told=False)]),  # report of Sunday, no date of its own
        "d2": Annotations("d2", events=[ev("2005-06-24", told=True)]),   # "on Friday": two days before
        "d3": Annotations("d3", events=[ev("2005-06-10", told=True)]),   # 16 days before: another shooting
        "d4": Annotations("d4", events=[ev("2005-06-24", told=True, actor="C")]),  # other actor
        "d5": Annotations("d5", events=[ev("2005-06-27", told=True)]),   # after the report: not what it reported
    }
    index = {(d, k): f"e-{k}" for d in per for k in ("A", "C")}
    events = merge_events([doc(i) for i in range(1, 6)], per, index)
    got = sorted((e.date.value, sorted(m[0] for m in e.mentions)) for e in events)
    assert got == [("2005-06-10", ["d3"]), ("2005-06-24", ["d1", "d2"]), ("2005-06-24", ["d4"]),
                   ("2005-06-27", ["d5"])]
