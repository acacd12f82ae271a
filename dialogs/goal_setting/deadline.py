"""By when: a date or a period, confirmed back as a calendar date."""

from __future__ import annotations

from datetime import date, timedelta

import nlp
from dialogs.flow import Advance, Outcome, Stay, Step, Turn, text_reply
from dialogs.formatting import day
from dialogs.goal_setting.limits import (
    REVIEW_AFTER,
)
from dialogs.replies import Reply
from dialogs.wording import say


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
