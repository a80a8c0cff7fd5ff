"""The four phases as tabs, each with its progress."""

from __future__ import annotations

from textual.widgets import Tab, Tabs

from opsboard.services.checklists import PhaseProgress

BAR_WIDTH = 5  # four phase tabs with their bars fit in 80 columns


def progress_bar(ratio: float, width: int = BAR_WIDTH) -> str:
    filled = round(ratio * width)
    return "█" * filled + "░" * (width - filled)


def phase_label(progress: PhaseProgress, title: str) -> str:
    return f"{title} {progress.done}/{progress.total} {progress_bar(progress.ratio)}"


class PhaseTabs(Tabs):
    DEFAULT_CSS = """
    PhaseTabs { height: 2; }
    """

    def set_progress(self, phases: list[PhaseProgress], titles: dict[str, str]) -> None:
        for progress in phases:
            tab = self.query_one(f"#{progress.phase.value}", Tab)
            tab.label = phase_label(progress, titles[progress.phase.value])
