"""What a user types for the target plan, turned into values: amounts
("12,000,000", "1.5m", "150万"), rates ("3%" or 0.03), twelve monthly values
or one for every month, channels ("Tmall=70%"). Each parser raises ValueError
with a message that says what is valid; the caller files it under the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import cast

from opsboard.i18n import _, lazy_pgettext
from opsboard.logic.campaign_calendar import PLATFORMS
from opsboard.model.clock import today as clock_today
from opsboard.model.labels import platform_id

from .parsing import read_date

MONTHS = 12

_SUFFIXES = {"k": 1e3, "m": 1e6, "w": 1e4, "万": 1e4, "亿": 1e8}
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_CURRENCY = "¥$€£￥"
_GROUPED = re.compile(r"[¥$€£￥]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[kKmMwW万亿]?")
_LARGEST = 1e15  # no store's year comes near; a bigger figure is a typing slip


def _shown(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= 24 else text[:23] + "…"


def _number(text: str) -> float | None:
    """'1,234.5' → 1234.5; anything that is not a plain number → None."""
    cleaned = text.strip().replace("_", "").replace(" ", "")
    if not _NUMBER.fullmatch(cleaned):
        return None
    return float(cleaned.replace(",", ""))


def parse_amount(raw: object, *, whole: bool = False, positive: bool = False) -> float:
    """An amount of money or a count: '12,000,000', '1.5m', '150万', '¥1500'."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = float(raw)
        text = f"{raw:,}"
    else:
        text = str(raw).strip()
        body = text.lstrip(_CURRENCY).strip()
        scale = 1.0
        if body and body[-1].casefold() in _SUFFIXES:
            scale, body = _SUFFIXES[body[-1].casefold()], body[:-1]
        number = _number(body)
        if not text or number is None:
            if whole:
                raise ValueError(_("'{text}' is not a whole number (e.g. 12)").format(text=_shown(text)))
            raise ValueError(_("'{text}' is not an amount (e.g. 1500000, 1,500,000, 1.5m or 150万)").format(text=_shown(text)))
        value = number * scale
    if not math.isfinite(value) or value > _LARGEST:
        raise ValueError(_("'{text}' is too large").format(text=_shown(text)))
    if value < 0:
        raise ValueError(_("must not be negative (got {text})").format(text=_shown(text)))
    if positive and value == 0:
        raise ValueError(_("must be more than 0"))
    if whole and value != int(value):
        raise ValueError(_("'{text}' is not a whole number").format(text=_shown(text)))
    return value


