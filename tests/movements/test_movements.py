import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.audit.models import AuditEvent
from thidua.movements import selectors, services
from thidua.movements.models import Drive, Movement, WorkRegistration
from thidua.workflow.engine import transition

D = datetime.date


def test_movements_are_seen_from_below_and_above_never_from_the_side(
    officer_a, officer_b, province_officer, province_movement, movement_a
):
    assert set(selectors.visible_movements(officer_a)) == {province_movement, movement_a}
    assert set(selectors.visible_movements(officer_b)) == {province_movement}
    assert set(selectors.visible_movements(province_officer)) == {province_movement, movement_a}


def test_a_drive_must_fall_inside_its_movement(province_movement, province_officer):
    with pytest.raises(ValidationError):
        services.add_drive(actor=province_officer, movement=province_movement, name="Ngoài",
                           starts_on=D(2026, 1, 1), ends_on=D(2026, 2, 1))  # fmt: skip

    assert not Drive.objects.exists()


def test_sibling_officer_gets_404_on_a_movement_of_a(client, officer_b, movement_a):
    client.force_login(officer_b)

    for name in ["movements:detail", "movements:edit"]:
        assert client.get(reverse(name, args=[movement_a.pk])).status_code == 404
    assert (
        client.get(reverse("movements:create", args=[movement_a.launched_by_id])).status_code == 404
    )
    assert client.get(f"/api/v1/movements/{movement_a.pk}").status_code == 404


def test_a_commune_officer_registers_a_work_for_a_province_drive(client, officer_a, officer_b,
                                                                 drive, commune_a):  # fmt: skip
    client.force_login(officer_a)
    url = reverse("movements:registration_add", args=[drive.movement.pk])

    client.post(url, {"drive": drive.pk, "unit": commune_a.pk, "title": "Đường hoa nông thôn",
                      "registered_on": "10/05/2025"})  # fmt: skip
    client.force_login(officer_b)
    sibling_view = client.get(drive.movement.get_absolute_url()).context["registrations"]
    forged = client.post(url, {"drive": drive.pk, "unit": commune_a.pk, "title": "Giả",
                               "registered_on": "10/05/2025"})  # fmt: skip

    assert [r.title for r in WorkRegistration.objects.all()] == ["Đường hoa nông thôn"]
    assert list(sibling_view) == []
    assert forged.status_code == 400  # refused as an invalid choice, the form shown again
    assert "unit" in forged.context["registration_form"].errors


def test_only_officers_of_the_launching_unit_manage_it(client, officer_a, council_member,
                                                       province_movement):  # fmt: skip
    for user in (officer_a, council_member):
        client.force_login(user)
        response = client.post(reverse("movements:edit", args=[province_movement.pk]),
                               {"name": "Đổi", "starts_on": "01/01/2021", "ends_on": "31/12/2025",
                                "status": "closed"})  # fmt: skip
        assert response.status_code == 403
    province_movement.refresh_from_db()
    assert province_movement.name == "Chung sức xây dựng nông thôn mới"


def test_officer_launches_and_reviews_a_movement(client, officer_a, commune_a):
    client.force_login(officer_a)

    client.post(reverse("movements:create", args=[commune_a.pk]),
                {"name": "Phụ nữ An Phú giỏi việc nước", "starts_on": "01/01/2025",
                 "ends_on": "31/12/2025", "status": "active"})  # fmt: skip
    movement = Movement.objects.get()
    client.post(reverse("movements:action", args=[movement.pk, "review"]))

    movement.refresh_from_db()
    assert movement.status == "reviewed"
    changes = [e.changes for e in AuditEvent.objects.filter(target_type="movements.movement")]
    assert changes[-1] == {"status": ["active", "reviewed"]}


def test_an_exemplar_is_tied_to_movements_at_or_above_its_unit(client, officer_a, province_movement,
                                                               movement_a, commune_a):  # fmt: skip
    from thidua.exemplars import services as exemplar_services
    from thidua.exemplars.models import Field

    person = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                              name="Lò Văn Pấu")  # fmt: skip
    client.force_login(officer_a)

    field = Field.objects.get(code="agriculture")
    data = {"title": "Nuôi ong", "field": field.pk, "year_from": "2024",
            "movements": [province_movement.pk, movement_a.pk]}  # fmt: skip

    client.post(reverse("exemplars:subject_detail", args=[person.pk]), data)

    assert set(person.exemplars.get().movements.all()) == {province_movement, movement_a}


