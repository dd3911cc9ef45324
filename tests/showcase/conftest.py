import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.certificates.conftest import issued  # noqa: F401 -- shared fixtures
from tests.exemplars.conftest import exemplar_a, field, person_a  # noqa: F401
from tests.exemplars.recognition import recognise
from thidua.exemplars import services as exemplar_services
from thidua.showcase import services
from thidua.workflow.engine import transition

GIVEN = datetime.date(2026, 5, 4)


def jpeg_with_gps(size=(3000, 2000), orientation=6) -> bytes:
    """A phone's photo: EXIF with the camera's rotation and the GPS position of the house."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: rotate 90° to show upright
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (21.0, 1.0, 30.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (105.0, 48.0, 12.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), quality=70)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def recognised(exemplar_a, officer_a):  # noqa: F811
    nurtured = transition(exemplar_a, "nurture", by=officer_a)
    return recognise(nurtured, by=officer_a)


@pytest.fixture
def photo(recognised, officer_a):
    upload = SimpleUploadedFile("anh-vuon.jpg", jpeg_with_gps(), content_type="image/jpeg")
    return exemplar_services.add_evidence(
        actor=officer_a, exemplar=recognised, upload=upload, note="Cánh đồng lúa hữu cơ"
    )


@pytest.fixture
def consented(recognised, officer_a):
    services.record_consent(
        actor=officer_a, subject=recognised.subject, given_on=GIVEN, note="Giấy đồng ý có chữ ký"
    )
    return recognised


@pytest.fixture
def published(consented, photo, officer_a):
    return services.save_publication(
        actor=officer_a,
        exemplar=consented,
        headline="Người nông dân trồng lúa hữu cơ",
        story="Ông Ân chuyển 2 ha lúa sang canh tác hữu cơ.\n\nNăng suất tăng 20%.",
        photos=[photo],
        publish=True,
    )


def more_pages(published, n: int) -> None:
    """`n` more published pages, each of its own exemplar (copies of the first's rows)."""
    from thidua.exemplars.models import Exemplar
    from thidua.showcase.models import Publication, public_token

    for i in range(n):
        twin = Exemplar.objects.get(pk=published.exemplar_id)
        twin.pk = None
        twin.save()
        copy = Publication.objects.get(pk=published.pk)
        copy.pk, copy.token, copy.exemplar = None, public_token(), twin
        copy.headline = f"{published.headline} {i}"
        copy.save()
