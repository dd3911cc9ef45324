"""Plans (kế hoạch) that cascade from level to level, their milestones, and what each
addressed unit owes by when (domain README §6)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.files import StoredFile
from thidua.core.jobs import Job


class PlanKind(models.TextChoices):
    CONFERENCE = "conference", _("Kế hoạch tổ chức hội nghị")
    MODEL_BUILDING = "models", _("Kế hoạch xây dựng, nhân rộng điển hình")
    CONGRESS = "congress", _("Kế hoạch tổ chức đại hội")
    OTHER = "other", _("Khác")


class PlanStatus(models.TextChoices):
    """A plan is drafted, issued (which creates the obligations), then closed: the
    workflow in workflows.py."""

    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")


class Deliverable(models.TextChoices):
    OWN_PLAN = "own_plan", _("Kế hoạch của đơn vị")
    EXEMPLAR_LIST = "exemplar_list", _("Danh sách điển hình")
    CONFERENCE_HELD = "conference", _("Tổ chức hội nghị")
    RESULTS_DOSSIER = "dossier", _("Hồ sơ kết quả")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Khác")


class Plan(models.Model):
    doc_type = models.CharField(_("loại văn bản"), max_length=4, default="KH")
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT,
        related_name="plans",
    )  # fmt: skip
    # The issuing body as the document names it («UBND tỉnh Lai Châu»); `issuer` is the unit
    # whose officers hold the plan in thidua.
    issuer_name = models.CharField(_("cơ quan ban hành (theo văn bản)"), max_length=255, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    search_text = models.CharField(max_length=600, editable=False, db_default="")  # folded
    kind = models.CharField(_("loại kế hoạch"), max_length=12, choices=PlanKind.choices)
    implements = models.ForeignKey(
        "self", verbose_name=_("thực hiện kế hoạch"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="implementations",
    )  # fmt: skip
    outside_basis = models.CharField(_("căn cứ khác"), max_length=500, blank=True)
    addressees = models.ManyToManyField(
        "units.Unit", verbose_name=_("đơn vị thực hiện"), blank=True, related_name="addressed_plans"
    )
    status = models.CharField(max_length=8, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    # What was read from the uploaded document, kept so the officer can compare the draft
    # with it (e.g. exemplar quotas, which are set on emulation groups, not on the plan).
    extracted = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])

    @property
    def doc_type_name(self) -> str:
        from thidua.plans.forms import DOC_TYPE_NAMES  # noqa: PLC0415

        return DOC_TYPE_NAMES.get(self.doc_type, self.doc_type)

    @property
    def printed(self) -> dict:
        """What the scan printed, where the draft shows its words with restored marks."""
        return self.extracted.get("printed", {}) if isinstance(self.extracted, dict) else {}


class Milestone(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("nội dung"), max_length=255)
    deliverable = models.CharField(_("sản phẩm"), max_length=14, choices=Deliverable.choices)
    window_start = models.DateField(_("từ ngày"), null=True, blank=True)
    due_on = models.DateField(_("hạn"))
    source_sentence = models.TextField(_("câu trong văn bản"), blank=True)
    owing_units = models.ManyToManyField("units.Unit", blank=True, related_name="+")

    class Meta:
        verbose_name = _("mốc tiến độ")
        verbose_name_plural = _("mốc tiến độ")
        ordering = ["due_on", "pk"]
        # "Việc đơn vị phải nộp" is ordered by due date: the database walks the milestones in
        # that order and sorts only the first one's obligations, not all of the nation's.
        indexes = [models.Index(fields=["due_on", "id"], name="milestone_due_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_on:%d/%m/%Y})"


class ObligationState(models.TextChoices):
    """Delivered, then accepted or returned (and delivered again): workflows.py."""

    PENDING = "pending", _("Chưa nộp")
    DELIVERED = "delivered", _("Đã nộp, chờ xem xét")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class Obligation(models.Model):
    """What one unit owes for one milestone. Lateness is derived from the due date and the
    time of delivery; "overdue" from the due date and today (see selectors)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="obligations")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="obligations")
    state = models.CharField(
        max_length=10, choices=ObligationState.choices, default=ObligationState.PENDING
    )
    delivered_on = models.DateField(null=True, blank=True)
    linked_plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_conference = models.ForeignKey(
        "conferences.Conference", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="obligations",
    )  # fmt: skip
    note = models.TextField(blank=True)
    # The reason of the last return, which the unit reads on its page; every decision,
    # with who took it and why, is in the ledger (workflow.Transition).
    reason = models.TextField(_("lý do trả lại"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nghĩa vụ thực hiện")
        verbose_name_plural = _("nghĩa vụ thực hiện")
        constraints = [
            models.UniqueConstraint(fields=["milestone", "unit"], name="obligation_unique")
        ]
        indexes = [models.Index(fields=["unit", "state"], name="obligation_unit_state_idx")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.milestone}"


class PlanFile(StoredFile):
    """A file attached to a plan: the signed document, its annexes."""

    folder = "plans"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="files")


class DeliveryFile(StoredFile):
    folder = "deliveries"
    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="files")


class ReminderKind(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class Reminder(models.Model):
    """A reminder sent for an obligation: at most one of each kind, so that running the
    command again (it runs on a schedule) never sends twice."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["obligation", "kind"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.obligation_id} {self.kind}"


from thidua.plans.rules import ConferenceRuleSet  # noqa: E402,F401 -- a model of this app


class PlanReading(Job):
    """An uploaded plan document read by a background job: its text is extracted in an
    isolated process (bounded memory and time), then its facts become a draft plan of
    `issuer`, or, with no issuer (the API's extraction), are only kept in `facts` and the
    file is deleted. Seen only by the user who uploaded it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    issuer = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(upload_to="plans/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=4)  # docx, pdf, txt, jpg or png: which reader reads it
    facts = models.JSONField(null=True, blank=True)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    time_limit = datetime.timedelta(minutes=15)  # a scan of 40 pages, read page by page
    over_time_advice = "Tệp quá lớn hoặc bất thường; hãy thử tệp .txt hoặc .docx của văn bản."

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("plans:reading", args=[self.pk])

    def enqueue(self) -> None:
        from thidua.plans.tasks import read_plan  # noqa: PLC0415 -- tasks import models

        read_plan.enqueue(job_id=self.pk)
