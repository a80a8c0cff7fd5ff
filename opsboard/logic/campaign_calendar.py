"""The Chinese retail year's campaigns at each platform's usual dates, for a
plan year: 年货节, 38节, 618, 99划算节, 双11, 双12 — each a starting point the
lead edits, not a promise of the platform's exact calendar.

年货节 ends some ten days before Spring Festival, which moves with the lunar
calendar (from `lunardate`, imported when a preset is asked for).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from opsboard.i18n import _

PLATFORMS = ("tmall", "jd", "douyin", "pinduoduo")
PLATFORM_NAMES = {"tmall": "天猫", "jd": "京东", "douyin": "抖音", "pinduoduo": "拼多多"}
# A channel named any of these is that platform's store.
PLATFORM_ALIASES = {
    "tmall": ("tmall", "天猫", "taobao", "淘宝"),
    "jd": ("jd", "京东", "jingdong"),
    "douyin": ("douyin", "抖音", "抖店"),
    "pinduoduo": ("pinduoduo", "拼多多", "pdd"),
}

# (kind, first day, last day, weight); days are (month, day) or, for 年货节,
# days counted from Spring Festival.
_Phase = tuple[str, tuple[int, int], tuple[int, int], float]

_DOUBLE_11 = {
    "tmall": [
        ("presale", (10, 20), (10, 31), 0.5),
        ("main", (11, 1), (11, 10), 1.0),
        ("main", (11, 11), (11, 11), 4.0),
        ("return", (11, 12), (11, 13), 0.5),
    ],
    "jd": [
        ("presale", (10, 23), (10, 31), 0.5),
        ("main", (11, 1), (11, 10), 1.0),
        ("main", (11, 11), (11, 11), 4.0),
        ("return", (11, 12), (11, 13), 0.5),
    ],
    "douyin": [("warmup", (10, 16), (10, 19), 0.5), ("main", (10, 20), (11, 10), 1.0), ("main", (11, 11), (11, 11), 2.0)],
    "pinduoduo": [("main", (10, 19), (11, 10), 1.0), ("main", (11, 11), (11, 11), 2.0)],
}
_618 = {
    "tmall": [
        ("presale", (5, 20), (5, 30), 0.5),
        ("main", (5, 31), (6, 17), 1.0),
        ("main", (6, 18), (6, 18), 3.0),
        ("return", (6, 19), (6, 20), 0.5),
    ],
    "jd": [
        ("warmup", (5, 23), (5, 30), 0.5),
        ("main", (5, 31), (6, 17), 1.0),
        ("main", (6, 18), (6, 18), 4.0),
        ("return", (6, 19), (6, 20), 0.5),
    ],
    "douyin": [("warmup", (5, 20), (5, 24), 0.5), ("main", (5, 25), (6, 17), 1.0), ("main", (6, 18), (6, 18), 2.0)],
    "pinduoduo": [("main", (5, 28), (6, 17), 1.0), ("main", (6, 18), (6, 18), 2.0)],
}
_EVERYWHERE = {
    "38节": [("warmup", (3, 1), (3, 3), 0.5), ("main", (3, 4), (3, 8), 1.0)],
    "99划算节": [("warmup", (9, 1), (9, 5), 0.5), ("main", (9, 6), (9, 9), 1.0)],
    "双12": [("warmup", (12, 8), (12, 11), 0.5), ("main", (12, 12), (12, 12), 2.0), ("return", (12, 13), (12, 14), 0.5)],
}
# days from Spring Festival: the shops stop shipping about ten days before
_NEW_YEAR_GOODS: list[_Phase] = [("warmup", (0, -30), (0, -27), 0.5), ("main", (0, -26), (0, -11), 1.0)]

PRESET_NAMES = ("年货节", "38节", "618", "99划算节", "双11", "双12")
PRESET_UPLIFT = {"年货节": 0.3, "38节": 0.3, "618": 1.0, "99划算节": 0.3, "双11": 1.5, "双12": 0.5}


@dataclass(frozen=True)
class PresetPhase:
    kind: str
    start: date
    end: date
    weight: float


@dataclass(frozen=True)
class CampaignPreset:
    name: str
    platform: str  # one of PLATFORMS
    phases: tuple[PresetPhase, ...]
    uplift: float

    def to_doc(self) -> dict[str, Any]:
        """The fields of a Campaign (without id and department)."""
        phases = [{"kind": p.kind, "start": p.start.isoformat(), "end": p.end.isoformat(), "weight": p.weight} for p in self.phases]
        return {"name": self.name, "platform": self.platform, "phases": phases, "uplift": self.uplift}


def spring_festival(year: int) -> date:
    """The first day of the lunar year that starts in `year` (春节)."""
    from lunardate import LunarDate

    solar: date = LunarDate(year, 1, 1).to_solar_date()
    return solar


FESTIVAL_DAYS = range(-10, 8)  # the days around Spring Festival that sell unlike any week, from its first day


def spring_festival_days(year: int) -> list[date]:
    """Spring Festival's days in `year`, 10 before its first day to 7 after."""
    festival = spring_festival(year)
    return [festival + timedelta(days=offset) for offset in FESTIVAL_DAYS]


