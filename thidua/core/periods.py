"""Reporting periods of clusters and blocks: months, quarters, half-years, years.

A period has a key ("2025-Q1", "2025-H2", "2025-M03", "2025-Y") and a Vietnamese label
("Quý I/2025", "6 tháng cuối năm 2025", "Tháng 3/2025", "Năm 2025").
"""

import calendar
import datetime
import re
from dataclasses import dataclass

LENGTH_IN_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
_CODE = {"month": "M", "quarter": "Q", "half_year": "H", "year": "Y"}
_CADENCE = {code: cadence for cadence, code in _CODE.items()}
_KEY = re.compile(r"^(\d{4})-(?:([MQH])(\d{1,2})|Y)$")
ROMAN = ["I", "II", "III", "IV"]


@dataclass(frozen=True, order=True)
class Period:
    year: int
    cadence: str
    index: int  # 1-based: month 1–12, quarter 1–4, half 1–2, year 1

    @property
    def start(self) -> datetime.date:
        month = (self.index - 1) * LENGTH_IN_MONTHS[self.cadence] + 1
        return datetime.date(self.year, month, 1)

    @property
    def end(self) -> datetime.date:
        month = self.index * LENGTH_IN_MONTHS[self.cadence]
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def key(self) -> str:
        if self.cadence == "year":
            return f"{self.year}-Y"
        width = 2 if self.cadence == "month" else 1
        return f"{self.year}-{_CODE[self.cadence]}{self.index:0{width}d}"

    @property
    def label(self) -> str:
        if self.cadence == "month":
            return f"Tháng {self.index}/{self.year}"
        if self.cadence == "quarter":
            return f"Quý {ROMAN[self.index - 1]}/{self.year}"
        if self.cadence == "half_year":
            half = "đầu" if self.index == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        return f"Năm {self.year}"

    def previous(self) -> "Period":
        return period_containing(self.cadence, self.start - datetime.timedelta(days=1))

    def __str__(self) -> str:
        return self.label


def period_containing(cadence: str, day: datetime.date) -> Period:
    """The period of `cadence` that contains `day`."""
    index = (day.month - 1) // LENGTH_IN_MONTHS[cadence] + 1
    return Period(year=day.year, cadence=cadence, index=index)


def parse_period(key: str) -> Period | None:
    """The period named by `key`, or None for anything malformed or out of range."""
    match = _KEY.match(key or "")
    if not match:
        return None
    year = int(match.group(1))
    if not 1900 <= year <= 2100:
        return None
    if match.group(2) is None:
        return Period(year=year, cadence="year", index=1)
    cadence, index = _CADENCE[match.group(2)], int(match.group(3))
    if not 1 <= index <= 12 // LENGTH_IN_MONTHS[cadence]:
        return None
    return Period(year=year, cadence=cadence, index=index)
