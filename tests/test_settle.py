"""ACLED's sub-type rules applied after the classifier (polemos/detect/settle.py)."""

import pytest

from polemos.detect.settle import settle
from polemos.model import Actor

ARMY = Actor(name="Military Forces of Syria", text="the army", country="SY", sector="MIL")
REBELS = Actor(name="Rebels (Syria)", text="rebels", country="SY", sector="REB")
GOV, NSA, NVT = ("Government regains territory", "Non-state actor overtakes territory",
                 "Non-violent transfer of territory")


@pytest.mark.parametrize("sub_type,sentence,a1,a2,expected", [
    (NSA, "The army recaptured the town after days of fighting.", ARMY, None, GOV),
    (GOV, "Rebels recaptured the town after days of fighting.", REBELS, None, NSA),
    (GOV, "The town was retaken from the rebels.", None, REBELS, GOV),
    (NSA, "Rebels entered the town after the army pulled out.", REBELS, None, NVT),
    (GOV, "Rebels entered the town after the army pulled out and heavy fighting followed.", REBELS, None, NSA),
    (GOV, "The coalition fighting the militants handed over the base to the army.", None, None, NVT),
    (NSA, "The town changed hands.", None, None, NSA),  # no sides, no rule: the classifier's type stands
    (NVT, "French troops withdrew from the base at Gao.", None, None, "Change to group/activity"),
    (NVT, "The army left the camp this morning, all its trucks gone.", None, None, "Change to group/activity"),
    (NVT, "The army left the town last night and the rebels walked in.", None, None, NVT),
    (NSA, "An attack by rebels to capture the army's positions was fended off.", REBELS, ARMY, "Armed clash"),
    (GOV, "The militias intended to take control of the ridge, but the army pushed them back.", ARMY, None,
     "Armed clash"),
    ("Change to group/activity", "The army withdrew from the airbase, leaving it in the hands of the rebels.",
     ARMY, None, NVT),
    ("Change to group/activity", "The army withdrew from the airbase to regroup.", ARMY, None,
     "Change to group/activity"),
])
def test_who_took_the_ground(sub_type, sentence, a1, a2, expected):
    assert settle(sub_type, sentence, a1, a2) == expected


def test_a_withdrawal_whose_handover_is_told_in_the_next_sentence_is_a_transfer():
    assert settle(GOV, "Foreign troops fighting the insurgents withdrew from the Tarra base on Monday.",
                  None, REBELS, following="They handed control of the camp back to the national army.") == NVT


def test_a_withdrawal_whose_taker_is_named_in_the_next_sentence_is_a_transfer():
    assert settle(NVT, "French troops withdrew from the base at Gao.", None, None,
                  following="Malian soldiers moved in the same day.") == NVT


@pytest.mark.parametrize("sub_type,sentence,expected", [
    ("Peaceful protest", "Protesters threw stones at the police.", "Violent demonstration"),
    ("Protest with intervention", "Police fired tear gas as protesters set tyres on fire.", "Violent demonstration"),
    ("Peaceful protest", "Police opened fire on the march, killing two.", "Excessive force against protesters"),
    ("Peaceful protest", "Police used water cannon to disperse the march.", "Protest with intervention"),
    ("Protest with intervention", "Police arrested organisers ahead of a planned rally.", "Arrests"),
    ("Armed clash", "Clashes broke out between police and protesters.", "Violent demonstration"),
    ("Peaceful protest", "Thousands marched against gun violence.", "Peaceful protest"),
    ("Peaceful protest", "Farmers blocked roads and railways across the state.", "Violent demonstration"),
    ("Peaceful protest", "Paramilitaries broke-up the sit-ins outside the barracks.", "Protest with intervention"),
    ("Peaceful protest", "Students marched for two classmates killed in a road accident.", "Peaceful protest"),
    ("Violent demonstration", "Police pushed back the crowd with tear gas; nobody throwing anything.",
     "Protest with intervention"),
    ("Arrests", "Police cleared the protest encampment and arrested 60 students.", "Protest with intervention"),
    ("Armed clash", "Troops clashed with rebels.", "Armed clash"),
])
def test_what_the_crowd_and_the_forces_did(sub_type, sentence, expected):
    assert settle(sub_type, sentence, None, None) == expected


@pytest.mark.parametrize("sentence,a1,expected", [
    ("Three people were killed when two communities clashed over a land dispute.", None, "Mob violence"),
    ("Villagers clashed with stones and sticks after a dispute over water.", None, "Mob violence"),
    # guns, or an armed side, make it a battle
    ("Two communities clashed with guns over a land dispute, killing three.", None, "Armed clash"),
    ("Rebels clashed with villagers who had formed a self-defence group.", REBELS, "Armed clash"),
])
def test_a_fight_of_crowds_without_arms_is_mob_violence(sentence, a1, expected):
    assert settle("Armed clash", sentence, a1, None) == expected


