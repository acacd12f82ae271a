"""Finding a client's time zone from a city, a country or a zone name."""

from __future__ import annotations

import pytest

from dialogs.timezones import common_zones, resolve_timezone, zone_label


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("manchester", "Europe/London"),
        ("I live in Boston", "America/New_York"),
        ("Leeds, UK", "Europe/London"),
        ("los angeles", "America/Los_Angeles"),
        ("Sydney", "Australia/Sydney"),
        ("utc", "UTC"),
        ("Atlantis", None),
    ],
)
def test_resolve(text: str, zone: str | None) -> None:
    assert resolve_timezone(text) == zone


def test_common_zones_are_real_and_labelled() -> None:
    for zone in common_zones():
        assert resolve_timezone(zone) == zone
        assert zone_label(zone) != zone
