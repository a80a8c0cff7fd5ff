"""The one way the app saves a change, from every view: a key, a form, a dialog.

`Saves.run(change, ...)` (a key) and `Saves.form_submit(change)` (a form's
submit) call a service that saves; what follows is the same everywhere:

- saved: the header shows the new revision, teammates' changes picked up on
  the way are announced;
- a teammate saved the same field first: the conflict dialog asks which value
  stays (in a form, keeping theirs still saves the rest of what was typed);
- the task or item was deleted by a teammate: said; a form keeps its typing
  and offers to re-create it;
- someone holds the board's lock (a stopped process, a slow disk): after a
  short wait a key's change is queued, the header says who holds the lock and
  keys keep working; queued changes are saved in order once it is free, or
  dropped with one notice after LOCK_GIVE_UP seconds. A form stays open;
- any other refusal (read-only folder, full disk, damaged file): one message
  (in a form: inside it, the form stays open) and the views show the board as
  it is on disk.

Saving stays on the UI thread (the store is not shared between threads); only
the wait for a lock is bounded: FIRST_WAIT once, then a try without waiting
every RETRY_EVERY seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import number
from opsboard.model import Table
from opsboard.services.errors import FieldErrors, RecordGone
from opsboard.store import BoardError, BoardLockedError, ConflictError, NotFoundError

if TYPE_CHECKING:
    from textual.timer import Timer

    from opsboard.model import Operation

    from .app import OpsboardApp
    from .modals.form import Submit, Values

FIRST_WAIT = 0.5  # a teammate's save holds the lock for tens of milliseconds
RETRY_EVERY = 0.25
LOCK_GIVE_UP = 30.0  # seconds queued changes wait before they are dropped, said once

GONE = (RecordGone, NotFoundError)


class Saves:
    """Owned by the app (`app.saves`); the views call it for every change."""

    def __init__(self, app: OpsboardApp) -> None:
        self.app = app
        self.queued: list[Callable[[], Any]] = []
        self.holder = ""  # who holds the lock, as its lock file says
        self._waiting_since = 0.0
        self._timer: Timer | None = None
        self._archive_said: tuple[object, int, str | None] = (None, 0, None)  # store, cards moved, problem: each said once

    # -- a key's change ----------------------------------------------------------
    def run(self, change: Callable[..., Any], *args: Any, reraise: tuple[type[BoardError], ...] = (), **kwargs: Any) -> Any:
        """Save now; the call's result, or None when it was not saved (said,
        asked about, or queued behind a held lock). `reraise`: refusals the
        caller words itself."""
        job = lambda: change(*args, **kwargs)
        if self.queued:  # in order: behind the ones already waiting
            self._enqueue(job)
            return None
        return self._attempt(job, FIRST_WAIT, reraise)

    def _attempt(self, job: Callable[[], Any], wait: float, reraise: tuple[type[BoardError], ...] = ()) -> Any:
        self.app.store.lock_timeout = wait
        try:
            result = job()
        except reraise:
            raise
        except BoardLockedError as error:
            self.holder = error.holder
            self._enqueue(job)
            return None
        except ConflictError as error:
            self.ask_about_conflict(error)
            return None
        except BoardError as error:
            self.failed(error)
            return None
        self.saved()
        return result

    def saved(self) -> None:
        self.app.refresh_title()
        self.app.announce_changes()
        self._say_archived()

    def _say_archived(self) -> None:
        """Done cards a save moved to the archive (store/archiving.py), or
        why it could not: said once each."""
        store = self.app.store
        said_for, moved_said, problem_said = self._archive_said
        if said_for is not store:
            moved_said, problem_said = 0, None
        moved = store.archived_in_all - moved_said
        if moved > 0:
            self.app.notify(
                ngettext(
                    "{count} done card unchanged for {days} days moved to the archive (the filter archived:yes finds it)",
                    "{count} done cards unchanged for {days} days moved to the archive (the filter archived:yes finds them)",
                    moved,
                ).format(count=number(moved), days=store.archive_days()),
                timeout=6,
                markup=False,
            )
        if store.archive_problem and store.archive_problem != problem_said:
            self.app.notify(store.archive_problem, severity="warning", timeout=8, markup=False)
        self._archive_said = (store, store.archived_in_all, store.archive_problem or problem_said)

    def failed(self, error: BoardError) -> None:
        """One message, and the board as it is on disk."""
        message = str(error)
        if isinstance(error, GONE):
            message = _("Not saved: {reason}").format(reason=message)
        self.app.notify(message[:1].upper() + message[1:], severity="error", timeout=8, markup=False)
        self.app.show_disk_state()

    # -- waiting for the lock ----------------------------------------------------
    def waiting_state(self) -> str | None:
        """The header's words while changes wait for the lock."""
        if not self.queued:
            return None
        # the count first: a narrow header cuts the end
        count = len(self.queued)
        return ngettext(
            "{n} change waiting for the board lock held by {holder}", "{n} changes waiting for the board lock held by {holder}", count
        ).format(n=count, holder=self._holder())

    def _holder(self) -> str:
        return self.holder or _("another process")

    def _enqueue(self, job: Callable[[], Any]) -> None:
        if not self.queued:
            self._waiting_since = time.monotonic()
            self._timer = self.app.set_interval(RETRY_EVERY, self._retry, name="lock-wait")
        self.queued.append(job)
        self.app.refresh_title()

    def _retry(self) -> None:
        """The queued changes in order, without waiting for the lock."""
        self.app.store.lock_timeout = 0
        while self.queued:
            job = self.queued[0]
            try:
                job()
            except BoardLockedError as error:
                self.holder = error.holder
                if time.monotonic() - self._waiting_since > LOCK_GIVE_UP:
                    self._give_up()
                else:
                    self.app.refresh_title()
                return
            except ConflictError as error:
                self.ask_about_conflict(error)
            except BoardError as error:
                self.failed(error)
            self.queued.pop(0)
        self._stop_waiting()
        self.saved()
        self.app.reload_views()

    def _give_up(self) -> None:
        count = len(self.queued)
        self.queued.clear()
        self._stop_waiting()
        self.app.notify(
            ngettext(
                "{n} change was not saved: the board stayed locked by {holder} for {seconds} s",
                "{n} changes were not saved: the board stayed locked by {holder} for {seconds} s",
                count,
            ).format(n=count, holder=self._holder(), seconds=f"{LOCK_GIVE_UP:g}"),
            severity="error",
            timeout=12,
            markup=False,
        )
        self.app.show_disk_state()

    def _stop_waiting(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- a same-field conflict -------------------------------------------------
    def ask_about_conflict(self, error: ConflictError, *, keep_rest: bool = False, then: Callable[[bool], None] | None = None) -> None:
        """Ask which value stays. `keep_rest` (a form): keeping theirs still
        saves the other fields typed. `then(saved)` runs once it is settled."""
        from .modals.conflict import ConflictDialog, conflict_view  # widgets load on first use

        op: Operation | None = getattr(error, "operation", None)
        ops: list[Operation] = list(getattr(error, "operations", None) or ([op] if op else []))

        def chosen(choice: str | None) -> None:
            saved = False
            if op is not None and choice == "mine":
                # theirs is what we now knowingly replace
                retry = op.model_copy(update={"before": {**(op.before or {}), error.field: error.theirs}})
                saved = self.run(self.app.store.apply, *[retry if o is op else o for o in ops]) is not None
            else:
                rest = _without_field(ops, op, error.field) if keep_rest and op is not None else []
                if rest:
                    saved = self.run(self.app.store.apply, *rest) is not None
                who = error.by or _("someone else")
                if saved:
                    kept = _("Kept the value {who} saved; your other changes were saved").format(who=who)
                else:
                    kept = _("Kept the value {who} saved; yours was not saved").format(who=who)
                self.app.notify(kept, timeout=5, markup=False)
            self.app.show_disk_state()
            if then is not None:
                then(saved)

        self.app.push_screen(ConflictDialog(conflict_view(self.app.store, error, op.table if op else Table.TASKS)), chosen)

    # -- a form's save ---------------------------------------------------------------
    def form_submit(
        self,
        change: Callable[[Values], Any],
        *,
        saved: Callable[[Any], None] | None = None,
        recreate: Callable[[Values], Any] | None = None,
        what: str = "task",
        record: tuple[Table, str] | None = None,
    ) -> Submit:
        """A FormScreen's submit that saves `change(values)` this way. Field
        errors show under their fields; any other refusal keeps the form open
        with what was typed and says why. `saved(result)` after it saved
        (result None when saved from a dialog); `recreate(values)` re-adds
        `record` (its table and id) when a teammate deleted it meanwhile."""

        from .modals.form import FORM_ERROR, PENDING, FormScreen  # widgets load with the first form

        def submit(values: Values) -> dict[str, str] | None:
            form = self.app.screen
            if self.queued:
                return {
                    FORM_ERROR: _("Not saved yet: {waiting}. Your typing stays here: save again once it is free.").format(
                        waiting=self.waiting_state()
                    )
                }
            self.app.store.lock_timeout = FIRST_WAIT
            try:
                result = change(values)
            except FieldErrors as errors:
                return errors.errors
            except ConflictError as error:

                def settled(did_save: bool) -> None:
                    if did_save and saved is not None:
                        saved(None)
                    if isinstance(form, FormScreen):
                        form.dismiss(values)

                self.ask_about_conflict(error, keep_rest=True, then=settled)
                return PENDING
            except GONE:
                self._ask_about_gone(form, values, record, recreate, saved, what)
                return PENDING
            except BoardLockedError as error:
                self.holder = error.holder
                return {
                    FORM_ERROR: _("Not saved yet: the board is locked by {holder}. Your typing stays here: save again in a moment.").format(
                        holder=error.holder or _("another process")
                    )
                }
            except BoardError as error:
                self.app.show_disk_state()
                return {FORM_ERROR: _("Not saved: {reason}").format(reason=error)}
            self.saved()
            if saved is not None:
                saved(result)
            return None

        return submit

    def _ask_about_gone(self, form, values: Values, record: tuple[Table, str] | None, recreate, saved, what: str) -> None:
        from opsboard.services.activity import deleted_by

        from .modals.form import PENDING, FormScreen
        from .modals.record_gone import RecordGoneDialog

        who = deleted_by(self.app.store, *record) if record is not None else ""
        reason = _("{who} deleted it after you opened the form.").format(who=who) if who else _("It was deleted after you opened the form.")

        def chosen(choice: str | None) -> None:
            if not isinstance(form, FormScreen):
                return
            if choice == "recreate" and recreate is not None:
                errors = self.form_submit(recreate, saved=saved, what=what, record=record)(values)
                if errors is None:
                    form.dismiss(values)
                elif errors is not PENDING:
                    form.show_errors(errors)
            elif choice == "discard":
                form.dismiss(None)
            # "edit": back to the form as it was typed

        self.app.show_disk_state()
        self.app.push_screen(RecordGoneDialog(what, reason, can_recreate=recreate is not None), chosen)


def _without_field(ops: list[Operation], op: Operation | None, field: str) -> list[Operation]:
    """The save without the one field theirs was kept for (nothing left: [])."""
    rest = []
    for o in ops:
        if o is op:
            after = {k: v for k, v in (o.after or {}).items() if k != field}
            if not after:
                continue
            o = o.model_copy(update={"after": after, "before": {k: v for k, v in (o.before or {}).items() if k in after}})
        rest.append(o)
    return rest