def parse_rate(raw: object) -> float:
    """'3%', '3 %' or 0.03 → 0.03. A bare number above 1 is refused rather
    than guessed at: 3 could mean 3 % or 300 %."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value, text, percent = float(raw), str(raw), False
    else:
        text = str(raw).strip()
        percent = text.endswith(("%", "％"))
        number = _number(text.rstrip("%％"))
        if number is None:
            raise ValueError(
                _("is a rate between 0 and 1 (0.03 = 3 %), or a percentage like 3%; '{text}' is neither").format(text=_shown(text))
            )
        value = round(number / 100, 12) if percent else number  # 2.8% is 0.028, not 0.027999…
    if not math.isfinite(value) or value < 0:
        raise ValueError(_("is a rate between 0 and 1 (0.03 = 3 %); '{text}' is not").format(text=_shown(text)))
    if value > 1:
        if percent:
            raise ValueError(_("is a rate between 0 and 1 (0.03 = 3 %); {text} is more than 100%").format(text=_shown(text)))
        message = _("is a rate between 0 and 1 (0.03 = 3 %); '{text}' would be {percent} (write {text}% for {text} %)")
        raise ValueError(message.format(text=_shown(text), percent=f"{value * 100:,.0f} %"))
    return value


def parse_year(raw: object) -> int:
    text = str(raw).strip()
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise ValueError(_("'{text}' is not a plan year (2000-2100)").format(text=_shown(text)))
    return int(text)


def split_values(raw: object) -> list[object]:
    """One value or several: a list as given, a string split at semicolons,
    spaces or commas. A comma is a thousands separator ('1,500') unless the
    text has spaces or semicolons to split at, or splits into 12 months."""
    if isinstance(raw, (list, tuple)):
        return list(raw)
    if isinstance(raw, (int, float)):
        return [raw]
    text = str(raw).strip().replace("，", ",").replace("；", ";")
    if not text:
        return []
    if re.search(r"[;\s]", text):
        return [part.strip(",") for part in re.split(r"[;\s]+", text) if part.strip(",")]
    by_comma: list[object] = [part for part in text.split(",") if part]
    if len(by_comma) == MONTHS or _GROUPED.fullmatch(text) is None:
        return by_comma
    return [text]


def parse_monthly(raw: object, parse_one: Callable[[object], float]) -> list[float]:
    """One value for every month, or twelve (January first)."""
    parts = split_values(raw)
    if not parts:
        raise ValueError(_("needs a value: one for every month, or 12 (January first)"))
    if len(parts) == 1:
        return [parse_one(parts[0])] * MONTHS
    if len(parts) != MONTHS:
        raise ValueError(_("give one value for every month or 12 values (January first), not {count}").format(count=len(parts)))
    values = []
    for month, part in enumerate(parts, start=1):
        try:
            values.append(parse_one(part))
        except ValueError as error:
            raise ValueError(_("month {month}: {error}").format(month=month, error=error)) from None
    return values


# the word the plan form shows for the marketplace calendar ('default' / '默认')
SEASONALITY_DEFAULT = lazy_pgettext("seasonality", "default")


def parse_seasonality(raw: object, default: Sequence[float]) -> list[float]:
    """Twelve weights in any scale (percentages or shares); 'default' gives
    the marketplace calendar."""
    if isinstance(raw, str) and raw.strip().casefold() in ("default", "marketplace", "默认", str(SEASONALITY_DEFAULT).casefold()):
        return list(default)
    parts = split_values(raw)
    if len(parts) != MONTHS:
        raise ValueError(_("needs 12 monthly weights (January first), not {count}; or 'default'").format(count=len(parts)))
    weights = []
    for month, part in enumerate(parts, start=1):
        text = str(part).strip().rstrip("%")
        value = _number(text) if isinstance(part, str) else float(part)  # type: ignore[arg-type]
        if value is None or not math.isfinite(value) or value < 0:
            raise ValueError(_("month {month}: '{text}' is not a weight (a number, 0 or more)").format(month=month, text=_shown(str(part))))
        weights.append(value)
    if sum(weights) <= 0:
        raise ValueError(_("needs at least one month above zero"))
    return weights


# A channel's own assumptions after its share: 'Douyin=20% aov=180 cr=4%'.
CHANNEL_KEYS = {
    "cr": "conversion",
    "conversion": "conversion",
    "aov": "order_value",
    "order_value": "order_value",
    "paid": "paid_share",
    "paid_share": "paid_share",
    "cpc": "cost_per_click",
    "roi": "roi",
}


def _channel_option(name: str, key: str, text: str) -> tuple[str, float | str]:
    if key.casefold() == "platform":  # for a name that does not say it: 旗舰店 platform=tmall
        platform = platform_id(text)
        if platform not in PLATFORMS:
            raise ValueError(
                _("{name}: '{platform}' is not a platform (platforms: {platforms})").format(
                    name=name, platform=_shown(text), platforms=", ".join(PLATFORMS)
                )
            )
        return "platform", platform
    field = CHANNEL_KEYS.get(key.casefold())
    if field is None:
        raise ValueError(
            _("{name}: '{key}' is not a channel setting (cr, aov, paid, cpc, roi, platform)").format(name=name, key=_shown(key))
        )
    try:
        value = parse_rate(text) if field in ("conversion", "paid_share") else parse_amount(text)
    except ValueError as error:
        raise ValueError(_("{name} {key}: {error}").format(name=name, key=key, error=error)) from None
    if field in ("conversion", "order_value") and value == 0:
        raise ValueError(_("{name} {key}: must be more than 0").format(name=name, key=key))
    return field, value


def _channel_parts(item: str) -> tuple[str, str, str, list[str]]:
    """'Flagship JD=30% aov=180' → name, '=', share, the channel's own
    settings. The share is the first '=' a number follows, so a name may hold
    a space or an '=' ('[link=x]JD=40%'); with no such '=', the last '='
    before the settings, and the share's error says what is wrong with it."""
    found = re.search(r"=(?=\s*[-+]?[\d.])", item)
    if found:
        share, *options = re.split(r"\s+(?=[A-Za-z_]+=)", item[found.end() :].strip())
        return " ".join(item[: found.start()].split()), "=", share, options
    head, *options = re.split(r"\s+(?=[A-Za-z_]+=)", item)
    name, sep, share = head.rpartition("=")
    return " ".join(name.split()), sep, share, options


