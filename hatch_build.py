"""Build hook: compile the translation catalogues into the wheel (the .mo
files are build products, not committed)."""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path(self.root, "opsboard", "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as file:
                catalog = read_po(file, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as file:
                write_mo(file, catalog)
            # git-ignored files are left out of a wheel unless named as artifacts
            build_data["artifacts"].append(po.with_suffix(".mo").relative_to(self.root).as_posix())
