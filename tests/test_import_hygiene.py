"""The layers import only downwards (ARCHITECTURE.md, "Layers"), checked on the source with
`ast`: every import statement, at module top or inside a function, with
relative imports resolved to the module they name."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "opsboard"
# What opening the app imports before its first frame.
APP_START = "import opsboard.cli, opsboard.commands.tui, opsboard.tui.app, opsboard.tui.screens.checklists"
BELOW_THE_UI = ("i18n", "model", "store", "logic", "export", "importers", "services")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def typing_only(tree: ast.Module) -> set[int]:
    """The import nodes under `if TYPE_CHECKING:`: never run, so they name a
    type for the checker without making a dependency (export/ naming the row
    it renders, a screen naming the app)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found |= {id(inner) for branch in node.body for inner in ast.walk(branch)}
    return found


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module top?) for each import that runs,
    at module top or inside a function (not those under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    top = {id(node) for node in tree.body}
    skipped = typing_only(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import x` names submodules too
            names = [f"{target}.{alias.name}" for alias in node.names] if not node.module else [target]
            found += [(name, node.lineno, id(node) in top) for name in names]
    return found


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (PACKAGE / folder).rglob("*.py"))


def is_under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def offenders(files: list[Path], bad) -> list[str]:
    return [f"{p.relative_to(PACKAGE.parent)}:{line} imports {name}" for p in files for name, line, top in imports(p) if bad(name, top)]


def test_the_checker_sees_relative_and_nested_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "opsboard" / "logic"
    fake.mkdir(parents=True)
    (fake / "sample.py").write_text(
        "from typing import TYPE_CHECKING\nfrom ..store import BoardStore\nfrom . import breakdown\n"
        "if TYPE_CHECKING:\n    from opsboard.tui.app import OpsboardApp\n\n"
        "def f():\n    import textual.app\n    from pandas import DataFrame\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "opsboard")
    assert imports(fake / "sample.py") == [
        ("typing", 1, True),
        ("opsboard.store", 2, True),
        ("opsboard.logic.breakdown", 3, True),
        ("textual.app", 8, False),
        ("pandas", 9, False),
    ]


@pytest.mark.parametrize("layer", BELOW_THE_UI)
def test_nothing_below_the_ui_imports_textual(layer: str) -> None:
    files = python_files(layer)
    assert files, f"no modules found under opsboard/{layer}"
    assert offenders(files, lambda name, top: is_under(name, "textual")) == []


def test_only_the_store_imports_tinydb() -> None:
    others = [p for p in PACKAGE.rglob("*.py") if "store" not in p.relative_to(PACKAGE).parts[:1]]
    assert offenders(others, lambda name, top: is_under(name, "tinydb")) == []
    assert any(is_under(name, "tinydb") for p in python_files("store") for name, _, _ in imports(p))


@pytest.mark.parametrize("layer", ["logic", "export", "importers"])
def test_logic_and_export_know_only_the_model(layer: str) -> None:
    def bad(name: str, top: bool) -> bool:
        allowed = ("opsboard.model", f"opsboard.{layer}", "opsboard.i18n")  # every layer may translate
        return is_under(name, "opsboard") and not any(is_under(name, a) for a in allowed)

    assert offenders(python_files(layer), bad) == []


def test_the_translation_layer_imports_nothing_else_from_opsboard() -> None:
    # so every layer, the model's validation messages included, may use it
    bad = lambda name, top: is_under(name, "opsboard") and not is_under(name, "opsboard.i18n")
    assert offenders(python_files("i18n"), bad) == []
    assert offenders(python_files("i18n"), lambda name, top: top and is_under(name, "babel")) == []


def test_pandas_is_never_imported_at_module_top() -> None:
    assert offenders(sorted(PACKAGE.rglob("*.py")), lambda name, top: top and is_under(name, "pandas")) == []


def test_starting_the_cli_and_the_app_does_not_import_pandas() -> None:
    code = f"{APP_START}, opsboard.i18n as i; i.set_language('zh'); import sys; print('pandas' in sys.modules, 'babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"


def test_starting_the_app_reads_no_package_metadata() -> None:
    # `textual.__version__` asks importlib.metadata, which loads the email
    # parser and reads the installed package's files: 8 ms of every start
    # (opsboard/tui/wide_characters.py reads the version from the folder name).
    code = f"{APP_START}; import sys; print('importlib.metadata' in sys.modules, 'email.parser' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"


def test_the_first_screen_is_drawn_before_pydantic_loads_and_the_board_is_checked_just_after(tmp_path: Path) -> None:
    # The start-up budget depends on it (opsboard/store/rows.py): a model
    # imported on the way to view 1's first frame costs a tenth of a second.
    code = """
import sys
from textual.screen import Screen
import opsboard.cli
from opsboard.services.board_files import open_board
from opsboard.tui.app import OpsboardApp

seen = []
refresh = Screen._compositor_refresh
def timed(screen):
    refresh(screen)
    if not seen and screen.query("#items") and screen.query_one("#items").row_count:
        seen.append("pydantic" in sys.modules)
Screen._compositor_refresh = timed

async def report(pilot):
    await pilot.pause()
    print(seen, "pydantic" in sys.modules, pilot.app.store._models.keys() >= {"departments", "checklist"})
    pilot.app.exit()

OpsboardApp(open_board(sys.argv[1], user="t")).run(headless=True, size=(120, 40), auto_pilot=report)
"""
    board = tmp_path / "demo.json"
    shutil.copy(PACKAGE.parent / "sample_data" / "demo_board.json", board)
    result = subprocess.run([sys.executable, "-c", code, str(board)], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[False]", "True", "True"]  # drawn without it; then validated


def import_graph() -> dict[str, set[str]]:
    """opsboard module → the opsboard modules it imports when it runs (at
    module top or in a function; a package counts as its __init__)."""
    files = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(p) for p in files}
    graph: dict[str, set[str]] = {}
    for path in files:
        targets = set()
        for name, _, _ in imports(path):
            while name and name not in known:  # `from pkg.mod import Name` names mod
                name = name.rpartition(".")[0]
            if name.startswith("opsboard"):
                targets.add(name)
        graph[module_name(path)] = targets - {module_name(path)}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle once, found by depth-first search."""
    found, done = [], set()

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            found.append(path[path.index(node) :] + [node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, [*path, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_imports_itself_through_others() -> None:
    # A package __init__ importing its own modules is not a cycle.
    graph = {m: {t for t in targets if not m.startswith(t + ".")} for m, targets in import_graph().items()}
    assert cycles(graph) == []


# The start-up deferrals, listed once with their reason: each is imported
# inside the function that needs it, and opening the app must not load it
# (ARCHITECTURE.md, "Start-up stays fast"). An import inside a function for
# none of these reasons is a plain import at the module top: the test below
# fails on any function-level import of a module not listed here.
DEFERRED = {
    "pandas": "as slow to import as Textual itself; only the numbers of views 3 and 4 need it",
    "pydantic": "a tenth of a second: view 1 is drawn from store/rows.py first",
    "opsboard.tui.modals.form": "forms and dialogs load when first opened",
    "opsboard.tui.modals.task_form": "the card form and its widgets, with the first task added from view 1",
    "opsboard.tui.modals.help": "the help, with the first ?",
    "opsboard.tui.modals.conflict": "asked only on a conflict",
    "opsboard.tui.modals.record_gone": "asked only when a task was deleted by someone else meanwhile",
    "opsboard.tui.modals.export_path": "asked only on export",
    "opsboard.tui.modals.recovery": "asked only when the board is damaged",
    "opsboard.services.recovery": "backups are checked only when the board is damaged",
    "opsboard.services.undo": "with the first u or ctrl+r",
    "opsboard.services.activity": "the change notice, with the first save seen",
    "opsboard.services.digest": "the morning reminder, after the first frame",
    "opsboard.services.tasks": "with the first task added from view 1",
    "opsboard.model.task": "the task model (and pydantic), when a priority is read: `task list` over the archive needs neither",
    "opsboard.services.review": "view 4's reports, exported from view 1's review items",
    "opsboard.export.checklists": "Markdown renderers load when exporting",
    "opsboard.services.export": "file names and exporters, only when exporting (with the csv module)",
    "opsboard.services.export_formats": "the export formats and their writers, only when exporting",
    "opsboard.tui.palette": "the command palette's providers, when it first opens",
    "opsboard.tui.key_ids": "every view's bindings checked against keymap.toml, only for those with one, after the first frame",
    "opsboard.services.spreadsheet": "the export formats (with tabulate, a tenth of a second), only when exporting",
    "opsboard.templates": "the checklist templates, only to create a board",
    "filelock": "the lock, only when saving",
    "hashlib": "the digest of the bytes a checked save wrote, only when saving",
    "secrets": "ids' randomness, only when the first id is made",
    "tomllib": "keymap.toml, only when the user has one",
    "openpyxl": "the spreadsheet writer, only when an .xlsx is exported",
    "tabulate": "CLI tables, only for the commands that print one",
    "wcwidth": "CLI padding, only for `task list`",
    "lunardate": "the lunar calendar, only for campaign presets",
}

# Loaded by name (importlib), when first used: the models (model/__init__.py),
# the views' screens (tui/views.py), the subcommands (commands/__init__.py).
LOADED_BY_NAME = {
    "opsboard.model.task": "the task model (and pydantic) load when a task is first read",
    "opsboard.model.checklist": "validated just after the first frame (OpsboardApp._check_board)",
    "opsboard.tui.screens.boards": "each view's screen loads when first shown (tui/views.py)",
    "opsboard.tui.screens.activity": "opened with A, over a view (tui/views.py)",
    "opsboard.commands.tasks": "a subcommand's module loads only when it is asked for",
}

# Deferred so that a subcommand (`opsboard task add` from cron) does not pay
# for the terminal app: every subcommand's parser is built for any command.
COMMAND_LINE_DEFERRED = {
    "opsboard.commands.tui": "the terminal app (Textual) loads only when no subcommand is given",
}


def is_listed(name: str, listed: dict[str, str]) -> bool:
    return any(is_under(name, deferred) for deferred in listed)


def test_every_import_inside_a_function_is_a_listed_deferral() -> None:
    listed = DEFERRED | COMMAND_LINE_DEFERRED
    unlisted = offenders(sorted(PACKAGE.rglob("*.py")), lambda name, top: not top and not is_listed(name, listed))
    assert unlisted == [], "import these at the module top, or list them in DEFERRED with the reason"


def test_the_checker_sees_an_unlisted_import_inside_a_function(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "opsboard" / "services"
    fake.mkdir(parents=True)
    (fake / "sample.py").write_text("import json\n\ndef f():\n    import pandas\n    from opsboard.store import lock\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "opsboard")
    found = offenders([fake / "sample.py"], lambda name, top: not top and not is_listed(name, DEFERRED))
    assert found == ["opsboard/services/sample.py:5 imports opsboard.store"]


def test_every_listed_deferral_is_imported_inside_a_function() -> None:
    deferred = {name for p in PACKAGE.rglob("*.py") for name, _, top in imports(p) if not top}
    stale = [d for d in DEFERRED | COMMAND_LINE_DEFERRED if not any(is_under(name, d) for name in deferred)]
    assert stale == [], "no longer deferred anywhere: take it off the list"


def test_opening_the_app_loads_none_of_the_deferred_modules() -> None:
    code = f"import sys; {APP_START}; print(sorted(set(sys.argv[1:]) & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code, *DEFERRED, *LOADED_BY_NAME], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_subcommand_loads_neither_the_app_nor_pandas() -> None:
    code = (
        "import sys, opsboard.cli as cli; cli.build_command_parser();"
        " print(sorted(set(sys.argv[1:]) & set(sys.modules)), 'textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code, "pandas", *COMMAND_LINE_DEFERRED], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] False"
