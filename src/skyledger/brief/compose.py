"""What a briefing says, as plain data: the lead, disagreements, days, who said what, notes.

The templates in `templates/` turn this into Markdown or HTML; no wording decision
about figures is taken there beyond joining the parts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import Engine, select

from skyledger.brief import wording
from skyledger.reconcile import event_rows, events_by_id, reports_carrying
from skyledger.reconcile.claimants import claimant_key
from skyledger.reconcile.timing import bucket_day
from skyledger.store.schema import claims, reports
from skyledger.untrusted import printable, safe_url

QUOTE_LANGS = ("ru", "uk")
MAX_QUOTE = 300


def brief_context(engine: Engine, day: date | None = None, area: str | None = None) -> dict:
    """A briefing for a reader: a lead paragraph, the disagreements first, then one line
    per day and claim with the claimants' figures side by side, undated claims last."""
    events = event_rows(engine, area=area, day=day)
    in_scope = {e["id"] for e in events}
    parents = events_by_id(
        engine, sorted({e["parent"] for e in events if e["parent"] and e["parent"] not in in_scope})
    )
    quotes = claim_quotes(
        engine,
        [c["claim_id"] for e in events + parents for s in e["claims"] for c in s["citations"]],
    )
    notes = Notes(quotes)
    children: dict[int, list[dict]] = {}
    for event in events:
        if event["parent"]:
            children.setdefault(event["parent"], []).append(event)

    def line(event: dict) -> dict:
        if event["admin1"]:
            return item(event, notes)
        return total_item(event, children.get(event["id"], []), notes)

    # Footnotes are numbered in reading order: disagreements, days, undated, context.
    ordered = sorted(events, key=lambda e: (bucket_day(e["key"]) is None, e["key"]))
    conflicts = [line(e) for e in ordered if e["conflict"]]
    days: dict[str, list[dict]] = {}
    undated = []
    for event in ordered:
        if event["conflict"]:
            continue
        if bucket_day(event["key"]) is None:
            undated.append(line(event))
        else:
            days.setdefault(bucket_day(event["key"]).isoformat(), []).append(line(event))
    context_totals = [
        total_item(p, [c for c in events if c["parent"] == p["id"]], notes) for p in parents
    ]
    scope_area = (
        wording.area_name(area, area) if area and len(area) > 2 else wording.area_name(None, area)
    )
    return {
        "area": scope_area if area else None,
        "day": day.isoformat() if day else None,
        "reports": len(
            {c["report_id"] for e in events for s in e["claims"] for c in s["citations"]}
        ),
        "lead": lead(events, conflicts),
        "conflicts": conflicts,
        "days": [{"day": d, "lines": lines} for d, lines in days.items()],
        "undated": undated,
        "context_totals": context_totals,
        "notes": notes.items,
        "articles": notes.articles,
    }


def latest_day(engine: Engine, area: str | None = None) -> date | None:
    """The newest ledger day with an event (in `area`), or None when every one is undated."""
    days = [bucket_day(e["key"]) for e in event_rows(engine, area=area)]
    return max((d for d in days if d is not None), default=None)


LARGEST = 3  # figures named in the lead


def lead(events: list[dict], conflicts: list[dict]) -> dict:
    """What the lead paragraph says: who claimed, over which days, the largest figures, and
    how many events the claimants disagree on (their lines follow)."""
    # one entry per canonical claimant ("Governor of Kaluga Oblast" with or without its
    # holder), under its most used name, the more specific one on a tie
    names: dict[str, Counter] = defaultdict(Counter)
    for event in events:
        for statement in event["claims"]:
            names[claimant_key(statement["claimant"])][statement["claimant_name"]] += 1
    claimants = {
        max(used, key=lambda name: (used[name], len(name))): used.total() for used in names.values()
    }
    days = sorted({d for e in events if (d := bucket_day(e["key"])) is not None})
    # a part of a total that is itself listed is not a figure of its own; a part whose
    # total lies outside the briefing's area is that area's figure
    listed = {e["id"] for e in events}
    counted = [
        (statement["count"], event, statement)
        for event in events
        if event["claim_type"] != "casualties" and event["parent"] not in listed
        for statement in event["claims"]
        if statement["count"] is not None and not statement["superseded"]
    ]
    counted.sort(key=lambda entry: (-entry[0], entry[1]["key"]))
    largest, seen = [], set()
    for count, event, statement in counted:
        if event["id"] in seen:
            continue  # an event's largest figure only; a disagreement is told below
        seen.add(event["id"])
        largest.append(
            {
                "phrase": wording.claim_phrase(
                    event["claim_type"], event["weapon"], count, _area(event)
                ),
                "who": wording.claimant_in_sentence(statement["claimant_name"], first=False),
                "day": wording.day_label(bucket_day(event["key"])),
            }
        )
        if len(largest) == LARGEST:
            break
    ranked = sorted(claimants, key=lambda name: (-claimants[name], name))
    return {
        "claims": sum(claimants.values()),
        "events": len(events),
        "claimants": [wording.claimant_in_sentence(name, first=False) for name in ranked],
        "first_day": days[0].isoformat() if days else None,
        "last_day": days[-1].isoformat() if days else None,
        "undated": sum(1 for e in events if bucket_day(e["key"]) is None),
        "largest": largest,
        "disagreements": len(conflicts),
    }


