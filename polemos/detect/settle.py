"""ACLED's own rules over the classifier's sub-type, once a mention's actors are known.

The classifier reads how a sentence sounds; ACLED's codebook decides some sub-types by facts
the sentence states: who took a town (detect/territory.py), what a crowd and the forces did
and whether a fight of crowds was armed (detect/demonstrations.py), whether a group
surrendered or was jailed (detect/strategic.py), which weapon went off (detect/weapons.py).
Each rule leaves the sub-type alone unless its fact is there. Some sentences tell no event at
all, however they sound: a missile test, a drill, a trial (detect/nonevents.py).
"""

from __future__ import annotations

from ..model import Actor
from .demonstrations import communal_type, demonstration_type
from .lexicon import cue_in
from .nonevents import is_no_event
from .strategic import strategic_type
from .territory import territory_type
from .weapons import weapon_type


def settle(sub_type: str, sentence: str, actor1: Actor | None, actor2: Actor | None,
           following: str = "", main_verb: str | None = None) -> str | None:
    """The sub-type the rules give the mention told in ``sentence`` (``following``: the next
    sentence of the story; ``main_verb``: the lemma of the sentence's root); None when it is
    no event."""
    if is_no_event(sub_type, sentence, main_verb):
        return None
    sub_type = territory_type(sub_type, sentence, actor1, actor2, following)
    sub_type = demonstration_type(sub_type, sentence)
    sub_type = communal_type(sub_type, sentence, {a.sector for a in (actor1, actor2) if a is not None})
    sub_type = strategic_type(sub_type, sentence)
    if sub_type is None:
        return None
    sub_type = weapon_type(sub_type, sentence)
    if sub_type == "Attack" and (cue_in(sentence.lower(), "fight_back") or cue_in(following.lower(), "fight_back")):
        return "Armed clash"  # the attacked fought back: ACLED codes a clash, one event with the fight
    return sub_type
