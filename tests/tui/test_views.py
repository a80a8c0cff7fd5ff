"""The views registry (opsboard/tui/views.py) is complete: every view's key,
binding, screen and exporter agree, so a view cannot live in one place and be
missing from another."""

from __future__ import annotations

from opsboard.services.export import EXPORTERS
from opsboard.services.export import VIEWS as EXPORTED_VIEWS
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.base import ViewScreen
from opsboard.tui.views import BY_NAME, VIEWS


def test_the_number_keys_open_the_five_views_in_order() -> None:
    numbered = [view for view in VIEWS if view.mode]
    assert [view.key for view in numbered] == ["1", "2", "3", "4", "5"]
    assert len({view.key for view in VIEWS}) == len(VIEWS) == len(BY_NAME)


def test_every_view_has_its_binding_and_its_mode() -> None:
    bindings = {binding.id: binding for binding in OpsboardApp.BINDINGS}
    for view in VIEWS:
        binding = bindings[view.binding_id or f"view.{view.name}"]
        assert (binding.key, binding.action, binding.description) == (view.key, f"view('{view.name}')", view.title)
    assert set(OpsboardApp.MODES) == {view.name for view in VIEWS if view.mode}
    assert OpsboardApp.DEFAULT_MODE == VIEWS[0].name


def test_every_screen_names_its_view() -> None:
    for view in VIEWS:
        screen = view.screen_class()
        if view.mode:
            assert issubclass(screen, ViewScreen), view.name
            assert (screen.VIEW_NAME, screen.VIEW_TITLE) == (view.name, view.title)


def test_the_exported_views_are_the_exporters() -> None:
    exported = [view.name for view in VIEWS if view.exported]
    assert exported == list(EXPORTED_VIEWS) == list(EXPORTERS)
