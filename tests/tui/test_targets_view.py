"""View 3, the targets, driven with Pilot on a board worked by hand.

Plan 2025: 1,200,000, flat: 100,000 a month at 2 % conversion and 250 order
value (400 orders, 20,000 UV a month); half the traffic paid at 2 a click.
January: 31 × (400 UV, 8 orders, 2,000) = 62,000, gap −38,000, all traffic
(12,400 UV against 20,000: 38 % under plan) → Marketing.
February: 28 × (1,000 UV, 14 orders, 3,500) = 98,000, gap −2,000; conversion
1.4 % against 2 % (30 % under plan) is the weakest lever → Customer Service.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, Static, TabbedContent

from opsboard.i18n.formats import short_amount
from opsboard.services.actuals import import_actuals
from opsboard.services.board_files import init_board
from opsboard.services.targets import set_target
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.confirm import ConfirmScreen
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.targets import TargetsScreen
from opsboard.tui.widgets.month_table import MonthTable
from opsboard.tui.widgets.targets_chart import PlanActualChart, layout

FROZEN = "2026-01-15T09:00:00+00:00"
HEADER = "date,channel,pv,uv,orders,revenue,ad_spend\n"


def days(first: date, count: int, uv: int, orders: int, revenue: int) -> str:
    return "".join(f"{first + timedelta(n)},Tmall,{uv * 3},{uv},{orders},{revenue},{uv}\n" for n in range(count))


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user keymap


def make_board(tmp_path: Path, plan: bool = True, actuals: bool = True) -> Path:
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Tea Shop", year=2025)
    if plan:
        set_target(
            store,
            annual="1200000",
            year="2025",
            budget="300000",
            conversion="2%",
            order_value="250",
            paid_share="50%",
            cost_per_click="2",
            seasonality=",".join(["1"] * 12),
        )
    if actuals:
        csv = tmp_path / "jan-feb.csv"
        csv.write_text(HEADER + days(date(2025, 1, 1), 31, 400, 8, 2000) + days(date(2025, 2, 1), 28, 1000, 14, 3500))
        import_actuals(store, csv)
    return path


def make_app(path: Path) -> OpsboardApp:
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


async def open_targets(pilot) -> TargetsScreen:
    """Press 3 and wait (bounded) until the worker has worked out plan vs actual."""
    await pilot.press("3")
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, TargetsScreen) and screen.view is not None and screen.view.actuals_ready:
            return screen
    raise AssertionError("view 3 did not load")


def cells(table: MonthTable, key: str) -> dict[str, str]:
    row = table.get_row(key)
    return {str(column.key.value): cell.plain for column, cell in zip(table.ordered_columns, row, strict=True)}


def shown(static: Static) -> str:
    """What a Static shows, as plain text (tables and all)."""
    console = Console(width=400, record=True, file=io.StringIO(), color_system=None)
    console.print(static.content)
    return console.export_text()


def plan_on_disk(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["targets"]["plan"]


async def test_view_3_shows_the_months_and_the_weakest_lever(tmp_path: Path):
    app = make_app(make_board(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        table = screen.query_one(MonthTable)
        assert table.row_count == 13
        january = cells(table, "1")
        assert (january["target"], january["orders"], january["uv"]) == ("100,000", "400", "20,000")
        assert (january["conversion"], january["order_value"], january["ad_spend"]) == (
            "2.00%",
            "250",
            "20,000",
        )  # a whole order value without .00 (issue 18 case 19)
        assert (january["actual"], january["attainment"], january["gap"]) == ("62,000", "62.0%", "−38,000")  # as the export
        assert cells(table, "3")["actual"] == "–"
        total = cells(table, "total")
        assert (total["target"], total["actual"], total["attainment"], total["gap"]) == ("1,200,000", "160,000", "80.0%", "−40,000")
        # It opens on the latest month with figures: February, conversion behind.
        deviation = str(screen.query_one("#deviation", Static).render())
        assert "Feb 2025: 98,000 of 100,000 CNY (98%), gap −2,000" in deviation
        assert "conversion 30% under plan → Customer Service" in deviation
        assert "traffic +34,000 · conversion −36,000 · order value 0" in deviation
        await pilot.press("k")
        deviation = str(screen.query_one("#deviation", Static).render())
        assert "traffic 38% under plan → Marketing" in deviation
        assert screen.query_one("#months-chart", PlanActualChart).selected == 1
        status = str(screen.query_one("#targets-status", Static).render())
        assert status == "Targets 2025 · 1,200,000 CNY · year to date 80% · forecast 960,000"


async def test_the_assumptions_form_refuses_300_percent_inline_and_saves_a_good_value(tmp_path: Path):
    path = make_board(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_targets(pilot)
        before = path.read_bytes()
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-conversion", Input).value = "300%"
        form.query_one("#field-promotion_budget", Input).value = "-5000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, with the messages beside the fields
        conversion_error = str(form.query_one("#error-conversion", Static).render())
        assert conversion_error == "is a rate between 0 and 1 (0.03 = 3 %); 300% is more than 100%"
        assert str(form.query_one("#error-promotion_budget", Static).render()) == "must not be negative (got -5000)"
        assert path.read_bytes() == before
        form.query_one("#field-conversion", Input).value = "2.5%"
        form.query_one("#field-promotion_budget", Input).value = "250,000"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        plan = plan_on_disk(path)
        assert plan["conversion"] == [0.025] * 12 and plan["promotion_budget"] == 250_000
        assert plan["order_value"] == [250.0] * 12  # untouched fields stay as they were
        # 100,000 / (2.5 % × 250) = 16,000 UV; the view shows the new plan.
        assert cells(screen.query_one(MonthTable), "1")["uv"] == "16.0k"


async def test_t_creates_the_corrective_task_on_the_levers_board(tmp_path: Path):
    path = make_board(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_targets(pilot)
        await pilot.press("k", "t")  # January: traffic
        await pilot.pause()
        tasks = json.loads(path.read_text(encoding="utf-8"))["tasks"]
        [task] = [t for t in tasks.values() if t["title"].startswith("Close the")]
        assert task["title"] == "Close the 2025-01 gap: traffic 38% under plan"
        assert (task["department"], task["month"], task["priority"], task["status"]) == ("marketing", 1, 1, "todo")
        assert task["created_by"] == "ana"
        await pilot.press("G", "t")  # the totals row: the year to date, conversion
        await pilot.pause()
        tasks = json.loads(path.read_text(encoding="utf-8"))["tasks"]
        ytd = [t for t in tasks.values() if "year-to-date" in t["title"]]
        assert [(t["department"], t["month"]) for t in ytd] == [("customer_service", 2)]


async def test_no_plan_says_how_to_set_one_and_e_sets_it(tmp_path: Path):
    path = make_board(tmp_path, plan=False, actuals=False)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_targets(pilot)
        help_text = str(screen.query_one("#targets-empty", Static).render())
        assert "Press e to set the year's target" in help_text
        assert f"opsboard target set {path} --annual 12000000 --year 2025" in help_text
        assert not screen.query_one(TabbedContent).display
        assert screen.check_action("corrective_task", ()) is False  # not offered without a plan
        await pilot.press("e")
        app.screen.query_one("#field-annual_target", Input).value = "6m"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert plan_on_disk(path)["annual_target"] == 6_000_000
        assert screen.query_one(TabbedContent).display
        assert screen.check_action("corrective_task", ()) is False  # no actuals, no gap: `t Gap task` not offered (issue 18 case 9)
        assert cells(screen.query_one(MonthTable), "total")["target"] == "6.00M"
        deviation = str(screen.query_one("#deviation", Static).render())
        # worded as view 4 words it, naming this board's file (issue 18 case 9)
        assert "No store metrics for 2025 yet" in deviation and f"opsboard import-actuals {path} FILE.csv" in deviation


async def test_tabs_and_user_text_as_data(tmp_path: Path):
    path = make_board(tmp_path)
    set_target(BoardStore(path, user="ana"), budget="200000", channels="[bold]Tmall[/]=60%, [link=x]JD=40%")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("l", "l")
        assert screen.query_one(TabbedContent).active == "breakdown"
        panel = shown(screen.query_one("#breakdown-panel", Static))
        assert "[bold]Tmall[/]" in panel and "[link=x]JD" in panel
        await pilot.press("l")
        budget = shown(screen.query_one("#budget-panel", Static))
        # 240,000 of ad spend against 200,000: ×1.2 on either lever, or a bigger budget.
        assert "Over budget: ad spend 240,000 is 40,000 CNY over the 200,000 budget." in budget
        assert "conversion 2.00%→2.40% (Customer Service)" in budget
        assert "order value 250→300 (Product Development)" in budget
        assert "budget 200,000→240,000 (Marketing)" in budget
        assert re.search(r"Mar +50% +10,000 +2.00 +20,000 +60,000 +30%", budget)
        # actual spend to date, 40,400, is past the budget's share of the days so far, 33,333
        status = str(screen.query_one("#targets-status", Static).render())
        assert status.endswith(" · SPEND OVER BUDGET")
        assert re.search(r"Year to date +40,400 +33,333 +121%", budget)
        # 200,000 / 365 = 548 a day: January's 400 a day stays under, February's 1,000 goes over
        assert "Daily cap 548 (the budget spread evenly): 28 days over — 02-01 1,000" in budget
        assert "ROI (投产比): planned 5.00, actual 3.96." in budget
        await pilot.press("h", "h", "h")
        assert screen.query_one(TabbedContent).active == "months"


def test_number_shortening_and_chart_layout():
    assert [short_amount(v) for v in (987, 12_345, 720_000, 1_200_000, 12_000_000, -223_306)] == [
        "987",
        "12.3k",
        "720k",
        "1.20M",
        "12.0M",
        "−223k",
    ]
    assert layout(76) == (2, 6) and layout(116) == (3, 9)


def test_the_app_starts_without_pandas_and_view_3_loads_it_in_a_worker(tmp_path: Path):
    path = make_board(tmp_path)
    code = f"""
