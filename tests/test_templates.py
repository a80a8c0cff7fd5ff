"""The board templates: both languages load, match each other and cover the playbook."""

from __future__ import annotations

import re

import pytest

from opsboard.model import Language, Phase
from opsboard.templates import LANGUAGES, Template, load_template

EXPECTED_CODES = {
    Phase.RESEARCH: ["A", "B", "C", "D"],
    Phase.LAUNCH: ["A", "B", "C", "D", "E"],
    Phase.PROMOTION: ["A", "B", "C", "D", "E", "F", "G", "H", "I"],
    Phase.REVIEW: ["1", "2", "3", "4"],
}
DEPARTMENT_IDS = [
    "design",
    "marketing",
    "customer_service",
    "product_development",
    "hr",
    "bd",
    "data_analysis",
    "operations",
    "store_admin",
]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module", params=LANGUAGES)
def template(request: pytest.FixtureRequest) -> Template:
    return load_template(request.param)


def test_languages_are_en_and_zh() -> None:
    assert LANGUAGES == ("en", "zh")
    assert load_template().language is Language.EN
    assert load_template(Language.ZH).language is Language.ZH


def test_departments_in_stable_order(template: Template) -> None:
    assert [d.id for d in template.departments] == DEPARTMENT_IDS
    assert [d.order for d in template.departments] == list(range(9))


def test_english_department_names() -> None:
    names = [d.name for d in load_template("en").departments]
    assert names == [
        "Design",
        "Marketing",
        "Customer Service",
        "Product Development",
        "HR",
        "BD",
        "Data Analysis",
        "Operations",
        "Store Admin",
    ]


def test_checklist_has_every_phase_and_code(template: Template) -> None:
    assert len(template.checklist) == 22
    by_phase: dict[Phase, list[str]] = {}
    for item in template.checklist:
        by_phase.setdefault(item.phase, []).append(item.code)
        assert item.id == f"{item.phase.value}-{item.code.lower()}"
    assert by_phase == EXPECTED_CODES
    # order counts up from 0 within each phase, in playbook order
    for phase, codes in EXPECTED_CODES.items():
        orders = [i.order for i in template.checklist if i.phase is phase]
        assert orders == list(range(len(codes)))


def test_items_owned_by_known_departments(template: Template) -> None:
    known = {d.id for d in template.departments}
    assert all(item.department in known for item in template.checklist)


def test_items_have_short_title_and_detail(template: Template) -> None:
    for item in template.checklist:
        assert 0 < len(item.title) <= 60, item.id
        assert item.detail.strip(), item.id


def test_ids_and_owners_equal_across_languages() -> None:
    en = {i.id: (i.phase, i.code, i.department, i.order) for i in load_template("en").checklist}
    zh = {i.id: (i.phase, i.code, i.department, i.order) for i in load_template("zh").checklist}
    assert en == zh
    assert en["promotion-d"][2] == "bd"
    assert en["launch-b"][2] == "design"
    assert en["review-1"][2] == "data_analysis"


def test_chinese_is_translated() -> None:
    zh = load_template("zh")
    assert all(CJK.search(item.title) for item in zh.checklist)
    assert all(CJK.search(item.detail) for item in zh.checklist)
    assert all(CJK.search(d.name) for d in zh.departments)
    assert CJK.search(zh.board_name)
    items = {i.id: i for i in zh.checklist}
    assert "直通车" in items["promotion-a"].title
    assert "淘宝客" in items["promotion-g"].title


def test_details_carry_the_playbook_facts() -> None:
    items = {i.id: i for i in load_template("en").checklist}
    assert "1200×1200" in items["launch-b"].detail and "500 KB" in items["launch-b"].detail
    assert "Zhitongche" in items["promotion-a"].detail
    assert "Taobaoke" in items["promotion-g"].detail
    assert "618" in items["promotion-b"].detail and "Double 11" in items["promotion-b"].detail
    assert items["launch-e"].title == "Build the team, its workflow and work standards"
    assert items["review-3"].title == "Adjust the plan from the data"
    assert items["review-4"].title == "Archive the processes that worked"


def test_language_is_case_insensitive() -> None:
    assert load_template(" ZH ").language is Language.ZH


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError) as err:
        load_template("xx")
    assert str(err.value) == "unknown language 'xx' (choose en or zh)"


def test_each_load_is_a_fresh_copy() -> None:
    # callers may change the items they get (e.g. set an owner) without
    # changing what the next board starts with
    first = load_template("en")
    first.checklist[0].owner = "amy"
    assert load_template("en").checklist[0].owner == ""
