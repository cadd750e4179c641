"""Reports and claims written for the reconciliation and briefing tests.

Each report is built from our own sentences; each claim is written as the extractor
would give it, with its evidence span found in the report's text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from skyledger.records import Claim, PlaceMention, Report, Source
from skyledger.store.db import open_engine
from skyledger.store.writer import save_batch

MOD = "Russian Ministry of Defense"
KALUGA = "Governor of Kaluga Oblast Vladislav Shapsha"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def report(text: str, source: str, *, published: str | None = None, lang: str = "en") -> Report:
    return Report(
        source=Source(kind="web", name=source),
        external_id=f"{source}/{abs(hash(text)) % 10**8}",
        url=f"https://{source}/news/{abs(hash(text)) % 10**8}",
        published=at(published) if published else None,
        lang=lang,
        text=text,
    )


def claim(text: str, quote: str, **fields) -> Claim:
    """A claim whose evidence is `quote`, found in the report's `text`."""
    start = text.index(quote)
    fields.setdefault(
        "count_qualifier", "exact" if fields.get("count") is not None else "unspecified"
    )
    places = [PlaceMention(text=p, normal=p) for p in fields.pop("places", [])]
    return Claim(
        evidence={"claim": (start, start + len(quote))},
        places=places,
        extractor_version="test",
        **fields,
    )


SEED_TEXT = (
    "Governor Vladislav Shapsha said that 11 drones were destroyed over Kaluga Oblast, "
    "near Borovsk, Kirov, Maloyaroslavets and Yermolino. Nobody was hurt, he added. "
    "Alexander Drozdenko said fragments of a downed drone were found between Kirishi and "
    "Budogoshch. The Russian Ministry of Defense said air defences destroyed 20 drones in "
    "four hours: 10 over Kaluga Oblast, 8 over Bryansk Oblast and 2 over the Moscow region."
)


def seed_batch() -> list[tuple[Report, list[Claim]]]:
    """The seed scenario, with claims as its gold annotation has them."""
    text = SEED_TEXT
    uav = {"weapon": "uav", "country": "RU"}
    claims = [
        claim(text, "11 drones were destroyed over Kaluga Oblast", id="c0", claimant=KALUGA,
              claim_type="destroyed", count=11, admin1="RU-KLU",
              places=["Borovsk", "Kirov", "Maloyaroslavets", "Yermolino"], **uav),
        claim(text, "Nobody was hurt", id="c1", claimant=KALUGA, claim_type="casualties",
              admin1="RU-KLU", killed=0, injured=0, **uav),
        claim(text, "fragments of a downed drone were found", id="c2",
              claimant="Governor of Leningrad Oblast Alexander Drozdenko", claim_type="debris",
              count=1, admin1="RU-LEN", places=["Kirishi", "Budogoshch"], **uav),
        claim(text, "destroyed 20 drones in four hours", id="c3", claimant=MOD,
              claim_type="destroyed", count=20, **uav),
        claim(text, "10 over Kaluga Oblast", id="c4", claimant=MOD, claim_type="destroyed",
              count=10, admin1="RU-KLU", parent="c3", **uav),
        claim(text, "8 over Bryansk Oblast", id="c5", claimant=MOD, claim_type="destroyed",
              count=8, admin1="RU-BRY", parent="c3", **uav),
        claim(text, "2 over the Moscow region", id="c6", claimant=MOD, claim_type="destroyed",
              count=2, admin1="RU-MOS", parent="c3", **uav),
    ]  # fmt: skip
    return [(report(text, "seed.example"), claims)]


# One Ministry statement carried by three outlets in two languages, the next morning
# a governor's own figure, and a second night.
NIGHT1_RU = "Минобороны России сообщило, что над Брянской областью уничтожены 7 беспилотников."
NIGHT1_EN = "Russia's Ministry of Defence said 7 drones were destroyed over Bryansk Oblast."
NIGHT1_RU2 = "Как сообщили в Минобороны РФ, ночью над Брянской областью сбиты 7 БПЛА."
GOVERNOR = "Губернатор Брянской области Александр Богомаз: над регионом уничтожены 9 беспилотников."
NIGHT2_EN = "The Ministry of Defense of Russia said 4 drones were destroyed over Bryansk Oblast."


def bryansk(text: str, quote: str, claimant: str, count: int) -> Claim:
    return claim(text, quote, claimant=claimant, claim_type="destroyed", weapon="uav",
                 count=count, country="RU", admin1="RU-BRY")  # fmt: skip


def bryansk_batches() -> list[tuple[Report, list[Claim]]]:
    return [
        (report(NIGHT1_RU, "tass.example", published="2025-06-02T07:05:00+03:00", lang="ru"),
         [bryansk(NIGHT1_RU, "уничтожены 7 беспилотников", "Минобороны России", 7)]),
        (report(NIGHT1_EN, "wire.example", published="2025-06-02T09:40:00+03:00"),
         [bryansk(NIGHT1_EN, "7 drones were destroyed", "Russian Ministry of Defense", 7)]),
        (report(NIGHT1_RU2, "regional.example", published="2025-06-02T12:15:00+03:00", lang="ru"),
         [bryansk(NIGHT1_RU2, "сбиты 7 БПЛА", "Минобороны РФ", 7)]),
        (report(GOVERNOR, "bogomaz.example", published="2025-06-02T08:00:00+03:00", lang="ru"),
         [bryansk(GOVERNOR, "уничтожены 9 беспилотников", "Губернатор Брянской области Александр Богомаз", 9)]),
        (report(NIGHT2_EN, "wire.example", published="2025-06-03T07:30:00+03:00"),
         [bryansk(NIGHT2_EN, "4 drones were destroyed", "Russian Ministry of Defense", 4)]),
    ]  # fmt: skip


def ledger_with(url: str, batches: list[tuple[Report, list[Claim]]]):
    engine = open_engine(url)
    for item in batches:
        save_batch(engine, [item])
    return engine


def seeded(url: str) -> str:
    """A ledger at `url` holding the seed scenario, reconciled into events."""
    from skyledger.reconcile import update_events

    engine = ledger_with(url, seed_batch())
    update_events(engine)
    engine.dispose()
    return url


def content_view(events: list[dict], claim_keys: dict[int, tuple]) -> list[tuple]:
    """Events without store ids: comparable across ledgers filled in different orders."""
    keys = {e["id"]: e["key"] for e in events}
    return sorted(
        (
            e["key"],
            e["low"],
            e["best"],
            e["high"],
            e["conflict"],
            e["killed"],
            e["injured"],
            keys.get(e["parent"]),
            tuple(
                sorted(
                    tuple(sorted(claim_keys[c["claim_id"]] for c in s["citations"]))
                    for s in e["claims"]
                )
            ),
        )  # fmt: skip
        for e in events
    )
