"""The theme for terminals with 16 colours (TERM=xterm, the Linux console).

Textual's own theme, brought down to 16 colours, turns the focus accent
(orange) into bright red, which reads as an alarm, and the selected row into
white on cyan. This one is made of the 16 colours themselves (Rich's standard
palette), so each lands where it was meant: focus in yellow, the selected row
white on blue, errors alone in red.
"""

from __future__ import annotations

from textual.theme import Theme

SIXTEEN_COLOURS = Theme(
    name="opsboard-16",
    primary="#5555ff",  # bright blue: the selected row, buttons
    secondary="#00aaaa",
    accent="#ffff55",  # bright yellow: focus
    warning="#aa5500",
    error="#ff5555",
    success="#55ff55",
    foreground="#aaaaaa",
    background="#000000",
    surface="#000000",
    panel="#555555",
    dark=True,
)


def has_sixteen_colours(color_system: str | None) -> bool:
    """Rich's name for the terminal's colours: 'standard' is 16 (or 8)."""
    return color_system == "standard"
