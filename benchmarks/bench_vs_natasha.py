"""`skyledger extract` against Natasha's NER on the same texts, whole processes on one core.

The input is the dev corpus (../shared/corpus/dev.jsonl beside the repository, or the
file given) repeated to N reports (2,000 by default) and written to benchmarks/out/ (never
into the project). Each side runs as a fresh process pinned to one core, start-up
included, its CPU time (user + system) taken from the operating system:

- skyledger: `python -m skyledger extract < input > /dev/null` (claims with geocoding),
  its modules compiled to bytecode first as an installed package has them;
- Natasha: a process that loads its segmenter, news embedding and NER tagger and tags
  every text (named entities only: far less than a claim, so the comparison favours it).

Each side runs ROUNDS times; the figure is the median. Natasha is pinned in the `bench`
extra: pip install -e ".[bench]".

Usage: python benchmarks/bench_vs_natasha.py [N] [--corpus DEV.jsonl]
Goal (issue 12): skyledger at least 4x faster than Natasha's NER.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from bytecode import bytecode_compiled

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
ROUNDS = 3

NATASHA = """
import json, sys
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

segmenter = Segmenter()
tagger = NewsNERTagger(NewsEmbedding())
spans = 0
for line in sys.stdin:
    doc = Doc(json.loads(line)["text"])
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    spans += len(doc.spans)
print(spans)
"""


def repeated(corpus: Path, n: int) -> Path:
    """The corpus's reports (id, text, lang, published) repeated to n lines, in benchmarks/out."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    OUT.mkdir(exist_ok=True)
    target = OUT / f"{corpus.stem}-x{n}.jsonl"
    with open(target, "w", encoding="utf-8") as handle:
        for index in range(n):
            row = rows[index % len(rows)]
            item = {k: row.get(k) for k in ("text", "lang", "published")}
            handle.write(json.dumps({"id": f"r{index}", **item}, ensure_ascii=False) + "\n")
    return target


def one_core() -> int:
    return max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0


def cpu_seconds(command: list[str], stdin: Path, core: int) -> tuple[float, str]:
    """Run `command` as a fresh process on one core, reading `stdin`: its CPU time (user +
    system, from the rusage of finished children) and what it printed."""

    def pin():
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {core})

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdin, "rb") as source:
        done = subprocess.run(command, stdin=source, capture_output=True, preexec_fn=pin)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed: {done.stderr.decode()[-2000:]}")
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, done.stdout.decode(errors="replace")


def natasha_installed() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import natasha"], capture_output=True)
    return probe.returncode == 0


def run(n: int, corpus: Path) -> dict:
    data = repeated(corpus, n)
    bytecode_compiled()
    core = one_core()
    env_python = [sys.executable]
    ours, theirs, claims, spans = [], [], 0, 0
    for _ in range(ROUNDS):
        seconds, out = cpu_seconds([*env_python, "-m", "skyledger", "extract"], data, core)
        ours.append(seconds)
        claims = sum(len(json.loads(line)["claims"]) for line in out.splitlines() if line)
        seconds, out = cpu_seconds([*env_python, "-c", NATASHA], data, core)
        theirs.append(seconds)
        spans = int(out.strip() or 0)
    skyledger_s, natasha_s = statistics.median(ours), statistics.median(theirs)
    return {
        "reports": n,
        "corpus": corpus.name,
        "rounds": ROUNDS,
        "core": core,
        "skyledger_cpu_s": round(skyledger_s, 2),
        "skyledger_claims": claims,
        "natasha_cpu_s": round(natasha_s, 2),
        "natasha_spans": spans,
        "speedup": round(natasha_s / skyledger_s, 2),
        "skyledger_rounds": [round(x, 2) for x in ours],
        "natasha_rounds": [round(x, 2) for x in theirs],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: no corpus at {args.corpus} (give one with --corpus)", file=sys.stderr)
        return 2
    if not natasha_installed():
        print('error: Natasha is not installed: pip install -e ".[bench]"', file=sys.stderr)
        return 2
    result = run(args.n, args.corpus)
    print(json.dumps(result))
    print(
        f"{result['reports']} reports of {result['corpus']}, whole process on one core, "
        f"median of {result['rounds']}: skyledger extract {result['skyledger_cpu_s']} s CPU "
        f"({result['skyledger_claims']} claims), Natasha NER {result['natasha_cpu_s']} s CPU "
        f"({result['natasha_spans']} spans): {result['speedup']}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
