"""What carries from sentence to sentence: headers, frames, negation, exercises, vague repeats.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

from skyledger.extract import (
    constructions,
)
from skyledger.extract.mentions import (
    Draft,
    Item,
)
from skyledger.extract.restatements import (
    same_voice,
)
from skyledger.extract.rule_patterns import (
    ALL_OF_THEM,
    COUNT_TYPES,
)
from skyledger.extract.sentences import Sentence


class Frames:
    """What carries from sentence to sentence: headers, frames, negation, exercises, vague repeats."""

    def quiet(self, sentence: Sentence) -> bool:
        """Nothing here can make a claim: no number, weapon, cue, person or "all of them"."""
        m = self.m
        if m.numbers or m.weapons or m.types or m.no_casualties or m.people or m.models:
            return False
        lowered = sentence.text.lower()
        return not (
            ("они" in lowered or "all of" in lowered)
            and ALL_OF_THEM.search(self.text, sentence.start, sentence.end)
        )

    def tells_explosions(self, sentence: Sentence) -> bool:
        """Explosions heard somewhere ("В Луцке прогремели взрывы", "Explosions rocked Lutsk"):
        the place it names frames the claims told after it."""
        explosions = self.lex.explosions
        return explosions is not None and explosions.search(self.text, sentence.start, sentence.end)

    def drop_exercise_launches(self) -> None:
        """Launches and impacts told from a test launch or an exercise on, within its paragraph,
        are no attack ("a test launch ... the missile was fired from a silo ... it landed")."""
        if not self.all.exercises:
            return
        first = {}  # paragraph -> where its first mention of a test or an exercise starts
        for start, _end in self.all.exercises:
            sentence = next((s for s in self.sentences if start < s.end), self.sentences[-1])
            first.setdefault(sentence.paragraph, sentence.start)
        self.drafts = [
            d
            for d in self.drafts
            if not (
                d.claim_type in ("launched", "hit")
                and d.sentence.start >= first.get(d.sentence.paragraph, len(self.text))
            )
        ]

    def without_vague_repeats(self) -> list[Draft]:
        """A null-count claim repeats a counted one of the same type and weapon (headline "drones downed")."""
        kept = []
        for draft in self.drafts:
            if (
                draft.count is None
                and draft.claim_type in ("destroyed", "launched")
                and any(
                    other.count is not None
                    and other.claim_type == draft.claim_type
                    and other.weapon == draft.weapon
                    and (draft.admin1 is None or other.admin1 == draft.admin1)
                    for other in self.drafts
                )
            ):
                continue
            kept.append(draft)
        return kept

    def without_unplaced_repeats(self) -> list[Draft]:
        """A figure told with its region and again with none (a headline "сбили над Севастополем
        четыре ракеты", then "четыре ракеты были сбиты"; "a drone was downed over X ... the
        drone was jammed"): one claim, the placed one. A total with parts is no repeat."""
        kept = self.without_vague_repeats()
        parents = {id(d.parent) for d in kept if d.parent is not None}
        placed = [d for d in kept if d.admin1 is not None and d.count is not None]
        return [
            d
            for d in kept
            if not (
                d.count is not None
                and d.admin1 is None
                and d.sea is None
                and d.parent is None
                and id(d) not in parents
                and any(
                    (o.claim_type, o.weapon, o.count) == (d.claim_type, d.weapon, d.count)
                    and (None in (o.model, d.model) or o.model == d.model)
                    and same_voice(o.claimant, d.claimant)
                    for o in placed
                )
            )
        ]

    def sentence_has_type(self, sentence: Sentence) -> bool:
        return any(
            sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES for t in self.m.types
        )

    def close_header(self, pending) -> None:
        """A list of per-region lines under a header with no total: the total is their sum."""
        sentence, claimant, lines = pending
        lines = [
            d
            for d in lines
            if d.parent is None
            and d.count is not None
            and ("admin1" in d.evidence or "sea" in d.evidence)
        ]
        if len(lines) < 2:
            return
        first = lines[0]
        total = Draft(
            first.claim_type,
            first.weapon,
            sum(d.count for d in lines),
            "exact",
            None,
            sentence,
            claimant,
        )
        total.model, total.is_total, total.confidence = first.model, True, 0.7
        total.evidence = {"claim": (sentence.start, lines[-1].sentence.end)}
        position = self.drafts.index(first)
        self.drafts.insert(position, total)
        for draft in lines:
            draft.parent = total

    def update_frame(self, sentence: Sentence, items: list[Item]) -> None:
        for item in items:
            if item.claim_type:
                self.frame_type = item.claim_type
            if item.weapon:
                self.frame_weapon = (item.weapon, item.model)
        if items and all(item.count is None for item in items):
            weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
            # "дронами та артилерією": what follows mixes them ("Все они уничтожены": none named)
            if weapons and self.means_of(weapons) == "other":
                self.frame_weapon = ("other", None)
        if not items:
            cues = [
                t
                for t in self.m.types
                if sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES
            ]
            if cues:
                self.frame_type = cues[-1][0]
            weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
            if weapons:
                self.frame_weapon = (self.means_of(weapons), None)
        if self.mixed_means(sentence) and not any(i.count_span for i in items):
            self.frame_weapon = ("other", None)
        regions = [r for r in self.m.regions if sentence.start <= r.start < sentence.end]
        if len({r.code for r in regions}) == 1:
            self.frame_region, self.frame_end = regions[0].code, sentence.end

    def negated(self, item: Item, sentence: Sentence) -> bool:
        return self.negated_at(item.start, sentence)

    def negated_at(self, position: int, sentence: Sentence) -> bool:
        """A plan, a threat, production or a denial in the clause around `position`, or an
        assessment or aid to come ("комиссия оценит"); or a request or advice before it
        ("просят не подходить к обломкам")."""
        left, right = self.clause_bounds(position, sentence)
        if any(left <= s < right for s, _e in self.m.negation):
            return True
        if constructions.lost_in_clause(
            self.text, left, right, self.lex.lang, position, self.m.numbers
        ):
            return True
        requested = any(left <= s and e <= position for s, e in self.places.requests)
        return requested or any(left <= s < right for s, _e in self.places.assessments)