def test_a_communal_clash_is_coded_with_rioters():
    import polemos

    [ev] = polemos.extract("Three people were killed when two communities clashed over a land dispute "
                           "in Meerut on Monday, police said.", published="2023-07-11")
    assert (ev.sub_event_type, ev.actor1.name, ev.fatalities) == ("Mob violence", "Rioters (India)", 3)


@pytest.mark.parametrize("sub_type,sentence,expected", [
    ("Remote explosive/landmine/IED", "A suicide bomber detonated a car bomb at the gate.", "Suicide bomb"),
    ("Grenade", "Fighters fired a rocket-propelled grenade at the truck.", "Shelling/artillery/missile attack"),
    ("Remote explosive/landmine/IED", "Soldiers defused a roadside bomb.", "Disrupted weapons use"),
    ("Remote explosive/landmine/IED", "Two militants detonated explosives, killing themselves.", "Suicide bomb"),
    ("Remote explosive/landmine/IED", "A fighter detonated his explosive vest among the soldiers.", "Suicide bomb"),
    ("Attack", "The gunman shot five people before killing himself.", "Attack"),
    ("Shelling/artillery/missile attack", "Two missiles were fired by Israeli jets at the depot.", "Air/drone strike"),
    ("Shelling/artillery/missile attack", "The air force said the missiles were fired from Belgorod.",
     "Shelling/artillery/missile attack"),  # the air force as a source fired nothing
    ("Attack", "Six rangers were killed in a tank attack on their post.", "Shelling/artillery/missile attack"),
    ("Remote explosive/landmine/IED", "A bomb found under a car exploded, killing two.", "Remote explosive/landmine/IED"),
    ("Disrupted weapons use", "Customs officers seized 40 kilograms of heroin.", None),
    ("Disrupted weapons use", "Police seized rifles and ammunition.", "Disrupted weapons use"),
    ("Shelling/artillery/missile attack", "A missile hit the airbase, destroying two helicopters.",
     "Shelling/artillery/missile attack"),  # the helicopters were the target, not the weapon
    ("Looting/property destruction", "The air force destroyed a convoy of trucks near the border.",
     "Air/drone strike"),
    ("Chemical weapon", "Police seized a cache of chemical agents in a warehouse.", "Disrupted weapons use"),
    ("Chemical weapon", "A chlorine attack killed five people in the town.", "Chemical weapon"),
    ("Remote explosive/landmine/IED", "Special forces destroyed an improvised explosive device on the road.",
     "Disrupted weapons use"),
])
def test_the_weapon_named(sub_type, sentence, expected):
    assert settle(sub_type, sentence, None, None) == expected


@pytest.mark.parametrize("sub_type,sentence,expected", [
    ("Change to group/activity", "Some 80 militants surrendered to the army with their rifles.", "Agreement"),
    ("Other", "A whole company of the brigade laid down their arms at the front.", "Agreement"),
    ("Change to group/activity", "Forty fighters defected and laid down their arms.", "Change to group/activity"),
    ("Change to group/activity", "Security forces jailed 30 suspects accused of plotting attacks.", "Arrests"),
    ("Change to group/activity", "The militia moved its fighters to the northern front.", "Change to group/activity"),
    ("Arrests", "Police arrested 25 suspected pickpockets on the metro.", None),
    ("Arrests", "Police arrested three militants over the robbery of a bank.", "Arrests"),
    ("Protest with intervention", "Opposition activists were detained before the president's rally.", "Arrests"),
])
def test_what_the_group_did(sub_type, sentence, expected):
    assert settle(sub_type, sentence, None, None) == expected


@pytest.mark.parametrize("sub_type,sentence,main_verb", [
    ("Shelling/artillery/missile attack", "The navy test-fired two cruise missiles into the sea on Friday.", None),
    ("Armed clash", "Marines stormed the beach at dawn as part of a joint exercise with allied forces.", None),
    ("Remote explosive/landmine/IED", "Firefighters staged a simulated bomb attack at the station to test their response.", None),
    ("Air/drone strike", "Fighter jets flew over the capital during the independence day parade.", None),
    ("Abduction/forced disappearance", "The tribunal charged four former commanders with war crimes over kidnappings in the 1990s.",
     "charge"),
    ("Attack", "A trader stabbed his neighbour after a row over a boundary wall, the local paper said.", None),
])
def test_sentences_that_sound_like_events_and_tell_none(sub_type, sentence, main_verb):
    assert settle(sub_type, sentence, None, None, main_verb=main_verb) is None


@pytest.mark.parametrize("sub_type,sentence,main_verb", [
    ("Suicide bomb", "A suicide bomber drove a car into the gate of the camp during a morning parade.", None),
    ("Sexual violence", "Prosecutors said two soldiers raped a woman after detaining her husband; they were charged in absentia.",
     "say"),  # the rape is the story; the charges come after it
    ("Armed clash", "Troops exchanged fire with rebels near the border, killing three.", None),
])
def test_events_at_parades_and_before_courts_are_still_events(sub_type, sentence, main_verb):
    assert settle(sub_type, sentence, None, None, main_verb=main_verb) == sub_type
