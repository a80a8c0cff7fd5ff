"""Reading daily metrics from back-office CSV exports: tolerant of their
headers, encodings and number formats, strict about the figures."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsboard.importers import ActualsImportError, parse_actuals_csv
from opsboard.model import DailyMetric

HEADER = "date,channel,pv,uv,orders,revenue,ad_spend\n"


def parse(text: str, encoding: str = "utf-8") -> list[DailyMetric]:
    return parse_actuals_csv(text.encode(encoding), "metrics.csv")


def failure(data: str | bytes) -> ActualsImportError:
    with pytest.raises(ActualsImportError) as caught:
        parse_actuals_csv(data.encode() if isinstance(data, str) else data, "metrics.csv")
    return caught.value


def test_reads_a_plain_file(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text(HEADER + "2025-03-01,Tmall,12000,3400,102,20400.50,1500\n2025-03-01,JD,800,300,9,1800,0\n")
    metrics = parse_actuals_csv(path.read_bytes())
    assert metrics == [
        DailyMetric(date=date(2025, 3, 1), channel="Tmall", pv=12000, uv=3400, orders=102, revenue=20400.5, ad_spend=1500),
        DailyMetric(date=date(2025, 3, 1), channel="JD", pv=800, uv=300, orders=9, revenue=1800, ad_spend=0),
    ]


def test_channel_and_ad_spend_are_optional():
    (metric,) = parse("date,pv,uv,orders,revenue\n2025-03-01,10,5,1,99.9\n")
    assert (metric.channel, metric.ad_spend, metric.revenue) == ("", None, 99.9)  # no spend column: unknown, not 0
    (metric,) = parse(HEADER + "2025-03-01,,10,5,1,99.9,\n")  # empty optional cells
    assert (metric.channel, metric.ad_spend) == ("", 0.0)


@pytest.mark.parametrize(
    "header",
    [
        "Date,Channel,PV,UV,Orders,Revenue,Ad Spend",
        "  date , CHANNEL,pv ,  uv,orders,revenue, ad_spend ",
        "DATE,channel,Pv,Uv,ORDERS,REVENUE,AD__SPEND",
        "date,channel,pv,uv,orders,revenue,Ad-Spend",
        "\ufeffdate,channel,pv,uv,orders,revenue,adspend",
        "date,channel,ｐｖ,ｕｖ,orders,revenue,ad spend",  # full-width letters
        "统计日期,渠道,浏览量,访客数,支付订单数,支付金额,推广花费",
        "日期,店铺,浏览量,访客数,支付子订单数,支付金额（元）,花费(元)",
    ],
)
def test_headers_match_tolerantly(header):
    (metric,) = parse(header + "\n2025-03-01,Tmall,10,5,1,99,3\n")
    assert (metric.pv, metric.uv, metric.orders, metric.revenue, metric.ad_spend, metric.channel) == (
        10,
        5,
        1,
        99,
        3,
        "Tmall",
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_chinese_back_office_export_in_any_encoding(encoding):
    # Title lines above the header and a totals row at the end, as the back office writes them.
    text = (
        "店铺名称：旗舰店\n"
        "统计时间,2025-03-01~2025-03-02\n"
        "\n"
        "统计日期,渠道,浏览量,访客数,支付订单数,支付金额(元),推广花费(元),支付转化率\n"
        '2025-03-01,天猫旗舰店,"1,234",567,12,"3,456.78",-,2.12%\n'
        "2025-03-02,天猫旗舰店,1000,500,10,2000,100,2.00%\n"
        "合计,,2234,1067,22,5456.78,100,\n"
    )
    metrics = parse(text, encoding)
    assert [(m.date, m.channel, m.pv, m.uv, m.orders, m.revenue, m.ad_spend) for m in metrics] == [
        (date(2025, 3, 1), "天猫旗舰店", 1234, 567, 12, 3456.78, 0.0),
        (date(2025, 3, 2), "天猫旗舰店", 1000, 500, 10, 2000.0, 100.0),
    ]


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_and_semicolon_separated(delimiter):
    text = delimiter.join(["date", "pv", "uv", "orders", "revenue"]) + "\n"
    text += delimiter.join(["2025-03-01", "1,234", "5", "1", "9.5"]) + "\n"
    (metric,) = parse(text)
    assert (metric.pv, metric.revenue) == (1234, 9.5)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("2025/03/01", date(2025, 3, 1)),
        ("20250301", date(2025, 3, 1)),
        ("2025/3/1", date(2025, 3, 1)),
        (" 2025-3-1 0:00 ", date(2025, 3, 1)),
        ("2025年3月1日", date(2025, 3, 1)),
    ],
)
def test_date_formats(cell, expected):
    (metric,) = parse(f"date,pv,uv,orders,revenue\n{cell},10,5,1,9\n")
    assert metric.date == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ('" 1,234 ","1,000",12.0,"¥1,234.50"', (1234, 1000, 12, 1234.5)),
        ("０１０,5,1,9", (10, 5, 1, 9.0)),  # full-width digits
        ("1000000000000000,5,1,1000000000000000", (10**15, 5, 1, 1e15)),  # the largest allowed
    ],
)
def test_number_formats(cells, expected):
    (metric,) = parse(f"date,pv,uv,orders,revenue\n2025-03-01,{cells}\n")
    assert (metric.pv, metric.uv, metric.orders, metric.revenue) == expected


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ("10%,5,1,9", "pv (10%) is a percentage; expected a count"),
        ("10,5,1,9%", "revenue (9%) is a percentage; expected an amount"),
        ("10,5,1.5,9", "orders (1.5) is not a whole number"),
        ("10,-5,1,9", "uv (-5) is negative"),
        ("10,5,1,abc", "revenue (abc) is not a number"),
        ("10,5,1,nan", "revenue (nan) is not a number"),
        ("10,5,1,1e5", "revenue (1e5) is not a number"),
        ("12,34,5,1,9", "uv (34) is more than pv (12)"),  # shifted cells are caught by the model's checks
        ("1000000000000001,5,1,9", "pv (1000000000000001) is too large"),
        ("10,5,1,2000000000000000.5", "revenue (2000000000000000.5) is too large"),
        ("9" * 400 + ",5,1,9", "is too large"),
    ],
)
def test_bad_numbers(cells, reason):
    error = failure(f"date,pv,uv,orders,revenue\n2025-03-01,{cells}\n")
    assert len(error.errors) == 1
    assert error.errors[0][0] == 2
    assert reason in error.errors[0][1]


def test_every_bad_row_is_reported_with_its_line():
    text = (
        HEADER  # line 1
        + "2025-03-01,Tmall,100,50,5,500,0\n"  # 2 fine
        + "2025-03-02,Tmall,100,120,5,500,0\n"  # 3 uv > pv
        + '2025-03-03,"Tmall\nflagship",100,50,5,500,0\n'  # 4-5: a quoted line break is fine
        + "2025-03-04,Tmall,100,50,60,500,0\n"  # 6 orders > uv
        + "2025-02-30,Tmall,100,50,5,500,0\n"  # 7 no such day
        + "\n"  # 8 blank: skipped
        + "2025-03-01,Tmall,100,50,5,500,0\n"  # 9 duplicate of line 2
        + "2025-03-01,JD,100,50,5,500,0\n"  # 10 fine: another channel
        + "March 5,Tmall,x,50,5,500,0\n"  # 11 two problems
    )
    error = failure(text)
    assert error.errors == [
        (3, "uv (120) is more than pv (100)"),
        (6, "orders (60) are more than uv (50)"),
        (7, "date (2025-02-30) is not a calendar day"),
        (9, "the same date and channel as line 2"),
        (11, "date (March 5) is not YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD; pv (x) is not a whole number"),
    ]
    assert str(error).startswith("metrics.csv: 5 bad rows, nothing imported:\n")
    assert "\nline 3: uv (120) is more than pv (100)\n" in str(error)
    assert str(error).endswith("line 11: " + error.errors[-1][1])
    assert isinstance(error, ValueError)


def test_many_bad_rows_are_all_kept_but_the_message_is_capped():
    rows = "".join(f"2025-03-01,c{i},1,2,0,0,0\n" for i in range(60))
    error = failure(HEADER + rows)
    assert len(error.errors) == 60
    assert [line for line, _ in error.errors] == list(range(2, 62))
    assert str(error).count("\nline ") == 50
    assert str(error).endswith("… and 10 more bad rows")


def test_missing_columns_are_named_with_the_columns_found():
    error = failure("date,visitors,orders,sales\n2025-03-01,1,1,1\n")
    assert error.errors == [(1, "missing columns: pv, uv, revenue")]
    assert str(error).startswith("metrics.csv: missing columns pv, uv, revenue (found: date, visitors, orders, sales).")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\n"])
def test_empty_file(data):
    error = failure(data)
    assert str(error) == "metrics.csv is empty: expected a header row and one row per day"


def test_header_without_rows():
    assert str(failure(HEADER + "\n\n")) == "metrics.csv has a header but no rows of figures"


@pytest.mark.parametrize("data", [b"\x00\x01\x02PK\x03\x04", b"date,pv\x00,uv\n", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_binary_file(data):
    assert "is not a CSV text file in UTF-8 or GBK/GB18030" in str(failure(data))


def test_broken_utf8_bom_file():
    assert "is not a CSV text file" in str(failure(b"\xef\xbb\xbfdate,pv\n\xff\xfe\xfa"))


def test_a_giant_cell_is_a_clear_error():
    error = failure('date,pv,uv,orders,revenue\n"2025-03-01' + "x" * 200_000 + "\n")
    assert error.errors == [(2, "field larger than field limit (131072)")]


@pytest.mark.parametrize("cell", ["", "-", "--"])
def test_no_figure_is_unknown_not_zero(cell):
    (metric,) = parse(f"date,pv,uv,orders,revenue\n2025-03-01,10,5,{cell},9\n")
    assert metric.orders is None


def test_a_row_without_any_figure_is_refused():
    error = failure("date,pv,uv,orders,revenue\n2025-03-01,-,-,-,-\n")
    assert error.errors == [(2, "no figures on this row")]


def test_control_characters_never_reach_the_terminal():
    (metric,) = parse("date,channel,pv,uv,orders,revenue\n2025-03-01,\x1b[31mred\x07,10,5,1,9\n")
    assert "\x1b" not in metric.channel and "\x07" not in metric.channel
    error = failure("date,pv,uv,orders,revenue\n2025-03-01,\x1b]0;pwned\x07,5,1,9\n")
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    error = failure("\x1b[2J,a\n1,2\n")
    assert "\x1b" not in str(error)


# --- fuzzing: the reader returns a valid list or raises ActualsImportError, nothing else ---


def outcome(data: bytes) -> list[DailyMetric] | ActualsImportError:
    try:
        metrics = parse_actuals_csv(data, "fuzz.csv")
    except ActualsImportError as error:
        assert error.errors, "an import error always says where"
        return error
    assert metrics and all(isinstance(m, DailyMetric) for m in metrics)
    return metrics


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes(data):
    outcome(data)
    outcome(HEADER.encode() + data)


cell = st.one_of(
    st.text(alphabet="0123456789,.-%/ ¥\"'\t\r\n;年月日eE", max_size=12),
    st.integers(-10, 10**17).map(str),
    st.sampled_from(["2025-03-01", "2025/3/1", "20250301", "合计", "-", ""]),
    st.text(max_size=8),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell, min_size=0, max_size=9), max_size=8))
def test_random_text_under_a_valid_header(rows):
    text = HEADER + "\n".join(",".join(row) for row in rows)
    for encoding in ("utf-8", "gb18030"):
        outcome(text.encode(encoding, errors="replace"))


@FUZZ
@given(st.sets(st.sampled_from(["date", "channel", "pv", "uv", "orders", "revenue", "ad_spend"]), min_size=1))
def test_any_set_of_columns(columns):
    order = [c for c in ["date", "channel", "pv", "uv", "orders", "revenue", "ad_spend"] if c in columns]
    values = dict(date="2025-03-01", channel="Tmall", pv="10", uv="5", orders="1", revenue="9", ad_spend="1")
    result = outcome((",".join(order) + "\n" + ",".join(values[c] for c in order) + "\n").encode())
    missing = [c for c in ["date", "pv", "uv", "orders", "revenue"] if c not in columns]
    if missing:
        assert isinstance(result, ActualsImportError)
        assert f"missing columns {', '.join(missing)}" in str(result)
    else:
        assert [(m.pv, m.uv, m.orders) for m in result] == [(10, 5, 1)]


@FUZZ
@given(st.integers(0, 10**20), st.floats(0, 1e20, allow_nan=False))
def test_huge_numbers(count, money):
    result = outcome(f"date,pv,uv,orders,revenue\n2025-03-01,{count},0,0,{money:.2f}\n".encode())
    if count > 1e15 or float(f"{money:.2f}") > 1e15:
        assert isinstance(result, ActualsImportError)
        assert "too large" in str(result)
    else:
        assert [(m.pv, m.revenue) for m in result] == [(count, float(f"{money:.2f}"))]


metric_rows = st.lists(
    st.tuples(
        st.dates(date(2000, 1, 1), date(2100, 12, 31)),
        st.sampled_from(["", "Tmall", "京东", "Douyin shop"]),
        st.integers(0, 10**9),
        st.floats(0, 1),
        st.floats(0, 1),
        st.integers(0, 10**11).map(lambda cents: cents / 100),
        st.integers(0, 10**9).map(lambda cents: cents / 100),
    ),
    min_size=1,
    max_size=20,
    unique_by=lambda row: (row[0], row[1]),
)


@FUZZ
@given(metric_rows, st.sampled_from(["utf-8", "utf-8-sig", "gbk"]), st.booleans(), st.booleans())
def test_round_trip(rows, encoding, chinese, separators):
    header = "统计日期,渠道,浏览量,访客数,支付订单数,支付金额,推广花费" if chinese else HEADER.strip()
    expected, lines = [], [header]
    for day, channel, pv, uv_share, order_share, revenue, spend in rows:
        uv = int(pv * uv_share)
        orders = int(uv * order_share)
        expected.append(DailyMetric(date=day, channel=channel, pv=pv, uv=uv, orders=orders, revenue=revenue, ad_spend=spend))
        if separators:
            numbers = [f"{pv:,}", f"{uv:,}", f"{orders:,}", f"{revenue:,.2f}", f"{spend:,.2f}"]
        else:
            numbers = [str(pv), str(uv), str(orders), f"{revenue:.2f}", f"{spend:.2f}"]
        lines.append(",".join([day.strftime("%Y/%m/%d"), channel, *(f'"{n}"' for n in numbers)]))
    assert outcome("\n".join(lines).encode(encoding)) == expected
