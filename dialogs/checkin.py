"""The weekly check-in: each active goal's number and first steps, then notes, then a review.

A check-in that comes due while the client is in another flow does not clobber it: they get a
short note with a button, and when they finish the check-in they are handed back to their draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import nlp
from dialogs import attainment
from dialogs.answers import read_amount
from dialogs.checkin_feedback import (
    Point,
    celebration,
    goal_feedback,
    history,
    needs_review,
    reached,
    week_of,
)
from dialogs.flow import Advance, Flow, Outcome, Stay, Step, Turn, text_reply, too_long
from dialogs.formatting import day, number, per_phrase
from dialogs.goal_setting.limits import MAX_STEPS
from dialogs.records import GoalAnswer, SavedGoal
from dialogs.replies import Option, Reply
from dialogs.state import CheckinAnswer, CheckinDraft, ReturnPoint
from dialogs.wording import Html, say

FLOW = "checkin"
STEPS_DONE = ("yes", "some", "no")
LATER_WEEKS = (2, 4, 8)


def resume_option() -> Option:
    return Option(say("common.resume_button"), "resume")


def start_option() -> Option:
    return Option(say("checkin.start_button"), "checkin")


async def active_goals(turn: Turn) -> list[SavedGoal]:
    return [goal for goal in await turn.records.goals() if goal.status == "active"]


def current_answer(turn: Turn) -> CheckinAnswer:
    draft = turn.state.checkin
    return draft.answers[draft.position]


async def answer_goal(turn: Turn, goal_id: int) -> SavedGoal:
    goal = await turn.records.goal(goal_id)
    assert goal is not None, "a goal in a check-in is the client's own"
    return goal


def next_goal(turn: Turn) -> Outcome:
    """On to the next goal, or to the notes; Back stays within one goal."""
    draft = turn.state.checkin
    draft.position += 1
    if draft.position < len(draft.answers):
        return Advance("checkin_value", forget_history=True)
    return Advance("checkin_helped", forget_history=True)


class Value(Step):
    name, section = "checkin_value", "checkin"

    async def ask(self, turn: Turn) -> list[Reply]:
        goal = await answer_goal(turn, current_answer(turn).goal_id)
        text = say(
            "checkin.value_ask", statement=goal.statement, unit=goal.unit, per=per_phrase(goal.per)
        )
        skip = self.option(say("checkin.skip_goal"), "skip")
        return [Reply(text, (skip,), wants_number=True)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        value = read_amount(text)
        if value is None:
            return self.waiting()
        current_answer(turn).value = value
        goal = await answer_goal(turn, current_answer(turn).goal_id)
        return Advance("checkin_steps") if goal.steps else next_goal(turn)

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value != "skip":
            return self.waiting()
        current_answer(turn).value = None
        return next_goal(turn)


class StepsDone(Step):
    name, section = "checkin_steps", "checkin"

    async def ask(self, turn: Turn) -> list[Reply]:
        goal = await answer_goal(turn, current_answer(turn).goal_id)
        steps = Html("\n".join(say("card.step", step=step) for step in goal.steps))
        options = [self.option(say(f"checkin.steps_{done}"), done) for done in STEPS_DONE]
        return [text_reply("checkin.steps_ask", options, steps=steps)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value not in STEPS_DONE:
            return self.waiting()
        current_answer(turn).steps_done = value
        return next_goal(turn)


class Note(Step):
    """A skippable line in the client's own words about the week."""

    question: str
    following: str | None

    async def ask(self, turn: Turn) -> list[Reply]:
        return [text_reply(self.question, [self.option(say("checkin.skip_note"), "skip")])]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        setattr(turn.state.checkin, self.field, text.strip())
        return await self.done(turn)

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value != "skip":
            return self.waiting()
        setattr(turn.state.checkin, self.field, None)
        return await self.done(turn)

    @property
    def field(self) -> str:
        return self.name.removeprefix("checkin_")

    async def done(self, turn: Turn) -> Outcome:
        return Advance(self.following) if self.following else await save(turn)


class Helped(Note):
    name, section = "checkin_helped", "notes"
    question, following = "checkin.helped_ask", "checkin_hindered"


