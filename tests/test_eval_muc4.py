"""MUC-4 adapter: message and key parsing, count matching and scoring on hand-made predictions."""

from datetime import date

import pytest
from click.testing import CliRunner

from polemos.evaluate.muc4 import (Prediction, Scores, Template, Truecaser, find_files, format_report,
                                   match_counts, parse_key, parse_messages, unwrap)

from .conftest import FIXTURES, shared

MUC = FIXTURES / "muc4"


def _keys():
    return parse_key((MUC / "key-dev-9001.muc4").read_text(encoding="latin-1"))


def _messages():
    return parse_messages((MUC / "dev-muc3-9001-9002").read_text(encoding="latin-1"))


def test_messages_dateline_tags_and_wrapping():
    msgs = _messages()
    assert [m.id for m in msgs] == ["DEV-MUC3-9001", "DEV-MUC3-9002"]
    assert msgs[0].published == date(1990, 3, 12)
    assert msgs[1].published == date(1990, 3, 13)
    first = msgs[0].text
    assert first.startswith("A CAR BOMB EXPLODED TODAY")  # dateline and [REPORT] [..] [TEXT] gone
    assert "OUTSIDE THE CENTRAL MARKET IN TEGUCIGALPA, KILLING" in first  # wrapped lines joined
    assert first.count("\n\n") == 1 and "\n" not in first.replace("\n\n", "")
    assert unwrap("A\nB\n\n   C\nD\n") == "A B\n\nC D"


def test_key_templates_relevance_and_counts():
    keys = _keys()
    assert set(keys) == {"DEV-MUC3-9001", "DEV-MUC3-9002"}
    assert keys["DEV-MUC3-9002"] == []  # the all-"*" template means no incident
    bomb, arson = keys["DEV-MUC3-9001"]
    assert (bomb.index, bomb.incident_type, bomb.stage, bomb.optional) == (1, "BOMBING", "ACCOMPLISHED", False)
    assert bomb.relevant and not arson.relevant  # the arson template is optional
    assert bomb.count("DEATH") == 3 and bomb.count("INJURY") == 2
    assert bomb.location == "HONDURAS: TEGUCIGALPA (CITY)"
    targets = {t.ref: t for t in arson.targets()}
    # a named target has no number slot entry: it is one person; "? INJURY / DEATH" reads as INJURY
    assert targets["JUAN PEREZ"].number == 1 and targets["JUAN PEREZ"].effect == "INJURY"
    assert targets["PASSENGERS"].number is None
    assert arson.count("INJURY") is None  # PLURAL makes the count unknown
    assert arson.count("DEATH") is None


def test_number_forms():
    t = Template(message_id="X", index=1, slots={
        19: ['"PEASANTS"', '"MEN"', '"GUARDS"'],
        21: ['5-: "PEASANTS"', '-26 / 20-: "MEN"', '~30: "GUARDS"'],
        23: ["DEATH"],  # no quoted target: applies to all
    })
    assert t.count("DEATH") == 5 + 26 + 30


def test_find_files_tells_keys_from_messages():
    msgs, keys = find_files([MUC])
    assert [p.name for p in msgs] == ["dev-muc3-9001-9002"]
    assert [p.name for p in keys] == ["key-dev-9001.muc4"]


def test_match_counts_closest_one_to_one():
    assert match_counts([3], [1, 4, None]) == [(3, 4)]
    assert match_counts([3, 1], [1, 3]) == [(3, 3), (1, 1)]
    assert match_counts([3, 2], [None]) == [(3, None), (2, "no event")]
    assert match_counts([5], []) == [(5, "no event")]


