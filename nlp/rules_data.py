"""Loading the rule and wording files that live in ``nlp/rules``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).parent / "rules"


@cache
def load_json(name: str) -> Any:
    """A JSON rules file, parsed once per process."""
    with (RULES_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A JSON-lines rules file, one rule per line, parsed once per process."""
    with (RULES_DIR / name).open(encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle if line.strip())
