"""A model's refusal as one line in the interface language.

pydantic words its own refusals in English ("Input should be a valid
integer, unable to parse string as an integer") and prefixes ours with
"Value error, ". Every place that shows a refusal to a person (a damaged
board, a form, an imported row) words it here, from the error's type and
context, so a Chinese user reads Chinese. Our validators raise ValueError
with a message already translated; it is shown as raised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from opsboard.i18n import _, ngettext


def _shown(value: object) -> str:
    text = " ".join(str(value).split())  # one line, whatever the file held
    return text if len(text) <= 40 else text[:39] + "…"


def _whole(ctx: Mapping[str, Any], value: object) -> str:
    return _("'{value}' is not a whole number").format(value=_shown(value))


def _number(ctx: Mapping[str, Any], value: object) -> str:
    return _("'{value}' is not a number").format(value=_shown(value))


def _date(ctx: Mapping[str, Any], value: object) -> str:
    return _("'{value}' is not a date (YYYY-MM-DD)").format(value=_shown(value))


def _datetime(ctx: Mapping[str, Any], value: object) -> str:
    return _("'{value}' is not a date and time (YYYY-MM-DDTHH:MM:SS)").format(value=_shown(value))


def _choice(ctx: Mapping[str, Any], value: object) -> str:
    return _("'{value}' is not one of {choices}").format(value=_shown(value), choices=ctx.get("expected", "?"))


def _too_long(ctx: Mapping[str, Any], value: object) -> str:
    limit = int(ctx.get("max_length", 0))
    if isinstance(value, str):
        return ngettext("is longer than {n} character", "is longer than {n} characters", limit).format(n=limit)
    return ngettext("has more than {n} entry", "has more than {n} entries", limit).format(n=limit)


def _too_short(ctx: Mapping[str, Any], value: object) -> str:
    limit = int(ctx.get("min_length", 0))
    if isinstance(value, str) and limit <= 1:
        return _("must not be empty")
    return ngettext("needs at least {n} entry", "needs at least {n} entries", limit).format(n=limit)


_MESSAGES: dict[str, Callable[[Mapping[str, Any], object], str]] = {
    "missing": lambda ctx, value: _("is missing"),
    "int_parsing": _whole,
    "int_type": _whole,
    "int_from_float": _whole,
    "float_parsing": _number,
    "float_type": _number,
    "finite_number": lambda ctx, value: _("'{value}' is not a finite number").format(value=_shown(value)),
    "bool_parsing": lambda ctx, value: _("'{value}' is not true or false").format(value=_shown(value)),
    "bool_type": lambda ctx, value: _("'{value}' is not true or false").format(value=_shown(value)),
    "string_type": lambda ctx, value: _("'{value}' is not text").format(value=_shown(value)),
    "date_parsing": _date,
    "date_type": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "datetime_parsing": _datetime,
    "datetime_type": _datetime,
    "datetime_from_date_parsing": _datetime,
    "enum": _choice,
    "literal_error": _choice,
    "greater_than_equal": lambda ctx, value: _("must be {limit} or more").format(limit=ctx.get("ge")),
    "greater_than": lambda ctx, value: _("must be more than {limit}").format(limit=ctx.get("gt")),
    "less_than_equal": lambda ctx, value: _("must be {limit} or less").format(limit=ctx.get("le")),
    "less_than": lambda ctx, value: _("must be less than {limit}").format(limit=ctx.get("lt")),
    "string_too_long": _too_long,
    "too_long": _too_long,
    "string_too_short": _too_short,
    "too_short": _too_short,
    "list_type": lambda ctx, value: _("is not a list"),
    "dict_type": lambda ctx, value: _("is not an object"),
    "model_type": lambda ctx, value: _("is not an object"),
    "model_attributes_type": lambda ctx, value: _("is not an object"),
    "extra_forbidden": lambda ctx, value: _("is not a field of this record"),
}


def refusal_text(detail: Mapping[str, Any]) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) as the
    reason a person reads, without the field's name."""
    kind = str(detail.get("type", ""))
    ctx = detail.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return " ".join(str(ctx["error"]).split())  # ours: worded when raised
    wording = _MESSAGES.get(kind)
    if wording is not None:
        return wording(ctx, detail.get("input"))
    message = str(detail.get("msg") or _("is not valid"))
    return " ".join(message.removeprefix("Value error, ").split())


def field_refusal(detail: Mapping[str, Any]) -> str:
    """'due: '2026-13-45' is not a date (YYYY-MM-DD)': where, then why."""
    where = ".".join(str(part) for part in detail.get("loc", ()))
    return _("{field}: {reason}").format(field=where, reason=refusal_text(detail)) if where else refusal_text(detail)
