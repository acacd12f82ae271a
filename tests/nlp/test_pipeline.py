from __future__ import annotations

import logging
import threading

import pytest
import spacy

from nlp import pipeline
from nlp.smart import analyze_doc, report_from_doc


def test_components_are_registered_in_order() -> None:
    nlp = pipeline.get_pipeline("")
    assert tuple(nlp.pipe_names) == pipeline.COMPONENTS


def test_built_once() -> None:
    assert pipeline.get_pipeline("") is pipeline.get_pipeline("")


def test_a_vocab_full_of_clients_words_is_dropped_and_the_analysis_is_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    goal = "walk the dog for 20 minutes every morning until March 1"
    before = report_from_doc(analyze_doc(goal))
    used = pipeline.get_pipeline("")
    monkeypatch.setattr(pipeline, "MAX_VOCAB_STRINGS", len(used.vocab.strings) + 3)
    used("zyxt quorbl flimp wobbet")  # four words nobody wrote before

    fresh = pipeline.get_pipeline("")
    assert fresh is not used and "quorbl" not in fresh.vocab.strings
    assert report_from_doc(analyze_doc(goal)) == before


def test_missing_trained_pipeline_falls_back_to_blank(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="nlp.pipeline"):
        nlp = pipeline.get_pipeline("xx_not_installed_sm")
    assert "spacy_model_missing" in caplog.text
    assert tuple(nlp.pipe_names) == pipeline.COMPONENTS


def test_model_name_is_read_from_the_environment_given() -> None:
    assert pipeline.configured_model({"SPACY_MODEL": " en_core_web_sm "}) == "en_core_web_sm"
    assert pipeline.configured_model({}) == ""


def test_threads_share_one_pipeline() -> None:
    built: list[object] = []
    threads = [
        threading.Thread(target=lambda: built.append(pipeline.get_pipeline(""))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(item is built[0] for item in built)


def test_components_work_on_a_doc_built_directly() -> None:
    nlp = spacy.blank("en")
    for name in pipeline.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("feel better soon")
    assert [finding.text for finding in doc._.vague] == ["feel better", "soon"]
    report = report_from_doc(analyze_doc("feel better soon", nlp=nlp))
    assert not report.is_smart
