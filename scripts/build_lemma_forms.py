"""Write src/skyledger/extract/lang/lemma_forms.yaml from the `lemmas:` of each lexicon.

Russian and Ukrainian lemmas are expanded by pymorphy3, English ones by the inflection
table in en.yaml (skyledger.extract.lemmas); the result is grouped into lexicon fragments
so extraction needs no analyser to read claim words. Run it after editing `lemmas:` or
`inflections:`; tests/test_extract_lemmas.py fails while the file is out of date. The
stored parses of the data files (scripts/build_parsed_yaml.py) are written anew with it.

Usage: python scripts/build_lemma_forms.py
"""

from __future__ import annotations

import runpy
from pathlib import Path

import yaml

from skyledger.extract.lemmas import FORMS_FILE, HEADER, build_all


def render() -> str:
    return HEADER + yaml.safe_dump(build_all(), allow_unicode=True, sort_keys=False, width=100)


if __name__ == "__main__":
    FORMS_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {FORMS_FILE}")
    runpy.run_path(str(Path(__file__).with_name("build_parsed_yaml.py")), run_name="__main__")