def parse_channels(raw: object) -> list[tuple[str, float, dict[str, float | str]]]:
    """'Tmall=70%, Douyin=20% aov=180 cr=4%, 旗舰店=10% platform=jd' (or a
    list of such items) → names, shares (adding up to 100 %) and each
    channel's own conversion (cr), order value (aov), paid share (paid), cost
    per click (cpc), ROI target (roi) and platform (for a name that does not
    say it); what is not given takes the board's (the platform: its name's).
    '' or 'none' → no channels."""
    if isinstance(raw, str):
        if raw.strip().casefold() in ("", "none", "-"):
            return []
        items: Iterable[str] = [part for part in re.split(r"[,;\n]", raw) if part.strip()]
    else:
        # each given item splits as a typed line does: --channel "Tmall=70%,JD=30%" is two channels
        items = [piece for part in cast(Iterable[object], raw) for piece in re.split(r"[,;\n]", str(part)) if piece.strip()]
    channels: list[tuple[str, float, dict[str, float | str]]] = []
    for item in items:
        name, sep, share, options = _channel_parts(item.strip())
        if not sep or not name:
            raise ValueError(_("'{text}' is not NAME=SHARE (e.g. Tmall=70%)").format(text=_shown(item)))
        try:
            value = parse_rate(share)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
        if any(existing.casefold() == name.casefold() for existing, _, _ in channels):
            raise ValueError(_("{name} is named twice").format(name=name))
        own = dict(_channel_option(name, *option.split("=", 1)) for option in options)
        channels.append((name, value, own))
    total = sum(share for _, share, _ in channels)
    if channels and abs(total - 1) > 0.005:
        raise ValueError(_("the shares add up to {total}, not 100%").format(total=f"{total:.1%}"))
    return channels


def channel_text(name: str, share: float, own: dict[str, object]) -> str:
    """'Douyin=20% aov=180 cr=4%', '旗舰店=70% platform=tmall' (as the form shows it)."""
    words = {"conversion": "cr", "order_value": "aov", "paid_share": "paid", "cost_per_click": "cpc", "roi": "roi"}
    parts = [f"{name}={rate_text(share)}"]
    for field, key in words.items():
        value = own.get(field)
        if isinstance(value, (int, float)):
            parts.append(f"{key}={rate_text(value) if field in ('conversion', 'paid_share') else amount_text(value)}")
    if own.get("platform"):
        parts.append(f"platform={own['platform']}")
    return " ".join(parts)


def parse_campaigns(raw: object, year: int | None = None) -> list[tuple[str, date, date, float, str]]:
    """'618 sale, 2026-06-01, 2026-06-18, 60%, marketing; Double 11, …' (or a
    list of such entries) → (name, start, end, uplift, department as typed).
    Dates in any form the task forms take (2026/6/1, 6-1, 6月1日…); a month
    and day fall in the plan `year`.
    The department may be left out; '' or 'none' → no campaigns."""
    if isinstance(raw, str):
        if raw.strip().casefold() in ("", "none", "-"):
            return []
        entries: Iterable[str] = [part for part in re.split(r"[;\n]", raw) if part.strip()]
    else:
        entries = [str(part) for part in cast(Iterable[object], raw)]
    campaigns = []
    for entry in entries:
        parts = [part.strip() for part in entry.split(",")]
        if len(parts) not in (4, 5) or not parts[0]:
            message = _("'{text}' is not NAME, START, END, UPLIFT[, DEPARTMENT] (e.g. 618 sale, 2026-06-01, 2026-06-18, 60%)")
            raise ValueError(message.format(text=_shown(entry)))
        name = " ".join(parts[0].split())
        start, end = (read_date(part, clock_today(), year) for part in parts[1:3])
        if start is None or end is None:
            raise ValueError(_("{name}: dates are YYYY-MM-DD (e.g. 2026-06-01)").format(name=name))
        if end < start:
            raise ValueError(_("{name}: ends ({end}) before it starts ({start})").format(name=name, end=end, start=start))
        try:
            uplift = parse_uplift(parts[3])
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
        campaigns.append((name, start, end, uplift, parts[4] if len(parts) == 5 else ""))
    return campaigns


def parse_uplift(raw: object) -> float:
    """'60%' or 0.6 → 0.6 (+60 % sales on the campaign's days)."""
    text = str(raw).strip().lstrip("+")
    uplift = _number(text.rstrip("%％"))
    if uplift is None or uplift < 0:
        raise ValueError(_("the uplift '{text}' is not a percentage (e.g. 60% for +60 % sales)").format(text=_shown(str(raw))))
    uplift = round(uplift / 100, 12) if text.endswith(("%", "％")) else uplift
    if uplift > 10:
        raise ValueError(_("an uplift of {uplift} is more than the 1000% a plan takes").format(uplift=f"{uplift:.0%}"))
    return uplift


def campaigns_text(campaigns: Iterable[tuple[str, date, date, float, str]]) -> str:
    return "; ".join(f"{name}, {start}, {end}, {rate_text(uplift)}, {dept}" for name, start, end, uplift, dept in campaigns)


def rate_text(value: float) -> str:
    """0.028 → '2.8%' (as the form shows it)."""
    return f"{value * 100:.4g}%"


def amount_text(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00")


def monthly_text(values: Sequence[float], one: Callable[[float], str]) -> str:
    """One value when every month has it, else twelve, comma-separated."""
    if all(value == values[0] for value in values):
        return one(values[0])
    return ", ".join(one(value) for value in values)
