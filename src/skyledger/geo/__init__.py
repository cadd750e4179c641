"""Gazetteer and geocoder: place mentions to GeoNames ids, ISO 3166-2 codes and coordinates.

    >>> from skyledger.geo import geocode, region_of
    >>> geocode("над Малоярославцем", admin1="RU-KLU")["geonameid"]
    530849
    >>> region_of("на Харківщині")
    'UA-63'

Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
"""

from __future__ import annotations

from skyledger.geo.gazetteer import ATTRIBUTION
from skyledger.geo.geocode import geocode, region_of

__all__ = ["ATTRIBUTION", "geocode", "place_mention", "region_of"]


def place_mention(text: str, found: dict, span=None):
    """A geocode() answer as the ledger's PlaceMention record (text as written kept)."""
    from skyledger.records import PlaceMention

    return PlaceMention(
        text=text, normal=found["normal"] or None, name=found["name"],
        geonameid=found["geonameid"], lat=found["lat"], lon=found["lon"], admin1=found["admin1"],
        geo_precision=found["precision"], span=span, candidates=found["candidates"],
    )  # fmt: skip
