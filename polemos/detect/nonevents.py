"""Sentences that sound like events and tell none: weapons tests, drills, parades, trials,
trade deals, family quarrels.

A missile "test-fired" into the sea, troops "storming beaches" in an exercise, jets flying
over a parade, commanders "charged with" old kidnappings and a man who stabbed his wife are
not political violence in ACLED's sense, however violent their words. The classifier and the
triggers hear the words; these cues (data in ``cues.json``) name what makes them no event.
"""

from __future__ import annotations

from ..model import EVENT_TYPE_OF
from .lexicon import cue_in
from .territory import TERRITORY

# Sub-types a drill, a test or a parade can sound like: every violent and territorial one.
SHOW_LOOKALIKES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
    "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Grenade", "Attack", "Change to group/activity", "Other", "Headquarters or base established",
    "Disrupted weapons use", "Looting/property destruction",
}


COURT_VERBS = {"charge", "sentence", "convict", "indict", "try", "acquit", "jail", "prosecute", "hear"}


def is_no_event(sub_type: str, sent_text: str, main_verb: str | None = None) -> bool:
    """Whether the sentence told as ``sub_type`` is a test, a drill, a parade, a trial or a
    private quarrel rather than an occurrence of political violence or protest. ``main_verb``:
    the lemma of the sentence's root, when parsed: a trial is the story only when the court's
    verb is the main one ("charged seven commanders over the kidnappings")."""
    low = sent_text.lower()
    if sub_type in SHOW_LOOKALIKES and cue_in(low, "nonevent_show") and not (
            cue_in(low, "weapon_harm") or cue_in(low, "weapon_suicide")):
        # "test-fired two missiles", "a simulated bomb attack"; a bomb at a parade is a bomb
        return True
    if sub_type != "Arrests" and (cue_in(low, "nonevent_court_scene") or (
            cue_in(low, "nonevent_court") and (main_verb is None or main_verb in COURT_VERBS))):
        return True  # "charged with war crimes over the kidnappings of the 1990s", "was in court on Wednesday"
    if EVENT_TYPE_OF.get(sub_type) == "Protests" and cue_in(low, "nonevent_diplomatic"):
        return True  # "lodged an official protest with Albania": a government's note, no crowd
    if sub_type == "Agreement" and cue_in(low, "agreement_civil") and not cue_in(low, "agreement_conflict"):
        return True  # "signed an agreement to increase trade": no conflict actor's deal
    if sub_type in TERRITORY and cue_in(low, "nonevent_refuge") and not cue_in(low, "territory_seized"):
        return True  # "Isis leaders have taken refuge in the town": hiding there, not taking it
    if cue_in(low, "nonevent_private") and not (cue_in(low, "arrest_political") or cue_in(low, "armed_parties")):
        return True  # "stabbed his wife after a domestic dispute"
    return False
