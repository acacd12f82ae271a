"""The wording catalog: every sentence a client reads comes from wording.toml."""

from __future__ import annotations

import html
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

CATALOG_FILE = "wording.toml"


class Html(str):
    """Text that is already safe HTML, so `say` inserts it without escaping."""


def escape(value: object) -> Html:
    """Client-written text made safe to place inside a reply."""
    return value if isinstance(value, Html) else Html(html.escape(str(value), quote=False))


@cache
def catalog() -> Mapping[str, Any]:
    text = resources.files("dialogs").joinpath(CATALOG_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def entry(key: str) -> Any:
    """The raw catalog entry at a dotted key, e.g. "goal.ask_unit"."""
    node: Any = catalog()
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise KeyError(f"wording catalog has no entry {key!r}")
        node = node[part]
    return node


def say(key: str, **values: object) -> Html:
    """The sentence at `key` with `values` filled in, each escaped unless it is `Html`."""
    template = entry(key)
    if not isinstance(template, str):
        raise TypeError(f"wording entry {key!r} is not a sentence")
    return Html(template.format_map({name: escape(value) for name, value in values.items()}))


def joined(parts: Iterable[Html | str]) -> Html:
    """Safe pieces of a reply, one per line; plain strings among them are escaped."""
    return Html("\n".join(escape(part) for part in parts))


def choices(key: str) -> list[str]:
    """A list entry of the catalog, such as example units for a theme."""
    value = entry(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"wording entry {key!r} is not a list of sentences")
    return list(value)
