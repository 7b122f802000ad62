"""Country of a country name, demonym or adjective ("Azerbaijani" -> "AZ")."""

from __future__ import annotations

from polemos.resolve.geo.gazetteer import COUNTRY, Gazetteer, norm


def country_of(word: str, gazetteer: Gazetteer | None = None) -> str | None:
    """ISO2 of a country name, demonym or adjective, possessives allowed; None if none."""
    if not word or not word.strip():
        return None
    gaz = gazetteer or Gazetteer.load()
    w = word.strip()
    for suffix in ("'s", "’s", "'", "’", " s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            w = w[: -len(suffix)]
            break
    key = norm(w)
    if key in gaz.demonyms:
        return gaz.demonyms[key]
    countries = [p.country for p, _ in gaz.candidates(w) if p.feature == COUNTRY]
    if countries:
        return countries[0]
    # Plural demonyms not listed: "Azerbaijanis" -> "Azerbaijani".
    if key.endswith("s") and key[:-1] in gaz.demonyms:
        return gaz.demonyms[key[:-1]]
    return None
