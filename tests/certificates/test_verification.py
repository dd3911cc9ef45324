"""Anyone verifies a certificate at /xac-minh/<code>/: the award, the name as printed, the
decision and whether it was revoked; an unknown code says so; the page is rate-limited."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from thidua.awards import history
from thidua.certificates import services
from thidua.certificates.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate(issued):
    services.number_certificates(decision=issued)
    return Certificate.objects.get(name="Đặng Thị Ngọc Ánh")


def test_a_valid_certificate(client, certificate):
    page = client.get(reverse("public:verify", args=[certificate.code])).content.decode()

    assert "có giá trị" in page
    for shown in ("Đặng Thị Ngọc Ánh", "Lao động tiên tiến", "Số 01/QĐ-UBND ngày 20/12/2025",
                  certificate.number):  # fmt: skip
        assert shown in page
    assert "Xã An Phú" not in page.split("Cơ quan, người quyết định")[0]  # nothing else of her
    assert 'href="/dang-nhap/' not in page


def test_the_code_as_typed_from_paper(client, certificate):
    typed = certificate.code_display.lower()

    response = client.get(reverse("public:verify_form"), {"ma": typed})

    assert response.status_code == 302
    assert response["Location"] == reverse("public:verify", args=[certificate.code])


def test_an_unknown_code(client, certificate):
    response = client.get(reverse("public:verify", args=["ABCDEFGHJKMN"]))

    assert response.status_code == 404
    assert "Không có giấy khen, bằng khen nào mang mã «ABCDEFGHJKMN»" in response.content.decode()


def test_a_revoked_award_says_so(client, certificate, officer_a):
    history.revoke_award(actor=officer_a, record=certificate.record, on=datetime.date(2026, 3, 2),
                         note="Quyết định số 15/QĐ-UBND ngày 02/3/2026 hủy bỏ")  # fmt: skip

    page = client.get(reverse("public:verify", args=[certificate.code])).content.decode()

    assert "đã bị hủy" in page
    assert "ngày 02/03/2026" in page
    assert "Quyết định số 15/QĐ-UBND ngày 02/3/2026 hủy bỏ" in page


def test_lookups_are_limited_per_address(client, certificate, settings):
    settings.PUBLIC_LOOKUPS_PER_MINUTE = 3
    url = reverse("public:verify", args=[certificate.code])

    statuses = [client.get(url).status_code for _ in range(4)]
    other = client.get(url, REMOTE_ADDR="10.0.0.9")

    assert statuses == [200, 200, 200, 429]
    assert "Tra cứu quá nhiều lần" in client.get(url).content.decode()
    assert other.status_code == 200


def test_an_anonymous_crawler_never_reaches_a_private_page(client, certificate):
    """Follow every link of the public pages: each answers without a login, none leads to
    a page behind it or to a private file."""
    import re

    queue = [reverse("public:verify_form"), reverse("public:verify", args=[certificate.code])]
    seen, private = set(), []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302) or "/dang-nhap/" in response.get("Location", ""):
            private.append(url)
            continue
        for link in re.findall(r'(?:href|src|action)="([^"#]*)"', response.content.decode()):
            if link.startswith("/") and not link.startswith("/static/"):
                queue.append(link.split("?")[0])

    assert private == []
    assert len(seen) >= 2
