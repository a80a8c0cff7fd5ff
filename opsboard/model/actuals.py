"""The store's daily metrics, imported from the back office."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .text import Line

ALL_CHANNELS = ""  # metrics not split by channel


class DailyMetric(BaseModel):
    """One day of one channel. The id is `date|channel`: re-importing replaces it."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, defer_build=True)

    date: date
    channel: Line = ALL_CHANNELS
    pv: int = Field(ge=0)
    uv: int = Field(ge=0)
    orders: int = Field(ge=0)
    revenue: float = Field(ge=0)
    ad_spend: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> DailyMetric:
        if self.uv > self.pv:
            raise ValueError(f"uv ({self.uv}) is more than pv ({self.pv})")
        if self.orders > self.uv:
            raise ValueError(f"orders ({self.orders}) are more than uv ({self.uv})")
        return self

    @property
    def id(self) -> str:
        return f"{self.date.isoformat()}|{self.channel}"

    def to_doc(self) -> dict:
        return self.model_dump(mode="json")
