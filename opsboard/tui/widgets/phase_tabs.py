"""The four phases with their progress, the current one underlined.

One widget drawing two lines, where Textual's Tabs mounts eight (a container,
two bars, a widget per tab and the underline) that the first screen waits
for. The screen owns which phase is current; this only shows it.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from opsboard.model import Phase
from opsboard.services.checklists import PhaseProgress

BAR_WIDTH = 5  # four phase labels with their bars fit in 80 columns
GAP = 2  # columns between two labels


def progress_bar(ratio: float, width: int = BAR_WIDTH) -> str:
    filled = round(ratio * width)
    return "█" * filled + "░" * (width - filled)


def phase_label(progress: PhaseProgress, title: str) -> str:
    return f"{title} {progress.done}/{progress.total} {progress_bar(progress.ratio)}"


class PhaseTabs(Widget):
    DEFAULT_CSS = """
    PhaseTabs { height: 2; padding: 0 1; }
    """

    class Selected(Message):
        """A phase was clicked."""

        def __init__(self, phase: Phase) -> None:
            super().__init__()
            self.phase = phase

    def __init__(self, titles: dict[Phase, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: dict[Phase, str] = dict(titles)  # shown before the progress is known
        self.current: Phase = next(iter(titles))

    def set_progress(self, phases: list[PhaseProgress], titles: dict[str, str]) -> None:
        self.labels = {p.phase: phase_label(p, titles[p.phase.value]) for p in phases}
        self.refresh()

    def show(self, phase: Phase) -> None:
        self.current = phase
        self.refresh()

    def spans(self) -> dict[Phase, tuple[int, int]]:
        """Each label's columns (start, end) inside the padding."""
        spans, x = {}, 0
        for phase, label in self.labels.items():
            width = Text(label).cell_len
            spans[phase] = (x, x + width)
            x += width + GAP
        return spans

    def render(self) -> Text:
        # The current phase: bold on the first line and a heavy rule under it
        # on the second, so it shows without colour too (NO_COLOR).
        accent = self.app.theme_variables.get("accent", "yellow")
        labels, rule = Text(no_wrap=True, overflow="ellipsis"), Text(no_wrap=True)
        spans = self.spans()
        for phase, label in self.labels.items():
            start, end = spans[phase]
            if start:
                labels.append(" " * GAP)
            current = phase is self.current
            labels.append(label, style=f"bold {accent}" if current else "dim")
            rule.append("─" * (start - rule.cell_len), style="dim")
            rule.append(("━" if current else "─") * (end - start), style=accent if current else "dim")
        rule.append("─" * max(0, self.content_size.width - rule.cell_len), style="dim")
        return Text.assemble(labels, "\n", rule)

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # the left padding
        for phase, (start, end) in self.spans().items():
            if start <= x < end:
                self.post_message(self.Selected(phase))
