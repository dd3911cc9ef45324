"""The public showcase's pages (no login) and the officer's page of one exemplar."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from thidua.awards.models import AwardRecord
from thidua.movements.models import Movement
from thidua.showcase.models import Consent, Publication

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_province_field_and_movement_and_ignores_diacritics(
    client, published, province, field, commune_a
):
    movement = Movement.objects.create(
        name="Nông dân sản xuất giỏi",
        launched_by=province,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2030, 12, 31),
    )
    published.exemplar.movements.add(movement)
    url = reverse("showcase:list")

    def shown(**params):
        return published.headline in client.get(url, params).content.decode()

    assert shown(q="nguoi nong dan an phu")
    assert shown(tinh=province.code)
    assert shown(**{"linh-vuc": field.code, "phong-trao": movement.pk})
    assert not shown(q="binh minh")
    assert not shown(**{"linh-vuc": "health"})
    assert client.get(url, {"tinh": "không-có", "phong-trao": "x' OR 1=1"}).status_code == 200


def test_the_page_tells_the_story_with_photos_honours_and_share_tags(client, published):
    subject = published.exemplar.subject
    AwardRecord.objects.create(
        subject=subject,
        unit=subject.unit,
        title="Giấy khen",
        year=2025,
        decision_number="12/QĐ-UBND",
    )
    AwardRecord.objects.create(
        subject=subject,
        unit=subject.unit,
        title="Bằng khen",
        year=2024,
        revoked_on=datetime.date(2025, 3, 1),
    )

    body = client.get(published.get_public_url()).content.decode()

    assert "<p>Ông Ân chuyển 2 ha lúa sang canh tác hữu cơ.</p>" in body
    assert '<meta property="og:title" content="Người nông dân trồng lúa hữu cơ">' in body
    site = settings.SITE_URL.rstrip("/")
    assert f'content="{site}{published.get_public_url()}"' in body
    photo = published.photos.get()
    image = f"{site}/guong-dien-hinh/anh/{photo.token}/lon.jpg"
    assert f'og:image" content="{image}"' in body
    assert "Giấy khen năm 2025 (Quyết định số 12/QĐ-UBND" in body
    assert "Bằng khen" not in body  # revoked
    assert "Cấp xã: Hội nghị sơ kết phong trào thi đua" in body
    assert "1975" not in body  # nothing of the subject beyond the name and place
    served = client.get(reverse("showcase:photo", args=[photo.token, "nho"]))
    assert served["Content-Type"] == "image/jpeg"
    assert served["Cache-Control"] == "no-cache"


def test_a_draft_or_unknown_page_is_not_public(client, consented, officer_a):
    from thidua.showcase import services

    draft = services.save_publication(
        actor=officer_a,
        exemplar=consented,
        headline="Bản nháp",
        story="Chưa xong.",
        photos=[],
        publish=False,
    )

    assert client.get(draft.get_public_url()).status_code == 404
    assert client.get(reverse("showcase:page", args=["khong-co"])).status_code == 404
    assert "Bản nháp" not in client.get(reverse("showcase:list")).content.decode()


def test_the_list_costs_the_same_queries_for_more_pages(
    client, published, django_assert_num_queries
):
    def fill(n):
        for i in range(n):
            copy = Publication.objects.get(pk=published.pk)
            copy.pk, copy.token, copy.exemplar_id = None, f"t{i}{Publication.objects.count()}", None
            # a published page per exemplar; copies reuse the first's exemplar row content
            from thidua.exemplars.models import Exemplar

            twin = Exemplar.objects.get(pk=published.exemplar_id)
            twin.pk = None
            twin.save()
            copy.exemplar = twin
            copy.save()

    fill(2)
    cache.clear()
    with django_assert_num_queries(7) as few:
        client.get(reverse("showcase:list"))
    fill(10)
    cache.clear()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("showcase:list"))


def test_a_cached_page_costs_one_query(client, published, django_assert_num_queries):
    client.get(published.get_public_url())

    with django_assert_num_queries(1):  # the showcase's version
        response = client.get(published.get_public_url())

    assert response.status_code == 200


def test_the_officer_records_consent_and_publishes(client, officer_a, recognised, photo):
    client.force_login(officer_a)
    manage = reverse("showcase_admin:manage", args=[recognised.pk])

    refused = client.post(
        reverse("showcase_admin:consent", args=[recognised.pk]),
        {"given_on": "31/12/2999", "note": "Giấy đồng ý"},
    )
    client.post(
        reverse("showcase_admin:consent", args=[recognised.pk]),
        {"given_on": "04/05/2026", "note": "Giấy đồng ý"},
    )
    saved = client.post(
        reverse("showcase_admin:save", args=[recognised.pk]),
        {"headline": "Lúa hữu cơ", "story": "Câu chuyện.", "photos": [photo.pk], "publish": "1"},
    )
    page = client.get(manage).content.decode()

    assert refused.status_code == 400
    assert "Ngày đồng ý không được sau hôm nay." in refused.content.decode()
    assert 'value="Giấy đồng ý"' in refused.content.decode()
    assert saved.status_code == 302
    assert Consent.objects.get().recorded_by == officer_a
    assert "Đang công khai" in page
    assert Publication.objects.get().photos.count() == 1


def test_publishing_without_consent_keeps_what_was_typed(client, officer_a, recognised):
    client.force_login(officer_a)

    response = client.post(
        reverse("showcase_admin:save", args=[recognised.pk]),
        {"headline": "Lúa hữu cơ", "story": "Câu chuyện dài.", "publish": "1"},
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Chưa ghi nhận sự đồng ý công khai" in body
    assert "Câu chuyện dài." in body
    assert not Publication.objects.exists()


@pytest.mark.parametrize("name", ["manage", "consent", "consent_withdraw", "save", "unpublish"])
def test_a_sibling_officer_reaches_nothing(client, officer_b, published, name):
    client.force_login(officer_b)
    url = reverse(f"showcase_admin:{name}", args=[published.exemplar_id])

    response = client.get(url) if name == "manage" else client.post(url, {"reason": "x"})

    assert response.status_code == 404


def test_the_officer_unpublishes_with_a_reason(client, officer_a, published):
    client.force_login(officer_a)
    url = reverse("showcase_admin:unpublish", args=[published.exemplar_id])

    empty = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Cập nhật lại nội dung"})

    published.refresh_from_db()
    assert empty.status_code == 400
    assert done.status_code == 302
    assert published.state == "unpublished"


def test_the_host_asked_never_reaches_the_cached_page(client, published, settings):
    """og:url and og:image come from SITE_URL: a request for another allowed host cannot
    put its name into the page every later reader gets."""
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    client.get(published.get_public_url(), HTTP_HOST="evil.example")

    body = client.get(published.get_public_url()).content.decode()

    assert "evil.example" not in body


def test_unknown_parameters_neither_fill_the_cache_nor_reach_the_links(client, published):
    for n in range(5):
        client.get(reverse("showcase:list"), {"fbclid": f"x{n}"})

    kept = [key for key in cache._cache if "showcase:" in key]  # the local-memory backend's
    assert len(kept) == 1
    body = client.get(reverse("showcase:list"), {"fbclid": "rac"}).content.decode()
    assert "fbclid" not in body


@pytest.mark.parametrize(
    "query",
    [
        {"sau": "WyJ4IiwgMV0"},
        {"truoc": "WzEuNSwgInkiXQ"},
        {"tinh": "x" * 500},
        {"phong-trao": "-1"},
        {"q": "%00"},
    ],
)
def test_odd_addresses_never_end_in_an_error(client, published, query):
    assert client.get(reverse("showcase:list"), query).status_code == 200
    assert client.get(reverse("showcase:booklets"), query).status_code == 200
