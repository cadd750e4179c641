"""The rules: sentences -> counted weapon phrases -> claims.

Per sentence we find numbers, weapon words, claim-type cues and regions (all from the
language's lexicon), attach each number to the weapon that follows it ("49 украинских
БПЛА"), or to the frame's weapon when the line is elliptical ("семь — над Воронежской"),
give it the claim type of the cue in its clause (else the nearest one before it, else
the frame's), and its region from its own segment. Totals and their per-region lines
are linked by `parent`. Damage, casualties, hits and debris without a figure become
one claim per claimant and region.

`Extraction` holds one report's mentions and frames; its stages are mixins, one module
each: items.py, frames.py, assembly.py, local_claims.py, casualty_figures.py and
place_attachment.py. `run` walks the sentences through them.
"""

from __future__ import annotations

from skyledger.extract import (
    breakdown,
    constructions,
    named_models,
    targets,
)
from skyledger.extract.assembly import ClaimAssembly
from skyledger.extract.attribution import Attribution
from skyledger.extract.casualty_figures import CasualtyFigures
from skyledger.extract.frames import Frames
from skyledger.extract.items import ItemReading
from skyledger.extract.lexicon import Lexicon
from skyledger.extract.local_claims import LocalClaims
from skyledger.extract.mentions import (
    Draft,
    MentionIndex,
    find_mentions,
    overlaps,
    within,
)
from skyledger.extract.place_attachment import PlaceAttachment
from skyledger.extract.places import (
    find_places,
)
from skyledger.extract.restatements import (
    claimant_of,
    headline_told_again,
    opens_recap,
    within_series,
)
from skyledger.extract.sentences import split


