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
    lowered = text.lower()
    return any(word in lowered for word in words) or not lowers_as_it_folds(text)
