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
NARROW_BARS = (BAR_WIDTH, 3, 0)  # a narrower window shortens the bars, then leaves them out
GAP = 2  # columns between two labels


def progress_bar(ratio: float, width: int = BAR_WIDTH) -> str:
    filled = round(ratio * width)
    return "█" * filled + "░" * (width - filled)


def phase_label(progress: PhaseProgress, title: str, bar_width: int = BAR_WIDTH) -> str:
    label = f"{title} {progress.done}/{progress.total}"
    return f"{label} {progress_bar(progress.ratio, bar_width)}" if bar_width else label


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
        self.titles: dict[Phase, str] = dict(titles)  # shown before the progress is known
        self.progress: list[PhaseProgress] = []
        self.current: Phase = next(iter(titles))

    def set_progress(self, phases: list[PhaseProgress], titles: dict[str, str]) -> None:
        self.progress = phases
        self.titles = {p.phase: titles[p.phase.value] for p in phases}
        self.refresh()

    @property
    def labels(self) -> dict[Phase, str]:
        """Each phase's label with the widest bars that let all four fit on the
        line (at 60 columns the last phase wrapped onto the rule)."""
        if not self.progress:
            return dict(self.titles)
        room = self.content_size.width
        for bar_width in NARROW_BARS:
            labels = {p.phase: phase_label(p, self.titles[p.phase], bar_width) for p in self.progress}
            if not room or sum(Text(label).cell_len for label in labels.values()) + GAP * (len(labels) - 1) <= room:
                break
        return labels

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
        return Text.assemble(labels, "\n", rule, no_wrap=True, overflow="ellipsis")  # never a third line over the table

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # the left padding
        for phase, (start, end) in self.spans().items():
            if start <= x < end:
                self.post_message(self.Selected(phase))
