"""Crisis-language detection: every family found, hyperbole and goal text left alone."""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import spacy

from nlp import CrisisMatch, detect_crisis, pipeline
from nlp.components.crisis_classifier import PIPE
from nlp.components.crisis_language import EXTENSION, KINDS, RuleError, expand_token
from nlp.crisis import MAX_HEAD, MAX_TAIL, crisis_pipeline, find_crisis

CORPUS = Path(__file__).with_name("crisis_corpus.jsonl")


def rules_only(text: str) -> CrisisMatch | None:
    """Detection by the rule tiers alone: the tests of a tier must not pass by the classifier."""
    nlp = crisis_pipeline()
    with nlp.select_pipes(disable=[PIPE]):
        return find_crisis(text, nlp)


EXPLICIT = [
    "I want to die",
    "thinking about killing myself",
    "I'm going to end it tonight",
    "I have the pills saved up",
    "i want to kill myself",
    "I've been having suicidal thoughts",
    "I want to end my life",
    "I wish I was dead",
    "I'd be better off dead",
    "I think I'm going to take my own life",
]
PASSIVE = [
    "everyone would be better off without me",
    "I don't see the point of going on",
    "I've been giving my things away",
    "I wish I could go to sleep and not wake up",
    "I can't do this anymore",
    "no reason to live",
    "I won't be a problem much longer",
    "I'm saying goodbye",
    "nobody would care if I was gone",
    "I'm such a burden to my family",
    "I'm tired of being alive",
    "what's the point anymore",
    "life isn't worth living",
    "I don't want to be here anymore",
]
SLANG = ["kms", "gonna unalive myself", "sewerslide", "thinking about ctb", "want to not exist"]
SELF_HARM = [
    "I cut myself again",
    "I've been burning myself",
    "I keep hurting myself",
    "relapsed on sh",
    "sh urges are bad today",
    "I want to stop cutting myself",
    "I started cutting",
    "been self harming",
]
OVERDOSE = ["I took a whole bottle of pills", "I overdosed", "thinking about an overdose"]
DANGER = [
    "he's hurting me",
    "I'm not safe at home",
    "my partner hits me",
    "he threatened to kill me",
    "my boyfriend choked me",
]
MISSPELLED = [
    "suicde",
    "sucide thoughts",
    "kil myself",
    "wanna die",
    "dont want to live",
    "kill my self",
    "i want to diiiie",
    "KILL MYSELF",
]
STYLE = [
    "i want to die 😭😭",
    "ugh i cant do this anymore i just want it to stop",
    "I want to\n\ndie",
    "Honestly?? kill   myself",
]
NEGATED = [
    "I'm not suicidal but I keep thinking about dying",
    "I don't want to kill myself, I just think about it",
]
MUST_NOT_TRIGGER = [
    "this deadline is killing me",
    "I'd kill for a coffee",
    "my phone died",
    "I'm dying to see that film",
    "killed it at the gym",
    "dead tired",
    "lol I'm dead",
    "cut down on sugar",
    "cut my hair",
    "shoot for 3 times a week",
    "kill time",
    "my legs are killing me",
    "stop cutting corners",
    "quit drinking",
    "cut back on alcohol",
    "I want to stop self-sabotaging",
    "my mom is going to kill me when she sees this",
    "he hit me up yesterday about the job",
    "I took my pills this morning",
    "I hurt myself at the gym",
    "say goodbye to late night snacking",
    "",
    "   ",
    "👍",
]


@pytest.mark.parametrize(
    "text", EXPLICIT + PASSIVE + SLANG + MISSPELLED + STYLE + NEGATED, ids=lambda t: t[:40]
)
def test_suicidal_language_is_found(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None
    assert match.kind in KINDS


@pytest.mark.parametrize("text", SELF_HARM)
def test_self_harm_is_found(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == "self_harm"


@pytest.mark.parametrize("text", OVERDOSE)
def test_overdose_is_found_and_immediate(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == "overdose" and match.immediate_danger


@pytest.mark.parametrize("text", DANGER)
def test_danger_from_others_is_found_and_immediate(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == "danger_from_others" and match.immediate_danger


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER, ids=lambda t: t[:40] or "empty")
def test_hyperbole_and_goal_text_do_not_trigger(text: str) -> None:
    assert detect_crisis(text) is None


def test_plan_or_time_makes_a_match_immediate() -> None:
    passive = detect_crisis("I feel like a burden")
    tonight = detect_crisis("I feel like a burden and I'm going to end it tonight")
    assert passive is not None and not passive.immediate_danger
    assert tonight is not None and tonight.immediate_danger


def test_match_is_truthy_frozen_and_points_into_the_text() -> None:
    text = "Had a long day. Honestly I want to die."
    match = detect_crisis(text)
    assert isinstance(match, CrisisMatch) and bool(match)
    assert text[match.start : match.end] == "want to die"
    assert match.rule == "suicidal.death_wish"
    with pytest.raises(AttributeError):
        match.kind = "other"  # type: ignore[misc]


def test_offsets_survive_collapsed_whitespace() -> None:
    text = "  ok.\n\nI   will\tkill \u200bmyself"
    match = detect_crisis(text)
    assert match is not None
    assert text[match.start : match.end] == "kill \u200bmyself"


def test_most_urgent_finding_wins() -> None:
    text = "I feel like a burden. He is hurting me."
    match = detect_crisis(text)
    assert match is not None and match.kind == "danger_from_others"
    assert text[match.start : match.end] == "He is hurting me"


def test_crisis_at_the_end_of_a_long_message_is_found() -> None:
    filler = "Today I walked to the shop and planned my week with care. " * 70
    text = filler + "I want to kill myself."
    assert len(text) > 4000
    match = detect_crisis(text)
    assert match is not None
    assert text[match.start : match.end] == "kill myself"


def test_phrase_on_a_chunk_boundary_is_found() -> None:
    for pad in range(1380, 1520, 7):
        text = "x" * pad + " I want to die " + "y " * 200
        assert detect_crisis(text) is not None, pad


def test_tail_of_an_over_long_text_is_still_scanned() -> None:
    text = "word " * ((MAX_HEAD + MAX_TAIL) // 5 + 1000) + "I want to die"
    match = detect_crisis(text)
    assert match is not None and text[match.start : match.end] == "want to die"


def test_doc_extension_lists_every_finding_with_offsets() -> None:
    doc = crisis_pipeline()("I cut myself and I want to die")
    findings = doc._.get(EXTENSION)
    assert [(f.kind, doc.text[f.start : f.end]) for f in findings] == [
        ("self_harm", "cut myself"),
        ("suicidal", "want to die"),
    ]


def test_component_writes_canonical_lemmas() -> None:
    doc = crisis_pipeline()("i wanna kil myslef")
    assert [token.lemma_ for token in doc] == ["i", "want", "kill", "myself"]


def test_pipeline_is_built_once_and_safe_across_threads() -> None:
    texts = ["I want to die", "cut down on sugar", "he's hurting me"] * 50
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(detect_crisis, texts))
    assert [r.kind if r else None for r in results[:3]] == [
        "suicidal",
        None,
        "danger_from_others",
    ]
    assert results == [detect_crisis(t) for t in texts]
    assert crisis_pipeline() is crisis_pipeline()


def test_a_vocab_full_of_clients_words_is_dropped_and_crisis_is_still_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used = crisis_pipeline()
    monkeypatch.setattr(pipeline, "MAX_VOCAB_STRINGS", len(used.vocab.strings) + 3)
    assert detect_crisis("zyxt quorbl flimp wobbet") is None  # four words nobody wrote before

    match = detect_crisis("i want to kill myself")
    assert crisis_pipeline() is not used and "quorbl" not in crisis_pipeline().vocab.strings
    assert match is not None and match.kind == "suicidal"


def test_pattern_shorthand_expands_to_spacy_patterns() -> None:
    sets = {"SELF": ["myself", "self"]}
    assert expand_token("kill", sets) == {"LEMMA": "kill"}
    assert expand_token("to?", sets) == {"LEMMA": "to", "OP": "?"}
    assert expand_token("@SELF|me", sets) == {"LEMMA": {"IN": ["myself", "self", "me"]}}
    assert expand_token("~3", sets) == {"OP": "{0,3}"}
    assert expand_token({"LOWER": "been"}, sets) == {"LOWER": "been"}


def _rules_dir(tmp_path: Path, pattern_line: str) -> Path:
    rules = Path(__file__).resolve().parents[2] / "nlp" / "rules"
    for name in ("crisis_lexicon.jsonl", "crisis_sets.jsonl"):
        (tmp_path / name).write_text((rules / name).read_text(encoding="utf-8"))
    (tmp_path / "crisis_patterns.jsonl").write_text(pattern_line + "\n")
    return tmp_path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "kind": "sad", "patterns": [["die"]]}', "needs an 'id' and a 'kind'"),
        ('{"id": "x", "kind": "suicidal", "patterns": [["@NOPE"]]}', "unknown set '@NOPE'"),
        ('{"id": "x", "kind": "suicidal", "patterns": [["die*"]]}', "bounded gap"),
        ('{"id": "x", "kind": "suicidal"', "not JSON"),
        (
            '{"id": "x", "kind": "suicidal", "patterns": [["die"]], "keep_sentence": ["want"]}',
            "'keep_sentence' needs an 'unless_sentence'",
        ),
    ],
)
def test_bad_rule_files_are_rejected_with_the_line(tmp_path: Path, line: str, message: str) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(RuleError, match=message) as error:
        nlp.add_pipe("crisis_language", config={"rules_dir": str(_rules_dir(tmp_path, line))})
    assert "crisis_patterns.jsonl:1" in str(error.value)


