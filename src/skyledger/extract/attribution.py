"""Attribution: who makes each sentence's claims.

A stage of its own, after mention tagging (claimants.py finds officials, titles and
offices) and before claim assembly: every sentence gets the claimant it speaks for, or
None. The guideline (corpus README, "Claimant") is the contract: a claim belongs to the
office or person the text attributes it to; the outlet is the claimant only when it
speaks on its own account ("Как сообщалось", "Нагадаємо").

The rules, in order, for one sentence:
- the highest-ranked claimant named in it (a named official, a title with its region,
  an office); an office named in a sentence with no weapon, cue or attribution verb
  speaks for nothing ("по согласованию с Минобороны"); a word that refers back to an
  office ("по данным ведомства", "the ministry said") names the office named last before it;
- a bare title ("губернатор", "the mayor") is the official or titled claimant named
  last before it, else the first one the report names, else that title of the region
  its sentence names (else the report's first region): "В Тамбовской области ...,
  сообщил губернатор" is the Governor of Tambov Oblast;
- an office right after words for its forces ("силами ПВО Минобороны уничтожены")
  acted and does not speak, unless nobody else does;
- a sentence with nobody named is the next sentence's claimant when that one says
  "Об этом сообщил ...", the outlet's when it opens with an outlet cue or follows one in
  its paragraph ("Напомним, ... . Ещё 26 ..."), else the last claimant before it (or the
  report's first);
- a claimant that stands for a whole side ("the Ukrainian military") is the specific
  office of that country the report quotes (its bulletin relayed), when there is one.

Then, per claim (`national_totals`, `harm_after_bulletins`): a governor or a mayor speaks for a region, so a total
over several regions or the whole country given to one is the national office's of that
country the report names (the ministry whose bulletin the official repeats), else the
outlet's; and a ministry whose bulletins tell only of shoot-downs tells no harm at home in a
paragraph after its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from skyledger.extract.claimants import (
    ClaimantMention,
    best,
    held_title,
    title_claimant,
    title_country,
)
from skyledger.extract.folding import may_hold
from skyledger.extract.lexicon import FLAGS, Lexicon, load_yaml
from skyledger.extract.literals import literal
from skyledger.extract.sentences import BULLET, Sentence

QUOTES = "\"«“„'"
SAME_EVENT = "same event"  # the title of an outlet mention that opens no recap


@cache
def attribution_data() -> dict:
    return load_yaml("attribution.yaml")


@cache
def agent_before(lang: str) -> re.Pattern | None:
    """Forces words that end right before an office ("силами ПВО " + "Минобороны")."""
    words = attribution_data()["agents"].get(lang) or []
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")\s+(?:[\w-]+\s+)?$", FLAGS)


def opening(sentence: Sentence) -> int:
    """Where a sentence's first word stands: past a list item's dash ("- Згодом стало
    відомо, …" opens with its cue as much as a sentence with no dash)."""
    found = BULLET.match(sentence.text) if sentence.bullet else None
    return sentence.start + (found.end() if found else 0)


@cache
def word_list(name: str, lang: str) -> re.Pattern | None:
    """One of attribution.yaml's per-language word lists as a pattern at word starts."""
    words = attribution_data()[name].get(lang) or []
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", FLAGS) if words else None


def own_count_words(text: str, lang: str) -> bool:
    """Whether the text may tell the outlet's own count (its stems in either case)."""
    stems = attribution_data()["own_count_stems"].get(lang) or []
    return any(stem in text or stem.capitalize() in text for stem in stems)


@cache
def word_list_openings(name: str, lang: str) -> tuple[str, ...] | None:
    """The lower-case openings one of which every match of a word list holds (None: a word
    opens with no plain letters)."""
    openings: list[str] = []
    for word in attribution_data()[name].get(lang) or []:
        found = literal(str(word))
        if found is None:
            return None
        openings.extend(found.heads)
    return tuple(openings)


def word_list_spans(name: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Where a word list's words stand in `text`; not searched for (a case-blind pattern is
    tried at every position) in a text holding none of their openings."""
    openings = word_list_openings(name, lang)
    if openings is not None and not may_hold(text, *openings):
        return []
    return spans(word_list(name, lang), text)


def spans(pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


def inside(found: list[tuple[int, int]], sentence: Sentence) -> bool:
    return any(sentence.start <= start and end <= sentence.end for start, end in found)


class Attribution:
    """One report's attribution: its sentences, its claimant mentions, its attribution cues."""

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        sentences: list[Sentence],
        index,
        mentions,
        regions,
        speaker_given: bool = False,
    ):
        self.text = text
        # the publisher is known to speak (a channel's owner): an office that acted is no speaker
        self.speaker_given = speaker_given
        self.lex = lex
        self.sentences = sentences
        self.index = index  # MentionIndex: window(start, end) -> the mentions inside
        self.mentions: list[ClaimantMention] = mentions
        self.regions = regions  # every region mention, in text order
        self.attributions = spans(lex.attribution, text)  # "сообщил", "said", "за даними"
        self.about_this = spans(lex.about_this, text)  # "Об этом сообщил ..."
        # where "Как сообщалось", "Нагадаємо" ... begin: a sentence opening there is the outlet's
        self.outlet_cue_starts = {start for start, _end in spans(lex.outlet_cues, text)}
        self.anaphora = word_list_spans("anaphora", text, lex.lang)  # "по данным ведомства"
        self.own_counts = (  # "по подсчетам РБК"
            spans(word_list("own_counts", lex.lang), text)
            if own_count_words(text, lex.lang)
            else []
        )
        agent = agent_before(lex.lang)
        helpers = attribution_data()["helpers"].get(lex.lang) or []
        self.agents = {
            id(m)
            for m in mentions
            if m.kind == "office"
            and (
                (agent and agent.search(text, max(0, m.start - 50), m.start))
                or any(word in text[max(0, m.start - 30) : m.start].lower() for word in helpers)
            )
        }

    def named_in(self, sentence: Sentence) -> ClaimantMention | None:
        """The claimant a sentence names itself, if any (a bare title left unresolved)."""
        window = self.index.window(sentence.start, sentence.end)
        mentions = window.claimants
        if not (window.weapons or window.types) and not inside(self.attributions, sentence):
            # "работы по согласованию с Минобороны": an office named in passing speaks for nothing
            mentions = [m for m in mentions if m.kind != "office"]
        mentions = [m for m in mentions if id(m) not in self.agents]
        named = [m for m in mentions if m.kind in ("official", "title")]
        bare = [m for m in mentions if m.kind == "bare"]
        if not named and bare and any(c.kind in ("official", "title") for c in self.mentions):
            mentions = bare
        return best(mentions) or self.office_referred_to(sentence)

    def office_referred_to(self, sentence: Sentence) -> ClaimantMention | None:
        """ "По данным ведомства", "the ministry said": the office named last before it."""
        found = next(
            ((s, e) for s, e in self.anaphora if sentence.start <= s and e <= sentence.end), None
        )
        if found is None:
            return None
        office = None
        for mention in self.mentions:
            if mention.start >= found[0]:
                break
            if mention.kind == "office" and id(mention) not in self.agents:
                office = mention
        return None if office is None else replace(office, start=found[0], end=found[1])

    def sentence_claimants(self) -> list[ClaimantMention | None]:
        """The claimant of every sentence, in order."""
        per_sentence = [self.named_in(sentence) for sentence in self.sentences]
        first_named = next((c for c in per_sentence if c is not None and c.kind != "bare"), None)
        titled = self.first_title(per_sentence) if first_named is None else None
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
                if inside(self.own_counts, sentence):
                    mention = outlet(sentence)  # "по подсчетам РБК": the outlet's own count
                elif (
                    following is not None
                    and following.kind != "bare"
                    and nxt is not None
                    and inside(self.about_this, nxt)
                ):
                    mention = following
                elif (
                    opening(sentence) in self.outlet_cue_starts
                    and not self.reported_speech(sentence)
                ) or (
                    resolved
                    and resolved[-1] is not None
                    and resolved[-1].claimant == "(outlet)"
                    and self.sentences[index - 1].paragraph == sentence.paragraph
                ):
                    mention = outlet(sentence)
                else:
                    mention = last or first_named or self.agent_in(sentence)
                    if mention is None and titled is not None:
                        mention = titled[1] if titled[0] == sentence.paragraph else None
                    if self.elsewhere(mention, sentence):
                        mention = outlet(sentence, recap=False)
            resolved.append(mention)
            if mention is not None and mention.claimant != "(outlet)":
                last = mention
        return self.specific(self.with_holders(resolved))

    def with_holders(self, resolved: list) -> list:
        """A title ("Voronezh governor says ..." in a headline) and the official the report
        names as its holder ("Governor Alexander Gusev said") are one speaker: the official."""
        officials = [m for m in self.mentions if m.kind == "official" and m.claimant]
        if not officials:
            return resolved
        return [
            next(
                (
                    replace(o, start=mention.start, end=mention.end)
                    for o in officials
                    if o.claimant.startswith(mention.claimant + " ")
                ),
                mention,
            )
            if mention is not None and mention.kind == "title" and mention.claimant
            else mention
            for mention in resolved
        ]

    def second_speaker(self, first, mentions: list) -> ClaimantMention | None:
        """Another claimant who speaks after the sentence's own, an attribution verb right
        after it ("The ministry said it downed 64 drones, while Ukraine's Air Force said Russia
        launched 98", "…, а Воздушные силы Украины заявили, что …"): the figures after it are
        its own. `mentions` are the claimants the sentence names."""
        if first is None or first.claimant is None or len(mentions) < 2:
            return None
        named = [
            m
            for m in mentions
            if m.kind in ("official", "title", "office") and id(m) not in self.agents
        ]
        speakers = {first.claimant, named[0].claimant} if named else {first.claimant}
        for mention in named[1:]:
            if (
                mention.claimant is not None
                and mention.claimant not in speakers
                # the first spoke before it, and it speaks right after its name
                and any(named[0].end <= s < mention.start for s, _ in self.attributions)
                and any(mention.end <= s <= mention.end + 25 for s, _ in self.attributions)
            ):
                return mention
        return None

    def first_title(self, per_sentence: list) -> tuple | None:
        """A report whose only speaker is a bare title ("Пострадал один человек, сообщили в
        оперштабе региона", "the regional administration said"): that title's holder in the
        region its sentence names, and its paragraph, whose sentences naming nobody before it
        are his."""
        for sentence, mention in zip(self.sentences, per_sentence, strict=True):
            if mention is not None:
                found = self.resolve_bare(mention, None, per_sentence, sentence)
                if found is None or found.kind == "bare":
                    return None
                return sentence.paragraph, found
        return None

    def elsewhere(self, mention: ClaimantMention | None, sentence: Sentence) -> bool:
        """A regional official speaks for his region: a sentence naming nobody that tells only
        of other regions ("А в Хмельницькому ...", "Last week, a strike killed 25 in Kyiv" after
        the Governor of Odesa Oblast) is the outlet's own account, not his."""
        if mention is None or mention.kind not in ("official", "title") or mention.admin1 is None:
            return False
        if sentence.text.lstrip()[:1] in QUOTES:
            return False  # his own words quoted: he speaks of wherever he likes
        here = {r.code for r in self.index.window(sentence.start, sentence.end).regions}
        return bool(here) and mention.admin1 not in here

    def reported_speech(self, sentence: Sentence) -> bool:
        """An attribution verb past the outlet cue ("Ранее Иванов сообщил, что ..."): someone
        the outlet quotes speaks, not the outlet."""
        lead = opening(sentence) - sentence.start
        cue_end = next(
            (end for start, end in spans(self.lex.outlet_cues, sentence.text) if start == lead), 0
        )
        impersonal = set(attribution_data()["impersonal"].get(self.lex.lang) or [])
        return any(
            sentence.start + cue_end <= start < sentence.end
            and self.text[start:end].lower() not in impersonal
            for start, end in self.attributions
        )

    def agent_in(self, sentence: Sentence) -> ClaimantMention | None:
        """An office that acted, taken as the speaker when nobody else speaks and the publisher
        is not known to."""
        if self.speaker_given:
            return None
        window = self.index.window(sentence.start, sentence.end)
        return next((m for m in window.claimants if id(m) in self.agents), None)

    def specific(self, resolved: list) -> list:
        """A side's general claimant is the specific office of its country the report quotes
        with one of the same figures (the office's bulletin relayed in the lead); small
        figures (one to four) are shared by chance too often to say so."""
        general = set(attribution_data()["general"])
        if not any(m is not None and m.claimant in general for m in resolved):
            return resolved
        offices = [m for m in self.mentions if m.kind == "office" and m.claimant not in general]
        swapped = []
        for sentence, mention in zip(self.sentences, resolved, strict=True):
            if mention is not None and mention.claimant in general:
                figures = self.figures(sentence.start, sentence.end)
                office = next(
                    (
                        o
                        for o in offices
                        if o.country == mention.country
                        and any(v >= 5 for v in figures & self.figures_around(o))
                    ),
                    None,
                )
                mention = office or mention
            swapped.append(mention)
        return swapped

    def figures(self, start: int, end: int) -> set[int]:
        return {n.value for n in self.index.window(start, end).numbers}

    def figures_around(self, mention: ClaimantMention) -> set[int]:
        sentence = next(s for s in self.sentences if mention.start < s.end)
        return self.figures(sentence.start, sentence.end)

    def resolve_bare(self, mention, last, per_sentence, sentence) -> ClaimantMention | None:
        """A bare title: the official or titled claimant it refers back to, else the
        holder of that title in the region the sentence (else the report) names; an official
        of another region named in another paragraph is not it ("Kherson Oblast: …
        Governor Prokudin said. / Sumy Oblast: …, the regional military administration
        reported": Sumy's)."""
        candidates = [last, *per_sentence, *self.mentions]
        earlier = next(
            (c for c in candidates if c is not None and c.kind in ("official", "title")), None
        )
        if earlier is not None and not (
            mention.title
            and (
                (self.elsewhere(earlier, sentence) and self.told_apart(earlier, sentence))
                or another_tier(earlier, mention)
            )
        ):
            return earlier
        region = self.region_for(mention, sentence)
        if region is not None and mention.title:
            title = held_title(mention.title, region.code, self.lex.lang)
            return ClaimantMention(
                mention.start,
                mention.end,
                title_claimant(title, region.code, self.lex.lang),
                region.code,
                title_country(title, region.code),
                "title",
                title,
            )
        return last

    def told_apart(self, official: ClaimantMention, sentence: Sentence) -> bool:
        """The official was named in another paragraph than the sentence (an earlier one, or a
        later entry of a live blog)."""
        named_in = next((s for s in self.sentences if official.start < s.end), None)
        return named_in is not None and named_in.paragraph != sentence.paragraph

    def region_for(self, mention: ClaimantMention, sentence: Sentence):
        """The region nearest the title in its sentence, else the report's first."""
        here = self.index.window(sentence.start, sentence.end).regions
        if here:
            return min(here, key=lambda r: abs(r.start - mention.start))
        return self.regions[0] if self.regions else None


