"""Briefing text from its context: Jinja2 templates for Markdown and HTML."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = {"md": "brief.md.j2", "html": "brief.html.j2"}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["upfirst"] = upfirst
    env.filters["md"] = markdown_text
    env.filters["md_url"] = markdown_url
    return env


_MARKDOWN_SPECIALS = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>()#|!"})


def markdown_text(text: str) -> str:
    """Stored text as Markdown shows it literally: no link, emphasis or markup of its own."""
    return text.translate(_MARKDOWN_SPECIALS)


def markdown_url(url: str) -> str:
    """An http(s) address inside <...>: its angle brackets and spaces percent-encoded."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def upfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(context: dict, fmt: str = "md") -> str:
    return environment().get_template(FORMATS[fmt]).render(**context)
