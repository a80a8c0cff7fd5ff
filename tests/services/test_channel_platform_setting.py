"""A channel's platform set in the plan's channels ('旗舰店=70% platform=天猫'),
read back in the form's text, refused when it is no platform; the targets
export names a channel no platform campaign counts for, and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.i18n import set_language
from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign
from opsboard.services.errors import FieldErrors
from opsboard.services.export import export_view
from opsboard.services.target_inputs import parse_channels
from opsboard.services.target_plan import assumption_texts, set_assumptions
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    board = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026)
    set_assumptions(board, annual_target="3,650,000", channels="旗舰店=70%, JD=30%")
    add_campaign(board, preset="双11", platform="tmall")
    return board


def test_platform_is_a_channel_setting_in_either_language() -> None:
    assert parse_channels("旗舰店=70% platform=天猫, Flagship=30% platform=JD") == [
        ("旗舰店", 0.7, {"platform": "tmall"}),
        ("Flagship", 0.3, {"platform": "jd"}),
    ]
    with pytest.raises(ValueError, match="'taobao mall' is not a platform"):
        parse_channels("旗舰店=100% platform=taobao mall")


def test_the_export_names_the_channel_and_the_fix_until_it_is_set(store) -> None:
    text = export_view(store, "targets")
    assert (
        "旗舰店 gets no share of the campaigns on a platform: its name says no platform. "
        "Set one in the plan's channels (view 3: e), e.g. 旗舰店=70% platform=tmall (or jd, douyin, pinduoduo)."
    ) in text
    set_assumptions(store, channels="旗舰店=70% platform=tmall, JD=30%")
    assert store.plan().channels[0].platform == "tmall"
    assert "no share of the campaigns" not in export_view(store, "targets")
    assert "旗舰店=70% platform=tmall" in assumption_texts(store.plan(), store.meta(), {})["channels"]


def test_the_note_reads_in_chinese(store) -> None:
    set_language("zh")
    try:
        text = export_view(store, "targets")
    finally:
        set_language("en")
    assert "旗舰店的名称里没有平台" in text and "旗舰店=70% platform=tmall" in text


def test_a_wrong_platform_is_refused_naming_the_channels_field(store) -> None:
    before = store.path.read_bytes()
    with pytest.raises(FieldErrors) as caught:
        set_assumptions(store, channels="旗舰店=70% platform=amazon, JD=30%")
    assert "amazon" in caught.value.errors["channels"]
    assert store.path.read_bytes() == before
