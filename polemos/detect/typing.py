"""Combining the rule candidates with the sentence classifier.

The rules know where an event is told and what its arguments are; the classifier has seen
thousands of sentences and knows better which sub-type a sentence reports, or that it reports
none. Each rule candidate is kept or dropped, and typed, by the classifier's verdict on its
sentence weighed against the rules' evidence (``_decide``); where no trigger word fired, a
confident classifier adds an event of its own.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Doc

from ..model import DISORDER_TYPE_OF, EVENT_TYPE_OF
from ..nlp import doc_sents, doc_text
from .classifier import NONE, EventTypeClassifier
from .lexicon import is_sports, sports_story
from .mentions import GENERIC, UNMEANT, Candidate, actors_of_clause, claim_of, is_irrealis, names_disaster

RULE_BONUS = 0.3        # how much the rules' finding counts against the classifier's "no event"
STRONG_BONUS = 0.2      # ... more when a specific trigger word fired
COUNT_BONUS = 0.2       # ... more when the clause counts dead or wounded
DAY_BONUS = 0.3         # ... more when the sentence names the day ("last Saturday's gas attack")
TYPE_BONUS = 0.15       # head start of the rules' sub-type over the classifier's
RETYPE_ANY = 0.5        # the classifier this sure of a sub-type may move a candidate to another family
ADD = 0.25              # add an event where no rule fired when the classifier is this sure of a sub-type ...
ADD_NONE_MAX = 0.3      # ... and "no event" is this unlikely
ADD_OTHER = 0.4         # ... or this sure of "Other": a visit, a refusal or a demand sounds like one to it
LEAD_CHARS = 600        # the lead every sentence is read against ...
LEAD_WEIGHT = 0.4       # ... with this weight
# What the sentence encoder reads (it is the costly part; see _probabilities):
LEAD_SENTS = 2          # at most this many lead sentences ...
LEAD_ENCODED_CHARS = 300  # ... of those that start this near the top
SURE = 0.5              # a candidate whose sub-type the cheap head gives this much needs no encoder


def combine(doc: Doc, cands: list[Candidate], vetoed: set[int], clf: EventTypeClassifier) -> list[Candidate]:
    """``vetoed``: start tokens of the sentences where a rule vetoed a clause. Only sentences
    with no candidate and no veto get classifier-only events: the rules' vetoes (a war total,
    a threat, a deal merely mentioned) stand."""
    sents = doc_sents(doc)
    by_sent = _by_sentence(cands)
    # A sentence is read in the light of the story's lead: "the video went viral" means little
    # alone, much after "officers attacked a student demonstration".
    own, lead = _probabilities(clf, doc, sents, by_sent)
    probs = (1 - LEAD_WEIGHT) * own + LEAD_WEIGHT * lead
    out: list[Candidate] = []
    sporty = sports_story(doc_text(doc).lower())
    for sent, row, own_row in zip(sents, probs, own):
        order = row.argsort()[::-1]
        best = next(int(i) for i in order if clf.classes[i] != NONE)
        label, p_best, p_none = clf.classes[best], float(row[best]), float(row[clf.none])
        # An event no rule found must be told by the sentence itself too: in the light of
        # the lead, every sentence of a story about a deal sounds like the deal.
        p_best, p_none = min(p_best, float(own_row[best])), max(p_none, float(own_row[clf.none]))
        here = by_sent.get(sent.start, [])
        # One sentence, one row of probabilities: where the rules found events of two types in
        # it ("an incursion a day after air strikes"), the row cannot tell them apart.
        kinds = {c.sub_event_type for c in here}
        several = len(kinds) > 1 and any(c.relative is not None for c in here)
        for c in here:
            label_c = _decide(c, row, clf)
            if several and label_c is not None:
                label_c = c.sub_event_type
            if label_c is None:
                continue
            c.sub_event_type = label_c
            # ... and its support for the sentence telling one of them is its support for each
            agree = sum(float(row[clf.classes.index(k)]) for k in (kinds if several else {label_c}))
            c.confidence = round(0.5 * c.confidence + 0.5 * agree, 3)
            out.append(c)
        floor = ADD_OTHER if label == "Other" else ADD
        planned = doc.user_data.get(UNMEANT, {}).get(sent.start, set())
        if (sent.start not in vetoed and not here and p_best >= floor and p_none < ADD_NONE_MAX and not sporty
                and label not in planned and not (planned & set(GENERIC)
                                                  and DISORDER_TYPE_OF[EVENT_TYPE_OF[label]] == "Political violence")
                and not is_sports(sent.text.lower()) and not is_irrealis(sent.root)
                and not names_disaster(sent.text.lower(), doc)):
            # With no trigger word there is no rule to tell a chemical spill from a gas attack:
            # a story that names a disaster gets no event from the classifier alone.
            out.append(_from_sentence(sent, label, p_best))
    return out


def _probabilities(clf: EventTypeClassifier, doc: Doc, sents: list, by_sent: dict):
    """Class probabilities of each sentence and of the lead.

    The encoder costs about 12 ms a sentence on two cores, so it reads only the lead's first
    sentences (where a story says what happened) and the sentences the rules found an event
    in whose type the cheap head doubts; the cheap head alone reads the rest, where it only has to see
    that nothing happened or to agree with the rules."""
    texts = [s.text for s in sents]
    probs = doc.user_data.pop(LEXICAL, None)
    if probs is None:
        probs = clf.lexical_probabilities(texts)
    lead = clf.lexical_probabilities([doc_text(doc)[:LEAD_CHARS]])[0]
    if not clf.uses_encoder or not sents:
        return probs, lead
    from .encoder import SentenceEncoder

    rows, in_lead = _encoder_rows(clf, sents, by_sent, probs)
    vectors = doc.user_data.pop(VECTORS, None)
    if vectors is None:
        vectors = SentenceEncoder.load().encode([texts[i] for i in rows])
    probs[rows] = clf.mix(probs[rows], vectors)
    lead_vector = vectors[[rows.index(i) for i in in_lead]].mean(axis=0, keepdims=True)
    lead_vector /= max(float(np.linalg.norm(lead_vector)), 1e-9)
    return probs, clf.mix(lead[None, :], lead_vector)[0]


def _encoder_rows(clf: EventTypeClassifier, sents: list, by_sent: dict, probs) -> tuple[list[int], list[int]]:
    """The sentences the encoder reads (see ``_probabilities``), and which of them are the lead."""
    in_lead = [i for i, s in enumerate(sents) if s.start_char < LEAD_ENCODED_CHARS][:LEAD_SENTS] or [0]
    unsure = {i for i, s in enumerate(sents) if s.start in by_sent and not all(
        probs[i, clf.classes.index(c.sub_event_type)] >= SURE for c in by_sent[s.start])}
    return sorted(set(in_lead) | unsure), in_lead


def _by_sentence(cands: list[Candidate]) -> dict[int, list[Candidate]]:
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(c.sent.start, []).append(c)
    return by_sent


LEXICAL, VECTORS = "polemos.lexical", "polemos.vectors"


def prefetch(clf: EventTypeClassifier, docs: list[tuple[Doc, list[Candidate]]]) -> None:
    """Encode, for many documents at once, the sentences ``combine`` will ask the encoder for:
    one long batch costs about a third less than a short one per article. The results wait
    in each Doc's ``user_data`` until ``combine`` takes them."""
    if not clf.uses_encoder:
        return
    from .encoder import SentenceEncoder

    jobs, texts = [], []
    for doc, cands in docs:
        sents = doc_sents(doc)
        if not sents:
            continue
        probs = clf.lexical_probabilities([s.text for s in sents])
        rows, _ = _encoder_rows(clf, sents, _by_sentence(cands), probs)
        doc.user_data[LEXICAL] = probs
        jobs.append((doc, len(rows)))
        texts += [sents[i].text for i in rows]
    vectors = SentenceEncoder.load().encode(texts) if texts else None
    start = 0
    for doc, n in jobs:
        doc.user_data[VECTORS] = vectors[start:start + n]
        start += n