class Notes:
    """Footnotes, one a statement, numbered in the order the briefing cites them, and the
    articles they cite: each article once, by its outlet's name and address."""

    def __init__(self, quotes: dict[int, dict]):
        self.quotes = quotes
        self.items: list[dict] = []
        self.number: dict[int, int] = {}
        self.articles: list[dict] = []
        self.article_number: dict[int, int] = {}

    def article(self, citation: dict) -> int:
        """The number of the article (report) a citation points to, listed on first use."""
        report = citation["report_id"]
        if report not in self.article_number:
            self.article_number[report] = len(self.articles) + 1
            self.articles.append(
                {
                    "n": self.article_number[report],
                    "source": printable(citation.get("source") or "unnamed source", one_line=True),
                    "url": safe_url(citation.get("url")),
                    "day": (citation.get("published") or "")[:10] or None,
                }
            )
        return self.article_number[report]

    def ref(self, statement: dict) -> int:
        lead = statement["claim_id"]
        if lead not in self.number:
            self.number[lead] = len(self.items) + 1
            self.items.append(
                {
                    "n": self.number[lead],
                    "claimant": statement["claimant_name"],
                    "wording": statement["claimant"]
                    if statement["claimant"] != statement["claimant_name"]
                    else None,
                    "claim_ids": [c["claim_id"] for c in statement["citations"]],
                    "articles": [self.article(c) for c in _one_per_report(statement["citations"])],
                    "quote": self.quote(statement),
                }
            )
        return self.number[lead]

    def quote(self, statement: dict) -> dict | None:
        """The claimant's own Russian or Ukrainian wording, when a citation has it."""
        for citation in statement["citations"]:
            found = self.quotes.get(citation["claim_id"])
            if found and found["lang"] in QUOTE_LANGS:
                return found
        return None


def _one_per_report(citations: list[dict]) -> list[dict]:
    """A statement's parts share their report: cite it once."""
    first: dict = {}
    for citation in citations:
        first.setdefault(citation["report_id"], citation)
    return list(first.values())


def claim_quotes(engine: Engine, claim_ids: list[int]) -> dict[int, dict]:
    """Claim id -> the evidence span's text and its language."""
    found: dict[int, dict] = {}
    query = select(claims.c.id, claims.c.evidence, reports.c.text, reports.c.lang).join(reports)
    with engine.connect() as conn:
        for start in range(0, len(claim_ids), 500):
            chunk = claim_ids[start : start + 500]
            for row in conn.execute(query.where(claims.c.id.in_(chunk))):
                span = (row.evidence or {}).get("claim")
                if span:
                    text = " ".join(row.text[span[0] : span[1]].split())
                    found[row.id] = {
                        "text": text[:MAX_QUOTE],
                        "lang": row.lang,
                        "language": wording.language_name(row.lang),
                    }
    return found


def _area(event: dict) -> str:
    return wording.area_name(event["admin1"], event["country"])


def figure_of(event: dict, statement: dict) -> str | None:
    if event["claim_type"] == "casualties":
        if statement["killed"] is None and statement["injured"] is None:
            return None
        return wording.casualty_figure(statement["killed"], statement["injured"]) or "none"
    return None if statement["count"] is None else str(statement["count"])


def phrase_of(event: dict, statement: dict) -> str:
    if event["claim_type"] == "casualties" and figure_of(event, statement) is not None:
        return wording.casualty_phrase(statement["killed"], statement["injured"], _area(event))
    return wording.claim_phrase(
        event["claim_type"], event["weapon"], statement["count"], _area(event)
    )


def item(event: dict, notes: Notes) -> dict:
    """Who said what about one event: the first claimant's full phrase, then the others'."""
    standing = [s for s in event["claims"] if not s["superseded"]]
    earlier = [s for s in event["claims"] if s["superseded"]]
    first_figure = figure_of(event, standing[0]) if standing else None
    said = []
    for index, statement in enumerate(standing):
        figure = figure_of(event, statement)
        said.append(
            {
                "who": wording.claimant_in_sentence(statement["claimant_name"], first=index == 0),
                "claimant": wording.claimant_in_sentence(statement["claimant_name"], first=False),
                "phrase": phrase_of(event, statement),
                "figure": figure,
                "same": index > 0 and figure is not None and figure == first_figure,
                "note": notes.ref(statement),
                "quote": notes.quote(statement),
                "repeats": reports_carrying(statement),
                "earlier": [
                    {"figure": figure_of(event, old), "note": notes.ref(old)}
                    for old in earlier
                    if claimant_key(old["claimant"]) == claimant_key(statement["claimant"])
                ],
            }
        )
    return {
        "title": wording.claim_phrase(
            event["claim_type"], event["weapon"], None, _area(event), "title"
        ),
        "day": wording.day_label(bucket_day(event["key"])),
        "claim_type": event["claim_type"],
        "conflict": event["conflict"],
        "said": said,
        "parts": [],  # a total's per-region figures (total_item)
    }


def total_item(event: dict, parts: list[dict], notes: Notes) -> dict:
    """A total with its per-region parts, as its claimants broke it down."""
    entry = item(event, notes)
    entry["parts"] = [
        {
            "area": _area(part),
            "figures": [
                {"figure": figure_of(part, s), "note": notes.ref(s)}
                for s in part["claims"]
                if not s["superseded"] and claimant_key(s["claimant"]) in _claimants(event)
            ],
        }
        for part in sorted(parts, key=lambda p: (-(p["best"] or 0), _area(p)))
    ]
    entry["parts"] = [part for part in entry["parts"] if part["figures"]]
    return entry


def _claimants(event: dict) -> set[str]:
    return {claimant_key(s["claimant"]) for s in event["claims"]}
