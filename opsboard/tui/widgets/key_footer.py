"""The footer of key bindings, redrawn only when the keys it shows change.

Textual's Footer rebuilds all its keys on every "bindings changed" signal, and
a screen sends several while it opens (each focus change sends two). Each
rebuild restyles every key: at start-up that was the largest single cost of
the first screen. This one compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: tuple | None = None

    def _keys_signature(self) -> tuple:
        """Everything compose() reads: the screen's active bindings and the footer's settings."""
        keys = tuple(
            (binding.key, binding.action, binding.description, binding.show, enabled, tooltip, self.app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )
        return keys, self.compact, self.show_command_palette

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        signature = self._keys_signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
