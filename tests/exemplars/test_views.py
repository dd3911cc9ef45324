import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.exemplars.recognition import meet_criteria, recognise
from tests.factories import UnitFactory
from tests.sheets import table_of
from thidua.exemplars import services
from thidua.exemplars.models import Exemplar, Subject
from thidua.workflow.engine import transition
from thidua.workflow.models import Transition

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def evidence_a(exemplar_a, officer_a):
    return services.add_evidence(actor=officer_a, exemplar=exemplar_a,
                                 upload=SimpleUploadedFile("bien-ban.pdf", PDF))  # fmt: skip


@pytest.fixture
def targets(exemplar_a, person_a, evidence_a, commune_a):
    return {"exemplar": exemplar_a.pk, "subject": person_a.pk, "unit": commune_a.pk,
            "evidence": evidence_a.pk}  # fmt: skip


# (url name, args from targets, POST data or None for read-only)
A_VIEWS = [
    ("exemplars:detail", ["exemplar"], None),
    ("exemplars:action", ["exemplar", "nurture"], {"reason": "x"}),
    ("exemplars:evidence_upload", ["exemplar"], {"note": "x"}),
    ("exemplars:evidence", ["exemplar", "evidence"], None),
    ("exemplars:checklist", ["exemplar"], {}),
    ("exemplars:record_add", ["exemplar", "nurturing"], {"kind": "material", "on": "01/02/2025",
                                                          "by": "Hội Nông dân"}),
    ("exemplars:subject_detail", ["subject"], {"title": "X", "field": 1, "year_from": 2024}),
    ("exemplars:subject_create", ["unit"], {"kind": "individual", "name": "Trần Văn Lạ"}),
]  # fmt: skip


def _url(name, keys, targets):
    return reverse(name, args=[targets.get(key, key) for key in keys])


def _counts():
    return (Exemplar.objects.count(), Subject.objects.count(), Transition.objects.count())


@pytest.mark.parametrize(("name", "keys", "data"), A_VIEWS)
def test_sibling_officer_gets_404_on_every_view(client, officer_b, targets, name, keys, data):
    client.force_login(officer_b)
    url = _url(name, keys, targets)
    before = _counts()

    if name not in {"exemplars:action", "exemplars:evidence_upload", "exemplars:checklist",
                    "exemplars:record_add"}:  # fmt: skip
        assert client.get(url).status_code == 404
    if data is not None:
        assert client.post(url, data).status_code == 404
    assert _counts() == before


@pytest.mark.parametrize("persona", ["council_member", "leader"])
@pytest.mark.parametrize(("name", "keys", "data"), [v for v in A_VIEWS if v[2] is not None])
def test_readers_may_not_change_exemplars(client, request, persona, targets, name, keys, data):
    client.force_login(request.getfixturevalue(persona))
    before = _counts()

    assert client.post(_url(name, keys, targets), data).status_code == 403
    assert _counts() == before


def test_lists_show_nothing_of_a_to_the_sibling(client, officer_b, exemplar_a):
    client.force_login(officer_b)

    exemplars = client.get(reverse("exemplars:list")).context["page"].object_list
    subjects = client.get(reverse("exemplars:subject_list")).context["page"].object_list

    assert (list(exemplars), list(subjects)) == ([], [])


def test_officer_takes_an_exemplar_through_the_stages(client, officer_a, exemplar_a):
    client.force_login(officer_a)

    meet_criteria(exemplar_a)
    recognition = {"recognise-level": "commune", "recognise-occasion": "Sơ kết",
                   "recognise-on": "15/06/2026"}  # fmt: skip
    for action in ["nurture", "recognise", "replicate"]:
        client.post(reverse("exemplars:action", args=[exemplar_a.pk, action]),
                    {"reason": "Họp xét", **recognition})  # fmt: skip
    refused = client.post(reverse("exemplars:action", args=[exemplar_a.pk, "nurture"]),
                          HTTP_HX_REQUEST="true")  # fmt: skip

    exemplar_a.refresh_from_db()
    assert exemplar_a.stage == "replicating"
    assert "Không thể «Đưa vào bồi dưỡng»" in refused.content.decode()
    assert refused.content.decode().lstrip().startswith('<section id="stage-panel"')


