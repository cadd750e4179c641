"""Extraction speed: reports of about 600 characters a second on one core.

Generates bulletin-like reports from templates (nothing from the corpus), extracts them
all (with geocoding when `skyledger.geo.geocode` is installed) and prints reports/s,
measured in CPU time of this process so that other work on the machine does not count.

Usage: python benchmarks/bench_extract.py [N]
"""

from __future__ import annotations

import random
import sys
import time

from skyledger.extract import extract
from skyledger.extract.places import geocoder

RU_REGIONS = [
    "Брянской",
    "Курской",
    "Белгородской",
    "Калужской",
    "Тульской",
    "Орловской",
    "Смоленской",
    "Рязанской",
]
UK_REGIONS = ["Харківщиною", "Сумщиною", "Полтавщиною", "Київщиною", "Одещиною"]
EN_REGIONS = ["Bryansk", "Kursk", "Belgorod", "Kaluga", "Tula", "Oryol"]
WORDS_RU = ["пять", "семь", "одиннадцать", "два", "три", "девять"]


def ru_report(rng: random.Random) -> str:
    parts = [f"{rng.randint(1, 9)} — над {r} областью" for r in rng.sample(RU_REGIONS, 3)]
    return (
        f"В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены {rng.randint(10, 90)} "
        "украинских беспилотных летательных аппаратов самолетного типа, сообщает Минобороны России. "
        + ", ".join(parts)
        + f". Губернатор сообщил, что в селе Никольское повреждены {rng.choice(WORDS_RU)} частных домов, "
        "пострадавших нет. На месте работают оперативные службы, продолжается подомовой обход территории. "
        "Жителей просят сообщать об обнаруженных обломках по телефону единой дежурной службы. "
        "Занятия в школах района проходят в обычном режиме, транспорт работает по расписанию."
    )


def uk_report(rng: random.Random) -> str:
    return (
        f"У ніч на {rng.randint(1, 28)} березня ворог атакував {rng.randint(20, 90)}-ма ударними БпЛА типу Shahed. "
        f"За попередніми даними, станом на 09:00 збито/подавлено {rng.randint(10, 19)} ворожих БпЛА на півночі, "
        f"сході та в центрі країни. Над {rng.choice(UK_REGIONS)} уламки впали на відкритій території, "
        "пошкоджено приватний будинок у Дарницькому районі. Постраждалих немає, повідомив голова ОВА. "
        "Повітряний напад відбивали авіація, зенітні ракетні війська та мобільні вогневі групи Сил оборони. "
        "Мешканців просять не наближатися до уламків і повідомляти про знахідки за номером 101."
    )


def en_report(rng: random.Random) -> str:
    a, b = rng.sample(EN_REGIONS, 2)
    return (
        f"MOSCOW (Reuters) - Russian air defences destroyed {rng.randint(10, 60)} Ukrainian drones overnight, "
        f"including {rng.randint(1, 9)} over the {a} region and {rng.randint(1, 9)} over the {b} region, "
        "the Defence Ministry said on Telegram. The governor said debris damaged two houses in the village "
        "of Glinishchevo but no one was hurt. Reuters could not independently verify the reports, and "
        "neither side disclosed the full extent of the damage from the overnight attacks. "
        "Schools in the region opened as usual and local transport ran on its normal timetable."
    )


def reports(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    makers = [("ru", ru_report), ("uk", uk_report), ("en", en_report)]
    return [(lang, make(rng)) for lang, make in (rng.choice(makers) for _ in range(n))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    batch = reports(n)
    for lang, text in batch[:30]:  # warm the analyzers and caches
        extract(text, lang=lang)
    started, cpu_started = time.perf_counter(), time.process_time()
    claims = sum(len(extract(text, lang=lang)) for lang, text in batch)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    mean_chars = sum(len(t) for _, t in batch) / len(batch)
    print(
        f"{n} reports (mean {mean_chars:.0f} chars), {claims} claims: "
        f"{n / cpu:,.0f} reports/s of CPU time on one core ({n / elapsed:,.0f}/s wall clock on a shared "
        f"machine); geocoder: {'yes' if geocoder() else 'not installed'}"
    )


if __name__ == "__main__":
    main()
