"""The store's daily metrics, imported from the back office.

A figure the back office did not give is None (unknown), never 0: 抖店 has no
shop PV/UV, a spend-only report (巨量千川) has only ad spend. Readers of
these rows sum the known figures and say "n/a" where none is known.

The back office's definitions (DOMAIN.md): conversion = paying buyers ÷ UV
and order value = revenue ÷ paying buyers where buyers are known; where only
orders are known, orders take their place. `BUYERS` / `ORDERS` name which.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from opsboard.i18n import _

from .text import Line

ALL_CHANNELS = ""  # metrics not split by channel
SHOP_FIGURES = ""  # the source of a row holding the shop's own figures

# A day a back office can have reported: 9999-12-31 from a broken export made
# the review's week and month arithmetic overflow (plan years are 2000-2100 too).
Day = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))]

# Which divisor a conversion or order value uses (shown beside the figure).
BUYERS = "buyers"
ORDERS = "orders"


class DailyMetric(BaseModel):
    """One day of one channel from one source. The id is `date|channel`
    (`date|channel|source` for a spend-only report): re-importing replaces it,
    and a spend-only report's row sits beside the shop's row for that day
    instead of changing it."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, defer_build=True)

    date: Day
    channel: Line = ALL_CHANNELS
    pv: int | None = Field(default=None, ge=0)
    uv: int | None = Field(default=None, ge=0)
    orders: int | None = Field(default=None, ge=0)  # paid orders
    revenue: float | None = Field(default=None, ge=0)
    ad_spend: float | None = Field(default=0.0, ge=0)  # every spend column of the layout, summed
    buyers: int | None = Field(default=None, ge=0)  # paying buyers (支付买家数, 成交客户数, 成交人数)
    refunds: float | None = Field(default=None, ge=0)  # refunded amount (成功退款金额)
    source: Line = SHOP_FIGURES  # "" or the spend-only report's name, e.g. "巨量千川"

    @model_validator(mode="after")
    def _consistent(self) -> DailyMetric:
        if self.uv is not None and self.pv is not None and self.uv > self.pv:
            raise ValueError(_("uv ({uv}) is more than pv ({pv})").format(uv=self.uv, pv=self.pv))
        if self.buyers is not None:
            if self.uv is not None and self.buyers > self.uv:
                raise ValueError(_("buyers ({buyers}) are more than uv ({uv})").format(buyers=self.buyers, uv=self.uv))
        elif self.orders is not None and self.uv is not None and self.orders > self.uv:
            # with buyers known, orders may pass UV (a buyer pays several sub-orders)
            raise ValueError(_("orders ({orders}) are more than uv ({uv})").format(orders=self.orders, uv=self.uv))
        return self

    @property
    def id(self) -> str:
        base = f"{self.date.isoformat()}|{self.channel}"
        return f"{base}|{self.source}" if self.source else base

    @property
    def net_revenue(self) -> float | None:
        """Revenue less refunds; None unless both are known."""
        if self.revenue is None or self.refunds is None:
            return None
        return self.revenue - self.refunds

    @model_serializer(mode="wrap")
    def _without_unset_additions(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # The fields added later are left out while unset: boards that never
        # had them keep their bytes, and older readers see what they knew.
        data: dict[str, Any] = handler(self)
        for name in _LEFT_OUT_UNSET:
            if data.get(name) in (None, ""):
                data.pop(name, None)
        return data

    def to_doc(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


_LEFT_OUT_UNSET = ("buyers", "refunds", "source")
