"""Text analysis for Waypoint: SMART goal reports, numbers, deadlines, themes, reflections.

Pure functions over text; nothing here knows about users, storage or Telegram.
"""

from nlp.spacy_cli import defer_spacy_cli

defer_spacy_cli()  # before the first import of spaCy, which the modules below make

from nlp.crisis import CrisisMatch, detect_crisis
from nlp.deadlines import parse_deadline
from nlp.findings import THEMES, Finding, Quantity, VaguePhrase
from nlp.numbers import parse_number
from nlp.quantities import parse_quantity
from nlp.reflect import reflect
from nlp.smart import SmartReport, analyze_goal
from nlp.themes import suggest_theme

__all__ = [
    "THEMES",
    "CrisisMatch",
    "Finding",
    "Quantity",
    "SmartReport",
    "VaguePhrase",
    "analyze_goal",
    "detect_crisis",
    "parse_deadline",
    "parse_number",
    "parse_quantity",
    "reflect",
    "suggest_theme",
]
