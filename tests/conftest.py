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
