"""The crisis referral: lines for the client's region in one message, right away."""

from __future__ import annotations

from dialogs.crisis_lines import Line, Region, lines_for
from dialogs.replies import Reply
from dialogs.wording import Html, joined, say


def line_text(line: Line) -> Html:
    if line.audience:
        return say(
            "crisis.line_for", name=line.name, how=line.how, when=line.when, audience=line.audience
        )
    return say("crisis.line", name=line.name, how=line.how, when=line.when)


def referral_text(region: Region, immediate: bool) -> Html:
    """Lines first, so nothing sent after can push them out of view; the emergency number
    leads when the client may be in danger now."""
    emergency = say("crisis.emergency", label=region.emergency.label)
    lines = [line_text(line) for line in region.lines]
    if immediate:
        parts = [say("crisis.opening_urgent"), emergency, *lines]
    else:
        parts = [say("crisis.opening"), *lines, emergency]
    parts += [say("crisis.elsewhere", region=region.name), "", say("crisis.right_now")]
    return joined(parts)


def referral(region_code: str, immediate: bool) -> list[Reply]:
    """The whole referral as a single message."""
    return [Reply(referral_text(lines_for(region_code), immediate))]
