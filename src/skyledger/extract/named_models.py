"""A model named with no weapon noun beside it counts as that weapon: "сбиты 4 Х-101", "6 Х-101
по Львівщині", "3 Kh-101s", "2 ATACMS". The model table (lang/models.yaml) gives its kind.
A model next to a weapon noun ("ракеты Х-101", "Kh-101 cruise missiles") leaves the noun to
speak for it.
"""

from __future__ import annotations

NEAR = 20  # characters between a model and a weapon noun that names it


def with_models(weapons: list, models: list) -> list:
    """The weapon mentions, plus each model mention that no weapon noun stands beside."""
    added = [
        (kind, start, end)
        for _name, kind, start, end in models
        if kind != "other"  # a launcher ("Град", MLRS) fires no counted weapon of its own
        and not any(
            w_start < end
            and start < w_end  # the model is a weapon word ("шахед", "Kalibr")
            or 0 <= w_start - end <= NEAR  # "Kh-101 cruise missiles"
            or 0 <= start - w_end <= NEAR  # "ракеты Х-101", "ракетами типу Х-101"
            for _kind, w_start, w_end in weapons
        )
    ]
    if not added:
        return weapons
    return sorted(weapons + added, key=lambda w: w[1])
