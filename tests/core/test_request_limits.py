"""RequestLimitsMiddleware: a body above the view's limit is refused with 413 before anything
reads it; the evidence upload takes larger files; a NUL byte in the query string is dropped,
one in the path refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.exemplars import services, views
from thidua.exemplars.models import Criterion, Evidence, Field
from thidua.exemplars.reference import load_reference_data

MB = 1024 * 1024
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


class UnreadableBody:
    """A wsgi.input that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _view_ran(*args, **kwargs):
    raise AssertionError("the view ran")


@pytest.fixture
def exemplar(commune_a, officer_a):
    load_reference_data(Field, Criterion)
    subject = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                      name="Nguyễn Văn Ân")  # fmt: skip
    return services.create_exemplar(actor=officer_a, subject=subject, year_from=2024,
                                    title="Mô hình lúa hữu cơ",
                                    field=Field.objects.get(code="agriculture"))  # fmt: skip


def _post_claiming(client, path, megabytes):
    return client.generic(
        "POST", path, b"", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(int(megabytes * MB)), **{"wsgi.input": UnreadableBody()},
    )  # fmt: skip


def test_an_oversize_body_gets_413_before_the_view_or_anything_reads_it(
    client, officer_a, exemplar, settings, monkeypatch
):
    settings.REQUEST_MAX_MB = 50
    monkeypatch.setattr(views, "_editable_exemplar", _view_ran)
    client.force_login(officer_a)
    path = reverse("exemplars:record_add", args=[exemplar.pk, "nurturing"])

    response = _post_claiming(client, path, 1200)

    assert response.status_code == 413
    assert "vượt quá giới hạn 50 MB" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_under_api_the_413_is_json(client, officer_a, settings):
    settings.REQUEST_MAX_MB = 5
    client.force_login(officer_a)

    response = _post_claiming(client, "/api/v1/plan-documents/extract", 6)

    assert response.status_code == 413
    assert "5 MB" in response.json()["detail"]


def test_the_evidence_upload_is_refused_above_its_own_limit(
    client, officer_a, exemplar, settings, monkeypatch
):
    settings.REQUEST_MAX_MB = 1
    settings.EVIDENCE_MAX_MB = {"image": 1, "pdf": 1, "video": 2}
    monkeypatch.setattr(views, "_editable_exemplar", _view_ran)
    client.force_login(officer_a)

    response = _post_claiming(client, reverse("exemplars:evidence_upload", args=[exemplar.pk]), 4)

    assert response.status_code == 413
    assert "3 MB" in response.content.decode()  # the largest kind's limit and the envelope


def test_the_evidence_upload_takes_more_than_other_views(client, officer_a, exemplar, settings):
    settings.REQUEST_MAX_MB = 1
    settings.EVIDENCE_MAX_MB = {"image": 1, "pdf": 1, "video": 4}
    client.force_login(officer_a)
    path = reverse("exemplars:evidence_upload", args=[exemplar.pk])
    video = MP4 + b"\x00" * (3 * MB)

    accepted = client.post(path, {"file": SimpleUploadedFile("clip.mp4", video)})
    elsewhere = client.post(reverse("exemplars:record_add", args=[exemplar.pk, "nurturing"]),
                            {"note": "x" * (2 * MB)})  # fmt: skip

    assert accepted.status_code == 302
    assert Evidence.objects.get().kind == "video"
    assert elsewhere.status_code == 413


def test_a_nul_byte_in_the_query_string_is_dropped(client, officer_a, exemplar):
    client.force_login(officer_a)

    page = client.get(reverse("exemplars:list") + "?q=l%00ua+huu%00+co")
    api = client.get("/api/v1/exemplars?field=%00&q=%00lua")

    assert page.status_code == 200
    assert exemplar.title in page.content.decode()
    assert api.status_code == 200
    assert [item["id"] for item in api.json()["items"]] == [exemplar.pk]


def test_a_nul_byte_in_the_path_is_refused(client, officer_a):
    client.force_login(officer_a)

    page = client.get("/dien-hinh/\x00/")
    api = client.get("/api/v1/units/\x00")

    assert page.status_code == 400
    assert "NUL" in page.content.decode()
    assert (api.status_code, "NUL" in api.json()["detail"]) == (400, True)
