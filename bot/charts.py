"""Progress charts drawn off-screen with matplotlib (no display, no pyplot global state).

A replica draws them in a short-lived process (`draw_chart`, which runs this module):
importing matplotlib and drawing once adds about 35 MB, which a process keeps for the rest of
its life, for a picture a client asks for now and then. A fresh interpreter costs about a
second per chart.

    python -m bot.charts < chart.json > chart.png
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import sys
import textwrap
from datetime import date
from typing import Any

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
DRAW_TIMEOUT_SECONDS = 30
DATE_FIELDS = ("start", "deadline")


class ChartError(Exception):
    """The drawing process failed or timed out; the reason holds no client data."""


async def draw_chart(chart: Chart) -> bytes:
    """`render_chart` in a process of its own, so matplotlib never loads in the replica."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.charts",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,  # a traceback could quote the goal's words
    )
    try:
        async with asyncio.timeout(DRAW_TIMEOUT_SECONDS):
            picture, _ = await process.communicate(encode_chart(chart))
    except TimeoutError:
        process.kill()
        await process.wait()
        raise ChartError("timeout") from None
    if process.returncode != 0 or not picture:
        raise ChartError(f"exit status {process.returncode}")
    return picture


def encode_chart(chart: Chart) -> bytes:
    fields = dataclasses.asdict(chart)
    fields["weeks"] = [week.isoformat() for week in chart.weeks]
    fields.update({name: getattr(chart, name).isoformat() for name in DATE_FIELDS})
    return json.dumps(fields).encode("utf-8")


def decode_chart(data: bytes) -> Chart:
    fields: dict[str, Any] = json.loads(data)
    fields["weeks"] = tuple(map(date.fromisoformat, fields["weeks"]))
    fields["values"] = tuple(fields["values"])
    fields.update({name: date.fromisoformat(fields[name]) for name in DATE_FIELDS})
    return Chart(**fields)


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


def main() -> None:
    sys.stdout.buffer.write(render_chart(decode_chart(sys.stdin.buffer.read())))


if __name__ == "__main__":
    main()