def test_evidence_upload_refuses_a_renamed_executable(client, officer_a, exemplar_a):
    client.force_login(officer_a)
    exe = SimpleUploadedFile("minh-chung.pdf", b"MZ\x90\x00\x03" + b"\x00" * 64)

    response = client.post(reverse("exemplars:evidence_upload", args=[exemplar_a.pk]),
                           {"file": exe, "note": "ảnh hội nghị"})  # fmt: skip

    assert response.status_code == 400
    assert "không phải hình ảnh" in response.content.decode()
    assert 'value="ảnh hội nghị"' in response.content.decode()
    assert not exemplar_a.evidence.exists()


def test_evidence_is_downloaded_through_the_scoped_view(client, officer_a, exemplar_a, evidence_a):
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:evidence", args=[exemplar_a.pk, evidence_a.pk]))

    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"


def test_checklist_is_ticked_with_evidence_notes(client, officer_a, exemplar_a):
    first = exemplar_a.checks.order_by("criterion__position").first()
    client.force_login(officer_a)

    client.post(reverse("exemplars:checklist", args=[exemplar_a.pk]),
                {f"met-{first.pk}": "on", f"note-{first.pk}": "Giấy khen 2024"})  # fmt: skip

    first.refresh_from_db()
    assert (first.met, first.evidence_note, first.checked_by) == (True, "Giấy khen 2024", officer_a)


def test_a_replication_records_the_adopting_unit(client, officer_a, exemplar_a, commune_a):
    school = UnitFactory(parent=commune_a, name="Trường Tiểu học An Phú", kind="school")
    transition(exemplar_a, "nurture", by=officer_a)
    recognise(exemplar_a, by=officer_a)
    client.force_login(officer_a)

    client.post(reverse("exemplars:record_add", args=[exemplar_a.pk, "replication"]),
                {"unit": school.pk, "adopted_on": "05/03/2025", "result": "Tăng 10%"})  # fmt: skip
    bad = client.post(reverse("exemplars:record_add", args=[exemplar_a.pk, "nurturing"]),
                      {"kind": "material", "on": "32/13/2025", "by": "Hội Nông dân"})  # fmt: skip

    assert [r.unit for r in exemplar_a.replications.all()] == [school]
    assert bad.status_code == 400
    assert 'value="Hội Nông dân"' in bad.content.decode()


def test_duplicate_subjects_are_flagged_before_creation(client, officer_a, commune_a, person_a):
    client.force_login(officer_a)
    url = reverse("exemplars:subject_create", args=[commune_a.pk])
    data = {"kind": "individual", "name": "nguyen van an", "birth_year": "1975"}

    warned = client.post(url, data)
    created = client.post(url, {**data, "confirm_duplicate": "on"})

    assert list(warned.context["duplicates"]) == [person_a]
    assert created.status_code == 302
    assert Subject.objects.filter(unit=commune_a).count() == 2


def test_an_exemplar_is_proposed_from_its_subjects_page(client, officer_a, person_a, field):
    client.force_login(officer_a)

    data = {"title": "Nuôi tôm sạch", "field": field.pk, "year_from": "2024"}

    response = client.post(reverse("exemplars:subject_detail", args=[person_a.pk]), data)

    exemplar = person_a.exemplars.get(title="Nuôi tôm sạch")
    assert response["Location"] == exemplar.get_absolute_url()
    assert exemplar.stage == "discovered"


def test_lists_filter_and_search_without_diacritics(client, province_officer, exemplar_a, field):
    client.force_login(province_officer)

    found = client.get(reverse("exemplars:list"), {"q": "nguyen van an lua", "field": field.pk})
    none = client.get(reverse("exemplars:list"), {"stage": "recognised"})

    assert list(found.context["page"].object_list) == [exemplar_a]
    assert list(none.context["page"].object_list) == []


@pytest.mark.parametrize("item_count", [1, 3])
def test_exemplar_and_subject_lists_queries_do_not_grow(
    client, officer_a, commune_a, field, item_count, django_assert_num_queries
):
    for n in range(item_count):
        subject = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                          name=f"Lê Văn {n}")  # fmt: skip
        services.create_exemplar(actor=officer_a, subject=subject, title=f"Mô hình {n}",
                                 field=field, year_from=2024)  # fmt: skip
    client.force_login(officer_a)

    with django_assert_num_queries(8):  # the stage counts grouped; movements are searched
        client.get(reverse("exemplars:list"))
    with django_assert_num_queries(7):  # the page's exemplar counts: one grouped query
        client.get(reverse("exemplars:subject_list"))


