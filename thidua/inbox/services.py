"""Sending notices: in the app to the officers of the units concerned, and by e-mail to
those with an address; reading them."""

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import Role, UnitRole
from thidua.inbox.models import Notice
from thidua.inbox.tasks import send_notice_mail


def officers_of(units) -> list:
    """Active officers holding a role on the units themselves: those who act for them (an
    officer of the province is not told of each commune's change)."""
    roles = UnitRole.objects.filter(unit__in=units, role=Role.OFFICER, user__is_active=True)
    return list({role.user.pk: role.user for role in roles.select_related("user")}.values())


def notify_units(*, units, text: str, link: str = "", subject: str = "", actor=None) -> int:
    """Tell the officers of `units` that something changed for them; `actor`, who made the
    change, is not told of it. The e-mail leaves after the change is committed, from the
    task queue. Returns how many officers were told."""
    users = [user for user in officers_of(units) if actor is None or user.pk != actor.pk]
    Notice.objects.bulk_create(Notice(user=user, text=text[:500], link=link) for user in users)
    addresses = sorted({user.email for user in users if user.email})
    if addresses:
        mail = {"subject": subject or text, "text": text, "link": link, "addresses": addresses}
        transaction.on_commit(lambda: send_notice_mail.enqueue(**mail))
    return len(users)


def read_notices(*, user, pks=None) -> int:
    """Mark the user's notices read (all unread ones when `pks` is None). A notice is the
    user's own: reading one is not a change of the domain and is not audited."""
    unread = Notice.objects.filter(user=user, read_at__isnull=True)
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())
