"""Key descriptions in the interface language.

Bindings are declared when their module is imported, before the language is
chosen, so their descriptions are lazy strings (`_l("Export")`). Every reader
(the footer, the `?` help, the command palette) gets them through
`Screen.active_bindings`; this turns them into plain strings there, in the
language of the moment, so Textual's help panel (which parses them as markup)
and our footer see a `str`. Textual's own widgets' plain descriptions ("Cursor
up") are looked up in the catalogue too (textual_words.py lists them).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.screen import Screen

from opsboard.i18n import _, is_chinese

_untranslated = Screen.active_bindings.fget  # type: ignore[attr-defined]


def _translated(screen: Screen) -> dict[str, ActiveBinding]:
    active = _untranslated(screen)
    # lazy ones become str; Textual's own plain ones are looked up in Chinese
    translate = (lambda text: _(str(text))) if is_chinese() else str
    for key, item in active.items():
        binding = item.binding
        description, tooltip = translate(binding.description), translate(binding.tooltip)
        if description is not binding.description or tooltip is not binding.tooltip:
            binding = replace(binding, description=description, tooltip=tooltip)
            active[key] = item._replace(binding=binding, tooltip=translate(item.tooltip))
    return active


def translate_bindings() -> None:
    """Once, when the app is made."""
    Screen.active_bindings = property(_translated)  # type: ignore[method-assign,assignment]
