"""The starting content of a new board: departments and the phase checklists.

The texts live in `<language>.json` beside this module, so a translator edits
data, not code. Every entry is validated through the same pydantic models the
board uses, so a broken template fails here, not in the middle of `init`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import _
from opsboard.model import Language

if TYPE_CHECKING:
    from opsboard.model import ChecklistItem, Department

LANGUAGES: tuple[str, ...] = tuple(lang.value for lang in Language)


@dataclass(frozen=True)
class Template:
    language: Language
    board_name: str
    departments: list[Department]
    checklist: list[ChecklistItem]


def _language(language: str | Language) -> Language:
    try:
        return Language(str(language).strip().lower())
    except ValueError:
        raise ValueError(
            _("unknown language '{language}' (choose {choices})").format(language=language, choices=" or ".join(LANGUAGES))
        ) from None


def load_template(language: str | Language = "en") -> Template:
    """The departments and checklist items a new board starts with, in `language`."""
    lang = _language(language)
    raw = json.loads(files(__package__).joinpath(f"{lang.value}.json").read_text("utf-8"))
    departments = [models.Department.model_validate(entry) for entry in raw["departments"]]
    checklist = [models.ChecklistItem.model_validate(entry) for entry in raw["checklist"]]
    # A checklist item owned by a department the board lacks would be orphaned.
    known = {dept.id for dept in departments}
    for item in checklist:
        if item.department not in known:
            message = _("template {language}: item '{item}' has unknown department '{department}'")
            raise ValueError(message.format(language=lang.value, item=item.id, department=item.department))
    return Template(lang, str(raw["board_name"]), departments, checklist)
