"""Crisis lines per region, read from `dialogs/data/crisis_lines.toml` (deployer-editable).

The file is validated strictly on load: a typo in a key or an empty number raises
`CrisisLinesError` naming the region and field, because a silently skipped line is a client who
never sees it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "crisis_lines.toml"
FALLBACK = "INTL"

_CODE = re.compile(r"^[A-Z]{2,4}$")
# Emergency numbers are short digit strings ("911", "000", "112"); anything else is a typo.
_EMERGENCY_NUMBER = re.compile(r"^[0-9]{2,4}$")
_REGION_KEYS = {"name", "aliases", "emergency", "lines"}
_EMERGENCY_KEYS = {"number", "label"}
_LINE_KEYS = {"name", "how", "when", "for"}


class CrisisLinesError(ValueError):
    """The crisis-lines file is malformed."""


@dataclass(frozen=True)
class Emergency:
    number: str  # "911"
    label: str  # "Call 911 if you are in immediate danger"


@dataclass(frozen=True)
class Line:
    name: str  # "988 Suicide & Crisis Lifeline"
    how: str  # "Call or text 988"
    when: str  # "24/7"
    audience: str | None = None  # the file's `for`: "substance use"; None means anyone


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    emergency: Emergency
    lines: tuple[Line, ...]

    def general_lines(self) -> tuple[Line, ...]:
        """Lines for anyone in crisis (no `for`)."""
        return tuple(line for line in self.lines if line.audience is None)


def load_crisis_lines(path: Path | None = None) -> dict[str, Region]:
    """All regions by code (aliases included); raises CrisisLinesError if the file is bad."""
    path = path or DEFAULT_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CrisisLinesError(f"{path}: cannot read crisis lines: {error}") from error
    regions: dict[str, Region] = {}
    for code, table in data.items():
        region = _region(code, table)
        for key in (code, *_aliases(code, table)):
            if key in regions:
                raise CrisisLinesError(f"{path}: region code {key!r} is defined twice")
            regions[key] = region
    if FALLBACK not in regions:
        raise CrisisLinesError(f"{path}: the fallback region [{FALLBACK}] is missing")
    return regions


def lines_for(region_code: str | None) -> Region:
    """The region for a code ("us", "UK", "GB"...); unknown or empty codes get INTL."""
    regions = _default_regions()
    return regions.get((region_code or "").strip().upper()) or regions[FALLBACK]


@cache
def _default_regions() -> dict[str, Region]:
    return load_crisis_lines()


def _region(code: str, table: Any) -> Region:
    where = f"[{code}]"
    if not _CODE.match(code):
        raise CrisisLinesError(f"{where}: region codes are 2-4 capital letters, like US or INTL")
    _check_table(where, table, _REGION_KEYS, required={"name", "emergency", "lines"})
    lines = table["lines"]
    if not isinstance(lines, list) or not lines:
        raise CrisisLinesError(f"{where}: 'lines' must be a non-empty list")
    return Region(
        code=code,
        name=_text(where, table, "name"),
        emergency=_emergency(f"{where} emergency", table["emergency"]),
        lines=tuple(_line(f"{where} lines[{i}]", line) for i, line in enumerate(lines)),
    )


def _aliases(code: str, table: dict[str, Any]) -> list[str]:
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and _CODE.match(alias) for alias in aliases
    ):
        raise CrisisLinesError(f"[{code}]: 'aliases' must be a list of codes like \"UK\"")
    return aliases


def _emergency(where: str, table: Any) -> Emergency:
    _check_table(where, table, _EMERGENCY_KEYS, required=_EMERGENCY_KEYS)
    number = _text(where, table, "number")
    if not _EMERGENCY_NUMBER.match(number):
        raise CrisisLinesError(f"{where}: 'number' must be 2-4 digits, got {number!r}")
    return Emergency(number=number, label=_text(where, table, "label"))


def _line(where: str, table: Any) -> Line:
    _check_table(where, table, _LINE_KEYS, required={"name", "how", "when"})
    audience = _text(where, table, "for") if "for" in table else None
    return Line(
        name=_text(where, table, "name"),
        how=_text(where, table, "how"),
        when=_text(where, table, "when"),
        audience=audience,
    )


def _check_table(where: str, table: Any, allowed: set[str], required: set[str]) -> None:
    if not isinstance(table, dict):
        raise CrisisLinesError(f"{where}: expected a table")
    unknown = sorted(table.keys() - allowed)
    if unknown:
        raise CrisisLinesError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = sorted(required - table.keys())
    if missing:
        raise CrisisLinesError(f"{where}: missing key(s) {missing}")


def _text(where: str, table: dict[str, Any], key: str) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise CrisisLinesError(f"{where}: '{key}' must be non-empty text")
    return value.strip()
