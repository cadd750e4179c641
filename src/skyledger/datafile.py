"""The package's YAML data files, read with libyaml's C loader when PyYAML has it.

Extraction reads a few thousand lines of language data before its first report; the C
loader reads them about ten times faster than the pure-Python one, with the same result.
"""

from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(stream):
    """`yaml.safe_load`, fast: `stream` is text or an open file."""
    return yaml.load(stream, Loader=LOADER)  # noqa: S506 - a safe loader, C or Python
