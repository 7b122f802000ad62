"""Which territory sub-type: decided by who took the ground, and whether anyone fought for it.

ACLED's three territory sub-types tell the same words apart by their actors: forces of the
state that "capture" a town regain territory, rebels who "recapture" one overtake it, and
either taking ground an enemy "pulled out" of is a non-violent transfer. The sentence
classifier learns the words, not the sides, so the sides settle it here.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import STATE_SECTORS, Actor
from .lexicon import cue_in, lexicons

GOV_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
NON_VIOLENT = "Non-violent transfer of territory"
TERRITORY = {GOV_REGAINS, NON_STATE_OVERTAKES, NON_VIOLENT}
CHANGE = "Change to group/activity"
CLASH = "Armed clash"
# Verbs whose object lost the place named in a from/out-of phrase ("drove the rebels out of
# the town"); "rout" and "clear" take the loser as object too but name no place that way.
EXPEL_VERBS = {"drive", "push", "expel", "oust", "kick", "flush"}
LOSER_OBJECT_VERBS = EXPEL_VERBS | {"rout", "clear"}
NON_STATE = {"REB", "PMG", "IMG", "UAG"}


def territory_sides(sent: Span) -> tuple[Token | None, Token | None]:
    """The head words of who took ground and from whom, from the first take-control verb:
    its subject (or the "by" agent of a passive), and a "from" object or a driven-out object.
    A later verb of the same taker may name the loser: "forces pushed into the province,
    seizing the village from HTS fighters"."""
    found: tuple[Token | None, Token | None] | None = None
    for taker, loser in _verb_sides(sent):
        if found is None:
            found = taker, loser
        elif found[1] is None and loser is not None and (taker is None or found[0] is None or taker.i == found[0].i):
            found = found[0] or taker, loser
        if found[1] is not None:
            break
    return found or (None, None)


def _verb_sides(sent: Span):
    """(taker, loser) of each take-control verb in ``sent`` that names either."""
    verbs = lexicons().cues["territory_verbs"]
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        taker = loser = None
        for child in tok.children:
            if child.dep_ == "nsubj":
                taker = child
            elif child.dep_ == "agent":
                taker = next((g for g in child.children if g.dep_ == "pobj"), taker)
            elif child.dep_ == "prep" and child.lower_ == "from":
                loser = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in LOSER_OBJECT_VERBS:
                loser = child  # "drove the rebels out of the town", "the rebels were pushed back from"
            elif child.dep_ == "dobj" and loser is None:
                # "seized the village from HTS fighters": the parser hangs "from" off the place
                loser = next((g for p in child.children if p.dep_ == "prep" and p.lower_ == "from"
                              for g in p.children if g.dep_ == "pobj"), None)
        if taker is None:
            taker = _governing_subject(tok)
        if taker is not None and taker.lower_ in ("that", "which", "who") and tok.dep_ == "relcl":
            taker = tok.head  # "the rebel force that took control of Afrin"
        if taker is not None or loser is not None:
            yield taker, loser


def _governing_subject(tok: Token) -> Token | None:
    """The subject of the clause a subjectless take-control verb hangs from: "troops
    achieved a victory by controlling the area", "forces advanced and seized the town"."""
    while tok.dep_ in ("xcomp", "conj", "pcomp", "advcl", "prep", "pobj") and tok.head is not tok:
        tok = tok.head
        # The subject nearest the verb: a dateline misparsed as a subject comes first.
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[-1]
    return None


def territory_type(sub_type: str, sent_text: str, taker: Actor | None, loser: Actor | None,
                   following: str = "") -> str:
    """``sub_type`` if it is no territory type or the sides are unknown; else the one the
    sides and the fighting (or its absence) make it. ``following``: the next sentence, where
    a withdrawal's taker may be named."""
    low = sent_text.lower()
    if sub_type == CHANGE and cue_in(low, "territory_no_fight") and cue_in(low, "territory_left_to"):
        return NON_VIOLENT  # "withdrew, leaving it in the hands of opposition fighters"
    if sub_type not in TERRITORY:
        return sub_type
    if cue_in(low, "territory_attempt"):
        return CLASH  # "an attack to capture the positions was fended off": no ground changed hands
    if sub_type == NON_VIOLENT and not cue_in(f"{low} {following.lower()}", "territory_taken"):
        return CHANGE  # forces left and no one is told to have moved in: a change of activity
    # A handover is peaceful whatever else is said ("the coalition fighting Daesh handed the
    # base to Iraqi forces"); a withdrawal only when no fighting is told with it.
    withdrawal = cue_in(low, "territory_no_fight")
    if cue_in(low, "territory_given_up") or (withdrawal and not cue_in(low, "territory_fight")) or \
            (withdrawal and cue_in(following.lower(), "territory_given_up")):
        return NON_VIOLENT  # the next sentence may tell the handover: "... has handed control back to ..."
    taker_sector = taker.sector if taker else None
    loser_sector = loser.sector if loser else None
    if taker_sector in STATE_SECTORS or (taker_sector is None and loser_sector in NON_STATE):
        return GOV_REGAINS
    if taker_sector in NON_STATE or (taker_sector is None and loser_sector in STATE_SECTORS):
        return NON_STATE_OVERTAKES
    return sub_type