def test_the_list_exports_to_xlsx_with_its_filters(client, officer_a, exemplar_a, person_a, field):
    import io

    from openpyxl import load_workbook

    from thidua.exemplars import services as exemplar_services

    other = exemplar_services.create_exemplar(actor=officer_a, subject=person_a, title="Khác",
                                              field=field, year_from=2020)  # fmt: skip
    transition(other, "nurture", by=officer_a)
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:export", args=["xlsx"]), {"stage": "discovered"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    rows = table_of(response.content)
    assert "DANH SÁCH" in values
    assert "Điển hình tiên tiến" in values
    assert rows[0][:4] == ("STT", "Đối tượng", "Loại", "Mô hình, cách làm hay")
    assert rows[1:] == [
        (1, "Nguyễn Văn Ân", "Cá nhân", "Mô hình trồng lúa hữu cơ", "Nông nghiệp", "Xã An Phú",
         2023, "Phát hiện"),
    ]  # fmt: skip


def test_the_sibling_exports_nothing_of_a(client, officer_b, exemplar_a):

    client.force_login(officer_b)

    response = client.get(reverse("exemplars:export", args=["xlsx"]))

    assert table_of(response.content) == [
        (
            "STT",
            "Đối tượng",
            "Loại",
            "Mô hình, cách làm hay",
            "Lĩnh vực",
            "Đơn vị",
            "Từ năm",
            "Giai đoạn",
        ),
    ]  # the header only


def test_the_list_exports_to_word_in_the_state_format(client, officer_a, exemplar_a):
    import io

    from docx import Document

    client.force_login(officer_a)

    response = client.get(reverse("exemplars:export", args=["docx"]))
    document = Document(io.BytesIO(response.content))

    header = document.tables[0].rows[0].cells
    assert header[0].text.split("\n")[0] == "ỦY BAN NHÂN DÂN XÃ AN PHÚ"
    assert header[1].text.split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                              "Độc lập - Tự do - Hạnh phúc"]  # fmt: skip
    assert header[1].text.split("\n")[3].startswith("An Phú, ngày ")
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["DANH SÁCH", "Điển hình tiên tiến"]
    assert "Nơi nhận:" in document.tables[2].rows[0].cells[0].text
    rows = document.tables[1].rows
    assert [c.text for c in rows[0].cells][:2] == ["STT", "Đối tượng"]
    assert [c.text for c in rows[1].cells] == [
        "1", "Nguyễn Văn Ân", "Cá nhân", "Mô hình trồng lúa hữu cơ", "Nông nghiệp", "Xã An Phú",
        "2023", "Phát hiện",
    ]  # fmt: skip
    assert len(rows) == 2
    assert client.get(reverse("exemplars:export", args=["pdf"])).status_code == 404


def test_the_list_filters_by_unit_subtree_and_refuses_a_siblings_unit(
    client, province_officer, officer_b, exemplar_a, commune_a, commune_b
):
    client.force_login(province_officer)
    in_a = client.get(reverse("exemplars:list"), {"unit": commune_a.pk}).context["page"]
    in_b = client.get(reverse("exemplars:list"), {"unit": commune_b.pk}).context["page"]
    client.force_login(officer_b)

    assert (list(in_a.object_list), list(in_b.object_list)) == ([exemplar_a], [])
    assert client.get(reverse("exemplars:list"), {"unit": commune_a.pk}).status_code == 404


