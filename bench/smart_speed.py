"""Speed and memory of the SMART analyzer.

Prints the pipeline load time, the median analysis time per goal over the labelled corpus,
and peak memory (Python allocations by tracemalloc, and the process's peak resident size).
A trained pipeline is measured too when ``SPACY_MODEL`` names an installed one.

    python bench/smart_speed.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

from nlp import pipeline  # noqa: E402
from nlp.smart import analyze_doc, report_from_doc  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "smart_corpus.jsonl"
TODAY = date(2026, 11, 21)


def goals() -> list[str]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _rss_mb() -> float:
    """Current resident size of this process (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(model: str, rounds: int) -> None:
    before = _rss_mb()
    started = time.perf_counter()
    nlp = pipeline.get_pipeline(model)
    load_seconds = time.perf_counter() - started
    loaded = _rss_mb()
    texts = goals()
    for text in texts:  # warm the tokenizer cache, as a running bot would be
        report_from_doc(analyze_doc(text, TODAY, nlp=nlp))
    timings = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            report_from_doc(analyze_doc(text, TODAY, nlp=nlp))
            timings.append(time.perf_counter() - started)
    long_text = "I want to walk more and feel better, " * 200
    started = time.perf_counter()
    report_from_doc(analyze_doc(long_text, TODAY, nlp=nlp))
    long_ms = (time.perf_counter() - started) * 1000
    tracemalloc.start()
    for text in texts:
        report_from_doc(analyze_doc(text, TODAY, nlp=nlp))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"pipeline: {model or 'blank en'}")
    print(f"  load time              {load_seconds * 1000:8.1f} ms")
    print(f"  median per goal        {statistics.median(timings) * 1000:8.3f} ms")
    print(f"  95th percentile        {statistics.quantiles(timings, n=20)[-1] * 1000:8.3f} ms")
    print(f"  7,400-char message     {long_ms:8.3f} ms (analysed up to its bound)")
    print(f"  resident size added by loading {loaded - before:6.1f} MB")
    print(f"  peak Python allocation while analysing {peak / 2**20:6.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    measure("", args.rounds)
    model = pipeline.configured_model()
    if model and spacy.util.is_package(model):
        measure(model, args.rounds)
    else:
        print("trained pipeline: none installed (set SPACY_MODEL to one to compare)")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process peak resident size {peak_kb / 1024:.1f} MB (Python, spaCy and the pipelines)")


if __name__ == "__main__":
    main()
