"""The stand-up's Markdown: the chat agenda and a stand-up's record, parsed
with markdown-it-py (a list per department under its heading; user text
escaped so it cannot open a link, a heading or emphasis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from markdown_it import MarkdownIt

from opsboard.export.standup import DepartmentAgenda, agenda_markdown, record_markdown
from opsboard.model import DepartmentNotes, StandupRecord, Task, TaskStatus
from opsboard.model.standup_words import blocked_for, clock_text, day_words, since_words

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 6, 15, 9, 30, tzinfo=CST)
TODAY = NOW.date()


def task(title: str, status: TaskStatus = TaskStatus.TODO, **fields) -> Task:
    return Task(id=f"t-{abs(hash(title)) % 10**8}", department="x", title=title, status=status, **fields)


def parsed(markdown: str) -> dict[str, list[str]]:
    """Each heading's text → the plain text of the list items under it.
    Inline text comes back unescaped: what a reader of the chat sees."""
    result: dict[str, list[str]] = {}
    current = None
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    in_heading = in_item = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "list_item_open":
            in_item = True
        elif token.type == "list_item_close":
            in_item = False
        elif token.type == "inline":
            text = "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))
            if in_heading:
                current = text
                result[current] = []
            elif in_item and current is not None:
                result[current].append(text)
    return result


def links_and_html(markdown: str) -> list[str]:
    found = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type in ("link_open", "html_inline", "image", "em_open"):
                found.append(child.type)
        if token.type in ("html_block",):
            found.append(token.type)
    return found


MARKETING = DepartmentAgenda(
    id="marketing",
    name="Marketing",
    blocked=[
        task(
            "Book 618 ad slots",
            TaskStatus.BLOCKED,
            owner="lin",
            blocked_reason="budget not approved",
            blocked_since=datetime(2026, 6, 12, 10, 0, tzinfo=CST),
        )
    ],
    doing=[task("Keyword bids review", TaskStatus.DOING, owner="lin", due=TODAY)],
    lever="UV 8% under plan this month",
)
DESIGN = DepartmentAgenda(
    id="design",
    name="Design",
    overdue=[task("Retouch hero images", TaskStatus.DOING, owner="chen", due=date(2026, 6, 10))],
    due_today=[task("Shoot detail photos", owner="chen", due=TODAY)],
    due_this_week=[task("Size chart", due=date(2026, 6, 18))],
    done=[task("Home page banner", TaskStatus.DONE, owner="chen", done_at=datetime(2026, 6, 12, 16, tzinfo=CST))],
)
HR = DepartmentAgenda(id="hr", name="HR", due_this_week=[task("Interviews", due=date(2026, 6, 17))])


def test_agenda_groups_by_department_with_flags() -> None:
    text = agenda_markdown("Linen & Loom", TODAY, NOW, "since Fri 12 Jun 2026 (no earlier stand-up recorded)", [DESIGN, MARKETING, HR])
    sections = parsed(text)
    assert list(sections) == ["Stand-up agenda · Linen & Loom · Mon 15 Jun 2026", "Design", "Marketing"]
    assert sections["Design"] == [
        "Overdue: Retouch hero images (chen) — due 2026-06-10, 5 days late",
        "Due today: Shoot detail photos (chen)",
        "Done: Home page banner (chen)",
    ]
    assert sections["Marketing"] == [
        "Blocked: Book 618 ad slots (lin) — budget not approved · blocked 2 days",
        "Doing: Keyword bids review (lin) — due today",
    ]
    assert "Target: UV 8% under plan this month" in text
    assert text.endswith("Nothing to report: HR.\n")  # due later this week: not for the chat
    assert "**Blocked:**" in text and "**Overdue:**" in text  # flagged in bold


def test_agenda_is_short_a_long_group_is_counted() -> None:
    many = DepartmentAgenda(id="cs", name="Customer Service", doing=[task(f"Ticket {n}", TaskStatus.DOING) for n in range(12)])
    sections = parsed(agenda_markdown("Shop", TODAY, NOW, "since x", [many], limit=5))
    assert sections["Customer Service"] == [*(f"Doing: Ticket {n}" for n in range(5)), "… and 7 more in progress"]


def test_user_text_cannot_break_the_markdown() -> None:
    hostile = DepartmentAgenda(
        id="design",
        name="Design # [x](http://e.vil)",
        blocked=[
            task(
                "*Hero* <b>images</b> | [link](http://e.vil)",
                TaskStatus.BLOCKED,
                owner="_chen_",
                blocked_reason="`code` & ## heading\nnew line",
                blocked_since=NOW,
            )
        ],
    )
    text = agenda_markdown("Shop [x]", TODAY, NOW, "since x", [hostile])
    assert links_and_html(text) == []
    sections = parsed(text)
    assert sections["Design # [x](http://e.vil)"] == [
        "Blocked: *Hero* <b>images</b> | [link](http://e.vil) (_chen_) — `code` & ## heading new line · blocked just now"
    ]


def test_a_blocked_task_past_due_says_both() -> None:
    late = task(
        "Late and stuck",
        TaskStatus.BLOCKED,
        blocked_reason="no budget",
        blocked_since=datetime(2026, 6, 15, 4, tzinfo=CST),
        due=date(2026, 6, 14),
    )
    sections = parsed(agenda_markdown("Shop", TODAY, NOW, "since x", [DepartmentAgenda(id="d", name="D", blocked=[late])]))
    assert sections["D"] == ["Blocked: Late and stuck — no budget · blocked 5 h · overdue since 2026-06-14"]


def test_record_with_notes_decisions_and_time() -> None:
    record = StandupRecord(
        id="su-2026-06-15",
        started_at=NOW,
        finished_at=NOW + timedelta(minutes=12, seconds=10),
        run_by="lin",
        departments=[
            DepartmentNotes(id="marketing", notes=["Finance answers *today*"], decisions=["Move the ask to Friday"], seconds=130),
            DepartmentNotes(id="design", notes=["Hero images by Wednesday"], seconds=65),
            DepartmentNotes(id="hr", seconds=20),  # time only: nothing to show
        ],
        decisions=["Demo on Monday"],
    )
    names = {"design": "Design", "marketing": "Marketing", "hr": "HR"}
    text = record_markdown("Linen & Loom", record, names, now=NOW + timedelta(days=1))
    sections = parsed(text)
    assert list(sections) == ["Stand-up · Linen & Loom · Mon 15 Jun 2026", "Design (1:05)", "Marketing (2:10)", "Team decisions"]
    assert sections["Design (1:05)"] == ["Note: Hero images by Wednesday"]
    assert sections["Marketing (2:10)"] == ["Decision: Move the ask to Friday", "Note: Finance answers *today*"]
    assert sections["Team decisions"] == ["Demo on Monday"]
    assert "Run by lin · 09:30–09:42 · 12 min." in text


def test_record_of_today_with_the_boards() -> None:
    record = StandupRecord(id="su", started_at=NOW, run_by="lin", departments=[DepartmentNotes(id="marketing", notes=["Ask finance"])])
    text = record_markdown(
        "Shop", record, {"design": "Design", "marketing": "Marketing"}, now=NOW, since="since x", agendas=[DESIGN, MARKETING, HR]
    )
    sections = parsed(text)
    assert list(sections)[1:] == ["Design", "Marketing"]
    assert sections["Marketing"][0] == "Note: Ask finance"
    assert sections["Marketing"][1].startswith("Blocked: Book 618 ad slots")
    assert "started 09:30 · in progress · done counts since x." in text


def test_words_for_times() -> None:
    assert day_words(date(2026, 6, 15)) == "Mon 15 Jun 2026"
    assert since_words(datetime(2026, 6, 12, 17, 5, tzinfo=CST), True) == "since the stand-up of Fri 12 Jun 2026, 17:05"
    assert blocked_for(None, NOW) == ""
    assert blocked_for(NOW - timedelta(days=1, hours=2), NOW) == "1 day"
    assert blocked_for(NOW - timedelta(hours=23, minutes=59), NOW) == "23 h"
    assert blocked_for(NOW - timedelta(minutes=59), NOW) == "59 min"
    assert blocked_for(NOW + timedelta(minutes=5), NOW) == "just now"  # a teammate's clock ahead of ours
    assert (clock_text(0), clock_text(125.9), clock_text(3725)) == ("0:00", "2:05", "1:02:05")


def test_the_agenda_and_the_record_in_chinese() -> None:
    from opsboard import i18n

    i18n.set_language("zh")
    text = agenda_markdown("店铺", TODAY, NOW, "自 6月12日 周五 起（之前没有站会记录）", [DESIGN, MARKETING, HR])
    sections = parsed(text)
    assert list(sections) == ["站会议程 · 店铺 · 6月15日 周一", "Design", "Marketing"]
    assert sections["Design"] == [
        "逾期： Retouch hero images（chen） — 2026-06-10 到期，已晚 5 天",
        "今天到期：Shoot detail photos（chen）",
        "已完成：Home page banner（chen）",
    ]
    assert sections["Marketing"] == [
        "受阻： Book 618 ad slots（lin） — budget not approved · 已受阻 2 天",
        "进行中：Keyword bids review（lin） — 今天到期",
    ]
    assert "目标：UV 8% under plan this month" in text and text.endswith("无事可报：HR。\n")
    many = DepartmentAgenda(id="cs", name="客服部", doing=[task(f"工单 {n}", TaskStatus.DOING) for n in range(7)])
    assert parsed(agenda_markdown("店铺", TODAY, NOW, "x", [many], limit=5))["客服部"][-1] == "…… 另有 2 项进行中"
    notes = DepartmentNotes(id="design", notes=["Hero images by Wednesday"], decisions=["Ship the banner"])
    record = StandupRecord(id="s-1", started_at=NOW, run_by="lin", departments=[notes], decisions=["周五演示改到周一"])
    text = record_markdown("店铺", record, {"design": "设计部"}, now=NOW)
    sections = parsed(text)
    assert list(sections) == ["站会 · 店铺 · 6月15日 周一", "设计部", "团队决定"]
    assert sections["设计部"] == ["决定： Ship the banner", "备注：Hero images by Wednesday"]
    assert "主持：lin · 09:30 开始 · 进行中。" in text
    assert not any(word in text for word in ("Stand-up", "Run by", "Decision", "Note:", "Team decisions", "started"))
