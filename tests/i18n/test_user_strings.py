"""No user-facing literal bypasses the translation layer.

An English literal (a string or an f-string with words in it) handed straight
to what a person reads fails here: `notify(...)`, a `Binding`'s description,
`Static`/`Label`/`Button`/`Text` text, a form field's label, a column heading,
a `label=`/`placeholder=`/`title=` argument,
an export `heading(...)`, a CLI `print(...)`, argparse's `help=`/`description=`,
and the message of a raised error. Wrap it: `_("...")` (or `_l` at module level).

UNTRANSLATED lists the files not swept yet with how many such literals each
may keep; it only shrinks (to empty, when the sweep is done).
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

# file → literals it may still hold (shrinks as the sweep goes on)
UNTRANSLATED: dict[str, int] = {
    "opsboard/export/standup.py": 3,
}


def has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):  # "a" + b, "..." % x
        return has_words(node.left) or has_words(node.right)
    return False


def name_of(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def user_facing_arguments(call: ast.Call, in_cli: bool) -> list[ast.AST]:
    name = name_of(call.func)
    if name in TRANSLATORS or name == "Operation":  # an operation's label is data (add, edit, undo), not words
        return []
    found: list[ast.AST] = []
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
    if name in ("Text", "FormScreen", "ConfirmScreen", "Option"):  # text drawn as given
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


def offenders(path: Path, package: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(package.parent).as_posix()
    in_cli = relative.startswith(("opsboard/cli.py", "opsboard/commands/"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        arguments = user_facing_arguments(node, in_cli) if isinstance(node, ast.Call) else []
        arguments += raised_messages(node) if isinstance(node, ast.Raise) else []
        found += [(arg.lineno, f"{relative}:{arg.lineno}: {ast.unparse(arg)[:70]}") for arg in arguments if has_words(arg)]
    return [line for _, line in sorted(found)]


def all_offenders(package: Path = PACKAGE) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        if found := offenders(path, package):
            result[path.relative_to(package.parent).as_posix()] = found
    return result


def test_no_user_facing_literal_bypasses_the_translation_layer() -> None:
    too_many = [line for file, found in all_offenders().items() if len(found) > UNTRANSLATED.get(file, 0) for line in found]
    assert too_many == [], "wrap these in _() (opsboard/i18n/__init__.py says how)"


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
