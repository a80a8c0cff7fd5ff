"""Issue 13: a campaign's phases and a plan change are stored as ids and
worded when read, in the reader's language — 预售 in Chinese, Pre-sale in
English; 'added the campaign 双11' rather than a stored English summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.i18n import set_language
from opsboard.model.labels import plan_change_words, version_change_words
from opsboard.services.activity import activity_rows
from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign, remove_campaign
from opsboard.services.target_plan import plan_versions, rebase_plan, set_target


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:30:00+08:00")
    board = init_board(tmp_path / "b.json", user="lin", name="Shop", year=2026)
    set_target(board, annual="12000000")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    return board


@pytest.fixture
def chinese():
    set_language("zh")
    yield
    set_language("en")


def _phases(store) -> str:
    from opsboard.model.campaigns import PHASE_WORDS

    campaign = store.plan().campaigns[0]
    return ", ".join(str(PHASE_WORDS[p.kind]) for p in campaign.phases)


def test_phase_words_follow_the_interface_and_the_stored_kind_stays(store, chinese) -> None:
    add_campaign(store, preset="双11", platform="tmall")
    assert _phases(store) == "预售, 正式, 正式, 返场"
    set_language("en")
    assert _phases(store) == "Pre-sale, Main event, Main event, Encore"
    stored = store.raw("targets")["plan"]
    assert [p["kind"] for p in stored["campaigns"][0]["phases"]] == ["presale", "main", "main", "return"]


def test_a_phase_is_typed_in_either_language(store) -> None:
    add_campaign(store, name="大促", phases=["预热:06-01:06-05", "encore:06-06:06-07:0.5"])
    assert [p.kind.value for p in store.plan().campaigns[0].phases] == ["warmup", "return"]


def test_adding_and_removing_a_campaign_reads_in_chinese_with_no_english_summary(store, chinese) -> None:
    add_campaign(store, preset="双11", platform="tmall")
    remove_campaign(store, "双11")
    removed, added = activity_rows(store, limit=2)
    assert added.text == "lin 在目标计划中添加了活动 双11；6月15日 周一之前的日子保留原目标"
    assert removed.text.startswith("lin 从目标计划中移除了活动 双11")
    assert added.entry.summary == removed.entry.summary == ""  # nothing stored in English
    set_language("en")
    assert activity_rows(store, limit=2)[1].text.startswith("lin added the campaign 双11 to the target plan; the days before")


def test_an_old_entry_with_an_english_summary_reads_the_same(store, chinese) -> None:
    add_campaign(store, preset="双11", platform="tmall")
    log = store.raw("activity")
    newest = next(reversed([doc for doc in log.values() if doc.get("kind") == "set"]))
    old = {**newest, "summary": "campaign 双11 added", "after": {**newest["after"], "change": "campaigns"}}
    from opsboard.services.activity import describe, readable_entry

    assert describe(readable_entry(old), store).startswith("lin 在目标计划中添加了活动 双11")


def test_a_versions_change_is_stored_as_ids_and_worded_when_shown(store, chinese) -> None:
    add_campaign(store, preset="双11", platform="tmall")
    set_target(store, annual="13000000", budget="1m")
    rebase_plan(store, confirmed=True)
    changes = [v.change for v in plan_versions(store)] + [store.plan().change]
    assert changes == ["created", "campaigns", "annual_target, promotion_budget", "rebased"]
    assert [plan_change_words(c) for c in changes] == ["创建了计划", "活动", "年度目标、推广预算", "全年重新分摊"]


def test_the_versions_list_names_the_campaigns_a_version_added_changed_or_removed(store) -> None:
    from opsboard.services.campaigns import edit_campaign

    add_campaign(store, preset="双11", platform="tmall")
    add_campaign(store, preset="618", platform="jd")
    edit_campaign(store, "618", uplift="80%")
    remove_campaign(store, "双11")
    set_target(store, annual="13000000")
    every = [*plan_versions(store), store.plan()]
    words = [version_change_words(v, every[i - 1] if i else None) for i, v in enumerate(every)]
    assert words == [
        "plan created",
        "campaign 双11 added",
        "campaign 618 added",
        "campaign 618 changed",
        "campaign 双11 removed",
        "annual target",
    ]
    set_language("zh")
    try:
        assert version_change_words(every[3], every[2]) == "修改活动 618"
        assert version_change_words(every[1], None) == "活动"  # nothing before it to compare with: the field's word
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("stored", "english", "chinese_words"),
    [
        ("plan created", "plan created", "创建了计划"),  # boards saved before: English words
        ("annual target, re-based the whole year", "annual target, re-based the whole year", "年度目标、全年重新分摊"),
        ("Spring Festival pattern, plan year", "Spring Festival pattern, plan year", "春节规律、计划年份"),
        ("saved", "saved", "已保存"),
        ("", "saved", "已保存"),
        ("from a script", "from a script", "from a script"),  # not ours: as it is
    ],
)
def test_old_versions_english_change_reads_in_the_interface_language(stored, english, chinese_words) -> None:
    assert plan_change_words(stored) == english
    set_language("zh")
    try:
        assert plan_change_words(stored) == chinese_words
    finally:
        set_language("en")


def test_the_plan_form_names_a_campaigns_department_as_the_board_does(store) -> None:
    from opsboard.services.departments import department_names
    from opsboard.services.target_plan import assumption_texts

    add_campaign(store, preset="双11", platform="天猫")  # the platform typed in Chinese
    assert store.plan().campaigns[0].platform == "tmall"
    texts = assumption_texts(store.plan(), store.meta(), department_names(store))
    assert texts["campaigns"].endswith(", Marketing") and "marketing" not in texts["campaigns"]


def test_the_default_seasonality_is_written_and_read_in_chinese(store, chinese) -> None:
    from opsboard.services.target_plan import assumption_texts

    assert assumption_texts(store.plan(), store.meta())["seasonality"] == "默认"
    set_target(store, seasonality="0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1")
    set_target(store, seasonality="默认")  # as the form shows it: saved back unchanged
    assert assumption_texts(store.plan(), store.meta())["seasonality"] == "默认"
