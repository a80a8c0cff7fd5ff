"""Add a campaign to the plan (view 3's `c`): a preset of the retail year at
its platform's usual dates, or a campaign of its own phases. The service
checks every field; an uplift above 300 % is confirmed by saving again."""

from __future__ import annotations

from opsboard.i18n import _
from opsboard.logic.campaign_calendar import PLATFORMS, PRESET_NAMES
from opsboard.model.labels import platform_word

from .form import FormField, FormScreen, Submit

OWN_PHASES = "-"


def campaign_form(save: Submit, departments: list[str], owner: str = "") -> FormScreen:
    """`save`: the form's submit (the app's one save path); `owner`: the
    department offered (the board's name for marketing)."""
    fields = [
        FormField(
            "preset",
            _("Preset (its usual dates for the plan year)"),
            "双11",
            kind="select",
            options=[*((n, n) for n in PRESET_NAMES), (_("None: my own phases"), OWN_PHASES)],
        ),
        FormField("platform", _("Platform"), "tmall", kind="select", options=[(platform_word(p), p) for p in PLATFORMS]),
        FormField("name", _("Name (empty: the preset's)")),
        FormField(
            "phase",
            _("Phases instead of the preset's: KIND:START:END[:WEIGHT]; separated by ;"),
            placeholder=_("warmup:11-01:11-10:0.5; main:11-11:11-11:4"),
        ),
        FormField("uplift", _("Uplift: extra sales on its days (empty: the preset's)"), placeholder="150%"),
        FormField("department", _("Owning department"), owner, suggestions=departments),
        FormField("budget", _("Budget (0: none)"), "0"),
    ]

    return FormScreen(_("Add a campaign"), fields, save)


KEEP = ""  # an edit field left empty keeps what the campaign has


def campaign_edit_form(save: Submit, campaigns: list[str], departments: list[str]) -> FormScreen:
    """Change a campaign in place (view 3's `C`): pick it, then fill only
    what changes; every field left empty keeps what it has."""
    fields = [
        FormField("campaign", _("Campaign"), campaigns[0], kind="select", options=[(n, n) for n in campaigns]),
        FormField("rename", _("New name (empty: as it is)")),
        FormField(
            "platform",
            _("Platform"),
            KEEP,
            kind="select",
            options=[(_("As it is"), KEEP), *((platform_word(p), p) for p in PLATFORMS)],
        ),
        FormField(
            "phase",
            _("Its phases, all of them: KIND:START:END[:WEIGHT]; separated by ; (empty: as they are)"),
            placeholder=_("warmup:11-01:11-10:0.5; main:11-11:11-11:4"),
        ),
        FormField("uplift", _("Uplift (empty: as it is)"), placeholder="150%"),
        FormField("department", _("Owning department (empty: as it is)"), suggestions=departments),
        FormField("budget", _("Budget (empty: as it is)")),
    ]
    return FormScreen(_("Change a campaign"), fields, save)
