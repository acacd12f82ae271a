"""The goal-setting conversation: from broad motives to one saved SMART goal and a check-in time."""

from __future__ import annotations

from abc import abstractmethod
from datetime import date, timedelta
from typing import ClassVar

import nlp
from dialogs import answers, checkin_time, goal_feedback
from dialogs.flow import Advance, Flow, Outcome, Stay, Step, Turn, text_reply
from dialogs.formatting import amount, day, number, per_phrase
from dialogs.goal_card import goal_card
from dialogs.replies import Reply
from dialogs.wording import choices, joined, say

FLOW = "goal_setting"
MAX_MOTIVES = 5
MAX_STEPS = 3
MAX_SHORT_TEXT = 300
MAX_UNIT_TEXT = 60
CONFIDENT_ENOUGH = 7
REVIEW_AFTER = timedelta(days=90)
KINDS = ("behavioural", "emotional", "cognitive")
HORIZONS = ("short", "long")
PERIODS = ("day", "week")


def theme_label(theme: str) -> str:
    return say(f"themes.{theme}")


def too_long(text: str, limit: int = MAX_SHORT_TEXT) -> Stay | None:
    if len(text) <= limit:
        return None
    return Stay((text_reply("goal.too_long", limit=limit),))


class Motives(Step):
    name, section = "motives", "motives"

    async def ask(self, turn: Turn) -> list[Reply]:
        if turn.state.motives:
            return [
                text_reply("goal.motives_more", [self.option(say("goal.motives_done"), "done")])
            ]
        return [text_reply("goal.motives_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, 500):
            return rejected
        turn.state.motives.append(text.strip())
        reflection = text_reply("goal.motives_reflect", heard=nlp.reflect(text))
        if len(turn.state.motives) >= MAX_MOTIVES:
            return Advance("theme", (reflection,))
        return Stay((reflection,))

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "done" and turn.state.motives:
            return Advance("theme")
        return self.waiting()


class Theme(Step):
    name, section = "theme", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        suggested = nlp.suggest_theme(" ".join(turn.state.motives))
        ordered = sorted(nlp.THEMES, key=lambda theme: theme != suggested)
        options = [self.option(theme_label(theme), theme) for theme in ordered]
        if suggested:
            intro = say("goal.theme_suggest", theme=theme_label(suggested))
        else:
            intro = say("goal.theme_ask")
        return [Reply(intro, tuple(options), columns=2)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in nlp.THEMES:
            return self.waiting()
        turn.state.draft.theme = value
        if value == "other":
            return Advance("theme_other")
        turn.state.draft.theme_other = None
        return Advance("kind")


class ThemeOther(Step):
    name, section = "theme_other", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        return [text_reply("goal.theme_other_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, MAX_UNIT_TEXT):
            return rejected
        turn.state.draft.theme_other = text.strip()
        return Advance("kind")


class Kind(Step):
    name, section = "kind", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        theme = turn.state.draft.theme or "other"
        lines = [
            say(f"kinds.{kind}_line", example=say(f"examples.{theme}.{kind}")) for kind in KINDS
        ]
        options = [self.option(say(f"kinds.{kind}"), kind) for kind in KINDS]
        return [Reply(say("goal.kind_ask", lines=joined(lines)), tuple(options))]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in KINDS:
            return self.waiting()
        turn.state.draft.kind = value
        return Advance("horizon")


class Horizon(Step):
    name, section = "horizon", "theme"

    async def ask(self, turn: Turn) -> list[Reply]:
        theme = turn.state.draft.theme or "other"
        lines = [say(f"horizons.{h}_line", example=say(f"examples.{theme}.{h}")) for h in HORIZONS]
        options = [self.option(say(f"horizons.{h}"), h) for h in HORIZONS]
        return [Reply(say("goal.horizon_ask", lines=joined(lines)), tuple(options))]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in HORIZONS:
            return self.waiting()
        turn.state.draft.horizon = value
        return Advance("draft")


class Draft(Step):
    """The client writes the goal; the analyzer's findings come back criterion by criterion."""

    name, section = "draft", "wording"

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        if draft.statement:
            report = self.analyse(turn, draft.statement)
            return [self.feedback(report)]
        example = say(f"examples.{draft.theme or 'other'}.smart")
        return [text_reply("goal.draft_ask", example=example)]

    def analyse(self, turn: Turn, text: str) -> nlp.SmartReport:
        return nlp.analyze_goal(text, today=turn.today, theme=turn.state.draft.theme)

    def feedback(self, report: nlp.SmartReport) -> Reply:
        if report.is_smart:
            go_on = self.option(say("goal.draft_accept"), "accept")
        else:
            go_on = self.option(say("goal.draft_keep"), "keep")
        return Reply(goal_feedback.describe(report), (go_on,))

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        turn.state.draft.statement = text.strip()
        return Stay()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        statement = turn.state.draft.statement
        if statement is None or value not in ("accept", "keep"):
            return self.waiting()
        report = self.analyse(turn, statement)
        prefill_from(turn, report)
        if report.is_smart:
            return Advance("unit")
        return Advance("unit", (Reply(goal_feedback.untracked(report)),))


def prefill_from(turn: Turn, report: nlp.SmartReport) -> None:
    """Carry what the wording already says into the measure and deadline steps as defaults."""
    draft = turn.state.draft
    counted = [q for q in report.quantities if q.unit]
    if counted and draft.unit is None:
        draft.unit = counted[0].unit
        draft.per = counted[0].per if counted[0].per in PERIODS else draft.per
    if report.deadline and draft.deadline is None and report.deadline > turn.today:
        draft.deadline = report.deadline


def unit_choices(turn: Turn) -> list[str]:
    """Example units for the theme, led by the unit the client's own wording named."""
    draft = turn.state.draft
    examples = choices(f"units.{draft.theme or 'other'}")
    if draft.unit and draft.unit not in examples:
        examples.insert(0, draft.unit)
    return examples


class Unit(Step):
    name, section = "unit", "measure"

    async def ask(self, turn: Turn) -> list[Reply]:
        examples = unit_choices(turn)
        options = [self.option(unit, f"{index}") for index, unit in enumerate(examples)]
        return [text_reply("goal.unit_ask", options)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text, MAX_UNIT_TEXT):
            return rejected
        turn.state.draft.unit = text.strip()
        return Advance("per")

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        examples = unit_choices(turn)
        if not value.isdigit() or int(value) >= len(examples):
            return self.waiting()
        turn.state.draft.unit = examples[int(value)]
        return Advance("per")


class Per(Step):
    name, section = "per", "measure"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(say(f"goal.per_{period}"), period) for period in PERIODS]
        return [text_reply("goal.per_ask", options, unit=turn.state.draft.unit or "")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        period = answers.parse_period(text)
        return self.choose(turn, period) if period else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        return self.choose(turn, value) if value in PERIODS else self.waiting()

    def choose(self, turn: Turn, period: str) -> Outcome:
        turn.state.draft.per = period
        return Advance("baseline")


def read_amount(text: str) -> float | None:
    """A count or measure typed on a phone: "3", "three", "twice", "none", "10min"."""
    quantity = nlp.parse_quantity(text)
    value = quantity.value if quantity else nlp.parse_number(text)
    return None if value is None or value < 0 else value


class Amount(Step):
    """Shared reading of a number answer: "3", "three", "twice", "3x a week", "10min"."""

    question: ClassVar[str]

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        text = say(self.question, unit=draft.unit or "", per=per_phrase(draft.per))
        return [Reply(text, wants_number=True)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        value = read_amount(text)
        return self.waiting() if value is None else self.accept(turn, value)

    @abstractmethod
    def accept(self, turn: Turn, value: float) -> Outcome:
        """Keep the number the client gave."""


class Baseline(Amount):
    name, section, question = "baseline", "measure", "goal.baseline_ask"

    def accept(self, turn: Turn, value: float) -> Outcome:
        turn.state.draft.baseline = value
        return Advance("target")


class Target(Amount):
    name, section, question = "target", "measure", "goal.target_ask"

    def accept(self, turn: Turn, value: float) -> Outcome:
        draft = turn.state.draft
        draft.target = value
        if value == draft.baseline:
            return Advance("deadline", (text_reply("goal.target_same"),))
        return Advance("deadline")


class Deadline(Step):
    name, section = "deadline", "deadline"
    QUICK_WEEKS = (4, 6, 12)

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [
            self.option(say("goal.deadline_in_weeks", weeks=w), f"w{w}") for w in self.QUICK_WEEKS
        ]
        found = turn.state.draft.deadline
        if found:
            options.insert(0, self.option(say("goal.deadline_keep", date=day(found)), "keep"))
        return [text_reply("goal.deadline_ask", options)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        found = nlp.parse_deadline(text, turn.today)
        return self.choose(turn, found) if found else self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "keep" and turn.state.draft.deadline:
            return self.choose(turn, turn.state.draft.deadline)
        if value.startswith("w") and value[1:].isdigit():
            return self.choose(turn, turn.today + timedelta(weeks=int(value[1:])))
        return self.waiting()

    def choose(self, turn: Turn, deadline: date) -> Outcome:
        if deadline <= turn.today:
            return Stay((text_reply("goal.deadline_past", date=day(deadline)),))
        turn.state.draft.deadline = deadline
        turn.state.draft.review_date = None
        return Advance("deadline_confirm")


class DeadlineConfirm(Step):
    name, section = "deadline_confirm", "deadline"

    async def ask(self, turn: Turn) -> list[Reply]:
        deadline = turn.state.draft.deadline
        assert deadline is not None
        review = self.review_point(turn.today, deadline)
        if review is None:
            options = [self.option(say("goal.deadline_yes"), "yes")]
            text = say("goal.deadline_confirm", date=day(deadline))
        else:
            options = [
                self.option(say("goal.deadline_yes_review"), "review"),
                self.option(say("goal.deadline_yes_no_review"), "yes"),
            ]
            text = say("goal.deadline_confirm_long", date=day(deadline), review=day(review))
        options.append(self.option(say("goal.deadline_other"), "other"))
        return [Reply(text, tuple(options))]

    @staticmethod
    def review_point(today: date, deadline: date) -> date | None:
        if deadline - today <= REVIEW_AFTER:
            return None
        return today + (deadline - today) / 2

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        draft = turn.state.draft
        if value == "other":
            return Advance("deadline")
        if value not in ("yes", "review") or draft.deadline is None:
            return self.waiting()
        review = self.review_point(turn.today, draft.deadline)
        draft.review_date = review if value == "review" else None
        return Advance("why")


class Why(Step):
    name, section = "why", "why"

    async def ask(self, turn: Turn) -> list[Reply]:
        return [text_reply("goal.why_ask")]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        turn.state.draft.why = text.strip()
        return Advance("confidence")


class Confidence(Step):
    name, section = "confidence", "confidence"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(str(score), str(score)) for score in range(11)]
        return [Reply(say("goal.confidence_ask"), tuple(options), columns=6)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        score = nlp.parse_number(text)
        if score is None or not 0 <= score <= 10:
            return self.waiting()
        return self.choose(turn, round(score))

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        return (
            self.choose(turn, int(value))
            if value.isdigit() and int(value) <= 10
            else self.waiting()
        )

    def choose(self, turn: Turn, score: int) -> Outcome:
        turn.state.draft.confidence = score
        if score < CONFIDENT_ENOUGH and smaller_target(turn) is not None:
            return Advance("smaller")
        return Advance("steps")


def smaller_target(turn: Turn) -> float | None:
    """Halfway from baseline to target: a first version that is easier to reach."""
    draft = turn.state.draft
    if draft.baseline is None or draft.target is None or draft.baseline == draft.target:
        return None
    halfway = (draft.baseline + draft.target) / 2
    whole = draft.baseline.is_integer() and draft.target.is_integer()
    smaller = float(round(halfway)) if whole else round(halfway, 1)
    return None if smaller in (draft.baseline, draft.target) else smaller


class Smaller(Step):
    name, section = "smaller", "confidence"

    async def ask(self, turn: Turn) -> list[Reply]:
        draft = turn.state.draft
        smaller = smaller_target(turn)
        if smaller is None or draft.target is None:
            return [
                text_reply("goal.smaller_none", [self.option(say("goal.smaller_keep"), "keep")])
            ]
        text = say(
            "goal.smaller_suggest",
            score=draft.confidence,
            smaller=amount(smaller, draft.unit, draft.per),
            target=amount(draft.target, draft.unit, draft.per),
        )
        options = (
            self.option(say("goal.smaller_take", value=number(smaller)), "take"),
            self.option(say("goal.smaller_keep"), "keep"),
        )
        return [Reply(text, options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        smaller = smaller_target(turn)
        if value == "take" and smaller is not None:
            turn.state.draft.target = smaller
            return Advance("steps", (text_reply("goal.smaller_taken"),))
        if value == "keep":
            return Advance("steps")
        return self.waiting()


class FirstSteps(Step):
    name, section = "steps", "steps"

    async def ask(self, turn: Turn) -> list[Reply]:
        steps = turn.state.draft.steps
        if not steps:
            return [text_reply("goal.steps_ask")]
        return [text_reply("goal.steps_more", [self.option(say("goal.steps_done"), "done")])]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        steps = turn.state.draft.steps
        steps.append(text.strip())
        if len(steps) >= MAX_STEPS:
            return Advance("summary", (text_reply("goal.steps_full"),))
        return Stay()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "done" and turn.state.draft.steps:
            return Advance("summary")
        return self.waiting()


EDITABLE_PARTS = {
    "wording": "draft",
    "theme": "theme",
    "measure": "unit",
    "deadline": "deadline",
    "why": "why",
    "confidence": "confidence",
    "steps": "steps",
}


class Summary(Step):
    name, section = "summary", "summary"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = (self.option(say("goal.save"), "save"), self.option(say("goal.change"), "change"))
        card = goal_card(turn.state.draft)
        return [Reply(say("goal.summary_intro", card=card), options)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "change":
            return Advance("change")
        if value != "save":
            return self.waiting()
        saved = await turn.records.save_goal(turn.state.draft)
        await turn.records.add_motives(turn.state.motives)
        turn.state.motives, turn.state.draft = [], type(turn.state.draft)()
        confirmation = text_reply("goal.saved", statement=saved.statement)
        existing = await turn.records.schedule()
        return Advance("schedule_keep" if existing else "schedule_day", (confirmation,), True)


class Change(Step):
    name, section = "change", "summary"

    async def ask(self, turn: Turn) -> list[Reply]:
        options = [self.option(say(f"goal.part_{part}"), part) for part in EDITABLE_PARTS]
        return [Reply(say("goal.change_ask"), tuple(options), columns=2)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in EDITABLE_PARTS:
            return self.waiting()
        turn.state.editing = value
        if value == "steps":
            turn.state.draft.steps = []
        return Advance(EDITABLE_PARTS[value])


GOAL_SETTING = Flow(
    FLOW,
    [
        Motives(),
        Theme(),
        ThemeOther(),
        Kind(),
        Horizon(),
        Draft(),
        Unit(),
        Per(),
        Baseline(),
        Target(),
        Deadline(),
        DeadlineConfirm(),
        Why(),
        Confidence(),
        Smaller(),
        FirstSteps(),
        Summary(),
        Change(),
        *checkin_time.STEPS,
    ],
    summary_step="summary",
)


async def start(turn: Turn) -> list[Reply]:
    """Begin a new goal; motives come first only the first time, later goals start at the theme."""
    turn.state.clear()
    has_goals = bool(await turn.records.goals())
    intro = [text_reply("goal.intro_again" if has_goals else "goal.intro")]
    return await GOAL_SETTING.begin(turn, "theme" if has_goals else "motives", intro)
