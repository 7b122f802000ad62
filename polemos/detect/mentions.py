"""Event mentions from a parsed article: triggers grouped by clause, typed, with their arguments.

A *candidate* is what one clause says happened: its trigger words, a sub-event type, the
victims and counts, the actor phrases and who reported it. Candidates still hold spaCy
tokens; the resolve stage turns them into ``Mention`` objects with dates, places and names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..model import ARMED_SECTORS
from ..nlp import doc_sents, doc_text
from .demonstrations import DEMONSTRATION, PEACEFUL, demonstration_type
from .lexicon import cue_in, is_sports, lexicons, sports_story, trigger_matcher
from .numbers import count_of, counted_one_by_one, word_value
from .territory import EXPEL_VERBS, TERRITORY

GENERIC = ("_kill", "_injure", "_attack")
IGNORED = "_none"  # not a trigger ("stun grenade")
NO_EVENT = "_no_event"  # not a trigger, and its sentence tells no event ("fighting units", "death sentence")
# Clause boundaries: a trigger belongs to the nearest ancestor heading one of these.
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "pcomp", "acl"}
DURATION_NOUNS = {"weeks", "months", "years", "decades", "week", "month", "year"}
VAGUE_MANY = {"dozens", "scores", "hundreds", "thousands", "several", "many", "numerous"}
PARTITIVES = {"members", "member", "group", "groups", "rest", "majority", "most", "many", "some"}
UNMEANT = "polemos.unmeant"  # Doc.user_data key: sentence start -> trigger labels told only as plans
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# "reports of new fighting", "allegations of abuse": talk about events told elsewhere.
HEARSAY_NOUNS = {"reports", "report", "allegations", "claims", "accounts", "news", "rumours", "rumors", "fears"}
# "a wave of demonstrations", "a spate of bombings": many events summed up, none told.
SERIES_NOUNS = {"wave", "waves", "spate", "string", "series", "cycle", "campaign", "surge", "rash"}
PROTEST_TYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
# When two specific triggers share a clause and neither governs the other, the rarer,
# more specific weapon wins (a "suicide car bomb" is a Suicide bomb, not an IED).
PRIORITY = [
    "Suicide bomb", "Chemical weapon", "Air/drone strike", "Grenade", "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack", "Sexual violence", "Abduction/forced disappearance",
    "Excessive force against protesters", "Protest with intervention", "Violent demonstration",
    "Mob violence", "Government regains territory", "Non-state actor overtakes territory",
    "Armed clash", "Attack", "Peaceful protest", "Agreement", "Arrests", "Disrupted weapons use",
    "Looting/property destruction", "Headquarters or base established",
    "Non-violent transfer of territory", "Change to group/activity", "Other",
]
# Triggers too ambiguous to stand alone: they need a casualty, an armed actor or a second trigger.
WEAK = {"bomb", "blast", "explosion", "exploded", "drone", "strike", "march", "marched", "deployed",
        "accord", "agreement", "offensive", "engagement", "fight", "fights", "fought", "battle",
        "battles", "intercepted", "dismantled", "ammunition", "rocket", "rockets", "missile",
        "missiles", "shell", "shells", "mob", "mobs", "detention", "disappeared", "executed",
        "merged", "handed over", "handover", "cede", "ceded", "regained", "liberated", "set fire",
        "demolished", "torched", "loot", "artillery"}


@dataclass
class Candidate:
    sent: Span
    # The stretch of the sentence this event is told in (a sentence may tell two events).
    part: Span
    trigger: Token
    triggers: list[Token]
    sub_event_type: str
    victims: Token | None = None
    fatalities: int | None = None
    dead_one_by_one: bool = False  # the dead were counted by name or singular noun: a floor
    dead_vaguely: bool = False  # the dead were "dozens", "scores": a figure elsewhere replaces it
    injured: int | None = None
    actor1: Token | None = None
    actor2: Token | None = None
    claim: Span | None = None
    generic: bool = False  # typed from generic words only (killed, wounded, attack)
    from_classifier: bool = False  # no trigger word: the classifier alone found it
    untyped: bool = False  # only a toll ("leaving four dead"); it must fold into an event
    participial: bool = False  # told in a participle clause ("..., killing six"): an outcome
    relative: Relative | None = None  # dated from another event's day
    confidence: float = 0.6


@dataclass
class Relative:
    """An event told by its distance from another: "a day after intense bombardment" (the
    bombardment is 1 day before ``anchor``'s day), "preceded by days of shelling" (``days``
    None: some days before)."""

    anchor: Token
    days: int | None
    text: str = ""  # "a day after", "preceded by days"


class Veto(str):
    """Why a clause with trigger words tells no event (a threat, a war total, a sports story)."""


def find_candidates(doc: Doc, nlp) -> tuple[list[Candidate], set[int]]:
    """All event candidates in a parsed article, in text order, and the start tokens of the
    sentences where a rule vetoed a clause (those must not get an event from elsewhere)."""
    matches = trigger_matcher(nlp)(doc)
    spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matches])
    vetoed: set[int] = {s.sent.start for s in spans if s.label_ == NO_EVENT}
    spans = sorted([s for s in spans if s.label_ not in (IGNORED, NO_EVENT)] + _territory_spans(doc, spans),
                   key=lambda s: s.start)
    sporty = sports_story(doc_text(doc).lower())  # a sports story: its "clashes" are games
    by_clause: dict[tuple[int, int], list[Span]] = {}
    relative: dict[tuple[int, int], Relative] = {}
    for span in spans:
        rel = told_relative(span.root)
        if rel is None:
            by_clause.setdefault((_clause_head(span.root).i, -1), []).append(span)
        else:
            # "an incursion a day after air strikes": two occurrences on two days, each its own event
            key = (_own_head(span.root, rel.anchor).i, rel.anchor.i)
            by_clause.setdefault(key, []).append(span)
            relative[key] = rel
    # A sentence that names deliberate violence in any clause ("a canister believed to contain
    # a toxic gas crashed through the roof") tells no disaster in its others.
    deliberate = {s.sent.start for s in spans if s.label_ not in GENERIC and _deliberate(s)}
    totals: set[int] = set()  # sentences with a clause vetoed as a running total
    out = []
    for key, group in sorted(by_clause.items(), key=lambda kv: kv[1][0].start):
        head = doc[key[0]]
        inherited: Candidate | None = None
        for stretch, part in _split_by_dates(group):
            cand = _candidate(head, stretch, part, inherited, sporty, head.sent.start in deliberate)
            if isinstance(cand, Veto):
                vetoed.add(head.sent.start)
                if cand == "total":
                    totals.add(head.sent.start)
            elif cand is not None:
                cand.relative = relative.get(key)
                out.append(cand)
                inherited = cand
    # "268 militants had been neutralised since the start of the operation": a tally, and no
    # sentence the classifier may add an event for either.
    vetoed |= {s.start for s in doc_sents(doc) if cue_in(s.text.lower(), "tally_phrases")}
    # "The government offensive to retake Eastern Ghouta ... has killed more than 1,600
    # civilians": the campaign and its aim are the total's, however the parser hung them.
    out = [c for c in out if not (c.sent.start in totals and (c.trigger.lower_ in CAMPAIGNS or any(
        ch.dep_ == "aux" and ch.lower_ == "to" for ch in c.trigger.children)))]
    return _fold_generic(out), vetoed


def _territory_spans(doc: Doc, taken: list[Span]) -> list[Span]:
    """Take-control verbs whose object is a place ("captured two villages", "the camps were
    seized"): too many wordings for a phrase list. Typed as a takeover here; who took the
    place decides the sub-type later (detect/territory.py)."""
    cues = lexicons().cues
    used = {i for s in taken for i in range(s.start, s.end)}
    out = []
    verbs = cues["territory_trigger_verbs"]
    # Only the verbs become Token objects: iterating a whole Doc in Python is the costly part.
    for i in np.flatnonzero(doc.to_array(POS) == VERB):
        tok = doc[int(i)]
        lemma = tok.lemma_.lower()
        if tok.i in used or not (lemma in verbs or lemma in EXPEL_VERBS or (lemma == "take" and any(
                c.dep_ == "prt" and c.lower_ == "over" for c in tok.children))):  # "took over the town"
            continue
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma in EXPEL_VERBS:
            # "were pushed back from the surrounding areas", "drove the militants out of the town":
            # the place is in the from/of phrase, the object is who lost it.
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "out")]
            preps += [g for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back", "away")
                      for g in c.children if g.dep_ == "prep" and g.lower_ in ("of", "from")]
            objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
            expelled = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if not any(_attack_kind(c, None, need_armed=None) == "Armed clash" for c in expelled):
                continue  # "expelled 3,000 nationals from its territory": people, not a front line
        # "large swaths of territory", "most of the city": the place is the "of" phrase
        objects += [g for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        if any(o.lower_ in cues["territory_places"] or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
            out.append(Span(doc, tok.i, tok.i + 1, label="Non-state actor overtakes territory"))
        elif lemma in cues["capture_verbs"] and any(
                o.ent_type_ == "PERSON" or o.lower_ in cues["captive_nouns"] for o in objects):
            # "the two men were captured by the SDF": people taken, not ground
            out.append(Span(doc, tok.i, tok.i + 1, label="Arrests"))
        elif lemma in cues["capture_verbs"] and any(o.lower_ in cues["abductee_nouns"] for o in objects):
            # "two aid workers were captured by gunmen": civilians seized are abducted
            out.append(Span(doc, tok.i, tok.i + 1, label="Abduction/forced disappearance"))
    return out


def _fold_generic(cands: list[Candidate]) -> list[Candidate]:
    """"Missiles struck the city centre, killing six people": the bare killing clause is the
    strike's toll, not a second event. Fold generic and participle clauses into the typed
    event of the same sentence part (before or after them: "three were killed ... during
    clashes"); a toll with no event to belong to is dropped."""
    out: list[Candidate] = []
    folded: set[int] = set()
    for cand in cands:
        host = None
        if cand.generic or cand.participial:
            same_part = [c for c in cands if c is not cand and id(c) not in folded and not c.untyped
                         and c.part.start == cand.part.start and c.sent.start == cand.sent.start
                         and (c.relative is None) == (cand.relative is None)]
            typed = [c for c in same_part if not c.generic]
            host = typed[0] if typed else (same_part[0] if same_part else None)
        elif cand.sub_event_type in DEMONSTRATION and not _placed_or_dated(cand):
            # "Police halted a march by thousands of Kurds in Cologne ..., after demonstrators
            # refused to lower flags": the demonstrators are the march's
            host = next((c for c in out if id(c) not in folded and c.sent.start == cand.sent.start
                         and c.part.start == cand.part.start and c.sub_event_type in DEMONSTRATION), None)
        if host is None and cand.generic and cand.actor1 is None and cand.claim is None \
                and (cand.fatalities is not None or cand.injured is not None):
            host = _told_just_before(cand, [c for c in out if id(c) not in folded])
        if host is None:
            if not cand.untyped:
                out.append(cand)
            continue
        folded.add(id(cand))
        if not cand.generic and not cand.untyped and \
                PRIORITY.index(cand.sub_event_type) < PRIORITY.index(host.sub_event_type):
            host.sub_event_type = cand.sub_event_type  # "opened fire, killing protesters": excessive force
        other_side = (host.victims is not None and cand.victims is not None
                      and host.victims.lower_ != cand.victims.lower_)
        if cand.fatalities is not None:
            host.dead_one_by_one = cand.dead_one_by_one if host.fatalities is None else (
                host.dead_one_by_one and cand.dead_one_by_one)
            host.dead_vaguely = cand.dead_vaguely if host.fatalities is None else (
                host.dead_vaguely and cand.dead_vaguely)
        for name in ("fatalities", "injured"):
            mine, theirs = getattr(host, name), getattr(cand, name)
            if theirs is not None:
                # "killing 14 assailants, while two soldiers were killed": both sides' dead count
                setattr(host, name, mine + theirs if mine is not None and other_side else
                        mine if mine is not None else theirs)
        host.victims = host.victims or cand.victims
        host.actor1 = host.actor1 or cand.actor1
        # "officers were killed when dissidents ambushed their patrol": the dead say whose
        # patrol it was better than the word "patrol" does
        possessed = host.actor2 is not None and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                    for c in host.actor2.children)
        if host.actor2 is None or (cand.victims is not None and (host.actor2 is host.victims or possessed)):
            host.actor2 = cand.actor2 or host.actor2
        host.triggers += cand.triggers
    return [c for c in out if id(c) not in folded]


def _placed_or_dated(cand: Candidate) -> bool:
    """Whether the candidate's own clause (not the clauses inside it) names a place or a time."""
    head = _clause_head(cand.trigger)
    todo, own = [head], []
    while todo:
        tok = todo.pop()
        own.append(tok)
        todo += [c for c in tok.children if not (c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"))]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in own)


def _told_just_before(toll: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The event of the sentence right before a toll sentence that names no day or place of
    its own and whose counts that event lacks: "Russian jets struck a hospital in Kafr Nabl."
    "It reported two people killed."."""
    if any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for t in toll.sent):
        return None
    before = [c for c in earlier if c.sent.end == toll.sent.start and not c.generic]
    if not before:
        return None
    host = before[-1]
    lacks = (toll.fatalities is None or host.fatalities is None) and (toll.injured is None or host.injured is None)
    return host if lacks else None


def _split_by_dates(group: list[Span]) -> list[tuple[Span, list[Span]]]:
    """Split one clause's triggers where a coordinator separates two dates.

    "three were killed in an ambush on November 26 and another died in an attack on
    Tuesday" tells two events, whatever the parser made of the coordination.
    """
    doc = group[0].doc
    sent = group[0].root.sent
    if len(group) < 2:
        return [(sent, group)]
    dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and sent.start <= e.start < sent.end]
    if len(dates) < 2:
        return [(sent, group)]
    cuts = []
    for a, b in zip(dates, dates[1:]):
        between = [t for t in doc[a.end : b.start] if t.dep_ == "cc" or t.text in (";", "while")]
        if between:
            cuts.append(between[0].i)
    parts: list[tuple[Span, list[Span]]] = []
    bounds = [sent.start - 1, *cuts, sent.end]
    for lo, hi in zip(bounds, bounds[1:]):
        part = [s for s in group if lo < s.start < hi]
        if part:
            parts.append((doc[lo + 1 : hi], part))
    return parts or [(sent, group)]


# Days in a unit of "a day after", "two weeks before"; hours stay on the same day.
TIME_UNITS = {"hour": 0, "hours": 0, "day": 1, "days": 1, "week": 7, "weeks": 7}


def told_relative(tok: Token) -> Relative | None:
    """Whether ``tok`` is told by its distance from another event: "a day after intense
    bombardment", "two days after air strikes killed ten", "preceded by days of shelling",
    "after weeks of fighting". None when it is not."""
    node = tok
    for _ in range(4):
        unit = None
        if node.lower_ in ("after", "before") and node.dep_ == "prep" and node.head.lower_ in TIME_UNITS:
            unit, sign, anchor, word = node.head, 1 if node.lower_ == "after" else -1, node.head.head, node
        elif node.pos_ in ("VERB", "AUX") and node.dep_ == "advcl":
            mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
            unit = next((c for c in node.children if c.dep_ == "npadvmod" and c.lower_ in TIME_UNITS), None)
            if mark is not None and unit is not None:
                sign, anchor, word = (1 if mark.lower_ == "after" else -1), node.head, mark
            else:
                unit = None
        elif node.lower_ == "of" and node.head.lower_ in ("days", "weeks") and not any(
                c.dep_ == "nummod" for c in node.head.children):
            # "preceded by days of airstrikes", "after weeks of shelling": some days before
            by = node.head.head
            if by.lower_ in ("by", "after", "following") and (by.lower_ != "by" or by.head.lemma_ == "precede"):
                first = by.head if by.lower_ == "by" else by
                return Relative(anchor=by.head, days=None, text=tok.doc[first.i:node.head.i + 1].text)
        if unit is not None:
            n = count_of(unit) if unit.lower_.endswith("s") else 1
            if TIME_UNITS[unit.lower_] == 0:
                n = 0  # "hours after": the same day
            return Relative(anchor=anchor, days=None if n is None else sign * n * TIME_UNITS[unit.lower_],
                            text=tok.doc[unit.left_edge.i:word.i + 1].text)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _own_head(tok: Token, anchor: Token) -> Token:
    """The clause head of ``tok`` below ``anchor``, or ``tok`` itself when it has none there
    (a noun in "a day after intense bombardment")."""
    head = _clause_head(tok)
    return head if head.i != anchor.i and anchor in head.ancestors else tok


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
        if tok.head.i == tok.i:
            return tok
        if tok.dep_ in CLAUSE_DEPS and tok.dep_ != "ROOT" and tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = tok.head
    return tok


def _candidate(head: Token, stretch: Span, group: list[Span], inherited: Candidate | None = None,
               sporty: bool = False, deliberate_sentence: bool = False) -> Candidate | Veto | None:
    """The event the clause tells, a ``Veto`` saying why it tells none, or None when its
    trigger words do not add up to an event (``deliberate_sentence``: another clause of the
    sentence names deliberate violence)."""
    sent = head.sent
    text = sent.text.lower()
    if is_sports(text):
        return Veto("sports")
    if _irrealis(head) or any(_irrealis(s.root, stop=head) for s in group):
        return Veto("irrealis")
    # "planning grenade attacks", "ahead of a planned protest": that trigger names no event
    planned = [s for s in group if any(t.i < s.root.i and t.dep_ in ("compound", "amod")
                                       and t.lower_ in lexicons().cues["irrealis_modifiers"] for t in s.root.subtree)]
    if planned:
        # The sentence may still tell something else ("mobilised against a possible attack"),
        # but not what was only planned: the classifier may not add it back.
        head.doc.user_data.setdefault(UNMEANT, {}).setdefault(sent.start, set()).update(s.label_ for s in planned)
        group = [s for s in group if s not in planned]
        if not group:
            return None
    group = [s for s in group if not _is_summary(s.root)]
    if not group:
        return Veto("summary")
    group = [s for s in group if not _told_before(s.root)]
    if not group:
        return Veto("background")
    if _habitual(head) or _trend(head, group):
        return Veto("habitual")
    group = [s for s in group if s.label_ in DEMONSTRATION or s.label_ in ("_kill", "_injure", "Agreement")
             or not _is_description(s.root)]
    group = [s for s in group if s.text.lower() not in lexicons().cues["weapon_names"] or _weapon_used(s)]
    if not group:
        return Veto("description")
    specific = [s for s in group if s.label_ not in GENERIC]
    kinds = {s.label_ for s in group}

    victims = None
    dead_one_by_one = dead_vaguely = False
    counts: dict[str, int | None] = {"_kill": None, "_injure": None}
    kill_phrases = lexicons().cues["kill_phrases"]
    for span in group:
        # A typed trigger that is itself a killing ("shot dead", "assassinated") counts its victims too.
        if span.label_ not in counts and span.text.lower() not in kill_phrases:
            continue
        tok = span.root
        fatal = any(c.lower_ in ("fatal", "fatally") for c in tok.children) or tok.lower_ in ("fatal", "fatally")
        kind = "_kill" if fatal or span.label_ not in counts else span.label_  # "fatal injuries" are deaths
        if kind == "_kill" and span.text.lower() == "shot" and _injured_too(tok):
            kind = "_injure"  # "was shot and wounded": the shooting is the wounding, nobody died
        v, n = _victims(tok)
        if span.label_ == "_kill" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in tok.children):
            n = None  # "shot down 11 of 15 drones": aircraft, not people (but whose aircraft is told)
        if n is not None and counts[kind] is None:
            counts[kind] = n
            if kind == "_kill":
                victims = v  # the dead decide who the victims are
                dead_one_by_one = v is not None and counted_one_by_one(v)
                dead_vaguely = v is not None and any(t.lower_ in VAGUE_MANY for t in v.subtree if t.i <= v.i)
        victims = victims or v
    fatalities, injured = counts["_kill"], counts["_injure"]
    if sporty and fatalities is None and injured is None and all(
            s.label_ in GENERIC or s.text.lower() in WEAK for s in group):
        # In a sports story "fought hard" is a game; a bomb at the cup final is still a bomb.
        return Veto("sports")

    if _actor_phrase(victims) is None and inherited is not None and inherited.victims is not None:
        # The second of two coordinated events: "... and another died in an attack on Tuesday".
        victims = inherited.victims
    elif _actor_phrase(victims) is None and head.dep_ == "conj" and not any(c.dep_ == "dobj" for c in head.children):
        # "three soldiers were killed ... and another sustained fatal injuries": the
        # elided victims are those of the first conjunct.
        victims_of_first = [c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
        for cand in victims_of_first:
            phrase = _actor_phrase(cand)
            if phrase is not None:
                victims = phrase
                break
    actor1, actor2 = _actors(head, group, victims)
    if not deliberate_sentence and names_disaster(text, head.doc) and _no_one_meant_it(specific, actor1, actor2):
        return Veto("disaster")
    if actor1 is None and inherited is not None and victims is not None and inherited.victims is victims:
        actor1 = inherited.actor1
    sub_type = _sub_type(specific, kinds, victims, actor1, actor2, text, head)
    untyped = False
    if sub_type is None and (fatalities is not None or injured is not None):
        sub_type, untyped = "Attack", True  # a toll clause; typed by the event it folds into
        if _aircraft_subject(head):
            sub_type, untyped = "Air/drone strike", False  # "British aircraft ... killed four Iraqis"
    if sub_type is None:
        return None
    if (sub_type == "Disrupted weapons use" and not cue_in(text, "weapon_disrupted")) or _only_held(group):
        return Veto("weapons only named")  # "had access to a gun and ammunition": none used, seized or defused
    if _is_state(head, group, fatalities, injured):
        return None
    if _held_now(head) and fatalities is None and injured is None:
        return Veto("state")
    if sub_type == "Agreement" and not _agreement_done(specific):
        # "launched an offensive in defiance of a ceasefire": the truce is only named; the
        # offensive is still the news.
        group = [s for s in group if s.label_ != "Agreement"]
        specific = [s for s in specific if s.label_ != "Agreement"]
        kinds = {s.label_ for s in group}
        sub_type = _sub_type(specific, kinds, victims, actor1, actor2, text, head) if group else None
        if sub_type is None:
            return Veto("agreement not done")
    if sub_type in TERRITORY and cue_in(text, "territory_whole_country"):
        return Veto("summary")  # "has regained control of most of the country": the war's course, no one taking
    if head.lemma_.lower() == "march" and all(s.root.i == head.i for s in specific) and _armed_subject(head):
        return Veto("troop movement")  # "troops marched into the town": no protest, and no event
    if sub_type in _weak_only(specific) and fatalities is None and injured is None and actor1 is None \
            and actor2 is None and not _has_toll_clause(head) \
            and not (sub_type in DEMONSTRATION and _crowd_subject(head)):
        return None
    tally = cue_in(text, "tally_phrases") and not any(_names_day(t) for t in head.subtree)
    if (_is_total(head, group, counted=fatalities is not None or injured is not None) or tally
            or _war_toll(head, fatalities) or _campaign_total(head)) and sub_type != "Agreement":
        return Veto("total")

    trigger = min((s.root for s in (specific or group)), key=lambda t: _depth(t))
    cand = Candidate(
        sent=sent, part=stretch, trigger=trigger, triggers=[s.root for s in group], sub_event_type=sub_type,
        victims=victims, fatalities=fatalities, injured=injured, actor1=actor1, actor2=actor2,
        dead_one_by_one=dead_one_by_one, dead_vaguely=dead_vaguely,
        claim=_claim(head), generic=not specific,
        participial=_is_participial(head), untyped=untyped,
    )
    cand.confidence = 0.5 + 0.15 * bool(specific) + 0.1 * (fatalities is not None or injured is not None) \
        + 0.1 * bool(actor1 or actor2) + 0.05 * (len(group) > 1)
    return cand


# Sub-types a disaster can look like: a blast, deaths, a fire, a collapse.
DISASTER_LOOKALIKES = {"Remote explosive/landmine/IED", "Attack", "Looting/property destruction", "Chemical weapon"}


def lead_text(doc: Doc) -> str:
    """The first two sentences, lower-cased: where a report names its disaster."""
    key = "polemos.lead"
    if key not in doc.user_data:
        sents = doc_sents(doc)[:2]
        doc.user_data[key] = " ".join(s.text for s in sents).lower()
    return doc.user_data[key]


def names_disaster(text: str, doc: Doc) -> bool:
    """Whether lower-cased ``text`` or the story's lead names a flood, a gas explosion, a crash."""
    return cue_in(text + " " + lead_text(doc), "disaster")


def _no_one_meant_it(specific: list[Span], actor1, actor2) -> bool:
    """No armed actor and no trigger of deliberate violence: deaths and blasts a disaster explains."""
    armed = [a for a in (actor1, actor2) if a is not None and _looks_like_actor(a)
             and lexicons().actors["generic"].get(a.lower_, (None, "CVL"))[1] != "CVL"]
    return not armed and not any(map(_deliberate, specific))


def _deliberate(span: Span) -> bool:
    """Whether a typed trigger names violence no disaster explains ("ambush", "toxic gas";
    not a bare "blast")."""
    return span.label_ not in DISASTER_LOOKALIKES or span.text.lower() not in WEAK


def _is_participial(head: Token) -> bool:
    """A participle clause ("..., killing six") telling the outcome of the clause it hangs on."""
    return head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp", "conj", "acl")


TOLL_VERBS = {"kill", "wound", "injure", "leave", "claim"}


def _has_toll_clause(head: Token) -> bool:
    """"Two shells landed in the camp, killing five": the clause's outcome names casualties."""
    return any(_is_participial(c) and c.lemma_ in TOLL_VERBS for c in head.children)


def _crowd_subject(head: Token) -> bool:
    """"Thousands of people marched": a crowd is the subject, so the march is a protest
    (cue list ``marching_crowds``)."""
    crowds = lexicons().cues["marching_crowds"]
    return any(c.dep_ == "nsubj" and (c.lower_ in crowds or any(g.lower_ in crowds for g in c.subtree))
               for c in head.children)


def _armed_subject(head: Token) -> bool:
    """Whether the subject of ``head`` is an armed force ("troops", "rebels", "the army")."""
    generic = lexicons().actors["generic"]
    return any(c.dep_ == "nsubj" and generic.get(c.lower_, ("", ""))[1] in ARMED_SECTORS for c in head.children)


def _weak_only(specific: list[Span]) -> set[str]:
    """Sub-types whose only evidence in this clause is weak triggers."""
    strong = {s.label_ for s in specific if s.text.lower() not in WEAK}
    return {s.label_ for s in specific} - strong


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


def _irrealis(tok: Token, stop: Token | None = None) -> bool:
    """Whether the token sits under a threat, plan, modal, negation or condition."""
    cues = lexicons().cues
    node = tok
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in cues["irrealis"]):
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return True
        if node.i != tok.i and node.lemma_.lower() in cues["irrealis"]:
            return True
        if node.dep_ == "ROOT" and _imperative(node):
            return True
        if node.lower_ == "due" and node.dep_ == "acomp" and node.i != tok.i:
            return True  # "the procession was due to march": a plan
        if node.dep_ in ("acl", "advcl") and node.lemma_.lower() in cues["territory_verbs"] \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True  # "the offensive to retake Eastern Ghouta", "launched a push to capture": the aim
        if node.dep_ == "ROOT" or (stop is not None and node.i == stop.i) or node.lemma_.lower() in cues["reporting_verbs"]:
            break
        node = node.head
    return False


def _imperative(root: Token) -> bool:
    """A command or a wish ("Let them fight Isis.", "Stop the bombing!"): a bare verb that opens
    its sentence with no subject."""
    first = next((t for t in root.sent if not t.is_punct), None)
    return first is not None and first.i == root.i and root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _is_description(tok: Token) -> bool:
    """A trigger that says who a group is or what a plan is for, not what happened: "rebels
    fighting to overthrow Assad", "Hezbollah, which is fighting alongside the army", "a
    campaign to reclaim the province", "a deal to end the fighting"."""
    if tok.sent.root.pos_ not in ("VERB", "AUX"):
        return False  # a headline's "troops clashing near Bhamo" has no other verb: the participle is the news
    if tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # "hit hospitals ... to take over opposition areas": the aim, not what happened
    for node in _near_heads(tok, 5):
        if node.dep_ == "relcl" and node.lemma_ in ("accuse", "blame", "suspect"):
            return True  # "groups it accused of carrying out a chlorine attack": who they are said to be
        if node.dep_ in ("acl", "relcl"):
            noun = node.head
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and noun.pos_ == "NOUN" \
                    and noun.lower_ not in EVENT_NOUNS:
                return True  # an infinitive under a noun: a plan ("a deal to end"), not an "attack to capture"
            if node.tag_ in ("VBG", "VBZ", "VBP") and noun.pos_ in ("NOUN", "PROPN") and noun.lower_ not in EVENT_NOUNS \
                    and not any(
                    c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in node.children):
                return True  # a present-tense role: "militias fighting alongside the army"
        if node.lemma_ in CAMPAIGN_NOUNS and node.pos_ == "NOUN" and any(
                (c.dep_ == "prep" and c.lower_ in ("against", "for")) or c.lower_.startswith("anti")
                for c in node.children):
            return True  # "the fight against Isis", "the anti-Isis fight": a campaign, not an occurrence
        if node.lemma_ in CAMPAIGN_NOUNS and node.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and \
                node.head.lemma_ not in ("begin", "start", "continue", "resume"):
            return True  # "in Syria only to fight Isis": an aim
    return False


def _aircraft_subject(head: Token) -> bool:
    """The clause's subject is an aircraft: "jets killed six", "British aircraft using guided
    missiles killed four"."""
    aircraft = lexicons().cues["weapon_aircraft"]
    return any(c.dep_ == "nsubj" and c.lower_ in aircraft for c in head.children)


def _only_held(group: list[Span]) -> bool:
    """Every trigger is a weapon someone has or stores ("had plenty of ammunition and rockets"),
    none used."""
    verbs = lexicons().cues["possession_verbs"]

    def held(tok: Token) -> bool:
        verb = next((n for n in _near_heads(tok, 6) if n.pos_ in ("VERB", "AUX")), None)
        return tok.pos_ == "NOUN" and verb is not None and verb.lemma_.lower() in verbs
    return bool(group) and all(s.label_ in WEAPON_TYPES and held(s.root) for s in group)


WEAPON_TYPES = {"Disrupted weapons use", "Shelling/artillery/missile attack", "Air/drone strike", "Grenade",
                "Remote explosive/landmine/IED", "Chemical weapon", "Suicide bomb"}


def _is_state(head: Token, group: list[Span], fatalities: int | None, injured: int | None) -> bool:
    """A statement of what something or someone is, with the trigger in what is said of them
    ("Arsal had been a focal point of clashes", "He was a leader at marches"): a state, no
    occurrence. "The fighting is ongoing" (the trigger is the subject), "there were clashes",
    "after what was a gas attack", a count or a day of its own tell one."""
    if head.lemma_ != "be" or head.pos_ != "AUX" or head.dep_ not in ("ROOT", "ccomp", "conj") \
            or fatalities is not None or injured is not None:
        return False
    if any(s.root.pos_ not in ("NOUN", "PROPN") for s in group):
        return False  # "his daughter was gang-raped", parsed as a copula: a passive verb is an act
    if any(c.dep_ == "expl" for c in head.children) or _in_subject(head, group, ("nsubj", "nsubjpass", "csubj")):
        return False
    # a day or a month, not a span: "over the past 18 months" is the state's age
    return not any(_names_day(t) for t in head.subtree)


HOLD_VERBS = {"occupy", "control", "hold"}


def _held_now(head: Token) -> bool:
    """"20% of Syria was now occupied by Kurds", "the town is still held by rebels": who holds
    the ground, not a taking."""
    return head.tag_ == "VBN" and head.lemma_ in HOLD_VERBS and any(c.dep_ == "auxpass" for c in head.children) \
        and any(c.dep_ == "advmod" and c.lower_ in ("now", "still") for c in head.children) \
        and not any(_names_day(t) for t in head.subtree)


def _in_subject(head: Token, group: list[Span], deps: tuple[str, ...]) -> bool:
    """Whether a trigger of ``group`` is inside one of ``head``'s subjects (dependencies ``deps``)."""
    subjects = {t.i for c in head.children if c.dep_ in deps for t in c.subtree}
    return any(s.root.i in subjects for s in group)


def _names_day(tok: Token) -> bool:
    """A date word that names a day or a month ("Sunday", "July"), not a span ("18 months")."""
    return tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in DAY_WORDS


def _weapon_used(span: Span) -> bool:
    """"chemical weapons" names an occurrence only as a use or an attack ("used chemical weapons",
    "a chemical weapons attack"); otherwise it is the topic ("punishing chemical weapons use")."""
    if any(t.dep_ in ("compound", "amod") and t.head.lower_ in EVENT_NOUNS for t in span):
        return True
    tok = span.root
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return tok.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ == "VERB" and \
        verb.lemma_.lower() in lexicons().cues["weapon_use_verbs"]


def _told_before(tok: Token) -> bool:
    """"had previously been wounded in an airstrike", "had previously claimed he was killed in
    an airstrike", "during the Iran-Iraq war, Saddam gassed villages": news in its own time,
    background now."""
    chain = [tok, *tok.ancestors]
    if any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly") for node in chain for c in node.children):
        return True
    if any(t.lower_ in DAY_WORDS for t in tok.sent):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "during" and any(
        o.dep_ == "pobj" and (o.lemma_ == "genocide" or o.lemma_ in PAST_WARS and any(
            m.dep_ in ("compound", "amod", "nmod", "nummod") for m in o.children))
        for o in c.children) for node in chain for c in node.children)


# "during the Iran-Iraq war", "during the 2006 war", "during the second world war"; a genocide
# needs no name ("during the genocide, men were rounded up")
PAST_WARS = {"war", "occupation", "revolution", "uprising", "intifada"}


def _perfect(tok: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve", "had") for c in tok.children)


def _trend(head: Token, group: list[Span]) -> bool:
    """"drone strikes have intensified", "attacks on aid workers increased": how often events
    happen, none of them told. A day or a toll of its own tells one ("fighting escalated on Sunday")."""
    if head.lemma_.lower() not in lexicons().cues["trend_verbs"]:
        return False
    if not _in_subject(head, group, ("nsubj", "nsubjpass")):
        return False
    return not any(t.lemma_.lower() in TOLL_VERBS or _names_day(t) for t in head.subtree)


def _habitual(head: Token) -> bool:
    """A record, not an occurrence: "forces have repeatedly hit hospitals", "groups that have
    fought alongside each other", "rebels fought to protect their values", "it regularly
    rallied followers". A count or a date of
    its own makes it one again ("have fought since Sunday, killing 12")."""
    cues = lexicons().cues
    perfect, clash = _perfect(head), head.lemma_.lower() in cues["summary_clash_verbs"]
    habit = any(c.dep_ == "advmod" and c.lower_ in cues["habit_adverbs"] for c in head.children) \
        or _every_few(head)
    if not (perfect or clash or habit):
        return False
    if habit and not any(t.lemma_.lower() in TOLL_VERBS or _names_day(t) for t in head.subtree):
        return True  # "in which it regularly rallied followers", "convoys were routinely ambushed"
    if any(t.lemma_.lower() in TOLL_VERBS or (t.ent_type_ in ("DATE", "TIME") and (
            t.lower_ in DAY_WORDS or t.like_num)) for t in head.subtree):
        return False
    # "have repeatedly hit hospitals", "have long fought": habits only in the perfect
    if perfect and any(c.dep_ == "advmod" and c.lower_ in cues["perfect_habit_adverbs"] for c in head.children):
        return True
    if clash and head.pos_ == "VERB":
        # "have fought" with no day is the war so far; "fought to protect" is a cause
        return perfect or any(c.dep_ in ("xcomp", "advcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children)
    return False


def _every_few(head: Token) -> bool:
    """"every few seconds the thud of an artillery round rolled", "every night": how often, a habit."""
    return any(c.dep_ == "npadvmod" and any(d.lower_ == "every" for d in c.children)
               and c.lower_ in ("seconds", "minutes", "hours", "night", "nights", "day", "days", "morning", "evening")
               for c in head.children)


def _near_heads(tok: Token, steps: int = 3):
    """``tok`` and its heads, at most ``steps`` of them, up to the sentence root."""
    node = tok
    for _ in range(steps):
        yield node
        if node.dep_ == "ROOT" or node.head is node:
            return
        node = node.head


CAMPAIGN_NOUNS = {"fight", "war", "struggle", "campaign", "battle"}
# Nouns that name an occurrence: their infinitive tells its aim ("an attack to capture the hill").
EVENT_NOUNS = {"attack", "attacks", "assault", "assaults", "offensive", "raid", "raids", "operation", "operations",
               "push", "advance", "attempt", "bid", "strike", "strikes", "incursion", "counteroffensive"}


def _is_summary(tok: Token) -> bool:
    """'six weeks of fighting', 'years of conflict': a duration-long summary, not an occurrence."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in DURATION_NOUNS | HEARSAY_NOUNS | SERIES_NOUNS


def _is_total(head: Token, group: list[Span], counted: bool = True) -> bool:
    """A cumulative toll ('killed since the truce', 'during the war') rather than one occurrence.
    A period names a tally only for a count: "raped a woman during the occupation" is one act."""
    roots = {s.root.i for s in group} | {head.i}
    for tok in head.subtree:  # the whole clause, however the parser attached the preposition
        obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
        if tok.lower_ == "since":
            if _in_relative_clause(tok, head) or (tok.i > 0 and tok.nbor(-1).lower_ == "time"):
                # "brutality that has escalated since 2017" is the brutality's period; "for the
                # first time since 2012" counts nothing
                continue
            # "since the military seized power", "since the truce": a tally over a period;
            # "since Sunday" only dates the event.
            if tok.dep_ == "mark" or (tok.dep_ == "prep" and obj is not None and (
                    obj.ent_type_ not in ("DATE", "TIME") or YEAR.search(obj.text))):
                return True  # "since 2015" is a tally's start too
        elif counted and tok.lower_ in ("during", "throughout") and tok.dep_ == "prep" and tok.head.i in roots:
            if obj is not None and obj.lower_ in TALLY_PERIODS:
                return True
        elif tok.lower_ == "total" and tok.i > 0 and tok.nbor(-1).lower_ == "a" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return True  # "has detained a total of 900 foreign fighters": a tally
        elif tok.lower_ == "for" and tok.dep_ == "prep" and obj is not None and obj.lower_ in LONG_SPANS:
            return True  # "has been fighting for more than 15 years": a war, not an occurrence
        elif counted and tok.lower_ in ("over", "in") and tok.dep_ == "prep" and obj is not None \
                and obj.lower_ in LONG_SPANS | {"decade"} and any(c.lower_ in ("past", "last") for c in obj.children):
            return True  # "killed across the country over the past decade"
    return False


CAMPAIGNS = {"offensive", "campaign", "war", "operation", "siege", "bombardment", "crackdown", "conflict",
             "insurgency", "fighting", "violence", "uprising", "onslaught", "blockade"}


def _campaign_total(head: Token) -> bool:
    """"The government offensive ... has killed more than 1,600 civilians": a campaign that
    has killed is its running total, not one occurrence (the trigger is the campaign, subject
    of a perfect toll verb)."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    return (head.lower_ in CAMPAIGNS and verb is not None and verb.lemma_ in TOLL_VERBS
            and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _war_toll(head: Token, fatalities: int | None) -> bool:
    """"The insurgency has killed tens of thousands": a toll in the thousands told in the
    perfect, with no date of its own, is a war's total (DESIGN: war-level totals are no event)."""
    if fatalities is None or fatalities < 1000:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in CAMPAIGNS for c in head.children) or \
            len({t.text for t in head.subtree if YEAR.fullmatch(t.text)}) > 1:
        return True  # "Colombia's armed conflict killed more than 260,000 people between 1958 and 2018"
    verbs = [head] + [t for t in head.subtree if t.lemma_ in ("kill", "die")]
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had") for t in verbs for c in t.children)
    # "on Tuesday", "in March", "on 12 June" date one occurrence; "in its fifteenth year" does not.
    dated = any(t.ent_type_ in ("DATE", "TIME") and (any(ch.isdigit() for ch in t.text) or t.lower_ in DAY_WORDS)
                for t in head.subtree)
    return perfect and not dated


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
             "tonight", "january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december"}


def _in_relative_clause(tok: Token, head: Token) -> bool:
    """Whether ``tok`` sits in a relative clause below ``head`` (it qualifies a noun there)."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
TALLY_PERIODS = {"war", "conflict", "fighting", "insurgency", "year", "years", "uprising", "occupation"}
LONG_SPANS = {"years", "decades", "months", "generations", "centuries"}


def _agreement_done(specific: list[Span]) -> bool:
    """An agreement counts only when signed/agreed/brokered/in force, not merely mentioned or
    breached. Talks, surrenders and prisoner releases are agreements in ACLED's sense by themselves."""
    cues = lexicons().cues
    verbs = cues["agreement_verbs"]
    for span in specific:
        if span.label_ != "Agreement":
            continue
        tok = span.root
        if any(a.lemma_ in BREACH for a in list(tok.ancestors)[:4]):
            continue
        if cue_in(tok.sent.text.lower(), "agreement_in_force"):
            return True
        if span.text.lower() in cues["agreement_acts"]:
            if not tok.lower_.startswith("talk"):
                return True
            # Talks count when held ("started peace talks"), not when awaited ("ahead of talks").
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and verb.lemma_.lower() in cues["talks_verbs"]:
                return True
            continue
        if any(c.lower_ in verbs or c.lemma_ in verbs for c in tok.children if c.dep_ in ("amod", "acl", "compound")):
            return True
        # Only a deal that is the object or subject of the verb, or its "with" phrase, counts.
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ in ("with", "on", "to"):
            verb = verb.head
        elif tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            continue
        if verb.pos_ in ("VERB", "AUX") and (verb.lower_ in verbs or verb.lemma_ in verbs) and not _aimed_at(verb):
            return True
    return False


BREACH = {"breach", "violate", "break", "reject", "discuss", "negotiate", "seek", "abandon", "collapse",
          "stumble", "fail", "falter", "stall", "try", "attempt"}


def _aimed_at(verb: Token) -> bool:
    """"efforts to broker a deal", "a bid to reach a truce": the deal is the aim, not done."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.pos_ == "NOUN"


def _injured_too(tok: Token) -> bool:
    """Whether a word coordinated with ``tok`` is a wounding ("shot and wounded", "wounded and shot")."""
    injure = {w.lower() for w in lexicons().triggers["_injure"]}
    conjuncts = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(c.lower_ in injure for c in conjuncts)


def _victims(tok: Token) -> tuple[Token | None, int | None]:
    """The people a kill/injure word is about, and how many."""
    candidates: list[Token] = []
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        candidates += [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
            candidates.append(tok.head)
        if tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") or _lies_as(tok):
            candidates += [c for c in tok.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i != tok.i]
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ != "pobj":
            # "a soldier who was killed": the pronoun stands for the noun it follows (not in
            # "the family of a girl who died", where the story is about someone else)
            candidates = [tok.head if c.lower_ in RELATIVE_PRONOUNS else c for c in candidates]
    if tok.pos_ == "ADJ" and any(c.dep_ == "nummod" for c in tok.children):
        return tok, count_of(tok)  # "leaving at least four dead"
    if tok.dep_ == "amod" and tok.head.pos_ == "NUM":
        return tok.head, count_of(tok.head)  # "sustained nine dead"
    if tok.pos_ in ("ADJ",) or tok.lower_ in ("fatal", "fatally"):
        # "sustained fatal injuries": the victims are the subject of the governing verb
        verb = tok.head.head if tok.dep_ == "amod" else tok.head
        candidates += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]  # "five injured"
        candidates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        candidates += [c for c in tok.head.children if c.dep_ == "nummod"]
    if tok.pos_ == "NOUN":
        # "five deaths", "six wounded", "death toll of 12"
        own = count_of(tok)
        if own is not None:
            return tok, own
        # "the murder of six Jesuits", "the deaths of three soldiers"
        obj = _of_object(tok)
        if obj is not None:
            n = count_of(obj)
            if n is not None:
                return obj, n
    # "Four people killed, five injured": a headline's passive without its auxiliary.
    bare_passive = tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children)
    best: tuple[Token, int] | None = None
    for cand in candidates:
        if cand.dep_ == "nsubj" and tok.dep_ not in ("oprd", "acomp") and not _lies_as(tok) \
                and tok.lemma_ in ("kill", "shoot", "wound", "injure") \
                and cand.pos_ != "NUM" and not bare_passive:
            continue  # active subject of "killed" is the killer, not the victim
        n = count_of(cand)
        if n is not None and (best is None or n > best[1]):
            best = (cand, n)  # "killing the candidate, Marisol C., and an aide": the parser's two objects
    if best is not None:
        return best
    victims = next((c for c in candidates if c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    return victims, None


STATE_VERBS = {"lie", "lay", "remain", "stay"}


def _lies_as(tok: Token) -> bool:
    """"hundreds lie injured", "two remain wounded": the wound is the subject's state."""
    return tok.dep_ == "advcl" and tok.head.lemma_ in STATE_VERBS and tok.tag_ == "VBN"


def _of_object(tok: Token) -> Token | None:
    """The object of ``tok``'s "of" phrase: "the deaths of three soldiers" -> soldiers."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _actor_phrase(tok: Token) -> Token | None:
    if tok is None:
        return None
    # A number standing for people ("killed 11") carries no actor; "11 of the soldiers" does.
    if tok.pos_ == "NUM":
        of = next((c for c in tok.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return obj
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and _looks_like_actor(tok):
        return tok
    if tok.pos_ == "NOUN" and (word_value(tok.lower_) is not None or tok.lower_ in PARTITIVES):
        obj = _of_object(tok)  # "hundreds of rebel fighters", "five members of one family"
        return obj if obj is not None and _looks_like_actor(obj) else None
    return None


def _actors(head: Token, group: list[Span], victims: Token | None) -> tuple[Token | None, Token | None]:
    """actor1 (who acted) and actor2 (against whom) as head tokens of their noun phrases."""
    cues = lexicons().cues
    report = cues["reporting_verbs"]
    agent = _accused(group)
    target = None
    for span in group:
        tok = span.root
        for child in tok.children:
            if child.dep_ == "agent":
                agent = agent or next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ == "acl" and child.lemma_ in cues["perpetration_verbs"]:
                # "a gas attack, orchestrated by Assad"
                by = next((g for g in child.children if g.dep_ == "agent"), None)
                if by is not None:
                    agent = agent or next((g for g in by.children if g.dep_ == "pobj"), None)
            elif child.dep_ in ("nsubj",) and tok.lemma_ not in report and child.pos_ in ("NOUN", "PROPN") \
                    and tok.lemma_ not in UNDERGOER_VERBS:
                agent = agent or child
            elif child.dep_ in ("dobj", "nsubjpass") and span.label_ not in ("_kill", "_injure"):
                target = target or child
            elif child.dep_ == "prep" and child.lower_ == "to" and tok.lemma_ in SURRENDER_VERBS:
                # "the towns surrendered to the forces of President Assad": they took the surrender
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and _looks_like_actor(obj):
                    target = target or agent
                    agent = obj
            elif child.dep_ == "prep" and child.lower_ in ("with", "against", "on", "by", "between"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                    continue  # "on Saturday" is when, not whom
                if span.label_ in DEMONSTRATION and child.lower_ in ("against", "on"):
                    continue  # "protesting against Turkey's offensive": what they protest, no party
                if child.lower_ == "by":
                    agent = agent or obj
                elif child.lower_ == "between" and span.label_ in TERRITORY:
                    continue  # "captured ground between Deir ez-Zor and Mayadeen": places, not sides
                elif child.lower_ == "between":
                    agent = agent or obj
                    target = target or next(iter(obj.conjuncts), None)
                else:
                    target = target or obj
            elif child.dep_ in ("amod", "compound", "poss") and child.i < tok.i and _looks_like_actor(child):
                agent = agent or child
    if agent is None:
        agent = _blamed(head)
    if head.lemma_ not in report and head.lemma_ not in UNDERGOER_VERBS and head.lemma_ not in cues["accusation_verbs"] \
            and head.lemma_ not in cues["discourse_verbs"]:
        for child in head.children:
            if child.dep_ == "nsubj" and agent is None and child.pos_ in ("NOUN", "PROPN") and (victims is None or victims.i != child.i):
                agent = child
            elif child.dep_ == "dobj" and target is None and _looks_like_actor(child) \
                    and all(s.root.i != child.i for s in group) \
                    and any(s.root.i in {c.i for c in head.children} for s in group):
                target = child  # "an Israeli strike targeted an Iranian depot": the subject's object
        if agent is None and head.dep_ in ("xcomp", "conj") and head.pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) \
                and head.head.lemma_ not in report and head.head.lemma_ not in UNDERGOER_VERBS:
            # "Turkey has resumed shelling the enclave", "rebels stormed the town and shelled
            # the base": the subject of the verb it continues
            agent = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                          and (victims is None or victims.i != c.i)), None)
    if agent is None:
        agent = _speaker_as_subject(head, report, victims) or _raised_subject(head, report, victims) \
            or _agent_of_when(head, victims)
    if target is None and head.lower_ in cues["repel_verbs"]:
        # "forces repelled 23 Russian assaults": the assaults' side attacked, the subject held
        target = next((c for c in head.children if c.dep_ == "nsubj" and (agent is None or c.i != agent.i)), None)
    victims = _actor_phrase(victims)
    if victims is not None:
        # The victims' side is actor2; the other party named with/against is then actor1.
        if agent is None and target is not None and target.i != victims.i:
            agent = target
        target = victims
    return _actor_phrase(agent), _actor_phrase(target)


def _agent_of_when(head: Token, victims: Token | None) -> Token | None:
    """"He was arrested ... when armed police raided the resort": the subject of a passive's
    when-clause did it."""
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    # The parser may hang the when-clause anywhere below the verb ("62 miles north of Bodrum,
    # when police raided ...").
    for clause in head.subtree:
        if clause.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            if subject is not None and _looks_like_actor(subject) and (victims is None or victims.i != subject.i):
                return subject
    return None


def _speaker_as_subject(head: Token, report, victims: Token | None) -> Token | None:
    """"Turkey said it had begun a ground incursion", "the rebels said they shot down a jet":
    the pronoun that acted is the one who said so."""
    if head.dep_ != "ccomp" or head.head.lemma_ not in report or head.lemma_ in UNDERGOER_VERBS:
        return None
    pronoun = next((c for c in head.children if c.dep_ == "nsubj" and c.lower_ in ("it", "they", "we")), None)
    if pronoun is None or (victims is not None and victims.i == pronoun.i):
        return None
    speaker = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    return speaker if speaker is not None and _looks_like_actor(speaker) else None


def _raised_subject(head: Token, report, victims: Token | None) -> Token | None:
    """"Government forces were reported to have captured ...", "rebels are believed to have
    shelled ...": the subject of the passive reporting verb acted."""
    if head.dep_ != "xcomp" or head.lemma_ in UNDERGOER_VERBS or any(c.dep_ == "auxpass" for c in head.children):
        return None
    above = head.head
    if above.lemma_ not in report and above.lemma_ not in ("believe", "think", "understand", "know"):
        return None
    if not any(c.dep_ == "auxpass" for c in above.children):
        return None
    subject = next((c for c in above.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)
    return None if subject is None or (victims is not None and victims.i == subject.i) else subject


BLAME_VERBS = {"blame", "attribute"}
SURRENDER_VERBS = {"surrender", "capitulate", "submit", "defect"}


def _accused(group: list[Span]) -> Token | None:
    """Who a clause accuses of the event: "blamed the regime for the attack", "accused Russian
    forces of carrying out the strike", "the regime was held responsible for the attack"."""
    verbs = lexicons().cues["accusation_verbs"]
    for span in group:
        via_for = False
        for anc in list(span.root.ancestors)[:4]:
            via_for = via_for or (anc.dep_ == "prep" and anc.lower_ in ("for", "of"))
            if anc.lemma_ in verbs and via_for:
                return next((c for c in anc.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return None


def _blamed(head: Token) -> Token | None:
    """Who a relative clause of the clause blames: "killed in an attack officials blamed on a
    militia group"."""
    for tok in head.subtree:
        if tok.lemma_ in BLAME_VERBS and tok.dep_ in ("relcl", "acl"):
            prep = next((g for g in tok.children if g.dep_ == "prep" and g.lower_ in ("on", "to")), None)
            if prep is not None:
                return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def actors_of_clause(head: Token) -> tuple[Token | None, Token | None]:
    """actor1 and actor2 of a clause with no trigger word: its subject and object."""
    return _actors(head, [], None)


def told_again(cand: Candidate) -> bool:
    """Whether the candidate points back at an occurrence told before: its event word is
    definite ("killed in the fighting", "during the attack") or its victims are "other"
    ones ("several other passengers were wounded")."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for t in cand.triggers if t.pos_ == "NOUN" for c in t.children)
    others = cand.victims is not None and any(c.lower_ in ("other", "others") for c in cand.victims.children)
    return definite or others


def talked_about(trigger: Token) -> bool:
    """Whether the event is what a clause talks about ("traded accusations on Monday over a
    chemical attack", "condemned Saturday's strike"): that clause's day is the talk's."""
    verbs = lexicons().cues["discourse_verbs"]
    node = trigger
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "dobj", "compound", "amod", "nsubjpass") or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB":
            return node.lemma_ in verbs
    return False


def told_in_present(trigger: Token) -> bool:
    """Whether the clause that tells ``trigger`` is in the simple present ("strikes are carried
    out with impunity", "the regime uses barrel bombs"): how things are, not what happened."""
    head = _clause_head(trigger)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if head.tag_ in ("VBZ", "VBP"):
        return True
    auxes = {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return head.tag_ == "VBN" and bool(auxes & {"VBZ", "VBP"}) and not any(
        c.lower_ in ("has", "have") for c in head.children)


def is_irrealis(tok: Token) -> bool:
    return _irrealis(tok)


def claim_of(head: Token) -> Span | None:
    return _claim(head)


# Verbs whose subject suffers the event: "the general died", "ten soldiers sustained injuries".
UNDERGOER_VERBS = {"die", "perish", "sustain", "suffer", "succumb", "drown", "receive", "lose"}


def _looks_like_actor(tok: Token) -> bool:
    generic = lexicons().actors["generic"]
    groups = lexicons().actors["groups"]
    return (tok.lower_ in generic or tok.lower_ in groups or tok.lemma_.lower() in generic
            or _ends_group_name(tok)
            or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in lexicons().actors["groups_by_people"])
            or tok.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")
            # "a guerrilla column", "an army patrol": the modifier names the group
            or any(c.dep_ in ("compound", "amod") and (c.lower_ in generic or c.lower_ in groups) for c in tok.children)
            # "an Iranian weapons depot": a nation's asset stands for its forces
            or (tok.lower_ in lexicons().actors["military_assets"]["nouns"]
                and any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("NORP", "GPE") for c in tok.children)))


def _ends_group_name(tok: Token) -> bool:
    """Whether ``tok`` ends a named group's name told with its modifiers ("the US-led coalition")."""
    keys = _group_ends().get(tok.lower_)
    if not keys:
        return False
    left = min([tok.i] + [t.left_edge.i for t in tok.lefts])
    phrase = f" {tok.doc[left:tok.i + 1].text.lower()} "
    return any(f" {k} " in phrase for k in keys)


@lru_cache(maxsize=1)
def _group_ends() -> dict[str, list[str]]:
    """Multi-word group names by their last word."""
    ends: dict[str, list[str]] = {}
    for key in lexicons().actors["groups"]:
        if " " in key:
            ends.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    return ends


BACKGROUND_MARKS = {"since", "before", "until"}


def _claim(head: Token) -> Span | None:
    """The subject of the reporting verb governing the clause, or the object of 'according to'."""
    report = lexicons().cues["reporting_verbs"]
    node = head
    for _ in range(6):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in node.children):
            # "X announced four deaths since a deal was agreed": the deal only dates what X
            # reports; X does not claim it.
            break
        if node.lemma_.lower() in report or node.lower_ in report:
            # The subject nearest the verb, and not one the event is told inside: the parser
            # may hang "Gunmen ... killed 12, police said" from "said" as a second subject.
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not (c.left_edge.i <= head.i <= c.right_edge.i)]
            subj = min(subjects, key=lambda c: abs(c.i - node.i), default=None)
            if subj is not None and subj.is_upper and len(subj) > 1:
                # A dateline parsed as subject ("BAKU (AFP) - Azerbaijan announced"): take the appositive.
                subj = next((c for c in subj.children if c.dep_ == "appos" and not c.is_upper), None)
            if subj is not None and subj.lower_ not in ("it", "that", "which"):
                return _np(subj)
        if node.head.i == node.i:
            break
        node = node.head
    for tok in head.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _np(obj)
    return None


def _np(tok: Token) -> Span:
    """The noun phrase headed by ``tok``, without relative clauses or trailing prepositions
    (but a name runs to its end: "the Syrian Observatory for Human Rights")."""
    # Through a title's own modifiers: "police spokesman Mohammed Shehu".
    left = min([tok.i] + [t.left_edge.i if t.dep_ == "compound" else t.i
                          for t in tok.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "case")])
    right = tok.i
    for t in tok.rights:
        if t.dep_ in ("compound", "flat", "appos") or (t.dep_ == "case"):
            right = max(right, t.i)
        elif t.dep_ == "prep" and t.lower_ == "of" and tok.lower_ in ("ministry", "ministries"):
            right = max(right, t.right_edge.i)  # "the Ministry of Defence" names which ministry
    name = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in ("ORG", "FAC", "NORP")), None)
    if name is not None:
        right = max(right, name.end - 1)
    return tok.doc[left : right + 1]


