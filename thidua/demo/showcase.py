"""Demo pages of the public showcase: the recognised exemplars of Xã Đại Sơn, with their
subjects' consent and a photo each, published so that /guong-dien-hinh/ has something to
show on the day of `make run`."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageOps

from thidua.exemplars import services as exemplar_services
from thidua.exemplars.models import Exemplar
from thidua.showcase import services
from thidua.showcase.models import Publication

STORIES = {
    "Nguyễn Văn Hùng": (
        "Người nông dân đưa lúa hữu cơ về cánh đồng Đại Sơn",
        "Từ năm 2023, ông Nguyễn Văn Hùng chuyển 3 ha lúa sang canh tác hữu cơ, không dùng "
        "phân bón hóa học và thuốc trừ sâu.\n\nÔng liên kết với hợp tác xã để bao tiêu sản "
        "phẩm, giá bán cao hơn lúa thường 20%. Mô hình đã được hai xã lân cận áp dụng.",
    ),
    "Phạm Thị Thu Hằng": (
        "Cô giáo dạy STEM bằng vật liệu tái chế",
        "Cô Phạm Thị Thu Hằng cùng học sinh làm mô hình khoa học từ chai nhựa, bìa các-tông "
        "và linh kiện cũ.\n\nCác tiết học giúp học sinh say mê khoa học và có ý thức bảo vệ "
        "môi trường.",
    ),
}


def _photo(seed: int) -> SimpleUploadedFile:
    """A plain picture drawn here (no file to ship): a warm gradient."""
    gradient = Image.linear_gradient("L").resize((1200, 800)).rotate(seed * 35, expand=False)
    image = ImageOps.colorize(gradient, "#a61b1b", "#f6d365")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"anh-minh-hoa-{seed}.jpg", buffer.getvalue(), "image/jpeg")


def seed_showcase(*, commune) -> int:
    """Publish the demo stories not yet published; returns how many pages are public."""
    given = timezone.localdate() - datetime.timedelta(days=30)
    for seed, (name, (headline, story)) in enumerate(STORIES.items(), start=1):
        exemplar = Exemplar.objects.filter(unit=commune, subject__name=name).first()
        if exemplar is None or Publication.objects.filter(exemplar=exemplar).exists():
            continue
        services.record_consent(
            actor=None,
            subject=exemplar.subject,
            given_on=given,
            note="Giấy đồng ý có chữ ký, lưu tại bộ phận văn hóa – xã hội",
        )
        photo = exemplar_services.add_evidence(
            actor=None, exemplar=exemplar, upload=_photo(seed), note="Ảnh minh họa"
        )
        services.save_publication(
            actor=None,
            exemplar=exemplar,
            headline=headline,
            story=story,
            photos=[photo],
            publish=True,
        )
    return Publication.objects.filter(exemplar__unit=commune, state="published").count()
