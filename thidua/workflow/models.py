"""The transition ledger: one row per change of any workflow's state, with who, when, where
(the unit's path and level) and why. It is the history every page shows, and the fact
table of the statistics ("recognised in a province between two dates" is one count)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Transition(models.Model):
    workflow = models.CharField(max_length=20)
    object_type = models.CharField(max_length=60)  # the model's label, "exemplars.exemplar"
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    actor_name = models.CharField(max_length=150)
    unit_path = models.CharField(max_length=255)
    level = models.CharField(max_length=10, blank=True)
    reason = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)  # when it was recorded
    # The day it happened: a conference recorded as held days later was held on its date,
    # and a delivery entered late was made when it says. Reports count by this day.
    on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["workflow", "object_id"], name="transition_object"),
            # A subtree's counts per action between two dates: equality on the first two
            # columns, a prefix on the path (varchar_pattern_ops on PostgreSQL), then the dates.
            models.Index(
                fields=["workflow", "action", "unit_path", "on"],
                name="transition_subtree",
                opclasses=["varchar_pattern_ops"] * 3 + ["date_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workflow} {self.object_id}: {self.from_state} → {self.to_state}"
