"""A small step machine: each step asks, reads an answer, and says where to go next.

Steps live in the conversation state by name, so a flow survives restarts. Every option a
step offers carries the step's name; a button from an older message therefore never counts
as an answer to the current question (stale buttons and double taps are harmless).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from dialogs.clock import Clock, local_today
from dialogs.records import ClientProfile, ClientRecords
from dialogs.replies import Inbound, InboundKind, Option, Reply
from dialogs.state import ConversationState
from dialogs.wording import say

BACK = "back"
MAX_SHORT_TEXT = 300


@dataclass
class Turn:
    """Everything a step may use while handling one inbound."""

    state: ConversationState
    records: ClientRecords
    profile: ClientProfile
    clock: Clock

    @property
    def today(self) -> date:
        return local_today(self.clock, self.profile.effective_timezone)


@dataclass(frozen=True)
class Advance:
    """Move on to step `to`; None ends the flow."""

    to: str | None
    replies: tuple[Reply, ...] = ()
    forget_history: bool = False


@dataclass(frozen=True)
class Stay:
    """Keep asking the same step, saying `replies` first."""

    replies: tuple[Reply, ...] = ()
    ask_again: bool = True


Outcome = Advance | Stay


class Step(ABC):
    """One question of a flow."""

    name: ClassVar[str]
    section: ClassVar[str]

    @abstractmethod
    async def ask(self, turn: Turn) -> list[Reply]:
        """The question, with any options."""

    async def on_text(self, turn: Turn, text: str) -> Outcome:
        return self.waiting()

    async def on_choice(self, turn: Turn, value: str) -> Outcome:
        return self.waiting()

    def option(self, label: str, value: str) -> Option:
        return Option(label, f"{self.name}:{value}")

    def waiting(self) -> Stay:
        """The answer to input this step cannot use: say what it is waiting for."""
        return Stay((Reply(say("flow.waiting", what=say(f"waiting_for.{self.name}"))),))


class Flow:
    """Runs the steps of one conversation over the client's stored state."""

    def __init__(self, name: str, steps: Iterable[Step], summary_step: str | None = None) -> None:
        self.name = name
        self.steps = {step.name: step for step in steps}
        self.summary_step = summary_step

    async def begin(self, turn: Turn, first: str, intro: Sequence[Reply] = ()) -> list[Reply]:
        turn.state.flow, turn.state.step, turn.state.history = self.name, first, []
        return [*intro, *await self.prompt(turn)]

    def owns(self, state: ConversationState) -> bool:
        return state.flow == self.name and state.step in self.steps

    async def prompt(self, turn: Turn) -> list[Reply]:
        """Ask the current step again, with a Back option where there is somewhere to go back."""
        replies = await self.current(turn).ask(turn)
        if not turn.state.history or not replies:
            return replies
        back = Option(say("flow.back_button"), f"{BACK}:{turn.state.step}")
        last = replies[-1]
        return [*replies[:-1], replace(last, options=(*last.options, back))]

    def current(self, turn: Turn) -> Step:
        assert turn.state.step is not None
        return self.steps[turn.state.step]

    async def handle(self, turn: Turn, inbound: Inbound) -> list[Reply]:
        step = self.current(turn)
        if inbound.kind is InboundKind.TEXT:
            return await self.follow(turn, await step.on_text(turn, inbound.value))
        prefix, _, value = inbound.value.partition(":")
        if prefix == BACK and value == step.name:
            return await self.back(turn)
        if prefix == step.name:
            return await self.follow(turn, await step.on_choice(turn, value))
        return [Reply(say("flow.stale_button")), *await self.prompt(turn)]

    async def back(self, turn: Turn) -> list[Reply]:
        state = turn.state
        if not state.history:
            return [Reply(say("flow.nothing_to_go_back_to")), *await self.prompt(turn)]
        state.step = state.history.pop()
        return await self.prompt(turn)

    async def follow(self, turn: Turn, outcome: Outcome) -> list[Reply]:
        if isinstance(outcome, Stay):
            again = await self.prompt(turn) if outcome.ask_again else []
            return [*outcome.replies, *again]
        state = turn.state
        target = self.after_editing(state, outcome.to)
        if target is None:
            return [*outcome.replies, *await self.finish(turn)]
        if outcome.forget_history:
            state.history = []
        elif state.step is not None:
            state.history.append(state.step)
        if target == self.summary_step and target in state.history:
            state.history = state.history[: state.history.index(target)]
        state.step = target
        return [*outcome.replies, *await self.prompt(turn)]

    async def finish(self, turn: Turn) -> list[Reply]:
        """Leave the flow; a flow that interrupted another may hand the client back to it."""
        turn.state.clear()
        return []

    def after_editing(self, state: ConversationState, to: str | None) -> str | None:
        """While a part is being changed from the summary, leaving that part returns there."""
        if state.editing is None or to is None:
            return to
        if self.steps[to].section == state.editing:
            return to
        state.editing = None
        return self.summary_step or to


def text_reply(
    key: str, options: Sequence[Option] = (), columns: int = 1, **values: object
) -> Reply:
    return Reply(say(key, **values), tuple(options), columns)


def too_long(text: str, limit: int = MAX_SHORT_TEXT) -> Stay | None:
    """A kind request to shorten an answer longer than a step can keep."""
    if len(text) <= limit:
        return None
    return Stay((text_reply("goal.too_long", limit=limit),))
