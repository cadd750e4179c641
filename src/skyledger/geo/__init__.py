"""Gazetteer and geocoder: place mentions to GeoNames ids, ISO 3166-2 codes and coordinates.

>>> from skyledger.geo import geocode, region_of
>>> geocode("над Малоярославцем", admin1="RU-KLU")["geonameid"]
530849
>>> region_of("на Харківщині")
'UA-63'
"""

from skyledger.geo.gazetteer import ATTRIBUTION
from skyledger.geo.geocode import geocode, region_of

__all__ = ["ATTRIBUTION", "geocode", "region_of"]
