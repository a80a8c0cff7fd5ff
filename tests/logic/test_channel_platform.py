"""A channel whose name says no platform (旗舰店, "Flagship") took no share of
a platform's campaign, silently. Its platform can be set (旗舰店=70%
platform=tmall), and until it is, the channels that get none are named."""

from __future__ import annotations

from datetime import date

import pytest

from opsboard.logic.campaign_calendar import campaign_preset
from opsboard.logic.day_targets import channels_without_platform, day_curve
from opsboard.logic.targets import monthly_breakdown
from opsboard.model import Campaign, Channel, TargetPlan

PEAK = date(2026, 11, 11).toordinal() - date(2026, 1, 1).toordinal()


def plan_with(*channels: Channel, platform: str = "tmall") -> TargetPlan:
    doc = campaign_preset("双11", "tmall", 2026).to_doc() | {"id": "c-1", "department": "marketing", "platform": platform}
    return TargetPlan(year=2026, annual_target=10_000_000, channels=list(channels), campaigns=[Campaign.model_validate(doc)])


def test_a_channel_set_to_a_platform_takes_its_campaign_as_one_named_for_it() -> None:
    named = day_curve(plan_with(Channel(id="a", name="天猫", share=0.7), Channel(id="b", name="抖音", share=0.3)))
    flagship = day_curve(plan_with(Channel(id="a", name="旗舰店", share=0.7, platform="tmall"), Channel(id="b", name="抖音", share=0.3)))
    assert flagship[PEAK] == pytest.approx(named[PEAK]) == pytest.approx(6.0)


def test_a_channel_without_a_platform_is_named_and_gets_no_share() -> None:
    plan = plan_with(Channel(id="a", name="旗舰店", share=0.7), Channel(id="b", name="JD", share=0.3))
    assert channels_without_platform(plan) == ("旗舰店",)
    assert monthly_breakdown(plan).channels_without_platform == ("旗舰店",)
    assert day_curve(plan)[PEAK] == pytest.approx(1.0)  # the campaign adds nothing: what the note is for


def test_no_note_without_a_platform_campaign_or_once_every_channel_has_one() -> None:
    assert channels_without_platform(plan_with(Channel(id="a", name="Flagship", share=1.0), platform="")) == ()
    assert channels_without_platform(plan_with(Channel(id="a", name="Flagship", share=1.0, platform="tmall"))) == ()
    assert channels_without_platform(plan_with()) == ()
