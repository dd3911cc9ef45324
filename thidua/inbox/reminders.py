"""Deadline reminders: e-mail and an in-app notice to the owing units' officers, N days
before a due date and once it has passed. Each kind is sent once per obligation."""

import datetime

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from thidua.inbox.models import Notice
from thidua.inbox.services import officers_of
from thidua.plans.models import Obligation, ObligationState, Reminder, ReminderKind

OPEN = [ObligationState.PENDING, ObligationState.RETURNED]


def _due(today: datetime.date, days_before: int):
    """(kind, obligations) still owed: those due within `days_before` days, and overdue."""
    soon = today + datetime.timedelta(days=days_before)
    owed = Obligation.objects.filter(state__in=OPEN).select_related("unit", "milestone__plan")
    yield ReminderKind.UPCOMING, owed.filter(milestone__due_on__gte=today,
                                             milestone__due_on__lte=soon)  # fmt: skip
    yield ReminderKind.OVERDUE, owed.filter(milestone__due_on__lt=today)


def _message(kind: str, obligation: Obligation) -> str:
    milestone = obligation.milestone
    when = f"hạn {milestone.due_on:%d/%m/%Y}"
    state = "sắp đến hạn" if kind == ReminderKind.UPCOMING else "đã quá hạn"
    plan = milestone.plan.symbol or milestone.plan.title
    return f"{obligation.unit}: «{milestone.title}» ({plan}) {state}, {when}."


def send_reminders(*, today: datetime.date, days_before: int) -> int:
    """Send what has not been sent yet; returns how many reminders went out."""
    sent = 0
    for kind, obligations in _due(today, days_before):
        for obligation in obligations.exclude(reminders__kind=kind):
            sent += _remind(kind, obligation)
    return sent


def _remind(kind: str, obligation: Obligation) -> int:
    officers = officers_of([obligation.unit])
    addresses = sorted({u.email for u in officers if u.email} | ({obligation.unit.email} - {""}))
    text = _message(kind, obligation)
    try:
        with transaction.atomic():
            Reminder.objects.create(obligation=obligation, kind=kind, recipients=addresses)
            link = reverse("plans:obligation", args=[obligation.pk])
            Notice.objects.bulk_create(
                Notice(user=user, text=text[:500], link=link) for user in officers
            )
    except IntegrityError:  # another run sent it meanwhile
        return 0
    if addresses:
        subject = "Nhắc hạn: " + obligation.milestone.title
        send_mass_mail([(subject[:200], text, settings.DEFAULT_FROM_EMAIL, addresses)])
    return 1
