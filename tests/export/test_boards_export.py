"""The boards' Markdown, read back with a real GFM parser."""

from __future__ import annotations

from datetime import date

from markdown_it import MarkdownIt

from opsboard.export.boards import DepartmentBoard, TaskColumn, boards_markdown
from opsboard.model import Task, TaskStatus
from opsboard.services.task_board import export_columns
from opsboard.services.task_fields import TaskContext

TODAY = date(2026, 3, 2)
NASTY = "Fix | pipes *and* [links](x) <b>bold</b> # not a heading"


def columns(items: dict[str, str]) -> list[TaskColumn]:
    """The cards' columns as the task fields declare them; `items`: checklist item id → its code and title."""
    return export_columns(TaskContext(TODAY, items=items))


def card(task_id: str, title: str, status: str = "todo", **fields) -> Task:
    return Task.model_validate({"id": task_id, "department": "design", "title": title, "status": status, **fields})


def boards() -> list[DepartmentBoard]:
    design = DepartmentBoard(
        "Design",
        [
            (
                TaskStatus.TODO,
                [
                    card("t-1", NASTY, owner="mei", due="2026-03-01", priority=1, tags=["photos"], checklist_item="launch-b"),
                    card("t-2", "Banner", due="2026-03-02"),
                ],
            ),
            (TaskStatus.DOING, []),
            (
                TaskStatus.BLOCKED,
                [
                    card(
                        "t-3",
                        "Shoot shirts",
                        "blocked",
                        blocked_reason="waiting | for *samples*",
                        blocked_since="2026-02-25T10:00:00+08:00",
                        owner="tao",
                    )
                ],
            ),
            (TaskStatus.DONE, [card("t-4", "Logo", "done", done_at="2026-02-28T10:00:00+08:00")]),
        ],
    )
    hr = DepartmentBoard("H&R <team>", [(s, []) for s in TaskStatus])
    return [design, hr]


def parse(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    found, rows, row = [], None, None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append("".join(child.content for child in token.children if child.type in ("text", "code_inline")))
        elif token.type == "tr_close":
            rows.append(row)
            row = None
        elif token.type == "table_close":
            found.append(rows)
    return found


def headings(tokens) -> list[tuple[str, str]]:
    return [
        (token.tag, "".join(child.content for child in tokens[i + 1].children if child.type == "text"))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def test_headings_per_department_and_column() -> None:
    tokens = parse(boards_markdown("Spring [shop]", boards(), columns({"launch-b": "B Shoot photos"}), TODAY))
    assert headings(tokens) == [
        ("h1", "Spring [shop] — department boards"),
        ("h2", "Design"),
        ("h3", "To do (2)"),
        ("h3", "Doing (0)"),
        ("h3", "Blocked (1)"),
        ("h3", "Done (1)"),
        ("h2", "H&R <team>"),
    ]


def test_overview_table_counts_and_marks_blocked_and_overdue() -> None:
    overview = tables(parse(boards_markdown("Shop", boards(), columns({}), TODAY)))[0]
    assert overview[0] == ["Department", "To do", "Doing", "Blocked", "Done", "Overdue", "Due today"]
    assert overview[1] == ["Design", "2", "0", "1", "1", "1", "1"]
    assert overview[2] == ["H&R <team>", "0", "0", "0", "0", "0", "0"]
    assert overview[3] == ["Total", "2", "0", "1", "1", "1", "1"]
    tokens = parse(boards_markdown("Shop", boards(), columns({}), TODAY))
    design_row = []
    for i, token in enumerate(tokens):
        if token.type == "inline" and token.content == "Design":
            design_row = [t for t in tokens[i : i + 30] if t.type == "inline"][:7]
            break
    bold = [any(child.type == "strong_open" for child in cell.children) for cell in design_row]
    assert bold == [False, False, False, True, False, True, False]  # blocked and overdue stand out


def test_cards_with_owner_due_priority_and_blocked_reason_survive_escaping() -> None:
    all_tables = tables(parse(boards_markdown("Shop", boards(), columns({"launch-b": "B Shoot photos"}), TODAY)))
    todo, blocked, done = all_tables[1], all_tables[2], all_tables[3]
    assert todo[0] == ["Task", "Owner", "Due", "Priority", "Tags", "Checklist item", "Id"]
    assert todo[1] == [NASTY, "mei", "2026-03-01 (overdue)", "P1", "photos", "B Shoot photos", "t-1"]
    assert todo[2][2] == "2026-03-02 (today)"
    assert blocked[0][:3] == ["Task", "Reason", "Blocked since"]
    assert blocked[1][:4] == ["Shoot shirts", "waiting | for *samples*", "2026-02-25", "tao"]
    assert done[1][:3] == ["Logo", "", "2026-02-28"]


def test_nothing_in_user_text_becomes_markup() -> None:
    tokens = parse(boards_markdown("Shop", boards(), columns({}), TODAY))
    kinds = {child.type for token in tokens if token.type == "inline" for child in token.children}
    assert not kinds & {"link_open", "html_inline", "image"}  # the (escaped) title's link and HTML stay text
    assert sum(1 for t in tokens if t.type == "heading_open") == 7


def test_an_empty_department_says_so() -> None:
    text = boards_markdown("Shop", boards(), columns({}), TODAY)
    assert text.split("## H\\&R \\<team\\>")[1].strip() == "_No tasks._"


def test_a_chinese_interface_exports_chinese_headings_and_headers_with_the_same_figures() -> None:
    from opsboard import i18n

    english = tables(parse(boards_markdown("Shop", boards(), columns({"launch-b": "B Shoot photos"}), TODAY)))
    i18n.set_language("zh")
    markdown = boards_markdown("麻织旗舰店", boards(), columns({"launch-b": "B 拍摄商品图"}), TODAY)
    tokens = parse(markdown)
    assert headings(tokens) == [
        ("h1", "麻织旗舰店 — 部门看板"),
        ("h2", "Design"),
        ("h3", "待办 (2)"),
        ("h3", "进行中 (0)"),
        ("h3", "受阻 (1)"),
        ("h3", "已完成 (1)"),
        ("h2", "H&R <team>"),
    ]
    chinese = tables(tokens)
    assert chinese[0][0] == ["部门", "待办", "进行中", "受阻", "已完成", "已逾期", "今天到期"]
    assert chinese[0][3] == ["合计", "2", "0", "1", "1", "1", "1"]
    assert [row[1:] for row in chinese[0][1:]] == [row[1:] for row in english[0][1:]]  # the figures unchanged
    assert chinese[1][0] == ["任务", "负责人", "截止", "优先级", "标签", "清单事项", "编号"]
    assert chinese[1][1] == [NASTY, "mei", "2026-03-01（已逾期）", "P1", "photos", "B 拍摄商品图", "t-1"]
    assert chinese[2][0][:3] == ["任务", "原因", "受阻起始"]
    assert "截至 2026-03-02。" in markdown
