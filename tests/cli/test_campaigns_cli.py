"""`opsboard target campaign add|list|remove`, `target versions` and the
refusals of `target set`: exit 1, one line naming the option, the board
left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-12T10:00:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Shop", year=2026)
    assert main(["target", "set", str(path), "--annual", "12m", "--user", "ana"]) == 0
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_preset_is_added_at_the_platforms_dates(board: Path, capsys):
    code, out, _ = run(capsys, "target", "campaign", "add", str(board), "--preset", "双十一", "--platform", "jd", "--user", "ana")
    assert code == 0
    assert (
        out.strip()
        == "Added 双11 [JD]: +150% (Pre-sale 10-23–10-31×0.5, Main event 11-01–11-10×1, Main event 11-11–11-11×4, Encore 11-12–11-13×0.5); Marketing"
    )
    code, out, _ = run(capsys, "target", "campaign", "list", str(board))
    assert out.startswith("双11 [JD]: +150%")
    code, out, _ = run(capsys, "target", "versions", str(board))
    assert out.splitlines() == [
        "v1  2026-11-12 10:00  ana  12,000,000 CNY: plan created",
        "v2 (current)  2026-11-12 10:00  ana  12,000,000 CNY: campaign 双11 added; days before 2026-11-12 kept",
    ]
    exported = run(capsys, "export", str(board), "--view", "targets")[1]
    assert "| campaign 双11 added; days before 2026-11-12 kept |" in exported  # the export's versions table says the same
    assert run(capsys, "target", "campaign", "remove", str(board), "双11", "--user", "ana")[0] == 0
    assert run(capsys, "target", "campaign", "list", str(board))[1].startswith("No campaigns")
    last = run(capsys, "target", "versions", str(board))[1].splitlines()[-1]
    assert last == "v3 (current)  2026-11-12 10:00  ana  12,000,000 CNY: campaign 双11 removed; days before 2026-11-12 kept"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["target", "set", "--order-value", "0"],
            "opsboard: --order-value: must be more than 0: an order value of 0 cannot reach any target",
        ),
        (["target", "set", "--conversion", "0%"], "opsboard: --conversion: must be more than 0: a conversion of 0 cannot reach any target"),
        (["target", "set", "--budget", "-5"], "opsboard: --budget: must not be negative (got -5)"),
        (
            ["target", "set", "--campaign", "BF,2025-11-28,2025-11-30,50%"],
            "opsboard: --campaign: BF: 2025-11-28 – 2025-11-30 is not inside the plan year 2026",
        ),
        (
            ["target", "campaign", "add", "--preset", "双12", "--uplift", "500%"],
            "opsboard: --uplift: an uplift above 300% (双12 +500%): confirm to save it (add --yes)",
        ),
        (
            ["target", "campaign", "add", "--name", "X", "--phase", "正式:13-01:13-02"],
            "opsboard: --phase: '13-01' is not a date (YYYY-MM-DD or MM-DD)",
        ),
        (
            ["target", "campaign", "add", "--preset", "Black Friday"],
            "opsboard: --preset: 'Black Friday' is not a preset campaign (presets: 年货节, 38节, 618, 99划算节, 双11, 双12)",
        ),
        (
            ["target", "set", "--rebase"],
            "opsboard: --rebase: re-basing spreads the whole year again, changing the targets of the 315 days already elapsed: confirm to save it (add --yes)",
        ),
    ],
)
def test_refused_with_the_option_named_and_nothing_saved(board: Path, capsys, argv: list[str], message: str):
    before = board.read_bytes()
    words = 3 if argv[1] == "campaign" else 2  # the board comes after `target set` / `target campaign add`
    code, out, err = run(capsys, *argv[:words], str(board), *argv[words:])
    assert (code, out, err.strip()) == (1, "", message)
    assert board.read_bytes() == before


def test_confirmed_with_yes(board: Path, capsys):
    assert run(capsys, "target", "campaign", "add", str(board), "--preset", "双12", "--uplift", "500%", "--yes")[0] == 0
    assert run(capsys, "target", "set", str(board), "--rebase", "--yes")[0] == 0
    assert "re-based the whole year" in run(capsys, "target", "versions", str(board))[1]


def test_a_campaign_reads_in_chinese_on_a_chinese_interface(board: Path, capsys, monkeypatch: pytest.MonkeyPatch):
    """Issue 13: phases, platform and department in the interface language; the
    versions list words the stored change ids."""
    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    code, out, _ = run(capsys, "target", "campaign", "add", str(board), "--preset", "双11", "--platform", "京东", "--user", "ana")
    assert code == 0
    assert out.strip() == (
        "已添加 双11 [京东]：+150%（预售 10-23–10-31×0.5、正式 11-01–11-10×1、正式 11-11–11-11×4、返场 11-12–11-13×0.5）；Marketing"
    )
    versions = run(capsys, "target", "versions", str(board))[1].splitlines()
    assert versions[0].endswith("创建了计划") and versions[1].startswith("v2（当前）") and "：新增活动 双11；" in versions[1]


def test_a_campaign_is_edited_in_place_with_set(board: Path, capsys):
    """Issue 15 item 1: `target campaign set` changes only what is given; the
    phases given replace all its phases; the days already elapsed keep their targets."""
    assert run(capsys, "target", "campaign", "add", str(board), "--preset", "双12", "--user", "ana")[0] == 0
    code, out, err = run(
        capsys,
        *("target", "campaign", "set", str(board), "双十二", "--phase", "预热:12-01:12-10:0.5", "--phase", "正式:12-12:12-12:3"),
        *(
            "--uplift",
            "120%",
            "--budget",
            "30,000",
            "--department",
            "Design",
            "--platform",
            "douyin",
            "--rename",
            "年终大促",
            "--user",
            "ana",
        ),
    )
    assert (code, err) == (0, "")
    assert out.strip() == "Changed 年终大促 [Douyin]: +120% (Warm-up 12-01–12-10×0.5, Main event 12-12–12-12×3); Design, budget 30,000"
    assert run(capsys, "target", "campaign", "list", str(board))[1].strip() == out.strip().removeprefix("Changed ")
    versions = run(capsys, "target", "versions", str(board))[1].splitlines()
    assert versions[-1] == "v3 (current)  2026-11-12 10:00  ana  12,000,000 CNY: campaign 年终大促 changed; days before 2026-11-12 kept"
    code, out, _ = run(capsys, "target", "campaign", "set", str(board), "年终大促", "--uplift", "90%")
    assert out.strip() == "Changed 年终大促 [Douyin]: +90% (Warm-up 12-01–12-10×0.5, Main event 12-12–12-12×3); Design, budget 30,000"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["双12", "--uplift", "5%"], "opsboard: no campaign named 双12 (campaigns: 双11, 年货节)"),
        (["双11", "--uplift", "500%"], "opsboard: --uplift: an uplift above 300% (双11 +500%): confirm to save it (add --yes)"),
        (
            ["双11", "--phase", "正式:11-11"],
            "opsboard: --phase: '正式:11-11' is not KIND:START:END[:WEIGHT] (KIND: 预售/presale, 预热/warmup, 正式/main, 返场/return)",
        ),
        (
            ["双11", "--phase", "main:2027-11-11:2027-11-11"],
            "opsboard: --phase: 双11: 2027-11-11 – 2027-11-11 is not inside the plan year 2026",
        ),
        (["双11", "--budget", "-5"], "opsboard: --budget: must not be negative (got -5)"),
        (["双11", "--platform", "amazon"], "opsboard: --platform: 'amazon' is not a platform (platforms: tmall, jd, douyin, pinduoduo)"),
        (["双11", "--rename", "年货节"], "opsboard: --rename: the plan already has a campaign named 年货节"),
    ],
)
def test_a_bad_edit_is_one_line_and_the_file_unchanged(board: Path, capsys, args: list[str], message: str):
    assert run(capsys, "target", "campaign", "add", str(board), "--preset", "双11")[0] == 0
    assert run(capsys, "target", "campaign", "add", str(board), "--preset", "年货节")[0] == 0
    before = board.read_bytes()
    code, out, err = run(capsys, "target", "campaign", "set", str(board), *args)
    assert (code, out, err.strip()) == (1, "", message)
    assert board.read_bytes() == before
