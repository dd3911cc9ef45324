"""Publishing an exemplar to the showcase: only a recognised one whose subject consented;
withdrawing consent (or the exemplar) unpublishes at once; photos lose their EXIF."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from tests.showcase.conftest import GIVEN
from thidua.audit.models import AuditEvent
from thidua.showcase import services
from thidua.showcase.models import Consent, PublicationState
from thidua.workflow.engine import Refused, transition
from thidua.workflow.models import Transition

pytestmark = pytest.mark.django_db


def _publish(exemplar, officer, **extra):
    return services.save_publication(
        actor=officer,
        exemplar=exemplar,
        headline="Tiêu đề",
        story="Câu chuyện.",
        photos=[],
        publish=True,
        **extra,
    )


def test_publishing_needs_the_subjects_consent(recognised, officer_a):
    with pytest.raises(Refused, match="Chưa ghi nhận sự đồng ý công khai của Nguyễn Văn Ân"):
        _publish(recognised, officer_a)

    services.record_consent(
        actor=officer_a, subject=recognised.subject, given_on=GIVEN, note="Giấy đồng ý"
    )
    page = _publish(recognised, officer_a)

    assert page.state == PublicationState.PUBLISHED
    assert page.place == "Xã An Phú, Tỉnh Thử Nghiệm"
    row = Transition.objects.get(workflow="publication")
    assert (row.action, row.actor, row.to_state) == ("publish", officer_a, "published")


def test_only_a_recognised_exemplar_is_published(exemplar_a, officer_a):
    services.record_consent(
        actor=officer_a, subject=exemplar_a.subject, given_on=GIVEN, note="Giấy đồng ý"
    )

    with pytest.raises(Refused, match="Chỉ công khai điển hình đã được công nhận"):
        _publish(exemplar_a, officer_a)


def test_withdrawing_consent_unpublishes_at_once(client, published, officer_a):
    url = published.get_public_url()
    before = client.get(url)  # now cached
    listed = client.get(reverse("showcase:list")).content.decode()

    gone = services.withdraw_consent(
        actor=officer_a, subject=published.exemplar.subject, note="Gia đình không muốn công khai"
    )

    assert before.status_code == 200
    assert published.headline in listed
    assert gone == 1
    assert client.get(url).status_code == 404
    assert published.headline not in client.get(reverse("showcase:list")).content.decode()
    consent = Consent.objects.get()
    assert (consent.withdrawn_by, consent.withdrawal_note) == (
        officer_a,
        "Gia đình không muốn công khai",
    )
    row = Transition.objects.get(workflow="publication", action="unpublish")
    assert row.reason.startswith("Nguyễn Văn Ân rút lại sự đồng ý công khai.")
    photo = published.photos.get()
    assert client.get(reverse("showcase:photo", args=[photo.token, "lon"])).status_code == 404


def test_a_withdrawn_exemplar_leaves_the_showcase(client, published, officer_a):
    transition(published.exemplar, "withdraw", by=officer_a, reason="Vi phạm pháp luật")

    published.refresh_from_db()
    assert published.state == PublicationState.UNPUBLISHED
    assert client.get(published.get_public_url()).status_code == 404


def test_a_consent_is_not_recorded_twice_nor_dated_ahead(consented, officer_a):
    with pytest.raises(Exception, match="Đã ghi nhận sự đồng ý"):
        services.record_consent(
            actor=officer_a, subject=consented.subject, given_on=GIVEN, note="Lần hai"
        )
    assert AuditEvent.objects.filter(target_type="showcase.consent").count() == 1


def test_public_photos_are_resized_upright_and_without_exif(published):
    photo = published.photos.get()
    with photo.image.open("rb") as handle:
        data = handle.read()
    with photo.thumb.open("rb") as handle:
        thumb = Image.open(io.BytesIO(handle.read()))
    image = Image.open(io.BytesIO(data))

    assert image.size == (1067, 1600)  # 3000×2000 turned upright (EXIF orientation 6)
    assert max(thumb.size) == 480
    assert not image.getexif()
    assert b"Exif" not in data
    assert b"PhoneMaker" not in data
    assert (photo.width, photo.height) == (1067, 1600)


def test_a_photo_that_is_not_an_image_is_refused(consented, officer_a, tmp_path):
    from django.core.exceptions import ValidationError

    from thidua.showcase.photos import public_versions

    with pytest.raises(ValidationError, match="Không đọc được ảnh này"):
        public_versions(io.BytesIO(b"%PDF-1.4 not an image"))
