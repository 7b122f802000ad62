"""WikiEvents adapter: text rebuilding, gold reading, detection and argument scoring on hand-made events."""

import json

from click.testing import CliRunner

from polemos.evaluate.wikievents import Scores, format_report, head, read_jsonl, rebuild_text, words

from .conftest import FIXTURES, shared

SAMPLE = FIXTURES / "wikievents_sample.jsonl"


def _docs():
    return read_jsonl(SAMPLE)


def _event(text, start, sub="Attack", actor1=None, actor2=None, location=None):
    pv = sub in ("Attack", "Armed clash", "Remote explosive/landmine/IED")
    disorder = "Political violence" if pv else "Demonstrations" if "demonstr" in sub.lower() else "Strategic developments"
    return {"sub_event_type": sub, "disorder_type": disorder,
            "evidence": [{"text": text, "start": start, "end": start + len(text)}],
            "actor1": actor1 and {"text": actor1}, "actor2": actor2 and {"text": actor2},
            "location": location and {"text": location, "name": location.split()[-1]}}


def test_rebuilt_text_keeps_token_offsets():
    raw = [json.loads(line) for line in SAMPLE.read_text().splitlines()]
    for obj in raw:
        text = rebuild_text(obj["sentences"])
        for toks, _ in obj["sentences"]:
            for tok, a, b in toks:
                assert text[a:b] == tok
    text = rebuild_text(raw[0]["sentences"])
    assert text.startswith("Gunmen attack checkpoint in Kandor\nGunmen attacked")
    assert "killed." in text and "Monday.  \nTwo officers" in text  # the gap stays, a line break ends it


def test_gold_mentions():
    d1, d2 = _docs()
    assert d2.mentions == []
    assert [(m.type, m.trigger) for m in d1.mentions] == [("Attack", "attacked"), ("Die", "killed")]
    att = d1.mentions[0]
    assert d1.text[att.start:att.end] == "attacked"
    assert att.args == {"Attacker": ["Gunmen"], "Target": ["police checkpoint"], "Place": ["Kandor"]}
    assert read_jsonl(SAMPLE, limit=1)[0].id == "invented_attack_1"


def test_head_words():
    assert head("police checkpoint") == "checkpoint"
    assert head("the Russian soldiers") == "soldier"
    assert words("two police officers") == {"two", "police", "officer"}


def test_scores_on_hand_made_events():
    d1, d2 = _docs()
    s1 = d1.text.index("Gunmen attacked")
    sent1 = d1.text[s1:d1.text.index("\n", s1)].rstrip()
    s2 = d1.text.index("Two officers")
    sent2 = "Two officers were killed."
    s3 = d1.text.index("The governor")
    scores = Scores()
    scores.add(d1, [
        _event(sent1, s1, actor1="gunmen", actor2="a police checkpoint", location="in Kandor"),
        _event(sent2, s2, actor1="Two officers", actor2=None),
        _event("The governor said", s3),  # on no gold trigger: spurious
        _event(sent1, s1, sub="Arrests"),  # not political violence: ignored
    ])
    scores.add(d2, [])
    r = scores.as_dict()
    assert r["document"] == {"tp": 1, "fp": 0, "fn": 0, "tn": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    m = r["mention"]
    assert (m["gold"], m["found"], m["predicted"], m["correct"]) == (2, 2, 3, 2)
    assert m["precision"] == 0.667 and m["recall"] == 1.0
    a = r["arguments"]
    assert (a["actor1"]["right"], a["actor1"]["predicted"], a["actor1"]["gold"]) == (1, 2, 1)
    assert (a["actor2"]["right"], a["actor2"]["predicted"], a["actor2"]["gold"]) == (1, 1, 2)
    assert a["actor2"]["recall"] == 0.5 and a["location"]["f1"] == 1.0
    assert any("spurious Attack" in e for e in r["errors"])
    assert any("actor2: gold ['officers'], polemos None" in e for e in r["errors"])
    assert "mention   P 0.667  R 1.000" in format_report(r)


def test_a_riot_is_an_attack_in_kairos_terms_and_a_peaceful_march_is_not():
    d1, _ = _docs()
    s1 = d1.text.index("Gunmen attacked")
    sent1 = d1.text[s1:d1.text.index("\n", s1)].rstrip()
    for sub, found in (("Violent demonstration", 1), ("Peaceful protest", 0)):
        scores = Scores()
        scores.add(d1, [_event(sent1, s1, sub=sub)])
        assert scores.as_dict()["mention"]["predicted"] == found


def test_missed_mention_is_reported():
    d1, _ = _docs()
    scores = Scores()
    scores.add(d1, [])
    r = scores.as_dict()
    assert r["document"]["fn"] == 1 and r["mention"]["found"] == 0
    assert any(e.startswith("invented_attack_1: missed Die 'killed'") for e in r["errors"])


def test_cli_on_fixture():
    from polemos.cli.main import cli

    res = CliRunner().invoke(cli, ["evaluate", "wikievents", str(SAMPLE), "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.output)
    assert r["documents"] == 2 and r["mention"]["gold"] == 2


def test_real_dev_offsets_hold():
    docs = read_jsonl(shared("wikievents/dev.jsonl"), limit=3)
    for d in docs:
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.trigger
