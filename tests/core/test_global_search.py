"""One search box: units, people, exemplars, plans and conferences in the user's scope,
without diacritics; a sibling finds nothing of the other commune."""

from django.urls import reverse

from thidua.conferences import services as conference_services
from thidua.exemplars import services as exemplar_services
from thidua.plans import drafts


def test_one_box_finds_every_kind_in_scope(client, officer_a, officer_b, commune_a, field):
    person = exemplar_services.create_subject(actor=officer_a, unit=commune_a,
                                              kind="individual", name="Đặng Thị Huệ")  # fmt: skip
    exemplar_services.create_exemplar(actor=officer_a, subject=person, title="Huệ trồng nấm",
                                      field=field, year_from=2024)  # fmt: skip
    drafts.create_plan(actor=officer_a, issuer=commune_a, title="Kế hoạch tuyên dương Huệ",
                       kind="other")  # fmt: skip
    conference_services.create_conference(actor=officer_a, unit=commune_a, period_start=2025,
                                          period_end=2030, name="Hội nghị Huệ")  # fmt: skip
    client.force_login(officer_a)

    page = client.get(reverse("search"), {"q": "hue"}).content.decode()
    client.force_login(officer_b)
    sibling = client.get(reverse("search"), {"q": "hue"}).content.decode()

    for shown in ["Đặng Thị Huệ", "Huệ trồng nấm", "Kế hoạch tuyên dương Huệ", "Hội nghị Huệ"]:
        assert shown in page
        assert shown not in sibling


def test_plans_and_conferences_are_found_without_diacritics(client, officer_a, commune_a):
    drafts.create_plan(actor=officer_a, issuer=commune_a, title="Tổ chức Đại hội", kind="other",
                       symbol="12/KH-UBND")  # fmt: skip
    conference_services.create_conference(actor=officer_a, unit=commune_a, period_start=2025,
                                          period_end=2030, name="Đại hội Thi đua xã")  # fmt: skip
    client.force_login(officer_a)

    plans = client.get(reverse("plans:list"), {"q": "dai hoi 12/kh"}).content.decode()
    conferences = client.get(reverse("conferences:list"), {"q": "dai hoi thi dua"}).content.decode()

    assert "Tổ chức Đại hội" in plans
    assert "Đại hội Thi đua xã" in conferences
