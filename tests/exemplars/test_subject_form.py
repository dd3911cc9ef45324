"""The subject form groups its fields by subject kind, and keeps only those of the kind
chosen (what was typed for another kind, before switching, is not stored)."""

import re

from django.urls import reverse

from thidua.exemplars.models import Subject


def test_the_fields_are_grouped_by_kind(client, officer_a, commune_a):
    client.force_login(officer_a)

    page = client.get(reverse("exemplars:subject_create", args=[commune_a.pk])).content.decode()

    groups = re.findall(r'<fieldset data-kinds="([a-z ]+)"><legend>([^<]+)</legend>', page)
    assert groups == [("individual", "Thông tin cá nhân"), ("collective", "Thông tin tập thể"),
                      ("collective household", "Quy mô")]  # fmt: skip
    household = page.split('data-kinds="collective household"')[1].split("</fieldset>")[0]
    assert 'name="size"' in household
    assert 'name="collective_kind"' not in household
    individual = page.split('data-kinds="individual"')[1].split("</fieldset>")[0]
    assert 'name="birth_year"' in individual
    assert 'name="size"' not in individual


def test_only_the_chosen_kinds_fields_are_kept(client, officer_a, commune_a):
    client.force_login(officer_a)
    url = reverse("exemplars:subject_create", args=[commune_a.pk])

    group = {"collective_kind": "hợp tác xã", "size": "25"}
    client.post(url, {"kind": "collective", "name": "Hợp tác xã Tân Tiến", "gender": "male",
                      "birth_year": "1980", **group})  # fmt: skip
    client.post(url, {"kind": "household", "name": "Hộ bà Lê Thị Hoa", "collective_kind": "tổ",
                      "size": "5"})  # fmt: skip
    client.post(url, {"kind": "individual", "name": "Lê Văn Bình", "birth_year": "1990",
                      "size": "40"})  # fmt: skip

    rows = Subject.objects.filter(unit=commune_a).order_by("pk")
    assert [(s.kind, s.gender, s.birth_year, s.collective_kind, s.size) for s in rows] == [
        ("collective", "", None, "hợp tác xã", 25),
        ("household", "", None, "", 5),
        ("individual", "", 1990, "", None),
    ]


def test_an_error_in_another_kinds_field_does_not_block(client, officer_a, commune_a):
    """A birth year mistyped before switching to «Tập thể» is dropped with its error."""
    client.force_login(officer_a)
    url = reverse("exemplars:subject_create", args=[commune_a.pk])

    client.post(url, {"kind": "collective", "name": "Tổ hợp tác Hòa Bình", "birth_year": "19800"})
    refused = client.post(url, {"kind": "individual", "name": "Lê Văn Cường",
                                "birth_year": "19800"})  # fmt: skip

    assert list(Subject.objects.filter(unit=commune_a).values_list("name", flat=True)) == [
        "Tổ hợp tác Hòa Bình"
    ]
    assert "Năm sinh:" in refused.content.decode()
