"""Where an export may be written."""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR_ENV = "SKYLEDGER_EXPORT_DIR"


class UnsafePath(ValueError):
    """An output path that leaves the configured export directory."""


def output_path(path: str | Path, base_dir: str | Path | None = None) -> Path:
    """`path` resolved; with a base directory, relative to it and never outside it."""
    base = base_dir if base_dir is not None else os.environ.get(BASE_DIR_ENV)
    if not base:
        return Path(path).expanduser().resolve()
    root = Path(base).expanduser().resolve()
    target = (root / path).resolve()  # an absolute `path` replaces root, then fails the check
    if not target.is_relative_to(root) or target == root:
        raise UnsafePath(f"{path} is outside the export directory {root}")
    return target
