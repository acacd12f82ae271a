"""The project's small English lexicon: verb classes and their inflected forms.

There is no lemmatizer in ``spacy.blank("en")``, and the rules only need lemmas for the words
they name, so forms are generated from base verbs with the regular spelling rules plus a
table of irregular forms, instead of shipping a 100 MB lookup table.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from nlp.rules_data import load_json

_VOWELS = frozenset("aeiou")


def _inflections(base: str) -> set[str]:
    """Regular -s, -ed and -ing forms of a base verb."""
    if len(base) <= 2:  # be, do, go: only "-ing" is regular ("bed" is not a form of "be")
        return {base + "ing"}
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
    forms = {base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")}
    forms |= {stem + "ed" if stem != base else base + "d", stem + "ing"}
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if _doubles(base):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _doubles(base: str) -> bool:
    """Short consonant-vowel-consonant verbs double the last letter: stop, stopped."""
    return (
        len(base) <= 4
        and len(base) >= 3
        and base[-1] not in _VOWELS | set("wxy")
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
    )


@cache
def lemma_table() -> dict[str, str]:
    """Every known verb form mapped to its base form."""
    data = load_json("lexicon.json")
    irregular: dict[str, list[str]] = data["irregular"]
    verbs = {verb for key, words in data.items() if key.endswith("_verbs") for verb in words}
    table: dict[str, str] = {}
    for verb in sorted(verbs | set(irregular)):
        for form in _inflections(verb) - set(table):
            table[form] = verb
        table[verb] = verb
    for verb, forms in irregular.items():
        table.update(dict.fromkeys(forms, verb))
    return table


@cache
def word_set(name: str) -> frozenset[str]:
    """A named word list from ``lexicon.json``, e.g. ``word_set("states")``.

    ``verbs`` is every verb the lexicon knows, in any class. A list may name another list
    as ``@name`` to include all of it ("abstract_objects" takes in "@state_nouns").
    """
    data = load_json("lexicon.json")
    if name == "verbs":
        return frozenset(
            verb for key, words in data.items() if key.endswith("_verbs") for verb in words
        )
    words: list[str] = data[name]
    return frozenset(_expand_words(words))


@cache
def chat_forms() -> dict[str, tuple[str, frozenset[str]]]:
    """Chat spellings of verbs ("b" for "be"): form -> (lemma, words that may follow it).

    A form is read as its verb only before one of those words, so "plan b" stays a letter.
    """
    data: dict[str, Any] = load_json("lexicon.json")["chat_forms"]
    return {
        form: (entry["lemma"], frozenset(_expand_words(entry["before"])))
        for form, entry in data.items()
        if not form.startswith("_")
    }


def _expand_words(words: list[str]) -> set[str]:
    """Words, with ``@name`` standing for that whole word list."""
    found: set[str] = set()
    for word in words:
        found |= word_set(word[1:]) if word.startswith("@") else {word}
    return found
