"""Merge: mentions of one occurrence become one event.

Within an article, mentions merge when they agree on sub-type, date and place: the lead, a
quote and a recap of one attack are one event. Different named days or different places stay
apart, and so does a mention told as "another incident". A mention with no date, place or
count of its own (a recap such as "the ministry described the incident as a provocation")
joins the nearest earlier event of its type; one whose only figure repeats an earlier event's
("the Armenian side has six wounded") joins that event. Figures that differ between claims are kept as a range.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from ..model import Event, Location, Mention

@dataclass
class Anchors:
    """Whether a mention's date and place were found in its own sentence (not carried or defaulted)."""

    own_date: bool
    own_place: bool
    named_day: bool = False  # the date names one day ("on Friday"), not a week or a month
    headline: bool = False  # told in the headline, which sums up the body
    separate: bool = False  # the sentence says it tells another occurrence ("In another incident, ...")
    told_again: bool = False  # it points back at an occurrence told before ("in the fighting", "other passengers")


def _compatible_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or a.name is None or b.name is None:
        return True
    if a.name == b.name or (a.geonameid is not None and a.geonameid == b.geonameid):
        return True  # one place, perhaps spelt two ways ("Deir ez-Zor", "Deir Ezzor")
    # A region-level place (precision 3) contains the towns of its country.
    if (a.geo_precision == 3 or b.geo_precision == 3) and a.country == b.country:
        return True
    # A province contains its towns: "in Arauca province" and "near Tame" (in Arauca).
    return a.country == b.country and (a.admin1 is not None and a.admin1 == b.name or
                                       b.admin1 is not None and b.admin1 == a.name)


def _compatible_date(e: Event, m: Mention, own_date: bool) -> bool:
    if not own_date or e.event_date is None or m.date is None:
        return True
    return _overlap(e.event_date, e.time_precision, m.date, m.time_precision)


def _overlap(d1, p1, d2, p2) -> bool:
    """Whether two dates of ACLED precisions can be the same day (a month contains its days)."""
    if d1 == d2:
        return True
    coarse = max(p1 or 1, p2 or 1)
    if coarse >= 3:
        return (d1.year, d1.month) == (d2.year, d2.month)
    if coarse == 2:
        return abs((d1 - d2).days) <= 10
    return False


def merge_mentions(article_id: str, mentions: list[Mention], anchors: list[Anchors]) -> list[Event]:
    """Events of one article from its mentions (in text order)."""
    events: list[Event] = []
    named: dict[int, bool] = {}  # id(event) -> its date names a day
    # Dated mentions first, so undated recaps and headlines join the events they sum up
    # whatever their position in the text.
    order = sorted(range(len(mentions)), key=lambda i: (anchors[i].headline, not anchors[i].own_date, i))
    for m, a in ((mentions[i], anchors[i]) for i in order):
        if a.headline:
            # The headline sums up the body: it joins the body's event of its sub-type, else
            # of its event type ("gunmen kill 12, abduct dozens" over a raid told as an Attack).
            same = [e for e in events if e.sub_event_type == m.sub_event_type] or \
                   [e for e in events if e.event_type == m.event_type]
            if same:
                _absorb(same[0], m, a)
                continue
        target = _find(events, named, m, a)
        if target is None:
            events.append(_new_event(article_id, m, len(events)))
            named[id(events[-1])] = a.named_day
        else:
            _absorb(target, m, a)
            named[id(target)] = named[id(target)] or a.named_day
    return sorted(events, key=lambda e: e.evidence[0].start)


# Sub-types that are part of a larger event of another type on the same day and place:
# arrests at a protest belong to the protest (ACLED codes one "Protest with intervention").
PART_OF = {
    "Arrests": {"Protest with intervention", "Excessive force against protesters", "Violent demonstration",
                "Peaceful protest"},
    "Looting/property destruction": {"Violent demonstration", "Mob violence", "Armed clash", "Attack"},
    # "Gunmen killed 12 villagers and abducted 30 others": one raid, coded as the Attack (ACLED
    # codes an abduction alone only when no other violence is told).
    "Abduction/forced disappearance": {"Attack"},
    # "Students protested in Abuja on Wednesday." "Police fired tear gas to disperse them.":
    # one protest, coded by what the forces did (the harsher telling wins in _absorb).
    "Protest with intervention": {"Peaceful protest"},
    "Excessive force against protesters": {"Peaceful protest", "Protest with intervention"},
    "Peaceful protest": {"Protest with intervention", "Excessive force against protesters"},
    # "militants took the village ... they seized it after the army withdrew": one takeover,
    # and the telling that says no one fought for it decides its sub-type (see _absorb).
    "Non-violent transfer of territory": {"Government regains territory", "Non-state actor overtakes territory"},
    "Government regains territory": {"Non-violent transfer of territory", "Armed clash"},
    "Non-state actor overtakes territory": {"Non-violent transfer of territory", "Armed clash"},
    # A battle in which ground changes hands is coded by the change (ACLED: an Armed clash is
    # one where no change of territorial control is reported); the takeover wins in _absorb.
    "Armed clash": {"Government regains territory", "Non-state actor overtakes territory"},
}
TAKEOVERS = {"Government regains territory", "Non-state actor overtakes territory"}
REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack"}
PROTEST_ESCALATION = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]


