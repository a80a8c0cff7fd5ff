"""The command table the CLI reads without importing the command modules
must name every command each module registers, and nothing else."""

import importlib

from opsboard.commands import COMMANDS


def test_every_module_registers_exactly_the_commands_the_table_names():
    for module_name in set(COMMANDS.values()):
        module = importlib.import_module(f"opsboard.commands.{module_name}")
        listed = {name for name, owner in COMMANDS.items() if owner == module_name}
        assert set(module.NAMES) == listed, module_name


def test_every_command_has_a_help_page(capsys):
    from opsboard.cli import main

    for name in COMMANDS:
        try:
            main([name, "--help"])
        except SystemExit as exited:
            assert exited.code == 0
        assert name in capsys.readouterr().out


def test_a_command_imports_only_the_module_that_registers_it(tmp_path):
    import subprocess
    import sys

    board = tmp_path / "b.json"
    code = (
        "import sys; from opsboard.cli import main; main(['init', sys.argv[1], '--user', 'ana']);"
        " main(['task', 'list', sys.argv[1]]);"
        " print(sorted(m for m in sys.modules if m.startswith('opsboard.commands.')))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(board)], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "['opsboard.commands.board', 'opsboard.commands.tasks']"
