"""No user-facing literal bypasses the translation layer.

An English literal (a string or an f-string with words in it) handed straight
to what a person reads fails here: `notify(...)`, a `Binding`'s description,
`Static`/`Label`/`Button`/`Text` text, a form field's label, a column heading,
a `label=`/`placeholder=`/`title=` argument,
an export `heading(...)`, a CLI `print(...)`, argparse's `help=`/`description=`,
and the message of a raised error; and in the terminal app also what a form or
a dialog is opened with (`StandupForm("...")`, `task_form("...")`,
`ConfirmScreen`, any `…Form`/`…Screen`/`…Dialog`/`…_form(...)`'s first
argument), text added to a `Text` or a widget (`.append(...)`, `.update(...)`,
`Text.assemble`, `Content(...)`, `Content.styled`), a title or a reason set on
a widget, the app or the store (`border_title = "..."`, `sub_title`,
`read_only_reason`), and a form's field errors (`FieldErrors({"note": "..."})`).
Wrap it: `_("...")` (or `_l` at module level).

The sweep is done: no file may keep such a literal (no allow-list).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "opsboard"

TEXT_WIDGETS = {"Static", "Label", "Button", "Checkbox", "RadioButton", "Switch", "Markdown", "Rule"}
TEXT_KEYWORDS = {"label", "placeholder", "title", "description", "help", "prompt", "empty", "tooltip", "sub_title", "message"}
TRANSLATORS = {"_", "_l", "ngettext", "pgettext", "lazy_pgettext"}
WORDS = re.compile(r"[A-Za-z]{2,}")
# what a form or a dialog is opened with: its title (or question) first
OPENED_WITH = ("Form", "Screen", "Dialog", "_form", "_dialog")
# text put into a `Text`, a `Content` or a widget (only in the app: elsewhere
# `.append` fills lists that are data, such as a plan change's stored words)
ADDED_TEXT = {"append", "update", "styled", "from_markup"}
# attributes a person reads when set: a widget's border, the app's header, why a board is read-only
SHOWN_ATTRIBUTES = {"border_title", "border_subtitle", "title", "sub_title", "read_only_reason"}
# a sentence (three words and more) anywhere in the app's code, however it reaches the screen
# (a list of lines joined, a value returned): "No good backup was found, so …"
SENTENCE = re.compile(r"[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}")
STYLE_WORDS = {"bold", "dim", "italic", "not", "underline", "reverse", "on", "strike", "blink"}


def has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):  # "a" + b, "..." % x
        return has_words(node.left) or has_words(node.right)
    if isinstance(node, ast.BoolOp):  # name or "someone"
        return any(has_words(value) for value in node.values)
    if isinstance(node, ast.IfExp):  # took if finished else "not finished"
        return has_words(node.body) or has_words(node.orelse)
    return False


def name_of(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def user_facing_arguments(call: ast.Call, in_cli: bool, in_app: bool = False) -> list[ast.AST]:
    name = name_of(call.func)
    if name in TRANSLATORS or name == "Operation":  # an operation's label is data (add, edit, undo), not words
        return []
    found: list[ast.AST] = []
    if name.endswith(OPENED_WITH) or name == "Content" or (in_app and name in ADDED_TEXT):
        found += call.args[:1]
    if name == "assemble":  # Text.assemble("a", ("b", "bold"))
        found += [arg.elts[0] if isinstance(arg, ast.Tuple) and arg.elts else arg for arg in call.args]
    if name == "FieldErrors" and call.args and isinstance(call.args[0], ast.Dict):
        found += call.args[0].values
    if name in ("notify", "heading") or name in TEXT_WIDGETS:
        found += call.args[1:2] if name == "heading" else call.args[:1]
    if name == "Binding" and len(call.args) >= 3:
        found.append(call.args[2])
    if name in ("print", "exit", "error") and in_cli:
        found += call.args
    if name == "SystemCommand":
        found += call.args[:2]
    if name in ("FormField", "add_column"):  # a form field's label, a table column's heading
        found += call.args[1:2] if name == "FormField" else call.args[:1]
    if name in ("Text", "Option"):  # text drawn as given
        found += call.args[:1]
    found += [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
    return found


def raised_messages(node: ast.Raise) -> list[ast.AST]:
    exc = node.exc
    # AssertionError and AttributeError (a module's __getattr__) are for programmers, never shown
    if (
        isinstance(exc, ast.Call)
        and name_of(exc.func).endswith(("Error", "Refused", "Exit"))
        and name_of(exc.func) not in ("AssertionError", "AttributeError")
    ):
        return exc.args[:1]
    return []


def shown_values(node: ast.Assign | ast.AnnAssign) -> list[ast.AST]:
    """`self.border_title = "Notes"`: the value, when the attribute is one a person reads."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if node.value is not None and any(isinstance(t, ast.Attribute) and t.attr in SHOWN_ATTRIBUTES for t in targets):
        return [node.value]
    return []


def _not_text(tree: ast.AST) -> set[int]:
    """Ids of the literals that are no text for a person: docstrings, what a
    translator already has, stylesheets, styles and dictionary keys."""
    skip: set[int] = set()

    def leave_out(node: ast.AST | None) -> None:
        skip.update(id(part) for part in ast.walk(node)) if node is not None else None

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            leave_out(body[0].value)  # a docstring
        if isinstance(node, ast.Call):
            if name_of(node.func) in TRANSLATORS:
                leave_out(node)
            for arg in node.args[1:] if name_of(node.func) in ("append", "styled", "Text") else []:
                leave_out(arg)  # the style beside the text
            for keyword in node.keywords:
                leave_out(keyword.value) if keyword.arg == "style" else None
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("DEFAULT_CSS", "CSS") for t in node.targets):
            leave_out(node.value)
        if isinstance(node, ast.Dict):
            for key in node.keys:
                leave_out(key)
    return skip


