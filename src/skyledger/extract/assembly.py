"""Items made into drafts: the claim type a construction decides, parents, merging restatements.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from skyledger.extract import (
    breakdown,
    constructions,
)
from skyledger.extract.folding import may_hold
from skyledger.extract.lexicon import load_yaml
from skyledger.extract.mentions import (
    Draft,
    Item,
)
from skyledger.extract.places import (
    find_places,
)
from skyledger.extract.regions import (
    RegionMention,
)
from skyledger.extract.restatements import (
    another_event,
    claimant_of,
    fpv_apart,
    headline_debris_counted_by,
    headline_one_counted_by,
    headline_placed_by,
    known,
    listed_apart,
    same_key,
)
from skyledger.extract.rule_patterns import (
    ATTACK_VERB,
    CLAUSE_BREAK,
    COUNT_TYPES,
    DISTRICT_WORD,
    NEGATED_AFTER,
    REGION_WORD,
    TARGET_PLACE,
    WIDE_TARGET,
)
from skyledger.extract.sentences import Sentence

ATTACK_NOUN = re.compile(r"(?:атак|attack)", re.IGNORECASE)


@cache
def electronic_warfare(lang: str) -> tuple[str, ...]:
    return tuple(str(w) for w in load_yaml(f"{lang}.yaml").get("electronic_warfare") or ())


class ClaimAssembly:
    """Items made into drafts: the claim type a construction decides, parents, merging restatements."""

    def verb_after(self, position: int):
        """The claim verb of another type after a launch participle, in its clause."""
        for t in self.m.types:
            if t[1] >= position and t[0] in COUNT_TYPES and t[0] != "launched":
                gap = self.text[position : t[1]]
                return t if len(gap) <= 60 and not CLAUSE_BREAK.search(gap) else None
        return None

    def by_construction(self, item: Item, claim_type, cue):
        """The decision table's word on the type found (lang/constructions.yaml): a launch
        participle describing the weapon gives way to the verb before it, one weapon that
        attacked something struck it."""
        lang = self.lex.lang
        if (
            claim_type == "launched"
            and cue is not None
            and constructions.describes_weapon(
                self.text,
                item.end,
                cue[1],
                lang,
                # "all 14 drones launched …", "41 of the 57 drones launched …": any launch
                # participle after the weapon describes it
                constructions.all_of(self.text, item, self.lex.all_words)
                or item.of_these
                or item.whole,
            )
        ):
            governing = [
                t
                for t in self.m.types
                if t[2] <= item.start and t[0] in COUNT_TYPES and t[0] != "launched"
            ]
            if governing:
                return governing[-1][0], governing[-1]
            if item.of_these or item.whole:  # "35 of the 42 drones launched … were shot down"
                verb = self.verb_after(cue[2])
                if verb is not None:
                    return verb[0], verb
        if item.count_span is None and constructions.countless_launch(
            self.text, cue, lang, counted=False
        ):
            item.count, item.qualifier = None, "unspecified"  # "атака БПЛА" alone: no count
        counted = constructions.counted_attack(self.text, item, cue, lang)
        if claim_type == "launched" and counted:
            return counted, cue
        if claim_type == "destroyed":
            verb = constructions.weapon_destroyed_target(
                self.text,
                item,
                lang,
                {w[1] for w in self.m.weapons} | {m[2] for m in self.m.models},
            )
            if verb is not None:
                return "hit", ("hit", *verb)
        if claim_type in (None, "launched"):
            verb = constructions.subject_weapon_struck(
                self.text, item, lang
            ) or constructions.agent_weapon_struck(self.text, item, lang)
            if verb is not None:
                return "hit", ("hit", *verb)
        return claim_type, cue

    def count_claims(self, sentence, items, claimant, cumulative) -> list[Draft]:
        made: list[Draft] = []
        previous_end = sentence.start
        previous_item = None
        for index, item in enumerate(items):
            next_start = items[index + 1].start if index + 1 < len(items) else sentence.end
            claim_type, cue = self.by_construction(item, *self.type_for(item, next_start, sentence))
            opens_line = sentence.line_start and item.start - sentence.start <= 3
            listed = sentence.bullet or (
                item.count_span is not None and (opens_line or item.of_these)
            )
            if claim_type is None and (listed or previous_item):
                claim_type = previous_item.claim_type if previous_item else self.frame_type
            if (
                claim_type in (None, "launched")
                and self.strike_headers.get(sentence.start, item.start) < item.start
            ):
                claim_type = "hit"  # a count listed after "N ударов:"
            if claim_type is None and breakdown.continues_list(
                item, self.frame_type, self.placed(item, next_start, previous_end)
            ):
                claim_type = self.frame_type  # the list goes on past a full stop
            targeted = TARGET_PLACE.search(sentence.text) or (
                cue
                and ATTACK_VERB.match(self.text, cue[1])
                and not WIDE_TARGET.search(sentence.text)
                and self.names_a_target(sentence)
            )
            if (
                claim_type == "launched"
                and item.count is None
                and ((targeted and self.lex.lang in ("ru", "uk")) or (cue and self.aims_at(cue[2])))
            ):
                claim_type = "hit"  # an attack on a named town: a strike there
            if (
                claim_type is None
                or (
                    claim_type == "destroyed"
                    and constructions.cleanup_far(
                        self.text, sentence.start, item, cue, self.lex.lang
                    )
                )
                or self.negated(item, sentence)
                or (cue is not None and self.negated_at(cue[1], sentence))  # "ways to destroy"
                or (
                    claim_type == "launched"
                    and item.count is None
                    and not constructions.countless_launch(self.text, cue, self.lex.lang)
                    and not (
                        constructions.attack_verb(self.text, cue, self.lex.lang)
                        and (
                            any(sentence.start <= r.start < sentence.end for r in self.m.regions)
                            or WIDE_TARGET.search(sentence.text)
                        )
                    )  # "атаковали область беспилотниками": attacked an area named
                )
                or (
                    claim_type in ("hit", "debris")
                    and cue
                    and NEGATED_AFTER.match(self.text, cue[2])
                )
            ):
                previous_end = item.end
                continue
            item.claim_type = claim_type
            if claim_type == "debris" and item.by_agreement:
                # "обломки БПЛА упали": the verb agrees with the debris, not the weapon; the
                # debris of the one weapon shot down just before is of one
                item.count = self.debris_count(item.weapon)
                item.qualifier = "exact" if item.count else "unspecified"
            item.type_span = (cue[1], cue[2]) if cue else None
            following = next((n.start for n in self.m.numbers if n.start >= item.end), None)
            model = self.model_near(item.start, item.end, sentence, following)
            if model and model[1] == item.weapon:
                item.model = model[0]
            elif model and model[1] == "other" and item.weapon == "missile":
                # "четыре снаряда РСЗО HIMARS", "HIMARS rockets": rocket artillery, not missiles
                item.weapon, item.model = "other", model[0]
            used = previous_item.regions if previous_item is not None else ()
            regions, seas, multi = self.place_of(item, next_start, previous_end, sentence, used)
            if not (regions or seas or multi) and self.shares_place(item, items, index):
                # "17 of the 28 drones over X", "одну ракету і безпілотник над X": both over X
                after_next = items[index + 2].start if index + 2 < len(items) else sentence.end
                regions, seas, multi = self.place_of(item, after_next, previous_end, sentence, used)
            if item.out_of and not (regions or seas) and previous_item is not None:
                regions, seas = previous_item.regions, previous_item.seas  # "над X збито 17 з 28"
            if not (regions or seas or multi) and self.joined_after_lead(previous_item, item):
                regions = previous_item.regions  # "атакував Одещину 4 ракетами та 10 дронами"
            if (
                item.of_these
                and item.weapon_span is None
                and previous_item is not None
                and cue is not None
                and cue[1] < previous_item.start
                and claim_type == previous_item.claim_type
                and not (regions or seas)  # "75 drones, 26 of them over X": a part of them
            ):
                previous_end = item.end
                continue
            if (
                (item.subcount or item.of_these)
                and previous_item is not None
                and (previous_item.regions or previous_item.seas)
                and claim_type == previous_item.claim_type  # "launched 8, of them 2 downed"
            ):
                previous_end = item.end
                continue
            if breakdown.kind_of_whole(item, previous_item, regions or seas or multi):
                previous_end = item.end  # "запустив 50 дронів, з них 30 — шахеди": by kind
                continue
            if (
                (item.subcount or item.of_these)
                and not (regions or seas or multi)
                and previous_item is not None
                and claim_type != previous_item.claim_type
            ):  # "запустил по X восемь дронов, из них сбиты два": the two over X too
                regions, seas = previous_item.regions, previous_item.seas
            if (
                not (regions or seas or multi)
                and item.weapon_span is None
                and previous_item is not None
                and self.more_of(item)
            ):  # "над X сбили четыре, ещё три подавлены РЭБ": the three over X too
                regions, seas = previous_item.regions, previous_item.seas
            parts = []
            if not item.of_these:  # "one of them was the Voronezh region": its own place
                regions, parts = breakdown.named_parts(
                    self.text, item.end, regions, self.lex.subcount
                )
            item.regions, item.seas, item.multi = regions, seas, multi
            speaker = claimant
            if self.second_speaker is not None and item.start > self.second_speaker.end:
                speaker = self.second_speaker  # "…, while Ukraine's Air Force said …"
            if self.part_over_regions(item, speaker, items, index, sentence):
                # "27 drones … Eleven over the Kursk, Belgorod and Bryansk regions, nine over
                # …": a part no region's own, like "the rest over …": each region named, no count
                item.count, item.qualifier, item.count_span = None, "unspecified", None
                item.distributive = True
            drafts = self.drafts_for(item, sentence, speaker, cumulative)
            for draft in drafts:
                draft.kinds = self.launched_kinds(item)
            made.extend(drafts)
            if constructions.all_launched(
                self.text, item, claim_type, self.lex.all_words, self.lex.lang
            ):
                total = replace(item, claim_type="launched", type_span=None)
                made.extend(self.drafts_for(total, sentence, speaker, cumulative))
            for region in parts:  # "including the Moscow region": a part of unknown count
                part = replace(item, count=None, qualifier="unspecified", count_span=None)
                part.regions, part.seas, part.distributive = [region], [], False
                made.extend(self.drafts_for(part, sentence, speaker, cumulative))
            previous_end = item.end
            previous_item = item
        return made

    def part_over_regions(self, item: Item, claimant, items, index, sentence) -> bool:
        """A count over several regions in a list of parts of a total told before it."""
        if item.count is None or len(item.regions) < 2 or item.distributive:
            return False
        key = (claimant.claimant if claimant else None, item.claim_type, item.weapon)
        total = self.open_totals.get(key)
        if total is None or total.count is None or total.count <= item.count:
            return False
        near = [items[i] for i in (index - 1, index + 1) if 0 <= i < len(items)]
        return any(  # another part beside it in its sentence
            other.count is not None
            and other.count < total.count
            and sentence.start <= other.start < sentence.end
            for other in near
        )

    def launched_kinds(self, item: Item) -> tuple[str, ...]:
        """ "Атакувала ракетами і дронами" with no figure: the kinds the launch of mixed means
        names, each a launch of its own unless its outcome absorbs it (`absorbed`); hits,
        debris and damage of mixed means stay `other`, as nothing tells which kind did them."""
        if not (
            item.claim_type == "launched"
            and item.count is None
            and item.weapon == "other"
            and item.weapon_span is not None
        ):
            return ()
        start, end = item.weapon_span
        kinds = tuple(dict.fromkeys(w[0] for w in self.m.weapons if start <= w[1] < end))
        return kinds if len(kinds) > 1 and "other" not in kinds else ()

    def drafts_for(self, item: Item, sentence, claimant, cumulative) -> list[Draft]:
        places = [(r.code, None, r) for r in item.regions] + [(None, s[0], s) for s in item.seas]
        if len(places) > 1 and not item.distributive:
            places = []
        drafts = []
        if not places and not item.multi:
            fallback = self.implied_region(item, sentence, claimant)
            if fallback is not None:
                if self.district_line(item, sentence, claimant, fallback):
                    return []
                places = [(fallback, None, None)]
        elif (
            len(places) == 1
            and places[0][0] is not None
            and self.district_line(item, sentence, claimant, places[0][0], same_sentence=True)
        ):
            # "п'ять дронів – три над Харківським районом, два над Чугуївським": a district
            # named like its region is a part of the region's count, no region of its own
            return []
        if not places:
            places = [(None, None, None)]
        for code, sea, mention in places:
            draft = Draft(
                item.claim_type, item.weapon, item.count, item.qualifier, code, sentence, claimant
            )
            draft.model, draft.sea, draft.cumulative = item.model, sea, cumulative
            draft.evidence = {"claim": (sentence.start, sentence.end)}
            if item.count_span:
                draft.evidence["count"] = item.count_span
            if item.weapon_span:
                draft.evidence["weapon"] = item.weapon_span
            if item.type_span:
                draft.evidence["claim_type"] = item.type_span
            if isinstance(mention, RegionMention):
                draft.evidence["admin1"] = (mention.start, mention.end)
                draft.region_text = mention.text
            elif mention is not None:
                draft.evidence["sea"] = (mention[1], mention[2])
                draft.region_text = self.text[mention[1] : mention[2]]
            if (
                code is None
                and sea is None
                and item.claim_type in ("hit", "debris")
                and not item.multi
            ):
                code, local_mention = self.local_region(sentence, claimant)
                if code is not None and self.district_line(
                    item, sentence, claimant, code, same_sentence=True
                ):
                    continue  # "трьох ударів по Харкову – два по Шевченківському району, …"
                draft.admin1 = code
            draft.is_total = code is None and sea is None and item.count is not None
            draft.uncertain_region = (
                code is None and sea is None and not item.multi and len(item.regions) < 2
            )
            draft.again, draft.ordinal = item.again, item.ordinal
            draft.confidence = 0.9 if item.count_span and item.type_span else 0.7
            drafts.append(draft)
            self.link_parent(draft)
            self.add(draft)
        return drafts

    def implied_region(self, item: Item, sentence: Sentence, claimant) -> str | None:
        """No region named for the count: the speaker's region, or the one 'the region' refers to."""
        segment = self.text[sentence.start : sentence.end]
        if (
            self.frame_region
            and may_hold(
                segment,
                *("регион", "регіон", "област", "the region", "the oblast"),
                *("кра", "республ", "the krai", "the republic"),
            )
            and REGION_WORD.search(segment)
        ):
            return self.frame_region
        if item.subcount and item.count is not None:  # "… по Курской области. Из них сбиты два."
            whole = next(
                (
                    d
                    for d in reversed(self.drafts)
                    if d.weapon == item.weapon and d.count is not None and d.count > item.count
                ),
                None,
            )
            if whole is not None and whole.admin1:
                return whole.admin1
        if item.restates is not None and item.restates.admin1:
            return item.restates.admin1  # "… атаковали Брянскую область 12 БПЛА. Все они сбиты."
        attack = self.attack_just_told(item, sentence)
        if attack is not None:
            return attack.admin1
        if claimant is not None and claimant.admin1:
            return claimant.admin1
        return None

    def names_a_target(self, sentence: Sentence) -> bool:
        """A region or town named in the sentence, or before it ("Нікопольщина. Атакував
        FPV-дронами"): "ворог атакував Нікополь дронами" struck somewhere, "Вночі ворог атакував
        ракетами та дронами" in a report naming no place tells a launch."""
        return self.frame_region is not None or any(
            sentence.start <= mention.start < sentence.end
            for mentions in (self.m.regions, self.places.cities, self.places.named)
            for mention in mentions
        )

    def attack_just_told(self, item: Item, sentence: Sentence) -> Draft | None:
        """ "Ворог атакував Харківщину ударними БпЛА. Сили ППО знищили 12 дронів": a shoot-down
        right after an attack of no count on one region lies over that region (the claim told
        last, in its own sentence, with nothing named between)."""
        if item.claim_type != "destroyed" or not self.drafts:
            return None
        last = self.drafts[-1]
        cue = last.evidence.get("claim_type")
        if (
            last.claim_type in ("launched", "hit")
            and cue is not None
            and constructions.attack_words(self.lex.lang).fullmatch(self.text, *cue)
            and last.count is None
            and last.admin1 is not None
            and last.weapon == item.weapon
            and last.sentence.end <= sentence.start
            and not self.text[last.sentence.end : sentence.start].count("\n\n")
        ):
            return last
        return None

    def district_line(
        self, item: Item, sentence: Sentence, claimant, code: str, same_sentence: bool = False
    ) -> bool:
        """'three in the X district, two in Y': parts of a region's count already made (in the
        same sentence, with `same_sentence`)."""
        if not DISTRICT_WORD.search(sentence.text):
            return False
        name = claimant.claimant if claimant else None
        for draft in self.drafts:
            if same_sentence and draft.sentence is not sentence:
                continue
            if item.again and self.more_by_other_means(sentence, draft.sentence):
                continue  # "уничтожены 14. Ещё два подавлены средствами РЭБ": two more
            if (
                (draft.claim_type, draft.weapon, draft.admin1, claimant_of(draft))
                == (item.claim_type, item.weapon, code, name)
                and draft.count is not None
                and (item.count is None or draft.count > item.count)
            ):
                known = {p.normal for p in draft.places}
                draft.places.extend(
                    p
                    for p in find_places(sentence.text, self.lex.lang, sentence.start)
                    if p.normal not in known
                )
                return True
        return False

    def attack_of_one(self, hit: Draft) -> bool:
        """A strike told as the attack of one weapon ("в результате атаки беспилотника"): the
        one strike a later "беспилотник ударил по …" counts."""
        cue = hit.evidence.get("claim_type")
        if cue is None or not ATTACK_NOUN.match(self.text, cue[0]):
            return False
        sentence = hit.sentence
        noun = next((w for w in self.all.weapons if cue[1] <= w[1] <= cue[1] + 2), None)
        return noun is not None and self.plural(noun[1], noun[2], sentence)[0] is False

    def more_by_other_means(self, sentence: Sentence, before: Sentence) -> bool:
        """The sentence names electronic warfare and the one told before does not."""
        stems = electronic_warfare(self.lex.lang)
        return any(s in sentence.text.lower() for s in stems) and not any(
            s in before.text.lower() for s in stems
        )

    def link_parent(self, draft: Draft) -> None:
        key = (draft.claimant.claimant if draft.claimant else None, draft.claim_type, draft.weapon)
        if draft.is_total:
            self.open_totals[key] = draft
            return
        total = self.open_totals.get(key)
        if total is None or draft.count is None or total.count is None:
            return
        if total.children_sum + draft.count <= total.count:
            draft.parent = total
            total.children_sum += draft.count

    def names_one_find(self, headline: Draft) -> bool:
        """A headline (no closing stop, no weapon named before it: a dateline or a credit may
        stand first) whose weapon is not plural: "drone fragments found", "обломки БПЛА";
        "падіння уламків ракет" tells of several."""
        sentence = headline.sentence
        if sentence.text.rstrip().endswith(".") or any(
            start < sentence.start for _, start, _ in self.all.weapons
        ):
            return False
        return not any(
            kind == headline.weapon
            and sentence.start <= start < sentence.end
            and self.plural(start, end, sentence)[0]
            for kind, start, end in self.all.weapons
        )

    def add(self, draft: Draft) -> None:
        """Append, merging into an earlier claim with the same key (headline and body)."""
        for other in self.drafts:
            if headline_placed_by(other, draft):
                # "Над российским регионом сбиты два дрона" then "над Смоленской областью сбиты
                # два дрона, сообщил губернатор": the headline's figure, now placed and voiced
                other.admin1, other.claimant = draft.admin1, draft.claimant
                other.region_text = other.region_text or draft.region_text
                other.model = other.model or draft.model
                other.places.extend(p for p in draft.places if p.normal not in known(other))
                return
            if headline_one_counted_by(other, draft):
                other.count, other.qualifier, other.claimant = (
                    draft.count,
                    draft.qualifier,
                    draft.claimant,
                )
                other.evidence["count"] = draft.evidence.get("count")
                return
            if headline_debris_counted_by(other, draft) and self.names_one_find(other):
                other.count, other.qualifier = draft.count, draft.qualifier
                other.admin1, other.claimant = draft.admin1, draft.claimant or other.claimant
                other.region_text = other.region_text or draft.region_text
                other.places.extend(p for p in draft.places if p.normal not in known(other))
                other.evidence.update({k: v for k, v in draft.evidence.items() if k == "count"})
                return
            if fpv_apart(other, draft):
                continue
            if same_key(other, draft) and not another_event(draft):
                other.model = other.model or draft.model  # the lead's figure, its model named later
                other.claimant = other.claimant or draft.claimant  # and its speaker
                if (
                    draft.claim_type == "debris"
                    and getattr(draft, "again", False)
                    and other.count
                    and draft.count
                ):
                    other.count += draft.count
                other.places.extend(
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )
                if draft.parent is not None and draft.parent.children_sum and draft.count:
                    draft.parent.children_sum -= draft.count
                return
            same_model = other.model == draft.model or (
                None in (other.model, draft.model)
                and (
                    draft.claim_type == "debris"
                    # a hit with no figure and one with a figure: the lead and its detail;
                    # two hits with no figure, by an FPV drone and by a drone, stay two
                    or (
                        draft.claim_type == "hit" and (other.count is None) != (draft.count is None)
                    )
                    # two count-less strikes, by Shaheds and by drones: one (an FPV strike
                    # stays apart, `fpv_apart`)
                    or (
                        draft.claim_type == "hit"
                        and other.count is None
                        and draft.count is None
                        and "FPV" not in (other.model, draft.model)
                    )
                )
            )
            same_place = same_model and (
                other.claim_type,
                other.weapon,
                other.admin1,
                other.sea,
                claimant_of(other),
            ) == (
                draft.claim_type,
                draft.weapon,
                draft.admin1,
                draft.sea,
                claimant_of(draft),
            )
            if same_place and draft.count is None:
                other.places.extend(
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )
                return
            if same_place and other.model is None and draft.model is not None:
                other.model = draft.model
                if (
                    other.count == draft.count
                    and not draft.again
                    and not listed_apart(other, draft)
                ):
                    other.places.extend(  # the same figure again, now with its model named
                        p for p in draft.places if p.normal not in {q.normal for q in other.places}
                    )
                    return
            if same_place and other.count is None and draft.claim_type == "debris":
                other.places.extend(  # debris of an unknown number, then of one at some site:
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )  # still unknown how many weapons in all
                return
            if same_place and other.count is None and draft.claim_type == "hit":
                # strikes of unknown number, then "a drone hit X"; but the one weapon named in
                # the strike's own sentence counts it ("ракетного удару, імовірно ракетою")
                if (
                    "count" not in draft.evidence
                    and draft.sentence is not other.sentence
                    and not (draft.count == 1 and self.attack_of_one(other))
                ):
                    other.places.extend(p for p in draft.places if p.normal not in known(other))
                    return
                other.count, other.qualifier = draft.count, draft.qualifier
                if draft.again and draft.count:
                    other.count = draft.count + 1
                other.evidence.update(draft.evidence)
                return
        self.drafts.append(draft)
