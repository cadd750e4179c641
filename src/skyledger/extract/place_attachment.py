"""Towns and sites named near a claim, attached to it.

A stage of one report's extraction, mixed into the Extraction class (extract/rules.py).
"""

from __future__ import annotations

from functools import cached_property

from skyledger.extract.mentions import (
    Draft,
    in_sentence,
    overlaps,
    start_of,
)
from skyledger.extract.places import (
    city_of,
    foreign_community,
    is_district,
    locate,
    region_of_places,
    resolve,
    village,
)
from skyledger.extract.regions import (
    RegionMention,
    dateline_or_possessive,
    english_chains,
)
from skyledger.extract.restatements import (
    claimant_of,
)
from skyledger.extract.rule_patterns import (
    COUNT_TYPES,
)
from skyledger.extract.sentences import Sentence
from skyledger.extract.timewindow import find_window

HEADING_MARKS = " \t.:;—–-"  # what may stand around a heading's name: "Белгородский район."


def heading_place(sentence: Sentence, places: list):
    """The district a line names and nothing else ("Белгородский район.", "Харківський район:"):
    it heads the claims after it in its paragraph."""
    if len(places) != 1 or not is_district(places[0]):
        return None
    start, end = places[0].span[0] - sentence.start, places[0].span[1] - sentence.start
    rest = sentence.text[:start] + sentence.text[end:]
    return places[0] if not rest.strip(HEADING_MARKS) else None


