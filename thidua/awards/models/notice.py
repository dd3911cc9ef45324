"""The public notice of a list of nominations (công khai danh sách đề nghị, LAW.md §2.1):
before a state-level award is proposed, the nominating unit publishes the list for a
period on a public page (no sign-in), collects comments, and answers or closes each with a
reason. How long a form must be published is dated data (AwardRule.notice_days)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.nominations import Nomination


class PublicNotice(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị công khai"))  # fmt: skip
    # The public address: not the sequential id, so that notices cannot be enumerated.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("tiêu đề"), max_length=255)
    opens_on = models.DateField(_("công khai từ ngày"))
    closes_on = models.DateField(_("nhận ý kiến đến hết ngày"))
    nominations = models.ManyToManyField(Nomination, related_name="notices",
                                         verbose_name=_("đề nghị"))  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công khai danh sách đề nghị")
        verbose_name_plural = _("công khai danh sách đề nghị")
        ordering = ["-opens_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_on__gte=models.F(
            "opens_on")), name="notice_period")]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415 -- models load before urls

        return reverse("awards:notice", args=[self.pk])

    def get_public_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415

        return reverse("public_notice", args=[self.token])


class CommentState(models.TextChoices):
    OPEN = "open", _("Chưa trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")


class NoticeComment(models.Model):
    """A comment from the public, about one nominee or the whole list."""

    notice = models.ForeignKey(PublicNotice, on_delete=models.CASCADE, related_name="comments")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, null=True, blank=True, related_name="comments",
        verbose_name=_("về đề nghị"),
    )  # fmt: skip
    author = models.CharField(_("họ và tên"), max_length=120)
    contact = models.CharField(_("địa chỉ, điện thoại hoặc thư điện tử"), max_length=200,
                               blank=True)  # fmt: skip
    text = models.TextField(_("ý kiến"), max_length=4000)
    address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=8, choices=CommentState.choices,
                             default=CommentState.OPEN)  # fmt: skip
    reply = models.TextField(_("trả lời, lý do"), blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["address", "created_at"], name="notice_comment_from_idx")]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"
