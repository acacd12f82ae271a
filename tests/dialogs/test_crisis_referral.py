"""Crisis language, or /crisis, brings the lines at once from any point, and keeps the place."""

from __future__ import annotations

import pytest

from dialogs.crisis import Tone
from dialogs.wording import entry
from tests.conversation import GOAL_SCRIPT, ScriptedClient
from tests.dialogs.test_goal_setting import play

PREFIXES = range(len(GOAL_SCRIPT) + 1)


async def question_after(client: ScriptedClient, steps: int) -> str:
    await play(client, GOAL_SCRIPT[:steps])
    return client.replies[-1].text


@pytest.mark.asyncio
@pytest.mark.parametrize("steps", PREFIXES)
async def test_crisis_words_at_every_step_bring_lines_and_keep_the_step(
    client: ScriptedClient, steps: int
) -> None:
    question = await question_after(client, steps) if steps else ""
    await client.say("i dont want to be alive anymore")

    assert len(client.replies) == 1, "the lines come in one message nothing can push away"
    assert "988" in client.text and "741741" in client.text and "911" in client.text
    if client.offers("Back to where we were"):
        await client.tap("Back to where we were")
        assert client.replies[-1].text == question


@pytest.mark.asyncio
@pytest.mark.parametrize("steps", PREFIXES)
async def test_the_crisis_command_works_at_every_step(client: ScriptedClient, steps: int) -> None:
    question = await question_after(client, steps) if steps else ""
    await client.command("/crisis")

    assert "988" in client.text
    if client.offers("Back to where we were"):
        await client.tap("Back to where we were")
        assert client.replies[-1].text == question


@pytest.mark.asyncio
async def test_danger_now_puts_the_emergency_number_first(client: ScriptedClient) -> None:
    await client.say("he's hurting me and I'm scared he'll kill me tonight")
    assert client.text.index("911") < client.text.index("988")


@pytest.mark.asyncio
async def test_a_client_can_choose_their_country(client: ScriptedClient) -> None:
    await client.command("/crisis")
    await client.tap("Lines for another country")
    await client.tap("United Kingdom")
    assert "116 123" in client.text and "999" in client.text
    await client.say("I want to end my life")
    assert "116 123" in client.text


@pytest.mark.asyncio
async def test_saying_no_after_the_lines_goes_on_kindly(client: ScriptedClient) -> None:
    await play(client, GOAL_SCRIPT[:3])
    await client.say("sometimes I think everyone would be better off without me")
    assert "988" in client.text
    await client.say("no, you misunderstood")
    assert "rather ask than miss it" in client.text
    assert "anything else you'd like to be different" in client.text
    await client.say("to feel at home in my body again")
    assert "It sounds like you'd like to feel at home in your body again." in client.text


@pytest.mark.asyncio
async def test_wording_only_the_classifier_reads_as_crisis_gets_lines_and_a_humble_opening(
    client: ScriptedClient,
) -> None:
    question = await question_after(client, 3)
    await client.say(
        "gave my guitar to my brother and my cat to the neighbour, everything is sorted"
    )

    assert client.text.startswith("I may have read this wrong")
    assert "988" in client.text and "741741" in client.text
    await client.tap("Back to where we were")
    assert client.replies[-1].text == question


def test_every_tone_has_an_opening() -> None:
    for tone in Tone:
        assert entry(f"crisis.opening_{tone}")
