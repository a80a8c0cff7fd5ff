"""The stand-up's timebox: this department's countdown and the total, quiet
until the time is up; then a warning (a `!` marker too, for NO_COLOR).
Nothing moves on by itself.

Time comes from opsboard.model.clock.now(), so OPSBOARD_NOW freezes it in tests.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from opsboard.i18n import _
from opsboard.model.clock import now
from opsboard.model.standup_words import clock_text


class StandupTimer(Static):
    DEFAULT_CSS = """
    StandupTimer { width: auto; height: 1; color: $text-muted; padding: 0 1; }
    StandupTimer.-over { color: $text-warning; background: $warning-muted; text-style: bold; }
    StandupTimer.-finished { color: $text-muted; }
    """

    timebox: reactive[int] = reactive(120)  # seconds per department

    def __init__(self, timebox: int, *, started: datetime | None = None, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.set_reactive(StandupTimer.timebox, timebox)
        self.walk_started = started or now()
        self.department_started = now()
        self.spent_before = 0.0  # on this department at an earlier visit: coming back keeps the time used
        self.finished_after: float | None = None  # total seconds, once finished

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick, name="standup-timer")

    def restart(self, started: datetime | None) -> None:
        """The clock starts now (the view was made ahead, before anyone looked at it)."""
        self.walk_started = started or now()
        self.department_started = now()
        self.tick()

    def watch_timebox(self) -> None:
        self.tick()

    def lap(self, spent_before: float = 0.0) -> float:
        """Seconds spent on this department since it was shown; the countdown
        goes on for the next with the `spent_before` it already had."""
        moment = now()
        spent = max(0.0, (moment - self.department_started).total_seconds())
        self.department_started = moment
        self.spent_before = spent_before
        self.tick()
        return spent

    def finish(self, total_seconds: float) -> None:
        self.finished_after = total_seconds
        self.tick()

    @property
    def over(self) -> bool:
        return self.finished_after is None and self.left() < 0

    def left(self) -> float:
        return self.timebox - self.spent_before - (now() - self.department_started).total_seconds()

    def tick(self) -> None:
        if self.finished_after is not None:
            self.set_class(False, "-over")
            self.set_class(True, "-finished")
            self.update(Text(_("finished · took {clock_text}").format(clock_text=clock_text(self.finished_after))))
            return
        left = self.left()
        total = clock_text((now() - self.walk_started).total_seconds())
        self.set_class(left < 0, "-over")
        if left < 0:
            self.update(Text(_("! over by {clock_text} · total {total}").format(clock_text=clock_text(-left), total=total)))
        else:
            self.update(Text(_("{clock_text} left · total {total}").format(clock_text=clock_text(left), total=total)))