class Hindered(Note):
    name, section = "checkin_hindered", "notes"
    question, following = "checkin.hindered_ask", None


async def save(turn: Turn) -> Outcome:
    """Keep the week's answers with their attainment levels, and say what they show."""
    draft = turn.state.checkin
    this_week = week_of(turn.today)
    earlier = [c for c in await turn.records.checkins() if c.week_of < this_week]
    saved: list[GoalAnswer] = []
    lines: list[Html] = []
    for answer in draft.answers:
        if answer.value is None:
            continue
        goal = await answer_goal(turn, answer.goal_id)
        level = attainment.level(goal.baseline, goal.target, answer.value)
        saved.append(GoalAnswer(goal.id, answer.value, level, answer.steps_done))
        now = Point(this_week, answer.value, answer.steps_done)
        before = history(goal.id, earlier)
        lines.append(goal_feedback(goal, now, before))
        if needs_review(goal, now, before):
            draft.review.append(goal.id)
    if not saved:
        return Advance(None, (text_reply("checkin.nothing_counted"),))
    await turn.records.save_checkin(this_week, saved, draft.helped, draft.hindered)
    reply = text_reply("checkin.saved", lines=Html("\n\n".join(lines)))
    return Advance("checkin_review", (reply,), True) if draft.review else Advance(None, (reply,))


def after_review(turn: Turn, replies: Sequence[Reply] = ()) -> Outcome:
    """The next goal worth a word, or the end of the check-in."""
    review = turn.state.checkin.review
    review.pop(0)
    if review:
        return Advance("checkin_review", tuple(replies), forget_history=True)
    return Advance(None, tuple(replies))


async def reviewed_goal(turn: Turn) -> tuple[SavedGoal, float]:
    goal_id = turn.state.checkin.review[0]
    answer = next(a for a in turn.state.checkin.answers if a.goal_id == goal_id)
    assert answer.value is not None
    return await answer_goal(turn, goal_id), answer.value


class Review(Step):
    """Reached: mark it achieved? Off track two weeks running: adjust it?"""

    name, section = "checkin_review", "review"
    ADJUSTMENTS = ("smaller", "steps", "later", "pause", "keep")

    async def ask(self, turn: Turn) -> list[Reply]:
        goal, value = await reviewed_goal(turn)
        if reached(goal, value):
            options = [self.option(say(f"checkin.review_{c}"), c) for c in ("achieved", "going")]
            return [text_reply("checkin.review_reached", options, statement=goal.statement)]
        options = [self.option(say(f"checkin.adjust_{c}"), c) for c in self.ADJUSTMENTS]
        return [text_reply("checkin.review_off_track", options, statement=goal.statement)]

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        goal, _ = await reviewed_goal(turn)
        if value == "achieved":
            return after_review(turn, await achieve(turn, goal))
        if value == "pause":
            await turn.records.update_goal(goal.id, status="paused")
            return after_review(
                turn, (text_reply("checkin.goal_paused", statement=goal.statement),)
            )
        if value in ("going", "keep"):
            return after_review(turn, (text_reply("checkin.kept_as_is"),))
        targets = {"smaller": "checkin_target", "steps": "checkin_new_steps"}
        if value in targets:
            turn.state.checkin.new_steps = []
            return Advance(targets[value])
        return Advance("checkin_deadline") if value == "later" else self.waiting()


async def achieve(turn: Turn, goal: SavedGoal) -> tuple[Reply, ...]:
    """Mark a goal achieved and celebrate it with the path the client took from the baseline."""
    await turn.records.update_goal(goal.id, status="achieved")
    points = history(goal.id, await turn.records.checkins())
    return (Reply(celebration(goal, points)),)


def smaller_target(goal: SavedGoal, value: float) -> float | None:
    """Halfway from where they are now to the target, in whole numbers where the goal uses them."""
    halfway = (value + goal.target) / 2
    whole = value.is_integer() and goal.target.is_integer()
    smaller = float(round(halfway)) if whole else round(halfway, 1)
    return None if smaller in (value, goal.target) else smaller


