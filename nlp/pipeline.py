"""The analyzer's spaCy pipeline: built once per process, lazily and thread-safely."""

from __future__ import annotations

import logging
import os
import threading

import spacy
from spacy.language import Language

import nlp.components  # noqa: F401  (registers the component factories)

log = logging.getLogger(__name__)

COMPONENTS = (
    "waypoint_lexicon",
    "waypoint_measures",
    "waypoint_vague",
    "waypoint_actions",
    "waypoint_achievability",
)
# Each new word adds a string to the vocab. Rebuild a pipeline past this size so a long-running
# bot does not grow without bound (or keep clients' words in memory indefinitely).
MAX_VOCAB_STRINGS = 100_000
_lock = threading.Lock()
_pipelines: dict[str, Language] = {}
_chosen: list[str] = []  # set by use_model(); wins over the environment


def use_model(model: str) -> Language:
    """Choose the pipeline ``analyze_goal`` uses (the bot passes its ``SPACY_MODEL``
    setting, which may come from a ``.env`` file rather than the environment) and build it.
    """
    with _lock:
        _chosen[:] = [model.strip()]
    return get_pipeline()


def configured_model(environ: dict[str, str] | None = None) -> str:
    """The chosen pipeline name, else ``SPACY_MODEL`` from ``environ`` (empty when unset)."""
    if _chosen:
        return _chosen[0]
    return (os.environ if environ is None else environ).get("SPACY_MODEL", "").strip()


def get_pipeline(model: str | None = None) -> Language:
    """The pipeline for ``model`` (default: ``configured_model()``), built on first use.

    A trained pipeline that is not installed falls back to ``spacy.blank("en")`` with a
    warning: the rules work without one, and nothing may be downloaded at run time.
    """
    name = configured_model() if model is None else model.strip()
    pipeline = _pipelines.get(name)
    if pipeline is None or outgrown(pipeline):
        with _lock:
            pipeline = _pipelines.get(name)
            if pipeline is None or outgrown(pipeline):
                pipeline = _build(name)
                _pipelines[name] = pipeline
    return pipeline


def outgrown(pipeline: Language) -> bool:
    """Whether the vocab has collected enough clients' words that the pipeline is rebuilt."""
    return len(pipeline.vocab.strings) >= MAX_VOCAB_STRINGS


def _build(name: str) -> Language:
    nlp = _base(name)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def _base(name: str) -> Language:
    if name and spacy.util.is_package(name):
        # Only the parts that help find verbs and objects; the rest would cost memory.
        return spacy.load(name, exclude=["ner", "textcat", "senter"])
    if name and name != "blank":
        log.warning("spacy_model_missing", extra={"model": name, "fallback": "blank_en"})
    return spacy.blank("en")
