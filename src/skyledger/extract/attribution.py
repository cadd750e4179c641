"""Attribution: who makes each sentence's claims.

A stage of its own, after mention tagging (claimants.py finds officials, titles and
offices) and before claim assembly: every sentence gets the claimant it speaks for, or
None. The guideline (corpus README, "Claimant") is the contract: a claim belongs to the
office or person the text attributes it to; the outlet is the claimant only when it
speaks on its own account ("Как сообщалось", "Нагадаємо").

The rules, in order, for one sentence:
- the highest-ranked claimant named in it (a named official, a title with its region,
  an office); an office named in a sentence with no weapon, cue or attribution verb
  speaks for nothing ("по согласованию с Минобороны");
- a bare title ("губернатор", "the mayor") is the official or titled claimant named
  last before it, else the first one the report names, else that title of the region
  its sentence names (else the report's first region): "В Тамбовской области ...,
  сообщил губернатор" is the Governor of Tambov Oblast;
- a sentence with nobody named is the next sentence's claimant when that one says
  "Об этом сообщил ...", the outlet's when it opens with an outlet cue, else the last
  claimant before it (or the report's first).
"""

from __future__ import annotations

from skyledger.extract.claimants import ClaimantMention, best, title_claimant
from skyledger.extract.lexicon import Lexicon
from skyledger.extract.sentences import Sentence


def spans(pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


def inside(found: list[tuple[int, int]], sentence: Sentence) -> bool:
    return any(sentence.start <= start and end <= sentence.end for start, end in found)


class Attribution:
    """One report's attribution: its sentences, its claimant mentions, its attribution cues."""

    def __init__(
        self, text: str, lex: Lexicon, sentences: list[Sentence], index, mentions, regions
    ):
        self.text = text
        self.lex = lex
        self.sentences = sentences
        self.index = index  # MentionIndex: window(start, end) -> the mentions inside
        self.mentions: list[ClaimantMention] = mentions
        self.regions = regions  # every region mention, in text order
        self.attributions = spans(lex.attribution, text)  # "сообщил", "said", "за даними"
        self.about_this = spans(lex.about_this, text)  # "Об этом сообщил ..."
        # where "Как сообщалось", "Нагадаємо" ... begin: a sentence opening there is the outlet's
        self.outlet_cue_starts = {start for start, _end in spans(lex.outlet_cues, text)}

    def named_in(self, sentence: Sentence) -> ClaimantMention | None:
        """The claimant a sentence names itself, if any (a bare title left unresolved)."""
        window = self.index.window(sentence.start, sentence.end)
        mentions = window.claimants
        if not (window.weapons or window.types) and not inside(self.attributions, sentence):
            # "работы по согласованию с Минобороны": an office named in passing speaks for nothing
            mentions = [m for m in mentions if m.kind != "office"]
        named = [m for m in mentions if m.kind in ("official", "title")]
        bare = [m for m in mentions if m.kind == "bare"]
        if not named and bare and any(c.kind in ("official", "title") for c in self.mentions):
            mentions = bare
        return best(mentions)

    def sentence_claimants(self) -> list[ClaimantMention | None]:
        """The claimant of every sentence, in order."""
        per_sentence = [self.named_in(sentence) for sentence in self.sentences]
        first_named = next((c for c in per_sentence if c is not None and c.kind != "bare"), None)
        resolved: list[ClaimantMention | None] = []
        last = None
        for index, (sentence, mention) in enumerate(zip(self.sentences, per_sentence, strict=True)):
            if mention is not None and mention.kind == "bare":
                mention = self.resolve_bare(mention, last, per_sentence, sentence)
            if mention is None:
                following = per_sentence[index + 1] if index + 1 < len(per_sentence) else None
                nxt = self.sentences[index + 1] if index + 1 < len(self.sentences) else None
                if following is not None and following.kind == "bare":
                    following = self.resolve_bare(following, last, per_sentence, nxt)
                if (
                    following is not None
                    and following.kind != "bare"
                    and nxt is not None
                    and inside(self.about_this, nxt)
                ):
                    mention = following
                elif sentence.start in self.outlet_cue_starts:
                    mention = outlet(sentence)
                else:
                    mention = last or first_named
            resolved.append(mention)
            if mention is not None and mention.claimant != "(outlet)":
                last = mention
        return resolved

    def resolve_bare(self, mention, last, per_sentence, sentence) -> ClaimantMention | None:
        """A bare title: the official or titled claimant it refers back to, else the
        holder of that title in the region the sentence (else the report) names."""
        if last is not None and last.kind in ("official", "title"):
            return last
        for other in per_sentence:
            if other is not None and other.kind in ("official", "title"):
                return other
        for other in self.mentions:
            if other.kind in ("official", "title"):
                return other
        region = self.region_for(mention, sentence)
        if region is not None and mention.title:
            return ClaimantMention(
                mention.start,
                mention.end,
                title_claimant(mention.title, region.code, self.lex.lang),
                region.code,
                region.code[:2],
                "title",
                mention.title,
            )
        return last

    def region_for(self, mention: ClaimantMention, sentence: Sentence):
        """The region nearest the title in its sentence, else the report's first."""
        here = self.index.window(sentence.start, sentence.end).regions
        if here:
            return min(here, key=lambda r: abs(r.start - mention.start))
        return self.regions[0] if self.regions else None


def outlet(sentence: Sentence) -> ClaimantMention:
    """The publishing outlet speaking on its own account, from the sentence's start."""
    return ClaimantMention(sentence.start, sentence.start, "(outlet)", None, None, "office")