class PlaceAttachment:
    """Towns and sites named near a claim, attached to it."""

    def frame_districts(self, sentence: Sentence, claimant, places: list) -> list:
        """Districts settle the region of a sentence that names none ("над Лискинским и
        Острогожским районами"): it is the frame's, as a region named is. They are looked up
        in the speaker's region, else the frame's, else anywhere. A line naming only a
        district ("Шебекинский округ.") heads the sentences after it, up to the next heading
        or paragraph. The places come back with those districts looked up."""
        if self.heading is not None and self.heading[0] != sentence.paragraph:
            self.heading = None
        heading = heading_place(sentence, places)
        if not (heading is not None or (places and not self.m.regions)):
            return places
        scope = (claimant.admin1 if claimant is not None else None) or self.frame_region
        places = [
            resolve(p, sentence.text, self.lex.lang, scope) if is_district(p) else p for p in places
        ]
        if heading is not None:
            self.heading = (sentence.paragraph, places[0])
        code = region_of_places(places)
        if code is not None and not self.m.regions:
            self.frame_region, self.frame_end = code, sentence.end
        return places

    def place_under_heading(self, sentence: Sentence) -> None:
        """The heading's district is a place of this sentence's claims that lie in its region or
        in none yet."""
        if self.heading is None:
            return
        place = self.heading[1]
        for draft in self.drafts:
            if (
                draft.sentence is sentence
                and draft.admin1 in (None, place.admin1)
                and draft.sea is None
                and all(p.normal != place.normal for p in draft.places)
            ):
                draft.places.append(place)

    def named_places(self, sentence: Sentence, claimant, cue_places) -> list:
        """Places named after weak cues in this sentence ("атаковал Погар", "in Sumy"), looked
        up in the regions the report gives; when the sentence names no region, the region such
        a place settles becomes the sentence's (a region mention at the name)."""
        m = self.m
        cities = in_sentence(self.places.cities, self.places.city_starts, sentence)
        named = in_sentence(self.places.named, self.places.named_starts, sentence)
        if not (named or cities or cue_places):
            return []
        titles = self.title_regions
        regions = [r for r in m.regions if not (titles and overlaps((r.start, r.end), titles))]
        own = list(dict.fromkeys(r.code for r in regions))
        places = self.cities(regions, cities) if cities else []
        if not named and (own or not cue_places):
            return places
        if claimant is not None and claimant.admin1:
            scopes = own + [claimant.admin1]  # a governor speaks of his region
        else:
            scopes = own + [self.frame_region] + self.report_regions
        scopes = [code for code in dict.fromkeys(scopes) if code]
        anywhere = not self.report_regions
        settled = []
        for place in cue_places if not own else []:
            alone = anywhere and not village(self.text, place.span[0], self.lex.lang)
            _found, code = locate(place.text, place.span, self.lex.lang, scopes, alone)
            if code is not None and not foreign_community(place, code):
                settled.append(RegionMention(code, *place.span, place.text))
        taken = [p.span for p in cue_places if p.span]
        for candidate in named:
            place, code = self.place_named(candidate, scopes, taken)
            if place is None:
                continue
            places.append(place)
            if code is not None:
                settled.append(RegionMention(code, candidate.start, candidate.end, place.text))
        speaker = claimant.admin1 if claimant is not None else None
        settled = [r for r in settled if r.code != speaker]  # a governor's region comes anyway
        if settled and not own:  # (the window is this sentence's, asked for no more)
            m.regions = sorted(m.regions + settled, key=start_of)
        return places

    def cities(self, regions: list[RegionMention], candidates) -> list:
        """Regions named by their city after a weak cue ("в Курске", "in Sumy")."""
        after_cue = {c.start: c for c in candidates}
        chains = self.region_chains
        found = []
        for region in regions:
            candidate = after_cue.get(region.start)
            if candidate is None or any(s <= region.start < e for s, e in chains):
                continue
            span = (region.start, region.end)
            city = city_of(self.text, span, candidate.cue, self.lex.lang, region.code)
            if city is not None:
                found.append(city)
        return found

    def place_named(self, candidate, scopes: list[str], taken) -> tuple:
        """One candidate as a place: the two-word name it opens when the second word is no
        other mention ("Bila Tserkva"), else the word; a two-word name the gazetteer does not
        know is a person or an office ("Ivan Fedorov"), no place."""
        end = candidate.long_end or candidate.end
        span = (candidate.start, end)
        if overlaps(span, taken):
            return None, None
        place, code = locate(
            self.text[slice(*span)], span, self.lex.lang, scopes, not self.report_regions
        )
        if (
            place is not None
            and self.lex.lang == "en"
            and dateline_or_possessive(
                self.text, RegionMention(place.admin1 or "", *span, place.text)
            )
        ):
            return None, None  # "officials in Kyiv said": the capital speaks, nothing is struck
        return place, code

    @cached_property
    def region_chains(self) -> list[tuple[int, int]]:
        """English lists of regions ("over the Rostov and Tver regions", "the region of
        Odesa"): the names in them are regions, not their cities."""
        if self.lex.lang != "en" or "region" not in self.text.lower():
            return []
        return list(english_chains(self.text))

    @cached_property
    def report_regions(self) -> list[str]:
        """Regions the report gives anywhere (named, or its claimants'), first named first."""
        codes = [r.code for r in self.all.regions]
        codes += [c.admin1 for c in self.all.claimants if c.admin1]
        return list(dict.fromkeys(codes))

    def attach_window(self, sentence: Sentence, claimant, made: list[Draft]) -> None:
        window = find_window(sentence.text, self.lex, self.published)
        if window is None:
            return
        start, end, (w_start, w_end) = window
        span = (sentence.start + w_start, sentence.start + w_end)
        targets = made or [
            d
            for d in self.drafts
            if claimant_of(d) == (claimant.claimant if claimant else None)
            and d.claim_type in COUNT_TYPES
        ]
        for draft in targets:
            draft.window = (start, end)
            draft.evidence["window"] = span
        for draft in self.drafts:
            if draft.parent in targets and draft.window is None:
                draft.window = (start, end)

    def attach_places(self, sentence: Sentence, claimant, made: list[Draft], places) -> None:
        here = [d for d in self.drafts if d.sentence is sentence] if self.named else []
        for draft in here:  # names after weak cues: only claims of their own sentence
            have = {p.normal for p in draft.places}
            draft.places.extend(
                p for p in self.named if p.admin1 in (None, draft.admin1) and p.normal not in have
            )
        if not places:
            return
        parents = {id(d.parent) for d in self.drafts if d.parent is not None}
        targets = [  # not a total broken down by region: its places are its parts'
            d for d in self.drafts if d.sentence is sentence and id(d) not in parents
        ]
        if (
            not targets
            and not made
            and not any(sentence.start <= t[1] < sentence.end for t in self.m.types)
        ):
            name = claimant.claimant if claimant else None
            for draft in reversed(self.drafts):
                if (
                    claimant_of(draft) == name
                    and draft.count is not None
                    and draft.admin1
                    and draft.claim_type in COUNT_TYPES
                ):
                    targets = [draft]
                    break
        for draft in targets:
            known = {p.normal for p in draft.places}
            draft.places.extend(p for p in places if p.normal not in known)
