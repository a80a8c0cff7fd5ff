"""The Chinese catalogue covers every message in the code, none fuzzy, and is
written the way the tools write it (sorted, no source locations)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import messages
from babel.messages.pofile import write_po

from opsboard import i18n
from opsboard.i18n import catalogue

ZH = catalogue.po_path("zh")


@pytest.fixture(scope="module")
def code_messages():
    return messages.extract()


@pytest.fixture(scope="module")
def chinese():
    return messages.read(ZH)


def key(message) -> str:
    return f"{message.context}|{message.id}" if message.context else str(message.id)


def test_every_message_in_the_code_has_chinese_and_none_is_fuzzy(code_messages, chinese) -> None:
    missing = [key(m) for m in code_messages if m.id and chinese.get(m.id, m.context) is None]
    untranslated = [key(m) for m in chinese if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [key(m) for m in chinese if m.id and m.fuzzy]
    assert missing == [], "not in the .po: run `make messages`, then write their Chinese"
    assert untranslated == [], "no Chinese yet"
    assert fuzzy == [], "fuzzy: check the Chinese and remove the `#, fuzzy` line"


def test_the_catalogue_keeps_no_message_the_code_no_longer_has(code_messages, chinese) -> None:
    assert [key(m) for m in chinese if m.id and code_messages.get(m.id, m.context) is None] == []


def test_the_po_file_is_sorted_and_without_locations() -> None:
    # as `tools/messages.py` writes it: branches adding messages touch different lines
    catalog = messages.read(ZH)
    catalog.creation_date = catalog.revision_date = messages.STABLE_DATE
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True, sort_output=True, ignore_obsolete=True)
    assert ZH.read_bytes().decode() == buffer.getvalue().decode()


def test_the_po_reader_and_the_compiled_catalogue_agree(tmp_path: Path) -> None:
    from babel.messages.mofile import write_mo

    mo = tmp_path / "opsboard.mo"
    with mo.open("wb") as file:
        write_mo(file, messages.read(ZH))
    import gettext

    with mo.open("rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    compiled = {k: v for k, v in compiled.items() if k != ""}
    assert catalogue.read_po(ZH.read_text(encoding="utf-8")) == compiled


def test_the_po_reader_skips_fuzzy_and_empty_entries() -> None:
    text = """msgid ""
msgstr "Language: zh\\n"

#, fuzzy
msgid "Doing"
msgstr "进行中"

msgid "Done"
msgstr "已完成"

msgctxt "task status"
msgid "Blocked"
msgstr ""
"受阻"

msgid "Todo"
msgstr ""

msgid "{n} task"
msgid_plural "{n} tasks"
msgstr[0] "{n} 个任务"
"""
    assert catalogue.read_po(text) == {"Done": "已完成", "task status\x04Blocked": "受阻", ("{n} task", 0): "{n} 个任务"}


def test_a_lazy_string_follows_the_language_chosen_after_it_was_made() -> None:
    declared = i18n._l("Quit")
    assert str(declared) == "Quit"
    i18n.set_language("zh")
    assert str(declared) == "退出" and f"{declared}" == "退出" and f"{declared:>4}" == "  退出"
    assert i18n._("Quit") == "退出"
    i18n.set_language("en")
    assert str(declared) == "Quit"


def _po(tmp_path: Path, name: str, entries: dict[str, str]) -> Path:
    lines = ['msgid ""', 'msgstr ""', '"Language: zh\\n"', ""]
    for msgid, msgstr in entries.items():
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_merge_driver_keeps_what_either_side_added_and_drops_what_either_deleted(tmp_path: Path) -> None:
    # main deleted "Old" while a branch added "Mine": a rebase must not bring "Old" back
    base = _po(tmp_path, "base.po", {"Kept": "保留", "Old": "旧", "Gone on ours": "我方删"})
    ours = _po(tmp_path, "ours.po", {"Kept": "保留", "Old": "旧", "Mine": "我的"})
    theirs = _po(tmp_path, "theirs.po", {"Kept": "保留了", "Gone on ours": "我方删", "Theirs": "他们的"})
    assert messages.merge(base, ours, theirs) == 0
    merged = {m.id: m.string for m in messages.read(ours) if m.id}
    assert merged == {"Kept": "保留了", "Mine": "我的", "Theirs": "他们的"}


def test_a_chinese_button_or_label_gives_its_key_in_full_width_brackets(chinese) -> None:
    """'保存（ctrl+s）', not '保存 (ctrl+s)': on a Chinese interface the key a
    button or label names is set in full-width brackets, with no space before."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    key = r"(?:[a-zA-Z]|ctrl\+[a-z]|esc|enter|tab|space)"
    ascii_hint = re.compile(rf"\({key}\)")
    spaced_hint = re.compile(rf"\s（{key}）")
    ascii_around_chinese = re.compile(r"\([^()]*[\u4e00-\u9fff][^()]*\)")  # '调研 (0/4 已完成)': 调研（0/4 已完成）
    wrong = []
    for message in chinese:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            found = ascii_hint.search(text) or spaced_hint.search(text) or ascii_around_chinese.search(text)
            if text and cjk.search(text) and found:
                wrong.append(text)
    assert wrong == []
    assert chinese.get("Save (ctrl+s)").string == "保存（ctrl+s）"
    assert chinese.get("{action} (y)").string == "{action}（y）"
