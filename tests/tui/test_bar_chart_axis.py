"""Issue 18 case 10: view 4's bar charts name their months and weeks under the
bars, as view 3's chart does."""

from __future__ import annotations

from pathlib import Path

from test_review_view import frozen, make_app, open_review, quarter_metrics  # noqa: F401

from opsboard.tui.widgets.bar_chart import BarChart, axis_label, axis_line


def drawn(chart: BarChart) -> list[str]:
    return [chart.render_line(y).text for y in range(chart.size.height)]


async def test_month_and_week_labels_under_the_bars_at_80x24(tmp_path: Path, frozen) -> None:
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        chart = screen.query_one("#revenue-chart", BarChart)
        assert drawn(chart)[-1].split() == ["Jan", "Feb", "Mar"]
        await pilot.press("w")
        await pilot.pause()
        axis = drawn(chart)[-1]
        assert axis.split()[0] == "W1" and "W14" in axis.split()  # the first and the latest week


def test_axis_labels_are_short_and_never_run_together() -> None:
    assert [axis_label(x) for x in ("2026-03", "2026-03*", "2026-W09", "2026-03-02")] == ["Mar", "Mar", "W9", "03-02"]
    line = axis_line([f"2026-W{w:02d}" for w in range(1, 40)], lambda n: n * 2, 80)
    assert len(line) == 80 and "W1 " in line and "W2" not in line.split()  # every other when they crowd
    words = line.split()
    assert all(int(a[1:]) < int(b[1:]) for a, b in zip(words, words[1:], strict=False))
