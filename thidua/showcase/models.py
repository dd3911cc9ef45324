"""The public showcase of exemplars (sample 001 §III–IV: units publish their exemplars on
their websites and in the press). An exemplar reaches the public only through a
Publication, which the exemplar's unit writes for the public and publishes, and only
while its subject's consent stands: withdrawing it unpublishes at once (services)."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.files import upload_path
from thidua.core.jobs import Job


def public_token() -> str:
    """The public address of a page or a photo: random, so nothing can be enumerated."""
    return secrets.token_urlsafe(9)


class Consent(models.Model):
    """The subject's agreement to be shown to the public, as the officer recorded it. A
    withdrawn consent stays, for the record; a new one may follow."""

    subject = models.ForeignKey(
        "exemplars.Subject", on_delete=models.CASCADE, related_name="consents"
    )
    given_on = models.DateField(_("ngày đồng ý"))
    note = models.CharField(
        _("hình thức đồng ý"), max_length=255, help_text=_("Ví dụ: Giấy đồng ý có chữ ký")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_note = models.CharField(_("lý do rút lại"), max_length=255, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=models.Q(withdrawn_at=None),
                name="consent_one_standing",
            ),
        ]

    def __str__(self) -> str:
        return f"Đồng ý công khai ngày {self.given_on:%d/%m/%Y}"


class PublicationState(models.TextChoices):
    UNPUBLISHED = "unpublished", _("Chưa công khai")
    PUBLISHED = "published", _("Đang công khai")


class Publication(models.Model):
    """An exemplar as the public reads it: the headline and story written for the public,
    and the place, province and field copied when published (the list filters on its own
    columns, through its own indexes)."""

    exemplar = models.OneToOneField(
        "exemplars.Exemplar", on_delete=models.CASCADE, related_name="publication"
    )
    token = models.CharField(max_length=16, unique=True, default=public_token, editable=False)
    state = models.CharField(
        max_length=12, choices=PublicationState.choices, default=PublicationState.UNPUBLISHED
    )
    headline = models.CharField(_("tiêu đề"), max_length=255)
    story = models.TextField(_("câu chuyện"))
    name = models.CharField(_("tên hiển thị"), max_length=255)
    place = models.CharField(max_length=400)
    province = models.ForeignKey(
        "units.Unit", null=True, on_delete=models.PROTECT, related_name="+"
    )
    field = models.ForeignKey("exemplars.Field", on_delete=models.PROTECT, related_name="+")
    search_text = models.CharField(max_length=900, editable=False)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "-published_at", "-id"], name="publication_list_idx"),
            models.Index(
                fields=["province", "state", "-published_at", "-id"],
                name="publication_province_idx",
            ),
            models.Index(
                fields=["field", "state", "-published_at", "-id"], name="publication_field_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_public_url(self) -> str:
        return reverse("showcase:page", args=[self.token])


class PublicPhoto(models.Model):
    """A photo of the exemplar's evidence, as the public sees it: resized and re-encoded
    without its metadata (EXIF, with the place it was taken), in two sizes."""

    folder = "showcase"

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="photos")
    evidence = models.ForeignKey(
        "exemplars.Evidence", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=16, unique=True, default=public_token, editable=False)
    image = models.FileField(upload_to=upload_path)
    thumb = models.FileField(upload_to=upload_path)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    caption = models.CharField(max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption or f"Ảnh {self.token}"


class ShowcaseVersion(models.Model):
    """One row counting the changes of the public showcase: the cached public pages are
    kept under it, so a change (a withdrawal above all) shows on the next request in every
    worker process, whatever cache they share."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)


class Booklet(models.Model):
    """The e-publication («ấn phẩm điển hình tiên tiến», sample 001 §IV): a unit's booklet
    of chosen published pages — cover, foreword, contents, a page per exemplar — rendered to
    PDF and EPUB by a job (BookletJob), and downloadable from the showcase once public."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị biên soạn"))  # fmt: skip
    token = models.CharField(max_length=16, unique=True, default=public_token, editable=False)
    title = models.CharField(_("tên ấn phẩm"), max_length=255)
    foreword = models.TextField(_("lời giới thiệu"))
    pages = models.ManyToManyField(Publication, through="BookletEntry", related_name="booklets")
    public = models.BooleanField(default=False)
    pdf = models.FileField(upload_to=upload_path, blank=True)
    epub = models.FileField(upload_to=upload_path, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    # Counts the changes of its pages (an edit, a page unpublished): a rendering that began
    # before one is thrown away rather than published with what it no longer holds.
    revision = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    folder = "booklets"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["public", "-rendered_at"], name="booklet_public_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("showcase_admin:booklet", args=[self.pk])


class BookletEntry(models.Model):
    booklet = models.ForeignKey(Booklet, on_delete=models.CASCADE, related_name="entries")
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["booklet", "publication"],
                                               name="booklet_entry_once")]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.booklet_id}/{self.position}"


class BookletJob(Job):
    """A booklet rendered to PDF and EPUB; `total` counts its pages, then the two files."""

    booklet = models.ForeignKey(Booklet, on_delete=models.CASCADE, related_name="jobs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip

    # WeasyPrint lays out a page an exemplar, with its photo: 200 pages take a few minutes.
    time_limit = datetime.timedelta(minutes=20)

    class Meta(Job.Meta):
        indexes = [models.Index(fields=["state"], name="booklet_job_state")]

    def __str__(self) -> str:
        return f"Ấn phẩm {self.booklet_id}"

    def enqueue(self) -> None:
        from thidua.showcase.tasks import render_booklet  # noqa: PLC0415 -- tasks import models

        render_booklet.enqueue(job_id=self.pk)