def _decide(c: Candidate, row, clf: EventTypeClassifier) -> str | None:
    """The candidate's sub-type, or None to drop it.

    Two questions, two weights: is it an event at all (the rules' evidence weighs a lot:
    a trigger word, a casualty count), and which sub-type (the classifier knows better; the
    rules' type gets a small head start)."""
    keep = RULE_BONUS + (STRONG_BONUS if not c.generic else 0.0) + (
        COUNT_BONUS if c.fatalities is not None or c.injured is not None else 0.0) + (
        DAY_BONUS if _NAMES_A_DAY.search(c.sent.text) else 0.0)
    scores = row.copy()
    scores[clf.none] = -1.0
    own = clf.classes.index(c.sub_event_type)
    scores[own] += TYPE_BONUS
    for i, label in enumerate(clf.classes):
        if label != NONE and row[i] < RETYPE_ANY and not _may_become(c, label):
            scores[i] = -1.0
        elif label == "Other" and not c.generic and label != c.sub_event_type and row[i] < RETYPE_ANY:
            scores[i] = -1.0  # "the SDF said they had detained five men": an arrest, not "Other"
    if row[clf.none] > row[own] + keep:
        return None
    return clf.classes[int(scores.argmax())]


_NAMES_A_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|last night|this morning)\b"
    r"|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b", re.I)


def _may_become(c: Candidate, label: str) -> bool:
    """Unless the classifier is sure (``RETYPE_ANY``), re-typing stays within the rules'
    disorder family ("an attack" rarely becomes an Agreement); a candidate typed from generic
    words alone may become any violent or demonstration type."""
    family = DISORDER_TYPE_OF[EVENT_TYPE_OF[label]]
    if family == DISORDER_TYPE_OF[EVENT_TYPE_OF[c.sub_event_type]]:
        return True
    return c.generic and family != "Strategic developments"


def _from_sentence(sent, label: str, p: float) -> Candidate:
    root = sent.root
    actor1, actor2 = actors_of_clause(root)
    return Candidate(sent=sent, part=sent, trigger=root, triggers=[root], sub_event_type=label,
                     actor1=actor1, actor2=actor2, claim=claim_of(root), confidence=round(0.4 + 0.4 * p, 3),
                     from_classifier=True)
