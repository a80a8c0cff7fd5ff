"""A marketplace campaign (双11, 618, …) as an entry of its own: its platform,
its phases (预售 / 预热 / 正式 / 返场) with their dates and weights, the extra
sales it is expected to bring, who owns it and what it may spend.

A phase's weight is how strongly each of its days sells compared with the
campaign's other days: a 正式 day of weight 4 takes four times the uplift of
a 预热 day of weight 1. Phases may repeat (the 11 Nov peak is a one-day 正式
of its own) but must not overlap.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, NonNegativeFloat, model_validator

from opsboard.i18n import _, lazy_pgettext

from .base import Record
from .text import Line, RequiredLine

# Above this the form and the CLI ask before saving: +300 % is already a
# 双11-sized peak; a typing slip (5 for 5 %) reads as +500 %.
UPLIFT_TO_CONFIRM = 3.0
UPLIFT_LIMIT = 10.0


class PhaseKind(StrEnum):
    PRESALE = "presale"  # 预售
    WARMUP = "warmup"  # 预热
    MAIN = "main"  # 正式
    RETURN = "return"  # 返场


# A phase as a reader names it (预售 / 预热 / 正式 / 返场 in Chinese); the
# stored kind stays the English id above.
PHASE_WORDS = {
    PhaseKind.PRESALE: lazy_pgettext("campaign phase", "Pre-sale"),
    PhaseKind.WARMUP: lazy_pgettext("campaign phase", "Warm-up"),
    PhaseKind.MAIN: lazy_pgettext("campaign phase", "Main event"),
    PhaseKind.RETURN: lazy_pgettext("campaign phase", "Encore"),
}


class CampaignPhase(BaseModel):
    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, defer_build=True)

    kind: PhaseKind = PhaseKind.MAIN
    start: date
    end: date
    weight: float = Field(default=1.0, ge=0, le=100)

    @model_validator(mode="after")
    def _dates_in_order(self) -> CampaignPhase:
        if self.end < self.start:
            message = _("{phase} ends ({end}) before it starts ({start})")
            raise ValueError(message.format(kind=self.kind.value, phase=PHASE_WORDS[self.kind], end=self.end, start=self.start))
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Campaign(Record):
    name: RequiredLine
    platform: Line = ""  # tmall, jd, douyin, pinduoduo; "" = every channel
    phases: list[CampaignPhase] = Field(min_length=1)
    uplift: float = Field(default=0.0, ge=0, le=UPLIFT_LIMIT)  # extra sales over its days, 0.3 = +30 %
    department: str = "marketing"
    budget: float = Field(default=0.0, ge=0)
    # Last year's run of this campaign, day by day (its days in order), as a
    # factor of mean 1 within each phase: logic/last_year_shape.py. Taken
    # from the board's actuals when the plan is saved; [] (or a length that
    # no longer fits the days): flat within each phase.
    shape: list[NonNegativeFloat] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _one_phase_from_dates(cls, data: Any) -> Any:
        # Boards of schema 1 (and the `NAME, START, END, UPLIFT` text) give
        # start and end: one 正式 phase over those days.
        if isinstance(data, dict) and not data.get("phases") and "start" in data:
            data = dict(data)
            data["phases"] = [{"kind": "main", "start": data.pop("start"), "end": data.pop("end", None), "weight": 1.0}]
        return data

    @model_validator(mode="after")
    def _phases_apart(self) -> Campaign:
        ordered = sorted(self.phases, key=lambda p: p.start)
        for before, after in pairwise(ordered):
            if after.start <= before.end:
                message = _("phases overlap: {phase} to {end} and {next_phase} from {start}")
                words = dict(phase=PHASE_WORDS[before.kind], next_phase=PHASE_WORDS[after.kind])
                raise ValueError(
                    message.format(kind=before.kind.value, end=before.end, next_kind=after.kind.value, start=after.start, **words)
                )
        if sum(p.weight * p.days for p in self.phases) <= 0:
            raise ValueError(_("needs a phase with a weight above 0"))
        return self

    @property
    def start(self) -> date:
        return min(p.start for p in self.phases)

    @property
    def end(self) -> date:
        return max(p.end for p in self.phases)

    def day_weights(self) -> dict[date, float]:
        """Each day of the campaign and its weight: its phase's, times last
        year's shape on that day when the campaign has one."""
        weights: dict[date, float] = {}
        for phase in sorted(self.phases, key=lambda p: p.start):
            for offset in range(phase.days):
                weights[phase.start + timedelta(days=offset)] = phase.weight
        if len(self.shape) == len(weights):
            weights = {day: weight * factor for (day, weight), factor in zip(weights.items(), self.shape, strict=True)}
        return weights
