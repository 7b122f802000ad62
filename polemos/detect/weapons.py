"""Which remote-violence sub-type: decided by the weapon the sentence names.

ACLED types an explosion by its means: a bomber who dies with the bomb makes it a Suicide
bomb whatever else is said ("a suicide vehicle-borne IED"), and a rocket-propelled grenade is
launched, so it is Shelling/artillery/missile, not a thrown Grenade. Disrupted weapons use is
about weapons: a bomb found or defused before it harmed anyone is one; a seizure of anything
else (migrants, drugs, fakes) is no ACLED event.
"""

from __future__ import annotations

import re

from .lexicon import cue_in, lexicons

SUICIDE = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
GRENADE = "Grenade"
IED = "Remote explosive/landmine/IED"
AIR = "Air/drone strike"
CHEMICAL = "Chemical weapon"
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
    if sub_type in (SHELLING, "Looting/property destruction") and _aircraft_fired(low):
        return AIR  # "missiles fired by Israeli jets", "the air force destroyed vehicles"
    if sub_type == AIR and cue_in(low, "aircraft_downed") and cue_in(low, "manned_aircraft") and "drone" not in low:
        return "Armed clash"  # "a fighter jet was shot down by rebels": a fight with the aircraft, not its strike
    if sub_type in ("Attack", "Armed clash") and _AIRCRAFT_STRUCK.search(low):
        return AIR  # "the air force said jets had struck ISWAP fighters ..., killing scores"
    if sub_type == "Attack" and _KILLED_IN_STRIKES.search(low):
        return AIR  # "killed in Russian strikes": in war news bare "strikes" are from the air
    if sub_type in ("Attack", "Armed clash") and cue_in(low, "weapon_tank"):
        return SHELLING  # tank fire is artillery in ACLED's sense
    if sub_type in (IED, GRENADE, CHEMICAL) and cue_in(low, "weapon_disrupted") and not cue_in(low, "weapon_harm"):
        return DISRUPTED  # "troops defused a roadside bomb", "seized a cache of chemical substances"
    return sub_type


def chemical_or_not(sub_type: str, sent_text: str, following: str = "") -> str:
    """A Chemical weapon only where the sentence or the next one names the chemical: in a
    story about a gas attack every strike sounds chemical to the classifier, and "missiles
    struck the airbase" is a missile attack. A bare "bomb" or "strike" may be the gas attack
    told again ("the air force was able to bomb Douma") and stays. Any other ``sub_type`` is
    returned as it is."""
    low = sent_text.lower()
    if sub_type != CHEMICAL or cue_in(low, "weapon_chemical") or cue_in(following.lower(), "weapon_chemical"):
        return sub_type
    told = lexicons().triggers
    for other in (AIR, SHELLING, IED):
        if any(f" {p} " in f" {low} " for p in told[other] if p not in BARE_WEAPON_WORDS):
            return other
    return sub_type


BARE_WEAPON_WORDS = {"bomb", "bombs", "bombed", "bombing", "strike", "strikes", "drone", "blast", "explosion"}
_AIRCRAFT_STRUCK = re.compile(r"\b(?:jets|warplanes|aircraft|planes|helicopters|gunships|drones|bombers)\s+"
                              r"(?:had |have |has |also |then )*(?:struck|hit|bombed|pounded|targeted|strafed|attacked)\b")
_KILLED_IN_STRIKES = re.compile(r"\b(?:killed|died|wounded|injured|hurt)\s+(?:in|by)\s+(?:[\w-]+\s+){0,2}strikes\b")


def _aircraft_fired(low: str) -> bool:
    """Whether an aircraft the sentence names is the weapon, not the target: "missiles fired
    by jets", not "a missile hit the base, destroying several helicopters"."""
    cues = lexicons().cues
    words = re.findall(r"[\w-]+", low)
    lost = cues["weapon_aircraft_lost"]
    for phrase in cues["weapon_aircraft"]:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] != parts:
                continue
            before = words[max(0, i - 4):i]
            pairs = {" ".join(before[k:k + 2]) for k in range(len(before) - 1)}
            if not (set(before) & lost or pairs & lost):
                return True
    return False
