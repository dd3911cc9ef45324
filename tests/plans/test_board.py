"""The compliance board: units × milestones, filters, export, scope, query counts."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import UnitFactory
from tests.plans.helpers import pdf_upload
from tests.sheets import table_of
from thidua.plans import drafts
from thidua.plans.models import Obligation, Plan
from thidua.units.models import UnitKind
from thidua.workflow.engine import transition

D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 20, 9, tzinfo=datetime.UTC)):
        yield


def _issue(province, officer, units, milestones=2):
    plan = Plan.objects.create(issuer=province, symbol="5/KH-UBND", kind="conference",
                               title="Hội nghị điển hình")  # fmt: skip
    for n in range(milestones):
        due = D(2026, 3, 15) + datetime.timedelta(days=30 * n)
        drafts.add_milestone(plan=plan, title=f"Mốc {n + 1}", deliverable="report",
                             due_on=due, units=units)  # fmt: skip
    return transition(plan, "issue", by=officer)


@pytest.mark.parametrize("item_count", [1, 3])
def test_board_queries_do_not_grow(client, province, province_officer, item_count,
                                   django_assert_num_queries):  # fmt: skip
    communes = [UnitFactory(parent=province, name=f"Xã {n}", kind=UnitKind.COMMUNE)
                for n in range(item_count)]  # fmt: skip
    plan = _issue(province, province_officer, communes)
    client.force_login(province_officer)

    with django_assert_num_queries(12):  # with the plan's milestone ids, read once
        response = client.get(reverse("plans:board", args=[plan.pk]))
    assert len(response.context["rows"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_obligation_lists_queries_do_not_grow(client, province, province_officer, item_count,
                                              django_assert_num_queries):  # fmt: skip
    communes = [UnitFactory(parent=province, name=f"Xã {n}", kind=UnitKind.COMMUNE)
                for n in range(item_count)]  # fmt: skip
    _issue(province, province_officer, communes, milestones=item_count)
    client.force_login(province_officer)

    with django_assert_num_queries(6):
        response = client.get(reverse("plans:my_obligations"))
    assert len(response.context["page"].object_list) == item_count * item_count


def test_filters_status_subtree_and_group(client, province, province_officer, commune_a,
                                          commune_b, officer_a, cluster):  # fmt: skip
    agency = UnitFactory(parent=province, name="Sở Tư pháp", kind=UnitKind.AGENCY)
    plan = _issue(province, province_officer, [commune_a, commune_b, agency])
    transition(
        Obligation.objects.get(unit=commune_a, milestone__title="Mốc 1"),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 14)},
    )
    client.force_login(province_officer)
    url = reverse("plans:board", args=[plan.pk])

    def names(**params):
        return [unit.name for unit, _ in client.get(url, params).context["rows"]]

    assert names() == ["Sở Tư pháp", "Xã An Phú", "Xã Bình Minh"]
    assert names(status="overdue") == ["Sở Tư pháp", "Xã Bình Minh"]
    assert names(status="on_time") == ["Xã An Phú"]
    assert names(group=cluster.pk) == ["Xã An Phú", "Xã Bình Minh"]
    assert names(unit=commune_b.pk) == ["Xã Bình Minh"]


def test_export_is_units_by_milestones(client, province, province_officer, commune_a,
                                       commune_b, officer_a):  # fmt: skip
    plan = _issue(province, province_officer, [commune_a, commune_b])
    transition(
        Obligation.objects.get(unit=commune_a, milestone__title="Mốc 1"),
        "deliver",
        by=officer_a,
        data={"files": [pdf_upload()], "on": D(2026, 3, 18)},
    )
    client.force_login(province_officer)

    sheet = client.get(reverse("plans:board", args=[plan.pk]), {"format": "xlsx"})

    rows = table_of(sheet.content)
    assert rows[0] == ("STT", "Đơn vị", "Mốc 1 (hạn 15/03/2026)", "Mốc 2 (hạn 14/04/2026)")
    assert rows[1:] == [
        (1, "Xã An Phú", "Đã nộp muộn (18/03/2026)", "Chưa đến hạn"),
        (2, "Xã Bình Minh", "Quá hạn", "Chưa đến hạn"),
    ]


def test_siblings_are_refused_everywhere(client, province, province_officer, commune_a,
                                         commune_b, officer_a, officer_b):  # fmt: skip
    plan = _issue(province, province_officer, [commune_a])
    own = Obligation.objects.filter(unit=commune_a).first()
    transition(own, "deliver", by=officer_a, data={"files": [pdf_upload()]})
    delivered = own.files.get()
    client.force_login(officer_b)  # Bình Minh owes nothing under this plan

    assert client.get(reverse("plans:board", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:obligation", args=[own.pk])).status_code == 404
    assert client.post(reverse("plans:deliver", args=[own.pk])).status_code == 404
    assert client.post(reverse("plans:decide", args=[own.pk, "accept"])).status_code == 404
    url = reverse("plans:delivery_file", args=[own.pk, delivered.pk])
    assert client.get(url).status_code == 404
    client.force_login(officer_a)  # the owing unit may not accept its own delivery
    assert client.post(reverse("plans:decide", args=[own.pk, "accept"])).status_code == 403
    assert client.get(url).status_code == 200


def test_a_bad_file_is_refused_and_the_note_kept(client, province, province_officer,
                                                 commune_a, officer_a):  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    _issue(province, province_officer, [commune_a], milestones=1)
    own = Obligation.objects.get()
    client.force_login(officer_a)

    response = client.post(reverse("plans:deliver", args=[own.pk]), {
        "note": "Bản ký số", "files": [SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00")],
    })  # fmt: skip

    form = response.context["form"]
    assert "ke-hoach.pdf" in form.errors["files"][0]
    assert form["note"].value() == "Bản ký số"
    assert Obligation.objects.get().state == "pending"


def test_export_to_word_in_the_state_format(client, province, province_officer, commune_a):
    from docx import Document

    plan = _issue(province, province_officer, [commune_a], milestones=1)
    client.force_login(province_officer)

    response = client.get(reverse("plans:board", args=[plan.pk]), {"format": "docx"})

    document = Document(io.BytesIO(response.content))
    header, table = document.tables[0], document.tables[1]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.rows[0].cells[1].text
    assert [cell.text for cell in table.rows[1].cells] == ["1", "Xã An Phú", "Quá hạn"]


def test_an_owing_unit_sees_neither_siblings_plans_nor_their_counts(
    client, province, province_officer, commune_a, commune_b, officer_a, officer_b
):
    plan = _issue(province, province_officer, [commune_a, commune_b], milestones=1)
    Plan.objects.create(
        issuer=commune_a, title="Kế hoạch riêng An Phú", kind="other", implements=plan
    )
    client.force_login(officer_b)

    page = client.get(plan.get_absolute_url())

    assert "Kế hoạch riêng An Phú" not in page.content.decode()
    assert sum(page.context["counts"].values()) == 1


def test_unicode_digits_on_the_board_are_ignored(client, province, province_officer, commune_a):
    plan = _issue(province, province_officer, [commune_a], milestones=1)
    client.force_login(province_officer)

    assert client.get(reverse("plans:board", args=[plan.pk]), {"unit": "²"}).status_code == 200


def test_a_closed_plan_takes_no_deliveries_and_drafts_cannot_be_linked(
    province, province_officer, commune_a, officer_a
):
    plan = _issue(province, province_officer, [commune_a], milestones=1)
    own = Obligation.objects.get()
    draft = Plan.objects.create(issuer=commune_a, title="Nháp", kind="other")

    with pytest.raises(ValidationError, match="đã ban hành"):
        transition(own, "deliver", by=officer_a, data={"linked_plan": draft})
    transition(plan, "close", by=province_officer)
    with pytest.raises(ValidationError, match="đã kết thúc"):
        transition(own, "deliver", by=officer_a, data={"files": [pdf_upload()]})