def _rules_found(tmp_path: Path, line: str, text: str) -> list[str]:
    """The rules of a one-line pattern file that match `text`."""
    nlp = spacy.blank("en")
    nlp.add_pipe("crisis_language", config={"rules_dir": str(_rules_dir(tmp_path, line))})
    return [finding.rule for finding in nlp(text)._.get(EXTENSION)]


def test_a_required_not_in_token_does_not_switch_its_rule_off(tmp_path: Path) -> None:
    line = (
        '{"id": "x", "kind": "suicidal", '
        '"patterns": [["want", {"LEMMA": {"NOT_IN": ["pizza"]}}, "die"]]}'
    )
    assert _rules_found(tmp_path, line, "i want to die") == ["x"]
    assert _rules_found(tmp_path, line, "i want pizza die") == []


def _corpus() -> list[dict[str, object]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


def test_corpus_is_large_balanced_and_well_formed() -> None:
    rows = _corpus()
    assert len(rows) >= 120
    assert len({row["id"] for row in rows}) == len(rows)
    crisis_share = sum(bool(row["label"]) for row in rows) / len(rows)
    assert 0.5 <= crisis_share <= 0.7
    held_out = [
        r for r in rows if int(hashlib.sha256(str(r["id"]).encode()).hexdigest(), 16) % 5 == 0
    ]
    assert 0.1 <= len(held_out) / len(rows) <= 0.3


def test_corpus_recall_is_total_and_false_alarms_are_rare() -> None:
    rows = _corpus()
    missed = [r["id"] for r in rows if r["label"] and detect_crisis(str(r["text"])) is None]
    calm = [r for r in rows if not r["label"]]
    alarms = [r["id"] for r in calm if detect_crisis(str(r["text"])) is not None]
    assert missed == []
    assert len(alarms) <= 0.10 * len(calm), alarms


# The safety net (nlp/rules/crisis_net.jsonl), one list per family. These wordings are not in
# the corpus: they check that each family catches more than the sentences it was tuned on.
NET_FAMILIES = {
    "death_or_not_existing": [
        "honestly I'd be glad to be gone",
        "it would be so peaceful to not exist",
        "I pray each night not to see the morning",
        "I feel like I'm dead inside",
        "lord take me now",
    ],
    "ending_it": [
        "I'm ready for everything to be over",
        "i just want it over for good",
        "time to finish my life",
    ],
    "no_way_out_no_point": [
        "what's the point of me",
        "I don't see any purpose in living",
        "no light at the end of the tunnel for me",
        "I can't see a future",
        "i'm running out of reasons",
    ],
    "self_harm": [
        "relapsed last night",
        "scratching my arms until they bleed",
        "I punched the wall until my knuckles bled",
        "I bang my head against the wall when I'm angry at myself",
        "cutting again",
        "I hit my legs when I mess up",
        "I want to make new cuts on my arm",
        "bandaged my wrist again",
    ],
    "eating": [
        "I haven't eaten in 4 days",
        "living on 300 calories a day",
        "I purged twice today",
        "laxatives after every meal",
    ],
    "overdose_and_pills": [
        "how many paracetamol would it take",
        "what's the lethal amount of insulin",
        "I've been counting my pills",
        "I swallowed everything in the cabinet",
    ],
    "means": [
        "I keep my dad's gun under my bed",
        "sitting in the garage with the engine on",
        "I stood on the bridge for a long time",
        "I've picked a date.",
        "i have the rope ready",
        "it could look like an accident",
    ],
    "goodbye_and_giving_away": [
        "I've put my affairs in order",
        "found a home for my cats",
        "thank you for everything.",
        "you'll never hear from me again",
        "i wrote my note",
    ],
    "burden_without_me": [
        "the world would be lighter without me",
        "my kids deserve a better dad than me",
        "they'd be better off with the insurance money",
        "nobody would miss me",
    ],
    "danger_and_child_safety": [
        "my stepdad comes into my room at night",
        "he put his hands around my throat",
        "my mum's boyfriend throws things at me",
        "he told me not to tell my parents, I'm 13",
        "I'm scared I'll shake the baby",
        "the carer hits me",
    ],
    "typos_and_no_spaces": [
        "iwanttodie",
        "killmyself",
        "evryone wud b beter of wthout me",
        "i wnt to dissapear forver",
        "hw mny pils 2 die",
    ],
}
NET_MUST_NOT_TRIGGER = [
    "I want to cut down to two coffees a day",
    "I'm dying to try that class",
    "killing it at work this week",
    "dead tired after the night shift",
    "I'm at the end of my rope with this printer",
    "I want to quit smoking by March",
    "I relapsed on cigarettes but I'm starting again",
    "I want to disappear from social media for a month",
    "I want to take myself out for dinner once a month",
    "I want to jump into a new hobby",
    "skipping rope for ten minutes a day",
    "I cut my finger chopping onions",
    "I'm on the roof terrace with a coffee",
    "purge my wardrobe of old clothes",
    "I ran 10 kms today",
    "I want to dye my hair blue",
    "I want to diet before summer",
    "my phone died again",
    "the heating is dead again",
    "I'm done for today",
    "I gave away my old bike to my nephew",
    "I want to get my will sorted now that we have kids",
    "I want to end the day with ten minutes of reading",
    "the plan is to run on sunday",
    "I'm so done with this weather",
    "I'd rather die than sing karaoke",
]


@pytest.mark.parametrize(
    "text",
    [text for texts in NET_FAMILIES.values() for text in texts],
    ids=lambda t: t[:40],
)
def test_safety_net_families_are_found(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize("text", NET_MUST_NOT_TRIGGER, ids=lambda t: t[:40])
def test_safety_net_leaves_goal_talk_and_hyperbole_alone(text: str) -> None:
    assert rules_only(text) is None


def test_immediate_danger_from_the_net_for_means_and_others() -> None:
    for text in ("I keep my dad's gun under my bed", "my stepdad comes into my room at night"):
        match = detect_crisis(text)
        assert match is not None and match.immediate_danger, text
    passive = detect_crisis("nobody would miss me")
    assert passive is not None and not passive.immediate_danger


def test_the_net_only_speaks_when_the_precise_rules_are_silent() -> None:
    net_only = "my kids deserve a better dad than me"
    match = detect_crisis(net_only)
    assert match is not None and match.rule.startswith("net.")
    doc = crisis_pipeline()("I want to die and " + net_only)
    assert [f.rule for f in doc._.get(EXTENSION)] == ["suicidal.death_wish"]


def test_squashed_text_is_scanned_with_offsets_into_the_original() -> None:
    text = "ok... i.want.to.die"
    match = detect_crisis(text)
    assert match is not None and match.rule.startswith("squashed.")
    assert text[match.start : match.end] == "want.to.die"
    assert detect_crisis("iwanttodiet") is None


def test_lexicon_catches_near_miss_spellings_but_not_real_words() -> None:
    nlp = crisis_pipeline()
    lemmas = [t.lemma_ for t in nlp("beter wthout dissapear forver hiting")]
    assert lemmas == ["better", "without", "disappear", "forever", "hit"]
    assert [t.lemma_ for t in nlp("king staring pls")] == ["king", "staring", "pls"]


def test_rules_may_name_any_form_the_lexicon_knows(tmp_path: Path) -> None:
    line = '{"id": "x", "kind": "suicidal", "patterns": [["ending", "things"]]}'
    assert _rules_found(tmp_path, line, "thinking about ending things") == ["x"]


def test_unless_near_silences_a_rule_close_to_a_listed_word(tmp_path: Path) -> None:
    line = (
        '{"id": "x", "kind": "self_harm", "patterns": [["relapse"]], '
        '"unless_near": ["smoking"], "near": 3}'
    )
    assert _rules_found(tmp_path, line, "I relapsed last night") == ["x"]
    assert _rules_found(tmp_path, line, "I relapsed on smoking") == []


def test_fresh_batches_keep_their_first_run_result() -> None:
    fresh = [row for row in _corpus() if "batch" in row]
    assert len(fresh) >= 300
    assert all(isinstance(row.get("first_run"), bool) for row in fresh)


# The distress tier (nlp/rules/crisis_distress.jsonl), one list per family. Written as development
# material before the fresh7/fresh8 batches were run through it; none of them is in the corpus.
DISTRESS_FAMILIES = {
    "hopeless": [
        "I feel so hopeless lately",
        "honestly there is no hope left for me",
        "i've lost all hope",
        "it's never going to get better for me",
        "nothing will ever change",
        "I can't see things improving, ever",
        "despair is all I feel",
    ],
    "entrapment": [
        "I feel completely trapped",
        "there's no escape from this",
        "my life feels like a prison",
        "I'm stuck in this hell and can't get out",
        "the walls are closing in on me",
    ],
    "burden": [
        "I'm such a drain on my family",
        "I drag everyone down with me",
        "I ruin everything I touch",
        "they'd all be fine if I just disappeared",
        "everyone is sick of me",
    ],
    "self_hatred": [
        "I hate myself",
        "i fucking hate myself so much",
        "I'm disgusted with myself",
        "I feel like such a failure",
        "I'm pathetic and worthless",
        "I can't stand myself anymore",
        "I deserve to suffer",
        "it's all my fault, always",
    ],
    "exhaustion": [
        "I'm so tired of everything",
        "sick of trying",
        "fed up with life",
        "I'm exhausted with living",
        "done with everyone and everything",
        "I have nothing left",
        "I feel empty all the time",
        "I'm worn down by life",
    ],
    "stop": [
        "i just want my head to be quiet",
        "I need the thoughts to stop",
        "make it stop",
        "I want to feel nothing",
        "I need a break from existing",
        "I want to shut my brain off",
    ],
    "unsafe": [
        "I don't feel safe right now",
        "I'm scared of what I might do",
        "I don't trust myself tonight",
        "I'm really not okay",
        "please someone help me",
    ],
    "waking": [
        "I dread waking up every day",
        "every morning I wake up disappointed",
    ],
    "disappear": [
        "I just want to disappear",
        "I feel invisible to everyone",
        "I wish I could fade away",
        "I want to run away and never come back",
    ],
    "give_up": [
        "I give up.",
        "I'm ready to give up on everything",
        "I've stopped caring about anything",
        "I don't care anymore",
        "I'm losing the will to keep going",
        "i just wanna let go",
    ],
    "cope": [
        "I can't cope",
        "I can't take it",
        "i cant do this",
        "I'm barely holding on",
        "I'm at breaking point",
        "it's all too much",
        "I keep falling apart",
        "I cry myself to sleep every night",
    ],
    "darkness": [
        "I'm in a really dark place",
        "the darkness keeps coming back",
        "I'm sinking and no one sees",
        "I feel like I'm drowning",
        "I've hit rock bottom",
        "life feels so bleak",
    ],
    "goodbye": [
        "sorry for everything",
        "thank you for everything, really",
        "I love you all",
        "please remember me",
        "I wrote letters to my kids",
    ],
    "nobody": [
        "nobody cares",
        "no one would even notice",
        "I don't matter to anyone",
        "I feel so alone",
        "there's no one to talk to",
    ],
    "point": [
        "what's the point",
        "why do I even bother",
        "why am I even here",
    ],
}
# Hyperbole, bounded low mood and goal talk the distress tier must leave alone.
DISTRESS_MUST_NOT_TRIGGER = [
    "this deadline is killing me",
    "I'm dead tired",
    "my phone died",
    "I'd kill for a coffee",
    "done with this homework lol",
    "I'm so done with this printer",
    "I give up chocolate for Lent",
    "I gave up on the diet app, it was rubbish",
    "I hate mondays",
    "I hate when the bus is late",
    "this essay is killing me",
    "I'm dying to see that film",
    "I can't take the bus today, I'll walk",
    "I can't do this recipe, too many steps lol",
    "I can't cope with the heat",
    "stuck in traffic again",
    "I'm trapped in a meeting",
    "I felt sad today but talked to my sister",
    "I feel down but I'm okay",
    "I'm tired after work",
    "I'm sick of the rain",
    "I'm fed up with my commute",
    "I'm over this weather",
    "I need help with my goal",
    "can you help me set a goal",
    "nobody came to the meeting",
    "no one told me the class was cancelled",
    "what's the point of setting goals if I don't track them",
    "I want to let go of the past and focus on the future",
    "I want to stop feeling so anxious at work",
    "empty the dishwasher every night",
    "my tank is empty",
    "I'm going to disappear into the garden all weekend",
    "thank you for the help!",
    "sorry for the late reply",
    "drowning in emails this week",
    "the dark evenings are hard but I walk at lunch",
    "black coffee only",
    "spiral notebook for my journal",
    "prices are spiralling",
    "I broke down the task into three steps",
    "my car broke down",
    "it's too much food",
    "falling apart laughing",
    "my shoes are falling apart",
    "I cried at the film",
    "I want to quit smoking",
    "I'm done for today",
    "I'm done with work, home now",
    "at the end of my rope with this laptop",
    "I can't breathe through my nose with this cold",
    "I'm not okay with that plan",
    "I want to switch off my phone at 9",
    "I don't care what people think anymore, I'm doing it",
    "I stopped caring about likes on instagram",
    "I let go of the handle",
]
SMART_CORPUS = CORPUS.with_name("smart_corpus.jsonl")


@pytest.mark.parametrize(
    "text",
    [text for texts in DISTRESS_FAMILIES.values() for text in texts],
    ids=lambda t: t[:40],
)
def test_distress_families_are_found(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize("text", DISTRESS_MUST_NOT_TRIGGER, ids=lambda t: t[:40])
def test_distress_tier_leaves_hyperbole_and_goal_talk_alone(text: str) -> None:
    assert rules_only(text) is None


def test_distress_is_a_documented_kind_never_immediate() -> None:
    match = detect_crisis("I feel completely trapped")
    assert match is not None and match.kind == "distress" and match.kind in KINDS
    assert match.rule.startswith("distress.") and not match.immediate_danger
    # a time or plan word does not make a distress finding immediate
    match = detect_crisis("I can't cope tonight")
    assert match is not None and match.kind == "distress" and not match.immediate_danger


def test_distress_only_speaks_when_the_tiers_above_are_silent() -> None:
    doc = crisis_pipeline()("I want to die and I feel completely trapped")
    assert [f.rule for f in doc._.get(EXTENSION)] == ["suicidal.death_wish"]


def test_only_next_requires_an_ending_or_a_listed_word(tmp_path: Path) -> None:
    line = '{"id": "distress.x", "kind": "distress", "patterns": [["give", "up"]], '
    line += '"only_next": ["<end>", "anymore"]}'
    rules = _rules_dir(tmp_path, "")
    (rules / "crisis_distress.jsonl").write_text(line + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("crisis_language", config={"rules_dir": str(rules)})
    for text in ("I give up", "I give up.", "i give up 😞", "I give up anymore"):
        assert [f.kind for f in nlp(text)._.get(EXTENSION)] == ["distress"], text
    assert nlp("I give up chocolate for Lent")._.get(EXTENSION) == ()


def test_distress_kind_belongs_in_the_distress_file_only(tmp_path: Path) -> None:
    line = '{"id": "x", "kind": "distress", "patterns": [["hopeless"]]}'
    with pytest.raises(RuleError, match="distress"):
        nlp = spacy.blank("en")
        nlp.add_pipe("crisis_language", config={"rules_dir": str(_rules_dir(tmp_path, line))})


def test_goal_statements_rarely_trigger_the_distress_tier() -> None:
    texts = [json.loads(line)["text"] for line in SMART_CORPUS.read_text().splitlines() if line]
    fired = [t for t in texts if (m := detect_crisis(t)) is not None and m.kind == "distress"]
    assert len(fired) <= 0.03 * len(texts), fired


# Rule families written after the fresh12 batch: plans and goodbyes stated as plain facts, with
# no feeling word in them. None of these lines is in the corpus: each family must catch wording
# it was not tuned on, and leave alone the ordinary facts that share its words.
FACT_FAMILIES = {
    "net.life_insurance": [
        "Checked my life insurance again. The exclusion clause ran out in May.",
        "the waiting period on my life cover has passed now",
        "life policy exclusion ends next month, then it's fine",
    ],
    "net.platform": [
        "I keep thinking about stepping forward when the train comes in",
        "sometimes I imagine falling under the train",
        "the pull to lean over the edge when the express rushes through",
        "I stood at the platform edge last night for a long time",
        "thought about lying down on the tracks",
    ],
    "net.train_through": [
        "looked up which fast trains go through our station without stopping",
        "I know exactly when the express trains that don't stop here come through",
        "checked how fast the freight trains go through the platform",
        "stood by the level crossing and timed the trains, the express never slows",
        "the 6:10 freight doesn't slow down at the crossing",
    ],
    "net.goodbye_prep": [
        "found a good home for my cat last week",
        "we found my dog a new family, it's for the best",
        "rehomed my rabbit yesterday, didn't tell anyone why",
    ],
    "distress.left_note": [
        "Left an envelope for my dad on his pillow.",
        "I'm leaving letters for my kids in my desk drawer.",
        "left my brother a letter. he'll understand later",
        "I've left a note to my husband in the glovebox.",
        "I left a letter on the bed for my wife.",
    ],
    "distress.one_way": [
        "Bought a one-way ticket. Wrote a note for my parents and left it on the bed.",
        "got a one way ticket for Sunday, the envelopes are on the dresser",
    ],
    "distress.not_your_fault": [
        "Tell my mum none of this is her fault.",
        "I want you to know none of this is your fault.",
        "none of it was anyone's fault, remember that",
    ],
    # Written after the fresh14 batch: burning with a hot object, not coming home as a relief to
    # others, a goodbye nobody knew was one, sharing out belongings, who will find them, an
    # out-of-office with no end.
    "net.burn_object": [
        "I held the lighter against my wrist until it blistered",
        "pressed the straighteners to my arm after the row with mum",
        "I stubbed a cigarette out on my forearm last night",
        "when the memories come back I hold the iron to my leg",
    ],
    "net.not_come_home": [
        "honestly it'd be a relief if I didn't make it home one night",
        "it would be kinder to them if I just didn't come back",
        "everyone would be happier if I never came back from the hike",
    ],
    "net.covert_goodbye": [
        "Hugged mum extra long today. She had no idea it was goodbye.",
        "Said goodbye to my sister at the station. She didn't know what it really meant.",
        "Had a last pint with my dad. He didn't know it was a goodbye.",
    ],
    "net.who_gets": [
        "Wrote a list of who gets my records and who gets the car.",
        "decided who should have my cat and who gets my jewellery",
        "sorted out who gets my guitars, it's all written down",
    ],
    "net.who_finds_me": [
        "left the spare key under the mat for whoever finds me",
        "the email tells him where he'll find me",
        "a letter for the coroner is in the drawer",
        "hope it's not the kids who find my body",
    ],
    "net.indefinite_leave": [
        "Out of office set to indefinitely. Cancelled the milk.",
        "my auto-reply now says I'm away indefinitely",
        "set the out-of-office reply to forever",
    ],
}
FACT_MUST_NOT_TRIGGER = [
    "I left a note for my flatmate about the bins",
    "I left a note for my mum saying I'd be back by ten",
    "left an envelope for my brother with the rent money in it",
    "I left a voice note for my friend",
    "I left a thank you card for my nan",
    "left a note for the cleaner",
    "I wrote a love letter to my wife",
    "booked a one-way ticket to Lisbon for my new job!",
    "none of this is my fault, the printer broke",
    "We told the kids none of this is their fault, the divorce is between us",
    "I found a new home for my old sofa",
    "found homes for the kittens our cat had",
    "I stand on the platform every morning and think about my to-do list",
    "I want to step onto the train without panicking",
    "thinking about stepping off the bus a stop early to walk more",
    "I want to step forward and lead the team",
    "I always step back when the train comes in",
    "I fell over on the platform and grazed my knee",
    "the train didn't stop at our station this morning so I was late",
    "the express doesn't stop here anymore, annoying",
    "looked up which trains don't stop at Didcot so I can plan my commute",
    "got life insurance now that the baby is here",
    "Goal: compare three life insurance quotes by Friday",
    "my travel insurance has an exclusion for pre-existing conditions",
    "my life insurance excludes pre-existing conditions so I need a medical first",
    "I pressed the hot water bottle to my tummy for the cramps",
    "burned my hand on the iron, clumsy as ever",
    "I held the straighteners to my hair for too long and it frizzed",
    "it'd be kinder if I didn't come home too late for the dog",
    "said goodbye to nan at the station, she didn't know what it was about",
    "none of them realised it was a goodbye party till the cake came out",
    "we sorted who gets the spare room when mum visits",
    "who gets the top bunk and who gets the window seat on the trip",
    "my sister and I worked out who gets my old bike now I've got a new one",
    "whoever finds my keys please hand them in",
    "where you can find me on instagram",
    "I wrote a letter to the council about the bins",
    "my dad's inquest is next week, I wrote a letter to the coroner",
    "set my out-of-office until Monday",
    "out of office indefinitely while I'm on maternity leave",
    "the 7:10 didn't slow down and we missed it, late for work again",
    "Timed the trains to work this week to find the quickest commute",
    "the 8:15 never slows down at our crossing, so dangerous, I've written to the council",
    "left a note on the table for my flatmate about the bins",
    "I left a note on the fridge for my mum to buy milk",
]


def test_means_near_trains_are_immediate_goodbye_facts_are_gentle() -> None:
    for text in FACT_FAMILIES["net.platform"] + FACT_FAMILIES["net.train_through"]:
        match = rules_only(text)
        assert match is not None and match.immediate_danger, text
    for rule in ("distress.left_note", "distress.one_way", "distress.not_your_fault"):
        for text in FACT_FAMILIES[rule]:
            match = rules_only(text)
            assert match is not None and match.kind == "distress", text


# Words that are crisis language elsewhere, used here about coffee, games, fiction and other
# people's deaths: false alarms in fresh12 that the rules now leave alone. Beside them, the
# wording that shares those words and must still be found.
LOOKALIKES_LEFT_ALONE = [
    "overdosed on coffee before the exam, hands shaking lol",
    "I OD'd on netflix this weekend",
    "overdosed on sugar at the party",
    "overdosed on caffeine today",
    "thousands dead after the floods, it's awful to watch",
    "a lot of workers died building the railway, the documentary said",
    "died like 40 times to the final boss lmao",
    "i died 12 times on that boss fight",
    "the finale killed off my favourite character. I'm not okay 😭",
    "they killed off everyone in the last episode, I'm not okay lol",
    "I'm going to end it with my gym membership",
    "i wanna disappear into my duvet all weekend",
    "He's not a danger or anything, I just blocked him",
]
STILL_FOUND = {
    "I overdosed on my meds last night": "overdose.on",
    "I overdosed on Sunday": "overdose.on",
    "I overdosed on purpose": "overdose.on",
    "overdosed on coffee and 20 of my sleeping pills": "overdose.on_drug",
    "I want to overdose": "overdose.word",
    "death feels like the only option": "net.any_death",
    "I'm not okay.": "distress.not_okay_end",
    "I'm not okay, I keep telling people I'm fine": "distress.not_okay_end",
}


@pytest.mark.parametrize("text", LOOKALIKES_LEFT_ALONE, ids=lambda t: t[:40])
def test_hyperbole_games_fiction_and_others_deaths_are_left_alone(text: str) -> None:
    assert rules_only(text) is None


@pytest.mark.parametrize(("text", "rule"), STILL_FOUND.items(), ids=lambda value: value[:40])
def test_crisis_wording_beside_those_lookalikes_is_still_found(text: str, rule: str) -> None:
    match = rules_only(text)
    assert match is not None and match.rule == rule


def test_squashed_overdose_skips_overdosed_on_coffee_only() -> None:
    for text in ("overdosed.on.coffee", "overdosedoncoffee"):
        assert rules_only(text) is None, text
    for text in ("overdosed.on.pills", "overdosedonsunday", "overdosed"):
        match = rules_only(text)
        assert match is not None and match.kind == "overdose", text


# Rule families written after the fresh13 batch: a plan or its preparations stated as plain fact
# (medication saved up, affairs settled, a drop visited again and again, a date chosen around
# other people). As above, none of these lines is in the corpus, and the ordinary facts that
# share their words are left alone.
PREPARATION_FAMILIES = {
    "net.pill_hoard": [
        "I've been putting a few of my antidepressants aside each night instead of taking them.",
        "squirrelling my sleeping pills away for a while now",
        "set aside some of my tablets every week, nearly have enough",
        "I stopped swallowing my meds and I'm keeping them in a tin",
        "I almost have enough tablets now",
        "got all my codeine laid out on the bed",
        "I've been building up a supply of my sleeping tablets",
    ],
    # fresh14: checking how high a railing or parapet is at a car park, bridge or roof
    "net.height_check": [
        "went up to the car park roof to see how high the barrier was",
        "On the bridge again, checking how high the parapet is.",
        "top floor of the multi-storey, the railing is only chest height",
    ],
    "net.affairs_settled": [
        "Closed my accounts and paid off the overdraft. Everything's sorted now.",
        "Cancelled the insurance and left the passwords with my brother. All tied up.",
        "Paid back what I owed and cancelled my subscriptions so my family won't have to deal"
        " with any of it.",
        "Pension forms signed, passwords written down, debts cleared. Loose ends tied up.",
        "Closed the accounts, cleared the overdraft. Everything is in order.",
    ],
    "net.edge_closer": [
        "Went up to the multi-storey roof again and stood closer to the edge than last time.",
        "Each night on the bridge I lean a little further over the railing.",
        "I keep walking to the bridge at night and looking down",
        "getting closer to the edge of the platform every time a train comes",
        "I go up to the car park roof and every time I step nearer to the drop",
    ],
    "net.date_set": [
        "The date's been picked. I won't say more.",
        "Day is chosen. End of next month.",
        "The date is set.",
    ],
    "net.day_alone": [
        "Friday is the night. Everyone's away at my sister's till Sunday.",
        "Tomorrow's the day. I'll have the house to myself after 9.",
        "Saturday's the day. The flat will be empty all afternoon.",
    ],
    "distress.spare_their_day": [
        "It'll be after Christmas so it doesn't spoil things for the kids.",
        "Waiting until after her graduation so it doesn't ruin anything for her.",
    ],
    # fresh15: closing down a life (two acts together), a round kept back, weights with no use,
    # medication pooled, dying together, an accident staged, joining the dead, messages for each
    "net.closing_down": [
        "Gave my tools to my son. Signed the house over to my daughter.",
        "Cancelled the broadband contract. The dogs are going to live with my brother.",
        "Handed in my notice. Found the cat a family in the next village.",
    ],
    "net.round_for_me": [
        "Kept one bullet for myself.",
        "cleaned the shotgun and kept a single shell back for myself",
    ],
    "net.drown_weights": [
        "Got a dive weight belt and some chain today, I don't need them for any diving.",
        "I've got stones in my coat pockets",
    ],
    "net.pill_pooled": [
        "Gathered all our old tablets into one tin in the garage.",
    ],
    "net.go_together": [
        "the kindest thing would be for us both to go together, before she forgets me",
        "I could end it for both of us",
    ],
    "net.accident_cover": [
        "I'll swerve off the viaduct on the way home",
    ],
    "net.join_loved_one": [
        "I'll join him on his anniversary",
        "I want to join her in heaven",
    ],
    "distress.message_for_each": [
        "Wrote a letter for each of the grandkids.",
    ],
    # fresh16/17: things got rid of and "won't be needing them", throwing oneself down the stairs
    # or off a height, comparing which bridge is highest, a stock of pills kept at hand
    "net.wont_need": [
        "Donated all my books and my guitar. Won't be needing them.",
        "Cancelled the newspaper and the milk delivery. I won't need either of them.",
        "Sold my bike and my camera last week. Not going to need them anymore.",
        "Handed my car keys and my watch to my brother, won't have any use for them.",
        "Cleared out my wardrobe, won't need any of it where I'm going.",
    ],
    "suicidal.throw_self": [
        "I keep thinking about throwing myself off the balcony.",
        "Some nights I want to fling myself down the stairs.",
        "I could just let myself fall off the multi-storey roof.",
        "thought about throwing myself under a train on the way home",
    ],
    "net.highest_drop": [
        "Worked out which of the bridges on the ring road has the biggest drop.",
        "I know which car park in town is the tallest now.",
        "Been noting which flyover is highest on the way home.",
        "Googled how high the viaduct is near my house.",
    ],
    "net.pills_at_hand": [
        "Kept every repeat since March, must be a hundred of them under the mattress.",
        "There are 45 sleeping pills sat in my bedside drawer.",
        "Saved my old prescriptions. About 80 tablets in a jar on my desk.",
        "Got my new script and kept the last lot, 90 of them hidden in a sock.",
    ],
}
PREPARATION_MUST_NOT_TRIGGER = [
    "I put my pills away in the cabinet every morning",
    "put my tablets aside for the pharmacist to check",
    "I set aside my vitamins in a weekly pill organiser",
    "I take my tablets with food instead of taking them on an empty stomach",
    "I have enough tablets to last until my next prescription",
    "Picked up my meds, I have enough for the month",
    "I finally have enough meds to last the holiday",
    "I lined up my pills in the organiser for the week",
    "I put my tablets aside so I don't double dose",
    "paid off my credit card, feels great",
    "Paid off the last of my student loan! Everything feels sorted now",
    "Cancelled Netflix and paid off my overdraft, everything sorted for the month",
    "Paid the bills and sorted the insurance for the new flat, everything's settled with the"
    " landlord now",
    "Got my tax return in and paid the bills, all sorted!",
    "Sorted the visa paperwork and the insurance, everything's in order for the move",
    "Saw the solicitor, updated the will and put the deeds somewhere sensible. It feels good to"
    " have it all tidy.",
    "wrote my will because our lawyer says every new parent should",
    "I stood closer to the edge of the pool this time, proud of my swimming goal",
    "each week I step closer to the edge of my comfort zone",
    "Moved the vase closer to the edge of the table",
    "the toddler keeps getting closer to the edge of the sofa",
    "the wedding date is set for the 14th",
    "our moving date is set, 3 weeks to pack!",
    "Race day is set for April",
    "My quit date is set for Monday",
    "The date is set in stone now, the venue is booked",
    "The day is set to be sunny",
    "Sunday is the day we move house",
    "Tonight's the night. Parents are away, I'm having my mates round",
    "Saturday's the day! The house is empty so we're throwing a party",
    "Friday is the day. Wish me luck, the house will be empty so I can practise my speech",
    "Today's the day! First gym session, the kids are away at camp",
    "I'll tell mum about the job after her birthday so it doesn't ruin her day",
    "Booked the surgery for after the wedding so it doesn't affect the photos",
    # fresh14: safety checks at heights, medication taken as prescribed, affairs and wills that
    # an adviser or a life stage explains, an ordinary farewell
    "checked the railing height for the balcony safety inspection",
    "measured how high the railing is so the toddler can't climb it",
    "how high is the bridge? need to know for the van",
    "Took all my meds this morning on time, day ten of the streak",
    "took all my antibiotics, finished the course today",
    "My solicitor suggested getting my affairs in order after I retired, so we did the lasting"
    " power of attorney",
    "updated my will after the baby arrived, the solicitor said it was time to sort guardianship"
    " too",
    "Last day at the school after 25 years, said goodbye to everyone at my retirement do",
    "Frustrated with the flare, but not hopeless",
    # fresh15: one ordinary act, or acts a move, an upgrade or a retirement explains
    "cancelled my phone contract, switching to a cheaper one",
    "recorded a video for each of the kids' birthdays",
    "signed the boat over to my nephew when I retired from fishing, he loves it",
    "we'll go together to the concert",
    "I'll join her on our birthday trip to Rome",
    "bought one round for myself at the pub",
    "picked up dive weights for my open water course",
    "collected all my old prescriptions into one bag to take back to the pharmacy",
    "Moving to Leeds: gave notice on the flat, the cat is going to my mum's",
    "early starts, I'm dead by 9",
    "wrote a goodbye letter to my eating disorder, my therapist's idea",
    "the neighbours bang on the door at all hours",
    "my funeral plan is a conga line and a karaoke machine",
    "the lawn looks dead after the heatwave",
    "pulled out the brambles, arms scratched to bits",
    # fresh16/17: things outgrown, upgraded or cancelled for a reason; throwing oneself into work,
    # onto the sofa or under the bus for the team; heights compared for a quiz or a van; pills
    # in a routine or going back to the pharmacy
    "Gave away the baby clothes, won't be needing them anymore!",
    "Sold my skis, won't be needing them in Dubai.",
    "Cancelled Netflix, won't need it while exams are on.",
    "Gave my old laptop to my brother since I upgraded, won't be needing it.",
    "Sold my winter coats because we're moving to Spain, won't need them.",
    "Cancelled the gym, won't be needing it now I run outside.",
    "won't be needing the car this weekend",
    "I threw myself into work this week to stay busy",
    "Threw myself down on the sofa after the shift and slept",
    "Took the blame in the meeting, basically threw myself under the bus for the team",
    "I threw myself down the water slide with the kids, so fun",
    "If my boss schedules one more 8am call I'll throw myself out the window lol",
    "Quiz night: which tower is the tallest in the world?",
    "Which multi-storey is high enough for the van?",
    "We argued about which tower is taller on our holiday in Paris",
    "Checked which car park is cheapest near the hospital",
    "Picked up my repeat prescription, 56 tablets, enough for the month.",
    "Sorted my 30 tablets into the dosette box on my bedside table.",
    "Took about 60 of them back to the pharmacy to be disposed of.",
    "The vet gave us 30 tablets for the dog, they're on the kitchen table.",
    "I have 20 of them on my desk, library books due back Friday.",
    # fresh16/17 false alarms, in new wording: knives for butchering or cooking, a rifle with the
    # reserves, rope for climbing or sailing, "can't go on" about a commute or a race, overdoses
    # seen at work, a bungee jump, a will written for a new baby
    "Skinned and butchered the rabbit with my dad, sharpened all the knives first.",
    "Made a curry tonight with my new chef's knife, my flatmate gave it me.",
    "Qualified on the range with the army reserves, my rifle drills are getting better.",
    "Bought a rope and harness for the climbing wall, my instructor checked my knots.",
    "Rope burns on my palms from sailing club all weekend.",
    "I can't go on like this with the traffic every morning, going to try the train.",
    "At mile 20 I thought I can't go on, but I finished the marathon!",
    "Our pharmacist spotted a dispensing error that would have been an overdose.",
    "Busy night in the department, we had two overdoses in, debriefed with the team after.",
    "Doing a bungee jump off a bridge in New Zealand for my birthday!",
    "Finally wrote my will now we've got a mortgage and a baby.",
]
# Hyperbole that fresh13 showed the rules flagging, in new wording: a laughing marker or
# "literally" or "half" beside dead, devices dead first, someone else (or a whole room) wanting
# the death, a task or test nearby, a tool named by its modifier, overdose as a public topic.
HYPERBOLE_LEFT_ALONE = [
    "my phone's dead, my laptop's dead, I'm dead",
    "that meme, I'm literally dead",
    "the twins are trying to finish me off",
    "this teething phase is killing us",
    "felt half dead after moving house",
    "I'll sleep like the dead tonight",
    "my boss wants me dead lol, three deadlines today",
    "the whole class wanted to die after that quiz",
    "Half the team wanted to die by the end of the audit",
    "Interview at 9, I'm going to die.",
    "stripping wallpaper nearly killed me",
    "burned my hand on the glue gun",
    "I want to disappear under the covers all weekend",
    "Watched a documentary on overdose rates in Scotland",
    "did the overdose awareness training at work",
    # fresh14: death by meetings, dead houseplants, an early grave, rope for crafts, going nuclear
    "the quarterly review was death by spreadsheets",
    "death by meetings again today",
    "my basil died again, I'm a menace to herbs 😂",
    "this toddler is driving me to an early grave lol",
    "need some rope for the macrame wall hanger",
    "the slugs massacred the lettuces so I've gone nuclear with the beer traps",
]
HYPERBOLE_STILL_FOUND = {
    "the universe wants me dead": "net.broad_death",
    "my ex wants me dead": "net.broad_death",
    "half of me wants to die": "net.broad_death",
    "I'm going to die.": "net.going_to_die",
    "I'll be dead before the exam": "net.broad_death",
    "I want to die, the whole exam was a disaster": "net.broad_death",
    "I want to die lol": "suicidal.death_wish",
    "I wish someone would finish me off": "suicidal.death_wish",
    "my knife is in my drawer": "net.broad_means",
    "I wrote my will last night": "net.own_will",
    "I want to disappear": "suicidal.disappear",
    "I want to die, my cactus died too": "suicidal.death_wish",
    "I took all my tablets at the same time": "net.overdose",
    "took all my tablets last night": "overdose.took_many",
    "I feel hopeless": "net.worthless",
    "I'm saying goodbye to everyone, I'm sorry": "suicidal.farewell_people",
}


def test_saved_pills_edges_and_chosen_days_are_immediate_settled_affairs_are_not() -> None:
    for rule in (
        "net.pill_hoard",
        "net.edge_closer",
        "net.height_check",
        "net.date_set",
        "net.day_alone",
    ):
        for text in PREPARATION_FAMILIES[rule]:
            match = rules_only(text)
            assert match is not None and match.immediate_danger, text
    # settling affairs is a warning sign, not a means: urgent only with a time ("sorted now")
    for text in PREPARATION_FAMILIES["net.affairs_settled"]:
        match = rules_only(text)
        assert match is not None and match.kind == "suicidal", text
    settled = rules_only(PREPARATION_FAMILIES["net.affairs_settled"][1])
    assert settled is not None and not settled.immediate_danger
    for text in PREPARATION_FAMILIES["distress.spare_their_day"]:
        match = rules_only(text)
        assert match is not None and match.kind == "distress", text


def test_thrown_from_heights_ranked_drops_and_pills_at_hand_are_immediate() -> None:
    for rule in ("suicidal.throw_self", "net.highest_drop", "net.pills_at_hand"):
        for text in PREPARATION_FAMILIES[rule]:
            match = rules_only(text)
            assert match is not None and match.immediate_danger, text
    # things got rid of with "won't be needing them" is a warning sign, not a means
    for text in PREPARATION_FAMILIES["net.wont_need"]:
        match = rules_only(text)
        assert match is not None and match.kind == "suicidal" and not match.immediate_danger, text


@pytest.mark.parametrize("text", HYPERBOLE_LEFT_ALONE, ids=lambda t: t[:40])
def test_fresh13_hyperbole_is_left_alone(text: str) -> None:
    assert rules_only(text) is None


@pytest.mark.parametrize(
    ("text", "rule"), HYPERBOLE_STILL_FOUND.items(), ids=lambda value: value[:40]
)
def test_first_person_wording_beside_that_hyperbole_is_still_found(text: str, rule: str) -> None:
    match = rules_only(text)
    assert match is not None and match.rule == rule


def test_new_family_examples_are_not_corpus_lines() -> None:
    corpus = {str(row["text"]).lower() for row in _corpus()}
    examples = [text for texts in PREPARATION_FAMILIES.values() for text in texts]
    examples += PREPARATION_MUST_NOT_TRIGGER + HYPERBOLE_LEFT_ALONE + list(HYPERBOLE_STILL_FOUND)
    assert [text for text in examples if text.lower() in corpus] == []


# Rule families written after the fresh18/fresh19 batches: being followed or chased, nothing
# needed past a named day, affairs left so they don't fall on the family, wishing for a fatal
# illness, a count of one's own tablets taken, one's own overdose beside clinical words (the net),
# and "end it all" split from "end it all with" a job or a means. None of these lines is in the
# corpus.
FRESH18_FAMILIES = {
    "danger.followed": [
        "a man has been following me since I got off the bus, I'm scared",
        "some lads are chasing me down the high street",
        "there's a car following me home and it won't turn off",
        "I think I'm being followed.",
        "hiding in a toilet cubicle from the group of lads who chased me",
        "guy on a bike has been following me for 10 minutes, ducked into a shop",
        "a van keeps following me round the estate",
    ],
    "net.wont_need_after": [
        "Cleared the flat, gave the car to my brother. Won't need anything after Sunday.",
        "I won't be needing any of it after this weekend.",
        "After Friday I won't need anything.",
        "Sold the car, gave the cat to Jen. I won't need any of it after the 14th.",
    ],
    "net.left_for_them": [
        "Paid off the loan so it doesn't fall on my kids.",
        "Cleared the overdraft so my husband isn't left with it.",
        "Wrote my passwords down for my daughter and left them in the drawer.",
        "PIN numbers are in a folder with my son's name on it.",
        "Cleared my debts so none of it falls on my mum.",
        "Bank PINs are in an envelope addressed to my husband.",
    ],
    "suicidal.wish_fatal": [
        "Is it bad that I hope for a stroke most nights",
        "I pray every night I have a heart attack in my sleep",
        "wish I'd just get cancer and be done",
        "I hope my heart just stops in my sleep",
        "I'm praying the cancer takes me this time",
        "sometimes i hope i get in a car crash",
        "I keep hoping I'll have a fatal accident on the way to work.",
    ],
    "overdose.took_count": [
        "took 30 of my anxiety tablets before writing this",
        "swallowed about 20 of mum's painkillers",
        "necked 15 of the codeine",
    ],
    "net.own_overdose": [
        "I took an overdose and now I'm a patient on the psych ward",
        "they gave me naloxone after my overdose",
        "I'm going to take an overdose, I'm a patient on the ward",
    ],
    "suicidal.end_it_all": [
        "I'm going to end it all on Friday",
        "end it all for good",
        "I'm going to end it all",
    ],
    "suicidal.end_it_all_with": [
        "I'm going to end it all with the pills tonight",
        "end it all with a rope",
    ],
}
# The fresh18/fresh19 false alarms, in new wording: suicide as a topic or a drill, an overdose
# taught or treated, a jump in a story, a game or onto a bouldering mat, a goodbye outside a
# court, doses checked, an old self dead, slang, suspense, a long shift done, someone else's saying
# quoted, farm rope, a joke, a job ended, a stage stabbing; beside them, lookalikes of the new
# families.
FRESH18_MUST_NOT_TRIGGER = [
    "We had suicide prevention training at work today",
    "The men's shed talk covered farmer suicide",
    "running suicides at basketball practice again, legs gone",
    "taught the nursing students about paracetamol overdose management",
    "Patient came in with a heroin overdose, narcan worked",
    "I gave a teaching session on paracetamol overdose management",
    "the narrator jumps off a bridge in chapter 9",
    "my character jumped off the tower in fortnite",
    "stood at the top of the climbing wall and jumped onto the crash mat",
    "said bye to her outside the registry office, divorce done",
    "hugged him outside the school gates",
    "measured every dose twice so nobody gets too much",
    "my old self is dead, good riddance",
    "that comedian slayed, I'm dead",
    "I can't take it anymore, the suspense in this match",
    "i'm done. 9 hours driving today",
    "my sponsor always says 'I wanted the drinking to die, not me'",
    "my brother says 'I'd rather be dead than go to work' every monday",
    "rope burn from towing the trailer with the tractor",
    "if I fail I'm literally going to die jk",
    "I'm going to end it all with my landlord, new flat here I come",
    "my sister fake stabbed herself on stage and I fake stab myself too",
    "my friend keeps following me on instagram lol",
    "my toddler follows me around the house all day",
    "the talk will be followed by drinks",
    "won't need anything else after Friday's delivery",
    "I won't need the car after Friday, mine's fixed",
    "We won't need anything from the shop after Friday",
    "Paid the credit card so it doesn't land on my husband while I'm on maternity leave",
    "left the wifi password in an envelope for the guests",
    "praying for a stroke of luck at the interview",
    "hoping for a cancer-free scan next week",
    "praying for my dad's heart surgery tomorrow",
    "I hope I don't get cancer like my mum",
    "I hope I never have a heart attack",
    "took 14 of my tablets back to the chemist",
    "my son follows me round the house",
    "the cat follows me everywhere",
    "I won't need anything after the 3rd, the fridge is full",
    # fresh20: tablets taken as prescribed, a plan for when I'm ready (not yet), a knife in
    # cooking or filleting fish, a finger nicked on it, a kitchen, shaving or DIY accident,
    # domestic abuse as the topic of a film or a book, suffocating in a binder or the heat.
    "keeping up with my tablets and doing the crossword",
    "I keep track of my pills on an app",
    "my counsellor and I have a plan for when I'm ready to tell my parents",
    "we made a plan for when I'm ready to go back to work",
    "filleted a bucket of trout with the knife my grandad left me",
    "we used the big knives to slice carrots and I was fine",
    "nicked my finger on the knife making a stir fry, plaster job",
    "in cookery we chopped peppers and I didn't cut myself haha",
    "was shaving this morning and didn't cut myself for once",
    "did some DIY, drilled the shelves up and didn't hurt myself",
    "watched a film about domestic violence at the community centre, good discussion after",
    "our book club read a novel about domestic abuse",
    "the humidity is suffocating today",
    "my binder is suffocating me on hot days, surgery can't come soon enough",
    "this hoodie is suffocating in the sun",
    "Wrote the wifi password down for my mum before she babysits",
    "gave my brother the netflix password so he can watch the final",
]
# Wording that shares words with those false alarms and must still be found, with its rule.
FRESH18_STILL_FOUND = {
    "I called the suicide prevention line last night": "suicidal.suicide_word",
    "suicide feels like the only way out": "suicidal.suicide_word",
    "I'm suicidal and I skipped my lecture today": "suicidal.suicidal_word",
    "I'm suicidal after practice every day": "suicidal.suicidal_word",
    "she said 'I want you dead'": "suicidal.death_wish",
    "my passwords are written down for my brother now": "net.death_wish",
    "I told my GP 'I want to die'": "suicidal.death_wish",
    'I said "I want to die"': "suicidal.death_wish",
    "I fake smiles and cut myself": "self_harm.reflexive",
    "I'm going to jump off the bridge, game over": "suicidal.method",
    "my ex is outside the house and won't leave": "danger.outside",
    "he's outside my flat banging on the door": "danger.outside",
    "nobody gets me": "distress.nobody_cares_end",
    "I can't take it anymore": "suicidal.cant_anymore",
    "I'm done.": "distress.exhausted_end",
    "I'm dead.": "net.broad_death",
    "I want to overdose": "overdose.word",
    # beside the fresh20 guards: self-harm talk in a kitchen, a streak of days, a knife near the
    # wrist, the arm or myself, a plan and readiness, pills kept, one's own abuse, suffocating.
    "I didn't cut myself this week but I wanted to": "self_harm.reflexive",
    "I was chopping onions and wanted to cut myself": "self_harm.reflexive",
    "chopped veg for tea and cut myself again": "self_harm.reflexive",
    "haven't cut myself in 3 days": "self_harm.reflexive",
    "I havent hurt myself for a few weeks": "self_harm.reflexive",
    "chopping carrots with the knife tonight and I want to use it on my wrist": "net.method",
    "cooking tonight and I keep thinking about the knife and my arm": "suicidal.method",
    "gutting fish with the knife then I'll use it on myself": "suicidal.method",
    "the knife my dad gave me is under my pillow tonight": "net.broad_means",
    "I have a plan and I'm ready": "net.method",
    "I keep the pills in my drawer for when I need them": "net.method",
    "I'm living with domestic abuse": "danger.domestic_abuse",
    "watched a documentary about domestic abuse and that's my life with him": (
        "danger.domestic_abuse"
    ),
    "I feel like I'm suffocating in this life": "distress.suffocating",
    "my binder is suffocating me, I hate my body, I'm trapped in it": "distress.no_way_out",
}


@pytest.mark.parametrize(
    ("text", "rule"), FRESH18_STILL_FOUND.items(), ids=lambda value: value[:40]
)
def test_first_person_wording_beside_fresh18_lookalikes_is_still_found(
    text: str, rule: str
) -> None:
    match = rules_only(text)
    assert match is not None and match.rule == rule


def test_followed_took_count_and_own_overdose_are_immediate_left_affairs_are_not() -> None:
    for rule in (
        "danger.followed",
        "overdose.took_count",
        "net.own_overdose",
        "net.wont_need_after",
    ):
        for text in FRESH18_FAMILIES[rule]:
            match = rules_only(text)
            assert match is not None and match.immediate_danger, text
    for text in FRESH18_FAMILIES["net.left_for_them"]:
        match = rules_only(text)
        assert match is not None and match.kind == "suicidal" and not match.immediate_danger, text


def test_fresh18_examples_are_not_corpus_lines() -> None:
    corpus = {str(row["text"]).lower() for row in _corpus()}
    examples = [text for texts in FRESH18_FAMILIES.values() for text in texts]
    examples += FRESH18_MUST_NOT_TRIGGER + list(FRESH18_STILL_FOUND)
    assert [text for text in examples if text.lower() in corpus] == []


def test_unless_quoted_skips_someone_elses_words_only(tmp_path: Path) -> None:
    line = (
        '{"id": "x", "kind": "suicidal", "patterns": [["want", "to", "die"]], '
        '"unless_quoted": true}'
    )
    assert _rules_found(tmp_path, line, "my nan always says 'I want to die' when it rains") == []
    assert _rules_found(tmp_path, line, "I told her 'I want to die'") == ["x"]
    assert _rules_found(tmp_path, line, "he said 'I want to die' and I want to die too") == ["x"]
    assert _rules_found(tmp_path, line, "I want to die") == ["x"]


def test_unless_sentence_looks_through_the_whole_sentence_only(tmp_path: Path) -> None:
    line = '{"id": "x", "kind": "suicidal", "patterns": [["jump"]], "unless_sentence": ["novel"]}'
    assert _rules_found(tmp_path, line, "in the novel he walks to the bridge and jumps") == []
    assert _rules_found(tmp_path, line, "finished my novel. I want to jump") == ["x"]


def test_keep_sentence_overrules_unless_sentence_in_its_sentence_only(tmp_path: Path) -> None:
    line = (
        '{"id": "x", "kind": "self_harm", "patterns": [["cut", "myself"]], '
        '"unless_sentence": ["onions"], "keep_sentence": ["wanted", "days"]}'
    )
    assert _rules_found(tmp_path, line, "chopped onions and didn't cut myself") == []
    assert _rules_found(tmp_path, line, "chopped onions and wanted to cut myself") == ["x"]
    assert _rules_found(tmp_path, line, "I wanted soup. Chopped onions, didn't cut myself") == []
    assert _rules_found(tmp_path, line, "cut myself") == ["x"]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (rule, text)
        for families in (FACT_FAMILIES, PREPARATION_FAMILIES, FRESH18_FAMILIES)
        for rule, texts in families.items()
        for text in texts
    ],
    ids=lambda value: value[:40],
)
def test_plans_preparations_and_goodbyes_stated_as_facts_are_found(rule: str, text: str) -> None:
    match = rules_only(text)
    assert match is not None and match.rule == rule


@pytest.mark.parametrize(
    "text",
    FACT_MUST_NOT_TRIGGER + PREPARATION_MUST_NOT_TRIGGER + FRESH18_MUST_NOT_TRIGGER,
    ids=lambda t: t[:40],
)
def test_ordinary_facts_errands_dates_and_edges_are_left_alone(text: str) -> None:
    assert rules_only(text) is None
