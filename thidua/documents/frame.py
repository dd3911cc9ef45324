"""The frame of every document thidua writes, defined once (Decree 30/2020/NĐ-CP, Art. 8.2
and Appendix I; LAW.md §6): the body above the issuer and the issuer in full, «Số: …/…»
with the unit's abbreviation, the national motto, the place and date line, the type and
summary, and at the foot «Nơi nhận» beside the signature block. A `Frame` holds the texts;
the Word, Excel and HTML writers (frame_docx.py, xlsx.py, documents/_frame_*.html) only lay
them out, so the same document reads the same in every format."""

import datetime
import re
from dataclasses import dataclass, field, replace

from django.utils import timezone

from thidua.documents.models import Capacity, Letterhead
from thidua.units.models import Unit

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ADMINISTRATIVE = {"province", "district", "commune"}
# Names of administrative units start with their type; the place line uses the bare name.
PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị xã ", "Huyện ")
# The type abbreviations of Appendix III (LAW.md §6.3); công văn has none. A list sent on
# its own (danh sách) has no type in Art. 7; «DS» is the abbreviation in use for it.
TYPE_CODES = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr", "HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT", "GIẤY ỦY QUYỀN": "GUQ", "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT", "GIẤY NGHỈ PHÉP": "GNP", "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB", "DANH SÁCH": "DS",
}  # fmt: skip
TYPE_NAMES = {code: name for name, code in TYPE_CODES.items()}
BLANK_NUMBER = "     "  # the number is given by the records office on release (Art. 15)


def place_name(unit) -> str:
    """The bare name of an administrative unit: «Đại Sơn» for «Xã Đại Sơn», but «Phường 1»
    stays whole (a number alone is no place)."""
    for prefix in PREFIXES:
        rest = unit.name[len(prefix) :]
        if unit.name.startswith(prefix) and not rest.strip().isdigit():
            return rest
    return unit.name


def in_text(name: str) -> str:
    """A unit's name inside a sentence: «Ủy ban nhân dân xã Đại Sơn», not «… Xã Đại Sơn»."""
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix) :]
    return name


def committee(unit) -> str:
    return f"Ủy ban nhân dân {in_text(unit.name)}"


def initials(name: str) -> str:
    """«Ban Thi đua – Khen thưởng» → «BTĐKT», «Sở Giáo dục và Đào tạo» → «SGDĐT»: the
    abbreviation of Appendix III's examples (377/TTr-BTĐKT, 424/SGDĐT-TĐKT)."""
    words = [w for w in re.split(r"[\s\-–—,]+", name) if w and w.lower() != "và"]
    return "".join(w if w.isupper() and len(w) > 1 else w[0].upper() for w in words)


@dataclass(frozen=True)
class Signature:
    """The block above the signature (Art. 13): «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH», «TM. ỦY BAN
    NHÂN DÂN / CHỦ TỊCH», «Q. CHỦ TỊCH» or the position alone; then the name."""

    capacity: str = ""
    body: str = ""  # the collective body of «TM.», without its place
    position: str = ""
    title: str = ""  # the deputy's own title, under «KT.»
    name: str = ""

    def lines(self) -> list[str]:
        position = self.position.upper()
        if self.capacity == Capacity.COLLECTIVE and self.title:  # a deputy for the chairman
            return [f"TM. {self.body.upper()}", f"KT. {position}", self.title.upper()]
        if self.capacity == Capacity.COLLECTIVE:
            return [f"TM. {self.body.upper()}", position]
        if self.capacity == Capacity.DEPUTY:
            return [f"KT. {position}", self.title.upper()] if self.title else [f"KT. {position}"]
        if self.capacity == Capacity.ACTING:
            return [f"Q. {position}"]
        return [position] if position else []


@dataclass(frozen=True)
class Frame:
    issuer: str
    kind: str  # the type line, upper case: «GIẤY MỜI»
    place: str
    day: datetime.date
    number: str = ""  # «12/QĐ-UBND»; empty: no number line
    parent_body: str = ""
    summary: str = ""
    recipients: tuple[str, ...] = ()
    signature: Signature = field(default_factory=Signature)

    @property
    def date_line(self) -> str:
        d = self.day  # days under 10 and months 1–2 padded: «ngày 05 tháng 02» (Appendix I)
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{self.place}, ngày {d.day:02d} tháng {month} năm {d.year}"

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else ""

    def recipient_lines(self) -> list[str]:
        """«- Như trên;» … «- Lưu: VT, VHXH.»: each line ends «;», the last «.»."""
        return [f"- {line};" for line in self.recipients[:-1]] + [f"- {self.recipients[-1]}."]


def lines_of(text: str) -> list[str]:
    """The lines of a typed list, without the «- » and «;» the document adds back."""
    return [line.strip(" -;.") for line in text.splitlines() if line.strip(" -;.")]


def letterhead_of(unit) -> Letterhead:
    """The unit's saved letterhead, or an empty one (every field then derived)."""
    try:
        return unit.letterhead
    except Letterhead.DoesNotExist:
        return Letterhead(unit=unit)


def derived(unit) -> dict[str, str]:
    """What the frame prints where the letterhead is empty: an administrative unit issues as
    its People's Committee, headed by its chairman; a body under one shows the Committee
    above its own name and dates from that place."""
    if unit.kind in ADMINISTRATIVE:
        # The People's Committee is a collective body: its chairman signs «TM.» (Art. 13).
        return {"issuer_name": committee(unit), "parent_body": "", "symbol": "UBND",
                "place": place_name(unit), "position": "Chủ tịch", "capacity": "TM."}  # fmt: skip
    parent = unit.parent if unit.parent_id else None
    above = settings_of(parent)["issuer_name"] if parent and parent.kind != "nation" else ""
    return {"issuer_name": unit.name, "parent_body": above, "symbol": initials(unit.name),
            "place": place_name(_seat(unit)), "position": "Thủ trưởng đơn vị"}  # fmt: skip


