"""Sources: turning files, feeds, pages and channels into Report records."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skyledger.sources.errors import InputError
    from skyledger.sources.files import read_file, read_paths
    from skyledger.sources.langid import detect_lang

__all__ = ["InputError", "detect_lang", "read_file", "read_paths"]

# Loaded on first use: language identification alone (`skyledger extract`) needs no
# feed or page parser.
_LAZY = {
    "InputError": "skyledger.sources.errors",
    "read_file": "skyledger.sources.files",
    "read_paths": "skyledger.sources.files",
    "detect_lang": "skyledger.sources.langid",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'skyledger.sources' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