def test_scores_on_hand_made_predictions():
    keys = _keys()
    s = Scores()
    s.add("DEV-MUC3-9001", keys["DEV-MUC3-9001"], Prediction([3], [None], ["Remote explosive/landmine/IED"]))
    s.add("DEV-MUC3-9002", keys["DEV-MUC3-9002"], Prediction([0], [None], ["Attack"], ["A line."]))
    r = s.as_dict()
    d = r["detection"]
    assert (d["tp"], d["fp"], d["fn"], d["tn"]) == (1, 1, 0, 0)
    assert d["precision"] == 0.5 and d["recall"] == 1.0
    assert d["recall_by_type"] == {"BOMBING": 1.0}
    assert r["counts"]["killed"]["exact"] == 1 and r["counts"]["killed"]["exact_acc"] == 1.0
    assert r["counts"]["injured"]["null"] == 1 and r["counts"]["injured"]["null_rate"] == 1.0
    assert r["counts"]["injured_sum"]["null"] == 1
    assert any("spurious Attack" in e for e in r["errors"])
    text = format_report({**r, "truecase": True})
    assert "P 0.500  R 1.000" in text and "killed" in text

    missed = Scores()
    missed.add("DEV-MUC3-9001", keys["DEV-MUC3-9001"], Prediction([], [], []))
    m = missed.as_dict()
    assert m["detection"]["fn"] == 1 and m["counts"]["killed"]["no event"] == 1
    assert m["counts"]["killed"]["within1_acc"] == 0.0


def test_within_one_and_sum():
    t = Template(message_id="X", index=1, stage="ACCOMPLISHED", incident_type="ATTACK",
                 slots={19: ['"PEOPLE"'], 21: ['4: "PEOPLE"'], 23: ['DEATH: "PEOPLE"']})
    s = Scores()
    s.add("X", [t], Prediction([5, 2], [None, None], ["Attack", "Attack"]))
    c = s.as_dict()["counts"]
    assert c["killed"]["within1"] == 1 and c["killed"]["within1_acc"] == 1.0 and c["killed"]["exact_acc"] == 0.0
    assert c["killed_sum"]["wrong"] == 1  # 5 + 2 against 4


@pytest.fixture(scope="module")
def caser(pipeline):
    return Truecaser(pipeline.nlp, pipeline.geoparser.gazetteer)


def test_truecaser(caser):
    out = caser("GUERRILLAS OF THE FMLN ATTACKED SAN SALVADOR ON 3 MAY. PRESIDENT CRISTIANI SAID THE U.S. "
                "EMBASSY IN PERU WAS CLOSED ON MONDAY.")
    assert out.startswith("Guerrillas of the FMLN attacked San Salvador on 3 May. President Cristiani said")
    assert "the U.S. embassy in Peru was closed on Monday." in out


def test_evaluate_fixture_end_to_end():
    from polemos.cli.main import cli

    res = CliRunner().invoke(cli, ["evaluate", "muc4", str(MUC / "key-dev-9001.muc4"), "--json"])
    assert res.exit_code == 0, res.output
    import json

    r = json.loads(res.output)
    assert r["messages"] == 2 and r["truecase"] is True
    assert r["counts"]["killed"]["scored"] == 1 and r["counts"]["injured"]["scored"] == 1
    assert r["detection"]["tp"] + r["detection"]["fn"] == 1
    help_text = CliRunner().invoke(cli, ["evaluate", "muc4", "--help"]).output
    assert "--no-truecase" in help_text and "Examples" in help_text


def test_real_dev_key_parses():
    key = shared("muc4/dev/key-dev-0001.muc4")
    keys = parse_key(key.read_text(encoding="latin-1"))
    assert len(keys) == 100
    assert sum(1 for ts in keys.values() if any(t.relevant for t in ts)) > 20


def test_detection_without_battles():
    keys = _keys()
    s = Scores()
    s.add("DEV-MUC3-9001", keys["DEV-MUC3-9001"], Prediction([None], [None], ["Armed clash"]))
    s.add("DEV-MUC3-9002", keys["DEV-MUC3-9002"], Prediction([None], [None], ["Armed clash"], ["Troops clashed."]))
    d = s.as_dict()["detection"]
    assert (d["precision"], d["recall"]) == (0.5, 1.0)
    assert d["without_battles"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
