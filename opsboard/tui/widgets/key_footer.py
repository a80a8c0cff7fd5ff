"""The footer of key bindings: one widget drawing one line.

Textual's Footer mounts a FooterKey widget per key and rebuilds them all on
every "bindings changed" signal, and a screen sends several while it opens
(each focus change sends two). Styling those widgets was the largest single
cost of the first screen. This footer draws the same line itself and redraws
only when the keys it shows change.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

PALETTE_ACTIONS = ("command_palette", "app.command_palette")
# Kept on every footer, whatever the width: the way to every other key, and out.
PINNED_ACTIONS = ("toggle_help", "app.toggle_help", "quit", "app.quit")
SEPARATOR = "▏"  # before the palette key, like Footer's `border-left: vkey`


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str  # the bound key, for simulate_key
    action: str
    key_display: str
    description: str
    enabled: bool

    @property
    def width(self) -> int:
        """Cells as drawn: ` key description ` (or ` key ` without a description)."""
        width = cell_len(self.key_display) + 2
        return width + cell_len(self.description) + 1 if self.description else width


class PlacedKey(NamedTuple):
    x: int
    width: int
    entry: FooterEntry


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # (keys on the left, palette key or None): what is drawn; None until first read
        self._shown: tuple[tuple[FooterEntry, ...], FooterEntry | None] | None = None
        self._check_pending = False

    # -- what to show ----------------------------------------------------------
    def _keys_signature(self) -> tuple[tuple[FooterEntry, ...], FooterEntry | None]:
        """The keys the screen's bindings ask for now, in Footer's order and rules."""
        app = self.app
        active = self.screen.active_bindings.values()
        entries: dict[str, FooterEntry] = {}  # first binding per action, as Footer does
        palette: FooterEntry | None = None
        offers = getattr(self.screen, "footer_offers", None)
        for _node, binding, enabled, _tooltip in active:
            if offers is not None and not offers(binding.action.split("(")[0]):
                continue
            if binding.show and binding.action not in entries:
                entry = FooterEntry(binding.key, binding.action, app.get_key_display(binding), str(binding.description), enabled)
                entries[binding.action] = entry
            elif palette is None and binding.action in PALETTE_ACTIONS and app.ENABLE_COMMAND_PALETTE:
                palette = FooterEntry(binding.key, binding.action, app.get_key_display(binding), str(binding.description), enabled)
        return tuple(entries.values()), palette

    @property
    def _keys(self) -> tuple[tuple[FooterEntry, ...], FooterEntry | None]:
        if self._shown is None:
            self._shown = self._keys_signature()
        return self._shown

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # Like Footer: keep the keys while the terminal is unfocused (focus is
        # dropped then and would empty the footer), and check once per burst.
        if not screen.app.app_focus or self._check_pending:
            return
        if self.is_attached and screen is self.screen:
            self._check_pending = True
            self.call_after_refresh(self._refresh_if_changed)

    def _refresh_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        signature = self._keys_signature()
        if signature != self._shown:
            self._shown = signature
            self.refresh()

    # -- layout ------------------------------------------------------------------
    def _layout(self, width: int) -> tuple[list[PlacedKey], PlacedKey | None]:
        """Whole keys from the left that fit beside the palette key (kept if it fits)."""
        entries, palette = self._keys
        placed_palette = None
        if palette is not None:
            palette_width = 1 + cell_len(palette.key_display) + 1 + cell_len(palette.description) + 1
            if palette_width <= width:
                placed_palette = PlacedKey(width - palette_width, palette_width, palette)
                width -= palette_width
        pinned = [e for e in entries if e.action in PINNED_ACTIONS]
        room = width - sum(e.width for e in pinned)
        kept: list[FooterEntry] = []
        used = 0
        for entry in entries:
            if entry in pinned:
                kept.append(entry)
            elif used + entry.width <= room:
                kept.append(entry)
                used += entry.width
            else:
                room = used  # keys drop from the right, never a later short one past a cut longer one
        placed: list[PlacedKey] = []
        x = 0
        for entry in kept:
            if x + entry.width > width:
                break
            placed.append(PlacedKey(x, entry.width, entry))
            x += entry.width
        return placed, placed_palette

    def shown_keys(self) -> list[tuple[str, str]]:
        """(key as displayed, description) of every key drawn at the current width, left to right."""
        placed, palette = self._layout(self.size.width)
        if palette is not None:
            placed.append(palette)
        return [(p.entry.key_display, p.entry.description) for p in placed]

    def key_at(self, x: int) -> FooterEntry | None:
        """The key drawn at column x, if any."""
        placed, palette = self._layout(self.size.width)
        if palette is not None:
            placed.append(palette)
        return next((p.entry for p in placed if p.x <= x < p.x + p.width), None)

    # -- drawing ------------------------------------------------------------------
    def render(self) -> Content:
        width = self.size.width
        placed, palette = self._layout(width)
        key_style = self.get_visual_style("key-footer--key")
        description_style = self.get_visual_style("key-footer--description")
        dim = Style(dim=True)
        parts: list[tuple[str, Style] | str] = []
        x = 0
        for place in placed:
            entry = place.entry
            extra = Style() if entry.enabled else dim
            parts.append((f" {entry.key_display} ", key_style + extra))
            if entry.description:
                parts.append((f"{entry.description} ", description_style + extra))
            x += place.width
        if palette is not None:
            entry = palette.entry
            extra = Style() if entry.enabled else dim
            parts.append(" " * (palette.x - x))
            parts.append((SEPARATOR, self.get_visual_style("key-footer--separator")))
            parts.append((entry.key_display, key_style + extra))
            parts.append((f" {entry.description}", description_style + extra))
            parts.append(" ")
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        entry = self.key_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
