"""pyproject.toml: what is pinned is used, and the licence is stated as SPDX."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

# distribution -> the module the code imports, where the two differ
MODULES = {"PyYAML": "yaml"}
# loaded by another package (SQLAlchemy's PostgreSQL driver, dictionaries, a parser's
# extra), never imported by name
LOADED_BY_OTHERS = {"psycopg", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "lxml_html_clean"}


def imported_modules() -> set[str]:
    found = set()
    for path in (ROOT / "src" / "skyledger").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"^\s*(?:from|import)\s+([A-Za-z_][\w]*)", text, flags=re.M))
    return found


def test_every_runtime_dependency_is_used():
    imported = imported_modules()
    unused = []
    for spec in PROJECT["dependencies"]:
        name = re.split(r"[\[=<>~ ]", spec, maxsplit=1)[0]
        if name in LOADED_BY_OTHERS:
            continue
        module = MODULES.get(name, name.replace("-", "_").lower())
        if module not in imported:
            unused.append(name)
    assert unused == []


def test_the_licence_is_an_spdx_expression():
    assert PROJECT["license"] == "MIT AND CC-BY-4.0"
