"""Progress charts drawn off-screen with matplotlib (no display, no pyplot global state)."""

from __future__ import annotations

import io
import json
import textwrap
from datetime import date

from dialogs.formatting import number
from dialogs.replies import Chart

SIZE_INCHES = (8.0, 4.5)
DPI = 120
TITLE_WIDTH = 60
MARGIN_DAYS = 3
MAX_TICKS = 8
VALUES_COLOUR = "#2a6f97"
BASELINE_COLOUR = "#8d99ae"
TARGET_COLOUR = "#2b9348"
DEADLINE_COLOUR = "#bc4749"


def render_chart(chart: Chart) -> bytes:
    """The chart as PNG bytes; the plotted data is also stored in the PNG's text chunks."""
    # Imported here: matplotlib adds about 30 MB to a replica that may never draw a chart.
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    axes = figure.subplots()
    origin = min([chart.start, *chart.weeks])

    def x(day: date) -> int:
        """Days since the chart's first day: matplotlib needs numbers, the ticks say dates."""
        return (day - origin).days

    axes.plot(
        [x(week) for week in chart.weeks],
        chart.values,
        marker="o",
        color=VALUES_COLOUR,
        label=chart.values_label,
    )
    axes.axhline(
        chart.baseline,
        linestyle=":",
        color=BASELINE_COLOUR,
        label=f"{chart.baseline_label}: {number(chart.baseline)}",
    )
    axes.axhline(
        chart.target,
        linestyle="--",
        color=TARGET_COLOUR,
        label=f"{chart.target_label}: {number(chart.target)}",
    )
    axes.axvline(
        x(chart.deadline),
        linestyle="-.",
        color=DEADLINE_COLOUR,
        label=f"{chart.deadline_label}: {short(chart.deadline)}",
    )
    ticks = tick_days(chart)
    axes.set_xticks([x(day) for day in ticks], [short(day) for day in ticks])
    axes.set_xlim(-MARGIN_DAYS, x(max([chart.deadline, *chart.weeks])) + MARGIN_DAYS)
    axes.margins(y=0.1)
    axes.set_ylabel(chart.measure_label)
    axes.set_title("\n".join(textwrap.wrap(chart.title, TITLE_WIDTH)), fontsize=11)
    axes.grid(alpha=0.3)
    axes.legend(loc="best", fontsize=9)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Description": chart_data(chart)})
    return buffer.getvalue()


def short(day: date) -> str:
    return f"{day.day} {day:%b}"


def tick_days(chart: Chart) -> list[date]:
    """The check-in weeks (thinned out to a readable number) and the deadline."""
    weeks = list(chart.weeks)
    step = max(1, -(-len(weeks) // MAX_TICKS))
    return sorted({*weeks[::step], chart.deadline})


def chart_data(chart: Chart) -> str:
    """What the picture shows, as JSON text: for checks, and for anyone reading the file."""
    return json.dumps(
        {
            "weeks": [week.isoformat() for week in chart.weeks],
            "values": list(chart.values),
            "baseline": chart.baseline,
            "target": chart.target,
            "deadline": chart.deadline.isoformat(),
        }
    )
