"""The registry of back-office layouts, each recognised from its header row.

A layout is one small declaration: the header names of each figure (the
first one a file has wins), the figures whose columns identify the layout,
and the spend columns, every one of which the file has is summed into the
day's ad spend. Header names are compared as `header_key` folds them (case,
spaces, underscores, full-width characters, a unit in brackets: "支付金额(元)"
is 支付金额).

To add a layout: declare it below and add it to LAYOUTS (more specific
layouts first: on a tie the earlier one wins), then give it a fixture in
tests/fixtures/make_backoffice.py — tests/importers/test_layouts.py fails for
a layout without one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from opsboard.i18n import _, _l

# The figures a day holds (model/actuals.py) and what a mapping may name.
FIELDS = ("date", "channel", "pv", "uv", "orders", "buyers", "revenue", "refunds", "ad_spend")
COUNTS = ("pv", "uv", "orders", "buyers")
AMOUNTS = ("revenue", "refunds")


def header_key(cell: object) -> str:
    """'  Ad_Spend ', 'AD SPEND', '支付金额（元）' → 'adspend', 'adspend', '支付金额'."""
    text = unicodedata.normalize("NFKC", str(cell)).replace("\ufeff", "").strip().casefold()
    text = re.sub(r"\([^()]*\)$", "", text)
    return re.sub(r"[\s_\-]+", "", text)


@dataclass(frozen=True)
class Layout:
    key: str
    name: str  # as the preview and messages show it
    columns: Mapping[str, tuple[str, ...]]  # figure → header names, folded by header_key
    required: tuple[str, ...]  # the figures whose columns identify the layout
    spend: tuple[str, ...] = ()  # spend columns: those the file has are summed
    source: str = ""  # a spend-only report: only ad spend is kept, under this source
    note: object = ""  # what the preview warns about this layout (a lazy translation)
    by_hand: bool = field(default=False, compare=False)  # made from --map


def _keys(*names: str) -> tuple[str, ...]:
    return tuple(header_key(name) for name in names)


def _layout(key, name, columns, required, spend=(), source="", note="") -> Layout:
    return Layout(key, name, {f: _keys(*names) for f, names in columns.items()}, required, _keys(*spend), source, note)


SYCM = _layout(
    "sycm",
    "生意参谋 店铺概况 (Tmall/Taobao)",
    {
        "date": ("统计日期", "日期"),
        "channel": ("店铺名称", "店铺"),
        "pv": ("浏览量",),
        "uv": ("访客数",),
        "buyers": ("支付买家数",),
        "orders": ("支付父订单数", "支付订单数", "支付子订单数"),
        "revenue": ("支付金额",),
        "refunds": ("成功退款金额", "退款金额"),
    },
    required=("date", "uv", "buyers", "revenue"),
    spend=("关键词推广花费", "精准人群推广花费", "智能场景花费", "全站推广花费", "直通车消耗", "钻石展位消耗", "淘宝客佣金"),
)
JD = _layout(
    "jd",
    "京东商智 经营概况",
    {
        "date": ("日期", "时间", "统计日期"),
        "channel": ("店铺名称", "店铺"),
        "pv": ("浏览量",),
        "uv": ("访客数",),
        "buyers": ("成交客户数",),
        "orders": ("成交单量",),
        "revenue": ("成交金额",),
        "refunds": ("退款金额",),
    },
    required=("date", "buyers", "orders", "revenue"),
)
PDD = _layout(
    "pdd",
    "拼多多 数据中心",
    {
        "date": ("日期", "统计日期", "时间"),
        "channel": ("店铺名称", "店铺"),
        "pv": ("店铺浏览量",),
        "uv": ("店铺访客数",),
        "buyers": ("成交买家数",),
        "orders": ("成交订单数",),
        "revenue": ("成交金额",),
        "refunds": ("成功退款金额", "退款金额"),
    },
    required=("date", "uv", "orders", "revenue"),
)
DOUDIAN = _layout(
    "doudian",
    "抖店 / 抖音电商罗盘 经营数据",
    {
        "date": ("日期", "时间", "统计日期"),
        "channel": ("店铺名称", "店铺"),
        "buyers": ("成交人数",),
        "orders": ("成交订单数",),
        "revenue": ("成交金额",),
        "refunds": ("退款金额", "成功退款金额"),
    },
    required=("date", "buyers", "orders", "revenue"),
    note=_l("no shop PV/UV in this layout: traffic stays unknown (商品曝光/点击人数 are not shop visitors)"),
)
QIANCHUAN = _layout(
    "qianchuan",
    _l("巨量千川 账户报表 (ad spend only)"),
    {"date": ("日期", "时间", "统计日期"), "channel": ("店铺名称", "店铺", "渠道")},
    required=("date",),
    spend=("整体消耗", "消耗"),
    source="巨量千川",
    note=_l("a spend-only report: its spend is added to the channel's days; other figures are left as they are"),
)
OPSBOARD = _layout(
    "opsboard",
    "opsboard (date, channel, pv, uv, orders, revenue, ad_spend)",
    {
        "date": ("date", "统计日期", "日期"),
        "channel": ("channel", "渠道", "店铺", "渠道/店铺", "店铺名称"),
        "pv": ("pv", "浏览量"),
        "uv": ("uv", "访客数"),
        "orders": ("orders", "支付订单数", "支付子订单数"),
        "buyers": ("buyers", "支付买家数"),
        "revenue": ("revenue", "支付金额"),
        "refunds": ("refunds", "退款金额"),
    },
    required=("date", "pv", "uv", "orders", "revenue"),
    spend=("ad_spend", "推广花费", "花费"),
)

LAYOUTS: tuple[Layout, ...] = (SYCM, JD, PDD, DOUDIAN, QIANCHUAN, OPSBOARD)


@dataclass(frozen=True)
class Match:
    layout: Layout
    columns: dict[str, int]  # figure → column index
    spend: tuple[int, ...]  # spend column indexes

    @property
    def score(self) -> int:
        return len(self.columns) + len(self.spend)


def match(layout: Layout, header: list[object]) -> Match | None:
    """The layout's columns in this header row, or None unless it has every
    required one (a spend-only layout needs a spend column too)."""
    keys = [header_key(cell) if cell is not None else "" for cell in header]
    columns = {}
    for name, aliases in layout.columns.items():
        for alias in aliases:
            if alias in keys:
                columns[name] = keys.index(alias)
                break
    spend = tuple(i for i, key in enumerate(keys) if key and key in layout.spend)
    if any(name not in columns for name in layout.required) or (layout.source and not spend):
        return None
    if layout.by_hand and len({keys[i] for i in spend}) < len(set(layout.spend)):
        return None  # a spend column named by hand that the file lacks
    return Match(layout, columns, spend)


def missing(layout: Layout, header: list[object]) -> list[str]:
    """The required figures this header lacks for the layout."""
    keys = {header_key(cell) for cell in header if cell is not None}
    return [name for name in layout.required if not any(alias in keys for alias in layout.columns.get(name, ()))]


def mapped_layout(mapping: Mapping[str, list[str]]) -> Layout:
    """A layout from `--map FIELD=COLUMN` pairs (ad_spend may be given more
    than once; its columns are summed). ValueError for an unknown field."""
    unknown = [name for name in mapping if name not in FIELDS]
    if unknown:
        raise ValueError(_("--map: unknown field {fields}; fields are {known}").format(fields=", ".join(unknown), known=", ".join(FIELDS)))
    if "date" not in mapping:
        raise ValueError(_("--map: the date column is needed (--map date=COLUMN)"))
    columns = {name: _keys(*names) for name, names in mapping.items() if name != "ad_spend"}
    required = tuple(columns)
    return Layout("mapped", _l("mapped by hand"), columns, required, _keys(*mapping.get("ad_spend", [])), by_hand=True)
