"""Finding a client's IANA time zone from what they type: a zone name, a city or a country."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import available_timezones


@cache
def zone_data() -> dict[str, Any]:
    text = resources.files("dialogs").joinpath("data/timezones.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def zones_by_key() -> dict[str, str]:
    """Every IANA zone reachable by its full name or by its city, lowercased with spaces."""
    found: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if zone.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            continue
        found[normalise(zone)] = zone
        city = normalise(zone.rsplit("/", 1)[-1])
        found.setdefault(city, zone)
    found.update({normalise(alias): zone for alias, zone in zone_data()["aliases"].items()})
    return found


def normalise(text: str) -> str:
    cleaned = re.sub(r"[_\-,.]", " ", text.lower())
    cleaned = re.sub(r"^(i live in|i'm in|im in|i am in|in|near)\s+", "", cleaned.strip())
    return " ".join(cleaned.split())


def resolve_timezone(text: str) -> str | None:
    """ "London", "new york", "Europe/Berlin", "uk" -> an IANA zone; None when unknown."""
    key = normalise(text)
    zones = zones_by_key()
    if key in zones:
        return zones[key]
    # "Leeds, UK" or "Austin Texas": try each part, longest first.
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if candidate in zones:
                return zones[candidate]
    return None


def common_zones() -> list[str]:
    return [entry["zone"] for entry in zone_data()["common"]]


def zone_label(zone: str) -> str:
    for entry in zone_data()["common"]:
        if entry["zone"] == zone:
            return str(entry["label"])
    return zone.rsplit("/", 1)[-1].replace("_", " ")
