"""The evals read the official test sets as they are published: TempEval-3's platinum folder (a flat
folder of .tml files, every document a test document) and SemEval-2015 Task 4's test data
(``corpus_N/corpus_trackA_TimeML`` and ``TimeLines_Gold_Standard``, several corpora in one folder).
The files here are written for the tests, in the corpora's formats."""
import io

import pytest
from rich.console import Console

from storyline.eval import timeline, timeml

TML = """<?xml version="1.0" ?><TimeML>
<DOCID>{doc}</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
The council <EVENT class="OCCURRENCE" eid="e1">approved</EVENT> the budget on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
"""

RAW = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>{doc}</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01</TIMEX3></DCT>
<TEXT><s id="0">Acme wins tanker contract</s><s id="1">Acme signed the contract with the air force on February 29 , 2008 .</s></TEXT>
</TimeML>
"""


def test_platinum_folder_is_all_test(tmp_path):
    for name in ("AP_1", "bbc_2"):
        (tmp_path / f"{name}.tml").write_text(TML.format(doc=name), encoding="utf-8")
    docs = timeml.load(tmp_path)
    assert [(d.name, d.part, d.split) for d in docs] == [("AP_1", tmp_path.name, "test"), ("bbc_2", tmp_path.name, "test")]
    assert [(e.text, e.cls) for e in docs[0].events] == [("approved", "OCCURRENCE")]
    with pytest.raises(ValueError, match="no .tml file"):
        timeml.load(tmp_path / "missing")


def _corpus(root, n):
    raw = root / "corpus_trackA_TimeML"
    gold = root / "TimeLines_Gold_Standard"
    raw.mkdir(parents=True)
    gold.mkdir()
    raw.joinpath(f"{n}_acme.tml").write_text(RAW.format(doc=n), encoding="utf-8")
    # one dated entry in sentence 1 (right: 2008-02-29), one undated (not counted)
    gold.joinpath("acme.txt").write_text(f"Acme\n0\t2008-02-29\t{n}-1-signed\n1\tXXXX-XX-XX\t{n}-0-wins\n",
                                         encoding="utf-8")


def test_semeval_test_layout_and_its_corpora(tmp_path):
    for k, n in ((1, "100"), (2, "200")):
        _corpus(tmp_path / f"corpus_{k}", n)
    console = Console(file=io.StringIO(), width=200)
    one = timeline.run(tmp_path / "corpus_1", console)
    assert one == {"dated_entries": 1, "found_dated": 1.0, "right_date": 1.0}
    both = timeline.run(tmp_path, console)
    assert both == {"dated_entries": 2, "found_dated": 1.0, "right_date": 1.0}
    with pytest.raises(ValueError, match="neither raw_TimeML"):
        timeline.run(tmp_path / "corpus_1" / "TimeLines_Gold_Standard", console)
