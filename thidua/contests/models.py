"""The writing contest «Gương người tốt quanh ta» (sample 001 §III: a contest to find new
exemplars): a unit launches it with its rules, dates, categories, prizes, scoring criteria
and judges; anyone sends a story without an account; officers moderate; the judges score
on their own accounts; winners are announced on the public page; an accepted story can
become an exemplar candidate."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.files import upload_path


def _token() -> str:
    return secrets.token_urlsafe(9)


def _secret() -> str:
    """The author's private address for editing a story when changes are asked."""
    return secrets.token_urlsafe(24)


class ContestState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang nhận bài")
    JUDGING = "judging", _("Đang chấm")
    ANNOUNCED = "announced", _("Đã công bố kết quả")


class Contest(models.Model):
    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tổ chức")
    )
    token = models.CharField(max_length=16, unique=True, default=_token, editable=False)
    title = models.CharField(_("tên cuộc thi"), max_length=255)
    rules = models.TextField(_("thể lệ"))
    opens_on = models.DateField(_("nhận bài từ ngày"))
    closes_on = models.DateField(_("đến hết ngày"))
    state = models.CharField(
        max_length=10, choices=ContestState.choices, default=ContestState.DRAFT
    )
    judges = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="judged_contests",
        blank=True,
        verbose_name=_("giám khảo"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="contest_dates"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contests:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("contest_public:contest", args=[self.token])


class Category(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("thể loại"), max_length=150)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Prize(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="prizes")
    name = models.CharField(_("giải"), max_length=150)
    count = models.PositiveSmallIntegerField(_("số giải"), default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí chấm"), max_length=150)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.max_score} điểm)"


class EntryState(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ duyệt")
    CHANGES = "changes", _("Cần sửa")
    ACCEPTED = "accepted", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class Entry(models.Model):
    """A story sent by a visitor: who wrote it and how to reach them (never shown), the good
    person and their place, the text and a few photos."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("thể loại"),
    )
    token = models.CharField(max_length=16, unique=True, default=_token, editable=False)
    secret = models.CharField(max_length=40, unique=True, default=_secret, editable=False)
    author_name = models.CharField(_("họ và tên người viết"), max_length=150)
    author_contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=150)
    person_name = models.CharField(_("người được viết về"), max_length=150)
    person_place = models.CharField(_("nơi ở, nơi làm việc của người đó"), max_length=255)
    title = models.CharField(_("tên bài viết"), max_length=255)
    text = models.TextField(_("bài viết"))
    state = models.CharField(
        max_length=10, choices=EntryState.choices, default=EntryState.SUBMITTED
    )
    prize = models.ForeignKey(
        Prize, null=True, blank=True, on_delete=models.SET_NULL, related_name="winners"
    )
    exemplar = models.OneToOneField(
        "exemplars.Exemplar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_entry",
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        indexes = [
            models.Index(
                fields=["contest", "state", "submitted_at"], name="entry_contest_state_idx"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contests:entry", args=[self.contest_id, self.pk])


class EntryPhoto(models.Model):
    """A photo sent with a story, kept only as re-encoded without its metadata."""

    folder = "contests"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="photos")
    token = models.CharField(max_length=16, unique=True, default=_token, editable=False)
    image = models.FileField(upload_to=upload_path)
    thumb = models.FileField(upload_to=upload_path)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"Ảnh {self.token}"


class Score(models.Model):
    """One judge's score of one story on one criterion."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField()
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge", "criterion"], name="score_once")
        ]

    def __str__(self) -> str:
        return str(self.value)
