"""Claims of one bucket -> events: a pure function of the claims, whatever their order.

Inside a bucket (ledger day, claim type, weapon; see timing.py):

1. Area: a claim about a region (admin1) belongs to that region's events; a claim
   without admin1 is a total for its country (or for no single country).
2. Time: claims with windows form one group per run of overlapping windows
   (windows that merely touch, 20:00-23:00 and 23:00-07:00, are two groups). A claim
   without a window joins the group nearest its publication time; with no windows
   at all the area has one group. Each (area, group) is one event.
3. Repeats: claims of one event with the same claimant (see claimants.py), region,
   count and casualty figures, from different reports, are one statement cited by
   several reports (reposts, quotes, translations), and are counted once.
4. Parents: a region's event has as parent the event of the total its claims belong
   to (the claim's parent); failing that, the only total event of its country in
   the bucket, since the region lies inside that total's area.

Event keys are built from content (bucket, area, first window start), never from
insertion order, so the same claims give the same events in any order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from skyledger.reconcile.claimants import claimant_key
from skyledger.reconcile.figures import figure_range

NO_WINDOW = "*"


@dataclass(frozen=True)
class Fact:
    """One stored claim with what reconciliation needs of its report."""

    claim_id: int
    report_hash: str
    seq: int
    claim_type: str
    weapon: str | None = None
    claimant: str | None = None
    country: str | None = None
    admin1: str | None = None
    count: int | None = None
    count_qualifier: str = "unspecified"
    killed: int | None = None
    injured: int | None = None
    window_start: datetime | None = None
    window_end: datetime | None = None
    published: datetime | None = None
    parent_claim_id: int | None = None
    report_id: int | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None

    @property
    def order(self) -> tuple:
        """Content order: earliest published first, undated last, then by report and position."""
        stamp = self.published.timestamp() if self.published else float("inf")
        return (stamp, self.report_hash, self.seq)

    @property
    def who(self) -> str:
        return claimant_key(self.claimant)

    @property
    def span(self) -> tuple[datetime, datetime] | None:
        start, end = self.window_start or self.window_end, self.window_end or self.window_start
        return (start, end) if start else None


@dataclass
class Statement:
    """One claimant's statement and every report that carries it, first publication first."""

    facts: list[Fact]
    agrees: bool = True
    superseded: bool = False

    @property
    def lead(self) -> Fact:
        return self.facts[0]


@dataclass
class EventDraft:
    key: str
    bucket: str
    claim_type: str
    weapon: str | None
    country: str | None
    admin1: str | None
    statements: list[Statement]
    low: int | None = None
    best: int | None = None
    high: int | None = None
    conflict: bool = False
    killed: int | None = None
    injured: int | None = None
    window_start: datetime | None = None
    window_end: datetime | None = None
    first_reported: datetime | None = None
    parent_key: str | None = None
    facts: list[Fact] = field(default_factory=list)


def area_of(fact: Fact) -> str:
    return fact.admin1 or f"total:{fact.country or '-'}"


def build_events(bucket: str, facts: Sequence[Fact]) -> list[EventDraft]:
    """Every event of one bucket, sorted by key."""
    by_area: dict[str, list[Fact]] = defaultdict(list)
    for fact in sorted(facts, key=lambda f: f.order):
        by_area[area_of(fact)].append(fact)
    drafts = [
        make_event(bucket, area, tag, group)
        for area in sorted(by_area)
        for tag, group in window_groups(by_area[area])
    ]
    link_parents(drafts)
    return sorted(drafts, key=lambda d: d.key)