def preset_names() -> tuple[str, ...]:
    return PRESET_NAMES


def find_preset_name(typed: str) -> str | None:
    """'双11', 'double 11', '11.11', '618' … → the preset's name; None when unknown."""
    key = "".join(typed.casefold().split()).replace(".", "").replace("-", "")
    aliases = {
        "年货节": ("年货节", "newyeargoods", "nianhuojie", "cny"),
        "38节": ("38节", "38", "38festival", "queensday", "女王节"),
        "618": ("618",),
        "99划算节": ("99划算节", "99", "99sale"),
        "双11": ("双11", "双十一", "double11", "1111", "singlesday"),
        "双12": ("双12", "双十二", "double12", "1212"),
    }
    for name, words in aliases.items():
        if key in words:
            return name
    return None


def campaign_preset(name: str, platform: str, year: int) -> CampaignPreset:
    """The preset `name` (see PRESET_NAMES) on `platform` for the plan year.
    ValueError naming the valid choices when either is unknown."""
    if name not in PRESET_NAMES:
        raise ValueError(_("'{name}' is not a preset campaign (presets: {presets})").format(name=name, presets=", ".join(PRESET_NAMES)))
    if platform not in PLATFORMS:
        raise ValueError(
            _("'{platform}' is not a platform (platforms: {platforms})").format(platform=platform, platforms=", ".join(PLATFORMS))
        )
    if name == "年货节":
        festival = spring_festival(year)
        phases = [
            PresetPhase(kind, festival + timedelta(days=a[1]), festival + timedelta(days=b[1]), w) for kind, a, b, w in _NEW_YEAR_GOODS
        ]
        # An early Spring Festival (late January) puts the start in December
        # of the year before: the plan year keeps only its own days.
        phases = [PresetPhase(p.kind, max(p.start, date(year, 1, 1)), p.end, p.weight) for p in phases if p.end.year == year]
    else:
        table = _DOUBLE_11 if name == "双11" else _618 if name == "618" else None
        raw = table[platform] if table is not None else _EVERYWHERE[name]
        phases = [PresetPhase(kind, date(year, *a), date(year, *b), w) for kind, a, b, w in raw]
    return CampaignPreset(name, platform, tuple(phases), PRESET_UPLIFT[name])


def year_presets(platform: str, year: int) -> list[CampaignPreset]:
    """Every preset of the plan year on one platform, in calendar order."""
    presets = [campaign_preset(name, platform, year) for name in PRESET_NAMES]
    return [p for p in presets if p.phases]


def platform_of(channel: str) -> str | None:
    """The platform a channel's name says it is on (Tmall → tmall), or None."""
    key = "".join(channel.casefold().split())
    for platform, words in PLATFORM_ALIASES.items():
        if any(word in key for word in words):
            return platform
    return None
