"""Counted weapon phrases in a sentence: their weapon, count, claim type and place.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from skyledger.extract import (
    constructions,
    counted_nouns,
    numerals,
)
from skyledger.extract.folding import may_hold
from skyledger.extract.mentions import (
    Draft,
    Item,
    overlaps,
)
from skyledger.extract.morph import can_be_adjective, genitive_plural, is_plural, parse
from skyledger.extract.numbers import Number
from skyledger.extract.regions import (
    RegionMention,
)
from skyledger.extract.rule_patterns import (
    ALL_OF_THEM,
    AND_GAP,
    ARTICLE_BEFORE,
    CHAIN_GAP,
    CLAUSE_BREAK,
    CLAUSE_END,
    CLAUSE_TEXT,
    CLOCK_AFTER,
    COUNT_TYPES,
    DASH_AFTER,
    DEFINITE_BEFORE,
    DIGIT_OR_STOP,
    EACH_AFTER,
    EN_ATTACK_NOUN,
    EN_HEAD_GAP,
    EN_MODIFIER,
    GAP_WORD,
    HYPHEN_UNIT,
    INITIALISM_DOT,
    JOINED_COUNT,
    LEAD_GAP,
    LONG_WORDS,
    MAX_NUMBERS_PER_SENTENCE,
    MIXED,
    MODIFIER_WORDS,
    NOT_WEAPON_UNIT,
    NUMBER_SUFFIX,
    OF_THESE,
    OPENING_OF,
    SHORT_GAP,
    WORD_BEFORE,
    WORD_BEFORE_ANY,
    WORD_CHAR,
    WORDS,
    model_or_clock_before,
)
from skyledger.extract.sentences import Sentence

# "Белгородской (31)", "Курской областью (24)": the region's own count, in brackets
CLAUSE_CLOSE = re.compile(r"\s*(?:[.,;!]|$)")  # the count ends its clause
BRACKETED_COUNT = re.compile(r"(?:\s+\w+)?\s?\(\d+\)")


class ItemReading:
    """Counted weapon phrases in a sentence: their weapon, count, claim type and place."""

    def weapon_after(self, position: int, limit_words: int = 4):
        """The weapon word that a number at `position` counts, if one follows closely."""
        for kind, start, end in self.m.weapons:
            if start < position:
                continue
            gap = self.text[position:start]
            if CLAUSE_BREAK.search(gap.replace("«", "").replace("»", "")) or len(gap) > 60:
                return None
            if len(GAP_WORD.findall(gap)) > limit_words:
                return None
            if "\n" in gap or "." in gap and "." in INITIALISM_DOT.sub("", gap):
                return None
            if self.lex.carriers is not None and any(
                gap[c.end() : c.end() + 1] != "-" for c in self.lex.carriers.finditer(gap)
            ):  # "seven Tu-95 bombers launched missiles": the count is of aircraft; but
                return None  # "41 aircraft-type drones" are drones

            return kind, start, end
        return None

    def counted_between(self, number: Number, position: int) -> bool:
        """Another count stands between the number and a weapon word after it, past a noun of
        its own ("47 боеприпасов и 31 беспилотник"; not "5 из 7 беспилотников")."""
        return any(
            number.end < n.start < position for n in self.m.numbers
        ) and counted_nouns.counts_a_noun(self.text, number.end, self.lex.lang)

    def joined_weapon(self, weapon):
        """A weapon of another kind joined to this one with no number of its own ("ракет і дронів")."""
        if self.lex.joined is None:
            return None
        for kind, start, end in self.m.weapons:
            if start < weapon[2]:
                continue
            gap = self.text[weapon[2] : start]
            counted = any(weapon[2] <= n.start < start for n in self.m.numbers)
            if kind != weapon[0] and not counted and self.lex.joined.match(gap):
                if self.singular_noun(self.text[start:end].split()[0]):
                    return None  # "три ракеты и бомба": a bomb of its own, not "ракет и бомб"
                if "," in gap and self.predicate_after(end):
                    return None  # "збито 60 дронів, ракети локаційно втрачено": two clauses
                return kind, start, end
            return None
        return None

    def predicate_after(self, end: int) -> bool:
        """A claim word, a denial or "lost from radar" in the clause right after a weapon noun
        ("ракеты сбить не удалось"): the noun is the subject of a clause of its own."""
        stop = CLAUSE_END.search(self.text, end)
        right = stop.start() if stop else len(self.text)
        return (
            any(end <= t[1] < right for t in self.m.types)
            or any(end <= s < right for s, _e in self.m.negation)
            or constructions.lost_in_clause(self.text, end, right, self.lex.lang)
        )

    def singular_noun(self, word: str) -> bool:
        """A Russian or Ukrainian noun in the singular nominative or accusative, as a weapon of
        its own is named ("и бомба"); abbreviations (БПЛА) tell no number, and a mass noun in
        the instrumental ("ракетами и артиллерией") joins the set."""
        if self.lex.lang == "en" or len(word) <= 3 or word[1:] != word[1:].lower():
            return False
        lang = self.lex.lang
        return is_plural(word, lang) is False and parse(word.lower(), lang).tag.case in (
            "nomn",
            "accs",
        )

    def model_near(self, start: int, end: int, sentence: Sentence, next_start: int | None = None):
        """The one model named right after the count; none when the set is mixed. Models
        after the next count belong to it ("3 КАБи, 12 FPV-дронів")."""
        limit = sentence.end if next_start is None else min(sentence.end, next_start)
        near = [
            (name, kind, (m_start, m_end))
            for name, kind, m_start, m_end in self.m.models
            if sentence.start <= m_start < limit and start - 2 <= m_start <= end + 30
        ]
        if not near:
            return None
        tail = self.text[near[0][2][1] : min(near[0][2][1] + 45, limit)]
        if len({n[0] for n in near if n[2][0] <= near[0][2][1] + 45}) > 1 or MIXED.search(tail):
            return None
        return near[0]

    def items_in(self, sentence: Sentence) -> list[Item]:
        text, lex = self.text, self.lex
        items: list[Item] = []
        consumed: list[tuple[int, int]] = []
        for number in self.m.numbers[:MAX_NUMBERS_PER_SENTENCE]:
            if not (sentence.start <= number.start < sentence.end):
                continue
            after = text[number.end : number.end + 30]
            suffix = NUMBER_SUFFIX.match(after)
            if suffix:
                after = after[suffix.end() :]
            clause = lambda number=number: self.clause_bounds(number.start, sentence)  # noqa: E731
            if constructions.shellings_after(text, number.end, lex.lang, clause) is not None:
                continue  # "87 обстрілів", "shelled the region 97 times": strike_counts' hit
            times = numerals.times_after(lex.lang)
            strikes = times.match(after) if times is not None else None
            adverb = text[number.start : number.end].lower() in numerals.times_words(lex.lang)
            if strikes is not None or adverb:  # "чотири рази атакував FPV-дронами": four hits
                offset = number.end + (suffix.end() if suffix else 0)
                times_end = offset + strikes.end() if strikes is not None else number.end
                item = self.strikes_item(number, sentence, times_end)
                if item is not None:
                    items.append(item)
                    if item.weapon_span is not None:
                        consumed.append(item.weapon_span)
                else:  # "15 ударов: 9 FPV-дронов, 4 КАБа": the counts listed after are hits
                    self.strike_headers.setdefault(sentence.start, number.start)
                continue
            item = self.launches_item(number, number.end + (suffix.end() if suffix else 0))
            if item is not None:  # "11 пусків КАБ": eleven launched
                items.append(item)
                consumed.append(item.weapon_span)
                continue
            not_counted = numerals.not_counted_after(lex.lang)
            if not_counted is not None and not_counted.match(after):
                continue  # "чотирма напрямками", "in two waves"
            compared = numerals.compared_after(lex.lang) if number.value == 1 else None
            if compared is not None and compared.match(after):
                continue  # "one of the heaviest strikes": a comparison, no count
            if NOT_WEAPON_UNIT.match(after) or (
                after[:1] == "-" and HYPHEN_UNIT.match(after[1:2] or " ")
            ):
                continue
            before = text[max(sentence.start, number.start - 30) : number.start]
            if model_or_clock_before(before):  # Ту-95, Х-101, clock times
                continue
            if CLOCK_AFTER.match(after):
                continue
            word = text[number.start : number.end].lower()
            weapon = self.weapon_after(number.end + (suffix.end() if suffix else 0), 5)
            if weapon and self.counted_between(number, weapon[1]):
                weapon = None  # "47 боеприпасов и атаковали 31 беспилотником": the 31's
            units, reaches = numerals.units_after(lex.lang), numerals.reaches_before(lex.lang)
            if (
                weapon
                and not (units is not None and units.match(after))
                and counted_nouns.own_noun_before(text, number.end, weapon[1], lex.lang)
            ):
                continue  # "атаковал 12 населённых пунктов с помощью дронов": settlements
            if weapon is None and (
                (units is not None and units.match(after))
                or (reaches is not None and reaches.search(before))
            ):  # "дронів – 87 одиниць", "число сбитых БПЛА достигло 6"
                weapon = self.weapon_named_before(number, sentence)
            if weapon is None and self.reckoned_from(number.start, sentence) is not None:
                weapon = self.weapon_named_before(number, sentence)
            noun = numerals.noun_after(lex.lang)
            if weapon is None and noun is not None and (found := noun.match(after)):
                follower = found.group().strip()
                cue = any(t[1] == number.end + found.end() - len(follower) for t in self.m.types)
                if not cue and follower not in lex.numbers and follower not in lex.vague:
                    continue  # "fires at two enterprises": the count of another noun
            if weapon is None and word in numerals.collectives(lex.lang):
                continue  # "Сумщину – троє поранених": people, not the drones of the line
            if self.harmed_count(number) or self.part_of_people(number):
                continue  # "two were killed and five were injured when a missile hit": people
            if weapon is None and self.after_harm_word(number):
                continue  # "wounding a dozen others, the head of the Sumy ...": people
            if self.toll_rose_to(number, sentence):
                continue  # "кількість загиблих внаслідок ракетного удару зросла до 9": people
            if word in lex.determiners and (
                weapon is None
                or any(number.end < n.start < weapon[1] for n in self.m.numbers)
                or any(w in lex.vague for w in WORDS.findall(text[number.end : weapon[1]].lower()))
            ):
                continue
            if weapon and lex.lang == "en" and EN_MODIFIER.match(text[weapon[2] : weapon[2] + 20]):
                head = self.weapon_after(weapon[2], 1)  # "Shahed attack drones": the head noun
                if head is not None:
                    weapon = head
                elif word in lex.determiners:
                    continue
                else:
                    weapon = None
            item = Item(
                number.start,
                number.end,
                number.value,
                self.qualifier(before, number.approx),
                count_span=(number.start, number.end),
            )
            if weapon:
                # "40 missiles and drones": one mixed count; "одну ракету і безпілотник" is
                # one of each, never one mixed weapon
                partner = self.joined_weapon(weapon) if number.value != 1 else None
                if partner is not None:
                    consumed.append((partner[1], partner[2]))
                    weapon = ("other", weapon[1], partner[2])
                item.weapon, item.weapon_span = weapon[0], (weapon[1], weapon[2])
                item.end = weapon[2]
                consumed.append((weapon[1], weapon[2]))
                ordinal = self.ordinal_of(weapon[1], sentence) if number.value == 1 else None
                if ordinal is not None and ordinal[1] >= number.end:  # "a third drone"
                    item.count, item.ordinal, item.count_span = ordinal[0], True, ordinal[1:]
            item.distributive = self.distributive(before, after)
            out_of = numerals.out_of(lex.lang)
            item.out_of = (
                out_of is not None
                and bool(out_of.search(before[-12:]))
                and not WORD_CHAR.match(before[-1:] or " ")
                and self.counted_before(number, sentence)  # "21 of 22", not "a prototype of a"
            )
            found = out_of.search(before) if out_of is not None and weapon else None
            item.of_whole = bool(found) and not CLAUSE_TEXT.search(
                before[: found.start()].rsplit(":", 1)[-1]
            )
            these = OF_THESE.match(after)
            # "one of the victims": "of the" with no weapon after it is a part of something else
            item.of_these = these is not None and not (
                weapon is None and these.group().lower().endswith("the")
            )
            item.subcount = bool(
                lex.subcount.search(before.rstrip(" —–-,"))
            ) or self.cue_after_subcount(number, sentence)
            item.again = bool(self.lex.again.search(before))
            last_word = WORD_BEFORE_ANY.search(before)  # "all 14", not "In all, 103"
            item.whole = bool(last_word) and last_word.group(1).lower() in lex.all_words
            if weapon is None and not item.of_these:
                item.weapon = None
            items.append(item)
        items += self.remainder_items(sentence, items)
        items.sort(key=lambda i: i.start)
        items = self.fill_elliptical(items, sentence)
        everything = (
            ALL_OF_THEM.search(text, sentence.start, sentence.end)
            if may_hold(sentence.text, "они", "all of")
            else None
        )
        span = everything.span() if everything else None
        if span is None and not items:
            span = self.downed_them(sentence)
        if span and not items:
            launched = next(
                (d for d in reversed(self.drafts) if d.claim_type == "launched" and d.count), None
            ) or next(  # "регион подвергся атаке беспилотников. Все они уничтожены": none counted
                (d for d in reversed(self.drafts) if d.claim_type == "launched" and d.weapon),
                None,
            )
            if launched is not None:
                item = Item(span[0], span[1], launched.count, launched.qualifier, launched.weapon)
                item.model, item.count_span, item.restates = launched.model, span, launched
                items.append(item)
                consumed.append((sentence.start, sentence.end))
        elif span and not any(i.start >= span[0] for i in items):
            items += self.all_of_those(span, items)
        items += self.unattached(sentence, items, consumed)
        items.sort(key=lambda i: i.start)
        return items

    def all_of_those(self, span: tuple[int, int], items: list[Item]) -> list[Item]:
        """ "launched 18 cruise missiles, all of which were shot down": all of the weapons
        counted just before, told again with the verb after them."""
        counted = [i for i in items if i.count is not None and i.weapon and i.end <= span[0]]
        if not counted:
            return []
        last = counted[-1]
        item = Item(span[0], span[1], last.count, last.qualifier, last.weapon)
        item.model, item.count_span = last.model, span
        return [item]

    def strikes_item(self, number: Number, sentence: Sentence, times_end: int) -> Item | None:
        """ "N разів атакували <weapon>", "attacked with drones N times": N hits of the weapon
        named right after, or else last named in the same clause before the number. Only a verb
        or noun of attack or strike in the clause makes them strikes ("the air alert sounded four
        times", "тривогу оголошували чотири рази" count none)."""
        words = WORDS.findall(self.text[number.start : times_end].lower())
        times = {
            *numerals.counting(self.lex.lang).get("times", ()),
            *numerals.times_words(self.lex.lang),
        }
        if words and words[-1] in times and not self.strike_verb(number.start, sentence):
            return None
        weapon = self.weapon_after(times_end, 4)
        air = numerals.air_strikes(self.lex.lang).get(words[-1]) if words else None
        if air is not None and (
            weapon is None or any(times_end <= n.start < weapon[1] for n in self.m.numbers)
        ):  # "9 авиаударов" (and "120 ударов БпЛА" after them): bombs dropped by aircraft
            item = Item(number.start, times_end, number.value, "exact", air)
            item.count_span, item.strikes = (number.start, number.end), True
            return item
        if weapon is None:
            left, _right = self.clause_bounds(number.start, sentence)
            before = [w for w in self.m.weapons if left <= w[1] and w[2] <= number.start]
            weapon = before[-1] if before else None
        named = weapon is not None
        if not named:  # "launched three strikes on Kharkiv" in a report of guided bombs only
            if self.list_follows(times_end, sentence):
                return None  # "15 ударов: 9 FPV-дронов, …": the list counts the strikes
            kinds = {w[0] for w in self.all.weapons if self.recap_start <= w[1] < number.start}
            weapon = (kinds.pop(), number.start, number.end) if len(kinds) == 1 else None
        if weapon is None or weapon[0] == "other":
            return None  # shelling N times mixes means: no count (the guideline's "N обстрілів")
        partner = self.joined_either(weapon) if named else None
        if partner is not None:  # "10 разів атакував дронами та артилерією": mixed, no count
            first, last = sorted((weapon, partner), key=lambda w: w[1])
            item = Item(number.start, max(number.end, last[2]), None, "unspecified", "other")
            item.weapon_span, item.strikes = (first[1], last[2]), True
            return item
        item = Item(number.start, max(number.end, weapon[2]), number.value, "exact", weapon[0])
        item.count_span = (number.start, number.end)
        item.weapon_span = (weapon[1], weapon[2]) if named else None
        item.strikes = True
        return item

    def launches_item(self, number: Number, offset: int) -> Item | None:
        """ "11 пусків КАБ", "3 пуска ракет", "12 launches of guided bombs": N launches of the
        weapon named right after the noun (a launch noun, not a count of bombs or missiles)."""
        launches = numerals.launches_after(self.lex.lang)
        found = launches.match(self.text, offset) if launches is not None else None
        if found is None:
            return None
        weapon = self.weapon_after(found.end(), 3)
        if weapon is None or weapon[0] == "other":
            return None
        item = Item(number.start, weapon[2], number.value, "exact", weapon[0])
        item.count_span, item.weapon_span = (number.start, number.end), (weapon[1], weapon[2])
        item.launches = True
        return item

    def cue_after_subcount(self, number: Number, sentence: Sentence) -> bool:
        """ "из них сбиты два", "з них збито два": a claim cue between "of them" and a count
        with no noun of its own; the count is a part of the whole before."""
        cue = next(
            (
                t
                for t in self.m.types
                if sentence.start <= t[1]
                and t[2] <= number.start
                and not self.text[t[2] : number.start].strip(" ,")
            ),
            None,
        )
        if cue is None:
            return False
        head = self.text[max(sentence.start, cue[1] - 30) : cue[1]]
        return bool(self.lex.subcount.search(head.rstrip(" —–-,")))

    def strike_verb(self, position: int, sentence: Sentence) -> bool:
        """A verb or noun of attack or strike, asserted, in the clause around `position`: what
        makes "N times" so many strikes."""
        left, right = self.clause_bounds(position, sentence)
        return any(
            left <= t[1] < right
            and t[0] in ("hit", "launched", "attack")
            and not self.negated_at(t[1], sentence)
            for t in self.m.types
        )

    def list_follows(self, position: int, sentence: Sentence) -> bool:
        """A colon, then counts, after `position` in the sentence."""
        colon = self.text.find(":", position, sentence.end)
        return colon >= 0 and any(colon < n.start < sentence.end for n in self.m.numbers)

    def remainder_items(self, sentence: Sentence, items: list[Item]) -> list[Item]:
        """ "the rest over the Oryol, Bryansk and Belgorod regions" after counted parts: one
        part of unknown count for each region named."""
        pattern = numerals.the_rest(self.lex.lang)
        if pattern is None or not items:
            return []
        found = []
        for match in pattern.finditer(self.text, sentence.start, sentence.end):
            if not any(i.count is not None and i.end <= match.start() for i in items):
                continue  # no count before it: no list to finish
            item = Item(match.start(), match.end(), None, "unspecified")
            item.distributive = True  # each region named gets its own part
            found.append(item)
        return found

    def weapon_named_before(self, number: Number, sentence: Sentence):
        """The last weapon the sentence names before a number, when no count stands between."""
        before = [w for w in self.m.weapons if sentence.start <= w[1] and w[2] <= number.start]
        if not before:
            return None
        weapon = before[-1]
        if any(weapon[2] <= n.start < number.start for n in self.m.numbers):
            return None
        return weapon

    def reckoned_from(self, count_start: int, sentence: Sentence) -> int | None:
        """Where the verb of "put the number of drones downed over the region at 17" opens,
        when the count follows its "at"."""
        reckoned = numerals.estimated_at(self.lex.lang)
        if (
            reckoned is None
            or " at" not in self.text[max(sentence.start, count_start - 20) : count_start]
        ):
            return None
        found = reckoned.search(self.text, max(sentence.start, count_start - 120), count_start)
        return found.start() if found else None

    def counted_before(self, number: Number, sentence: Sentence) -> bool:
        """A count stands shortly before this number ("збито 20 дронів із 25"), or the
        preposition opens the sentence ("Из 30 беспилотников 25 сбиты")."""
        if OPENING_OF.match(self.text[sentence.start : number.start]):
            return True
        return any(
            sentence.start <= n.start and 0 < number.start - n.end <= 40
            for n in self.m.numbers
            if self.text[n.start : n.end].lower() not in self.lex.determiners
        )

    def qualifier(self, before: str, round_figure: bool = False) -> str:
        lex = self.lex
        if lex.at_least.search(before):
            return "at_least"
        if round_figure or lex.approx.search(before):  # "три десятка": about 30
            return "approx"
        return "exact"

    def distributive(self, before: str, after: str) -> bool:
        words = WORDS.findall(before.lower())
        if words and words[-1] in self.lex.distributive:
            return True
        return bool(EACH_AFTER.match(after)) and self.lex.lang == "en"

    def noun_counted_before(self, item: Item, since: int) -> bool:
        """A number of another noun between `since` and the item, read as no item ("атакували 5
        регіонів росії, одним з них ...")."""
        return any(
            since <= n.start < item.start
            and self.text[n.start : n.end].lower() not in self.lex.determiners  # "a mass attack"
            and counted_nouns.counts_a_noun(self.text, n.end, self.lex.lang)
            for n in self.m.numbers
        )

    def fill_elliptical(self, items: list[Item], sentence: Sentence) -> list[Item]:
        """Numbers without a weapon count the frame's weapon when a region or 'of these' follows."""
        kept = []
        other_noun_end = -1  # where the last number of something else ends ("five regions")
        for index, item in enumerate(items):
            if item.weapon is not None:
                kept.append(item)
                continue
            if counted_nouns.counts_a_noun(self.text, item.end, self.lex.lang):
                other_noun_end = item.end
                continue  # "fires at two enterprises in the Dnipro district": no weapons
            if counted_nouns.one_of_something_else(
                self.text, item.end, {w[1] for w in self.m.weapons}, self.lex.lang
            ):
                continue  # "в одном из сёл района": one of the villages
            since = kept[-1].end if kept else -1
            if item.of_these and (
                other_noun_end > since or self.noun_counted_before(item, max(since, sentence.start))
            ):
                continue  # "five regions, one of them ...": one of the regions, not a weapon
            if counted_nouns.counts_a_noun_past_adjectives(self.text, item.end, self.lex.lang):
                other_noun_end = item.end
                continue  # "в районе повреждены два частных дома": houses, not the frame's drones
            following = items[index + 1].start if index + 1 < len(items) else sentence.end
            previous = kept[-1] if kept else None
            has_place = (
                self.placed(item, following, previous.end if previous else sentence.start)
                or self.dash_predicate(item, following) is not None  # "45 — збито"
                or item.whole  # "All 14 were shot down": all of those named
            )
            opening = item.start - sentence.start <= 2
            if (
                (item.of_these or item.out_of)
                and previous is None
                and not has_place
                and not opening
                and not self.debris_of(item, sentence)
                and not (item.of_these and self.verb_before(item))
            ):
                continue
            of_whole = previous is not None and previous.of_whole and previous.weapon
            if of_whole:
                previous.out_of = True  # "з 80 БпЛА збито 60": 80 launched, 60 destroyed
            if (
                item.of_these
                or item.out_of
                or has_place
                or (item.subcount and (previous or self.frame_weapon))  # "Из них сбиты два."
                or (self.more_of(item) and previous is not None and previous.weapon)
                or of_whole
                or (
                    (self.verb_predicate(item, following) or self.closes_after_verb(item))
                    and (previous or self.frame_weapon)
                )
            ):
                source = previous if previous and previous.weapon else None
                named = self.weapon_before(item, sentence)
                if source:
                    item.weapon, item.model = source.weapon, source.model
                elif named is not None:  # "destroyed drones overnight: eight over Kursk ..."
                    item.weapon = named
                elif self.frame_weapon:
                    item.weapon, item.model = self.frame_weapon
                if item.weapon:
                    kept.append(item)
        return kept

    def debris_of(self, item: Item, sentence: Sentence) -> bool:
        """ "Обломки одного из них упали", "уламки одного з них": the count of the weapons
        whose debris fell (the guideline's "fragments of a drone" is 1), when the debris opens
        the sentence's claims (after "уничтожены беспилотники, обломки одного из них …" the
        sentence's own shoot-down and damage stay count-less)."""
        for t in self.m.types:
            if t[1] >= item.start:
                return False
            if t[1] >= sentence.start:
                return (
                    t[0] == "debris"
                    and SHORT_GAP.fullmatch(self.text, t[2], item.start) is not None
                )
        return False

    def verb_before(self, item: Item) -> bool:
        """ "Air defences shot down 61 of them", "сбили 61 из них": a claim verb right before a
        part of the weapons told of before, which counts them."""
        return any(t[0] in COUNT_TYPES and 0 <= item.start - t[2] <= 2 for t in self.m.types)

    def harmed_count(self, number) -> bool:
        """A bare count right before a harm word ("ще 11 поранено", "еще 11 ранены"), or with
        its auxiliary between ("five were injured"): people."""
        aux = self.lex.count_aux
        return any(
            t[0] in ("killed", "injured")
            and 0 < t[1] - number.end <= 20
            and (
                self.text[number.end : t[1]].isspace()
                or (aux is not None and aux.match(self.text, number.end, t[1]))
            )
            for t in self.m.types
        )

    def part_of_people(self, number) -> bool:
        """A count of some of the people or of the harmed ("one of the victims was
        hospitalised", "two of the injured"): people, never the frame's weapon."""
        out_of = numerals.out_of(self.lex.lang)
        if out_of is None:
            return False
        starts = [p[0] for p in self.m.people] + [
            t[1] for t in self.m.types if t[0] in ("killed", "injured")
        ]
        return any(
            0 < start - number.end <= 12
            and out_of.fullmatch(self.text[number.end : start].strip()) is not None
            for start in starts
        )

    def after_harm_word(self, number) -> bool:
        """A count right after a harm word ("wounding a dozen others", "поранено 12, …",
        "ранены ещё 12"): people, whatever region follows."""
        return any(
            t[0] in ("killed", "injured")
            and 0 <= number.start - t[2] <= 8
            and (
                not self.text[t[2] : number.start].strip()
                or bool(self.lex.again.fullmatch(self.text[t[2] : number.start].strip()))
            )
            for t in self.m.types
        )

    def toll_rose_to(self, number, sentence: Sentence) -> bool:
        """The figure a toll of the killed or injured rose to ("the number of people killed …
        has risen to nine", "кількість загиблих … зросла до 9")."""
        rose = self.lex.toll_rose
        return (
            rose is not None
            and rose.search(self.text, max(sentence.start, number.start - 40), number.start)
            is not None
            and any(
                t[0] in ("killed", "injured") and sentence.start <= t[1] < number.start
                for t in self.m.types
            )
        )

    def more_of(self, item: Item) -> bool:
        """ "сбили четыре, ещё три подавлены", "four downed and three more jammed": more of the
        weapon counted before in the sentence."""
        words = WORDS.findall(self.text[item.end : item.end + 12].lower())
        more = item.again or (
            bool(words) and words[0] in (numerals.counting(self.lex.lang).get("more_after") or ())
        )
        return (
            more
            and any(  # its own claim word follows ("wounding four more" is people)
                t[0] in COUNT_TYPES
                and 0 <= t[1] - item.end <= 40
                and not CLAUSE_BREAK.search(self.text[item.end : t[1]])
                for t in self.m.types
            )
        )

    def placed(self, item: Item, next_start: int, previous_end: int) -> bool:
        """A region or sea right after the count, in its own segment, or leading it."""
        end = min(next_start, item.end + 60)
        return (
            any(item.end <= r.start < end for r in self.m.regions)
            or any(item.end <= s[1] < end for s in self.m.seas)
            or self.region_leads(item, previous_end)
            or self.bracketed_region(item) is not None  # "Брянской (15)"
        )

    def shares_place(self, item: Item, items: list[Item], index: int) -> bool:
        """The next count is the whole this one is part of ("17 of the 28"), or a weapon
        joined to this one by "and" with nothing between ("ракету і безпілотник")."""
        following = items[index + 1] if index + 1 < len(items) else None
        if following is None:
            return False
        if following.out_of:
            return True
        gap = self.text[item.end : following.start]
        return (
            item.weapon_span is not None
            and following.weapon_span is not None
            and self.lex.joined is not None
            and bool(self.lex.joined.match(gap))
        )

    def joined_after_lead(self, previous: Item | None, item: Item) -> bool:
        """This count is joined by "and" to the one before, whose region leads them both."""
        return (
            previous is not None
            and bool(previous.regions)
            and all(r.end <= previous.start for r in previous.regions)
            and item.weapon_span is not None
            and self.lex.joined is not None
            and bool(self.lex.joined.match(self.text[self.past_modifier(previous) : item.start]))
        )

    def past_modifier(self, item: Item) -> int:
        """Where the count's phrase ends, past a model and past one or two lower-case words that
        tell of its kind ("две ракеты американского производства и 16 беспилотников", "ракеты
        большой дальности и …"), when no claim word is among them."""
        end = self.past_model(item)
        modifier = MODIFIER_WORDS.match(self.text, end)
        if modifier is None or not modifier.group().strip().islower():
            return end
        if any(end <= t[1] < modifier.end() for t in self.m.types):
            return end
        return modifier.end()

    def past_model(self, item: Item) -> int:
        """Where the count's phrase ends, past a model named right after its noun ("12 БпЛА
        типу Герань-2", "12 беспилотниками типа «Герань»"), so that "та 5 FPV-дронами" after
        it is joined to it."""
        end = item.end
        for _name, _kind, m_start, m_end in self.m.models:
            gap = self.text[end:m_start].replace("«", " ").replace('"', " ")
            if end <= m_start and m_start - end <= 8 and len(gap.split()) <= 1:
                end = m_end
        return end + (self.text[end : end + 1] in '»"”')  # "одну «Молнію» та один FPV-дрон"

    def dash_predicate(self, item: Item, next_start: int):
        """A claim-type cue right after a dash after the count: "45 — збито", "20 - suppressed"."""
        dash = DASH_AFTER.match(self.text, item.end)
        if dash is None or not dash.group(0).strip():
            return None
        limit = min(dash.end() + 20, next_start)
        return next(
            (t for t in self.m.types if t[0] in COUNT_TYPES and dash.end() <= t[1] < limit), None
        )

    def verb_predicate(self, item: Item, next_start: int) -> bool:
        """A claim verb right after a count with no noun, maybe past an auxiliary: "60 were shot
        down", "60 были сбиты", "60 збито" (the count of the weapon counted before)."""
        aux = numerals.counting(self.lex.lang).get("predicate_aux") or ()
        limit = min(item.end + 25, next_start)
        for kind, start, _end in self.m.types:
            if kind in COUNT_TYPES and item.end <= start < limit:
                gap = " ".join(self.text[item.end : start].split()).lower()
                return gap == "" or gap in aux
        return False

    def closes_after_verb(self, item: Item) -> bool:
        """A count with no noun right after a claim verb, closing its clause: "атаковал 48
        ударными БпЛА, сбито 35.", "shot down 35." (the count of the weapon counted before)."""
        if not CLAUSE_CLOSE.match(self.text, item.end):
            return False
        return any(
            kind in COUNT_TYPES and end <= item.start and self.governs(end, item.start)
            for kind, _start, end in self.m.types
        )

    def weapon_before(self, item: Item, sentence: Sentence) -> str | None:
        """The kind of the last weapon the sentence names before the number."""
        kinds = [w[0] for w in self.m.weapons if sentence.start <= w[1] and w[2] <= item.start]
        return kinds[-1] if kinds else None

    def last_chain(self, regions: list[RegionMention], item: Item) -> list[RegionMention]:
        """Of the regions before a count, the list nearest to it ("над Орловской и Ростовской")."""
        start = len(regions) - 1
        while start > 0 and self.chained(regions[start - 1], regions[start], item):
            start -= 1
        return regions[start:]

    def chained(self, first: RegionMention, second: RegionMention, item: Item) -> bool:
        gap = self.text[first.end : second.start]
        loose = item.distributive and len(gap) <= 45 and not DIGIT_OR_STOP.search(gap)
        return bool(CHAIN_GAP.match(gap)) or loose

    def opens_next(self, item: Item, regions: list[RegionMention], next_start: int) -> bool:
        """The regions after a count stand in a later clause or after "and", right before the
        next count with a dash ("..., над Московским регионом — ещё 19", "над Калужской —
        четыре и над Смоленской — два")."""
        first, last = regions[0], regions[-1]
        own_dash = DASH_AFTER.match(self.text, item.end)  # "4 – над …": the count's own line
        since = own_dash.end() if own_dash and own_dash.group().strip() else item.end
        if not CLAUSE_BREAK.search(self.text, since, first.start) and not JOINED_COUNT.search(
            self.text, since, first.start
        ):
            return False
        return self.leads(last, next_start)

    def leads(self, region: RegionMention, position: int) -> bool:
        """A region, maybe a dash, then the number at `position` (maybe after "ещё", "по" or
        "another"): "над Московским регионом — ещё 19", "over the Moscow region another 19"."""
        gap = self.text[region.end : position]
        for words in (self.lex.again, self.lex.distributive_before):
            found = words.search(gap) if words is not None else None
            if found:
                gap = gap[: found.start()]
        # "пять — над Крымом и три — над морем": a region before "and" closes its own count
        return bool(LEAD_GAP.search(gap)) and not AND_GAP.match(gap)

    def region_leads(self, item: Item, since: int) -> bool:
        """A region right before the number, since `since`: "над Московским регионом — ещё 19"."""
        return any(
            since <= r.start and r.end <= item.start and self.leads(r, item.start)
            for r in self.m.regions
        )

    def unattached(self, sentence: Sentence, items: list[Item], consumed) -> list[Item]:
        """A weapon word with no number: one when singular, null when plural."""
        found = []
        kinds_counted = {i.weapon for i in items}
        consumed = list(consumed)
        for kind, start, end in self.m.weapons:
            if not (sentence.start <= start < sentence.end) or overlaps((start, end), consumed):
                continue
            partner = self.joined_weapon((kind, start, end))
            if (
                partner is not None
                and "other" not in (kind, partner[0])
                and self.plural(start, end, sentence)[0] is not False  # "уламки ракети та дронів"
                and not any(w in self.lex.vague for w in WORDS.findall(self.text[end : partner[1]]))
            ):
                # "ракетами та дронами": mixed means (artillery beside drones strikes nothing
                # from the air: the drones stay themselves)
                consumed.append((partner[1], partner[2]))
                item = Item(start, partner[2], None, "unspecified", "other")
                item.weapon_span = (start, partner[2])
                if "other" not in kinds_counted:
                    kinds_counted.add("other")
                    found.append(item)
                continue
            before = self.text[max(sentence.start, start - 25) : start].lower()
            definite = self.lex.lang == "en" and DEFINITE_BEFORE.search(before)
            if (
                (kind in kinds_counted and not definite)
                or kind == "other"
                and (self.lex.lang != "en" or self.beside_other_kind((kind, start, end)))
            ):
                continue  # "with FPV drones and artillery": the drones strike, not the guns
            if any(0 <= w[1] - end <= 1 for w in self.m.weapons):
                continue  # "Shahed drones": let the head noun speak
            attack_noun = False
            if self.lex.lang == "en" and EN_MODIFIER.match(self.text[end : end + 20]):
                attack_noun = EN_ATTACK_NOUN.match(self.text, end) is not None
                if not attack_noun:
                    continue  # "drone production": no weapon used
            before = self.text[max(sentence.start, start - 25) : start].lower()
            # "ракетний удар" counts no missiles, and leaves the missile named after it to count
            strike = bool(self.lex.strikes and self.lex.strikes.match(self.text, start))
            vague = strike or any(w in self.lex.vague for w in WORDS.findall(before)[-3:])
            plural, by_agreement = (None, False) if vague else self.plural(start, end, sentence)
            count = None if (vague or plural is not False) else 1
            if count is None and sentence.bullet and plural is None and not vague:
                count = 1  # a list line naming one weapon: "▪️БпЛА типу «Ланцет»"
            if attack_noun:
                count = None  # "a drone attack": the weapon of an attack, never one piece
            elif self.lex.lang == "en" and count == 1 and not ARTICLE_BEFORE.search(before):
                # "drone strikes" counts none; "artillery", "shelling" (means, not pieces) none
                count = None if plural is not False or kind == "other" else 1
            partner = self.joined_weapon((kind, start, end)) if count is None else None
            if partner is not None and "other" not in (kind, partner[0]):
                # "атакували ракетами та дронами": mixed means, one claim; artillery beside
                # drones strikes no one from the air, the drones' strike stays theirs
                consumed = [*consumed, (partner[1], partner[2])]
                kind, end = "other", partner[2]
            qualifier = "exact" if count else "unspecified"
            earlier = (
                None if count or vague or attack_noun else self.pointed_back(kind, start, sentence)
            )
            if earlier is not None:
                count, qualifier = earlier.count, earlier.qualifier
            ordinal = self.ordinal_of(start, sentence) if count == 1 else None
            item = Item(start, end, count, qualifier, kind, weapon_span=(start, end))
            if ordinal is not None:  # "сбит третий за сутки беспилотник": the series so far
                item.count, item.ordinal, item.count_span = ordinal[0], True, ordinal[1:]
            item.restates = earlier
            item.again = bool(self.lex.again.search(before))
            item.by_agreement = by_agreement
            if not strike:
                kinds_counted.add(kind)
            found.append(item)
        return found

    def ordinal_of(self, start: int, sentence: Sentence) -> tuple | None:
        """The ordinal numbering the weapon noun at `start` ("пятый за день беспилотник")."""
        lang = self.lex.lang
        return numerals.ordinal_before(
            self.text,
            start,
            sentence.start,
            lang,
            (lambda word: False) if lang == "en" else (lambda word: can_be_adjective(word, lang)),
        )

    def joined_either(self, weapon):
        """A weapon of another kind joined to this one, after it or before it ("drones and
        artillery", "artillery and drones"), else None."""
        partner = self.joined_weapon(weapon)
        if partner is not None:
            return partner
        return next(
            (
                w
                for w in self.m.weapons
                if w[2] <= weapon[1] and w[0] != weapon[0] and self.joined_weapon(w) == weapon
            ),
            None,
        )

    def beside_other_kind(self, weapon) -> bool:
        """Means joined to a weapon of another kind with no number ("FPV drones and artillery",
        "artillery and drones"): as in Russian and Ukrainian, the weapon named beside them
        makes the claim (artillery strikes nothing from the air)."""
        return self.joined_either(weapon) is not None  # a partner is always of another kind

    def downed_them(self, sentence: Sentence) -> tuple[int, int] | None:
        """ "Two drones attacked the region. Air defence shot them down": the pronoun next to a
        shoot-down verb, when nothing was shot down before, stands for the launch told before."""
        pattern = self.lex.them
        if pattern is None or any(d.claim_type == "destroyed" for d in self.drafts):
            return None
        for kind, start, end in self.m.types:
            if kind != "destroyed" or not sentence.start <= start < sentence.end:
                continue
            near = (max(sentence.start, start - 25), min(sentence.end, end + 12))
            found = pattern.search(self.text, *near)
            if found is not None and not any(
                0 < found.start() - n.end <= 6 for n in self.m.numbers
            ):  # "shot down 61 of them": a part of the launch, counted by its own figure
                return found.start(), found.end()
        return None

    def pointed_back(self, kind: str, start: int, sentence: Sentence) -> Draft | None:
        """ "Two drones attacked the region. Air defence shot the drones down": a plural weapon
        noun pointing back, in a shoot-down sentence, counts the launch told before."""
        pattern = self.lex.anaphora
        if pattern is None or not pattern.search(self.text, max(sentence.start, start - 30), start):
            return None
        if not any(
            t[0] == "destroyed" and sentence.start <= t[1] < sentence.end for t in self.m.types
        ):
            return None
        earlier = [d for d in self.drafts if d.weapon == kind and d.sentence.start < sentence.start]
        if any(d.claim_type == "destroyed" for d in earlier):
            return None  # "ten downed ... first nine attacked ... all of the drones": a restatement
        return next((d for d in reversed(earlier) if d.claim_type == "launched" and d.count), None)

    def place_name(self, word: re.Match, offset: int, sentence: Sentence) -> bool:
        """A capitalised word inside its sentence: a name ("атаковали Теткино дронами"),
        never an adjective agreeing with the weapon, whatever its ending."""
        return word.group(1)[0].isupper() and bool(
            self.text[sentence.start : offset + word.start(1)].strip()
        )

    def after_attack(self, start: int) -> bool:
        """An abbreviation right after an attack noun or inside an attack repelled ("атака
        БПЛА", "об отражении атаки БПЛА", "Атака БПЛА на завод отражена"): the weapon of an
        attack, its number told by nothing around it."""
        before = self.m.types[: bisect_left(self.m.types, start, key=lambda t: t[1])]
        return any(
            start <= end + 2
            and (
                (kind == "attack" and start > end)
                or constructions.countless_row_of(self.text[begin:end], self.lex.lang)
            )
            for kind, begin, end in before[-3:]  # cues close before it, in text order
        )

    def after_noun(self, start: int, sentence: Sentence) -> bool:
        previous = WORD_BEFORE.search(self.text[max(sentence.start, start - 30) : start])
        return bool(previous) and parse(previous.group(1).lower(), self.lex.lang).tag.POS == "NOUN"

    def plural(self, start: int, end: int, sentence: Sentence) -> tuple[bool | None, bool]:
        """(plural?, decided only by agreeing words around it)."""
        word = self.text[start:end]
        lang = self.lex.lang
        if lang == "en":
            head = self.weapon_after(end, 2)
            if head is not None and EN_HEAD_GAP.fullmatch(self.text, end, head[1]):
                word = self.text[head[1] : head[2]]  # "Kalibr cruise missiles": the head noun
            last = word.split()[-1].lower()
            if last in ("aircraft", "fixed-wing"):
                return None, False
            return last.endswith("s") and last not in ("uas",), False
        mass = numerals.counting(lang).get("mass_nouns") or ()
        if word.lower().startswith(tuple(mass)):
            return None, False  # "атакували балістикою": the means, never one piece
        window_start = max(sentence.start, start - 30)
        adjacent = WORD_BEFORE.search(self.text[window_start:start])
        if (
            adjacent
            and not self.place_name(adjacent, window_start, sentence)
            and can_be_adjective(adjacent.group(1).lower(), lang)
        ):
            guess = is_plural(adjacent.group(1), lang)
            if guess is not None:
                return (
                    guess,
                    False,
                )  # "украинский БПЛА", "цілого БпЛА": the adjective agrees with it
        first = word.split()[0]
        if first.endswith(tuple(numerals.counting(lang).get("plural_endings") or ())):
            return True, False  # "удар КАБами": an ending only a plural has
        if not first.isupper() and len(first) > 3:
            guess = is_plural(first, lang)
            if guess is None and self.after_noun(start, sentence):
                guess = genitive_plural(first, lang)
            return guess, False
        if self.after_attack(start):
            return None, True  # "атака БПЛА отражена": the words around agree with the attack
        window = self.text[max(sentence.start, start - 40) : min(sentence.end, end + 40)]
        for neighbour in LONG_WORDS.findall(window):
            if neighbour == first:
                continue
            if parse(neighbour.lower(), lang).tag.POS in ("PRTS", "PRTF", "ADJF", "VERB"):
                guess = is_plural(neighbour, lang)
                if guess is not None:
                    return guess, True
        return None, True

    # ---- claim types and regions ------------------------------------------
    def clause_bounds(self, position: int, sentence: Sentence) -> tuple[int, int]:
        text = self.text
        left = sentence.start
        if position <= sentence.end:  # the sentence's breaks, found once: the last one before
            starts, ends = self.sentence_breaks(sentence)
            before = bisect_right(ends, position)
            left = ends[before - 1] if before else left
            # outside the breaks, the next one is where a search from `position` finds one
            after = bisect_left(starts, position)
            if not after or ends[after - 1] <= position:
                return left, starts[after] if after < len(starts) else sentence.end
        else:
            for match in CLAUSE_BREAK.finditer(text, sentence.start, position):
                left = match.end()
        right_match = CLAUSE_BREAK.search(text, position, sentence.end)
        right = right_match.start() if right_match else sentence.end
        return left, right

    def sentence_breaks(self, sentence: Sentence) -> tuple[list[int], list[int]]:
        """Where a sentence's clause breaks start and end (found once a sentence)."""
        key = (sentence.start, sentence.end)
        breaks = self.clause_breaks.get(key)
        if breaks is None:
            found = list(CLAUSE_BREAK.finditer(self.text, sentence.start, sentence.end))
            breaks = self.clause_breaks[key] = (
                [m.start() for m in found],
                [m.end() for m in found],
            )
        return breaks

    def type_for(self, item: Item, next_start: int, sentence: Sentence):
        if item.strikes:
            return "hit", None
        if item.launches:
            return "launched", None
        types = [
            t for t in self.m.types if sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES
        ]
        clause_start, _clause_end = self.clause_bounds(item.start, sentence)
        before_debris = [
            t
            for t in types
            if t[0] == "debris" and 0 <= item.start - t[2] <= 60 and t[1] >= clause_start
        ]
        if before_debris:
            return "debris", before_debris[-1]
        covering = [t for t in types if t[1] <= item.start and item.end <= t[2]]
        if covering:  # a cue phrase that takes in the weapon: "дрон впав", "частини ракети"
            return covering[0][0], covering[0]
        opening = [t for t in types if item.start < t[1] < item.end and t[0] == "debris"]
        if opening:  # a fall that opens at the counted noun: "ще один безпілотник впав"
            return opening[0][0], opening[0]
        if item.out_of:
            return "launched", None
        if self.launch_noun_after(item):
            return "launched", None  # "6 пусков крылатых ракет": the noun is the claim word
        counting = [t for t in types if t[1] <= item.start < t[2]]
        if counting:  # the count inside the cue: "завдав шість ударів ФАБами"
            return counting[0][0], counting[0]
        reckoned = self.reckoned_from(item.start, sentence)
        if reckoned is not None:
            # "put the number of drones downed at 17": the cue inside; else the one before
            # ("destroyed 19 drones, while the ministry put the total at 21"); else a total put
            # at a figure is the launch ("put the total for the night at 49 drones")
            inside = [t for t in types if reckoned <= t[1] and t[2] <= item.start]
            before = inside or [t for t in types if t[2] <= reckoned]
            return (before[-1][0], before[-1]) if before else ("launched", None)
        said = self.dash_predicate(item, next_start) if item.weapon_span is None else None
        if said:  # "з них 45 — збито, 20 — …": the dash brings the count its predicate
            return said[0], said
        governing = [t for t in types if t[2] <= item.start and self.governs(t[2], item.start)]
        if governing:  # "влучання 11 БпЛА …, падіння уламків …": the word right before governs
            return governing[-1][0], governing[-1]
        attributive = [
            t for t in types if item.start < t[1] and t[2] <= item.end and t[0] == "destroyed"
        ]
        if attributive and item.weapon_span is not None:
            # "сообщил о 12 сбитых БПЛА", "12 збитих дронів", "12 downed drones" (an attack
            # word there is the weapon's name: "5 ударних БпЛА")
            return attributive[0][0], attributive[0]
        left, right = self.clause_bounds(item.end, sentence)
        forward = [t for t in types if item.end <= t[1] < min(right, next_start)]
        if (
            not forward
            and self.part_of_next(item, next_start)
            and not any(left <= t[1] < item.start for t in types)
        ):
            # "adding that 40 of 52 drones had been shot down": the verb after the whole
            forward = [t for t in types if item.end <= t[1] < right]
        if not forward and (
            self.opens_part(item, left) or self.joined_to_next(item, next_start, types, left)
        ):
            # "of which 18 missiles and 66 drones were shot down", "that 2 missiles and 71
            # drones were shot down": counts joined by "and" share the verb after them all
            forward = [t for t in types if item.end <= t[1] < right]
        if forward:
            return forward[0][0], forward[0]
        backward = [t for t in types if t[2] <= item.start]
        if backward:
            return backward[-1][0], backward[-1]
        later = [t for t in types if t[1] >= item.end]
        if later:
            return later[0][0], later[0]
        return None, None

    def launch_noun_after(self, item: Item) -> bool:
        """ "пусков", "launches" right after the count: launched, whatever verb governs it."""
        launches = numerals.launches_after(self.lex.lang)
        return (
            launches is not None
            and item.count_span is not None
            and launches.match(self.text, item.count_span[1], item.end) is not None
        )

    def part_of_next(self, item: Item, next_start: int) -> bool:
        """ "40 of 52 drones had been shot down": the part takes the verb after the whole."""
        out_of = numerals.out_of(self.lex.lang)
        count_end = item.count_span[1] if item.count_span else item.end
        gap = self.text[count_end:next_start].strip()
        return out_of is not None and 0 < len(gap) < 12 and out_of.fullmatch(gap) is not None

    def joined_to_next(self, item: Item, next_start: int, types, clause_start: int) -> bool:
        """Nothing but "and" between the count and the next one, words of a clause of their own
        before it ("adding that 2 missiles and …") and no cue among them ("shot down two
        missiles, two missiles and 15 drones that Russia launched" is a list shot down)."""
        return (
            JOINED_COUNT.fullmatch(self.text, item.end, next_start) is not None
            and bool(self.text[clause_start : item.start].strip())
            and not any(clause_start <= t[1] < item.start for t in types)
        )

    def opens_part(self, item: Item, clause_start: int) -> bool:
        """The count opens its clause after "of which", "из них", "з них"."""
        head = self.text[clause_start : item.start]
        return len(head) < 30 and bool(self.lex.subcount.search(head))

    def governs(self, cue_end: int, count_start: int) -> bool:
        """Nothing but a qualifier between a cue and the count ("влучання понад 11 БпЛА"), or a
        preposition that links them ("hits by 11 drones")."""
        gap = self.text[cue_end:count_start]
        links = numerals.counting(self.lex.lang).get("cue_links") or ()
        return (
            not gap.strip()
            or gap.strip().lower() in links
            or (len(gap.split()) <= 2 and self.qualifier(gap.lower() + " ") != "exact")
            or self.linked_list(gap, links)
        )

    def linked_list(self, gap: str, links) -> bool:
        """Counts joined by "and" after a linking preposition share it ("hits by eight missiles
        and 31 drones": both hits)."""
        words = gap.split()
        return (
            len(words) in (4, 5)
            and words[0].lower() in links
            and self.lex.joined is not None
            and self.lex.joined.match(" " + " ".join(words[-1:]) + " ") is not None
            and not CLAUSE_BREAK.search(gap)
        )

    def bracketed_after(self, region: RegionMention) -> bool:
        """A count in brackets right after the region ("Курской (24)")."""
        return "(" in self.text[region.end : region.end + 30] and bool(
            BRACKETED_COUNT.match(self.text, region.end)
        )

    def bracketed_region(self, item: Item) -> RegionMention | None:
        """A count in brackets right after a region ("Белгородской (31)", "Belgorod (31)"): that
        region's."""
        if item.count_span is None or self.text[item.start - 1 : item.start] != "(":
            return None
        return next(
            (
                r
                for r in self.m.regions
                if (found := BRACKETED_COUNT.match(self.text, r.end)) is not None
                and found.end() == item.count_span[1] + 1
            ),
            None,
        )

    def place_of(self, item: Item, next_start: int, previous_end: int, sentence: Sentence, used=()):
        """Regions and seas in the item's own segment, else just before it (not those of the
        item before). Regions that open the next count's clause are the next count's: "над
        Орловской и Ростовской уничтожены по 14, над Московским регионом — ещё 19"."""
        bracketed = self.bracketed_region(item)
        if bracketed is not None:  # "над Белгородской (31), Курской (24)": the region before
            return [bracketed], [], False
        end = min(next_start, sentence.end)
        regions = [
            r
            for r in self.m.regions
            if item.end <= r.start < end
            and not overlaps((r.start, r.end), self.title_regions)
            and not self.bracketed_after(r)  # another count's region
        ]
        if regions and self.opens_next(item, regions, next_start):
            regions, end = [], regions[0].start
        seas = [s for s in self.m.seas if item.end <= s[1] < end]
        multi = [s for s in self.m.multi if item.end <= s[0] < end]
        if not regions and not seas and not multi:
            lo = max(previous_end, sentence.start)
            taken = [(r.start, r.end) for r in used]
            regions = [
                r
                for r in self.m.regions
                if lo <= r.start < item.start
                and not overlaps((r.start, r.end), self.title_regions)
                and not overlaps((r.start, r.end), taken)
            ]
            regions = self.last_chain(regions, item)  # "Голова ... Київської ..., що над Києвом"
            seas = [s for s in self.m.seas if lo <= s[1] < item.start]
            multi = [s for s in self.m.multi if lo <= s[0] < item.start]
        unique, seen = [], set()
        for region in regions:
            if unique and not self.chained(unique[-1], region, item):
                break
            if region.code not in seen:
                seen.add(region.code)
                unique.append(region)
        return unique, seas, bool(multi)
