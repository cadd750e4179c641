"""Attribution: who makes each claim, read like a table (sentence -> claimants of its claims)."""

from __future__ import annotations

import pytest

from skyledger.extract import extract


def claimants(text: str, lang: str) -> list[tuple]:
    return [(c.claim_type, c.count, c.claimant) for c in extract(text, lang=lang)]


VINNYTSIA_HEAD = "Head of Vinnytsia Oblast Military Administration"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a title with its region inside it
        (
            "uk",
            "Над областю збили чотири дрони. Про це повідомив начальник Вінницької ОВА Іван Петренко.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "uk",
            "Над областю збили чотири дрони, повідомив голова Вінницької військової адміністрації.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "ru",
            "Глава Тамбовской области заявил, что над регионом сбиты два беспилотника.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "en",
            "The head of the Vinnytsia Regional Military Administration, Ivan Petrenko, said four "
            "drones were shot down over the region.",
            [("destroyed", 4, "Governor of Vinnytsia Oblast")],
        ),
        # an office that speaks for its region
        (
            "uk",
            "Вінницька обласна військова адміністрація повідомила, що над областю збили чотири дрони.",
            [("destroyed", 4, "Vinnytsia Oblast Military Administration")],
        ),
        (
            "ru",
            "Оперативный штаб Тамбовской области сообщил, что над регионом сбиты два беспилотника.",
            [("destroyed", 2, "Operational Headquarters of Tambov Oblast")],
        ),
        (
            "en",
            "Four drones were shot down over the Vinnytsia region, the regional military "
            "administration said.",
            [("destroyed", 4, "Vinnytsia Oblast Military Administration")],
        ),
        # a bare title: its holder in the region the sentence names
        (
            "ru",
            "Над Тамбовской областью сбиты два беспилотника, сообщил губернатор Иван Петров.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "ru",
            "В Тамбовской области сбили два беспилотника, сообщил врио губернатора Иван Петров.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "uk",
            "У Вінницькій області вночі збили чотири дрони. Про це повідомив голова ОВА Іван Петренко.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
    ],
)
def test_titles_and_offices_name_the_claimant(lang, text, expected):
    assert claimants(text, lang) == expected
