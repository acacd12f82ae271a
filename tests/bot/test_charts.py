"""Progress charts: drawn in a process of their own, the same picture as drawn in place."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from io import BytesIO

import pytest
from PIL import Image

from bot.charts import ChartError, chart_data, decode_chart, draw_chart, encode_chart
from dialogs.replies import Chart

WEEKS = tuple(date(2026, 1, 5) + timedelta(weeks=week) for week in range(6))
CHART = Chart(
    title="Panic attacks a week, from 3 to 1 by 1 March",
    measure_label="panic attacks",
    weeks=WEEKS,
    values=(3.0, 3.0, 2.5, 2.0, 1.0, 1.0),
    baseline=3.0,
    target=1.0,
    start=date(2026, 1, 1),
    deadline=date(2026, 3, 1),
    baseline_label="Where you started",
    target_label="Target",
    deadline_label="Deadline",
    values_label="Your weeks",
)


def test_a_chart_survives_the_trip_to_the_drawing_process() -> None:
    assert decode_chart(encode_chart(CHART)) == CHART


@pytest.mark.asyncio
async def test_the_drawing_process_returns_a_png_showing_the_clients_weeks() -> None:
    picture = await draw_chart(CHART)

    image = Image.open(BytesIO(picture))
    assert image.format == "PNG" and image.width > 400
    assert json.loads(image.info["Description"]) == json.loads(chart_data(CHART))


@pytest.mark.asyncio
async def test_matplotlib_never_loads_in_the_process_that_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "matplotlib", raising=False)
    await draw_chart(CHART)
    assert "matplotlib" not in sys.modules


@pytest.mark.asyncio
async def test_a_drawing_process_that_fails_is_reported_without_client_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(ChartError) as failure:
        await draw_chart(CHART)
    assert str(failure.value) == "exit status 1"
