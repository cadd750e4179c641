"""Briefing text from its context: Jinja2 templates for Markdown and HTML."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from skyledger.untrusted import printable, safe_url

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
    env.filters["link"] = link
    env.filters["plain"] = plain
    return env


# Characters that would turn report text into Markdown markup (emphasis, links, HTML,
# tables, footnotes): each is backslash-escaped.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#|!^~])")


def plain(text: object) -> str:
    """Stored text with control characters shown, never obeyed; one line."""
    return printable(str(text), one_line=True)


def markdown_text(text: object) -> str:
    """Stored text (a claimant, an outlet, a quote) as Markdown that shows it literally."""
    return _MARKDOWN.sub(r"\\\1", plain(text))


def link(url: object) -> str | None:
    """An http(s) address fit to be a link target in Markdown or HTML, else None."""
    found = safe_url(url)
    if found is None:
        return None
    return (
        found.replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace(" ", "%20")
    )


def upfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(context: dict, fmt: str = "md") -> str:
    return environment().get_template(FORMATS[fmt]).render(**context)
