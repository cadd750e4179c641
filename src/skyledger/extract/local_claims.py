"""Claims without a figure: damage, hits, debris and attacks told by a local official.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from skyledger.extract import claimants as claimant_rules
from skyledger.extract import (
    constructions,
    counted_nouns,
    numerals,
)
from skyledger.extract.lexicon import load_yaml
from skyledger.extract.mentions import (
    Draft,
    Item,
    overlaps,
    within,
)
from skyledger.extract.morph import parse
from skyledger.extract.regions import (
    RegionMention,
    find_regions,
)
from skyledger.extract.restatements import (
    claimant_of,
    fpv_apart,
    none_hurt_apart,
)
from skyledger.extract.rule_patterns import (
    DEBRIS_OF,
    LIST_GAP,
    LIST_LEAD,
    NEGATED_AFTER,
    PRONOUN_SUBJECT,
    TITLE_CHAIN_GAP,
)
from skyledger.extract.sentences import Sentence


@cache
def downed_explosions(lang: str) -> tuple[str, ...]:
    return tuple(str(w) for w in load_yaml(f"{lang}.yaml").get("downed_explosions") or ())


class LocalClaims:
    """Claims without a figure: damage, hits, debris and attacks told by a local official."""

    def local_claims_by_speaker(self, sentence: Sentence, items: list[Item], claimant) -> None:
        """ "..., while the governors of the Kyiv, Poltava and Kirovohrad regions reported no
        casualties": from the plural title on, each governor says it of their own region."""
        found = self.plural_title(sentence)
        if found is None:
            self.local_claims(sentence, items, claimant)
            return
        title, match, regions = found
        offset = match.start() - sentence.start
        if offset > 0:
            head = replace(sentence, end=match.start(), text=sentence.text[:offset])
            self.local_claims(head, items, claimant)
        tail = replace(sentence, start=match.start(), text=sentence.text[offset:])
        for mention in regions:
            speaker = claimant_rules.ClaimantMention(
                mention.start,
                mention.end,
                claimant_rules.title_claimant(title, mention.code, self.lex.lang),
                mention.code,
                mention.code.split("-")[0],
                "title",
                title,
            )
            self.local_claims(tail, items, speaker)

    def plural_title(self, sentence: Sentence):
        """A plural title and the chain of regions right after it, each as its region (a city's
        name in "the Kyiv and Poltava regions" names its region)."""
        for title, pattern in self.lex.plural_titles:
            match = pattern.search(self.text, sentence.start, sentence.end)
            if match is None:
                continue
            chain, cursor = [], match.end()
            for mention in sorted(self.m.regions, key=lambda r: r.start):
                if mention.start < cursor:
                    continue
                if not TITLE_CHAIN_GAP.fullmatch(self.text, cursor, mention.start):
                    break
                chain.append(mention)
                cursor = mention.end
            if len(chain) < 2:
                continue
            nouns = tuple(numerals.counting(self.lex.lang).get("region_nouns") or ())
            if chain[-1].text.lower().endswith(nouns):
                chain = [self.as_region(m, nouns) for m in chain]
            return title, match, chain
        return None

    def as_region(self, mention: RegionMention, nouns: tuple) -> RegionMention:
        """ "Kyiv" in "the Kyiv and Poltava regions": the region of that name."""
        if mention.text.lower().endswith(nouns):
            return mention
        found = find_regions(f"{mention.text} {nouns[0]}", self.lex.lang)
        return replace(mention, code=found[0].code) if found else mention

    def local_claims(self, sentence: Sentence, items: list[Item], claimant) -> None:
        start, end = sentence.start, sentence.end
        types = [t for t in self.m.types if start <= t[1] < end]
        no_cas = [
            s
            for s in within(self.m.no_casualties, start, end, key=lambda s: s)
            if not self.no_reports(s, sentence)
        ]
        if not types and not no_cas:
            return  # no cue: neither damage, a hit, debris nor a casualty figure
        no_damage = within(self.m.no_damage, start, end, key=lambda s: s)
        weapon = self.sentence_weapon(sentence)
        region, region_mention = self.local_region(sentence, claimant)
        counted_types = {i.claim_type for i in items if i.claim_type}
        for kind, t_start, t_end in types:
            if kind == "damage" and self.negated_at(t_start, sentence):
                continue
            if kind == "damage" and not overlaps((t_start, t_end), no_damage + no_cas):
                for code, mention in self.each_listed(region, region_mention, t_end, sentence):
                    self.local(
                        sentence, "damage", weapon, code, mention, claimant, (t_start, t_end)
                    )
                doer = self.subject_of(t_start, sentence)
                if doer is not None:  # "drones damaged port infrastructure": they struck it
                    counted = [  # "two drones damaged …": two struck
                        i.count
                        for i in items
                        if i.weapon_span and not self.text[i.weapon_span[1] : t_start].strip()
                    ]
                    self.local(
                        sentence,
                        "hit",
                        doer,
                        region,
                        region_mention,
                        claimant,
                        (t_start, t_end),
                        counted[0] if counted else None,
                    )
                break
        for kind, t_start, t_end in types:
            if kind != "injured":
                continue
            chain = [r for r in self.m.regions if t_end <= r.start < end]
            if (
                chain
                and chain[0].start - t_end <= 3
                and parse(self.text[t_start:t_end].lower(), self.lex.lang).tag.POS
                in ("VERB", "PRTS")
            ):
                for mention in chain:
                    self.local(
                        sentence,
                        "damage",
                        weapon,
                        mention.code,
                        mention,
                        claimant,
                        (t_start, t_end),
                    )
        header = sentence.text.rstrip().endswith(":")
        debris_cues = [t for t in types if t[0] == "debris"]
        attacks = {t[1] for t in types if t[0] == "attack"}
        for kind, t_start, t_end in self.attacks_as_hits(types, sentence, no_damage + no_cas):
            hit_weapon = weapon
            if self.kinds_before(sentence) > 1 and (
                kind == "debris" or (kind == "hit" and region is None)
            ):
                # "the debris damaged windows", "hits were recorded at 37 locations" after
                # missiles and drones: either may have struck
                hit_weapon = "other"
            if kind == "hit_other":
                kind, hit_weapon = "hit", "other"
            if NEGATED_AFTER.match(self.text, t_end):
                continue
            if kind in ("hit", "debris") and self.negated_at(t_start, sentence):
                continue
            if kind == "debris" and counted_nouns.debris_of_something_else(
                self.text, t_end, self.m.weapons, debris_cues, self.lex.lang
            ):
                continue  # "фрагменты конструкции": the structure broke, no weapon fell
            if kind == "hit" and overlaps((t_start, t_end), no_damage):
                continue  # "there were no hits to civilian infrastructure"
            if kind == "hit" and self.went_off_when_downed(t_start, t_end, types):
                continue  # "был подавлен РЭБ и сдетонировал при падении": debris
            if kind == "hit" and any(
                d[2] <= t_start and d[1] >= self.clause_bounds(t_start, sentence)[0]
                for d in debris_cues
            ):
                continue  # "уламки впали на ...": debris falling, not a strike
            if (
                kind in ("hit", "debris")
                and kind not in counted_types
                and hit_weapon is not None
                and not header
            ):
                count = self.debris_count(weapon) if kind == "debris" else None
                if count is None and kind == "debris":
                    count = self.debris_of_one(t_end, hit_weapon, sentence)
                if count is None and kind == "debris" and self.one_inside(t_start, t_end):
                    count = 1  # "ещё один упал": one more of those counted fell
                if count is None and self.frame_weapon and self.weapon_pronoun(sentence):
                    count = 1
                probe = self.fpv_attack(kind, t_start, t_end, sentence)
                if probe is not None:
                    count = probe.count
                listed_end = (
                    self.harm_end(types, t_start, t_end, sentence)
                    if (t_start in attacks)
                    else t_end
                )
                for code, mention in self.each_listed(region, region_mention, listed_end, sentence):
                    draft = self.local(
                        sentence,
                        kind,
                        hit_weapon,
                        code,
                        mention,
                        claimant,
                        (t_start, t_end),
                        count,
                        apart=None
                        if probe is None
                        else (lambda d, probe=probe: fpv_apart(d, probe)),
                    )
                    if probe is not None and draft is not None:
                        draft.model = "FPV"
                counted_types.add(kind)
        verb = self.attacked_with_harm(types, items, sentence, no_damage + no_cas)
        if verb is not None and "hit" not in counted_types and not header:
            named = any(sentence.start <= w[1] < sentence.end for w in self.m.weapons)
            fpv = named and self.fpv_only(sentence)
            probe = Draft("hit", "uav", None, "unspecified", None, sentence, None)
            probe.model = "FPV" if fpv else None
            draft = self.local(
                sentence,
                "hit",
                weapon if named else "other",
                region,
                region_mention,
                claimant,
                (verb[1], verb[2]),
                apart=(lambda d, probe=probe: fpv_apart(d, probe)) if fpv else None,
            )
            if fpv and draft is not None:  # "атаковали Климово FPV-дронами": FPV strikes
                draft.model = "FPV"
        elif verb is None and weapon is None and not items and not self.all.weapons:
            self.unnamed_attack(types, sentence, claimant, region, region_mention)
        self.bare_shootdown(sentence, items, types, claimant, region, region_mention, header)
        self.part_of_them(sentence, items, types, claimant, region, region_mention)
        killed, injured, evidence = self.casualty_figures(sentence, no_cas)
        if killed is not None or injured is not None:
            earlier = self.lex.earlier and self.lex.earlier.match(sentence.text)
            draft = self.local(
                sentence,
                "casualties",
                weapon,
                region,
                region_mention,
                claimant,
                evidence.get("claim_type"),
                # an earlier count ("Раніше він повідомляв про …") is its own claim
                apart=(lambda d: d.claim_type == "casualties")
                if earlier
                else self.casualties_apart(sentence, (killed, injured)),
            )
            if draft is not None:
                if killed is not None:
                    draft.killed = max(killed, draft.killed or 0) if draft.killed else killed
                if injured is not None:
                    draft.injured = max(injured, draft.injured or 0) if draft.injured else injured
                draft.evidence.update({k: v for k, v in evidence.items() if k != "claim_type"})

    def casualties_apart(self, sentence: Sentence, figures: tuple):
        """People harmed by a weapon named in their own sentence and another figure of people
        harmed by another kind ("удар КАБом ... постраждали троє", "удар FPV-дрона ... поранено
        жінку") are two incidents: two claims, as the key (weapon, model) tells apart. The same
        figure again is the same people told again (a headline and its body), and a toll of
        unspecified means takes in the incidents told after it."""
        here = self.weapons_named_in(sentence)
        apart = none_hurt_apart(*figures)

        def incident_apart(draft) -> bool:
            if draft.claim_type != "casualties" or draft.sentence is sentence or not here:
                return False
            if (draft.killed, draft.injured) == figures or draft.weapon == "other":
                return False  # told again, or a toll of all means that the incidents make up
            there = self.weapons_named_in(draft.sentence) or (frozenset({draft.weapon}), False)
            return there != here

        return lambda d: apart(d) or incident_apart(d)

    def weapons_named_in(self, sentence: Sentence) -> tuple:
        """The kinds of weapon a sentence names, and whether an FPV drone among them."""
        kinds = {w[0] for w in self.all.weapons if sentence.start <= w[1] < sentence.end}
        fpv = any(m[0] == "FPV" and sentence.start <= m[2] < sentence.end for m in self.all.models)
        return (frozenset(kinds), fpv) if kinds else ()

    def subject_of(self, verb_start: int, sentence: Sentence) -> str | None:
        """The weapon right before an active verb of damage, its subject ("drones damaged …",
        "дроны повредили …", "дрони пошкодили …"; "missiles and drones damaged …" are `other`);
        not the weapon whose debris or fall did it ("обломки беспилотников повредили …")."""
        if not constructions.mark_at(self.text, verb_start, self.lex.lang, "subject"):
            return None
        for weapon in self.m.weapons:
            if (
                sentence.start <= weapon[1]
                and weapon[2] <= verb_start
                and not self.text[weapon[2] : verb_start].strip()
            ):
                left = self.clause_bounds(weapon[1], sentence)[0]
                if any(left <= t[1] and t[2] <= weapon[1] for t in self.m.types):
                    return None  # "debris of the downed drones damaged …"
                kinds = {w[0] for w in self.m.weapons if left <= w[1] <= weapon[1]}
                return "other" if len(kinds) > 1 else self.means_of([weapon])
        return None

    def bare_shootdown(self, sentence, items, types, claimant, region, region_mention, header):
        """A shoot-down said with no weapon and no figure ("Є збиття", "Цілі були збиті") is
        a destroyed claim of no count for the weapon the report attacks with."""
        if items or header or self.frame_weapon is None:
            return
        if any(sentence.start <= w[1] < sentence.end for w in self.m.weapons):
            return
        for kind, t_start, t_end in types:
            if kind != "destroyed" or self.negated_at(t_start, sentence):
                continue
            if not (self.lex.shootdown and self.lex.shootdown.match(self.text, t_start)):
                continue  # "знищено автівки", "пожежу ліквідували": no shoot-down
            if NEGATED_AFTER.match(self.text, t_end):
                continue
            self.local(
                sentence,
                "destroyed",
                self.frame_weapon[0],
                region,
                region_mention,
                claimant,
                (t_start, t_end),
            )
            return

    def part_of_them(self, sentence, items, types, claimant, region, region_mention):
        """ "Выпущено 12 ракет, часть из них сбита", "some of them were shot down": the part is
        a claim of its own type, of the weapon counted before it, with no count."""
        if self.lex.part_of_them is None:
            return
        phrases, part = self.lex.part_of_them
        lowered = sentence.text.lower()
        found = next(((p, lowered.find(p)) for p in phrases if p in lowered), None)
        if found is None:
            return
        start, end = sentence.start + found[1], sentence.start + found[1] + len(found[0])
        if not part.search(self.text, max(sentence.start, start - 30), start):
            return
        before = [i for i in items if i.end <= start and i.weapon]
        clause_end = self.clause_bounds(end, sentence)[1]
        cue = next((t for t in types if end <= t[1] < clause_end), None)
        if not before or cue is None or cue[0] not in ("destroyed", "hit"):
            return
        if cue[0] in {i.claim_type for i in items} or self.negated_at(cue[1], sentence):
            return
        self.local(sentence, cue[0], before[-1].weapon, region, region_mention, claimant, cue[1:])

    def repelled_around(self, position: int) -> bool:
        """The count stands inside an attack repelled ("repelled five drone attacks",
        "отразили пять атак"): attacks that struck nothing."""
        return any(
            t[1] < position < t[2]
            and constructions.row_words("repelled_attack", self.lex.lang).fullmatch(
                self.text, t[1], t[2]
            )
            for t in self.m.types
        )

    def weapons_counted_hitting(self, sentence: Sentence) -> bool:
        """The sentence counts weapons that struck: a hit with a figure made from it."""
        return any(
            d.claim_type == "hit" and d.count is not None and d.sentence is sentence
            for d in self.drafts
        )

    def strike_counts(self, sentence: Sentence, claimant) -> None:
        """ "N strikes", "attacked N times", "hits in N districts": a hit of N with the weapon
        named (lang/constructions.yaml `n_strikes`, `hits_in_places`), beside any hit of
        another figure."""
        shellings = constructions.has_shellings(
            self.text, sentence.start, sentence.end, self.lex.lang
        )
        for number in self.m.numbers:
            shelled = (
                constructions.shellings_after(
                    self.text,
                    number.end,
                    self.lex.lang,
                    lambda number=number: self.clause_bounds(number.start, sentence),
                )
                if shellings
                else None
            )
            if shelled is not None and self.shelled_by_guns(number, shelled, sentence):
                continue  # "12 разів обстріляв з артилерії": artillery alone, no aerial attack
            if shelled is not None and not self.negated_at(number.start, sentence):
                # "26 обстрілів": mixed means, no count; never a restatement of a hit by a
                # named weapon
                region, mention = self.local_region(sentence, claimant)
                self.local(
                    sentence,
                    "hit",
                    None,
                    region,
                    mention,
                    claimant,
                    shelled,
                    apart=lambda d: d.claim_type == "hit" and d.weapon != "other",
                )
                continue
            span = constructions.strikes_after(self.text, number.end, self.lex.lang)
            if span is None:
                span = constructions.hits_in_places(
                    self.text, number.start, number.end, self.lex.lang
                )
                if span is not None and self.weapons_counted_hitting(sentence):
                    # "hits in five locations" count hits only when no weapon count is given
                    # ("13 drones hit targets in five locations": 13)
                    span = None
            if (
                span is None
                or (span[2] and not self.strike_verb(number.start, sentence))
                or self.negated_at(number.start, sentence)
                or self.repelled_around(number.start)
            ):
                continue
            if self.kinds_after(span[1], sentence) > 1:
                continue  # "15 ударов: 9 FPV-дронов, 4 КАБа и 2 ракеты": the parts are the hits
            region, mention = self.local_region(sentence, claimant)
            value = number.value
            model = self.model_near(number.start, span[1], sentence)
            probe = Draft("hit", None, value, "exact", region, sentence, claimant)
            probe.model = model[0] if model else None
            named = self.weapon_after(span[1], 2)  # "4 удари FPV-дронами" after "удару КАБом"
            unnamed = not named and self.weapons_of_other_strikes(number, sentence)
            weapon = "other" if unnamed else self.sentence_weapon(sentence)
            if region is None and self.kinds_before(sentence) > 1:
                weapon = "other"  # "hits at 37 locations" after missiles and drones
            draft = self.local(
                sentence,
                "hit",
                named[0] if named else weapon,
                region,
                mention,
                claimant,
                span[:2],
                apart=lambda d, value=value, probe=probe: (
                    d.count not in (None, value) or fpv_apart(d, probe)
                ),
            )
            if draft is None or (
                draft.weapon == "other" and self.names_weapons(sentence) and not unnamed
            ):
                continue  # "struck it with artillery and drones 25 times": mixed means, no count
            if unnamed and draft.count is None:
                draft.weapon = "other"  # the sentence's count-less strike was this one
            before = self.text[max(sentence.start, number.start - 30) : number.start]
            draft.count, draft.qualifier = value, self.qualifier(before)
            draft.evidence["count"] = (number.start, number.end)
            if model and model[1] == draft.weapon:
                draft.model = model[0]
            draft.confidence = 0.8

    def weapons_of_other_strikes(self, number, sentence: Sentence) -> bool:
        """Every weapon of the sentence is named right after another count of strikes ("512
        ударов по 15 населенным пунктам, в том числе 300 ударов беспилотниками"): this count
        names none, its means are unspecified."""
        weapons = [w[1] for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
        owned = set()
        for other in self.m.numbers:
            if other is number or not sentence.start <= other.start < sentence.end:
                continue
            span = constructions.strikes_after(self.text, other.end, self.lex.lang)
            if span is None:
                continue
            owned.update(w for w in weapons if other.end <= w < span[1])  # "300 drone strikes"
            weapon = self.weapon_after(span[1], 2)  # "300 ударов беспилотниками"
            if weapon is not None:
                owned.add(weapon[1])
        return bool(owned) and all(start in owned for start in weapons)

    def attacked_with_harm(self, types, items, sentence: Sentence, none_said):
        """ "The Russian army attacked Zaporizhzhia, buildings were damaged": an attack verb
        with no count and harm in its sentence is a strike there (weapon `other` when none is
        named in the sentence)."""
        if any(i.count is not None for i in items) or not self.harmed(types, sentence, none_said):
            return None
        verbs = constructions.attack_words(self.lex.lang)
        for kind, t_start, t_end in types:
            if kind == "launched" and verbs.fullmatch(self.text, t_start, t_end) is not None:
                return kind, t_start, t_end
            # a fire at the site attacked: the damage cue opens at the attack's verb
            verb = verbs.match(self.text, t_start, t_end) if kind == "damage" else None
            if verb is not None and self.text[verb.end() : verb.end() + 1] == " ":
                return "launched", t_start, verb.end()
        return None

    def unnamed_attack(self, types, sentence: Sentence, claimant, region, region_mention):
        """ "Ворог атакував Шосткинську громаду." in a report that names no means: an attack of
        unspecified means on the area (weapon `other`), a launch of no count that harm told
        after it makes a strike there (`constructions.struck`)."""
        if region is None:
            return
        verbs = constructions.attack_words(self.lex.lang)
        for kind, t_start, t_end in types:
            if kind == "launched" and verbs.fullmatch(self.text, t_start, t_end) is not None:
                self.local(
                    sentence, "launched", None, region, region_mention, claimant, (t_start, t_end)
                )
                return

    def harmed(self, types, sentence: Sentence, none_said) -> bool:
        """Killed, injured or damage stated in the sentence (not "no one was hurt")."""
        return any(
            kind in ("killed", "injured", "damage")
            and not overlaps((t_start, t_end), none_said)
            and not (kind == "damage" and self.negated_at(t_start, sentence))
            # "постраждали Харківська, Сумська області": the region itself, no harm told; a
            # preposition before it places the harm ("завод в Саратовской области")
            and not any(
                0 <= r.start - t_end <= 3 and not self.text[t_end : r.start].strip(" ,")
                for r in self.m.regions
            )
            for kind, t_start, t_end in types
        )

    def no_reports(self, span: tuple[int, int], sentence: Sentence) -> bool:
        """ "Fortunately, no injuries were reported": with no one named in the sentence, an
        absence of reports (the guideline's "no reports of casualties"), not a claim of none."""
        after = self.lex.reported_after
        return (
            after is not None
            and after.match(self.text, span[1]) is not None
            and not any(sentence.start <= c.start < sentence.end for c in self.m.claimants)
        )

    def harm_end(self, types, t_start: int, t_end: int, sentence: Sentence) -> int:
        """Where the regions an attack that harmed struck are listed: after the damage it did
        ("внаслідок атаки пошкоджено обладнання в Полтавській та Сумській областях": a strike
        in each)."""
        damage = [e for kind, s, e in types if kind == "damage" and t_end <= s < sentence.end]
        return damage[0] if damage else t_end

    def fpv_only(self, sentence: Sentence) -> bool:
        """Every weapon the sentence names is an FPV drone ("FPV-дронами", "FPV drones")."""
        fpv = [(m[2], m[3]) for m in self.m.models if m[0] == "FPV"]
        weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
        return bool(weapons) and all(
            any(start <= w[1] <= end + 1 for start, end in fpv) for w in weapons
        )

    def went_off_when_downed(self, start: int, end: int, types) -> bool:
        """An explosion told after a shoot-down in the same sentence ("беспилотник был подавлен
        РЭБ и сдетонировал при падении"): the downed weapon going off, its debris."""
        stems = downed_explosions(self.lex.lang)
        return self.text[start:end].lower().startswith(stems) and any(
            t[0] == "destroyed" and t[2] <= start for t in types
        )

    def weapon_pronoun(self, sentence: Sentence) -> bool:
        """ "Он упал в поле": the sentence opens with a pronoun for the weapon; not "Он
        добавил, что …", a speaker's."""
        pronoun = PRONOUN_SUBJECT.match(sentence.text)
        if pronoun is None:
            return False
        said = self.lex.attribution
        return said is None or not said.match(sentence.text, pronoun.end())

    def attacks_as_hits(self, types, sentence: Sentence, none_said) -> list:
        """A drone or missile attack that killed, injured or damaged something is a hit ("a
        drone attack on Odesa injured five", "в результате атаки БПЛА повреждена кровля": the
        guideline's attack that caused damage or injuries); an attack with no harm stated is
        left alone, and so is one after which regions "suffered" (that is damage in each)."""
        if not any(t[0] == "attack" for t in types):
            return types
        harm = self.harmed(types, sentence, none_said)
        named = any(sentence.start <= w[1] < sentence.end for w in self.m.weapons)
        hits = []
        for kind, t_start, t_end in types:
            if kind != "attack":
                hits.append((kind, t_start, t_end))
            elif harm and (named or self.attack_article(t_start, self.lex.attack_known)):
                hits.append(("hit", t_start, t_end))
            elif harm and self.attack_article(t_start, self.lex.attack_new, any_frame=True):
                # "six were wounded in a Russian attack on Kupiansk": no means named
                hits.append(("hit_other", t_start, t_end))
            elif harm and self.lex.attack_new is None and not self.all.weapons:
                # "внаслідок атаки ворога пошкоджено …" in a report that names no means
                hits.append(("hit_other", t_start, t_end))
        return hits

    def fpv_attack(self, kind: str, start: int, end: int, sentence: Sentence) -> Draft | None:
        """ "Injured in the attack of an FPV drone", "внаслідок атаки FPV-дрона": a strike by
        an FPV drone, told in a sentence of its own, is an incident apart (`fpv_apart`), one
        drone when its noun is singular (revision 2, "a single drone in a strike")."""
        if kind != "hit":
            return None
        near = [
            (m_start, m_end)
            for name, weapon, m_start, m_end in self.m.models
            if name == "FPV" and sentence.start <= m_start and start - 25 <= m_start <= end + 30
        ]
        if not near:
            return None
        noun = next((w for w in self.m.weapons if w[0] == "uav" and w[1] >= near[0][0]), None)
        count = None
        if noun is not None and noun[1] - near[0][1] <= 2 and end <= noun[1] < sentence.end:
            # "атаки FPV-дрона", "the attack of the FPV drone" (not "an FPV drone attack")
            count = 1 if self.plural(noun[1], noun[2], sentence)[0] is False else None
        probe = Draft("hit", "uav", count, "exact", None, sentence, None)
        probe.model = "FPV"
        return probe

    def attack_article(self, position: int, pattern, any_frame: bool = False) -> bool:
        """ "The attack damaged ...": the attack told of before, with its weapon; "a ... attack":
        a new one."""
        if pattern is None or not (any_frame or self.frame_weapon):
            return False
        return bool(pattern.search(self.text, max(0, position - 60), position))

    def debris_of_one(self, cue_end: int, weapon: str | None, sentence: Sentence) -> int | None:
        """ "уламки дрона", "debris of a drone": one weapon's debris, its noun singular right
        after the cue (a weapon the sentence counted before, "вибух безпілотника, а … уламки
        дрона", left the noun no item of its own)."""
        for kind, start, end in self.m.weapons:
            if (
                kind == weapon
                and cue_end <= start < sentence.end
                and DEBRIS_OF.fullmatch(self.text, cue_end, start)
            ):
                return 1 if self.plural(start, end, sentence)[0] is False else None
        return None

    def one_inside(self, start: int, end: int) -> bool:
        return any(start <= n.start < end and n.value == 1 for n in self.m.numbers)

    def debris_count(self, weapon: str | None) -> int | None:
        for draft in reversed(self.drafts):
            if draft.claim_type == "destroyed" and draft.weapon == weapon:
                # "сбит пятый за день беспилотник": one shot down now, the fifth of the day
                return 1 if draft.count == 1 or draft.ordinal else None
        return None

    def mixed_means(self, sentence: Sentence) -> bool:
        """Two kinds joined with no count of their own ("ракет та БпЛА", "missiles and
        drones"): the means are mixed, `other`."""
        return any(
            sentence.start <= w[1] < sentence.end and self.joined_weapon(w) is not None
            for w in self.m.weapons
        )

    def kinds_after(self, position: int, sentence: Sentence) -> int:
        """How many weapon kinds the sentence names after `position`."""
        return len({w[0] for w in self.m.weapons if position <= w[1] < sentence.end})

    def kinds_before(self, sentence: Sentence) -> int:
        """With no weapon named in the sentence, how many kinds the report named before it
        (0 when the sentence names one itself)."""
        if any(sentence.start <= w[1] < sentence.end for w in self.m.weapons):
            return 0
        return len({w[0] for w in self.all.weapons if w[1] < sentence.start} - {"other"})

    def shelled_by_guns(self, number, shelled, sentence: Sentence) -> bool:
        """ "Shelled N times" (no noun of shelling) whose clause names only means that strike
        nothing from the air (artillery)."""
        if constructions.shellings_after(self.text, number.end, self.lex.lang) is not None:
            return False  # "26 обстрілів": the noun, mixed means whatever the clause names
        left, right = self.clause_bounds(number.start, sentence)
        kinds = {
            w[0]
            for w in self.m.weapons
            if left <= w[1] < right
            and not constructions.has_shellings(self.text, w[1], w[2], self.lex.lang)
        }  # ("обстріляла" is a means of its own in the lexicon: the verb names none)
        return kinds == {"other"}

    def names_weapons(self, sentence: Sentence) -> bool:
        return any(sentence.start <= w[1] < sentence.end for w in self.m.weapons)

    def sentence_weapon(self, sentence: Sentence) -> str | None:
        weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
        if weapons:
            return self.means_of(weapons)
        return self.frame_weapon[0] if self.frame_weapon else None

    def means_of(self, weapons) -> str:
        """The weapon of a claim with no figure: "other" for unspecified means and for two kinds
        joined ("ракетами та дронами", "missiles and drones"), else the first named."""
        kinds = [w[0] for w in weapons]
        if "other" in kinds or any(self.joined_weapon(w) for w in weapons):
            return "other"
        if (
            len(set(kinds)) > 1
            and len({k for k, start, _e in weapons if self.counted_at(start)}) > 1
        ):
            return "other"  # "влучання 22 ракет та 46 БпЛА, падіння уламків": of both kinds
        return kinds[0]

    def counted_at(self, weapon_start: int) -> bool:
        """A number right before the weapon word, at most one word between ("46 БпЛА", "22
        ударних БпЛА")."""
        return any(
            0 < weapon_start - n.end <= 25 and len(self.text[n.end : weapon_start].split()) <= 1
            for n in self.m.numbers
        )

    def each_listed(self, region, mention, cue_end: int, sentence: Sentence):
        """The region of a claim with no figure, or, when its sentence names several and they
        stand listed right after the cue ("energy facilities were hit in the Lviv,
        Ivano-Frankivsk and Kharkiv regions"), each of them: one claim per region."""
        chain = [] if region is not None else self.listed_after(cue_end, sentence)
        return [(r.code, r) for r in chain] or [(region, mention)]

    def listed_after(self, cue_end: int, sentence: Sentence) -> list:
        regions = [
            r
            for r in self.m.regions
            if cue_end <= r.start < sentence.end
            and not overlaps((r.start, r.end), self.title_regions)
        ]
        if len({r.code for r in regions}) < 2 or not LIST_LEAD.fullmatch(
            self.text, cue_end, regions[0].start
        ):
            return []
        listed = [regions[0]]
        for before, after in zip(regions, regions[1:], strict=False):
            if not LIST_GAP.fullmatch(self.text, before.end, after.start):
                break
            listed.append(after)
        return listed if len({r.code for r in listed}) > 1 else []

    def local_region(self, sentence: Sentence, claimant):
        regions = [
            r
            for r in self.m.regions
            if sentence.start <= r.start < sentence.end
            and not overlaps((r.start, r.end), self.title_regions)
        ]
        codes = {r.code for r in regions}
        if len(codes) == 1:
            return regions[0].code, regions[0]
        if claimant is not None and claimant.admin1 and not self.moved_on(sentence, claimant):
            return claimant.admin1, None
        if len(codes) > 1:
            return None, None
        return self.frame_region, None

    def moved_on(self, sentence: Sentence, claimant) -> bool:
        """The sentence before named another region than the speaker's, and the speaker is not
        named again here: "А в Хмельницькому ... одна людина загинула. Крім того пошкоджено
        низку будівель" speaks of Khmelnytskyi, whoever spoke before."""
        return (
            self.frame_region is not None
            and self.frame_region != claimant.admin1
            and self.text[self.frame_end : sentence.start].strip() == ""
            and not sentence.start <= claimant.start < sentence.end
        )

    def local(
        self, sentence, kind, weapon, region, region_mention, claimant, cue, count=None, apart=None
    ):
        """The report's claim of this kind, speaker and region (a new one if none yet, or if
        `apart` says the one found states something else)."""
        named = weapon is not None
        if weapon is None:
            weapon = "other"
        key_weapon = weapon if kind not in ("damage", "casualties") else None
        if kind == "hit" and weapon == "other":
            key_weapon = None
        if kind == "damage" and named:
            # damage by another named weapon is another claim ("artillery damaged a school ... a
            # drone damaged a plant"); damage with no weapon named restates whichever came first
            key_weapon = weapon
        drafts = [d for d in self.drafts if apart is None or not apart(d)]
        if region is None:
            for other in drafts:
                if other.claim_type == kind and claimant_of(other) == (
                    claimant.claimant if claimant else None
                ):
                    return other
        for other in drafts:
            if (
                other.claim_type == kind
                and other.admin1 == region
                and claimant_of(other) == (claimant.claimant if claimant else None)
                and (
                    key_weapon is None
                    or other.weapon == key_weapon
                    or (kind == "damage" and not other.weapon_named)
                )
            ):
                return other
        draft = Draft(
            kind,
            weapon,
            count,
            "exact" if count is not None else "unspecified",
            region,
            sentence,
            claimant,
        )
        draft.evidence = {"claim": (sentence.start, sentence.end)}
        if cue:
            draft.evidence["claim_type"] = cue
        if region_mention is not None:
            draft.evidence["admin1"] = (region_mention.start, region_mention.end)
            draft.region_text = region_mention.text
        draft.confidence = 0.6
        draft.weapon_named = named
        self.drafts.append(draft)
        return draft
