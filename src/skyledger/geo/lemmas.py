"""Dictionary forms of words the gazetteer does not know (the slow path, taken on misses only)."""

from __future__ import annotations

from functools import lru_cache

from skyledger.geo.normalize import name_key, script_of

UKRAINIAN_LETTERS = frozenset("іїєґ")
RUSSIAN_LETTERS = frozenset("ыэъё")


def _dictionaries(word: str, lang: str | None) -> tuple[str, ...]:
    """Both dictionaries, the word's own language first (its letters, else the stated language)."""
    letters = set(word.lower())
    if letters & UKRAINIAN_LETTERS:
        order = ("uk",)
    elif letters & RUSSIAN_LETTERS:
        order = ("ru",)
    else:
        order = ("uk", "ru") if lang == "uk" else ("ru", "uk")
    return order


@lru_cache(maxsize=4096)
def word_lemmas(word: str, lang: str | None = None) -> tuple[str, ...]:
    """Nominative forms of one word, most likely first, case kept as in the word."""
    if script_of(word) != "cyr":
        return (word,)
    out: list[str] = []
    from skyledger.geo.forms import readings

    for code in _dictionaries(word, lang):
        for parse in readings(word.lower(), code)[:3]:
            form = parse.inflect({"nomn"}) if parse.tag.case not in (None, "nomn") else parse
            lemma = (form.word if form else parse.normal_form).replace("ё", "е")
            if lemma not in out:
                out.append(lemma)
    return tuple(_recase(lemma, word) for lemma in out) or (word,)


def _recase(lemma: str, like: str) -> str:
    if like[:1].isupper():
        return lemma[:1].upper() + lemma[1:]
    return lemma


def dictionary_form(tokens: list[str], lang: str | None = None) -> str:
    """'Киришском районе' -> 'Киришский район'; Latin text is returned as it is."""
    return " ".join(word_lemmas(t, lang)[0] for t in tokens)


def lemma_keys(tokens: list[str], lang: str | None = None, limit: int = 6) -> list[str]:
    """Keys of likely nominative readings of a multi-word mention, for a second look-up."""
    variants = [""]
    for token in tokens[:4]:
        options = word_lemmas(token, lang)[:3]
        variants = [f"{v} {o}".strip() for v in variants for o in options][:limit]
    return [name_key(v) for v in variants]
