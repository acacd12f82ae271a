"""The crisis referral: lines for the client's region in one message, right away."""

from __future__ import annotations

from enum import StrEnum

from dialogs.crisis_lines import FALLBACK, Line, Region, lines_for, load_crisis_lines
from dialogs.replies import Option, Reply
from dialogs.wording import Html, joined, say
from nlp import CrisisMatch


def line_text(line: Line) -> Html:
    if line.audience:
        return say(
            "crisis.line_for", name=line.name, how=line.how, when=line.when, audience=line.audience
        )
    return say("crisis.line", name=line.name, how=line.how, when=line.when)


class Tone(StrEnum):
    """How the referral opens: asked for, worried words, danger now, a hard time, or a guess."""

    ASKED = "asked"
    CONCERN = "concern"
    URGENT = "urgent"
    DISTRESS = "distress"
    UNSURE = "unsure"


def tone_for(match: CrisisMatch) -> Tone:
    if match.immediate_danger:
        return Tone.URGENT
    if match.learned:
        return Tone.UNSURE
    return Tone.DISTRESS if match.kind == "distress" else Tone.CONCERN


def referral_text(region: Region, tone: Tone) -> Html:
    """Lines first, so nothing sent after can push them out of view; the emergency number
    leads when the client may be in danger now."""
    emergency = say("crisis.emergency", label=region.emergency.label)
    lines = [line_text(line) for line in region.lines]
    opening = say(f"crisis.opening_{tone}")
    parts: list[Html | str]
    if tone is Tone.URGENT:
        parts = [opening, emergency, *lines]
    else:
        parts = [opening, *lines, emergency]
    parts += [say("crisis.elsewhere", region=region.name), "", say("crisis.right_now")]
    return joined(parts)


def referral(region_code: str, tone: Tone) -> list[Reply]:
    """The whole referral as a single message, with a way to pick another country's lines."""
    other_country = Option(say("crisis.other_country_button"), "region")
    return [Reply(referral_text(lines_for(region_code), tone), (other_country,))]


def country_question() -> Reply:
    options = [Option(region.name, f"region:{region.code}") for region in regions()]
    return Reply(say("crisis.country_ask"), tuple(options), columns=2)


def regions() -> list[Region]:
    """Each region once (aliases point at the same one), the fallback last."""
    unique = {region.code: region for region in load_crisis_lines().values()}
    fallback = unique.pop(FALLBACK)
    return [*unique.values(), fallback]


def known_region(code: str) -> str | None:
    region = load_crisis_lines().get(code.strip().upper())
    return None if region is None else region.code