CITY_TITLES = ("mayor", "city_administration")  # offices of a city, not of its region


def another_tier(earlier: ClaimantMention, bare: ClaimantMention) -> bool:
    """A city's mayor and a region's governor or administration: "Mayor Sadovyi said. In the
    Zakarpattia region …, regional governor Biletskyi said" is no mayor."""
    titles = (earlier.title, bare.title)
    return None not in titles and (titles[0] in CITY_TITLES) != (titles[1] in CITY_TITLES)


def national_totals(drafts: list, mentions: list[ClaimantMention]) -> list:
    """A total over several regions (or the country) is no regional official's claim, nor
    are its parts (one statement)."""
    for draft in drafts:
        speaker = draft.claimant
        if (
            speaker is not None
            and draft.admin1 is not None
            and draft.admin1 == speaker.admin1
            and "admin1" not in draft.evidence
            and len(part_places(draft, drafts)) >= 2
        ):
            draft.admin1 = None  # the speaker's region was a guess: its parts span several
        if (
            speaker is None
            or speaker.kind not in ("official", "title")
            or speaker.admin1 is None
            or draft.admin1 is not None
            or draft.sea is not None
            or draft.count is None
            or not spans_regions(draft, drafts)
        ):
            continue
        office = next(
            (m for m in mentions if m.kind == "office" and m.country == speaker.country), None
        )
        draft.claimant = office or outlet(draft.sentence)
        for part in drafts:
            if part.parent is draft and part.claimant is speaker:
                part.claimant = draft.claimant  # its parts are the same statement
    return drafts