class Extraction(ItemReading, Frames, ClaimAssembly, LocalClaims, CasualtyFigures, PlaceAttachment):
    """One report's extraction state: frames carried from sentence to sentence."""

    def __init__(self, text: str, lex: Lexicon, published, default_claimant: str | None):
        self.text = text
        self.lex = lex
        self.published = published
        self.default_claimant = default_claimant
        self.all, self.places = find_mentions(text, lex)
        self.all.weapons = targets.retyped(
            text, named_models.with_models(self.all.weapons, self.all.models), lex.lang
        )
        self.index = MentionIndex(self.all)
        self.m = self.all
        self.sentences = split(text)
        self.drafts: list[Draft] = []
        self.frame_type: str | None = None
        self.frame_weapon: tuple[str, str | None] | None = None
        self.frame_region: str | None = None
        self.frame_end = -1  # where the sentence that named the frame's region ends
        self.open_totals: dict = {}
        self.second_speaker = None  # another claimant speaking later in the current sentence
        self.title_regions = [(c.start, c.end) for c in self.all.claimants if c.kind == "title"]
        self.named: list = []  # places named after weak cues in the current sentence
        self.strike_headers: dict[int, int] = {}  # sentence start -> where "N ударов" stands
        self.clause_breaks: dict = {}  # a sentence's (start, end) -> where its clause breaks start, end
        self.recap_start = 0  # where the outlet's last recap of other news opens ("Нагадаємо, …")
        self.heading = None  # (paragraph, district) of a line naming only a district

    def run(self) -> list[Draft]:
        attribution = Attribution(
            self.text,
            self.lex,
            self.sentences,
            self.index,
            self.all.claimants,
            self.all.regions,
            speaker_given=self.default_claimant is not None,
        )
        claimants = attribution.sentence_claimants()
        header_pending = None
        for index, sentence in enumerate(self.sentences):
            self.m = self.index.window(sentence.start, sentence.end)
            self.title_regions = [(c.start, c.end) for c in self.m.claimants if c.kind == "title"]
            claimant = claimants[index]
            if claimant is not None and claimant.kind == "bare":
                claimant = None
            self.second_speaker = attribution.second_speaker(claimant, self.m.claimants)
            if opens_recap(claimants, index):
                # "Як повідомлялося, …", "As reported, …": other news, told anew; the weapon
                # of what came before does not carry into it
                self.frame_weapon, self.recap_start = None, sentence.start
            cue_places = find_places(sentence.text, self.lex.lang, sentence.start)
            cue_places = self.frame_districts(sentence, claimant, cue_places)
            quiet = self.quiet(sentence)
            placing = not quiet or self.tells_explosions(sentence)
            self.named = self.named_places(sentence, claimant, cue_places) if placing else []
            cumulative = bool(
                within(self.m.cumulative, sentence.start, sentence.end, key=lambda s: s)
            )
            items = [] if quiet else self.items_in(sentence)
            made = self.count_claims(sentence, items, claimant, cumulative)
            counted = [d for d in made if d.count is not None]
            if (
                sentence.text.rstrip().endswith(":")
                and not counted
                and self.sentence_has_type(sentence)
            ):
                header_pending = (sentence, claimant, [])
            elif header_pending is not None and made and all(d.admin1 or d.sea for d in made):
                header_pending[2].extend(made)
            elif header_pending is not None:
                self.close_header(header_pending)
                header_pending = None
            if not quiet:
                self.local_claims_by_speaker(sentence, items, claimant)
                self.strike_counts(sentence, claimant)
            self.attach_window(sentence, claimant, made)
            self.attach_places(sentence, claimant, made, cue_places)
            self.place_under_heading(sentence)
            self.update_frame(sentence, items)
        if header_pending is not None:
            self.close_header(header_pending)
        self.drop_exercise_launches()
        kept = breakdown.without_rounded_repeats(within_series(self.without_unplaced_repeats()))
        kept = breakdown.without_model_parts(kept)
        breakdown.check_totals(kept)
        kept = constructions.struck_elsewhere(kept, claimant_of, self.text, self.lex.lang)
        drafts = constructions.struck(kept, claimant_of, self.text, self.lex.lang)
        drafts = constructions.repelled(drafts, claimant_of, self.text, self.lex.lang)
        return headline_told_again(
            self.in_the_only_region(
                self.in_the_one_region(constructions.absorbed(drafts, claimant_of))
            )
        )

    def in_the_only_region(self, drafts: list[Draft]) -> list[Draft]:
        """A report naming one region only and nobody who speaks: a count with no region told
        after it lies there ("Ночью ВСУ атаковали Курскую область. Сбито 8 дронов.")."""
        titles = [(c.start, c.end) for c in self.all.claimants]
        regions = [r for r in self.all.regions if not overlaps((r.start, r.end), titles)]
        named = {r.code for r in regions}
        if len(named) != 1 or any(d.claimant is not None or d.sea for d in drafts):
            return drafts
        (code,) = named
        first_named = regions[0].start
        if any(d.admin1 not in (None, code) for d in drafts):
            return drafts
        for draft in drafts:
            if (
                draft.admin1 is None
                and draft.count is not None
                and draft.uncertain_region
                and draft.sentence.start > first_named  # told after the region, not before
                and not any(d.parent is draft for d in drafts)
                and not any(same_kind(d, draft) and d.admin1 == code for d in drafts)
            ):  # beside a count of the region, one with none is a total ("Всего за ночь …")
                draft.admin1 = code
        return drafts

    def in_the_one_region(self, drafts: list[Draft]) -> list[Draft]:
        """A count with no region ("Так, пять ракет были сбиты") of a speaker with no region of
        its own (a ministry) is in the one region the report's claims are in, when the speaker
        places all its other claims there, one of them by name; a source of no country (a
        Telegram channel cited once: "по информации Telegram-канала Baza, атаковали более
        десяти дронов") speaks of the report's region too, a national office never."""
        codes = {d.admin1 for d in drafts if d.admin1 is not None}
        if len(codes) != 1 or any(d.sea is not None for d in drafts):
            return drafts
        (code,) = codes
        for draft in drafts:
            speaker = draft.claimant
            if (
                draft.admin1 is not None
                or draft.sea is not None
                or draft.count is None
                or not draft.uncertain_region
                or speaker is None
                or speaker.admin1 is not None
                or any(d.parent is draft for d in drafts)
            ):
                continue
            others = [d for d in drafts if d is not draft and claimant_of(d) == claimant_of(draft)]
            if (
                others
                and all(d.admin1 == code for d in others)
                and any("admin1" in d.evidence for d in others)
            ) or (not others and speaker.country is None and speaker.kind == "office"):
                draft.admin1 = code
        return drafts


def same_kind(a: Draft, b: Draft) -> bool:
    return (a.claim_type, a.weapon) == (b.claim_type, b.weapon)
