"""The pipeline: articles in, coded events out. One spaCy pass per article, in batches.

    >>> pipe = Pipeline()
    >>> for result in pipe.run(articles):
    ...     print(result.article.id, len(result.events))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Iterable, Iterator

from spacy.tokens import Doc

from . import nlp as nlp_stage
from .errors import IngestError
from .detect.classifier import EventTypeClassifier
from .detect.mentions import Candidate, find_candidates, talked_about, told_again, told_in_present
from .detect.lexicon import cue_in
from .detect.register import RegisterModel
from .detect.settle import settle
from .detect.territory import TERRITORY, territory_sides
from .detect.weapons import chemical_or_not, weapon_type
from .detect.typing import combine, prefetch
from .merge import Anchors, fill_from_neighbours, merge_mentions
from .model import EVENT_TYPE_OF, STATE_SECTORS, Article, Claim, Event, Mention, Result, Span
from .resolve.actors import (ArticleContext, allied_pairs, armed_actors, article_context, crowd_actors,
                             normalise_actor, normalise_claim)
from .resolve.geo import Geoparser
from .resolve.when import EventDate, event_date, publication_date, tag, told_recently


# Catch-all sub-types: from the classifier alone they are mostly speech and comment in a long story.
CATCH_ALL = {"Change to group/activity", "Other"}
NON_VIOLENT = {"Agreement", "Arrests", "Peaceful protest", "Headquarters or base established",
               "Non-violent transfer of territory", "Change to group/activity", "Protest with intervention"}


@dataclass
class Options:
    batch_size: int = 32
    # Events dated this many days or more before publication are the story's background (a
    # siege "three years ago", the city's fall "in 2016"), told as news in their own time;
    # None keeps them. Only applies when the publication date is known.
    max_age_days: int | None = 60
    # In an article of ``long_article_sentences`` sentences or more, events less sure than
    # ``min_confidence`` are dropped, all but the surest: a long story names violence in passing
    # (background, comment, quotes) far more often than a short report does. None keeps all.
    min_confidence: float | None = 0.45
    long_article_sentences: int = 12
    # In a long article that dates none of its events, an event told only once, with no time
    # of its own (dated by the publication or the report), at or past this sentence is past
    # context: a feature recalls "the boys were kidnapped" or "he was killed in an ambush"
    # long after the fact; news tells its events in the lead, with a day, or as "recent".
    untimed_past_sentence: int = 4
    # Which articles that is for. Hard news often names no day (Times of India, MUC-4 wire
    # reports) and there the rule would drop real events, so "auto" applies it only where the
    # register model (detect/register.py) reads the article as background (analysis, opinion,
    # feature, profile) with at least ``background_probability``; "always" applies it to every
    # long article, "never" to none.
    drop_untimed: str = "auto"
    background_probability: float = 0.5


DROP_UNTIMED = ("auto", "always", "never")


class Pipeline:
    """Runs every stage over a stream of articles. Models load once, on first use."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self.nlp = nlp_stage.load()
        self.geoparser = Geoparser()
        self.classifier = EventTypeClassifier.load()
        if self.options.drop_untimed not in DROP_UNTIMED:
            raise ValueError(f"Options.drop_untimed is {self.options.drop_untimed!r}: "
                             f"use one of {', '.join(DROP_UNTIMED)}")
        self.register = RegisterModel.load() if self.options.drop_untimed == "auto" else None

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Results for ``articles``, in order."""
        articles = iter(articles)
        texts = ((a.text, a) for a in articles)
        parsed = self.nlp.pipe(texts, as_tuples=True, batch_size=self.options.batch_size)
        while batch := list(islice(parsed, self.options.batch_size)):
            # Candidates first for the whole batch, so the encoder reads all its sentences at once.
            found = [(doc, article, find_candidates(doc, self.nlp)) for doc, article in batch]
            prefetch(self.classifier, [(doc, cands) for doc, _, (cands, _) in found])
            for doc, article, candidates in found:
                yield self.code(doc, article, candidates)

    def process(self, items: Iterable[Article | IngestError]) -> Iterator[Result | IngestError]:
        """Like ``run`` but passes ingest errors through in their place."""
        pending: list[Article | IngestError] = []

        def flush():
            results = self.run([x for x in pending if isinstance(x, Article)])
            for x in pending:
                yield x if isinstance(x, IngestError) else next(results)
            pending.clear()

        for item in items:
            pending.append(item)
            if len(pending) >= self.options.batch_size:
                yield from flush()
        yield from flush()

    def code(self, doc: Doc, article: Article, candidates: tuple | None = None) -> Result:
        """Code one parsed article (``candidates``: ``find_candidates``' answer, if known)."""
        published_known = article.published is not None
        if not published_known:
            found, where = publication_date(article.text, article.url)
            if found:
                article.published, article.published_from = found, where
                published_known = True
        timexes = tag(article.text, article.published)
        toponyms = self.geoparser.toponyms(doc)
        ctx = article_context(doc, toponyms)
        mentions, anchors = [], []
        unanchored: list[Mention] = []
        headline_end = _headline_end(article.text)
        # Sentences and their order, found once: the lead, the next sentence and the settle
        # rules all ask which sentence a mention is in.
        sents = nlp_stage.doc_sents(doc)
        index = {s.start_char: i for i, s in enumerate(sents)}
        long_article = len(sents) >= self.options.long_article_sentences
        previous: EventDate | None = None
        told_apart: set[int] = set()  # sentences that tell one event by its distance from another
        late = None if self.options.drop_untimed == "never" else self.options.untimed_past_sentence
        untimed: set[int] = set()  # id() of mentions dated only by the publication or the report
        for cand in combine(doc, *(candidates or find_candidates(doc, self.nlp)), self.classifier):
            # First the sentence's own date; only without one is the previous event's carried over.
            own = event_date(cand.sent, cand.trigger, timexes, article.published, published_known, None)
            has_own_date = own.basis in ("clause", "sentence") and not talked_about(cand.trigger)
            if has_own_date and self._background(own, article.published, published_known):
                continue  # told in passing ("the town fell to rebels in 2016"): no event now, and no clock
            if cand.relative is not None:
                when, has_own_date = _relative_date(cand, timexes, article.published, published_known, previous)
                told_apart.add(cand.sent.start_char)
            else:
                when = own if has_own_date else event_date(
                    cand.sent, cand.trigger, timexes, article.published, published_known, previous)
                if not has_own_date or own.precision == 2:
                    later = _day_told_next(sents, index.get(cand.sent.start_char), when, timexes,
                                           article.published, published_known)
                    if later is not None:
                        when, has_own_date = later, True
            where = self.geoparser.event_location(doc, cand.part, cand.trigger, toponyms)
            if where is None or (where.admin1 is None and where.geo_precision == 3):
                # "A soldier has died in Syria." "He was killed near Manbij.": the lead's country,
                # its place told next
                where = self._place_told_next(doc, sents, index.get(cand.sent.start_char), where,
                                              toponyms, ctx.focus) or where
            own_place = where is not None and where.text is not None and where.text in cand.sent.text
            mention = self._mention(article, cand, when, where, ctx)
            if cand.from_classifier and not (has_own_date or own_place):
                # No event word, date or place of its own: a recap where other events are
                # told, the only telling where none are (a short snippet).
                unanchored.append(mention)
                continue
            past_lead = long_article and index.get(cand.sent.start_char, 0) >= LEAD_SENTENCES
            if past_lead and cand.from_classifier and cand.sub_event_type in CATCH_ALL:
                continue  # past a long story's lead, "Turkey said it was launching ..." is comment
            if past_lead and not has_own_date and told_in_present(cand.trigger):
                continue  # ... and so is "the airstrikes ... are carried out with impunity"
            if cand.from_classifier and mentions and _goes_on_with(mentions[-1], mention, index):
                continue  # "A medic was killed by a roadside bomb." "She died near Marow on Wednesday."
            mentions.append(mention)
            if late is not None and when.basis in ("published", "report") and cand.relative is None \
                    and not told_recently(cand.sent, timexes):
                untimed.add(id(mention))
            named_day = has_own_date and bool(NAMED_DAY.match(when.value or ""))
            anchors.append(Anchors(own_date=has_own_date, own_place=own_place, named_day=named_day,
                                   headline=cand.sent.start_char < headline_end,
                                   separate=_opens_as_another_incident(cand.sent.text),
                                   told_again=told_again(cand)))
            if has_own_date and cand.relative is None:
                previous = when
        if not mentions and unanchored:
            best = max(unanchored, key=lambda m: m.confidence)
            mentions, anchors = [best], [Anchors(own_date=False, own_place=False)]
        for m in mentions:
            # The weapon named decides the sub-type before neighbours lend their actors: missiles
            # on an airbase are not the air strikes told before them (the other rules need the actors).
            i = index.get(m.sentence.start, len(sents))
            following = sents[i + 1].text if i + 1 < len(sents) else ""
            m.sub_event_type = chemical_or_not(weapon_type(m.sub_event_type, m.sentence.text) or m.sub_event_type,
                                               m.sentence.text, following)
        fill_from_neighbours(mentions, anchors)
        # After the neighbours lent their actors: "the capture of the villages" names no side.
        kept = []
        for m, a in zip(mentions, anchors):
            # The next sentence may finish the story: "forces withdrew." "Daesh seized it unopposed."
            i = index.get(m.sentence.start, len(sents))
            following = sents[i + 1].text if i + 1 < len(sents) else ""
            main_verb = sents[i].root.lemma_ if i < len(sents) else None
            sub_type = settle(m.sub_event_type, m.sentence.text, m.actor1, m.actor2, following, main_verb)
            if sub_type is None:
                continue
            if EVENT_TYPE_OF[sub_type] != EVENT_TYPE_OF[m.sub_event_type]:
                # "two communities clashed", now Mob violence: the crowd is actor1, as ACLED names it
                m.actor1, m.actor2 = crowd_actors(EVENT_TYPE_OF[sub_type], m.actor1, m.actor2,
                                                  m.location.country if m.location else ctx.focus)
            m.sub_event_type = sub_type
            if sub_type in NON_VIOLENT and m.fatalities is None:
                m.fatalities = 0
            kept.append((m, a))
        mentions, anchors = [m for m, _ in kept], [a for _, a in kept]
        events = merge_mentions(article.id, mentions, anchors)
        if any(map(_one_side_missing, events)):
            _sides_from_article(events, armed_actors(doc, ctx), allied_pairs(doc, ctx))
        floor = self.options.min_confidence
        if floor is not None and long_article:
            best = max(events, key=lambda e: e.confidence, default=None)
            sure = {ev.start for e in events if e.confidence >= floor or e is best for ev in e.evidence}
            # Two events told in one sentence by their distance in time ("an incursion a day
            # after air strikes"): the sure one's telling vouches for the other.
            events = [e for e in events if e.confidence >= floor or e is best
                      or any(ev.start in sure and ev.start in told_apart for ev in e.evidence)]
        # A story that dates its events is news: its undated ones are told as the same day's.
        if late is not None and long_article and not any(a.own_date for a in anchors):
            timed = [e for e in events if not _told_once_untimed(e, untimed, index, late)]
            if len(timed) < len(events) and self._reads_as_background(doc, len(sents)):
                events = timed
        return Result(article=article, events=events, mentions=mentions, toponyms=toponyms, timexes=timexes)

    def _reads_as_background(self, doc: Doc, sentences: int) -> bool:
        """Whether the untimed rule is for this article: always, or as the register model reads it."""
        if self.register is None:
            return self.options.drop_untimed == "always"
        return self.register.probability(doc, sentences) >= self.options.background_probability

    def _place_told_next(self, doc: Doc, sents: list, i: int | None, where, toponyms, focus: str | None = None):
        """The first place finer than ``where``'s country (or the article's ``focus`` country,
        without ``where``) named in the sentences after a lead sentence (``i``: its number), or
        None: not "he had grown up in east London" after a capture in Baghuz."""
        if i is None or i >= LEAD_SENTENCES:
            return None
        for later in sents[i + 1:i + 1 + DETAIL_SENTENCES]:
            found = self.geoparser.event_location(doc, later, later.root, toponyms, fallback=False)
            country = where.country if where is not None else focus
            if found is not None and found.admin1 is not None and (country is None or found.country == country):
                return found
        return None

    def _background(self, when: EventDate, published: date | None, published_known: bool) -> bool:
        """Whether the latest day ``when`` can mean lies ``max_age_days`` or more before
        publication (a month-precision date can mean any day of its month)."""
        age = self.options.max_age_days
        if not (published_known and age and when.date):
            return False
        latest = when.date
        if (when.precision or 1) >= 3:
            latest = (latest.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        elif when.precision == 2:
            latest += timedelta(days=7)
        return (published - latest).days >= age

    def _mention(self, article: Article, cand: Candidate, when: EventDate, where, ctx: ArticleContext) -> Mention:
        claim = normalise_claim(cand.claim, ctx)
        claim_country = ctx.last_claim_country
        here = where.country if where is not None else None
        a1 = normalise_actor(cand.actor1, ctx, fallback_country=None, here=here)
        a2 = normalise_actor(cand.actor2, ctx, fallback_country=claim_country, victim=True, here=here)
        if cand.sub_event_type in TERRITORY:
            taker, loser = territory_sides(cand.sent)
            a1 = normalise_actor(taker, ctx) or a1
            a2 = normalise_actor(loser, ctx, fallback_country=claim_country) or a2
        a1, a2 = crowd_actors(EVENT_TYPE_OF[cand.sub_event_type], a1, a2,
                              (where.country if where else None) or ctx.focus)
        if cand.sub_event_type in ("Protest with intervention", "Excessive force against protesters") \
                and (a2 is None or a2.sector == "CVL"):
            # "Police fired tear gas to disperse supporters who were protesting": the forces
            # the sentence is about intervened (bystanders are no party to a protest)
            forces = next((normalise_actor(c, ctx, here=here) for c in cand.sent.root.children
                           if c.dep_ == "nsubj"), None)
            a2 = forces if forces is not None and forces.sector in STATE_SECTORS else None
        if claim is None:
            claim = _own_voice(article)
        fatalities = cand.fatalities
        if fatalities is None and cand.sub_event_type in NON_VIOLENT:
            fatalities = 0  # ACLED records no deaths, not "unknown", for non-violent events
        sentence = cand.sent.text.rstrip()  # offsets stay exact: only trailing space goes
        return Mention(
            article_id=article.id,
            sub_event_type=cand.sub_event_type,
            trigger=Span(cand.trigger.text, cand.trigger.idx, cand.trigger.idx + len(cand.trigger.text)),
            sentence=Span(sentence, cand.sent.start_char, cand.sent.start_char + len(sentence)),
            actor1=a1, actor2=a2,
            fatalities=fatalities, injured=cand.injured, claim=claim, dead_one_by_one=cand.dead_one_by_one,
            dead_vaguely=cand.dead_vaguely,
            date=when.date, date_text=when.text, time_precision=when.precision,
            location=where, confidence=cand.confidence,
        )


# Battles are fought between two armed sides, and shelling and air strikes are mostly aimed at
# the other side, so an article at war names it when the sentence does not ("Turkey resumed
# shelling the enclave": the YPG holds it). A bomb's or a chemical attack's unnamed target is
# more often civilians (who, when told, are actor2 already).
AIMED_AT_THE_OTHER_SIDE = {"Air/drone strike", "Shelling/artillery/missile attack"}
SIDE_MENTIONS = 2  # an actor named this often in the article is one of its sides


def _one_side_missing(e: Event) -> bool:
    """Whether ``e`` is fought against another side and names only one."""
    two_sided = e.event_type == "Battles" or e.sub_event_type in AIMED_AT_THE_OTHER_SIDE
    return two_sided and (e.actor1 is None) != (e.actor2 is None)


def _sides_from_article(events: list[Event], armed: list[tuple], allied: set[frozenset[str]] = frozenset()) -> None:
    """Fill the missing side of two-sided events with the article's most named armed actor
    that is not the side already known nor its ally (``armed``: ``armed_actors``' answer;
    ``allied``: ``allied_pairs``' answer)."""
    for e in filter(_one_side_missing, events):
        known = e.actor1 or e.actor2
        other = next((a for a, n in armed if n >= SIDE_MENTIONS and a.name != known.name
                      and frozenset((a.name, known.name)) not in allied
                      and not (a.sector in STATE_SECTORS and known.sector in STATE_SECTORS
                               and a.country == known.country)), None)
        if other is None:
            continue
        if e.actor2 is None:
            e.actor2 = other
        elif e.event_type == "Battles":
            e.actor1 = other  # a strike with no named striker stays unnamed: a battle has two sides


def _opens_as_another_incident(sentence: str) -> bool:
    """Whether ``sentence`` opens by saying it tells another occurrence ("In a separate
    incident, ...", "Elsewhere, ...": cue list ``separate_incident``)."""
    return cue_in(" ".join(sentence.lower().split()[:6]), "separate_incident")


def _told_once_untimed(event: Event, untimed: set[int], index: dict[int, int], late: int) -> bool:
    """Whether ``event`` is told in one sentence only, ``late`` or later (``index``: sentence
    number by start offset), with no time of its own (dated by the publication or the report)."""
    if len({m.sentence.start for m in event.mentions}) != 1:
        return False
    return all(id(m) in untimed for m in event.mentions) and index.get(event.mentions[0].sentence.start, 0) >= late


def _goes_on_with(before: Mention, mention: Mention, index: dict[int, int]) -> bool:
    """Whether ``mention`` (the classifier's, no event word) is told in the sentence right after
    ``before`` on the same day: the story goes on with the same occurrence. ``index``: sentence
    number by start offset."""
    i, j = index.get(before.sentence.start), index.get(mention.sentence.start)
    return i is not None and j == i + 1 and before.date == mention.date


def _relative_date(cand: Candidate, timexes, published, published_known, previous) -> tuple[EventDate, bool]:
    """The day of an event told by its distance from another ("a day after the bombardment"):
    the other's day shifted back, or that day at week precision when the distance is vague
    ("preceded by days of shelling"). Also whether the date is the sentence's own."""
    rel = cand.relative
    # Without the previous event: "a day after" would date the anchor from it, not from this one.
    anchor = event_date(cand.sent, rel.anchor, timexes, published, published_known, None)
    if anchor.basis == "published" and previous is not None and previous.date is not None:
        anchor = previous
    if anchor.date is None:
        return anchor, False
    if rel.days is None:
        return EventDate(anchor.date, max(anchor.precision or 2, 2), rel.text, anchor.basis), \
            anchor.basis in ("clause", "sentence")
    # A day counted from another ("a day after") is the sentence's own, whatever dated the other.
    return EventDate(anchor.date - timedelta(days=rel.days), anchor.precision, rel.text, "clause"), True


NAMED_DAY = re.compile(r"^\d{4}-\d\d-\d\d")  # a TIMEX value that names one day
LEAD_SENTENCES = 2   # a story's lead: its first sentences
DETAIL_SENTENCES = 3  # how far after the lead its details are looked for


def _day_told_next(sents: list, index: int | None, when: EventDate, timexes, published, published_known) -> EventDate | None:
    """The day a lead event happened, told in the sentences after it: "A soldier killed by a
    roadside bomb has been named." "He died in Manbij on Thursday." A lead dated only by the
    publication week, or by "last week", takes the first day told in the next sentences that
    lies in that week; anything else is left alone. ``index``: the lead sentence's number in ``sents``."""
    if index is None or index >= LEAD_SENTENCES or when.date is None or not published_known:
        return None
    if when.basis == "published":
        first, last = when.date - timedelta(days=6), when.date
    elif when.precision == 2 and when.basis in ("clause", "sentence") and "W" in (when.value or ""):
        first, last = when.date, when.date + timedelta(days=6)
    else:
        return None
    for later in sents[index + 1:index + 1 + DETAIL_SENTENCES]:
        found = event_date(later, later.root, timexes, published, published_known, None)
        if found.basis in ("clause", "sentence") and found.date is not None and \
                NAMED_DAY.match(found.value or "") and first <= found.date <= last:
            return found
    return None


def _headline_end(text: str) -> int:
    """End offset of a headline line at the top of the text (short, no final stop), else 0."""
    first = text.lstrip().split("\n", 1)[0]
    if "\n" in text.strip() and len(first.split()) <= 20 and not first.rstrip().endswith((".", '"', "”")):
        return text.index(first) + len(first)
    return 0


def _own_voice(article: Article) -> Claim | None:
    """Nobody is cited: the report speaks in its own voice."""
    return Claim(name=article.source, text=None) if article.source else None


_default: Pipeline | None = None


def extract(text: str, published: date | str | None = None, *, id: str | None = None,
            title: str | None = None, url: str | None = None, source: str | None = None):
    """Events in one text: ``polemos.extract(text, published="2020-12-13")``."""
    from .ingest.dates import parse_date
    from .ingest.ids import article_id

    global _default
    if isinstance(published, str):
        published = parse_date(published, "published")
    if _default is None:
        _default = Pipeline()
    article = Article(id=article_id(id, text), text=text, title=title, url=url, published=published,
                      source=source, published_from="input" if published else None)
    doc = next(iter(_default.nlp.pipe([text])))
    return _default.code(doc, article).events
