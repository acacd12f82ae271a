"""The analyzer's findings on a draft goal, told criterion by criterion in plain words."""

from __future__ import annotations

from dialogs.formatting import day
from dialogs.wording import Html, joined, say
from nlp import Finding, SmartReport


def criteria(report: SmartReport) -> list[Html]:
    """One line per SMART criterion: what is there, what is missing."""
    lines = [
        say("feedback.specific_yes", action=report.action or "")
        if report.specific and report.action
        else say("feedback.specific_yes_plain")
        if report.specific
        else say("feedback.specific_no"),
        say("feedback.measurable_yes") if report.measurable else say("feedback.measurable_no"),
        say("feedback.time_bound_yes", deadline=day(report.deadline))
        if report.deadline
        else say("feedback.time_bound_yes_plain")
        if report.time_bound
        else say("feedback.time_bound_no"),
        say("feedback.achievable_yes") if report.achievable else say("feedback.achievable_check"),
    ]
    return lines


def flagged(findings: tuple[Finding, ...]) -> list[Html]:
    return [
        say("feedback.finding", reason=item.reason, suggestion=item.suggestion) for item in findings
    ]


def describe(report: SmartReport) -> Html:
    """The whole feedback message for a draft."""
    parts: list[str] = [say("feedback.heading"), *criteria(report)]
    findings = (*report.vague_phrases, *report.achievability_warnings)
    if report.avoidance is not None:
        findings = (*findings, report.avoidance)
    if findings:
        parts += ["", say("feedback.findings_heading"), *flagged(findings)]
    parts += ["", say("feedback.all_clear") if report.is_smart else say("feedback.rewrite_or_keep")]
    return joined(parts)


def untracked(report: SmartReport) -> Html:
    """What the bot cannot follow when the client keeps wording that misses criteria."""
    gaps = []
    if not report.measurable:
        gaps.append(say("feedback.keep_gap_measurable"))
    if not report.time_bound:
        gaps.append(say("feedback.keep_gap_time"))
    if not report.specific:
        gaps.append(say("feedback.keep_gap_specific"))
    if not gaps:
        return say("feedback.keep_fine")
    return joined([say("feedback.keep_intro"), *gaps, say("feedback.keep_outro")])
