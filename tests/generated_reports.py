"""Short bulletins in English, Russian and Ukrainian, generated from templates written for
these tests: as many distinct reports as a test needs, the same ones on every call."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = datetime(2026, 3, 1, 5, 0, tzinfo=UTC)
DAYS = 12

TEMPLATES = {
    "en": [
        "Air defences destroyed {n} drones over the {en_region} region overnight, "
        "the Russian Ministry of Defense said. Bulletin {k}.",
        "{n} missiles were shot down over {en_region} Oblast, officials said. Update {k}.",
        "A drone hit a warehouse in the town of {en_town}, the governor said; "
        "two people were injured. Report {k}.",
    ],
    "ru": [
        "Над {ru_region} областью уничтожены {n} украинских беспилотников, "
        "сообщили в Минобороны России. Сводка № {k}.",
        "В {ru_town} беспилотник атаковал склад, ранены два человека, сообщил губернатор. "
        "Сообщение № {k}.",
    ],
    "uk": [
        "Над {uk_region} збито {n} ворожих безпілотників, повідомили Повітряні сили. "
        "Зведення № {k}.",
        "На {uk_town} безпілотник влучив у склад, поранено двох людей. Повідомлення № {k}.",
    ],
}
PLACES = {
    "en_region": ["Bryansk", "Kursk", "Belgorod", "Kaluga", "Tula", "Oryol"],
    "en_town": ["Borovsk in the Kaluga region", "Rylsk in the Kursk region"],
    "ru_region": ["Брянской", "Курской", "Белгородской", "Калужской", "Тульской"],
    "ru_town": ["Калужской области в городе Боровске", "Курской области в городе Рыльске"],
    "uk_region": ["Харківщиною", "Сумщиною", "Полтавщиною", "Київщиною", "Одещиною"],
    "uk_town": [
        "Харківщині у селі Малинівка",
        "Сумщині у місті Шостка",
        "Полтавщині у місті Лубни",
    ],
}
ORDER = [(lang, template) for lang, templates in TEMPLATES.items() for template in templates]


def report(k: int) -> dict:
    """Report number k (0, 1, ...) in the extraction contract's JSON Lines format."""
    lang, template = ORDER[k % len(ORDER)]
    places = {name: options[k % len(options)] for name, options in PLACES.items()}
    published = START + timedelta(days=k % DAYS, hours=(k * 7) % 24)
    return {
        "id": f"gen-{k}",
        "lang": lang,
        "published": published.isoformat(),
        "text": template.format(n=k % 17 + 2, k=k, **places),
    }


def reports(count: int, first: int = 0) -> list[dict]:
    return [report(k) for k in range(first, first + count)]


def write_jsonl(path: Path, count: int) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports(count)), encoding="utf-8"
    )
    return path
