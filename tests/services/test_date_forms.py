"""Issue 18 case 4: the date forms people type, in forms and on the command
line, read by one parser; a due date before the plan year is kept with a word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board
from opsboard.services.errors import InputError
from opsboard.services.parsing import parse_date
from opsboard.store import BoardStore

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026/12/1", date(2026, 12, 1)),
        ("2026/12/01", date(2026, 12, 1)),
        ("2026-2-3", date(2026, 2, 3)),
        ("2026.12.1", date(2026, 12, 1)),
        ("20261201", date(2026, 12, 1)),
        ("12-1", date(2026, 12, 1)),
        ("12-01", date(2026, 12, 1)),
        ("12/1", date(2026, 12, 1)),
        ("12月1日", date(2026, 12, 1)),
        ("2026年12月1日", date(2026, 12, 1)),
        ("明天", date(2026, 12, 1)),
        ("tomorrow", date(2026, 12, 1)),
        ("Today", TODAY),
        ("+3d", date(2026, 12, 3)),
        ("+2w", date(2026, 12, 14)),
        ("", None),
    ],
)
def test_the_forms_people_type(typed: str, meant: date | None) -> None:
    assert parse_date(typed, today=TODAY) == meant


@pytest.mark.parametrize("typed", ["2026-02-30", "13-1", "someday", "3", "2026-12", "12月32日"])
def test_anything_else_says_what_is_valid(typed: str) -> None:
    with pytest.raises(InputError) as error:
        parse_date(typed, today=TODAY)
    assert str(error.value) == f"due: '{typed}' is not a date (use YYYY-MM-DD, 2026/12/1, 12-1, 12月1日, today, tomorrow, 明天 or +3d)"


def test_cli_takes_them_and_warns_before_the_plan_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-30T09:00:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Shop", year=2026)
    assert main(["task", "add", str(path), "--dept", "design", "--title", "Banner", "--due", "2026年12月1日"]) == 0
    assert main(["task", "add", str(path), "--dept", "design", "--title", "Old", "--due", "1999/1/2"]) == 0
    err = capsys.readouterr().err
    assert err == "opsboard: warning: due 1999-01-02 is before the plan year 2026: saved as typed, check it\n"
    dues = {t.title: t.due for t in BoardStore(path, user="r").tasks()}
    assert dues == {"Banner": date(2026, 12, 1), "Old": date(1999, 1, 2)}


def test_the_plans_campaigns_and_phases_take_the_same_date_forms_in_the_plan_year(tmp_path: Path, monkeypatch) -> None:
    """Planning next year in December: '11-11' is the plan year's Double 11, and
    a campaign's dates are typed as a task's are (2027/6/1, 6月18日)."""
    from opsboard.services.campaigns import add_campaign
    from opsboard.services.target_plan import set_target

    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-30T09:30:00+08:00")
    board = init_board(tmp_path / "b.json", user="lin", name="Shop", year=2027)
    set_target(board, annual="12000000")
    set_target(board, campaigns="618 sale, 2027/6/1, 6月18日, 60%")
    campaign = board.plan().campaigns[0]
    assert (campaign.start, campaign.end) == (date(2027, 6, 1), date(2027, 6, 18))
    add_campaign(board, name="Double 11", phases=["预售:10月20日:10-31", "main:11-11:2027/11/11:4"])
    double_11 = board.plan().campaigns[1]
    assert [(p.start, p.end) for p in double_11.phases] == [
        (date(2027, 10, 20), date(2027, 10, 31)),
        (date(2027, 11, 11), date(2027, 11, 11)),
    ]
