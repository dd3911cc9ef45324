"""Pacts of a cluster (issue 16, parts 1–2): the head and deputy by rotation, last year's
criteria copied, criteria saved all or nothing, the signing as a workflow (by the head's
officers or the owner's, refused for another member or without criteria, a head, a day or
a place), the Word document with every member's signature block, the signed scan; who sees
what: the owner, a member (its own targets only), never a unit outside the group."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tests.conftest import _person
from tests.factories import UnitFactory
from tests.plans.helpers import PDF
from thidua.accounts.models import Role
from thidua.pacts import services
from thidua.pacts.models import HeadRule, Pact, PactState
from thidua.units import group_services
from thidua.units.models import UnitKind
from thidua.workflow.engine import Refused, transition
from thidua.workflow.models import Transition

pytestmark = pytest.mark.django_db
D = datetime.date
CRITERIA = [("Hoàn thành chỉ tiêu kinh tế – xã hội", "40", "2"),
            ("Phát hiện, nhân rộng điển hình tiên tiến", "30", "1"),
            ("Công tác thi đua, khen thưởng", "30", "1,5")]  # fmt: skip


@pytest.fixture
def cluster(province, commune_a, commune_b):
    third = UnitFactory(parent=province, name="Xã Cẩm Giàng", kind=UnitKind.COMMUNE)
    group = group_services.create_group(actor=None, owner=province, kind="cluster", number=1)
    for unit in (commune_a, commune_b, third):
        group_services.add_member(actor=None, group=group, unit=unit)
    return group


def _member(group, name):
    return group.members.get(unit__name=name)


def test_heads_rotate_in_the_members_order(cluster):
    first = services.open_pact(actor=None, group=cluster, year=2025)
    second = services.open_pact(actor=None, group=cluster, year=2026)
    third = services.open_pact(actor=None, group=cluster, year=2027)
    fourth = services.open_pact(actor=None, group=cluster, year=2028)

    heads = [p.head.unit.name for p in (first, second, third, fourth)]
    assert heads == ["Xã An Phú", "Xã Bình Minh", "Xã Cẩm Giàng", "Xã An Phú"]
    assert first.deputy.unit.name == "Xã Bình Minh"  # the next year's head
    assert third.deputy.unit.name == "Xã An Phú"


def test_a_member_with_pacts_stays_and_a_newcomer_takes_the_last_turn(cluster, province):
    services.open_pact(actor=None, group=cluster, year=2025)
    newcomer = UnitFactory(parent=province, name="Xã A Mới", kind=UnitKind.COMMUNE)
    group_services.add_member(actor=None, group=cluster, unit=newcomer)

    with pytest.raises(ValidationError, match="giao ước thi đua"):
        group_services.remove_member(actor=None, membership=_member(cluster, "Xã An Phú"))
    heads = [services.open_pact(actor=None, group=cluster, year=y).head.unit.name
             for y in (2026, 2027, 2028)]  # fmt: skip
    chosen = services.open_pact(actor=None, group=cluster, year=2029, head_rule=HeadRule.VOTE)

    assert heads == ["Xã Bình Minh", "Xã Cẩm Giàng", "Xã A Mới"]  # joined last, not by name
    assert chosen.head is None
    with pytest.raises(ValidationError, match="năm sau 2024"):
        services.open_pact(actor=None, group=cluster, year=2024)


def test_last_years_criteria_are_copied_and_a_year_only_once(cluster):
    first = services.open_pact(actor=None, group=cluster, year=2025)
    services.save_criteria(actor=None, pact=first, rows=CRITERIA + [("", "", "")])

    second = services.open_pact(actor=None, group=cluster, year=2026)

    assert [(c.text, c.max_points, c.weight) for c in second.criteria.all()] == [
        (c.text, c.max_points, c.weight) for c in first.criteria.all()]  # fmt: skip
    assert str(second.criteria.last().weight) == "1.50"
    with pytest.raises(ValidationError, match="đã có giao ước năm 2026"):
        services.open_pact(actor=None, group=cluster, year=2026)


@pytest.mark.parametrize(("row", "message"), [
    (("Tiêu chí", "abc", "1"), "Dòng 2: điểm tối đa phải là một số."),
    (("Tiêu chí", "0", "1"), "Dòng 2: điểm tối đa phải lớn hơn 0"),
    (("", "10", "1"), "Dòng 2: cần nội dung tiêu chí"),
    (("Tiêu chí", "10", "11"), "Dòng 2: hệ số phải lớn hơn 0 và không quá 10"),
    (("Tiêu chí", "NaN", "1"), "Dòng 2: điểm tối đa phải lớn hơn 0"),
])  # fmt: skip
def test_criteria_are_saved_all_or_nothing_naming_the_row(cluster, row, message):
    pact = services.open_pact(actor=None, group=cluster, year=2025)
    services.save_criteria(actor=None, pact=pact, rows=CRITERIA[:1])

    with pytest.raises(ValidationError, match=message):
        services.save_criteria(actor=None, pact=pact, rows=[CRITERIA[1], row])

    assert [c.text for c in pact.criteria.all()] == [CRITERIA[0][0]]


def test_heads_must_be_two_members(cluster, province):
    pact = services.open_pact(actor=None, group=cluster, year=2025, head_rule="chosen")
    outsider = group_services.create_group(actor=None, owner=province, kind="cluster", number=2)
    stranger = group_services.add_member(
        actor=None, group=outsider, unit=UnitFactory(parent=province, kind="commune")
    )
    member = _member(cluster, "Xã Bình Minh")

    with pytest.raises(ValidationError, match="phải là thành viên"):
        services.set_heads(actor=None, pact=pact, head=stranger)
    with pytest.raises(ValidationError, match="thành viên khác trưởng"):
        services.set_heads(actor=None, pact=pact, head=member, deputy=member)
    services.set_heads(actor=None, pact=pact, head=member)
    assert Pact.objects.get(pk=pact.pk).head == member


def _signable(cluster):
    pact = services.open_pact(actor=None, group=cluster, year=2025)
    services.save_criteria(actor=None, pact=pact, rows=CRITERIA)
    return pact


SIGNING = {"signed_on": D(2025, 2, 20), "place": "Hội trường UBND xã An Phú"}


def test_the_head_signs_another_member_may_not(cluster, officer_a, officer_b):
    pact = _signable(cluster)  # the head is Xã An Phú (officer_a's)

    with pytest.raises(Refused) as refused:
        transition(pact, "sign", by=officer_b, data=SIGNING)
    assert refused.value.forbidden
    signed = transition(pact, "sign", by=officer_a, data=SIGNING)

    assert (signed.state, signed.signed_on, signed.place) == ("signed", D(2025, 2, 20),
                                                              SIGNING["place"])  # fmt: skip
    row = Transition.objects.get(workflow="pact", object_id=pact.pk)
    assert (row.on, row.payload["place"]) == (D(2025, 2, 20), SIGNING["place"])
    with pytest.raises(ValidationError, match="mở lại để sửa"):
        services.save_criteria(actor=None, pact=signed, rows=CRITERIA[:1])


@pytest.mark.parametrize(("change", "data", "message"), [
    ("criteria", SIGNING, "chưa có tiêu chí"),
    ("head", SIGNING, "Chưa có trưởng"),
    ("", {"signed_on": D(2023, 1, 1), "place": "X"}, "phải thuộc năm 2025"),
    ("", {"signed_on": D(2025, 1, 1), "place": " "}, "địa điểm"),
])  # fmt: skip
def test_signing_needs_criteria_a_head_a_day_and_a_place(cluster, change, data, message):
    pact = _signable(cluster)
    if change == "criteria":
        pact.criteria.all().delete()
    if change == "head":
        Pact.objects.filter(pk=pact.pk).update(head=None)

    with pytest.raises(Refused, match=message):
        transition(Pact.objects.get(pk=pact.pk), "sign", by=None, data=data)


def test_every_state_and_action_pair(cluster, province_officer):
    pact = _signable(cluster)
    expected = {("draft", "sign"): "signed", ("signed", "reopen"): "draft"}
    for state in PactState.values:
        for action in ("sign", "reopen"):
            Pact.objects.filter(pk=pact.pk).update(state=state)
            current = Pact.objects.get(pk=pact.pk)
            data = SIGNING if action == "sign" else {}
            if (state, action) in expected:
                moved = transition(current, action, by=province_officer, data=data,
                                   reason="Sửa tiêu chí")  # fmt: skip
                assert moved.state == expected[(state, action)]
            else:
                with pytest.raises(Refused):
                    transition(current, action, by=province_officer, data=data, reason="x")
    Pact.objects.filter(pk=pact.pk).update(state="signed")
    with pytest.raises(Refused, match="(?i)lý do"):
        transition(Pact.objects.get(pk=pact.pk), "reopen", by=province_officer)


def test_the_word_pact_has_every_members_signature_block(cluster):
    pact = transition(_signable(cluster), "sign", by=None, data=SIGNING)
    from thidua.pacts.pact_docx import pact_docx

    document = Document(io.BytesIO(pact_docx(pact)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "BẢN GIAO ƯỚC THI ĐUA NĂM 2025" in text
    assert "Hôm nay, ngày 20 tháng 02 năm 2025 tại Hội trường UBND xã An Phú" in text
    for name in ("XÃ AN PHÚ", "XÃ BÌNH MINH", "XÃ CẨM GIÀNG"):
        assert f"ĐẠI DIỆN {name}" in cells
    assert "1,5" in cells  # the weight, with the decimal comma


def test_the_signed_scan_is_kept_and_a_disguised_file_refused(cluster, client, officer_a,
                                                              officer_b):  # fmt: skip
    pact = transition(_signable(cluster), "sign", by=None, data=SIGNING)
    client.force_login(officer_a)
    url = reverse("pacts:scan", args=[pact.pk])

    client.post(url, {"file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf")})
    assert not Pact.objects.get(pk=pact.pk).scan
    client.post(url, {"file": SimpleUploadedFile("ban-ky.pdf", PDF)})
    assert Pact.objects.get(pk=pact.pk).scan

    client.force_login(officer_b)  # a member, not the host: may read, not upload
    assert client.get(reverse("pacts:scan_download", args=[pact.pk])).status_code == 200
    assert client.post(url, {"file": SimpleUploadedFile("b.pdf", PDF)}).status_code == 403


def test_a_member_sees_the_pact_and_only_its_own_targets(cluster, client, officer_a, officer_b):
    pact = _signable(cluster)
    services.register_target(actor=None, pact=pact, membership=_member(cluster, "Xã An Phú"),
                             text="Có 3 mô hình mới được nhân rộng.")  # fmt: skip
    client.force_login(officer_b)

    page = client.get(reverse("pacts:detail", args=[pact.pk])).content.decode()
    other = client.post(reverse("pacts:target", args=[pact.pk, _member(cluster, "Xã An Phú").pk]),
                        {"text": "Sửa hộ"})  # fmt: skip
    own = client.post(reverse("pacts:target", args=[pact.pk, _member(cluster, "Xã Bình Minh").pk]),
                      {"text": "Hai mô hình mới."})  # fmt: skip

    assert "Có 3 mô hình mới" not in page
    assert "Chỉ tiêu đăng ký của Xã Bình Minh" in page
    assert other.status_code == 403
    assert own.status_code == 302
    assert pact.targets.get(membership__unit__name="Xã Bình Minh").text == "Hai mô hình mới."


def test_a_unit_outside_the_group_sees_nothing(cluster, client, province):
    pact = _signable(cluster)
    outsider = UnitFactory(parent=province, name="Xã Ngoài Cụm", kind=UnitKind.COMMUNE)
    client.force_login(_person(outsider, Role.OFFICER, "ngoai_cum"))

    for name in ("detail", "word", "scan_download"):
        assert client.get(reverse(f"pacts:{name}", args=[pact.pk])).status_code == 404
    assert client.get(reverse("pacts:list", args=[cluster.pk])).status_code == 404


def test_the_owner_opens_edits_and_signs_through_the_pages(cluster, client, province_officer):
    client.force_login(province_officer)

    opened = client.post(reverse("pacts:open", args=[cluster.pk]),
                         {"year": 2025, "head_rule": "rotation"})  # fmt: skip
    pact = Pact.objects.get()
    wrong = client.post(reverse("pacts:criteria", args=[pact.pk]),
                        {"text": ["Một", "Hai"], "max_points": ["10", "x"],
                         "weight": ["1", "1"]})  # fmt: skip
    client.post(
        reverse("pacts:criteria", args=[pact.pk]),
        {"text": ["Một", ""], "max_points": ["10", ""], "weight": ["1", "1"]},
    )
    client.post(reverse("pacts:action", args=[pact.pk, "sign"]),
                {"signed_on": "20/02/2025", "place": "Xã An Phú"})  # fmt: skip

    assert opened.status_code == 302
    assert wrong.status_code == 400
    assert "Dòng 2: điểm tối đa phải là một số." in wrong.content.decode()
    assert 'value="x"' in wrong.content.decode()  # what was typed is kept
    assert Pact.objects.get().state == "signed"
    assert client.get(reverse("pacts:word", args=[pact.pk])).status_code == 200


def test_the_head_is_asked_to_host_and_every_member_to_register(cluster, officer_a, officer_b):
    from django.utils import timezone

    from thidua.inbox.selectors import acting_units, section

    pact = services.open_pact(actor=None, group=cluster, year=timezone.localdate().year)
    host = list(section(acting_units(officer_a), "giao-uoc-chu-tri").rows)
    other = list(section(acting_units(officer_b), "giao-uoc-chu-tri").rows)
    services.register_target(actor=None, pact=pact, membership=_member(cluster, "Xã An Phú"),
                             text="Ba mô hình mới.")  # fmt: skip

    assert host == [pact]  # Xã An Phú heads it this year
    assert other == []
    assert list(section(acting_units(officer_a), "giao-uoc-chi-tieu").rows) == []
    assert list(section(acting_units(officer_b), "giao-uoc-chi-tieu").rows) == [pact]


def test_a_future_signing_is_refused_and_reopening_undoes_the_signing(cluster, province_officer):
    pact = _signable(cluster)
    future = {"signed_on": timezone.localdate() + datetime.timedelta(days=1), "place": "X"}
    with pytest.raises(Refused, match="không được sau hôm nay"):
        transition(pact, "sign", by=None, data=future)
    signed = transition(pact, "sign", by=None, data=SIGNING)
    signed.scan.save("ban.pdf", SimpleUploadedFile("ban.pdf", PDF), save=True)

    reopened = transition(signed, "reopen", by=province_officer, reason="Sửa tiêu chí 2")

    assert (reopened.signed_on, reopened.place, reopened.scan.name) == (None, "", "")
    row = Transition.objects.filter(workflow="pact", action="reopen").get()
    assert row.payload["signed_on"] == "20/02/2025"
    with pytest.raises(ValidationError, match="mở lại để sửa"):
        services.register_target(
            actor=None,
            pact=transition(reopened, "sign", by=None, data=SIGNING),
            membership=_member(cluster, "Xã An Phú"),
            text="Muộn",
        )


def test_a_member_cannot_write_what_the_standing_body_runs(cluster, client, officer_a, officer_b):
    pact = transition(_signable(cluster), "sign", by=None, data=SIGNING)
    client.force_login(officer_b)  # a member, not the head

    posts = [
        client.post(
            reverse("pacts:criteria", args=[pact.pk]), {"text": ["X"], "max_points": ["1"]}
        ),
        client.post(reverse("pacts:heads", args=[pact.pk]), {"head": ""}),
        client.post(reverse("pacts:open", args=[cluster.pk]), {"year": 2026}),
        client.post(reverse("pacts:action", args=[pact.pk, "reopen"]), {"reason": "x"}),
    ]
    client.force_login(officer_a)  # the head: hosts the signing, does not reopen
    posts.append(client.post(reverse("pacts:action", args=[pact.pk, "reopen"]),
                             {"reason": "x"}))  # fmt: skip

    assert [p.status_code for p in posts] == [403, 403, 404, 403, 403]
    assert Pact.objects.get(pk=pact.pk).state == "signed"


def test_criteria_stay_once_members_have_scored(cluster, province_officer):
    from thidua.pacts import scoring

    pact = transition(_signable(cluster), "sign", by=None, data=SIGNING)
    scoring.card_of(pact, _member(cluster, "Xã An Phú"), "mid")
    reopened = transition(pact, "reopen", by=province_officer, reason="Sửa")

    with pytest.raises(ValidationError, match="Đã có phiếu chấm điểm"):
        services.save_criteria(actor=None, pact=reopened, rows=CRITERIA[:1])
