"""Evaluation adapters: matching and scoring on hand-made gold and predictions."""

import json

from polemos.evaluate.case2021 import evaluate_case2021, read_tsv
from polemos.evaluate.events import Report, field_ok, load_gold, score_document

import pytest

from .conftest import FIXTURES


def gold_event(**kw):
    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2020-12-11", "location": "Hadrut",
          "country": "AZ", "actor1": "Military Forces of Azerbaijan", "actor2": "Armenian separatists",
          "fatalities": None, "injured": 6, "claim_source": "Armenian defence ministry"}
    ev.update(kw)
    return ev


def pred_event(**kw):
    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2020-12-11",
          "location": {"name": "Hadrut", "country": "AZ", "geo_precision": 2},
          "actor1": {"name": "Military Forces of Azerbaijan", "country": "AZ"},
          "actor2": {"name": "Armenian separatists"}, "fatalities": None, "injured": 6,
          "claim_source": {"name": "Ministry of Defence of Armenia"},
          "evidence": [{"text": "Clashes broke out on Friday.", "start": 0, "end": 28}]}
    ev.update(kw)
    return ev


def test_field_rules():
    g, p = gold_event(), pred_event()
    assert all(field_ok(f, g, p) for f in ("sub_event_type", "date", "location", "country", "injured",
                                           "actor1", "actor2", "claim_source"))
    assert not field_ok("claim_source", g, pred_event(claim_source={"name": "Government of Armenia"}))
    assert not field_ok("claim_source", g, pred_event(claim_source={"name": "Ministry of Defence of Azerbaijan"}))
    # a gold event with no place accepts a region-level prediction in the right country only
    assert field_ok("location", gold_event(location=None), pred_event(location={"name": "Karabakh", "country": "AZ", "geo_precision": 3}))
    assert not field_ok("location", gold_event(location=None), pred_event())
    assert field_ok("location", gold_event(location="Zinapécuaro"), pred_event(location={"name": "zinapecuaro"}))
    # a date the text leaves vague (gold null) accepts a week or month estimate, not a named day
    assert field_ok("date", gold_event(date=None), pred_event(time_precision=2))
    assert not field_ok("date", gold_event(date=None), pred_event(time_precision=1))
    # the article's own voice (named after its outlet, with no quoted words) is gold's null
    own_voice = pred_event(claim_source={"name": "Wire", "text": None})
    assert field_ok("claim_source", gold_event(claim_source=None), own_voice)
    assert not field_ok("claim_source", gold_event(), own_voice)
    assert not field_ok("claim_source", gold_event(claim_source=None),
                        pred_event(claim_source={"name": "Police (India)", "text": "police said"}))
    # a country of two words is still that country ("UK" and "the United Kingdom")
    uk = gold_event(claim_source="UK Ministry of Defence")
    assert field_ok("claim_source", uk, pred_event(claim_source={"name": "Ministry of Defence of the United Kingdom"}))
    assert not field_ok("claim_source", uk, pred_event(claim_source={"name": "Ministry of Defence of the United States"}))


def test_scoring_counts_matches_misses_and_spurious_events():
    report = Report()
    gold = [gold_event(), gold_event(date="2020-12-12", injured=None)]
    pred = [pred_event(), pred_event(event_date="2020-12-13"), pred_event(sub_event_type="Attack",
                                                                            event_type="Violence against civilians")]
    score_document(gold, pred, report, "doc")
    r = report.as_dict()
    assert (r["gold"], r["predicted"], r["matched"]) == (2, 3, 1)
    assert r["precision"] == round(1 / 3, 3) and r["recall"] == 0.5
    assert r["fields"]["injured"] == 1.0
    assert r["confusion"] == {"- -> Armed clash": 1, "- -> Attack": 1, "Armed clash -> -": 1,
                              "Armed clash -> Armed clash": 1}


def test_load_gold_list_and_single(tmp_path):
    one = tmp_path / "x.gold.json"
    one.write_text(json.dumps({"id": "x", "published": "2021-01-01", "events": [gold_event()]}))
    (tmp_path / "x.txt").write_text("text")
    [doc] = load_gold(one)
    assert doc.id == "x" and doc.text_path == tmp_path / "x.txt" and len(doc.events) == 1
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "events": []}, {"id": "b", "events": [gold_event()]}]))
    assert [d.id for d in load_gold(many)] == ["a", "b"]


def test_case2021_reader_and_classifier_mode():
    rows = read_tsv(FIXTURES / "case_sample.tsv")
    assert [r[2] for r in rows] == ["PROTEST_WITH_INTER", "NATURAL_DISASTER", "ABDUCT_DISSAP"]
    r = evaluate_case2021(FIXTURES / "case_sample.tsv", mode="classifier")
    assert r["snippets"] == 3 and r["disaster_snippets"] == 1
    assert r["weighted_f1"] == 1.0 and r["disasters_coded_as_events"] == 0.0


def test_indiapolice_adapter_places_sentences_and_scores_them():
    from polemos.evaluate.indiapolice import evaluate_indiapolice, fits, read_corpus

    corpus = read_corpus(FIXTURES / "indiapolice")
    doc_id, text, published, spans = corpus[0]
    assert (doc_id, str(published)) == ("1", "2019-03-04")
    start, end, labels = spans[0]
    assert text[start:end].startswith("Police arrested 14") and labels == {"ARREST"}
    r = evaluate_indiapolice(FIXTURES / "indiapolice")
    assert r["sentences"] == {"ARREST": 1}
    assert r["sentence_recall_typed"]["ARREST"] == 1.0
    assert r["doc_counts"] == {"tp": 1, "tn": 1}
    assert fits("ARREST", "Arrests") and not fits("ARREST", "Armed clash") and fits("KILL", "Attack") and fits("FORCE", "Violent demonstration")


def test_indiapolice_adapter_names_a_missing_file(tmp_path):
    from polemos.evaluate.indiapolice import read_corpus

    with pytest.raises(FileNotFoundError, match="docs.jsonl"):
        read_corpus(tmp_path)


def test_plover_scores_events_found_and_talk_left_alone():
    from polemos.evaluate.plover import evaluate_plover, fits

    r = evaluate_plover(FIXTURES / "plover_sample.json")
    assert r["records"] == 5  # the header record has no sentence
    assert (r["event_records"], r["found"], r["found_fitting"]) == (2, 1.0, 1.0)
    assert (r["non_event_records"], r["false_alarms"]) == (2, 0.0)
    assert r["per_category"]["AGREE"]["fitting"] is None  # shown, not scored
    assert fits("FIGHT", "Excessive force against protesters") and not fits("PROTEST", "Armed clash")


def test_plover_names_a_file_that_is_not_a_record_list(tmp_path):
    from polemos.evaluate.plover import read_records

    bad = tmp_path / "plover.json"
    bad.write_text('{"id": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="plover.json: expected a JSON list"):
        read_records(bad)
