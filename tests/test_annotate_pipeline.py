"""The combined per-article pipeline on the sample reports (skips while a sibling annotator is
missing)."""
from pathlib import Path

import pytest

from storyline.model import Annotations, CleanArticle

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "afghan-talks"


def test_annotate_samples_stream():
    pytest.importorskip("storyline.annotate.timex")
    pytest.importorskip("storyline.annotate.places")
    pytest.importorskip("storyline.annotate.quotes")
    from storyline.annotate.pipeline import annotate

    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    files = sorted(SAMPLES.glob("*.txt"))
    arts = (CleanArticle(id=f.stem, source=str(f), text=f.read_text(), published="2020-04-14")
            for f in files)  # a generator: the pipeline must stream
    out = list(annotate(arts, batch_size=2))
    assert [a.document_id for a in out] == [f.stem for f in files]
    a0: Annotations = out[0]
    for a, f in zip(out, files):
        t = f.read_text()
        assert a.sentences and all(0 <= s < e <= len(t) for s, e in a.sentences)
        for x in a.entities + a.figures + a.timexes + a.quotes:
            assert t[x.start:x.end] == x.text
    kandahar = [e for e in a0.entities if e.text == "Kandahar"]
    assert kandahar and kandahar[0].place is not None and kandahar[0].place.country_code == "AF"
    rel = next(e for e in a0.events if "20 Afghan prisoners" in e.text and e.trigger == "released")
    assert rel.type == "release" and rel.actors == ["Taliban"] and rel.places == ["Kandahar"]
    assert rel.date is not None and rel.date.value == "2020-04-12" and rel.date_from == "sentence"
    assert [a0.figures[i].subject for i in rel.figures] == ["Afghan prisoners"]
    assert ("some 1,000", True) in [(f.text, f.approximate) for f in a0.figures]
    assert any(q.speaker for q in out[3].quotes)


def test_figures_without_a_date_of_their_own_hold_on_the_article_date():
    from storyline.annotate.pipeline import annotate
    from storyline.model import CleanArticle

    text = "Some 2,500 US troops remain in Afghanistan. The talks ended on March 3, 2021 with 40 delegates present."
    [ann] = annotate([CleanArticle(id="a", source="a", text=text, published="2021-03-05")])
    dates = {f.text: (f.date.value, f.date.text) for f in ann.figures}
    assert dates["Some 2,500"] == ("2021-03-05", "")
    assert dates["40"] == ("2021-03-03", "March 3, 2021")
