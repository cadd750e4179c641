"""People killed and injured: figures, tolls, 'no one was hurt'.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

from skyledger.extract.casualty_words import killed_only
from skyledger.extract.mentions import (
    overlaps,
)
from skyledger.extract.morph import is_plural, parse
from skyledger.extract.rule_patterns import (
    AGE,
    AND_GAP,
    DASH_GAP,
    NEXT_WORD,
    NOT_WEAPON_UNIT,
    PREDICATE_GAP,
    WORD_AFTER,
    WORD_AHEAD,
    WORD_BEFORE,
)
from skyledger.extract.sentences import Sentence


class CasualtyFigures:
    """People killed and injured: figures, tolls, 'no one was hurt'."""

    def casualty_figures(self, sentence: Sentence, no_cas):
        start, end = sentence.start, sentence.end
        cues = [
            (t[0], t[1], t[2])
            for t in self.m.types
            if start <= t[1] < end
            and t[0] in ("killed", "injured")
            and not overlaps((t[1], t[2]), no_cas)
        ]
        if not cues and not no_cas:
            return None, None, {}  # figures alone, with no cue, are no casualties
        figures = []
        for age in AGE.finditer(self.text, start, end):
            figures.append((age.start(), age.end(), 1))
        age_spans = [(f[0], self.word_after_end(f[1])) for f in figures]  # "62-річний чоловік"
        for p_start, p_end, kind in self.m.people:
            if (
                not (start <= p_start < end)
                or overlaps((p_start, p_end), age_spans)
                or overlaps((p_start, p_end), no_cas)
            ):
                continue
            number = max(  # the nearest number before the noun ("62-річний чоловік, ще троє людей")
                (n for n in self.m.numbers if 0 <= p_start - n.end <= 25 and n.start >= start),
                key=lambda n: n.end,
                default=None,
            )
            if number is not None:
                between = self.text[number.end : p_start]
                if self.part_of_people(number):
                    continue  # "one of the victims was hospitalised": some of those counted
                if len(between.split()) <= 2:
                    figures.append((number.start, p_end, number.value))
                    continue
            word = self.text[p_start:p_end]
            if kind == "single" and self.single_person(word, p_end, p_start):
                figures.append((p_start, p_end, 1))
        direct = []
        for cue_kind, c_start, c_end in cues:
            number = next(
                (
                    n
                    for n in self.m.numbers
                    if n.start >= start
                    and (
                        0 <= c_start - n.end <= 2
                        and not self.text[n.end : c_start].strip()  # "троє, поранених": not theirs
                        or self.lex.count_aux is not None  # "three were injured"
                        and 0 <= c_start - n.end <= 20
                        and self.lex.count_aux.match(self.text, n.end, c_start)
                    )
                ),
                None,
            )
            again = number is not None and self.lex.again.search(
                self.text, max(start, number.start - 12), number.start
            )
            if number is not None and not again:  # "ещё трое ранены": more people, added below
                direct.append((number.start, c_end, number.value, cue_kind))
            elif number is None and (dashed := self.dashed_figure(c_start, c_end, start, end)):
                direct.append((*dashed, cue_kind))  # "поранених — семеро", "ще 5 — поранені"
            elif number is None and self.lex.toll_rose is not None:
                risen = self.toll_figure(c_end, end)
                if risen is not None:  # "кількість загиблих … зросла до 14"
                    direct.append((c_start, risen.end, risen.value, cue_kind))
        for _kind, _start, c_end in cues:
            number = next((n for n in self.m.numbers if 0 <= n.start - c_end <= 2), None)
            if number is not None and not any(f[0] <= number.start < f[1] for f in figures):
                rest = self.text[number.end : number.end + 20]
                # "injuring 3.", "поранено трьох.", "загинули двоє і ...": a bare count ending
                # its clause or joining the next is of people
                if not NOT_WEAPON_UNIT.match(rest) and (
                    not WORD_AHEAD.match(rest) or self.lex.count_ends.match(rest)
                ):
                    figures.append((number.start, number.end, number.value))
        killed = injured = None
        evidence: dict = {}
        for f_start, f_end, value, cue_kind in direct:
            if cue_kind == "killed":
                killed = (killed or 0) + value
            else:
                injured = (injured or 0) + value
            evidence[cue_kind] = (f_start, f_end)
            evidence["claim_type"] = (f_start, f_end)
        taken = [(d[0], d[1]) for d in direct]
        figures = [f for f in figures if not overlaps((f[0], f[1]), taken)]
        more = self.more_people(sentence, cues, taken + [(f[0], f[1]) for f in figures])
        figures += [(f_start, f_end, value) for f_start, f_end, value, _again in more]
        ages = {(f[0], f[1]) for f in figures if AGE.match(self.text, f[0])}
        ages |= {(f[0], f[1]) for f in more if f[3]}  # "ещё трое": added, like each aged person
        claimed = set()  # cues that a figure of their own clause took
        for f_start, f_end, value in figures:
            if not cues:
                break
            left, right = self.clause_bounds(f_start, sentence)
            preceding = [c for c in cues if c[2] <= f_start and f_start - c[2] <= 60]
            own_before = [c for c in preceding if c[1] >= left]
            own_after = [
                c for c in cues if f_end <= c[1] < right
            ]  # "ще троє людей дістали поранення"
            if own_before and own_after:  # the nearer: "killed ... and 17 others were injured"
                before, after = own_before[-1], own_after[0]
                cue = before if f_start - before[2] <= after[1] - f_end else after
                if self.opens_clause_of(after, before, f_start, f_end):
                    cue = after
            elif own_before:
                cue = own_before[-1]
            elif own_after:
                cue = own_after[0]
            elif preceding:
                cue = preceding[-1]
            else:
                cue = min(cues, key=lambda c: abs(c[1] - f_end))
            if own_before or own_after:
                claimed.add(cue)
            elif cue in claimed:
                # "two people injured, ..., 10,000 residents without power": people of another
                # clause, when the cue's own clause gave its figure, are not the harmed
                continue
            add = (
                (lambda a, b: (a or 0) + b)
                if (f_start, f_end) in ages
                else (lambda a, b: max(a or 0, b))
            )
            if cue[0] == "killed":
                killed = add(killed, value)
                evidence["killed"] = (f_start, f_end)
            else:
                injured = add(injured, value)
                evidence["injured"] = (f_start, f_end)
            evidence["claim_type"] = (cue[1], cue[2])
        if killed is None and injured is None and no_cas:
            deaths_only = all(killed_only(self.lex.hurt_words, self.text, s, e) for s, e in no_cas)
            killed, injured = 0, (None if deaths_only else 0)
            evidence["claim_type"] = no_cas[0]
            evidence["killed"] = no_cas[0]
        return killed, injured, evidence

    def opens_clause_of(self, after, before, f_start: int, f_end: int) -> bool:
        """ "One person was killed and three people were injured", "один человек погиб и три
        человека получили ранения": a figure right after "and" with its own predicate after
        it is that predicate's, however near the cue before it stands."""
        return bool(
            AND_GAP.search(self.text, before[2], f_start)
            and PREDICATE_GAP.fullmatch(self.text, f_end, after[1])
        )

    def dashed_figure(self, cue_start: int, cue_end: int, start: int, end: int):
        """A figure set off from its casualty word by a dash, on either side: "поранених —
        семеро", "ще 5 — поранені". (span start, span end, value), or None."""
        for number in self.m.numbers:
            if start <= number.start and number.end <= cue_start:
                if DASH_GAP.fullmatch(self.text, number.end, cue_start):
                    return number.start, cue_end, number.value
            elif cue_end <= number.start < end:
                if DASH_GAP.fullmatch(self.text, cue_end, number.start):
                    return cue_start, number.end, number.value
                return None
        return None

    def toll_figure(self, cue_end: int, end: int):
        """The number a toll rose to, in the cue's clause: "кількість загиблих зросла до 14"."""
        for number in self.m.numbers:
            if cue_end <= number.start < min(end, cue_end + 80):
                gap = self.text[cue_end : number.start]
                if "," in gap or ";" in gap:
                    return None
                return number if self.lex.toll_rose.search(gap) else None
        return None

    def more_people(self, sentence: Sentence, cues, taken) -> list[tuple[int, int, int, bool]]:
        """Numbers of people with no noun of their own: "ещё 12 получили ранения", "ще 14
        дістали поранень", "wounding 17 others". The word before ("ещё", "another") or after
        ("others") marks them as people, and their clause has a casualty cue; the flag says
        they are more than those counted before."""
        found = []
        for number in self.m.numbers:
            if any(s <= number.start < e for s, e in taken):
                continue
            again = self.lex.again.search(
                self.text, max(sentence.start, number.start - 12), number.start
            )
            others = self.lex.others.match(self.text, number.end) if self.lex.others else None
            if not (again or others) or self.weapon_after(number.end, 2) is not None:
                continue
            left, right = self.clause_bounds(number.start, sentence)
            if again and again.start() < left or not any(left <= c[1] < right for c in cues):
                continue
            end = others.end() if others else number.end
            found.append((number.start, end, number.value, bool(again)))
        return found

    def word_after_end(self, position: int) -> int:
        """Where the word after `position` ends (the person an age describes)."""
        after = NEXT_WORD.match(self.text, position)
        return after.end() if after else position

    def single_person(self, word: str, end: int | None = None, start: int | None = None) -> bool:
        if self.lex.lang == "en":
            return not word.lower().endswith(("s", "ren", "men"))
        plural = is_plural(word, self.lex.lang)
        if plural is None and end is not None:  # "чоловік отримав": the verb says one
            verb = WORD_AFTER.match(self.text, end)
            if verb and parse(verb.group(1).lower(), self.lex.lang).tag.POS == "VERB":
                plural = is_plural(verb.group(1), self.lex.lang)
        if plural is None and start is not None:  # "загинув чоловік": so does the verb before
            verb = WORD_BEFORE.search(self.text, max(0, start - 30), start)
            if verb and parse(verb.group(1).lower(), self.lex.lang).tag.POS == "VERB":
                plural = is_plural(verb.group(1), self.lex.lang)
        return plural is False

    def aims_at(self, position: int) -> bool:
        """A place of the sentence is named right after the attack verb ("attacked Lgov")."""
        return any(
            p.span and p.span[0] >= position and not self.text[position : p.span[0]].strip()
            for p in self.named
        )
