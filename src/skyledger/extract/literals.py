"""Lexicon entries that open with plain words, matched by comparing lower-cased text: most
need no regular expression compiled or run.

Most entries of lang/*.yaml (and every lemma's generated forms) have a plain shape: a word,
words separated by spaces, a stem with literal endings ("курск(?:ая|ой|ую)"), or a stem
open to any ending ("дрон\\w*"). Such an entry, matched case-blind at a word start and
ending at a word end, finds exactly what comparing `text.lower()` with its lower-case forms
finds (folding.py says when lower case and case-blind matching agree): the first form, in
the order the regex would try them, that the text holds there followed by no word
character. An entry that only opens that way ("пострада(?:ла|ли)(?:,\\s*…)") can match
only where the text opens with one of its opening forms: elsewhere its regex is not run
(nor compiled). Python's regex engine tries the alternatives of a case-blind alternation
one by one, and compiling one of the generated alternations costs more than a report's
whole scan, so this is where most of the lexicon's time went.
"""

from __future__ import annotations

import re

from skyledger.extract.folding import ListedWords, lowers_as_it_folds

MAX_FORMS = 5000  # an opening that spells out more forms than this is no plain one
PLAIN = r"(?:[^.^$*+?{}\[\]\\|()]|\\[^\w])"  # a character matched as itself ("\-" is "-")
UNQUANTIFIED = r"(?![?*+{])"
PART = re.compile(  # (?:a|b|), (?:a|b)?, plain characters, one made optional (s?); \w* at the end
    rf"\(\?:({PLAIN}*(?:\|{PLAIN}*)*)\)(?:(\?){UNQUANTIFIED}|{UNQUANTIFIED})"
    rf"|((?:{PLAIN}{UNQUANTIFIED})+)|({PLAIN})\?{UNQUANTIFIED}|\\w\*\Z"
)
ESCAPE = re.compile(r"\\(.)", re.DOTALL)
WORD = re.compile(r"\w+")
WORD_CHARS = re.compile(r"\w*")


class Literal:
    """The forms an entry opens with, lower case, in the order a regex tries them.

    `whole`: the forms are the whole entry (then `open_end`: any word characters may follow
    them, as in `stem\\w*`); `heads`: every form's first `size` characters, a necessary
    condition looked up before anything else; `words`: the forms as a set, when each is one
    whole word and nothing may follow.
    """

    __slots__ = ("forms", "whole", "open_end", "one_word", "words", "size", "heads")

    def __init__(self, forms: tuple[str, ...], whole: bool, open_end: bool):
        self.forms, self.whole, self.open_end = forms, whole, open_end
        self.one_word = WORD.fullmatch("".join(forms)) is not None  # no form is empty
        self.words = frozenset(forms) if self.one_word and not open_end else None
        self.size = min(len(form) for form in forms)
        self.heads = frozenset(form[: self.size] for form in forms)

    def end(self, text: str, lowered: str, start: int, endpos: int) -> int:
        """Where a whole entry's match at the word start `start` ends (-1: none). `lowered`
        is `text.lower()`, letter for letter; `endpos` ends the stretch looked at."""
        if self.one_word:
            word_end = WORD_CHARS.match(text, start, endpos).end()
            word = lowered[start:word_end]
            if self.words is not None:
                return word_end if word in self.words else -1
            return word_end if word.startswith(self.forms) else -1
        for form in self.forms:
            stop = start + len(form)
            if stop <= endpos and lowered.startswith(form, start):
                if self.open_end:
                    return WORD_CHARS.match(text, stop, endpos).end()
                if stop == endpos or not is_word_char(text[stop]):
                    return stop
        return -1


def is_word_char(char: str) -> bool:
    """What the regex class \\w holds (for str patterns): letters, digits, numerals and "_"."""
    return char.isalnum() or char == "_"


def literal(branch: str) -> Literal | None:
    """The plain forms a branch opens with (see the module), or None when it has none."""
    if not lowers_as_it_folds(branch):
        return None
    forms, open_end, position = [""], False, 0
    while part := PART.match(branch, position):
        group, optional, run, optional_char = part.groups()
        if optional_char is not None:
            group, optional = optional_char, "?"  # "s?" as "(?:s)?"
        if run is not None:
            run = lower_case(run)
            if run is None:
                break
            forms = [form + run for form in forms]
        elif group is not None:
            alternatives = [lower_case(a) for a in group.split("|")]
            if None in alternatives:
                break
            if optional:
                alternatives.append("")
            grown = [form + a for form in forms for a in alternatives]
            if len(grown) > MAX_FORMS:
                break
            forms = grown
        else:
            open_end = True
        position = part.end()
    if "" in forms:  # an entry that can open with nothing: the regex's business
        return None
    return Literal(tuple(dict.fromkeys(forms)), position == len(branch), open_end)


def lower_case(fragment: str) -> str | None:
    """The text a fragment of PLAIN characters matches, in lower case; None when a letter of
    it has a longer lower case."""
    if "\\" in fragment:
        fragment = ESCAPE.sub(r"\1", fragment)
    lowered = fragment.lower()
    return lowered if len(lowered) == len(fragment) else None


# What nests a pattern: a bracket or parenthesis, or an escape (with the character it takes as
# it is); one class first, so the engine skips ahead through the letters between them
NESTING = re.compile(r"[()\[\]\\](?:(?<=\\).)?", re.DOTALL)


def top_level_branches(fragment: str) -> list[str]:
    """Split 'a|b(?:c|d)' into ['a', 'b(?:c|d)']. Only what nests is looked at one by one, and
    the stretches outside it searched for "|": a generated fragment is thousands of letters
    and hundreds of alternatives long."""
    cuts: list[int] = []  # where the top-level "|" stand
    depth, outside = 0, 0  # `outside`: where the stretch at depth 0 began
    for token in NESTING.finditer(fragment):
        if depth == 0:
            cuts.extend(pipes(fragment, outside, token.start()))
        char = token.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        outside = token.end()
    if depth == 0:
        cuts.extend(pipes(fragment, outside, len(fragment)))
    bounds = [-1, *cuts, len(fragment)]
    return [fragment[bounds[i] + 1 : bounds[i + 1]] for i in range(len(bounds) - 1)]


def pipes(text: str, start: int, end: int):
    """Where "|" stands in text[start:end]."""
    found = text.find("|", start, end)
    while found >= 0:
        yield found
        found = text.find("|", found + 1, end)


def gated(regex: re.Pattern, fragments) -> re.Pattern | ListedWords:
    """A case-blind `regex` of `fragments` (each a word list's entry), searched only in a text
    that holds the plain letters some fragment opens with; as it is when one opens otherwise."""
    openings: list[str] = []
    for fragment in fragments:
        for branch in top_level_branches(str(fragment)):
            found = literal(branch)
            if found is None:
                return regex
            openings.extend(found.heads)
    return ListedWords(regex, openings) if openings else regex
