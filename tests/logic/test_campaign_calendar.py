from __future__ import annotations

from datetime import date

import pytest

from opsboard.logic.campaign_calendar import campaign_preset, find_preset_name, platform_of, spring_festival, year_presets
from opsboard.model import Campaign


def test_spring_festival_moves_with_the_lunar_calendar() -> None:
    assert [spring_festival(y) for y in (2025, 2026, 2027)] == [date(2025, 1, 29), date(2026, 2, 17), date(2027, 2, 6)]


def test_new_year_goods_ends_before_spring_festival() -> None:
    preset = campaign_preset("年货节", "tmall", 2026)
    assert [(p.kind, p.start, p.end) for p in preset.phases] == [
        ("warmup", date(2026, 1, 18), date(2026, 1, 21)),
        ("main", date(2026, 1, 22), date(2026, 2, 6)),
    ]
    # 2028's festival is on 26 January: the run-up starts in 2027, the plan year keeps its own days
    early = campaign_preset("年货节", "tmall", 2028)
    assert [(p.start, p.end) for p in early.phases] == [(date(2028, 1, 1), date(2028, 1, 15))]


def test_double_11_on_tmall_peaks_on_the_day() -> None:
    preset = campaign_preset("双11", "tmall", 2026)
    assert [(p.kind, p.start, p.end, p.weight) for p in preset.phases] == [
        ("presale", date(2026, 10, 20), date(2026, 10, 31), 0.5),
        ("main", date(2026, 11, 1), date(2026, 11, 10), 1.0),
        ("main", date(2026, 11, 11), date(2026, 11, 11), 4.0),
        ("return", date(2026, 11, 12), date(2026, 11, 13), 0.5),
    ]
    campaign = Campaign(id="c", department="marketing", **preset.to_doc())
    assert (campaign.start, campaign.end) == (date(2026, 10, 20), date(2026, 11, 13))


def test_every_preset_on_every_platform_is_a_valid_campaign() -> None:
    for platform in ("tmall", "jd", "douyin", "pinduoduo"):
        presets = year_presets(platform, 2026)
        assert [p.name for p in presets] == ["年货节", "38节", "618", "99划算节", "双11", "双12"]
        for preset in presets:
            Campaign(id="c", **preset.to_doc())


def test_names_and_platforms_as_typed() -> None:
    assert [find_preset_name(t) for t in ("双十一", "Double 11", "11.11", "618", "nope")] == ["双11", "双11", "双11", "618", None]
    assert [platform_of(n) for n in ("Tmall flagship", "京东自营", "Douyin", "Website")] == ["tmall", "jd", "douyin", None]
    with pytest.raises(ValueError, match="presets: 年货节, 38节, 618, 99划算节, 双11, 双12"):
        campaign_preset("Black Friday", "tmall", 2026)