def sentences(tree: ast.AST) -> list[ast.AST]:
    """Literals in the app's code that read as a sentence, not yet translated,
    and the words shown when a value is missing (`by or "someone else"`)."""
    skip = _not_text(tree)
    fallbacks = {
        id(value)
        for node in ast.walk(tree)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
        for value in node.values
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and " " in value.value.strip()
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and (SENTENCE.search(node.value) or id(node) in fallbacks)
        and WORDS.search(node.value)
        and not set(WORDS.findall(node.value)) <= STYLE_WORDS
    ]


def offenders(path: Path, package: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(package.parent).as_posix()
    in_cli = relative.startswith(("opsboard/cli.py", "opsboard/commands/"))
    in_app = relative.startswith("opsboard/tui/")
    found: dict[int, tuple[int, str]] = {}  # by the literal's node: one line each, however it was found
    for node in ast.walk(tree):
        arguments = user_facing_arguments(node, in_cli, in_app) if isinstance(node, ast.Call) else []
        arguments += raised_messages(node) if isinstance(node, ast.Raise) else []
        arguments += shown_values(node) if isinstance(node, (ast.Assign, ast.AnnAssign)) else []
        for arg in arguments:
            if has_words(arg):
                found[id(arg)] = (arg.lineno, f"{relative}:{arg.lineno}: {ast.unparse(arg)[:70]}")
    if in_app:
        inside = {id(part) for key in found for part in ast.walk(next(n for n in ast.walk(tree) if id(n) == key))}
        for literal in sentences(tree):
            if id(literal) not in inside:
                found[id(literal)] = (literal.lineno, f"{relative}:{literal.lineno}: {ast.unparse(literal)[:70]}")
    return [line for _, line in sorted(found.values())]


def all_offenders(package: Path = PACKAGE) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        if found := offenders(path, package):
            result[path.relative_to(package.parent).as_posix()] = found
    return result


def test_no_user_facing_literal_bypasses_the_translation_layer() -> None:
    found = [line for lines in all_offenders().values() for line in lines]
    assert found == [], "wrap these in _() (opsboard/i18n/__init__.py says how)"


def test_the_checker_finds_each_kind_of_literal(tmp_path: Path) -> None:
    source = """
self.notify(f"Saved {path}")
self.notify(_("Saved {path}").format(path=path))
Binding("x", "export", "Export")
Binding("x", "export", _l("Export"))
Static("Nothing here")
Input(placeholder="due date")
heading(2, f"{name} — checklists")
raise InputError(f"unknown department '{name}'")
raise InputError(_("unknown department '{name}'").format(name=name))
Static(" · ")
"""
    package = tmp_path / "opsboard"
    (package / "commands").mkdir(parents=True)
    (package / "tui.py").write_text(source)
    (package / "commands" / "x.py").write_text('print(f"Created {path}", file=sys.stderr)\nparser.add_argument("--x", help="what x is")\n')
    found = all_offenders(package)
    assert [line.split(": ", 1)[1] for line in found["opsboard/tui.py"]] == [
        "f'Saved {path}'",
        "'Export'",
        "'Nothing here'",
        "'due date'",
        "f'{name} — checklists'",
        "f\"unknown department '{name}'\"",
    ]
    assert len(found["opsboard/commands/x.py"]) == 2


def test_the_checker_finds_what_forms_dialogs_and_text_are_opened_with(tmp_path: Path) -> None:
    """The app's ways to put words on screen besides the widgets' own text:
    each English literal below fails, each translated or non-word one passes."""
    app_source = """
self.app.push_screen(StandupForm(f"Note for {department}", fields, submit))
self.app.push_screen(StandupForm(_("Note for {department}").format(department=department), fields, submit))
task_form(f"New task for {department.name}", submit)
ConfirmScreen("Delete it?", detail)
text.append("Run by ")
text.append(_("Run by {who}").format(who=who), style="bold not dim")
text.append(" · ", style="dim")
Text(record.run_by or "someone")
length = Text(took if finished else "not finished")
self.query_one(Static).update("This board has no departments")
box.border_title = "Notes"
self.sub_title = "damaged board"
Content.styled("Nothing on this board today", "dim")
lines = ["No good backup was found, so there is nothing to restore."]
raise FieldErrors({"note": "write the note first"})
raise FieldErrors({"note": _("write the note first")})
DEFAULT_CSS = "Widget { width: auto; height: 1; }"
PLACES = {"task list rows": "opsboard.tui.widgets.task_list:TaskList"}
who = c.by or "someone else"
self.action_choose(event.button.id or "quit")
"""
    package = tmp_path / "opsboard"
    (package / "tui").mkdir(parents=True)
    (package / "tui" / "screen.py").write_text(app_source)
    (package / "services.py").write_text('words.append("re-based the whole year")  # stored data, worded when shown\n')
    found = all_offenders(package)
    assert [line.split(": ", 1)[1] for line in found["opsboard/tui/screen.py"]] == [
        "f'Note for {department}'",
        "f'New task for {department.name}'",
        "'Delete it?'",
        "'Run by '",
        "record.run_by or 'someone'",
        "took if finished else 'not finished'",
        "'This board has no departments'",
        "'Notes'",
        "'damaged board'",
        "'Nothing on this board today'",
        "'No good backup was found, so there is nothing to restore.'",
        "'write the note first'",
        "'someone else'",
    ]
    assert "opsboard/services.py" not in found
