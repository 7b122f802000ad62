"""Dates: TIMEX3 tagging, publication dates and event dates.

- ``tag(text, published)`` -> list of ``Timex`` (``TaggedTimex``) with TIMEX3 type and value.
- ``publication_date(text, url)`` -> (date, "dateline" | "url") or (None, None).
- ``event_date(sent, trigger, timexes, published, ...)`` -> ``EventDate``.
- ``told_recently(sent, timexes)`` -> whether the sentence says "recently", "days ago" ...
"""

from polemos.resolve.when.event_date import EventDate, event_date, told_recently
from polemos.resolve.when.pubdate import date_from_url, publication_date
from polemos.resolve.when.tagger import TaggedTimex, tag

__all__ = ["EventDate", "TaggedTimex", "date_from_url", "event_date", "publication_date", "tag", "told_recently"]
