"""Phrases saying no one was hurt (`none_said:`) and fires at named sites (`fires:`), built
from each lexicon's words.

Three shapes, in every language: the harmed named and then said to be absent ("погибших и
пострадавших нет", "постраждалі відсутні"), a preposition before them ("без травмованих",
"no deaths or injuries"), and a subject that was not harmed ("люди не пострадали", "no one
was hurt"). The harmed are lemmas (lang/lemma_forms.yaml holds their forms), so every case
counts. A phrase that names only deaths ("без жертв", "no deaths", "no one was killed")
zeroes the killed alone, as the guideline asks; the rules check that with `killed_only`.
"""

from __future__ import annotations

import re

from skyledger.extract.lemmas import generated_fragments


def alternation(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def listed(word: str, joins: list[str], commas: bool = True) -> str:
    """One harmed word, or up to four joined: "загиблих і поранених", "killed or injured"
    (with `commas`, "травмованих, загиблих та ...")."""
    words = r"\s+(?:" + "|".join(re.escape(j) for j in joins) + r")\s+"
    join = rf"(?:,\s*|{words})" if commas else f"(?:{words})"
    return f"{word}(?:{join}{word}){{0,3}}"


def phrases(data: dict, lang: str, words: list[str]) -> list[str]:
    """The three shapes for one set of harmed words."""
    said = data.get("none_said") or {}
    if not words:
        return []
    joins = said.get("joins") or []
    harmed = listed(alternation(words), joins)
    # "без пошкоджень та постраждалих", "no damage or casualties": other losses before them
    before = r"(?:\w+ )?(?:\w+ (?:" + "|".join(re.escape(j) for j in joins) + ") )?"
    out = []
    if said.get("absent"):
        absent = alternation(re.escape(a) for a in said["absent"])
        # an aside between commas may stand before the absence: "пострадавших, как сообщили
        # в ведомстве, нет", "постраждалих, за попередніми даними, немає"
        # (and closing the clause: "среди пострадавших, по словам врачей, нет детей" is none)
        aside = rf",(?: [\w\-]+){{1,4}}, {absent}(?![ \w])"
        out.append(rf"{harmed}(?:{aside}|(?: [\w,]+){{0,3}},? {absent})")
    if said.get("without"):
        without = alternation(re.escape(w) for w in said["without"])
        # no comma list here: "без жертв, постраждалим надають допомогу" zeroes deaths only
        only_joined = listed(alternation(words), joins, commas=False)
        out.append(rf"{without} {before}{only_joined}")
    if said.get("nobody"):
        nobody = alternation(re.escape(n) for n in said["nobody"])
        negator = said.get("negator")
        negated = rf" {re.escape(negator)} " if negator else " "
        out.append(rf"{nobody}(?: [\w,]+){{0,3}}?{negated}{harmed}")
    out.extend(people_not_harmed(said.get("not_harmed") or {}))
    return out


def people_not_harmed(data: dict) -> list[str]:
    """People named and then denied harm with a negator after their verb ("the residents were
    not hurt", "the driver wasn't injured"): English negates the auxiliary, not the subject."""
    people, negators, words = data.get("people"), data.get("negators"), data.get("harmed")
    if not people or not negators or not words:
        return []
    negator = alternation(re.escape(n) for n in negators)
    harmed = alternation(re.escape(w) for w in words)
    return [
        rf"{alternation(re.escape(p) for p in people)}(?: [\w,]+){{0,3}}?{negator} {harmed}"
        rf"(?: (?:or|and) {harmed})?"
    ]


def none_said(data: dict, lang: str) -> tuple[list[str], list[str]]:
    """Fragments for "no one was hurt" phrases, and the words of harm short of death."""
    forms = generated_fragments(lang, "none_said")
    hurt = forms.get("hurt") or []
    return phrases(data, lang, hurt + (forms.get("dead") or [])), hurt


def killed_only(hurt_words, text: str, start: int, end: int) -> bool:
    """The phrase at text[start:end] names deaths alone: no word of lesser harm in it."""
    return hurt_words is not None and hurt_words.search(text, start, end) is None


def fire_at_site(data: dict, lang: str) -> list[str]:
    """A fire at a named object or site is damage (revision 2): "пожар на территории
    предприятия", "возгорание помещения охраны", "a fire broke out at the refinery". A bare
    fire, with no site named, is not."""
    forms = generated_fragments(lang, "fires")
    fires, sites = forms.get("fire") or [], forms.get("sites") or []
    links = (data.get("fires") or {}).get("links") or []
    if not fires or not sites:
        return []
    link = alternation(re.escape(str(w)) for w in links) if links else "(?!)"
    out = [
        rf"{alternation(fires)}(?: [\w\-]+){{0,2}}? (?:{link} )?(?:[\w\-«»\"]+ ){{0,3}}?"
        rf"{alternation(sites)}"
    ]
    before = forms.get("sites_before") or []
    if before and links:
        # the site first, its fire later in the clause ("на нефтебазе в Каневском районе
        # произошел пожар", "упали на промзону, после чего там возник пожар"). The cue is the
        # site alone, the fire a lookahead, so the claim words between stay cues of their own.
        denials = (data.get("fires") or {}).get("denials") or []
        denied = alternation(re.escape(str(w)) for w in denials) if denials else "(?!)"
        word = rf"(?!{denied}\b)[\w\-«»\",’']+"  # ("Russia's Saratov region")
        fire_after = rf"(?=,?(?: {word}){{0,10}}? {alternation(fires)}\b(?!,? {denied}\b))"
        out.append(rf"{link} (?:[\w\-«»\"]+ ){{0,2}}?{alternation(before)}\b{fire_after}")
        attacked = (data.get("fires") or {}).get("attacked")
        if attacked:
            # ... or attacked first ("drones attacked an oil refinery …, causing a fire"): the
            # cue opens at the verb, which still tells the attack (local_claims
            # `attacked_with_harm`); the verb is one regex, so the sites are compiled once more
            out.append(rf"{attacked} (?:[\w\-«»\"]+ ){{0,2}}?{alternation(before)}\b{fire_after}")
    return out