@pytest.mark.parametrize("item_count", [1, 3])
def test_movement_list_queries_do_not_grow(client, officer_a, commune_a, item_count,
                                           django_assert_num_queries):  # fmt: skip
    for n in range(item_count):
        services.launch_movement(actor=officer_a, launched_by=commune_a, name=f"Phong trào {n}",
                                 starts_on=D(2024, 1, 1), ends_on=D(2024, 12, 31))  # fmt: skip
    client.force_login(officer_a)

    with django_assert_num_queries(6):
        client.get(reverse("movements:list"))


def test_sibling_officer_cannot_add_drives_or_registrations_to_a(client, officer_b, movement_a):
    client.force_login(officer_b)

    data = {"name": "X", "starts_on": "01/02/2024", "ends_on": "02/02/2024"}
    drive = client.post(reverse("movements:drive_add", args=[movement_a.pk]), data)
    registration = client.post(reverse("movements:registration_add", args=[movement_a.pk]), {})

    assert (drive.status_code, registration.status_code) == (404, 404)
    assert not Drive.objects.exists()


def test_exemplars_filter_by_movement_in_pages_and_api(
    client, officer_a, officer_b, province_movement, movement_a, commune_a
):
    from thidua.exemplars import services as exemplar_services
    from thidua.exemplars.models import Field

    field = Field.objects.get(code="agriculture")
    person = exemplar_services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                              name="Lò Thị Xuân")  # fmt: skip
    tied = exemplar_services.create_exemplar(actor=officer_a, subject=person, title="Một",
                                             field=field, year_from=2024,
                                             movements=[movement_a])  # fmt: skip
    exemplar_services.create_exemplar(actor=officer_a, subject=person, title="Hai", field=field,
                                      year_from=2024)  # fmt: skip
    client.force_login(officer_a)

    page = client.get(reverse("exemplars:list"), {"movement": movement_a.pk}).context["page"]
    api = client.get("/api/v1/exemplars", {"movement": movement_a.pk}).json()
    client.force_login(officer_b)
    sibling = client.get("/api/v1/exemplars", {"movement": movement_a.pk})

    assert list(page.object_list) == [tied]
    assert [e["id"] for e in api["items"]] == [tied.pk]
    assert sibling.status_code == 404


def test_status_follows_its_table_and_the_period_keeps_its_drives(
    province_movement, drive, province_officer
):
    transition(province_movement, "close", by=province_officer)

    with pytest.raises(ValidationError, match="Không thể «Tiếp tục triển khai»"):
        transition(province_movement, "resume", by=province_officer)
    with pytest.raises(ValidationError, match="đợt thi đua"):
        services.update_movement(actor=province_officer, movement=province_movement,
                                 ends_on=D(2024, 12, 31))  # fmt: skip


def test_a_drive_form_with_errors_keeps_what_was_typed(client, province_officer, province_movement):
    client.force_login(province_officer)

    data = {"name": "Đợt hè", "starts_on": "31/02/2025", "ends_on": "01/03/2025"}

    response = client.post(reverse("movements:drive_add", args=[province_movement.pk]), data)

    assert response.status_code == 400
    assert 'value="Đợt hè"' in response.content.decode()


def test_a_work_is_registered_once(drive, commune_a, officer_a):
    services.register_work(actor=officer_a, drive=drive, unit=commune_a, title="Đường hoa",
                           registered_on=D(2025, 5, 2))  # fmt: skip

    with pytest.raises(ValidationError):
        services.register_work(actor=officer_a, drive=drive, unit=commune_a, title="đường  hoa",
                               registered_on=D(2025, 5, 3))  # fmt: skip


def test_the_exemplar_list_searches_movements_as_typed_within_scope(
    client, officer_a, officer_b, province_movement, movement_a
):
    """However many movements the nation has, the filter never lists them whole; its
    suggestions are the user's own and those above, never a sibling's."""
    client.force_login(officer_b)
    page = client.get(reverse("exemplars:list")).content.decode()
    sibling = client.get("/chon/phong-trao/", {"q": "an phu"}).content.decode()
    above = client.get("/chon/phong-trao/", {"q": "nong thon"}).content.decode()

    assert "<option" not in page.split('name="movement"', 1)[1].split("</div>", 1)[0]
    assert "Xã An Phú sạch đẹp" not in sibling
    assert "Chung sức xây dựng nông thôn mới" in above