def window_groups(facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """(tag, facts) per run of overlapping windows; untimed facts join the nearest run."""
    timed = sorted((f for f in facts if f.span), key=lambda f: (f.span, f.order))
    runs: list[tuple[datetime, datetime, list[Fact]]] = []
    for fact in timed:
        start, end = fact.span
        if runs and start < runs[-1][1]:
            run_start, run_end, members = runs[-1]
            runs[-1] = (run_start, max(run_end, end), [*members, fact])
        else:
            runs.append((start, end, [fact]))
    untimed = [f for f in facts if not f.span]
    if not runs:
        return [(NO_WINDOW, untimed)]
    for fact in untimed:
        nearest = min(range(len(runs)), key=lambda i: (_distance(fact.published, runs[i]), i))
        runs[nearest][2].append(fact)
    return [
        (start.strftime("%Y%m%dT%H%MZ"), sorted(members, key=lambda f: f.order))
        for start, _, members in runs
    ]


def _distance(moment: datetime | None, run: tuple[datetime, datetime, list]) -> timedelta:
    if moment is None:
        return timedelta(0)
    start, end, _ = run
    if start <= moment <= end:
        return timedelta(0)
    return min(abs(moment - start), abs(moment - end))


def same_statement(a: Fact, b: Fact) -> bool:
    return (
        a.who == b.who
        and a.admin1 == b.admin1
        and a.count == b.count
        and a.killed == b.killed
        and a.injured == b.injured
        and a.report_hash != b.report_hash
    )


def merge_repeats(facts: list[Fact]) -> list[Statement]:
    """Group repeats of one statement; two claims of one report are never one statement."""
    statements: list[Statement] = []
    for fact in facts:
        for statement in statements:
            if all(same_statement(other, fact) for other in statement.facts):
                statement.facts.append(fact)
                break
        else:
            statements.append(Statement([fact]))
    return statements


def standing(
    statements: list[Statement], value: Callable[[Fact], int | None]
) -> dict[str, Statement]:
    """Each claimant's latest statement that gives this figure."""
    latest: dict[str, Statement] = {}
    for statement in statements:  # in publication order, so later ones replace earlier
        if value(statement.lead) is not None:
            latest[statement.lead.who] = statement
    return latest


FIGURES: dict[str, Callable[[Fact], int | None]] = {
    "count": lambda f: f.count,
    "killed": lambda f: f.killed,
    "injured": lambda f: f.injured,
}


def make_event(bucket: str, area: str, tag: str, facts: list[Fact]) -> EventDraft:
    lead = facts[0]
    admin1 = lead.admin1
    country = admin1.split("-")[0] if admin1 else lead.country
    statements = merge_repeats(facts)
    draft = EventDraft(
        key=f"{bucket}|{area}|{tag}",
        bucket=bucket,
        claim_type=lead.claim_type,
        weapon=lead.weapon,
        country=country,
        admin1=admin1,
        statements=statements,
        facts=facts,
    )
    bests: dict[str, int | None] = {}
    for name, value in FIGURES.items():
        current = standing(statements, value)
        figures = figure_range([value(s.lead) for s in current.values()])
        bests[name] = figures.best
        draft.conflict = draft.conflict or figures.conflict
        if name == "count":
            draft.low, draft.best, draft.high = figures.low, figures.best, figures.high
        for statement in statements:
            own = value(statement.lead)
            if own is None:
                continue
            statement.agrees = statement.agrees and own == figures.best
            statement.superseded = (
                statement.superseded or current[statement.lead.who] is not statement
            )
    draft.killed, draft.injured = bests["killed"], bests["injured"]
    spans = [f.span for f in facts if f.span]
    if spans:
        draft.window_start = min(s[0] for s in spans)
        draft.window_end = max(s[1] for s in spans)
    published = [f.published for f in facts if f.published]
    draft.first_reported = min(published) if published else None
    return draft


def link_parents(drafts: list[EventDraft]) -> None:
    event_of_claim = {fact.claim_id: draft.key for draft in drafts for fact in draft.facts}
    for draft in drafts:
        if draft.admin1 is None:
            continue
        explicit = sorted(
            {
                event_of_claim[f.parent_claim_id]
                for f in draft.facts
                if f.parent_claim_id in event_of_claim
            }
            - {draft.key}
        )
        if explicit:
            draft.parent_key = explicit[0]
            continue
        totals = [d.key for d in drafts if d.admin1 is None and d.country == draft.country]
        if len(totals) == 1:
            draft.parent_key = totals[0]
