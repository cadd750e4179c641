"""Claims of one bucket -> events: a pure function of the claims, whatever their order.

Inside a bucket (ledger day, claim type, weapon; see timing.py):

1. Area: a claim about a region (admin1) belongs to that region's events; a claim
   without admin1 is a total for its country (or for no single country), or, when it is a
   part of a total (a sea), lies in that total's area.
2. Time: claims with windows form one group per run of overlapping windows
   (windows that merely touch, 20:00-23:00 and 23:00-07:00, are two groups). A claim
   without a window joins the group nearest its publication time; with no windows
   at all the area has one group. Each (area, group) is one event.
3. Statements: a claimant's claims of one event in one report are one statement
   (report_figure gives its figures), leaving out a claim whose total is among them.
   Statements of the same claimant (see claimants.py), region and figures in
   different reports are one statement cited by several reports (reposts, quotes,
   translations), and are counted once.
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
    model: str | None = None
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
    review_status: str = "unreviewed"  # see skyledger.review

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
    """One claimant's statement: the claims of its first report that its figures come from
    (`parts`), and every claim that carries it (`facts`: those parts, any parts of a total
    among them, then the repeats in later reports), first publication first."""

    facts: list[Fact]
    parts: list[Fact]
    agrees: bool = True
    superseded: bool = False

    @property
    def lead(self) -> Fact:
        return self.parts[0]

    @property
    def report_hashes(self) -> set[str]:
        return {fact.report_hash for fact in self.facts}

    # The figures come from `parts`, which never change once the statement is made
    # (repeats only add to `facts`): each is worked out once, however often compared.
    count: int | None = field(init=False)
    killed: int | None = field(init=False)
    injured: int | None = field(init=False)

    def __post_init__(self) -> None:
        self.count, self.killed, self.injured = report_figures(self.parts)

    @property
    def figures(self) -> tuple[int | None, int | None, int | None]:
        return self.count, self.killed, self.injured


def report_figures(parts: list[Fact]) -> tuple[int | None, int | None, int | None]:
    """Count, killed and injured of one claimant in one report (see `report_figure`)."""
    if len(parts) == 1:  # most statements: one claim, its own figures
        fact = parts[0]
        return fact.count, fact.killed, fact.injured
    return (
        report_figure(parts, lambda f: f.count),
        report_figure(parts, lambda f: f.killed),
        report_figure(parts, lambda f: f.injured),
    )


def report_figure(parts: list[Fact], value: Callable[[Fact], int | None]) -> int | None:
    """One claimant's figure in one report, from its claims in report order.

    Claims naming different models add up (4 Shaheds and 1 Gerbera hit the region: 5);
    claims naming the same model, or none, restate or update one figure, and the last
    stands ("at least five bombs", then "at least ten KABs"). The figure is the larger of
    the per-model sum and the last figure without a model, so that a total restated
    beside its parts is never added to them.
    """
    by_model: dict[str, int] = {}
    untyped = None
    for fact in parts:
        figure = value(fact)
        if figure is None:
            continue
        if fact.model:
            by_model[fact.model] = figure
        else:
            untyped = figure
    known = [x for x in (sum(by_model.values()) if by_model else None, untyped) if x is not None]
    return max(known) if known else None


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


def areas_of(facts: Sequence[Fact]) -> dict[int, str]:
    """Each fact's area; a part with no region of its own (a sea: "3 — над акваторией
    Азовского моря") lies in its total's, within which its figure is counted."""
    by_id = {fact.claim_id: fact for fact in facts}
    areas = {}
    for fact in facts:
        parent = by_id.get(fact.parent_claim_id) if fact.admin1 is None else None
        areas[id(fact)] = area_of(parent if parent is not None else fact)
    return areas


def build_events(bucket: str, facts: Sequence[Fact]) -> list[EventDraft]:
    """Every event of one bucket, sorted by key."""
    by_area: dict[str, list[Fact]] = defaultdict(list)
    areas = areas_of(facts)
    for fact in sorted(facts, key=lambda f: f.order):
        by_area[areas[id(fact)]].append(fact)
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


def report_statements(facts: list[Fact]) -> list[Statement]:
    """Each claimant's claims in each report as one statement, in publication order; a claim
    whose total is among them is cited, not counted."""
    if len(facts) == 1:
        return [Statement(facts=list(facts), parts=list(facts))]
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        groups.setdefault((fact.report_hash, fact.who), []).append(fact)
    statements = []
    for group in groups.values():
        ids = {fact.claim_id for fact in group}
        parts = [fact for fact in group if fact.parent_claim_id not in ids]
        statements.append(Statement(facts=list(group), parts=parts or group[:1]))
    return statements


def repeat_key(statement: Statement) -> tuple:
    """What a repeat of a statement shares with it: claimant, region and figures."""
    return (statement.lead.who, statement.lead.admin1, statement.figures)


def merge_repeats(facts: list[Fact]) -> list[Statement]:
    """Group repeats of one statement; two claims of one report are never two statements.

    Each statement joins the first one before it with its key (`repeat_key`) that no report
    of its own carries; looked up by key, so a bucket of many statements is one pass, not a
    comparison of every pair."""
    candidates = report_statements(facts)
    if len(candidates) == 1:  # most events: nothing to group
        return candidates
    statements: list[Statement] = []
    alike: dict[tuple, list[tuple[Statement, set[str]]]] = defaultdict(list)
    for candidate in candidates:
        hashes = candidate.report_hashes
        earlier = alike[repeat_key(candidate)]
        for statement, carried in earlier:
            if not carried & hashes:
                statement.facts.extend(candidate.facts)
                carried |= hashes
                break
        else:
            statements.append(candidate)
            earlier.append((candidate, hashes))
    return statements


def standing(
    statements: list[Statement], value: Callable[[Statement], int | None]
) -> dict[str, Statement]:
    """Each claimant's latest statement that gives this figure."""
    latest: dict[str, Statement] = {}
    for statement in statements:  # in publication order, so later ones replace earlier
        if value(statement) is not None:
            latest[statement.lead.who] = statement
    return latest


FIGURES: dict[str, Callable[[Statement], int | None]] = {
    "count": lambda s: s.count,
    "killed": lambda s: s.killed,
    "injured": lambda s: s.injured,
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
    if len(statements) == 1:  # most events: one statement, its figures standing alone
        only = statements[0]
        draft.low = draft.best = draft.high = only.count
        draft.killed, draft.injured = only.killed, only.injured
    else:
        figure_statements(draft, statements)
    spans = [f.span for f in facts if f.span]
    if spans:
        draft.window_start = min(s[0] for s in spans)
        draft.window_end = max(s[1] for s in spans)
    published = [f.published for f in facts if f.published]
    draft.first_reported = min(published) if published else None
    return draft


def figure_statements(draft: EventDraft, statements: list[Statement]) -> None:
    """The event's figures from its claimants' standing statements, and each statement
    marked as agreeing with the best figure or not, and as superseded or standing."""
    bests: dict[str, int | None] = {}
    for name, value in FIGURES.items():
        current = standing(statements, value)
        figures = figure_range([value(s) for s in current.values()])
        bests[name] = figures.best
        draft.conflict = draft.conflict or figures.conflict
        if name == "count":
            draft.low, draft.best, draft.high = figures.low, figures.best, figures.high
        for statement in statements:
            own = value(statement)
            if own is None:
                continue
            statement.agrees = statement.agrees and own == figures.best
            statement.superseded = (
                statement.superseded or current[statement.lead.who] is not statement
            )
    draft.killed, draft.injured = bests["killed"], bests["injured"]


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
