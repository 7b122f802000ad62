"""Which demonstration sub-type: decided by what the crowd and the forces did.

ACLED's four demonstration sub-types are rules over one scene, in this order: a crowd that
fights, vandalises or blocks roads is a Violent demonstration whatever the police did; peaceful
protesters killed or badly hurt suffered Excessive force; dispersed or arrested ones a
Protest with intervention; activists held before a protest were Arrests. The sentence
classifier reads the mood of a sentence, so where the sentence names one of these acts, the
rule settles it.
"""

from __future__ import annotations

from ..model import ARMED_SECTORS
from .lexicon import cue_in

PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
VIOLENT = "Violent demonstration"
DEMONSTRATION = {PEACEFUL, INTERVENTION, EXCESSIVE, VIOLENT}


def demonstration_type(sub_type: str, sent_text: str) -> str:
    """``sub_type`` unless it is a demonstration type (or a clash with a crowd) and the
    sentence names an act that decides the sub-type."""
    low = sent_text.lower()
    if sub_type == "Armed clash" and cue_in(low, "demonstration_crowd"):
        return VIOLENT  # "clashes between police and protesters": the crowd fought
    if sub_type == "Arrests" and cue_in(low, "demonstration_scene") and not cue_in(low, "demonstration_not_yet"):
        return INTERVENTION  # "police cleared the encampment and arrested 100 students"
    if sub_type not in DEMONSTRATION:
        return sub_type
    if sub_type in (PEACEFUL, INTERVENTION) and cue_in(low, "demonstration_arrest") and cue_in(low, "demonstration_not_yet"):
        return "Arrests"  # activists held "ahead of" or "for organising" protests: no protest took place
    if cue_in(low, "demonstration_violence") and not cue_in(low, "demonstration_no_violence"):
        return VIOLENT
    if cue_in(low, "demonstration_harm") and not cue_in(low, "disaster"):
        return EXCESSIVE  # not "demanding justice for two students killed in a road accident"
    if cue_in(low, "demonstration_intervention") and not cue_in(low, "protest_peaceful_end"):
        return INTERVENTION
    return sub_type


def communal_type(sub_type: str, sent_text: str, sectors: set[str | None]) -> str:
    """"Two communities clashed over a land dispute": a fight between crowds with no armed
    side (``sectors``: the mention's actors' sectors) and no gun is Mob violence, not an
    armed clash (cue lists ``communal_parties`` and ``firearms``)."""
    if sub_type != "Armed clash" or sectors & ARMED_SECTORS:
        return sub_type
    low = sent_text.lower()
    if cue_in(low, "communal_parties") and not cue_in(low, "firearms"):
        return "Mob violence"
    return sub_type
