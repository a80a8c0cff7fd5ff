"""Issue 13: the lever and gap words that logic/ and services/targets.py
produce — the deviation, its period, the corrective task's title and notes,
the refusals — in Chinese on a Chinese interface (the same board as
test_targets_service: January traffic and February conversion behind plan)."""

from __future__ import annotations

import re

import pytest
from test_targets_service import planned, store, with_actuals

from opsboard.i18n import set_language
from opsboard.services.errors import InputError
from opsboard.services.targets import create_corrective_task, month_deviation, targets_view, ytd_deviation

__all__ = ["planned", "store", "with_actuals"]


@pytest.fixture
def chinese():
    set_language("zh")
    yield
    set_language("en")


def english_words(text: str) -> set[str]:
    """Words in Latin letters, but the board's own (its English department names, task ids)."""
    text = re.sub(r"\bt-\w+", "", text)
    return set(re.findall(r"[A-Za-z]{3,}", text)) - {"CNY", "Design", "Marketing"}


def test_deviations_and_their_period_in_chinese(with_actuals, chinese) -> None:
    view = targets_view(with_actuals)
    assert month_deviation(2025, view.actual(1)).words == "流量低于计划 38%"
    ytd = ytd_deviation(view.pva)
    assert (ytd.words, ytd.period) == ("转化率低于计划 21%", "2025年初至今")


def test_the_corrective_task_is_written_in_chinese(with_actuals, chinese) -> None:
    task = create_corrective_task(with_actuals, 1)
    assert task.title == "补上 2025-01 的缺口：流量低于计划 38%"
    assert not english_words(task.notes), task.notes
    assert "−38,000" in task.notes and "-38" not in task.notes  # the shared formatter's minus
    ytd = create_corrective_task(with_actuals)
    assert ytd.title == "补上 2025年初至今 的缺口：转化率低于计划 21%"
    assert not english_words(ytd.notes), ytd.notes


def test_refusals_in_chinese(with_actuals, chinese) -> None:
    create_corrective_task(with_actuals, 1)
    for month in (1, 3):
        with pytest.raises(InputError) as refused:
            create_corrective_task(with_actuals, month)
        assert not english_words(str(refused.value)), str(refused.value)


def test_a_gap_task_made_in_english_is_not_made_again_in_chinese(with_actuals) -> None:
    english = create_corrective_task(with_actuals, 1)
    english_ytd = create_corrective_task(with_actuals)
    set_language("zh")
    try:
        for month, task in ((1, english), (None, english_ytd)):
            with pytest.raises(InputError) as refused:
                create_corrective_task(with_actuals, month)
            assert task.id in str(refused.value)  # 已在…看板上: the teammate's task
    finally:
        set_language("en")
    assert len(with_actuals.tasks()) == 2


def test_a_gap_task_is_tagged_in_the_interfaces_language_and_found_by_either_word(with_actuals) -> None:
    from opsboard.model.clock import today
    from opsboard.services.task_filter import parse_filter, select

    english = create_corrective_task(with_actuals, 1)
    assert english.tags == ["target"]
    set_language("zh")
    try:
        chinese = create_corrective_task(with_actuals, 2)
        assert chinese.tags == ["目标"]  # what a Chinese lead reads on the card and types in the filter
        tasks = with_actuals.tasks()
        for text in ("tag:target", "标签:目标", "标签:#目标", "tag:Target"):
            assert {t.id for t in select(parse_filter(text), tasks, today())} == {english.id, chinese.id}, text
        assert select(parse_filter("标签:双11"), tasks, today()) == []
        with pytest.raises(InputError) as refused:  # still made once, whichever tag it has
            create_corrective_task(with_actuals, 2)
        assert chinese.id in str(refused.value)
    finally:
        set_language("en")