def _seat(unit):
    """The nearest administrative unit above a body: the place its documents are dated."""
    seats = Unit.objects.filter(pk__in=unit.ancestor_ids, kind__in=ADMINISTRATIVE)
    return seats.order_by("-depth").first() or unit


def settings_of(unit) -> dict[str, str]:
    """The letterhead's fields, each filled from `derived` where the unit left it empty."""
    letterhead, defaults = letterhead_of(unit), derived(unit)
    names = ["parent_body", "issuer_name", "symbol", "place", "capacity", "position",
             "signer_title", "signer_name", "drafting_unit"]  # fmt: skip
    values = {name: getattr(letterhead, name) or defaults.get(name, "") for name in names}
    if not letterhead._state.adding:  # a saved capacity is a choice, "" included (own name)
        values["capacity"] = letterhead.capacity
    values["recipients"] = lines_of(letterhead.recipients)
    return values


def _is_archive(line: str) -> bool:
    return line.casefold().startswith("lưu")


def _body(issuer: str) -> str:
    """The collective body of «TM.»: «Ủy ban nhân dân» of «Ủy ban nhân dân xã Đại Sơn»."""
    return "Ủy ban nhân dân" if issuer.startswith("Ủy ban nhân dân") else issuer


def frame_for(unit, *, kind: str, summary: str = "", day=None, number: str | None = None,
              recipients=(), signature: Signature | None = None,
              body: str = "") -> Frame:  # fmt: skip
    """The frame of a document of type `kind` («GIẤY MỜI») issued by `unit` today (or on
    `day`). `number` is the full «12/QĐ-UBND»; left None, the line reads «Số:      /GM-UBND»
    for the records office to number (no line for a form without a type, such as a
    subject's achievement report). `recipients` come first in «Nơi nhận», then the
    unit's standing ones, then «Lưu: VT». A `body` of the unit («Hội đồng Thi đua – Khen
    thưởng») issues in its own name, under the unit's."""
    s = settings_of(unit)
    if body:
        s |= {"parent_body": s["issuer_name"], "issuer_name": body, "symbol": initials(body)}
    if number is None:
        code = TYPE_CODES.get(kind)
        number = f"{BLANK_NUMBER}/{code}-{s['symbol']}" if code else ""
    archived = [line for line in [*recipients, *s["recipients"]] if _is_archive(line)]
    own = [line for line in [*recipients, *s["recipients"]] if not _is_archive(line)]
    # One archive line, last: the document's own, else the unit's, else «Lưu: VT, <unit>».
    archive = archived[:1] or [", ".join(filter(None, ["Lưu: VT", s["drafting_unit"]]))]
    if signature is not None and not signature.body:
        signature = replace(signature, body=_body(s["issuer_name"]))
    sign = signature or Signature(
        capacity=s["capacity"], body=_body(s["issuer_name"]), position=s["position"],
        title=s["signer_title"], name=s["signer_name"],
    )  # fmt: skip
    return Frame(
        issuer=s["issuer_name"], parent_body=s["parent_body"], kind=kind, summary=summary,
        place=s["place"], day=day or timezone.localdate(), number=number, signature=sign,
        recipients=tuple(dict.fromkeys([*own, *archive])),
    )  # fmt: skip


def header_runs(groups: list[str]) -> list[tuple[str, int, int]]:
    """Consecutive columns under one group header, as (group, first column, count); a column
    without a group is a run of its own with group "". «Năm sinh» above «Nam» and «Nữ» is
    the run ("Năm sinh", 2, 2)."""
    runs: list[tuple[str, int, int]] = []
    for index, group in enumerate(groups):
        if group and runs and runs[-1][0] == group:
            runs[-1] = (group, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((group, index, 1))
    return runs


def split_title(title: str) -> tuple[str, str]:
    """(type line, summary) of a report's title: «Danh sách điển hình tiên tiến» is a
    «DANH SÁCH» of «Điển hình tiên tiến»; a title naming no type is a «BÁO CÁO»."""
    for kind in TYPE_CODES:
        if title.upper().startswith(kind + " "):
            rest = title[len(kind) + 1 :].strip()
            return kind, rest[:1].upper() + rest[1:]
    return "BÁO CÁO", title


def file_name(*parts: str, extension: str) -> str:
    """A download's name in full Vietnamese: «Danh sách điển hình tiên tiến - Xã Đại Sơn
    - 02-12-2026.docx», without the characters Windows forbids in a file name."""
    text = " - ".join(part for part in parts if part)
    text = re.sub(r"\s+", " ", re.sub(r'[\\/:*?"<>|\x00-\x1f]', "-", text)).strip(" .")
    return f"{text[:150].rstrip(' .-')}.{extension}"


def header_cells(headers: list[str], groups: list[str]) -> list[list[tuple[str, int, int]]]:
    """The header rows of an HTML table as (text, colspan, rowspan) per cell: one row, or
    two when a group spans columns."""
    runs = header_runs(groups)
    if not any(groups):
        return [[(header, 1, 1) for header in headers]]
    top = [(group, count, 1) if group else (headers[first], 1, 2) for group, first, count in runs]
    bottom = [(headers[i], 1, 1) for group, first, count in runs if group
              for i in range(first, first + count)]  # fmt: skip
    return [top, bottom]
