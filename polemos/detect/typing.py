"""Combining the rule candidates with the sentence classifier.

The rules know where an event is told and what its arguments are; the classifier has seen
thousands of sentences and knows better which sub-type a sentence reports, or that it reports
none. A sentence's one classifier verdict re-types its single rule candidate, drops candidates
it is sure are not events, and adds an event where no trigger word fired but it is confident.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .classifier import NONE, EventTypeClassifier
from .lexicon import cue_in, lexicons
from .mentions import Candidate, actors_of_clause, claim_of, is_irrealis

DROP_NONE = 0.80        # drop a rule candidate when the classifier is this sure it is no event
DROP_NONE_WEAK = 0.60   # ... or this sure, for a candidate with no count and only generic words
RETYPE = 0.55           # re-type a lone rule candidate when the classifier is this sure
ADD = 0.70              # add an event where no rule fired when the classifier is this sure


def combine(doc: Doc, cands: list[Candidate], cued: set[int], clf: EventTypeClassifier) -> list[Candidate]:
    """``cued``: start tokens of the sentences where some trigger word matched; only those
    are classified (a sentence with no event word at all is left alone, and it is faster)."""
    sents = [s for s in doc.sents if s.start in cued]
    probs = clf.probabilities([s.text for s in sents])
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(c.sent.start, []).append(c)
    out: list[Candidate] = []
    sports = lexicons().cues["sports"]
    sporty = sum(t.lower_ in sports for t in doc) >= 3  # a sports story: its "fights" are games
    for sent, row in zip(sents, probs):
        order = row.argsort()[::-1]
        best = next(int(i) for i in order if clf.classes[i] != NONE)
        label, p_best, p_none = clf.classes[best], float(row[best]), float(row[clf.none])
        here = by_sent.get(sent.start, [])
        for c in here:
            weak = c.generic and c.fatalities is None and c.injured is None
            if p_none >= DROP_NONE or (weak and p_none >= DROP_NONE_WEAK):
                continue
            if len(here) == 1 and p_best >= RETYPE and label != c.sub_event_type:
                c.sub_event_type = label
            agree = float(row[clf.classes.index(c.sub_event_type)])
            c.confidence = round(0.5 * c.confidence + 0.5 * max(agree, 1 - p_none), 3)
            out.append(c)
        if (not here and p_best >= ADD and p_none < 0.3 and not sporty
                and not cue_in(sent.text.lower(), "sports") and not is_irrealis(sent.root)):
            out.append(_from_sentence(sent, label, p_best))
    return out


def _from_sentence(sent, label: str, p: float) -> Candidate:
    root = sent.root
    actor1, actor2 = actors_of_clause(root)
    return Candidate(sent=sent, part=sent, trigger=root, triggers=[root], sub_event_type=label,
                     actor1=actor1, actor2=actor2, claim=claim_of(root), confidence=round(0.4 + 0.4 * p, 3))