class NewTarget(Step):
    name, section = "checkin_target", "review"

    async def ask(self, turn: Turn) -> list[Reply]:
        goal, value = await reviewed_goal(turn)
        suggestion = smaller_target(goal, value)
        options = (
            [self.option(say("checkin.target_take", value=number(suggestion)), "take")]
            if suggestion is not None
            else []
        )
        text = say(
            "checkin.target_ask",
            value=number(value),
            target=number(goal.target),
            unit=goal.unit,
            per=per_phrase(goal.per),
        )
        return [Reply(text, tuple(options), wants_number=True)]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        target = read_amount(text)
        return self.waiting() if target is None else await self.choose(turn, target)

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        goal, now = await reviewed_goal(turn)
        suggestion = smaller_target(goal, now)
        if value != "take" or suggestion is None:
            return self.waiting()
        return await self.choose(turn, suggestion)

    async def choose(self, turn: Turn, target: float) -> Outcome:
        goal, _ = await reviewed_goal(turn)
        if target == goal.baseline:
            return Stay((text_reply("checkin.target_is_baseline"),))
        await turn.records.update_goal(goal.id, target=target)
        done = text_reply("checkin.target_changed", value=number(target), unit=goal.unit)
        return after_review(turn, (done,))


class NewSteps(Step):
    name, section = "checkin_new_steps", "review"

    async def ask(self, turn: Turn) -> list[Reply]:
        if not turn.state.checkin.new_steps:
            return [text_reply("checkin.new_steps_ask")]
        done = self.option(say("goal.steps_done"), "done")
        return [text_reply("goal.steps_more", [done])]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        if rejected := too_long(text):
            return rejected
        steps = turn.state.checkin.new_steps
        steps.append(text.strip())
        return await self.save(turn) if len(steps) >= MAX_STEPS else Stay()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        if value == "done" and turn.state.checkin.new_steps:
            return await self.save(turn)
        return self.waiting()

    async def save(self, turn: Turn) -> Outcome:
        goal, _ = await reviewed_goal(turn)
        await turn.records.update_goal(goal.id, steps=turn.state.checkin.new_steps)
        return after_review(turn, (text_reply("checkin.steps_changed"),))


class LaterDeadline(Step):
    name, section = "checkin_deadline", "review"

    async def ask(self, turn: Turn) -> list[Reply]:
        goal, _ = await reviewed_goal(turn)
        start = max(goal.deadline, turn.today)
        options = [
            self.option(day(start + timedelta(weeks=weeks)), f"w{weeks}") for weeks in LATER_WEEKS
        ]
        return [text_reply("checkin.deadline_ask", options, date=day(goal.deadline))]

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        found = nlp.parse_deadline(text, turn.today)
        if found is None:
            return self.waiting()
        if found <= turn.today:
            return Stay((text_reply("goal.deadline_past", date=day(found)),))
        return await self.choose(turn, found)

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        goal, _ = await reviewed_goal(turn)
        weeks = int(value[1:]) if value.startswith("w") and value[1:].isdigit() else 0
        if weeks not in LATER_WEEKS:
            return self.waiting()
        start = max(goal.deadline, turn.today)
        return await self.choose(turn, start + timedelta(weeks=weeks))

    async def choose(self, turn: Turn, deadline: date) -> Outcome:
        goal, _ = await reviewed_goal(turn)
        await turn.records.update_goal(goal.id, deadline=deadline)
        return after_review(turn, (text_reply("checkin.deadline_changed", date=day(deadline)),))


class CheckinFlow(Flow):
    """Hands the client back to the flow the check-in interrupted, draft and all."""

    async def finish(self, turn: Turn) -> list[Reply]:
        back_to = turn.state.checkin.return_to
        if back_to is None:
            return await super().finish(turn)
        state = turn.state
        state.checkin = CheckinDraft()
        state.flow, state.step = back_to.flow, back_to.step
        state.history, state.editing = list(back_to.history), back_to.editing
        return [text_reply("checkin.back_to_draft", [resume_option()])]