def _sub_type(specific, kinds, victims, actor1, actor2, text, head) -> str | None:
    strong = [s for s in specific if s.text.lower() not in WEAK]
    specific = strong or specific  # "fighting ... with heavy artillery": the strong word decides
    labels = {s.label_ for s in specific}
    if labels:
        # The trigger nearest the clause head wins ("fighting ... with heavy artillery" is a clash);
        # ties go to the more specific weapon.
        top = min(_depth(s.root) for s in specific)
        nearest = {s.label_ for s in specific if _depth(s.root) <= top + 1}
        weapons = [l for l in PRIORITY if l in labels and l in (
            "Suicide bomb", "Chemical weapon", "Air/drone strike", "Grenade",
            "Remote explosive/landmine/IED", "Shelling/artillery/missile attack")]
        nearest_sorted = [l for l in PRIORITY if l in nearest]
        if "Armed clash" in nearest and weapons and not set(weapons) & nearest:
            label = "Armed clash"
        elif weapons and ("_kill" in kinds or "_injure" in kinds or "_attack" in kinds or len(nearest_sorted) == 0):
            label = weapons[0]
        else:
            label = nearest_sorted[0] if nearest_sorted else [l for l in PRIORITY if l in labels][0]
        if label in DEMONSTRATION:
            return demonstration_type(PEACEFUL, text)
        if label == "Attack" or (label == "Armed clash" and "_attack" in kinds):
            return _attack_kind(victims, actor2) or label
        return label
    # Only generic words (killed, wounded, attack): the victims decide, unless the attack was
    # fought off ("forces repelled 23 Russian assaults": a battle).
    if kinds <= {"_attack"} and head.lower_ in lexicons().cues["repel_verbs"] and \
            (head.lower_ not in ("fended", "beat", "beaten") or any(c.dep_ == "prt" for c in head.children)):
        return "Armed clash"
    return _attack_kind(victims, actor2, need_armed=actor1)


def _attack_kind(victims: Token | None, target: Token | None, need_armed: Token | None | bool = True) -> str | None:
    generic = lexicons().actors["generic"]
    groups = lexicons().actors["groups"]
    for tok in (victims, target):
        if tok is None:
            continue
        words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        # "20 members of the security forces", "dozens of civilians": the group is in the of-phrase
        obj = _of_object(tok)
        if obj is not None:
            words |= {obj.lower_} | {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
        sectors = {generic[w][1] for w in words if w in generic} | {groups[w][2] for w in words if w in groups}
        if sectors & ARMED_SECTORS:
            return "Armed clash"
        if sectors & {"CVL"}:
            return "Attack"
        if "PRO" in sectors:
            return "Excessive force against protesters"
    if need_armed is None:
        return None
    return "Attack" if victims is not None else None
