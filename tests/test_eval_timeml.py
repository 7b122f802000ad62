"""TimeML reading and TempEval-3-style scoring on tiny invented documents."""

from datetime import date
from pathlib import Path

import pytest

from polemos.evaluate.timeml import canonical_value, evaluate_timeml, format_report, read_timeml
from polemos.model import Timex

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-12-13" temporalFunction="false" functionInDocument="CREATION_TIME">20201213</TIMEX3></DCT>
<TEXT>
Rebels &amp; troops <EVENT eid="e1" class="OCCURRENCE">clashed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-12-11" functionInDocument="NONE">Friday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3D" functionInDocument="NONE">three days</TIMEX3>, officials said <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF" functionInDocument="NONE">now</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    p = tmp_path / "t1.tml"
    p.write_text(DOC, encoding="utf-8")
    return p


def test_read_timeml(tml):
    doc = read_timeml(tml)
    assert doc.dct == date(2020, 12, 13)
    assert [(g.text, g.type, g.value) for g in doc.timexes] == [
        ("Friday", "DATE", "2020-12-11"),
        ("three days", "DURATION", "P3D"),
        ("now", "DATE", "PRESENT_REF"),
    ]
    for g in doc.timexes:
        assert doc.text[g.start : g.end] == g.text
    assert "Rebels & troops clashed" in doc.text


def fake_tagger(text: str, dct):
    """Finds "Friday" with a wrong value, half of "three days", and a spurious "troops"."""
    out = []
    for word, typ, val in (("Friday", "DATE", "2020-12-04"), ("days", "DURATION", "P3D"), ("troops", "DATE", "X")):
        i = text.index(word)
        out.append(Timex(word, i, i + len(word), typ, val))
    return out


def test_scores(tml):
    r = evaluate_timeml([tml.parent], tagger=fake_tagger)
    assert (r["documents"], r["gold"], r["system"]) == (1, 3, 3)
    # strict: only "Friday" has exact bounds; relaxed: "Friday" and "days"/"three days".
    assert r["strict"]["precision"] == pytest.approx(1 / 3)
    assert r["relaxed"]["recall"] == pytest.approx(2 / 3)
    assert r["relaxed"]["f1"] == pytest.approx(2 / 3)
    assert r["value_accuracy"] == pytest.approx(1 / 2)
    assert r["value_f1"] == pytest.approx(2 / 3 * 1 / 2)
    assert r["type_accuracy"] == 1.0
    assert any("now" in m for m, _ in r["missed"])
    assert any("troops" in s for s, _ in r["spurious"])
    text = format_report(r)
    assert "relaxed" in text and "value F1" in text


def test_real_tagger_runs(tml):
    r = evaluate_timeml([tml])
    assert r["relaxed"]["f1"] == pytest.approx(1.0)
    assert r["value_accuracy"] == pytest.approx(1.0)


def test_canonical_value():
    assert canonical_value("2000-W7") == canonical_value("2000-W07")
    assert canonical_value("1997-XX-XX") == "1997"
    assert canonical_value("199") == canonical_value("199X")
    assert canonical_value("1989-11-06T17") == "1989-11-06T17:00"
    assert canonical_value("P3D") == "P3D"


def test_default_tagger_on_the_invented_document(tml):
    r = evaluate_timeml([tml])
    assert r["relaxed"]["f1"] == pytest.approx(1.0)
    assert r["value_f1"] == pytest.approx(1.0)
