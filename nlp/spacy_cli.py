"""spaCy's command-line interface, imported only if something uses it.

`import spacy` imports its whole command-line interface (typer, weasel, requests, jinja2 and
more: about 12 MB and 150 modules in every process) for the sake of one name, `spacy.info`.
Waypoint never runs that interface, so, as spaCy itself plans to (explosion/spaCy#12962 and
#13933), we load it lazily: before spaCy is first imported, `spacy.cli` and `spacy.cli.info`
are stand-ins whose `info` imports the real interface on its first call. `python -m spacy`
runs in a process of its own and is not affected.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

CLI = "spacy.cli"
INFO = "spacy.cli.info"


def defer_spacy_cli() -> None:
    """Install the stand-ins, unless spaCy (and with it the real interface) is already loaded."""
    if "spacy" in sys.modules or CLI in sys.modules:
        return
    info = ModuleType(INFO, "Stand-in: the real spacy.cli.info is imported on first use.")
    info.info = _info  # type: ignore[attr-defined]
    cli = ModuleType(CLI, "Stand-in: the real spacy.cli is imported on first use.")
    cli.__path__ = []
    cli.info = info  # type: ignore[attr-defined]
    sys.modules[CLI] = cli
    sys.modules[INFO] = info


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`: drop the stand-ins, import the real interface and call it."""
    for name in (INFO, CLI):
        sys.modules.pop(name, None)
    real = importlib.import_module(INFO)
    return real.info(*args, **kwargs)
