"""The wording catalog: every key the code uses exists, and client text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dialogs.wording import Html, catalog, entry, say

SOURCES = [*Path("dialogs").glob("*.py"), *Path("bot").rglob("*.py")]
LITERAL_KEY = re.compile(r"""(?:say|text_reply|choices)\(\s*"([a-z_]+\.[a-z_.]+)\"""")


def test_every_literal_key_used_in_code_exists() -> None:
    keys = {key for path in SOURCES for key in LITERAL_KEY.findall(path.read_text())}
    assert keys, "expected to find catalog keys in the code"
    for key in keys:
        entry(key)


def test_client_values_are_escaped_but_html_values_are_not() -> None:
    text = say("goal.motives_reflect", heard="<script>&")
    assert "&lt;script&gt;&amp;" in text
    assert "<b>" in say("goal.saved", statement=Html("x"))


def test_missing_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        say("goal.no_such_sentence")


def test_catalog_has_examples_and_units_for_every_theme() -> None:
    from nlp import THEMES

    for theme in THEMES:
        assert set(catalog()["examples"][theme]) >= {
            "behavioural",
            "emotional",
            "cognitive",
            "short",
            "long",
            "smart",
        }
        assert len(catalog()["units"][theme]) >= 2
        assert catalog()["themes"][theme]