import asyncio, sys, threading
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
loaded_in = []
real_import = __builtins__.__import__
def spy(name, *args, **kwargs):
    if name == "pandas" and "pandas" not in sys.modules:
        loaded_in.append(threading.current_thread() is threading.main_thread())
    return real_import(name, *args, **kwargs)
__builtins__.__import__ = spy
async def main():
    app = OpsboardApp(BoardStore({str(path)!r}, user="ana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("start", "pandas" in sys.modules)
        await pilot.press("3")
        await app.workers.wait_for_complete()
        print("view 3", "pandas" in sys.modules, "main thread" if loaded_in[0] else "worker")
asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split("\n")[:2] == ["start False", "view 3 True worker"], result.stderr


async def test_s_shapes_the_months_like_last_years_revenue(tmp_path: Path):
    path = make_board(tmp_path, actuals=False)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("s")  # no 2024 figures yet: said, nothing saved
        await pilot.pause()
        assert plan_on_disk(path)["seasonality"] == [1.0] * 12
        assert any("no full year of actuals for 2024" in n.message for n in app._notifications)
        csv = tmp_path / "2024.csv"
        # Every day of 2024: 1,000 a day, 3,000 a day in November.
        text = HEADER + "".join(
            f"{date(2024, 1, 1) + timedelta(n)},,30,10,1,{3000 if (date(2024, 1, 1) + timedelta(n)).month == 11 else 1000},0\n"
            for n in range(366)
        )
        csv.write_text(text)
        import_actuals(screen.store, csv)
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        seasonality = plan_on_disk(path)["seasonality"]
        assert seasonality[10] == pytest.approx(90_000 / 426_000) and seasonality[0] == pytest.approx(31_000 / 426_000)
        # 1,200,000 × 90 / 426 = 253,521 in November
        assert cells(screen.query_one(MonthTable), "11")["target"] == "254k"


async def test_v_names_the_campaign_the_version_compared_with_added(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The versions list says which campaign a version added, not only 'campaigns'."""
    from opsboard.services.campaigns import add_campaign

    monkeypatch.setenv("OPSBOARD_NOW", "2025-03-01T09:00:00+08:00")
    path = make_board(tmp_path, actuals=False)
    store = BoardStore(path, user="ana")
    add_campaign(store, preset="双11", platform="tmall")
    add_campaign(store, preset="618", platform="jd")
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("v", "v")  # v1, then round to v2
        await pilot.pause()
        rest = shown(screen.query_one("#rest-panel", Static))
        assert "This plan beside v2 of 3 (ana, 2025-03-01 09:00: campaign 双11 added)" in " ".join(rest.split())


async def test_a_campaign_and_a_person_named_as_markup_show_as_typed_in_the_versions_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from opsboard.services.campaigns import add_campaign

    monkeypatch.setenv("OPSBOARD_NOW", "2025-03-01T09:00:00+08:00")
    path = make_board(tmp_path, actuals=False)
    add_campaign(BoardStore(path, user="[b]x"), name="[/]", phases=["main:06-01:06-05"], uplift="10%")
    add_campaign(BoardStore(path, user="ana"), preset="618", platform="jd")
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("v", "v")
        await pilot.pause()
        rest = " ".join(shown(screen.query_one("#rest-panel", Static)).split())
        assert "This plan beside v2 of 3 ([b]x, 2025-03-01 09:00: campaign [/] added)" in rest


async def test_c_adds_a_preset_campaign_v_compares_and_r_rebases_after_asking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2025-03-01T09:00:00+08:00")  # two months of 2025 elapsed
    path = make_board(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        january = cells(screen.query_one(MonthTable), "1")["target"]
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the form opens on 双11 for Tmall
        await pilot.pause()
        screen = await open_targets(pilot)
        plan = BoardStore(path, user="ana").plan()
        assert [(c.name, c.platform) for c in plan.campaigns] == [("双11", "tmall")]
        assert cells(screen.query_one(MonthTable), "1")["target"] == january  # elapsed: kept
        assert "双11" in shown(screen.query_one("#breakdown-panel", Static))
        await pilot.press("v")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "rest"
        rest = shown(screen.query_one("#rest-panel", Static))
        assert "This plan beside v1 of 2" in rest and "plan created" in rest
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("n")  # asked first: no changes nothing
        await pilot.pause()
        assert BoardStore(path, user="ana").plan().effective_from == date(2025, 3, 1)
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = await open_targets(pilot)
        assert BoardStore(path, user="ana").plan().effective_from is None
        assert cells(screen.query_one(MonthTable), "1")["target"] != january  # 双11 now takes its share of January too


async def test_an_uplift_above_300_percent_in_the_campaign_form_is_saved_only_when_saved_again(tmp_path: Path):
    path = make_board(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_targets(pilot)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-uplift", Input).value = "500%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = str(form.query_one("#error-uplift", Static).render())
        assert said == "an uplift above 300% (双11 +500%): confirm to save it (ctrl+s again)"
        assert BoardStore(path, user="ana").plan().campaigns == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.uplift for c in BoardStore(path, user="ana").plan().campaigns] == [5.0]


async def test_a_partial_month_and_the_total_say_which_days_they_cover(tmp_path: Path):
    """Figures to 10 March: March reads 'Mar (10 of 31 days)' beside its target
    to date (100,000 × 10 / 31 = 32,258), as view 4 and the exports do; the
    total is the year to date, 1 January – 10 March (69 of 365 days)."""
    path = make_board(tmp_path)
    csv = tmp_path / "march.csv"
    csv.write_text(HEADER + days(date(2025, 3, 1), 10, 1000, 20, 5000))
    import_actuals(BoardStore(path, user="ana"), csv)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        table = screen.query_one(MonthTable)
        march, total = cells(table, "3"), cells(table, "total")
        assert (march["month"], march["target"], march["target_to_date"], march["actual"]) == (
            "Mar (10 of 31 days)",
            "100,000",
            "32,258",
            "50,000",
        )
        assert (march["attainment"], march["gap"]) == ("155.0%", "+17,742")
        assert cells(table, "2")["month"] == "Feb" and cells(table, "2")["target_to_date"] == "100,000"
        assert (total["month"], total["target"], total["target_to_date"], total["actual"]) == (
            "Total (69 of 365 days)",
            "1,200,000",
            "232,258",
            "210,000",
        )
        assert "*" not in "".join(cells(table, key)["month"] for key in ("1", "2", "3", "total"))
        chart = screen.query_one("#months-chart", PlanActualChart)
        assert [m.label for m in chart.months[:3]] == ["Jan", "Feb", "Mar"] and chart.months[2].covers == "Mar (10 of 31 days)"
    async with make_app(path).run_test(size=(80, 24)) as pilot:  # narrow: the same days, briefly
        table = (await open_targets(pilot)).query_one(MonthTable)
        assert (cells(table, "3")["month"], cells(table, "total")["month"]) == ("Mar 1–10", "Total to Mar 10")
        assert cells(table, "3")["target_to_date"] == "32.3k"


async def test_the_channels_tab_shows_each_channels_plan_vs_actual_and_the_peak_day_staffing(tmp_path: Path):
    """January and February against their targets, by channel: Tmall 60 % of
    the 200,000 to date, 120,000, and sold all 160,000 (133 %); JD, 80,000 to
    date, sold nothing and had no visitors, so no lever split. And the agents
    for each month's peak day beside its average day."""
    path = make_board(tmp_path)
    set_target(BoardStore(path, user="ana"), channels="Tmall=60%, JD=40%")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("l", "l")
        panel = shown(screen.query_one("#breakdown-panel", Static))
        assert "Channels: plan vs actual, 2025-01-01 – 2025-02-28 (59 of 365" in panel  # the title wraps at "days)"
        assert re.search(r"Tmall +120,000 +160,000 +133% +on track", panel)
        assert re.search(r"JD +80,000 +0 +0% +no UV to split the gap", panel)
        assert re.search(r"Tmall +2\.00% +250 +", panel)  # each figure planned above actual
        assert "Customer-service agents: the peak day" in panel
        assert re.search(r"Jan +01-\d\d +\d+ +\d+", panel) and re.search(r"Dec +12-\d\d +\d+ +\d+", panel)


async def test_the_forms_refuse_an_order_value_of_0_and_a_campaign_outside_the_plan_year_naming_the_field(tmp_path: Path):
    path = make_board(tmp_path)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_targets(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#field-order_value", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        said = str(form.query_one("#error-order_value", Static).render())
        assert said == "must be more than 0: an order value of 0 cannot reach any target"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # typed into: asks before leaving
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TargetsScreen)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-name", Input).value = "Spring clearance"
        form.query_one("#field-phase", Input).value = "main:2026-01-02:2026-01-05"
        form.query_one("#field-uplift", Input).value = "50%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        said = str(form.query_one("#error-phase", Static).render())
        assert "2026-01-02" in said and "plan year 2025" in said
    assert path.read_bytes() == before


async def test_shift_c_changes_a_campaign_in_place_and_the_elapsed_days_keep_their_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Issue 15 item 1: a campaign is editable in the app, not only added and removed."""
    monkeypatch.setenv("OPSBOARD_NOW", "2025-03-01T09:00:00+08:00")
    path = make_board(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(pilot)
        await pilot.press("C")  # no campaign yet: said, no form
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # 双11 for Tmall
        await pilot.pause()
        screen = await open_targets(pilot)
        january = cells(screen.query_one(MonthTable), "1")["target"]
        before = BoardStore(path, user="ana").plan().campaigns[0]
        await pilot.press("C")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-phase", Input).value = "warmup:11-01:11-10:0.5; main:11-11:11-11:4"
        form.query_one("#field-uplift", Input).value = "80%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = await open_targets(pilot)
        after = BoardStore(path, user="ana").plan().campaigns[0]
        assert after.id == before.id and after.name == "双11" and after.platform == before.platform
        assert after.uplift == pytest.approx(0.8)
        assert [(p.kind.value, p.start, p.end, p.weight) for p in after.phases] == [
            ("warmup", date(2025, 11, 1), date(2025, 11, 10), 0.5),
            ("main", date(2025, 11, 11), date(2025, 11, 11), 4.0),
        ]
        assert cells(screen.query_one(MonthTable), "1")["target"] == january  # elapsed: kept
