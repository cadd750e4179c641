"""skyledger's modules compiled to bytecode before a benchmark runs skyledger's commands."""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path


def bytecode_compiled() -> None:
    """skyledger's modules compiled to bytecode first, as pip does when it installs a package
    (and did for the libraries compared with): a source checkout run with
    PYTHONDONTWRITEBYTECODE set would otherwise compile them again in every process."""
    probe = [sys.executable, "-c", "import skyledger; print(skyledger.__file__)"]
    package = Path(subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip())
    compileall.compile_dir(package.parent, quiet=1)
