"""A small, reusable form: fields declared as data, errors shown inline.

The caller passes `submit(values) -> errors`; the form stays open showing each
field's message until `submit` returns no errors, then dismisses with the
values. Errors not about one field (a save the disk refused, a held lock)
show under the fields, under FORM_ERROR. `submit` returns PENDING when a
dialog it opened over the form decides (opsboard/tui/saving.py). Esc cancels
(dismiss(None)); when something was typed, it asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from opsboard.i18n import _, _l

from ..kept_screens import KeptStyles
from .confirm import ConfirmScreen


@dataclass
class FormField:
    name: str
    label: str
    value: str = ""
    kind: str = "input"  # "input", "textarea" or "select"
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)  # select: (label, value)
    placeholder: str = ""
    suggestions: Sequence[str] = ()  # input: completed as typed (right arrow or end takes it)
    # input: the value is a suggestion, selected to be typed over (a file to
    # save to, as a Save As dialog has it); else the cursor follows the value
    # and a key edits it (`e` then a key keeps the card's title)
    typed_over: bool = False


Values = dict[str, str]


def _literal(options: Sequence[tuple[str, str]]) -> list[tuple[Content, str]]:
    """A select's options with their labels as text, never markup: a
    department, a person or a checklist item named '[/]' is shown as named."""
    return [(Content(label), value) for label, value in options]


def shape_of(fields: Sequence[FormField]) -> tuple[tuple[str, str], ...]:
    return tuple((spec.name, spec.kind) for spec in fields)


Submit = Callable[[Values], dict[str, str] | None]

FORM_ERROR = "form"  # an error about the whole save, not one field


class _Pending(dict):
    """A dialog over the form decides whether it closes."""


PENDING: dict[str, str] = _Pending()


class FormScreen(KeptStyles, ModalScreen[Values | None]):
    AUTO_FOCUS = "Input, TextArea, Select"  # the first field, so typing starts there
    CSS_PATH = ["form.tcss"]  # a list: a form that adds its own CSS lists both

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _l("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", _l("Save"), id="form.save"),
    ]

    def __init__(self, title: str, fields: Sequence[FormField], submit: Submit) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.submit = submit
        self.shown: Values = {}  # the values as the form opened, to tell whether anything was typed

    def on_mount(self) -> None:
        self.shown = self.values()
        # focusing the first field scrolls its label out of view: back to the top once drawn
        self.call_after_refresh(self._to_top)

    def _to_top(self) -> None:
        self.query_one(VerticalScroll).scroll_home(animate=False)

    # -- a form kept and opened again (task_form.kept_form, tui/kept_screens.py) ---------------------
    @property
    def shape(self) -> tuple[tuple[str, str], ...]:
        """Its fields' names and kinds: a form of the same shape can be
        filled again instead of made (its widgets are the same)."""
        return shape_of(self.fields)

    def refill(self, title: str, fields: Sequence[FormField], submit: Submit) -> None:
        """As if just made with these (of its shape): each widget holds its
        new value, options and placeholder, no message shows, nothing is
        focused (the first field is as the form opens) and its scroll is at
        the top. For a mounted form not on screen."""
        self.form_title, self.fields, self.submit = title, list(fields), submit
        self.query_one(".form-title", Static).update(title)
        for label, spec in zip(self.query(".field-label").results(Label), self.fields, strict=True):
            label.update(spec.label)
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                widget.load_text(spec.value)  # its undo history cleared too
                widget.move_cursor((0, 0))
            elif isinstance(widget, Select):
                widget.expanded = False
                widget.set_options(_literal(spec.options))
                if any(v == spec.value for _, v in spec.options):
                    widget.value = spec.value
            elif isinstance(widget, Input):
                widget.placeholder = spec.placeholder
                widget.select_on_focus = spec.typed_over
                widget.suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
                widget.value = spec.value
                widget.cursor_position = len(spec.value)  # as a new Input has it
        for message in self.query(".field-error").results(Static):
            message.update("")
            message.add_class("-empty")
        self.set_focus(None)  # shown, it focuses its first field (AUTO_FOCUS)
        self._to_top()
        self.shown = self.values()
        self._refilled = True

    _refilled = False

    @on(events.ScreenResume)
    def _opened_again(self) -> None:
        if self._refilled:  # opened again: the first field's label in view, as on mount
            self._refilled = False
            self.call_after_refresh(self._to_top)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, classes="form-title", markup=False)
            with VerticalScroll():
                for spec in self.fields:
                    yield Label(spec.label, classes="field-label", markup=False)
                    yield self._widget(spec)
                    yield Static("", id=f"error-{spec.name}", classes="field-error -empty", markup=False)
            yield Static("", id=f"error-{FORM_ERROR}", classes="field-error -empty", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Save (ctrl+s)"), id="save", variant="primary")

    def _widget(self, spec: FormField):
        widget_id = f"field-{spec.name}"
        if spec.kind == "textarea":
            return TextArea(spec.value, id=widget_id, soft_wrap=True)
        if spec.kind == "select":
            value = spec.value if any(v == spec.value for _, v in spec.options) else Select.NULL
            return Select(_literal(spec.options), value=value, id=widget_id, allow_blank=False)
        suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        return Input(spec.value, placeholder=spec.placeholder, id=widget_id, suggester=suggester, select_on_focus=spec.typed_over)

    def values(self) -> Values:
        result: Values = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                result[spec.name] = widget.value  # type: ignore[attr-defined]
        return result

    def show_errors(self, errors: dict[str, str]) -> None:
        names = {s.name for s in self.fields}
        for spec in self.fields:
            message = errors.get(spec.name, "")
            label = self.query_one(f"#error-{spec.name}", Static)
            label.update(message)
            label.set_class(not message, "-empty")
        # an error without a field of its own says what it is about ("conversion: is a rate …")
        unplaced = "\n".join(v if k == FORM_ERROR else f"{k}: {v}" for k, v in errors.items() if k not in names)
        label = self.query_one(f"#error-{FORM_ERROR}", Static)
        label.update(unplaced)
        label.set_class(not unplaced, "-empty")
        first = next((s.name for s in self.fields if s.name in errors), None)
        if first:
            field = self.query_one(f"#field-{first}")
            field.focus(scroll_visible=False)
            # its label, the field and its message in view (the last field's message fell below the fold)
            self.call_after_refresh(self._show_field, first)
        elif unplaced:
            label.scroll_visible()

    def _show_field(self, name: str) -> None:
        scroll = self.query_one(VerticalScroll)
        message = self.query_one(f"#error-{name}", Static)
        scroll.scroll_to_widget(message, animate=False)  # the message at the bottom edge at most…
        label_index = next(i for i, s in enumerate(self.fields) if s.name == name)
        label = scroll.query(Label)[label_index]
        if label.region.y < scroll.region.y:  # …and the label not above the top
            scroll.scroll_to_widget(label, animate=False, top=True)

    def action_save(self) -> None:
        values = self.values()
        errors = self.submit(values)
        if errors is PENDING:
            return
        if errors:
            self.show_errors(errors)
        else:
            self.dismiss(values)

    def action_cancel(self) -> None:
        """Close; when something was typed, ask before dropping it."""
        if self.values() == self.shown:
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(_("Discard what you typed?"), _("The form has changes that are not saved."), confirm_label=_("Discard")), answer
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