def _find(events: list[Event], named: dict[int, bool], m: Mention, a: Anchors) -> Event | None:
    if a.separate:
        return None
    parents = [e for e in events if e.sub_event_type in PART_OF.get(m.sub_event_type, ())
               and _compatible_date(e, m, a.own_date) and _compatible_place(e.location, m.location)]
    if parents:
        return parents[-1]
    same_type = [e for e in events if e.sub_event_type == m.sub_event_type
                 and not (a.named_day and named[id(e)] and e.event_date != m.date)]
    has_count = m.fatalities is not None or m.injured is not None
    if not a.own_date and not a.own_place:
        if has_count and a.told_again:
            # "Three soldiers were killed and five wounded in the fighting": the one told before
            earlier = [e for e in same_type if e.evidence[0].start < m.sentence.start]
            if earlier:
                return earlier[-1]
        if has_count:
            for e in reversed(same_type):
                if (m.injured is not None and e.injured == m.injured) or (
                        m.fatalities is not None and e.fatalities == m.fatalities):
                    return e
        if same_type:
            # A recap belongs to the event told nearest before it (else nearest after).
            def distance(e: Event) -> tuple[int, int]:
                gaps = [m.sentence.start - s.start for s in e.evidence]
                before = [g for g in gaps if g >= 0]
                return (0, min(before)) if before else (1, min(-g for g in gaps))
            return min(same_type, key=distance)
    for e in reversed(same_type):
        if _compatible_date(e, m, a.own_date) and _compatible_place(e.location, m.location):
            if a.own_date or a.own_place or not has_count:
                return e
    if not a.own_date and not a.own_place and m.sub_event_type in REMOTE:
        # "Missiles struck the T4 airbase on Monday." "Two Israeli jets had fired the missiles.":
        # the next sentence tells who fired them, and so which weapon it was.
        for e in events:
            if e.sub_event_type in REMOTE and any(0 <= m.sentence.start - s.end <= 2 for s in e.evidence):
                return e
    return None


def _new_event(article_id: str, m: Mention, n: int) -> Event:
    key = f"{article_id}|{n}|{m.sub_event_type}|{m.date}|{m.trigger.start}"
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        sub_event_type=m.sub_event_type,
        event_date=m.date, time_precision=m.time_precision, date_text=m.date_text,
        actor1=m.actor1, actor2=m.actor2, location=m.location,
        fatalities=m.fatalities, fatalities_low=m.fatalities, fatalities_high=m.fatalities,
        injured=m.injured, claim_source=m.claim,
        evidence=[m.sentence], confidence=m.confidence, mentions=[m],
    )


def _other_victims(e: Event, m: Mention, a: Anchors) -> bool:
    """Whether a recap mention counts a different group of victims than the event so far."""
    if a.own_date or a.own_place or (m.fatalities is None and m.injured is None):
        return False
    if m.actor2 is None or e.actor2 is None or m.actor2.name == e.actor2.name:
        return False
    same_claim = (m.claim.name if m.claim else None) == (e.claim_source.name if e.claim_source else None)
    return same_claim


def _same(a, b) -> bool:
    return a is not None and b is not None and a.name == b.name