def test_the_spread_of_a_model_is_grouped_under_each_province(
    officer_a, exemplar_a, commune_a, village_a, province
):
    from thidua.exemplars import selectors
    from thidua.exemplars.models import Replication

    transition(exemplar_a, "nurture", by=officer_a)
    exemplar_a = recognise(exemplar_a, by=officer_a)
    for unit in (village_a, commune_a):
        services.add_record(actor=officer_a, exemplar=exemplar_a, model=Replication, unit=unit,
                            adopted_on=datetime.date(2025, 3, 1))  # fmt: skip

    spread = selectors.replication_spread(exemplar_a)

    assert [(top, [r.unit.name for r in items]) for top, items in spread] == [
        ("Tỉnh Thử Nghiệm", ["Xã An Phú", "Thôn Một"]),
    ]
    assert [r.lineage_text for r in spread[0][1]] == ["", "Xã An Phú"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_subjects_export_in_both_formats_sorted_by_given_name(
    client, officer_a, commune_a, person_a, fmt
):
    import io

    from docx import Document

    services.create_subject(actor=officer_a, unit=commune_a, kind="individual", name="Lê Thị Ba")
    client.force_login(officer_a)

    response = client.get(reverse("exemplars:subject_export", args=[fmt]))

    if fmt == "xlsx":
        names = [row[1] for row in table_of(response.content)[1:]]
    else:
        table = Document(io.BytesIO(response.content)).tables[1]
        names = [row.cells[1].text for row in table.rows[1:]]
    assert names == ["Nguyễn Văn Ân", "Lê Thị Ba"]  # Ân < Ba by given name


def test_control_characters_never_break_the_exports(client, officer_a, commune_a):
    client.force_login(officer_a)
    client.post(reverse("exemplars:subject_create", args=[commune_a.pk]),
                {"kind": "individual", "name": "A\x01B"})  # fmt: skip
    subject = Subject.objects.get()
    assert subject.name == "AB"  # stripped on the way in
    Subject.objects.filter(pk=subject.pk).update(name="C\x02D")  # and if one got in anyway

    for fmt in ("xlsx", "docx"):
        assert client.get(reverse("exemplars:subject_export", args=[fmt])).status_code == 200


def test_a_stage_reason_too_long_is_refused_and_kept(client, officer_a, exemplar_a):
    client.force_login(officer_a)

    response = client.post(reverse("exemplars:action", args=[exemplar_a.pk, "decline"]),
                           {"reason": "x" * 2001}, HTTP_HX_REQUEST="true")  # fmt: skip

    exemplar_a.refresh_from_db()
    assert exemplar_a.stage == "discovered"
    assert "Lý do dài quá 2000 ký tự." in response.content.decode()


def test_the_same_exemplar_twice_is_refused(officer_a, person_a, exemplar_a, field):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.create_exemplar(actor=officer_a, subject=person_a, field=field, year_from=2023,
                                 title="Mô hình trồng lúa hữu cơ")  # fmt: skip


def test_checklist_notes_and_movements_are_in_the_audit(officer_a, exemplar_a):
    from thidua.audit.models import AuditEvent

    first = exemplar_a.checks.order_by("criterion__position").first()
    services.update_checks(actor=officer_a, exemplar=exemplar_a,
                           answers={first.pk: (False, "Biên bản họp")})  # fmt: skip

    event = AuditEvent.objects.filter(target_type="exemplars.exemplar").latest("pk")
    assert event.changes == {"tiêu chí 1, minh chứng": ["", "Biên bản họp"]}


def _stage_counts(client):
    rows = client.get(reverse("exemplars:list")).context["stage_counts"]
    return {stage: (n, more) for stage, _label, n, more in rows}


def test_stage_counts_stop_at_their_bound_and_say_more(
    client, site_admin, officer_a, officer_b, person_a, exemplar_a, field, monkeypatch
):
    """The nation's counts stop at their bound; a unit's subtree is counted exactly."""
    from thidua.exemplars import selectors

    services.create_exemplar(actor=officer_a, subject=person_a, title="Mô hình thứ hai",
                             field=field, year_from=2024)  # fmt: skip
    monkeypatch.setattr(selectors, "STAGE_COUNT_LIMIT", 1)
    client.force_login(site_admin)
    nation = _stage_counts(client)
    page = client.get(reverse("exemplars:list")).content.decode()
    client.force_login(officer_a)
    mine = _stage_counts(client)
    client.force_login(officer_b)
    sibling = _stage_counts(client)

    assert nation["discovered"] == (1, True)
    assert "hơn 1" in page
    assert mine["discovered"] == (2, False)
    assert mine["nurturing"] == (0, False)
    assert sibling["discovered"] == (0, False)  # a sibling's exemplars are not counted


def test_the_page_offers_only_the_records_of_the_current_stage(client, officer_a, exemplar_a):
    client.force_login(officer_a)

    def offered():
        page = client.get(exemplar_a.get_absolute_url()).content.decode()
        return [kind for kind in ("nurturing", "recognition", "replication")
                if f"/{exemplar_a.pk}/ghi-nhan/{kind}/" in page]  # fmt: skip

    discovered = offered()
    transition(exemplar_a, "nurture", by=officer_a)
    nurturing = offered()
    recognise(exemplar_a, by=officer_a)

    assert discovered == []
    assert nurturing == ["nurturing"]
    assert offered() == ["nurturing", "recognition", "replication"]


def test_a_record_the_stage_does_not_take_is_refused(client, officer_a, exemplar_a):
    client.force_login(officer_a)

    page = client.post(reverse("exemplars:record_add", args=[exemplar_a.pk, "recognition"]),
                       {"level": "commune", "occasion": "Sơ kết", "on": "01/02/2025"})  # fmt: skip

    assert page.status_code == 400
    assert "giai đoạn «Phát hiện»: chưa ghi tôn vinh, công nhận được." in page.content.decode()
    assert not exemplar_a.recognitions.exists()
