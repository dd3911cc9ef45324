"""The dossier documents thidua can write from a held conference's data, in the frame of
the unit's documents (documents/frame.py), so the officer completes and signs them instead
of typing them: the brief-profile list of the delegates (all, or those sent up), the minutes
(biên bản: time, place, presidium, attendance, agenda, who was honoured and sent up) and the
summary report (báo cáo kết quả). A rule set names its documents in words
(`dossier_documents`); `generator_for` recognises these three by their words, whatever
else the name says, and leaves every other document (a signed tờ trình, the delegates' own
reports) to be uploaded."""

from collections.abc import Callable

from django.db.models import Count, Q

from thidua.conferences.enums import DelegateCategory, DelegateStatus
from thidua.conferences.printing import when
from thidua.conferences.reports import BRIEF_PROFILES
from thidua.conferences.selectors import delegate_list
from thidua.core.text import fold, thousands
from thidua.documents.frame import Signature, frame_for, settings_of
from thidua.documents.frame_docx import JUSTIFY, foot, head, new_document, para, saved
from thidua.documents.reports import Table, table_bytes

NAMES_LISTED = 300  # names written out in the minutes; a longer list is the brief profiles
TO_FILL = "(Cán bộ soạn thảo bổ sung.)"


def brief_profiles(conference, *, upper: bool) -> bytes:
    rows = delegate_list(conference)
    rows = rows.filter(to_upper=True) if upper else rows
    where = "dự hội nghị, đại hội cấp trên" if upper else f"dự {conference.name}"
    table = Table(report=BRIEF_PROFILES, rows=rows.iterator(chunk_size=500), size=0,
                  issuer=conference.unit, title=f"{BRIEF_PROFILES.title} {where}")  # fmt: skip
    return table_bytes(table, "docx")[0]


def figures(conference) -> dict:
    """The conference's counts in one query: invited, present (the officer's figure when
    recorded, else the door's), by category, women, honoured, speakers, sent up."""

    def count(**where):
        return Count("pk", filter=Q(**where))

    counts = conference.delegates.aggregate(
        invited=Count("pk"), checked=count(status=DelegateStatus.ATTENDED),
        women=count(gender="female"), honoured=count(is_honouree=True),
        speakers=count(is_speaker=True), upper=count(to_upper=True),
        **{c.value: count(category=c.value) for c in DelegateCategory},
    )  # fmt: skip
    recorded = conference.attended
    counts["present"] = recorded if recorded is not None else counts["checked"]
    return counts


def _names(conference, **where) -> str:
    names = list(conference.delegates.filter(**where).order_by("sort_name", "pk")
                 .values_list("full_name", flat=True)[: NAMES_LISTED + 1])  # fmt: skip
    more = " và những đại biểu khác (danh sách kèm theo)" if len(names) > NAMES_LISTED else ""
    return ", ".join(names[:NAMES_LISTED]) + more if names else "không có"


def minutes(conference) -> bytes:
    counts = figures(conference)
    frame = frame_for(conference.unit, kind="BIÊN BẢN", summary=conference.name,
                      day=conference.held_on, signature=Signature(position="Chủ trì"))  # fmt: skip
    document = new_document()
    head(document, frame)
    para(document, f"Thời gian: {when(conference)}.", before=6)
    para(document, f"Địa điểm: {conference.venue or '…'}.")
    para(document, f"Thành phần: {counts['present']}/{counts['invited']} đại biểu được mời có mặt.")
    para(document, f"Đoàn Chủ tịch: {_names(conference, is_presidium=True)}.", align=JUSTIFY)
    para(document, "Thư ký: …")
    para(document, "NỘI DUNG", bold=True, before=6)
    for number, item in enumerate(conference.agenda.order_by("position", "pk"), start=1):
        presenter = f" ({item.presenter})" if item.presenter else ""
        para(document, f"{number}. {item.title}{presenter}.", align=JUSTIFY)
    para(document, "KẾT QUẢ", bold=True, before=6)
    para(document, f"Tuyên dương {counts['honoured']} điển hình tiên tiến: "
                   f"{_names(conference, is_honouree=True)}.", align=JUSTIFY)  # fmt: skip
    para(document, f"Cử {counts['upper']} đại biểu dự hội nghị, đại hội cấp trên: "
                   f"{_names(conference, to_upper=True)}.", align=JUSTIFY)  # fmt: skip
    para(document, "Hội nghị kết thúc vào lúc … giờ … cùng ngày./.", italic=True)
    foot(document, frame)
    para(document, "THƯ KÝ", bold=True, before=12)
    return saved(document)


def _money(amount) -> str:
    return f"{thousands(amount)} đồng" if amount is not None else "…"


def summary_report(conference) -> bytes:
    counts, plan = figures(conference), conference.plan
    above = conference.feeds.unit if conference.feeds_id else (plan.issuer if plan else None)
    upper = [settings_of(above)["issuer_name"]] if above is not None else []
    frame = frame_for(conference.unit, kind="BÁO CÁO", recipients=upper,
                      summary=f"Kết quả tổ chức {conference.name}")  # fmt: skip
    document = new_document()
    head(document, frame)
    basis = f"Thực hiện Kế hoạch {plan.symbol} của {plan.issuer.name}, " if plan else ""
    para(document, f"{basis}{conference.unit.name} đã tổ chức {conference.name} vào "
                   f"{when(conference)} tại {conference.venue or '…'}. Kết quả như sau:",
         align=JUSTIFY, before=6)  # fmt: skip
    para(document, "I. KẾT QUẢ TỔ CHỨC", bold=True, before=6)
    categories = "; ".join(f"{c.label.lower()}: {counts[c.value]}" for c in DelegateCategory)
    for line in (
        f"Số đại biểu được mời: {counts['invited']} ({categories}); có mặt: {counts['present']}; "
        f"nữ: {counts['women']}.",
        f"Điển hình tiên tiến được tuyên dương: {counts['honoured']}; báo cáo tham luận: "
        f"{counts['speakers']}.",
        f"Đại biểu cử dự hội nghị, đại hội cấp trên: {counts['upper']}.",
    ):  # fmt: skip
        para(document, f"- {line}", align=JUSTIFY)
    para(document, "II. KINH PHÍ", bold=True, before=6)
    para(document, f"Dự toán: {_money(conference.budget_estimate)}; quyết toán: "
                   f"{_money(conference.budget_actual)}.")  # fmt: skip
    para(document, "III. ĐÁNH GIÁ, KIẾN NGHỊ", bold=True, before=6)
    para(document, TO_FILL, italic=True)
    foot(document, frame)
    return saved(document)


# (words every one of which the folded name holds, the writer)
GENERATED: list[tuple[tuple[str, ...], Callable[..., bytes]]] = [
    (("trich ngang", "cap tren"), lambda c: brief_profiles(c, upper=True)),
    (("trich ngang",), lambda c: brief_profiles(c, upper=False)),
    (("bien ban",), minutes),
    (("bao cao", "ket qua"), summary_report),
    (("bao cao", "tom tat"), summary_report),
]


def generator_for(name: str) -> Callable[..., bytes] | None:
    """The writer of the dossier document `name`, or None for one thidua cannot write."""
    folded = fold(name)
    for words, write in GENERATED:
        if all(word in folded for word in words):
            return write
    return None


def register_generator(words: tuple[str, ...], write: Callable[..., bytes]) -> None:
    """Let an app above the conferences write a dossier document (the five-year summary
    report of thidua.summaries): its words are tried first, as the more specific."""
    if (words, write) not in GENERATED:
        GENERATED.insert(0, (words, write))
