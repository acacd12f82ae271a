"""spaCy's command line stays out of the process until something calls it."""

from __future__ import annotations

import subprocess
import sys

CLI_PACKAGES = ("typer", "weasel", "requests", "jinja2")


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_analysis_runs_without_importing_the_command_line() -> None:
    loaded = run(
        "import sys, datetime\n"
        "from nlp import analyze_goal, detect_crisis\n"
        "analyze_goal('walk 20 minutes every morning', datetime.date(2026, 11, 22))\n"
        "detect_crisis('I want to die')\n"
        f"print([p for p in {CLI_PACKAGES!r} if p in sys.modules])"
    )
    assert loaded == "[]"


def test_spacy_info_still_works_and_loads_the_real_command_line() -> None:
    printed = run(
        "import sys\n"
        "import nlp, spacy\n"
        "info = spacy.info()\n"
        "print(info['spacy_version'] == spacy.__version__, 'typer' in sys.modules)"
    )
    assert printed == "True True"