HARM = frozenset({"hit", "damage", "casualties", "debris"})


def harm_after_bulletins(drafts: list, sentences: list[Sentence]) -> list:
    """An office whose bulletins tell only of weapons shot down (`shootdown_bulletins`) tells
    no harm at home: a strike, damage, debris or casualties in its own country, told in a
    later paragraph that names nobody ("Накануне на НПЗ … пожар из-за падения обломков"
    after the ministry's figures), is the outlet's own account."""
    offices = set(attribution_data()["shootdown_bulletins"])
    for draft in drafts:
        speaker = draft.claimant
        if (
            speaker is None
            or speaker.claimant not in offices
            or draft.claim_type not in HARM
            or not draft.admin1
            or draft.admin1[:2] != speaker.country
        ):
            continue
        said = next((s for s in sentences if speaker.start < s.end), None)
        if said is not None and said.paragraph != draft.sentence.paragraph:
            draft.claimant = outlet(draft.sentence)
    return drafts


def part_places(draft, drafts: list) -> set:
    """The regions and seas of a total's parts."""
    return {d.admin1 or d.sea for d in drafts if d.parent is draft}


def spans_regions(draft, drafts: list) -> bool:
    """Its parts lie in two or more regions or seas, or it names several regions itself."""
    return len(part_places(draft, drafts)) >= 2 or not draft.uncertain_region


def outlet(sentence: Sentence, recap: bool = True) -> ClaimantMention:
    """The publishing outlet speaking on its own account, from the sentence's start: a recap
    of other news, or (`recap` False) the same night told of another region than its
    official's, whose weapons carry on."""
    title = None if recap else SAME_EVENT
    return ClaimantMention(sentence.start, sentence.start, "(outlet)", None, None, "office", title)
