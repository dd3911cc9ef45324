"""A nomination's dossier (hồ sơ đề nghị khen thưởng, LAW.md §2.1): typed files, each the
officer's signed or edited copy of a draft thidua wrote, or evidence. The kinds a form
requires are dated data on its rule version (AwardRule.documents). One stored file may
belong to many nominations (a tờ trình and its list cover a whole batch)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.nominations import Nomination


class DocumentKind(models.TextChoices):
    PROPOSAL = "to_trinh", _("Tờ trình đề nghị khen thưởng (kèm danh sách)")
    MINUTES = "bien_ban", _("Biên bản họp Hội đồng Thi đua – Khen thưởng")
    REPORT = "bao_cao", _("Báo cáo thành tích")
    SHORT_REPORT = "tom_tat", _("Báo cáo tóm tắt thành tích")
    INITIATIVE = "sang_kien", _("Tài liệu chứng minh sáng kiến, đề tài")
    OTHER = "khac", _("Tài liệu khác")


class DossierFile(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tài liệu"), max_length=10, choices=DocumentKind.choices)
    file = models.FileField(upload_to="dossiers/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["kind", "pk"]
        indexes = [models.Index(fields=["nomination", "kind"], name="dossier_file_idx")]

    def __str__(self) -> str:
        return self.original_name
