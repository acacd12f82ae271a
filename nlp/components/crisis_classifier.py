"""The learned crisis tier: a bag-of-words text classifier trained on our labelled messages.

Rules miss wording nobody has written a rule for: on the first nine fresh batches, before any
fix, the rule tiers found 45% of crisis messages. A linear model over word pairs generalises
past exact phrasing ("gave my guitar away ... everything sorted"), so it runs beside the rules
and speaks only when every rule tier is silent. It is spaCy's own `textcat` component with one
change of architecture: n-grams are read from `token.lemma_`, which the `crisis_language`
component fills with its lexicon's canonical lemmas, so "kil", "killin" and "kms" share the
weights of "kill".

The weights live in `nlp/models/crisis_classifier/`, trained by `python -m nlp.train_crisis`
from `tests/nlp/crisis_corpus.jsonl` (crisis and calm messages), `smart_corpus.jsonl` (goal
statements) and `calm_chat.jsonl` (everyday messages to the bot): the last two are all calm, and
most of what the bot reads.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any, cast

from numpy.typing import NDArray
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.pipeline import Sentencizer, TextCategorizer
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Model, SparseLinear_v2, chain, softmax_activation
from thinc.types import Floats2d

ARCHITECTURE = "waypoint.CrisisBagOfWords.v1"
PIPE = "crisis_classifier"
CRISIS = "crisis"
CALM = "calm"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / PIPE
# The classifier's own decision boundary (the likelier label). Leaving each of 20 fresh batches
# out of training, 0.5 gives 94.8% recall with the rules at 23.1% false alarms, 0.6 gives 93.4%
# at 22.1% (bench/crisis_eval.py --cross-batch): DESIGN.md decision 3 takes the side of recall.
THRESHOLD = 0.5

MODEL_CONFIG: dict[str, Any] = {
    "@architectures": ARCHITECTURE,
    "ngram_size": 2,
    "length": 2**17,
}


def bag_of_lemmas(ngram_size: int, length: int) -> Model[list[Doc], Floats2d]:
    """Hashed lemma n-grams into a sparse linear layer with a softmax over crisis/calm."""
    model: Model[list[Doc], Floats2d] = chain(
        extract_ngrams(ngram_size, attr=LEMMA),
        SparseLinear_v2(nO=2, length=length),
        softmax_activation(),
    )
    model.attrs["multi_label"] = False
    return model


registry.architectures.register(ARCHITECTURE, func=bag_of_lemmas)


def add_classifier(nlp: Language) -> TextCategorizer:
    """Add the untrained classifier after `crisis_language` (it reads that component's lemmas)."""
    pipe = nlp.add_pipe(
        "textcat", name=PIPE, config={"model": MODEL_CONFIG, "threshold": THRESHOLD}
    )
    assert isinstance(pipe, TextCategorizer)
    pipe.add_label(CRISIS)
    pipe.add_label(CALM)
    return pipe


def add_trained_classifier(nlp: Language, model_dir: Path = MODEL_DIR) -> TextCategorizer:
    pipe = add_classifier(nlp)
    pipe.from_disk(model_dir, exclude=["vocab"])
    return pipe


def crisis_score(doc: Doc) -> float:
    """The classifier's probability that the text is crisis language."""
    return float(doc.cats.get(CRISIS, 0.0))


_sentences = Sentencizer()


def sentence_pairs(doc: Doc) -> list[Span]:
    """Each pair of adjacent sentences; none when the text has two sentences or fewer, as the
    whole text is then the only passage."""
    _sentences(doc)
    pairs = [doc[one.start : two.end] for one, two in pairwise(doc.sents)]
    return pairs if len(pairs) > 1 else []


def strongest_passage(doc: Doc, classifier: TextCategorizer) -> tuple[float, Span]:
    """The highest crisis score over the whole text and each pair of adjacent sentences, and
    the span that scored it.

    Scored whole, one line in a long, calm note is outweighed by the rest of the note.
    """
    best = (crisis_score(doc), doc[:])
    passages = sentence_pairs(doc)
    if not passages:
        return best
    lemmas = doc.to_array([LEMMA])
    readable = [_Lemmas(lemmas[passage.start : passage.end]) for passage in passages]
    # The model reads nothing of a Doc but its lemma array (`bag_of_lemmas`).
    probabilities = classifier.model.predict(cast(list[Doc], readable))
    column = classifier.labels.index(CRISIS)
    for passage, row in zip(passages, probabilities, strict=True):
        best = max(best, (float(row[column]), passage), key=lambda pair: pair[0])
    return best


class _Lemmas:
    """A passage as the model reads it, without copying the Doc: `Span.as_doc` costs ten times
    what scoring the passage does."""

    def __init__(self, lemmas: NDArray[Any]) -> None:
        self._lemmas = lemmas

    def to_array(self, attrs: list[int]) -> NDArray[Any]:
        return self._lemmas
