"""Print the share of metamorphic variants whose claims stay identical.

Usage: python scripts/metamorphic.py CORPUS.jsonl [CORPUS.jsonl ...] [--changed N]

Each report (a JSON line with `text`, `lang`, `published`) is rewritten at least ten ways
that keep its gold (skyledger/metamorphic.py); a variant counts as stable when the
extractor's claims on it equal its claims on the original, every field compared.
--changed N lists the first N variants whose claims changed.
"""

from __future__ import annotations

import argparse
import json
import sys

from skyledger.metamorphic import MIN_VARIANTS, stability


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="JSON Lines reports")
    parser.add_argument("--changed", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    reports = []
    for path in args.corpus:
        with open(path, encoding="utf-8") as handle:
            reports.extend(json.loads(line) for line in handle if line.strip())
    result = stability(reports)
    for kind in sorted(result.by_kind):
        kept, total = result.kept_by_kind[kind], result.by_kind[kind]
        print(f"{kind:9} {kept}/{total} identical ({kept / total:.1%})")
    print(
        f"reports {result.reports} ({result.short} with fewer than {MIN_VARIANTS} variants), "
        f"variants {result.variants}"
    )
    print(f"identical claims: {result.identical}/{result.variants} = {result.share:.1%}")
    for report_id, kind, text in result.changed[: args.changed]:
        print(f"-- {report_id} {kind}: {text[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