def _absorb(e: Event, m: Mention, a: Anchors) -> None:
    e.mentions.append(m)
    if e.sub_event_type == "Peaceful protest" and m.sub_event_type == "Arrests":
        e.sub_event_type = "Protest with intervention"
    if e.sub_event_type in PROTEST_ESCALATION and m.sub_event_type in PROTEST_ESCALATION:
        e.sub_event_type = max(e.sub_event_type, m.sub_event_type, key=PROTEST_ESCALATION.index)
    if m.sub_event_type == "Non-violent transfer of territory" and e.sub_event_type in PART_OF[m.sub_event_type]:
        e.sub_event_type = m.sub_event_type
    elif m.sub_event_type in TAKEOVERS and e.sub_event_type == "Armed clash":
        e.sub_event_type = m.sub_event_type
    elif m.sub_event_type == "Air/drone strike" and e.sub_event_type in REMOTE:
        e.sub_event_type = m.sub_event_type  # missiles fired from jets are an air strike
    if all(s.start != m.sentence.start for s in e.evidence):
        e.evidence.append(m.sentence)
        e.evidence.sort(key=lambda s: s.start)
    if a.own_date and m.date and (e.time_precision is None or (m.time_precision or 9) < e.time_precision):
        e.event_date, e.time_precision, e.date_text = m.date, m.time_precision, m.date_text
    if m.location and (e.location is None or (m.location.geo_precision or 9) < (e.location.geo_precision or 9)):
        e.location = m.location
    if e.actor1 is None and m.actor1 is not None and _same(m.actor1, e.actor2):
        e.actor1 = m.actor2  # the same two sides, told the other way round ("JNIM said it attacked the army")
    elif e.actor2 is None and m.actor2 is not None and _same(m.actor2, e.actor1):
        e.actor2 = m.actor1
    else:
        e.actor1 = e.actor1 or m.actor1
        e.actor2 = e.actor2 or m.actor2
    e.claim_source = e.claim_source or m.claim
    if _other_victims(e, m, a):
        # "four soldiers were killed ... eleven attackers were also killed in the fighting":
        # victims on another side add up (ACLED counts attackers' deaths too).
        for field in ("fatalities", "fatalities_low", "fatalities_high", "injured"):
            extra = m.injured if field == "injured" else m.fatalities
            if extra is not None:
                setattr(e, field, (getattr(e, field) or 0) + extra)
        return
    if m.fatalities is not None and e.fatalities is not None and m.fatalities > e.fatalities and not m.dead_vaguely \
            and all(x.dead_vaguely for x in e.mentions if x is not m and x.fatalities == e.fatalities):
        # "Dozens of fighters were killed" ... "32 Houthi fighters and 14 soldiers died": the figure
        e.fatalities = e.fatalities_low = m.fatalities
        e.fatalities_high = max(e.fatalities_high or 0, m.fatalities)
        m = dataclasses.replace(m, fatalities=None)
    if m.fatalities is not None and e.fatalities is not None and m.fatalities != e.fatalities:
        floor_e = all(x.dead_one_by_one for x in e.mentions if x is not m and x.fatalities == e.fatalities)
        if m.dead_one_by_one and (floor_e or m.fatalities < e.fatalities):
            if m.fatalities > e.fatalities:  # both name the dead: the longer list counts
                e.fatalities = e.fatalities_low = e.fatalities_high = m.fatalities
            m = dataclasses.replace(m, fatalities=None)  # "shot dead a candidate" under "killing two"
        elif floor_e and m.fatalities > e.fatalities:
            e.fatalities = e.fatalities_low = None  # a figure raises the named dead
    if m.fatalities is not None:
        lows = [x for x in (e.fatalities_low, m.fatalities) if x is not None]
        highs = [x for x in (e.fatalities_high, m.fatalities) if x is not None]
        e.fatalities_low, e.fatalities_high = min(lows), max(highs)
        e.fatalities = e.fatalities_low  # the lowest firm figure
    if m.injured is not None:
        e.injured = m.injured if e.injured is None else min(e.injured, m.injured)
    e.confidence = min(0.99, max(e.confidence, m.confidence) + 0.05)


def fill_from_neighbours(mentions: list[Mention], anchors: list[Anchors], window_days: int = 2) -> None:
    """Give a mention without its own place or actors those of a neighbouring mention of the same
    event type a day or two apart: "clashes broke out on Friday" ... "fighting near Hadrut on
    Saturday" ... "clashes continued into Sunday" is one run of fighting at one place."""
    for i, (m, a) in enumerate(zip(mentions, anchors)):
        # Earlier mentions first: a sentence without a place of its own usually goes on
        # with the story told before it.
        near = [j for j in sorted(range(len(mentions)), key=lambda j: (j > i, abs(j - i)))
                if j != i
                and abs(j - i) <= 4 and mentions[j].event_type == m.event_type
                and not (m.date and mentions[j].date and abs((m.date - mentions[j].date).days) > window_days)]
        if not a.own_place:
            donor = next((j for j in near if anchors[j].own_place and mentions[j].location), None)
            if donor is not None:
                m.location = mentions[donor].location
        if m.actor1 is None and m.actor2 is None:
            # ... by the same hands: missiles on an airbase are not the day before's air strikes
            donor = next((j for j in near if (mentions[j].actor1 or mentions[j].actor2)
                          and mentions[j].sub_event_type == m.sub_event_type), None)
            if donor is not None:
                m.actor1, m.actor2 = mentions[donor].actor1, mentions[donor].actor2
