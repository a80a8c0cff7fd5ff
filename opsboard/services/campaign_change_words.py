"""What a change to the plan's campaigns changed, with the values: "Double 11:
uplift +30% → +45%, budget 0 → 80,000" in the activity view, and for the
conflict dialog each side's values of the fields that differ ("Double 11:
uplift +45%" beside "Double 11: uplift +70%"), never the three sides' lists of
names, which read the same.

A campaign's shape (last year's run, taken again whenever the campaigns are
saved) is not the lead's change and is never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from opsboard import model as models  # pydantic loads with the first phase worded, not with this module
from opsboard.i18n import _, lazy_pgettext, pgettext
from opsboard.i18n.formats import number, percent
from opsboard.model import Table
from opsboard.model.labels import platform_word

if TYPE_CHECKING:
    from opsboard.store import BoardStore

# a campaign's fields as a change names them, in the order a reader wants
# them; the phases, the longest, last, so a cut to the width takes them first
CAMPAIGN_FIELD_WORDS = {
    "name": lazy_pgettext("campaign field", "name"),
    "uplift": lazy_pgettext("campaign field", "uplift"),
    "budget": lazy_pgettext("campaign field", "budget"),
    "platform": lazy_pgettext("campaign field", "platform"),
    "department": lazy_pgettext("campaign field", "department"),
    "phases": lazy_pgettext("campaign field", "phases"),
}
DEFAULTS: dict[str, Any] = {"platform": "", "uplift": 0.0, "budget": 0.0, "department": "marketing", "phases": []}

DepartmentName = Callable[[str], str]


def _by_id(value: object) -> dict[str, dict[str, Any]]:
    """id → a stored campaign (an old one without an id: by its name)."""
    if not isinstance(value, list):
        return {}
    return {str(d.get("id") or d.get("name")): d for d in value if isinstance(d, dict) and d.get("name")}


def _field(doc: dict[str, Any], field: str) -> Any:
    value = doc.get(field)
    if value is None or (field == "phases" and not isinstance(value, list)):
        value = DEFAULTS.get(field)  # left out, or a hand edit's null: as the model reads it
    if field in ("uplift", "budget"):
        try:
            return float(value or 0)
        except (TypeError, ValueError):  # a hand-edited board: compared and shown as it is
            return value
    return value


def _differing(docs: Sequence[dict[str, Any] | None]) -> list[str]:
    """The fields whose values are not the same in every one of `docs`."""
    present = [d for d in docs if d is not None]
    return [f for f in CAMPAIGN_FIELD_WORDS if len({repr(_field(d, f)) for d in present}) > 1]


def _phase(phase: object) -> str:
    """'Main event 11-01–11-11 ×4', as view 3 lists a campaign's phases."""
    if not isinstance(phase, dict):
        return str(phase)
    kind = phase.get("kind", "main")
    kinds = models.PhaseKind
    word = models.PHASE_WORDS[kinds(kind)] if kind in kinds._value2member_map_ else kind
    start, end = str(phase.get("start", "?"))[5:], str(phase.get("end", "?"))[5:]
    weight = phase.get("weight", 1.0)
    shown_weight = f"{weight:g}" if isinstance(weight, (int, float)) else str(weight)
    return _("{phase} {start}–{end} ×{weight}").format(phase=word, start=start, end=end, weight=shown_weight)


def _phases(phases: object, other: object) -> str:
    """The phases of one side that the other side does not have ('—' for none)."""
    mine = phases if isinstance(phases, list) else []
    theirs = other if isinstance(other, list) else []
    own = [p for p in mine if p not in theirs]
    return _(", ").join(_phase(p) for p in own) or "—"


def _value(field: str, doc: dict[str, Any], department_name: DepartmentName) -> str:
    value = _field(doc, field)
    if field == "uplift" and isinstance(value, float):
        return "+" + percent(value, 0)
    if field == "budget" and isinstance(value, float):
        return number(value)
    if field == "platform":
        return platform_word(str(value or ""))
    if field == "department":
        return department_name(str(value)) if value else "—"
    return " ".join(str(value).split()) or "—"


def _shown(field: str, doc: dict[str, Any], others: Sequence[dict[str, Any] | None], department_name: DepartmentName) -> str:
    if field == "phases":
        other = next((o for o in others if o is not None and o is not doc and _field(o, "phases") != _field(doc, "phases")), None)
        return _phases(_field(doc, "phases"), _field(other, "phases") if other is not None else [])
    return _value(field, doc, department_name)


def edited_campaigns(before: object, after: object, department_name: DepartmentName) -> list[str] | None:
    """Each campaign changed in place, with what changed: 'Double 11: uplift
    +30% → +45%, budget 0 → 80,000'. None when the change added or removed a
    campaign (those are named by the plan's before → after) or changed none."""
    old, new = _by_id(before), _by_id(after)
    if not old or old.keys() != new.keys():
        return None
    lines = []
    for key, doc in new.items():
        was = old[key]
        fields = _differing([was, doc])
        if not fields:
            continue  # its shape only, taken again: not the lead's change
        changes = pgettext("between a campaign's changes", ", ").join(
            _("{field} {old} → {new}").format(
                field=CAMPAIGN_FIELD_WORDS[f], old=_shown(f, was, [doc], department_name), new=_shown(f, doc, [was], department_name)
            )
            for f in fields
        )
        lines.append(_("{campaign}: {changes}").format(campaign=_name(doc), changes=changes))
    return lines or None


def campaign_sides(sides: Sequence[object], department_name: DepartmentName) -> list[str] | None:
    """For two or three versions of the plan's campaigns (seen, theirs, mine),
    each side's values of only the campaigns and fields that differ between
    them: ['Double 11: uplift +150%', 'Double 11: uplift +70%', ...]. None
    when the sides are not lists of campaigns."""
    if not all(isinstance(side, list) for side in sides):
        return None
    found = [_by_id(side) for side in sides]
    keys = list(dict.fromkeys(key for side in found for key in side))
    words: list[list[str]] = [[] for _side in sides]
    for key in keys:
        docs = [side.get(key) for side in found]
        fields = _differing(docs)
        if not fields and all(d is not None for d in docs):
            continue
        fields = fields or ["uplift"]  # there on some sides only: named with its uplift
        name = _name(next(d for d in reversed(docs) if d is not None))
        for n, doc in enumerate(docs):
            if doc is None:
                words[n].append(_("{campaign}: not in the plan").format(campaign=name))
                continue
            others = [d for d in docs if d is not doc]
            values = pgettext("between a campaign's changes", ", ").join(
                _("{field} {value}").format(field=CAMPAIGN_FIELD_WORDS[f], value=_shown(f, doc, others, department_name)) for f in fields
            )
            words[n].append(_("{campaign}: {changes}").format(campaign=name, changes=values or "—"))
    if not any(words):
        return None
    return [_("; ").join(side) or "—" for side in words]


def _name(doc: dict[str, Any]) -> str:
    return " ".join(str(doc.get("name", "")).split())


def department_namer(store: BoardStore) -> DepartmentName:
    """A department's name by its id on this board (its id when it is gone)."""
    names = {key: str(doc.get("name") or key) for key, doc in store.raw(Table.DEPARTMENTS).items()}
    return lambda dept: names.get(dept, dept)
