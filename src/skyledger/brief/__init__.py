"""Briefings: a day's or an area's claims written up in plain English, every figure cited.

`brief(engine, day=None, area=None, fmt="md")` returns Markdown or HTML. What is
said is decided in compose.py (plain data); how it is laid out, in templates/.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from skyledger.brief.compose import brief_context, latest_day
from skyledger.brief.render import FORMATS, render


def brief(engine: Engine, day: date | None = None, area: str | None = None, fmt: str = "md") -> str:
    return render(brief_context(engine, day=day, area=area), fmt)


__all__ = ["FORMATS", "brief", "brief_context", "latest_day"]
