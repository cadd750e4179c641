"""The records every stage passes on: Source, Report, PlaceMention, Claim, Event.

They are plain typed models (pydantic) with a JSON round-trip that matches SPEC.md.
A record states what someone *claimed*; nothing here is a verified fact.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from skyledger.untrusted import safe_url

ClaimType = Literal["destroyed", "launched", "hit", "debris", "damage", "casualties"]
Weapon = Literal["uav", "missile", "glide_bomb", "other"]
CountQualifier = Literal["exact", "at_least", "approx", "unspecified"]
GeoPrecision = Literal[
    "place", "between-places", "admin2", "admin1", "country", "water", "unresolved"
]
Lang = Literal["en", "ru", "uk"]

CLAIM_TYPES: tuple[str, ...] = ("destroyed", "launched", "hit", "debris", "damage", "casualties")
WEAPONS: tuple[str, ...] = ("uav", "missile", "glide_bomb", "other")
LANGS: tuple[str, ...] = ("en", "ru", "uk")

Span = tuple[int, int]

# Reports are news: a publication year outside these is a broken field (and far-off
# years overflow when converted between zones). Every entry point refuses them.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def content_hash(text: str) -> str:
    """Hash of a report's text with white space folded, so re-saved copies compare equal."""
    folded = " ".join(text.split())  # same as re.sub(r"\s+", " ", text).strip(), faster
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, data: str | bytes):
        return cls.model_validate_json(data)


class Source(Record):
    """Where reports are published: a channel, a feed, an outlet's site (never a local file)."""

    kind: str  # telegram, telegram-web, telegram-api, rss, web, folder, api, file
    name: str  # channel handle, feed address, the outlet's domain
    claimant: str | None = None  # default claimant when the text names nobody
    lang: Lang | None = None
    tz: str | None = None  # IANA zone the source writes local times in
    every_seconds: int | None = None  # polling interval for live sources
    enabled: bool = True


class Report(Record):
    """One document as published: its text, where and when it came from."""

    source: Source
    external_id: str  # message id, URL or file path
    url: str | None = None  # an http(s) link, always (see `_web_link_only`)
    url_text: str | None = None  # an address given that is no web link, kept as text
    published: datetime | None = None  # timezone-aware when known
    published_precision: Literal["datetime", "date"] | None = None
    lang: Lang | None = None
    text: str
    content_hash: str = ""
    # Who speaks when the text names nobody: the line's own claimant, else the source's.
    claimant: str | None = None
    origin: str | None = None  # the local file it was read from; never shown as its source

    @property
    def default_claimant(self) -> str | None:
        return self.claimant or self.source.claimant

    def model_post_init(self, __context) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    @model_validator(mode="before")
    @classmethod
    def _web_link_only(cls, data):
        """Only http(s) URLs are stored as links; any other address (`javascript:`,
        `tg://`, a DOI) is kept as text, where no renderer will make it a link."""
        if isinstance(data, dict) and data.get("url") is not None:
            link = safe_url(data["url"])
            if link != data["url"]:
                given = str(data["url"]).strip()
                data = {**data, "url": link}
                if link is None and given:
                    data.setdefault("url_text", given)
        return data

    @field_validator("published")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("published must be timezone-aware")
            check_year(value)
        return value


EDIT_MARK = "@edit-"
EDIT_DIGEST_LENGTH = 16


def invalid_because(exc: ValidationError) -> str:
    """A record's validation errors as one line: `field: why; field: why`."""
    return "; ".join(
        f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
        for e in exc.errors()
    )


def edit_id(external_id: str, content_hash: str) -> str:
    """The id of a new version of report `external_id` whose text now hashes to `content_hash`.

    The ledger keeps what was published first and each changed text, every one its own
    report, so no figure is replaced silently.
    """
    return f"{external_id}{EDIT_MARK}{content_hash[:EDIT_DIGEST_LENGTH]}"


def check_year(stamp: datetime) -> datetime:
    """`stamp` when its year is a plausible publication year; ValueError naming it otherwise."""
    if not EARLIEST_YEAR <= stamp.year <= LATEST_YEAR:
        raise ValueError(
            f"published year {stamp.year} is out of range ({EARLIEST_YEAR}-{LATEST_YEAR})"
        )
    return stamp


class PlaceMention(Record):
    """A place as the text names it, and what the gazetteer made of it."""

    text: str  # as written, e.g. "над Малоярославцем"
    normal: str | None = None  # dictionary form in the text's script, e.g. "Малоярославец"
    name: str | None = None  # resolved name (GeoNames main name)
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geo_precision: GeoPrecision = "unresolved"
    span: Span | None = None
    candidates: list[dict] = Field(default_factory=list)


class Claim(Record):
    """One assertion made in one report, attributed to its claimant."""

    id: str | None = None  # stable within its report: "c0", "c1", ... (store adds its own key)
    claimant: str | None = None  # canonical name (skyledger.claimants)
    claimant_text: str | None = None  # the text's own wording of it, when the text names one
    claim_type: ClaimType
    weapon: Weapon | None = None
    model: str | None = None
    count: int | None = None
    count_qualifier: CountQualifier = "unspecified"
    country: str | None = None
    admin1: str | None = None
    region_text: str | None = None  # the claimant's own wording of the area ("Республика Крым")
    places: list[PlaceMention] = Field(default_factory=list)
    window_start: datetime | None = None
    window_end: datetime | None = None
    killed: int | None = None
    injured: int | None = None
    parent: str | None = None  # id of the total this per-region claim belongs to
    cumulative: bool = False  # a running total since some earlier date, not one attack
    evidence: dict[str, Span] = Field(default_factory=dict)  # "claim" and each field -> span
    confidence: float = 0.5
    extractor_version: str | None = None

    def gold_view(self) -> dict:
        """The fields of the evaluation gold format, places as written."""
        data = self.model_dump(
            mode="json",
            include={
                "claimant",
                "claim_type",
                "weapon",
                "model",
                "count",
                "count_qualifier",
                "country",
                "admin1",
                "window_start",
                "window_end",
                "killed",
                "injured",
            },
        )
        data["places"] = [p.normal or p.text for p in self.places]
        return data


class EventClaim(Record):
    """A claim as it stands inside an event: who said what."""

    claim_id: int
    claimant: str | None = None
    count: int | None = None
    count_qualifier: CountQualifier = "unspecified"
    report_id: int | None = None
    url: str | None = None
    agrees: bool = True
    citations: int = 1  # how many reports repeat this same claim


class Event(Record):
    """Claims believed to describe the same happening, with the range they span."""

    id: int | str | None = None
    claim_type: ClaimType
    weapon: Weapon | None = None
    country: str | None = None
    admin1: str | None = None
    low: int | None = None
    best: int | None = None
    high: int | None = None
    conflict: bool = False
    claims: list[EventClaim] = Field(default_factory=list)
    window_start: datetime | None = None
    window_end: datetime | None = None
    first_reported: datetime | None = None
    parent: int | str | None = None
    killed: int | None = None
    injured: int | None = None
