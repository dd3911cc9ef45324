"""The figures of a plan, read from its folded text: deadlines («trước ngày 15/8/2025»,
«chậm nhất ngày …», «trong quý II/2025», «trong quý 1 năm 2015», «vào tháng 3/2020», «vào
lúc 8h30 ngày 9-6-2022», «từ tháng 5/2020 đến tháng 6/2020»), delegate caps («tối đa 150
đại biểu», «không quá 300 đại biểu»), plenary thresholds («dưới 200 lao động … toàn thể»),
the exemplary share («khoảng 70%») and exemplar quotas («ít nhất 03 điển hình … hằng quý»,
«hàng năm … từ 01 điển hình»).

What is not a deadline, by the annotation conventions of the sample sets: a bare year, an
anniversary («10/10/1954 - 10/10/2024»), a start date, a period, a publication date.
"""

import calendar
import datetime
import re

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# «15/8/2025», «9-6-2022», and the formal «15 tháng 8 năm 2025».
_DAY = r"(\d{1,2})(?:\s?[/-]\s?|\sthang\s)(\d{1,2})(?:\s?[/-]\s?|\snam\s)(\d{4})"
_MONTH = r"(\d{1,2})(?:\s?/\s?|\snam\s)(\d{4})"
# What a day «vào ngày …» is the day of: an event the plan organises.
EVENT = re.compile(r"\b(?:to chuc|dien ra|khai mac|hop|trao|ton vinh|bieu duong|tuyen duong)\b")


def iso(year: int, month: int, day: int | None = None) -> str | None:
    """The ISO date, the month's last day without `day`; None for a date that is none."""
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    last = calendar.monthrange(year, month)[1]
    day = last if day is None else day
    return datetime.date(year, month, day).isoformat() if 1 <= day <= last else None


def _roman(token: str) -> int | None:
    if token in {"2", "3", "4"}:
        return int(token)
    return _ROMAN.get(token.lower().replace("1", "i").replace("l", "i"))


def find_deadlines(text: str) -> list[str]:
    """The deadlines of a folded text, as ISO dates, sorted."""
    dates = set()
    # "trước ngày" (OCR "trudc", "trude"), "chậm nhất ngày" (OCR "chdm nhdt"), "hạn chót"
    by = r"(?:\btr[a-z]{2,4}\s|ch[a-z]m nh[a-z]t\s|han chot\s)(?:la\s)?ngay\s"
    for day, month, year in re.findall(rf"{by}{_DAY}", text):
        dates.add(iso(int(year), int(month), int(day)))
    dates |= _event_days(text)
    quarter = r"\btrong quy\s([ivl1]{1,3}|iv|1v|[1-4])\s?(?:/|\snam\s)\s?(\d{4})"
    for token, year in re.findall(quarter, text):
        number = _roman(token)
        if number:
            dates.add(iso(int(year), number * 3))
    for month, year in re.findall(rf"\b(?:trong|vao)\sthang\s{_MONTH}", text):
        dates.add(iso(int(year), int(month)))
    span = r"\bt[a-z]{0,2}\sthang\s\d{1,2}\s?/\s?\d{4}\s(?:den|toi)\s"  # "từ tháng … đến"
    for month, year in re.findall(rf"{span}thang\s(\d{{1,2}})\s?/\s?(\d{{4}})", text):
        dates.add(iso(int(year), int(month)))
    return sorted(d for d in dates if d)


def _event_days(text: str) -> set[str]:
    """The day of an event the sentence organises: «vào (lúc 8h30) ngày 9-6-2022 … sẽ tổ
    chức»; a day in history («thành công vào ngày 19/8/1945») has no such verb."""
    days = set()
    for match in re.finditer(rf"\bvao\s(?:luc\s[\dh:]+\s)?ngay\s{_DAY}", text):
        start = max(text.rfind(". ", 0, match.start()), 0)
        stop = text.find(". ", match.end())
        if EVENT.search(text, start, stop if stop > 0 else len(text)):
            days.add(iso(int(match[3]), int(match[2]), int(match[1])))
    return days


def find_caps(text: str) -> list[int]:
    """Delegate caps: «tối đa», «không quá» and their OCR forms («tbi da», «t4i da»,
    «khéng qua») before a number of delegates, «1.200» with its thousands dot."""
    most = r"(?:\bt[a-z][il]\sda|\bkh[a-z]{1,2}ng\squa)"
    caps = re.findall(rf"{most}\s(?:{most}\s)?(\d{{1,2}}\.\d{{3}}|\d{{2,4}})\sdai\sbi", text)
    return sorted({int(cap.replace(".", "")) for cap in caps})


def find_plenary(text: str) -> list[int]:
    """«dưới 300 cán bộ … thì tổ chức hội nghị toàn thể»: units below the number meet whole."""
    found = set()
    for match in re.finditer(r"\bdu[a-z]{0,2}i\s(\d{2,4})\s(?:nguoi|lao|can|cong)", text):
        if "toan th" in text[match.end() : match.end() + 120]:
            found.add(int(match[1]))
    return sorted(found)


def find_share(text: str) -> int | None:
    """The exemplary delegates' share: «đại biểu điển hình tiên tiến (chiếm tỷ lệ) khoảng 70%»."""
    match = re.search(
        r"dai bi[a-z]{0,3}\sdien hinh tien tien\s(?:[a-z]+\s){0,4}?(\d{1,3})\s?%", text
    )
    return int(match[1]) if match else None


CADENCES = [("hang quy", "quarter"), ("6 thang", "half_year"), ("sau thang", "half_year"),
            ("hang thang", "month"), ("moi thang", "month"), ("hang nam", "year"),
            ("moi nam", "year")]  # fmt: skip


def find_quotas(text: str) -> list[dict]:
    """A minimum number of exemplars with its cadence before it in the sentence; «từ 01»
    («from one») is a minimum too. A one-off request («mỗi đơn vị đề xuất 01 – 02») has no
    cadence and is no quota."""
    quotas = []
    for match in re.finditer(
        r"(?:it nhat|toi thieu|\bt[uw])\s0?(\d{1,2})\s(?:dien hinh|guong|mo hinh)", text
    ):
        before = text[max(0, match.start() - 200) : match.start()]
        before = re.split(r"[.!?]\s", before)[-1]
        hits = [(before.rfind(words), every) for words, every in CADENCES if words in before]
        if hits:
            quota = {"min": int(match[1]), "every": max(hits)[1]}
            if quota not in quotas:
                quotas.append(quota)
    return quotas
