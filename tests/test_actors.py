"""Actor names from the words of a mention, ACLED style."""

import pytest

from polemos import nlp
from polemos.resolve.actors import ArticleContext, normalise_actor


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def head(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_sponsor_does_not_give_the_fighters_its_country(parse):
    doc = parse("US-backed rebel fighters captured the village of Abu Hamam on Tuesday.")
    actor = normalise_actor(head(doc, "fighters"), ArticleContext(focus="SY"))
    assert (actor.name, actor.country) == ("Rebels (Syria)", "SY")


@pytest.mark.parametrize("text, focus, name", [
    ("US-backed Kurdish fighters captured the village on Tuesday.", "SY", "SDF: Syrian Democratic Forces"),
    ("Kurdish militants ambushed a convoy in Hakkari.", "TR", "PKK: Kurdistan Workers Party"),
    ("Kurdish forces held the road to Kirkuk.", "IQ", "Peshmerga: Military Forces of Kurdistan Regional Government"),
    # The article's own name for them wins over the country's usual group.
    ("Ankara calls the YPG a terror group. Kurdish fighters shelled Kilis.", "TR", "YPG: People's Protection Units"),
])
def test_a_peoples_fighters_are_the_group_they_are_in_there(parse, text, focus, name):
    word = next(w for w in ("fighters", "militants", "forces") if w in text.split())
    assert normalise_actor(head(parse(text), word), ArticleContext(focus=focus)).name == name


def test_a_peoples_civilians_are_no_armed_group(parse):
    actor = normalise_actor(head(parse("Kurdish villagers fled the shelling."), "villagers"),
                            ArticleContext(focus="SY"))
    assert actor is None or actor.sector not in ("REB", "MIL")


def test_countries_named_with_the_keep_it_after_of(parse):
    doc = parse("American troops and Dutch soldiers patrolled the town.")
    assert normalise_actor(head(doc, "troops"), ArticleContext()).name == "Military Forces of the United States"
    assert normalise_actor(head(doc, "soldiers"), ArticleContext()).name == "Military Forces of the Netherlands"


def test_a_town_is_not_an_actor(parse):
    # The tagger gives these no place label (or calls Harasta a nationality); the gazetteer knows them.
    for text, word in [("Scores of people were hurt by the attack on the Douma district.", "Douma"),
                       ("Residents of Harasta fled.", "Harasta"), ("Jets pounded Douma on Saturday.", "Douma")]:
        assert normalise_actor(head(parse(text), word), ArticleContext(focus="SY"), victim=True) is None, text


def test_a_person_is_an_actor_only_as_a_leader_or_a_victim(parse):
    doc = parse("Bashar al-Assad ordered the strike, and Daniel Okafor was detained.")
    assert normalise_actor(head(doc, "Assad"), ArticleContext()).name == "Military Forces of Syria"
    assert normalise_actor(head(doc, "Okafor"), ArticleContext(focus="TR")) is None
    assert normalise_actor(head(doc, "Okafor"), ArticleContext(focus="TR"), victim=True).name == "Civilians (Turkey)"


@pytest.mark.parametrize("text, word, name", [
    ("Jaish al-Islam fighters shelled the capital.", "fighters", "Jaish al Islam"),
    ("The Syrian Democratic Forces took the town.", "Forces", "SDF: Syrian Democratic Forces"),
    ("Abu Sayyaf militants seized two fishermen.", "militants", "Abu Sayyaf Group"),
])
def test_named_groups_come_from_the_dictionary(parse, text, word, name):
    assert normalise_actor(head(parse(text), word), ArticleContext()).name == name


@pytest.mark.parametrize("text, word, name", [
    ("Government warplanes bombed the town.", "Government", "Military Forces of Syria"),  # the compound was picked
    ("Police officers arrested four men.", "officers", "Police Forces of Syria"),
    ("Army officers detained four men.", "officers", "Military Forces of Syria"),
])
def test_the_kind_of_force_decides_the_name(parse, text, word, name):
    assert normalise_actor(head(parse(text), word), ArticleContext(focus="SY")).name == name


def test_the_subject_of_the_verb_an_attack_continues_is_its_actor():
    import polemos

    [ev] = polemos.extract("Turkey has resumed shelling a Kurdish enclave near Afrin on Monday.", published="2018-01-22")
    assert ev.actor1.name == "Military Forces of Turkey"
    # the second of two acts has its own object: the first act's subject is not its victim
    events = polemos.extract("Rebels stormed the town of Tabqa on Monday and shelled the army base.",
                             published="2018-01-22")
    assert all(e.actor2 is None or e.actor2.name != "Rebels (Syria)" for e in events)
    assert any(e.actor1 and e.actor1.name == "Rebels (Syria)" for e in events)


def test_a_side_told_the_other_way_round_does_not_fight_itself():
    # The bundled Mali report: the army's account names the jihadists as the target, JNIM's
    # names itself as the attacker; merged, the clash is the army against the rebels.
    import json
    from pathlib import Path

    import polemos

    sample = Path(__file__).parent.parent / "examples" / "sample_corpus.jsonl"
    row = json.loads(sample.read_text(encoding="utf-8").splitlines()[0])
    clash, strike = polemos.extract(row["text"], published="2024-02-15")
    assert (clash.actor1.name, clash.actor2.name) == ("Military Forces of Mali", "Rebels (Mali)")
    assert (strike.sub_event_type, strike.actor1.name) == ("Air/drone strike", "Military Forces of Mali")  # "army drones struck"


@pytest.mark.parametrize("text, actor1", [
    # the accuser is no party to the attack; the accused is who the article says carried it out
    ("Ankara blamed the Syrian regime for Saturday's chemical attack on Saraqib.", "Military Forces of Syria"),
    ("Washington accused Russian forces of carrying out Friday's air strike on the convoy near Maarat.",
     "Military Forces of Russia"),
    # the perpetrator in a participle after the attack
    ("Saraqib was hit on Saturday by a gas attack, condemned by the United Nations, that killed four.", None),
    ("Saraqib was hit on Saturday by a gas attack, orchestrated by Bashar al-Assad, that killed four.",
     "Military Forces of Syria"),
])
def test_an_accused_or_a_by_phrase_names_the_attacker(text, actor1):
    import polemos

    [ev] = polemos.extract(text, published="2018-02-05")
    assert (ev.actor1.name if ev.actor1 else None) == actor1


def test_a_pronoun_that_acted_is_the_one_who_said_so():
    import polemos

    [ev] = polemos.extract("Turkey said it had begun a ground incursion into Afrin on Sunday.", published="2018-01-22")
    assert (ev.actor1.name, ev.claim_source.name) == ("Military Forces of Turkey", "Government of Turkey")
    # the pronoun that suffered it is no attacker
    [ev] = polemos.extract("The ministry said it had been attacked by rebels near Idlib on Friday.",
                           published="2018-01-22")
    assert ev.actor1 is None or ev.actor1.sector != "GOV"


def test_the_subject_of_a_passive_report_acted_and_its_backers_are_not_its_country():
    import polemos

    [ev] = polemos.extract("Russian and Iran-backed government forces were reported to have captured large "
                           "swaths of territory between Deir ez-Zor and Mayadeen on Tuesday.", published="2017-10-17")
    assert (ev.sub_event_type, ev.actor1.name) == ("Government regains territory", "Military Forces of Syria")
    assert ev.location.name == "Deir ez-Zor"


def test_government_forces_are_the_states_where_it_happens(parse):
    from polemos.resolve.actors import article_context
    doc = parse("Russian jets bombed the town. Government troops then entered it.")
    ctx = article_context(doc, [])
    ctx.focus = "SY"
    assert normalise_actor(head(doc, "troops"), ctx).name == "Military Forces of Syria"
    assert normalise_actor(head(doc, "jets"), ctx).name == "Military Forces of Russia"
