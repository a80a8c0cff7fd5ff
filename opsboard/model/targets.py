"""The year's sales target and the assumptions it is broken down with."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator

from .base import Record
from .text import Line, RequiredLine

MONTHS = 12

# A Chinese marketplace calendar: trough around Chinese New Year (Jan/Feb),
# peaks for 618 (June), Double 11 (November) and Double 12 (December).
DEFAULT_SEASONALITY: list[float] = [0.06, 0.05, 0.07, 0.07, 0.08, 0.11, 0.07, 0.07, 0.08, 0.08, 0.15, 0.11]


class Channel(Record):
    """A sales channel (a marketplace store) and its share of the target."""

    name: RequiredLine
    share: float = Field(ge=0, le=1)


class Campaign(Record):
    name: RequiredLine
    start: date
    end: date
    uplift: float = Field(default=0.0, ge=0, le=10)  # expected extra sales, 0.3 = +30 %
    department: str = "marketing"

    @model_validator(mode="after")
    def _dates_in_order(self) -> Campaign:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


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
    notes: Line = ""

    @field_validator("seasonality", "conversion", "order_value", "paid_share", "cost_per_click", "new_products")
    @classmethod
    def _monthly(cls, value: list, info) -> list:
        if len(value) != MONTHS:
            raise ValueError(f"needs 12 monthly values, got {len(value)}")
        if any(v < 0 for v in value):
            raise ValueError("values must not be negative")
        if info.field_name in ("conversion", "paid_share") and any(v > 1 for v in value):
            raise ValueError("is a rate between 0 and 1 (0.03 = 3 %)")
        if info.field_name == "seasonality" and sum(value) <= 0:
            raise ValueError("needs at least one month above zero")
        return value
