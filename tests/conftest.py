"""Shared by every test folder. Its presence puts tests/ on sys.path (pytest's
default import mode), so fixture modules kept here, such as boards_fixture,
import the same way from tests/services/ and tests/tui/."""
