"""Which remote-violence sub-type: decided by the weapon the sentence names.

ACLED types an explosion by its means: a bomber who dies with the bomb makes it a Suicide
bomb whatever else is said ("a suicide vehicle-borne IED"), and a rocket-propelled grenade is
launched, so it is Shelling/artillery/missile, not a thrown Grenade. Disrupted weapons use is
about weapons: a bomb found or defused before it harmed anyone is one; a seizure of anything
else (migrants, drugs, fakes) is no ACLED event.
"""

from __future__ import annotations

from .lexicon import cue_in

SUICIDE = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
GRENADE = "Grenade"
IED = "Remote explosive/landmine/IED"
AIR = "Air/drone strike"
DISRUPTED = "Disrupted weapons use"
EXPLOSIONS = {SUICIDE, SHELLING, GRENADE, IED, AIR}


def weapon_type(sub_type: str, sent_text: str) -> str | None:
    """``sub_type`` unless the weapon named decides otherwise; None for a "disrupted weapons
    use" with no weapon in it."""
    low = sent_text.lower()
    if sub_type == DISRUPTED:
        return sub_type if cue_in(low, "weapon_words") else None
    if sub_type in EXPLOSIONS | {"Attack", "Armed clash"} and cue_in(low, "weapon_suicide"):
        return SUICIDE
    if sub_type in EXPLOSIONS and cue_in(low, "weapon_bomber_died"):
        return SUICIDE  # "detonated explosives, killing themselves" (a gunman who kills himself is no bomber)
    if sub_type == GRENADE and cue_in(low, "weapon_launched"):
        return SHELLING
    if sub_type in (SHELLING, "Looting/property destruction") and cue_in(low, "weapon_aircraft"):
        return AIR  # "missiles fired by Israeli jets", "the air force destroyed vehicles"
    if sub_type in ("Attack", "Armed clash") and cue_in(low, "weapon_tank"):
        return SHELLING  # tank fire is artillery in ACLED's sense
    if sub_type in (IED, GRENADE) and cue_in(low, "weapon_disrupted") and not cue_in(low, "weapon_harm"):
        return DISRUPTED  # "troops defused a roadside bomb": the bomb never went off
    return sub_type
