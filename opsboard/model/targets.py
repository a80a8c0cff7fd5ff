"""The year's sales target and the assumptions it is broken down with."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field, NonNegativeFloat, ValidationInfo, field_validator, model_validator

from opsboard.i18n import _, ngettext

from .base import Record
from .campaigns import Campaign as Campaign  # the plan's parts in one import
from .campaigns import CampaignPhase as CampaignPhase
from .campaigns import PhaseKind as PhaseKind
from .text import Line, RequiredLine

MONTHS = 12

# A Chinese marketplace calendar: trough around Chinese New Year (Jan/Feb),
# peaks for 618 (June), Double 11 (November) and Double 12 (December).
DEFAULT_SEASONALITY: list[float] = [0.06, 0.05, 0.07, 0.07, 0.08, 0.11, 0.07, 0.07, 0.08, 0.08, 0.15, 0.11]


class Channel(Record):
    """A sales channel (a marketplace store), its share of the target and its
    own assumptions; None takes the board's (the plan's month value)."""

    name: RequiredLine
    share: float = Field(ge=0, le=1)
    conversion: float | None = Field(default=None, gt=0, le=1)
    order_value: float | None = Field(default=None, gt=0)
    paid_share: float | None = Field(default=None, ge=0, le=1)
    cost_per_click: float | None = Field(default=None, ge=0)
    roi: float | None = Field(default=None, ge=0)  # 投产比 target: revenue / ad spend
    # the marketplace it sells on (tmall, jd, douyin, pinduoduo), for a name
    # that does not say it (旗舰店, "Flagship"); "": read from its name
    platform: Line = ""


class TargetPlan(Record):
    id: str = "plan"
    year: int = Field(ge=2000, le=2100)
    annual_target: float = Field(ge=0)
    currency: RequiredLine = "CNY"
    seasonality: list[float] = Field(default_factory=lambda: list(DEFAULT_SEASONALITY))
    conversion: list[float] = Field(default_factory=lambda: [0.03] * MONTHS)  # orders / UV
    order_value: list[float] = Field(default_factory=lambda: [200.0] * MONTHS)
    paid_share: list[float] = Field(default_factory=lambda: [0.4] * MONTHS)  # paid UV / UV
    cost_per_click: list[float] = Field(default_factory=lambda: [1.5] * MONTHS)
    new_products: list[int] = Field(default_factory=lambda: [10] * MONTHS)
    channels: list[Channel] = Field(default_factory=list)
    promotion_budget: float = Field(default=0.0, ge=0)
    orders_per_agent_day: float = Field(default=150.0, gt=0)
    campaigns: list[Campaign] = Field(default_factory=list)
    roi: float = Field(default=0.0, ge=0)  # 投产比 target for the board, 0 = none
    daily_ad_cap: float = Field(default=0.0, ge=0)  # 每天上限, 0 = none
    notes: Line = ""
    # Last year's weekday pattern (Monday first, mean 1), taken from the
    # board's daily actuals when the plan is saved; None: every day alike.
    weekday_pattern: list[float] | None = Field(default=None, min_length=7, max_length=7)
    # Last year's days around Spring Festival (10 before to 7 after) against
    # an ordinary day, laid on this year's festival (logic/last_year_shape.py).
    festival_pattern: list[NonNegativeFloat] | None = Field(default=None, min_length=18, max_length=18)
    # The past stays as it was: the days before effective_from keep the
    # targets they had (`kept`, one a day from 1 January) when the plan
    # changed; see logic/day_targets.py. None: the whole year from this plan.
    effective_from: date | None = None
    kept: list[float] = Field(default_factory=list)
    change: Line = ""  # what this version changed, in words
    # On a kept earlier version: who saved it and when (its updated_* are
    # when it was kept).
    saved_at: datetime | None = None
    saved_by: Line = ""

    @field_validator("seasonality", "conversion", "order_value", "paid_share", "cost_per_click", "new_products")
    @classmethod
    def _monthly(cls, value: list[Any], info: ValidationInfo) -> list[Any]:
        if len(value) != MONTHS:
            raise ValueError(_("needs 12 monthly values, got {count}").format(count=len(value)))
        if any(v < 0 for v in value):
            raise ValueError(_("values must not be negative"))
        if info.field_name in ("conversion", "paid_share") and any(v > 1 for v in value):
            raise ValueError(_("is a rate between 0 and 1 (0.03 = 3 %)"))
        if info.field_name == "seasonality" and sum(value) <= 0:
            raise ValueError(_("needs at least one month above zero"))
        return value

    @model_validator(mode="after")
    def _kept_fits(self) -> TargetPlan:
        if self.effective_from is not None and self.effective_from > date(self.year, 1, 1):
            elapsed = min((self.effective_from - date(self.year, 1, 1)).days, (date(self.year + 1, 1, 1) - date(self.year, 1, 1)).days)
            if len(self.kept) != elapsed or any(v < 0 for v in self.kept):
                message = ngettext(
                    "kept needs one target, 0 or more, for the {n} day before {day}",
                    "kept needs one target, 0 or more, for each of the {n} days before {day}",
                    elapsed,
                )
                raise ValueError(message.format(n=elapsed, day=self.effective_from))
        return self
