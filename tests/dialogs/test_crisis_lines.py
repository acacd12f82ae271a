"""The crisis-lines data file and its loader."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dialogs.crisis_lines import (
    DEFAULT_PATH,
    CrisisLinesError,
    Region,
    lines_for,
    load_crisis_lines,
)

VALID_INTL = """
[INTL]
name = "Everywhere else"
emergency = { number = "112", label = "Call your local emergency number" }
lines = [{ name = "Find A Helpline", how = "Visit findahelpline.com", when = "Any time" }]
"""


def _hows(region: Region) -> str:
    return " | ".join(line.how for line in region.lines)


def test_default_file_loads_with_required_regions() -> None:
    regions = load_crisis_lines()
    assert {"US", "GB", "UK", "IE", "CA", "AU", "NZ", "DE", "INTL"} <= regions.keys()
    for region in regions.values():
        assert region.general_lines(), region.code


def test_us_defaults_match_the_issue() -> None:
    us = lines_for("US")
    assert us.emergency.number == "911"
    assert "Call or text 988" in _hows(us)
    assert "Text HOME to 741741" in _hows(us)
    samhsa = next(line for line in us.lines if "SAMHSA" in line.name)
    assert samhsa.how == "Call 1-800-662-4357" and samhsa.audience == "substance use"


@pytest.mark.parametrize(
    ("code", "emergency", "line"),
    [
        ("GB", "999", "116 123"),
        ("UK", "999", "116 123"),
        ("IE", "112", "116 123"),
        ("CA", "911", "988"),
        ("AU", "000", "13 11 14"),
        ("NZ", "111", "1737"),
        ("DE", "112", "0800 111 0 111"),
        ("INTL", "112", "findahelpline.com"),
    ],
)
def test_regions_carry_their_numbers(code: str, emergency: str, line: str) -> None:
    region = lines_for(code)
    assert region.emergency.number == emergency
    assert line in _hows(region)


@pytest.mark.parametrize("code", ["us", " US ", "Us"])
def test_codes_are_case_and_space_insensitive(code: str) -> None:
    assert lines_for(code).code == "US"


@pytest.mark.parametrize("code", ["XX", "", None, "Narnia"])
def test_unknown_codes_fall_back_to_international(code: str | None) -> None:
    assert lines_for(code).code == "INTL"


def test_regions_are_frozen() -> None:
    region = lines_for("US")
    with pytest.raises(dataclasses.FrozenInstanceError):
        region.name = "elsewhere"  # type: ignore[misc]
    assert isinstance(region.lines, tuple)


def test_a_deployer_file_can_replace_the_default(tmp_path: Path) -> None:
    path = tmp_path / "lines.toml"
    path.write_text(
        VALID_INTL
        + """
[ES]
name = "Spain"
emergency = { number = "112", label = "Call 112" }
lines = [{ name = "Línea 024", how = "Call 024", when = "24/7" }]
""",
        encoding="utf-8",
    )
    regions = load_crisis_lines(path)
    assert regions["ES"].lines[0].how == "Call 024"
    assert regions["ES"].lines[0].audience is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '[US]\nname = "US"\nemergency = { number = "911", label = "x" }\nlines = []\n',
            "non-empty",
        ),
        (
            '[US]\nname = "US"\nemergency = { number = "nine", label = "x" }\n'
            'lines = [{ name = "a", how = "b", when = "c" }]\n',
            "2-4 digits",
        ),
        (
            '[US]\nname = "US"\nemergency = { number = "911", label = "x" }\n'
            'lines = [{ name = "a", hwo = "b", when = "c" }]\n',
            r"\[US\] lines\[0\]: unknown key",
        ),
        (
            '[US]\nname = ""\nemergency = { number = "911", label = "x" }\n'
            'lines = [{ name = "a", how = "b", when = "c" }]\n',
            "'name' must be non-empty",
        ),
        (
            '[us]\nname = "US"\nemergency = { number = "911", label = "x" }\n'
            'lines = [{ name = "a", how = "b", when = "c" }]\n',
            "capital letters",
        ),
        ('[US]\nname = "US"\n', "missing key"),
        ("[US\n", "cannot read"),
    ],
)
def test_malformed_files_are_rejected_clearly(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "lines.toml"
    path.write_text(VALID_INTL + extra, encoding="utf-8")
    with pytest.raises(CrisisLinesError, match=message):
        load_crisis_lines(path)


def test_the_fallback_region_is_required(tmp_path: Path) -> None:
    path = tmp_path / "lines.toml"
    path.write_text(DEFAULT_PATH.read_text(encoding="utf-8").replace("[INTL]", "[XX]"))
    with pytest.raises(CrisisLinesError, match="INTL"):
        load_crisis_lines(path)


def test_duplicate_codes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "lines.toml"
    path.write_text(VALID_INTL.replace("[INTL]", '[INTL]\naliases = ["INTL"]'))
    with pytest.raises(CrisisLinesError, match="defined twice"):
        load_crisis_lines(path)
