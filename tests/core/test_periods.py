import datetime

import pytest

from thidua.core.periods import Period, parse_period, period_containing

D = datetime.date


@pytest.mark.parametrize(
    ("cadence", "day", "key", "label", "start", "end"),
    [
        ("quarter", D(2025, 2, 14), "2025-Q1", "Quý I/2025", D(2025, 1, 1), D(2025, 3, 31)),
        ("quarter", D(2025, 12, 31), "2025-Q4", "Quý IV/2025", D(2025, 10, 1), D(2025, 12, 31)),
        (
            "half_year",
            D(2025, 6, 30),
            "2025-H1",
            "6 tháng đầu năm 2025",
            D(2025, 1, 1),
            D(2025, 6, 30),
        ),
        (
            "half_year",
            D(2025, 7, 1),
            "2025-H2",
            "6 tháng cuối năm 2025",
            D(2025, 7, 1),
            D(2025, 12, 31),
        ),
        ("month", D(2024, 2, 10), "2024-M02", "Tháng 2/2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("year", D(2025, 5, 5), "2025-Y", "Năm 2025", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_periods_have_keys_labels_and_bounds(cadence, day, key, label, start, end):
    period = period_containing(cadence, day)

    assert (period.key, period.label, period.start, period.end) == (key, label, start, end)
    assert parse_period(key) == period


def test_previous_period_crosses_the_year():
    assert Period(2025, "quarter", 1).previous() == Period(2024, "quarter", 4)
    assert Period(2025, "half_year", 1).previous() == Period(2024, "half_year", 2)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "2025",
        "2025-Q5",
        "2025-H3",
        "2025-M13",
        "2025-Q0",
        "x-Q1",
        "99999-Q1",
        "2025-Q1; drop",
        "0000-Y",
        "9999-Y",
        "1899-Q1",
    ],
)
def test_malformed_keys_are_none(key):
    assert parse_period(key) is None
