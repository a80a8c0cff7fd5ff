"""Shared by every test folder. Its presence puts tests/ on sys.path (pytest's
default import mode), so fixture modules kept here, such as boards_fixture,
import the same way from tests/services/ and tests/tui/."""

import pytest

from opsboard import i18n


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch):
    """Each test starts in English with no language chosen; the machine's
    locale and OPSBOARD_LANG do not leak in (a test that wants Chinese sets them)."""
    for name in ("OPSBOARD_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture(autouse=True)
def own_config_folders(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Each test has its own config and data folders: the person's settings
    (last view, theme), keymap and default board of whoever runs the tests
    never change what a test sees, and no test writes to them."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
