"""Case-blind matching by lower-cased text: when comparing `text.lower()` with lower-case
words finds what a case-blind pattern (re.IGNORECASE) of those words finds, a cheap test on
the lower-cased text can stand before a slow regex search, or replace it."""

from __future__ import annotations

import re

# Characters on which a case-blind pattern and a comparison of lower-cased text can disagree:
# "İ" (two letters in lower case), Greek letters with a second lower-case form ("σ" and
# "ς"), and the rare letters the regex engine folds into common ones ("ſ" with "s", "ᲂ"
# with "о"). Text without them can be searched for words by `text.lower()` first.
CASE_FOLDS_APART = re.compile(
    "[\u00b5\u0130-\u0131\u017f\u0345\u0390\u0392\u0395\u0398-\u039a\u039c"
    "\u03a0-\u03a1\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8-\u03ba\u03bc\u03c0-\u03c3"
    "\u03c6\u03d0-\u03d1\u03d5-\u03d6\u03f0-\u03f1\u03f4-\u03f5\u1c80-\u1c88"
    "\u1e60-\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a-\ua64b\ufb05-\ufb06]"
)


def lowers_as_it_folds(text: str) -> bool:
    """Does `text.lower()` hold a lower-case word wherever a case-blind pattern of that word
    would match in `text`? (True unless one of CASE_FOLDS_APART is in it: in the text, or in
    the word.)"""
    return CASE_FOLDS_APART.search(text) is None


def may_hold(text: str, *words: str) -> bool:
    """Can a case-blind pattern whose every match holds one of `words` (lower case) match in
    `text`? A cheap test before a slow search: no when `text.lower()` holds none of them."""
    lowered, folds = lowered_text(text)
    return any(word in lowered for word in words) or not folds


_LOWERED: dict[str, tuple[str, bool]] = {}  # recent texts -> lowered_text(text)


def lowered_text(text: str) -> tuple[str, bool]:
    """`text.lower()` and `lowers_as_it_folds(text)`, memoised for recent texts: the gates of
    a report's patterns look at the same report and sentences many times."""
    known = _LOWERED.get(text)
    if known is None:
        if len(_LOWERED) >= 256:
            _LOWERED.clear()
        known = _LOWERED[text] = (text.lower(), lowers_as_it_folds(text))
    return known


class ListedWords:
    """A case-blind pattern every match of which holds one of `words`, searched only where the
    lower-cased stretch holds one of them. (A pattern that opens with a look-behind, or
    ignores case, is tried at every position of a text: slow on a whole report.)"""

    __slots__ = ("regex", "words")

    def __init__(self, regex: re.Pattern, words):
        words = tuple(str(w).lower() for w in words)
        self.regex = regex
        self.words = words if all(lowers_as_it_folds(w) for w in words) else None

    def _may_hold(self, text: str, pos: int, endpos: int | None) -> bool:
        if self.words is None:  # a word the test cannot stand for: always searched
            return True
        stretch = text if pos == 0 and endpos is None else text[pos:endpos]
        return may_hold(stretch, *self.words)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_hold(text, pos, endpos):
            return iter(())
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_hold(text, pos, endpos):
            return None
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)
