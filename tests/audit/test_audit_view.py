from django.urls import reverse

from thidua.units.services import update_unit


def test_audit_page_shows_who_changed_what(client, province_officer, agency):
    update_unit(actor=province_officer, unit=agency, workforce=125)
    client.force_login(province_officer)

    response = client.get(reverse("audit"), {"type": "units.unit"})

    latest = response.context["page"].object_list[0]
    assert (latest.actor_name, latest.changes) == (str(province_officer), {"workforce": [120, 125]})
    assert "120 → 125" in response.content.decode()


def test_audit_of_a_deleted_unit_stays_visible_in_its_subtree(client, officer_a, village_a):
    from thidua.units.services import delete_unit

    delete_unit(actor=officer_a, unit=village_a)
    client.force_login(officer_a)

    events = client.get(reverse("audit")).context["page"].object_list

    assert [(e.action, e.target_repr) for e in events][:1] == [("delete", "Thôn Một")]


def test_a_units_history_is_one_link_away(client, officer_a, commune_a, village_a):
    from thidua.units.services import update_unit

    update_unit(actor=officer_a, unit=village_a, address="Đầu làng")
    client.force_login(officer_a)

    page = client.get(village_a.get_absolute_url()).content.decode()
    history = client.get("/nhat-ky/", {"type": "units.unit", "id": village_a.pk})

    assert f"?type=units.unit&amp;id={village_a.pk}" in page
    assert [e.action for e in history.context["page"].object_list] == ["update", "create"]