CHECKIN = CheckinFlow(
    FLOW,
    [
        Value(),
        StepsDone(),
        Helped(),
        Hindered(),
        Review(),
        NewTarget(),
        NewSteps(),
        LaterDeadline(),
    ],
)


def leading(text: Html, replies: list[Reply]) -> list[Reply]:
    """`text` as the opening of the first reply, so a check-in arrives as one message."""
    if not replies:
        return [Reply(text)]
    first = replies[0]
    return [replace(first, text=Html(f"{text}\n\n{first.text}")), *replies[1:]]


async def start(turn: Turn, opening: str = "checkin.opening_now") -> list[Reply]:
    """Begin a check-in over the active goals, keeping any other flow to come back to."""
    goals = await active_goals(turn)
    if not goals:
        return [text_reply("checkin.no_goals", [Option(say("common.new_goal_button"), "newgoal")])]
    state = turn.state
    if state.flow == FLOW:
        back_to = state.checkin.return_to
    elif state.flow is not None and state.step is not None:
        back_to = ReturnPoint(
            flow=state.flow, step=state.step, history=state.history, editing=state.editing
        )
    else:
        back_to = None
    state.checkin = CheckinDraft(
        answers=[CheckinAnswer(goal_id=goal.id) for goal in goals], return_to=back_to
    )
    return leading(say(opening), await CHECKIN.begin(turn, "checkin_value"))


def in_other_flow(turn: Turn, flows: dict[str, Flow]) -> bool:
    flow = flows.get(turn.state.flow or "")
    return flow is not None and flow is not CHECKIN and flow.owns(turn.state)


async def due(turn: Turn, flows: dict[str, Flow]) -> list[Reply]:
    """A weekly check-in came due; nothing at all when there is no active goal to ask about."""
    if not await active_goals(turn):
        return []
    if in_other_flow(turn, flows):
        return [text_reply("checkin.due_while_busy", [start_option(), resume_option()])]
    return await start(turn, "checkin.opening_due")


async def reminder(turn: Turn, flows: dict[str, Flow]) -> list[Reply]:
    """The one gentle nudge a day after an unanswered check-in."""
    if not await active_goals(turn):
        return []
    if turn.state.flow == FLOW and CHECKIN.owns(turn.state):
        return leading(say("checkin.reminder"), await CHECKIN.prompt(turn))
    if in_other_flow(turn, flows):
        return [text_reply("checkin.reminder_while_busy", [start_option(), resume_option()])]
    return await start(turn, "checkin.reminder")


async def begin_now(turn: Turn, flows: dict[str, Flow]) -> list[Reply]:
    """/checkin: one now; inside another flow, ask first so a draft is never dropped by surprise."""
    if turn.state.flow == FLOW and CHECKIN.owns(turn.state):
        return await CHECKIN.prompt(turn)
    if in_other_flow(turn, flows) and await active_goals(turn):
        return [text_reply("checkin.confirm_while_busy", [start_option(), resume_option()])]
    return await start(turn)


STATUS_CHANGES = {
    "active": ("achieved", "paused", "retired"),
    "paused": ("active", "retired"),
    "achieved": ("active",),
    "retired": ("active",),
}


def status_options(goal: SavedGoal) -> list[Option]:
    """What a goal's card offers: mark it achieved, pause, retire, or take it up again."""
    return [
        Option(say(f"goals.make_{status}"), f"goalstatus:{goal.id}:{status}")
        for status in STATUS_CHANGES.get(goal.status, ())
    ]


async def change_status(turn: Turn, value: str) -> list[Reply]:
    """ "goalstatus:7:achieved" from a goal's card; achieving one is celebrated."""
    _, raw_id, status = value.split(":", 2) if value.count(":") == 2 else ("", "", "")
    goal = await turn.records.goal(int(raw_id)) if raw_id.isdigit() else None
    if goal is None or status not in STATUS_CHANGES.get(goal.status, ()):
        return [text_reply("flow.stale_button")]
    if status == "achieved":
        return list(await achieve(turn, goal))
    await turn.records.update_goal(goal.id, status=status)
    return [text_reply(f"goals.now_{status}", statement=goal.statement)]
