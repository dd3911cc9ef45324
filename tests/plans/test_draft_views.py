"""Correcting a draft in the browser, and who may do it."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfWriter

from tests.plans.helpers import text_pdf
from thidua.plans import drafts
from thidua.plans.models import Milestone, Obligation, Plan
from thidua.plans.rules import ConferenceRuleSet

D = datetime.date
TEXT = """UY BAN NHAN DAN TINH THU NGHIEM
So: 12/KH-UBND    Thu Nghiem, ngay 02 thang 3 nam 2026
KE HOACH
To chuc Hoi nghi dien hinh tien tien cac xa nam 2026

- Cac xa gui ke hoach truoc ngay 15/3/2026.
- Hoan thanh hoi nghi trong quy II/2026, moi toi da 150 dai bieu; don vi duoi 100 lao dong
thi to chuc hoi nghi toan the; dai bieu dien hinh tien tien khoang 70%.
"""


@pytest.fixture
def draft(client, read_plan, province_officer, province, commune_a, commune_b):
    client.force_login(province_officer)
    read_plan(province, "ke-hoach.txt", TEXT.encode())
    return Plan.objects.get()


def test_the_draft_reads_kind_deliverables_rule_sets_and_keeps_the_file(draft):
    rules = draft.rule_sets.get()

    assert draft.kind == "conference"
    assert [m.deliverable for m in draft.milestones.all()] == ["own_plan", "conference"]
    assert (rules.delegate_cap, rules.plenary_below, rules.exemplary_share_pct) == (150, 100, 70)
    assert rules.window_end == D(2026, 6, 30)
    assert draft.files.get().original_name == "ke-hoach.txt"


def test_issue_waits_for_complete_rule_sets(client, draft, commune_a):
    for milestone in draft.milestones.all():
        drafts.set_owing_units(actor=None, milestone=milestone, units=[commune_a])
    rules = draft.rule_sets.get()

    refused = client.post(reverse("plans:issue", args=[draft.pk]), follow=True)
    edit = reverse("plans:rule_set_edit", args=[draft.pk, rules.pk])
    form = client.get(edit).context["form"]
    data = {**{k: v for k, v in form.initial.items() if v is not None},
            "window_end": "30/06/2026", "kinds": ["commune"], "share_tolerance_pct": "5",
            "allowed_forms_text": "Hội nghị tuyên dương điển hình tiên tiến\n"}  # fmt: skip
    data.pop("representation", None)
    saved = client.post(edit, data)
    issued = client.post(reverse("plans:issue", args=[draft.pk]))

    assert "Cần ít nhất một hình thức hội nghị" in refused.content.decode()
    assert saved.status_code == 302, saved.context["form"].errors
    assert ConferenceRuleSet.objects.get().allowed_forms == [
        "Hội nghị tuyên dương điển hình tiên tiến"
    ]
    assert issued.status_code == 302
    assert Obligation.objects.count() == 2
    assert list(Plan.objects.get().addressees.all()) == [commune_a]


def test_a_refused_rule_set_keeps_what_was_typed(client, draft):
    response = client.post(reverse("plans:rule_set_add", args=[draft.pk]), {
        "name": "Doanh nghiệp", "window_end": "31/3/2026", "min_size": "300", "max_size": "200",
        "allowed_forms_text": "Hội nghị biểu dương người lao động giỏi", "share_tolerance_pct": "0",
    })  # fmt: skip

    form = response.context["form"]
    assert form.errors["max_size"] == ["Quy mô đến phải từ quy mô từ trở lên."]
    assert (form["name"].value(), form["min_size"].value()) == ("Doanh nghiệp", "300")


def test_the_officer_corrects_the_facts_and_milestones(client, draft, province):
    higher = Plan.objects.create(issuer=province, title="Cấp trên", kind="other")
    milestone = draft.milestones.first()

    bad = client.post(reverse("plans:edit", args=[draft.pk]), {
        "doc_type": "KH", "symbol": "12/KH-UBND", "issued_on": "31/02/2026",
        "title": "Tổ chức Hội nghị điển hình tiên tiến các xã năm 2026", "kind": "conference",
    })  # fmt: skip
    fields = {"doc_type": "KH", "symbol": "12/KH-UBND", "issued_on": "02/03/2026",
              "title": "Tổ chức Hội nghị điển hình tiên tiến các xã năm 2026",
              "kind": "conference"}  # fmt: skip
    not_higher = client.post(reverse("plans:edit", args=[draft.pk]),
                             {**fields, "implements": higher.pk})  # fmt: skip
    client.post(reverse("plans:edit", args=[draft.pk]), fields)
    client.post(reverse("plans:milestone_edit", args=[draft.pk, milestone.pk]), {
        "title": "Gửi kế hoạch tổ chức hội nghị", "deliverable": "own_plan", "due_on": "16/3/2026",
    })  # fmt: skip
    client.post(reverse("plans:milestone_delete", args=[draft.pk, draft.milestones.last().pk]))
    draft.refresh_from_db()

    assert "dd/mm/yyyy" in bad.context["form"].errors["issued_on"][0]
    assert bad.context["form"]["title"].value().startswith("Tổ chức Hội nghị")  # kept
    assert draft.title == "Tổ chức Hội nghị điển hình tiên tiến các xã năm 2026"
    assert "implements" in not_higher.context["form"].errors  # its own unit's: not higher
    assert [(m.title, m.due_on) for m in draft.milestones.all()] == [
        ("Gửi kế hoạch tổ chức hội nghị", D(2026, 3, 16))
    ]


def test_owing_units_by_group_or_by_code(client, draft, cluster, commune_a, commune_b):
    milestone = draft.milestones.first()
    url = reverse("plans:milestone_units", args=[draft.pk, milestone.pk])

    client.post(url, {"group": cluster.pk})
    by_group = set(milestone.owing_units.all())
    client.post(url, {"codes": commune_b.code, "all": "1"})
    by_code = {m.pk: list(m.owing_units.all()) for m in draft.milestones.all()}
    unknown = client.post(url, {"codes": "00000"})

    assert by_group == {commune_a, commune_b}
    assert all(units == [commune_b] for units in by_code.values())
    assert "00000" in unknown.context["form"].errors["codes"][0]


def test_a_pdf_with_neither_text_nor_page_images_is_refused_with_what_to_do(
    client, read_plan, province, province_officer
):
    client.force_login(province_officer)
    blank = PdfWriter()
    blank.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    blank.write(buffer)

    response = read_plan(province, "ban-quet.pdf", buffer.getvalue())
    page = client.get(response["Location"]).content.decode()

    # With Tesseract: no page image to read; without: what to do instead (test_scans.py).
    assert "nhận dạng chữ" in page
    assert not Plan.objects.exists()


NOT_OFFICERS = ["officer_b", "council_member"]


@pytest.mark.parametrize("persona", NOT_OFFICERS)
@pytest.mark.parametrize(
    "name", ["edit", "attach", "milestone_add", "rule_set_add", "milestone_units"]
)
def test_only_the_issuers_officers_edit_a_draft(request, client, draft, persona, name):
    client.force_login(request.getfixturevalue(persona))
    milestone = Milestone.objects.filter(plan=draft).first()
    args = [draft.pk, milestone.pk] if name == "milestone_units" else [draft.pk]

    status = client.get(reverse(f"plans:{name}", args=args)).status_code

    assert status == (404 if persona == "officer_b" else 403)


def test_plan_files_are_served_only_in_scope(client, draft, officer_b, province_officer):
    attached = draft.files.get()
    url = reverse("plans:file", args=[draft.pk, attached.pk])

    own = client.get(url)
    client.force_login(officer_b)

    assert own.status_code == 200
    assert b"".join(own.streaming_content).startswith(b"UY BAN")
    assert client.get(url).status_code == 404


def test_a_pdf_with_a_text_layer_becomes_a_draft(client, read_plan, province, province_officer):
    client.force_login(province_officer)

    read_plan(province, "ke-hoach.pdf", text_pdf(TEXT.splitlines()))

    plan = Plan.objects.get()
    assert (plan.symbol, plan.issued_on) == ("12/KH-UBND", D(2026, 3, 2))
    assert [m.due_on for m in plan.milestones.all()] == [D(2026, 3, 15), D(2026, 6, 30)]


def test_a_plan_pasted_as_text_is_read_as_a_file_would_be(
    client, province_officer, province, commune_a, django_capture_on_commit_callbacks
):
    client.force_login(province_officer)
    url = reverse("plans:upload", args=[province.pk])

    empty = client.post(url, {"text": "   "})
    both = client.post(url, {"text": TEXT, "file": io.BytesIO(b"x")})
    with django_capture_on_commit_callbacks(execute=True):
        pasted = client.post(url, {"text": TEXT})

    assert empty.status_code == 200
    assert "Cần chọn tệp văn bản hoặc dán nội dung." in empty.content.decode()
    assert "không cả hai" in both.content.decode()
    assert pasted.status_code == 302
    draft = Plan.objects.get()
    assert draft.symbol == "12/KH-UBND"
    assert draft.files.get().original_name == "van-ban-dan.txt"
