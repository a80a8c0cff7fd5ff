"""A change to the target plan in the activity log, in a lead's words:
"changed the target plan (annual target); the days before 2026-11-30 keep
their targets", never the stored field names ("effective_from, kept").

The bookkeeping a plan change carries — `kept` (the elapsed days' targets),
`effective_from` (from when the change counts) and `change` (the ids of the
fields it changed, for the versions list: model/labels.plan_change_words) —
becomes one phrase about the past. A campaign added or removed is read from
the campaigns before and after ("added the campaign 双11 to the target
plan"; one changed in place: "changed the campaign 双11 in the target plan"),
so old entries, whose English summary is not shown, read the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import day_text, month_abbr
from opsboard.model.labels import plan_field_word

from .campaign_change_words import DepartmentName, edited_campaigns

if TYPE_CHECKING:
    from opsboard.model import ActivityEntry

# the bookkeeping of "the past stays as it was": worded as one phrase, not as fields
PAST_FIELDS = ("change", "kept", "effective_from")

# taken again from last year's actuals when the campaigns change: not the lead's change
_SHAPE_FIELDS = ("weekday_pattern", "festival_pattern")
_MONTHLY = ("seasonality", "conversion", "order_value", "paid_share", "cost_per_click", "new_products")


def _fields(entry: ActivityEntry, bookkeeping: set[str]) -> list[str]:
    return [f for f in entry.after if f not in bookkeeping and f not in PAST_FIELDS]


def _kept_from(entry: ActivityEntry) -> str | None:
    """'Mon 30 Nov 2026': from when the change counts, when it kept the days before."""
    value = entry.after.get("effective_from")
    if not value:
        return None
    try:
        return day_text(date.fromisoformat(str(value)))
    except ValueError:  # a hand-edited log: show it as it is
        return str(value)


def _rebased(entry: ActivityEntry) -> bool:
    return "effective_from" in entry.after and entry.after["effective_from"] is None and bool((entry.before or {}).get("effective_from"))


def _campaign_names(value: object) -> dict[str, str]:
    """id → name of a stored list of campaigns (an old one without ids: by name)."""
    if not isinstance(value, list):
        return {}
    found = {}
    for doc in value:
        if isinstance(doc, dict) and doc.get("name"):
            found[str(doc.get("id") or doc["name"])] = str(doc["name"])
    return found


def _campaign_phrase(entry: ActivityEntry, bookkeeping: set[str]) -> str | None:
    """'added the campaign 双11 to the target plan' when that is all the change did."""
    if set(_fields(entry, bookkeeping)) - set(_SHAPE_FIELDS) != {"campaigns"}:
        return None
    old = _campaign_names((entry.before or {}).get("campaigns"))
    new = _campaign_names(entry.after.get("campaigns"))
    added = [name for key, name in new.items() if key not in old]
    removed = [name for key, name in old.items() if key not in new]
    if added and not removed:
        template = ngettext("added the campaign {names} to the target plan", "added the campaigns {names} to the target plan", len(added))
        return template.format(names=_(", ").join(added))
    if removed and not added:
        template = ngettext(
            "removed the campaign {names} from the target plan", "removed the campaigns {names} from the target plan", len(removed)
        )
        return template.format(names=_(", ").join(removed))
    if added or removed:
        return None
    return _edited_phrase(entry)


def _edited_phrase(entry: ActivityEntry) -> str | None:
    """'changed the campaign 双11 in the target plan' (renamed: 'changed the
    campaign 双11 (was Double 11)'); its shape, taken again from last year's
    actuals when any campaign changes, is not the lead's change."""
    old = _campaign_docs((entry.before or {}).get("campaigns"))
    new = _campaign_docs(entry.after.get("campaigns"))
    edited = [key for key in new if key in old and old[key] != new[key]]
    if len(edited) != 1:
        return None
    was, now = str(old[edited[0]].get("name")), str(new[edited[0]].get("name"))
    if was != now:
        return _("changed the campaign {name} (was {old_name}) in the target plan").format(name=now, old_name=was)
    return _("changed the campaign {name} in the target plan").format(name=now)


def _campaign_docs(value: object) -> dict[str, dict[str, Any]]:
    """id → a stored campaign without its shape."""
    if not isinstance(value, list):
        return {}
    return {
        str(doc.get("id") or doc.get("name")): {k: v for k, v in doc.items() if k != "shape"}
        for doc in value
        if isinstance(doc, dict) and doc.get("name")
    }


def plan_phrase(entry: ActivityEntry, bookkeeping: set[str]) -> str:
    """What a change to the plan did: 'changed the target plan (annual target);
    the days before 2026-11-30 keep their targets'."""
    words = _(", ").join(plan_field_word(f) for f in _fields(entry, bookkeeping))
    kept_from = _kept_from(entry)
    campaign = _campaign_phrase(entry, bookkeeping)
    if campaign and kept_from:
        return _("{change}; the days before {date} keep their targets").format(change=campaign, date=kept_from)
    if campaign:
        return campaign
    if not words:
        if _rebased(entry):
            return _("re-based the target plan: every day of the year spread again")
        return _("changed the target plan")
    if kept_from:
        return _("changed the target plan ({fields}); the days before {date} keep their targets").format(fields=words, date=kept_from)
    if _rebased(entry):
        return _("changed the target plan ({fields}) and re-based it: every day of the year spread again").format(fields=words)
    return _("changed the target plan ({fields})").format(fields=words)


def plan_change(
    entry: ActivityEntry,
    bookkeeping: set[str],
    pair: Callable[[str, object, object], tuple[str, str]],
    department_name: DepartmentName = str,
) -> list[str]:
    """Before → after for each field the lead changed ('seasonality: Dec 0.11 →
    0.12' when a few months changed; 'Double 11: uplift +30% → +45%' for a
    campaign changed in place), then what became of the past. `pair` words a
    field's old and new value as the activity view shows values."""
    before = entry.before or {}
    parts = []
    for field in _fields(entry, bookkeeping):
        old, new = before.get(field), entry.after[field]
        edited = edited_campaigns(old, new, department_name) if field == "campaigns" else None
        if edited is not None:
            parts.extend(edited)
            continue
        if field in _SHAPE_FIELDS and _campaign_phrase(entry, bookkeeping) is not None:
            continue  # taken again from last year's actuals with the campaigns: not the lead's change
        months = _changed_months(old, new) if field in _MONTHLY else None
        if months is not None:
            shown = _(", ").join(
                _("{month} {old} → {new}").format(month=month_abbr(m), old=was, new=now)
                for m in months
                for was, now in [pair(field, old[m - 1], new[m - 1])]  # type: ignore[index]
            )
            parts.append(_("{field}: {changes}").format(field=plan_field_word(field), changes=shown))
            continue
        was, now = pair(field, old, new)
        parts.append(_("{field}: {old} → {new}").format(field=plan_field_word(field), old=was, new=now))
    kept_from = _kept_from(entry)
    if kept_from:
        parts.append(_("the days before {date} keep their targets").format(date=kept_from))
    elif _rebased(entry):
        parts.append(_("every day of the year spread again"))
    return parts


def _changed_months(old: Any, new: Any) -> list[int] | None:
    """The months (1–12) two monthly lists differ in, when one to three do; else None."""
    if not (isinstance(old, list) and isinstance(new, list) and len(old) == len(new) == 12):
        return None
    months = [m + 1 for m in range(12) if old[m] != new[m]]
    return months if 0 < len(months) <= 3 else None
