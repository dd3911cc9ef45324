"""Public notice of nominations (công khai, LAW.md §2.1): the nominating unit's officers
publish a list for the period its forms require (AwardRule.notice_days); anyone may comment
on the public page while it is open (a few comments an hour from one address); officers
answer or close each comment with a reason; and a nomination of such a form is sent only
after its notice has run its full period with every comment on it handled (the guard)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.awards.models import CommentState, NominationState, NoticeComment, PublicNotice
from thidua.awards.selectors import rule_on
from thidua.core.text import clean_text
from thidua.units.scope import has_role

COMMENTS_PER_HOUR = 5  # from one address: the page is public


def notice_days(nomination) -> int | None:
    """Days the nomination's form must be published, under the rule of its year."""
    rule = rule_on(nomination.award, datetime.date(nomination.year, 12, 31))
    return rule.notice_days if rule else None


def _officer(actor, unit) -> None:
    if actor is not None and not has_role(actor, unit.path, Role.OFFICER):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được công khai và trả lời ý kiến.")


@transaction.atomic
def publish_notice(*, actor, unit, nominations, title: str = "",
                   opens_on: datetime.date | None = None) -> PublicNotice:  # fmt: skip
    """Publish `nominations` (drafts or returned ones of `unit`) from `opens_on` (today) for
    the longest period their forms require (at least one day)."""
    _officer(actor, unit)
    nominations = list(nominations)
    if not nominations:
        raise ValidationError("Chọn ít nhất một đề nghị để công khai.")
    home = (NominationState.DRAFT, NominationState.RETURNED)
    if any(n.unit_id != unit.pk or n.state not in home for n in nominations):
        raise ValidationError("Chỉ công khai đề nghị dự thảo hoặc bị trả lại của đơn vị.")
    opens_on = opens_on or timezone.localdate()
    days = max([notice_days(n) or 1 for n in nominations])
    first = nominations[0]
    notice = PublicNotice.objects.create(
        unit=unit, opens_on=opens_on, closes_on=opens_on + datetime.timedelta(days=days - 1),
        title=clean_text(title).strip()[:255] or f"Danh sách đề nghị khen thưởng năm {first.year}",
        created_by=actor if actor and actor.pk else None,
    )  # fmt: skip
    notice.nominations.set(nominations)
    note = f"Công khai {len(nominations)} đề nghị đến {notice.closes_on:%d/%m/%Y}"
    record_event(actor=actor, action=Action.CREATE, target=notice, scope_path=unit.path,
                 note=note)  # fmt: skip
    return notice


def is_open(notice: PublicNotice, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return notice.opens_on <= today <= notice.closes_on


@transaction.atomic
def add_comment(*, notice: PublicNotice, author: str, text: str, contact: str = "",
                nomination=None, address: str | None = None) -> NoticeComment:  # fmt: skip
    """A comment from the public while the notice is open, about one nominee of it or
    the whole list; refused past COMMENTS_PER_HOUR from one address."""
    if not is_open(notice):
        raise ValidationError("Đã hết thời gian nhận ý kiến.")
    if nomination is not None and not notice.nominations.filter(pk=nomination.pk).exists():
        raise ValidationError({"nomination": "Đề nghị này không có trong danh sách công khai."})
    since = timezone.now() - datetime.timedelta(hours=1)
    if address and NoticeComment.objects.filter(address=address, created_at__gte=since).count() \
            >= COMMENTS_PER_HOUR:  # fmt: skip
        raise ValidationError("Bạn đã gửi nhiều ý kiến trong một giờ; xin thử lại sau.")
    comment = NoticeComment(notice=notice, nomination=nomination, author=author.strip(),
                            contact=contact.strip(), text=text.strip(),
                            address=address)  # fmt: skip
    comment.full_clean(exclude=["notice", "nomination", "replied_by"])
    comment.save()
    return comment


@transaction.atomic
def answer_comment(*, actor, comment: NoticeComment, reply: str, close: bool = False):
    """Answer a comment, or close it (not pertinent, a duplicate…); both need the text."""
    _officer(actor, comment.notice.unit)
    if not reply.strip():
        raise ValidationError({"reply": "Cần ghi nội dung trả lời hoặc lý do đóng."})
    comment.reply, comment.replied_at = clean_text(reply).strip(), timezone.now()
    comment.state = CommentState.CLOSED if close else CommentState.ANSWERED
    comment.replied_by = actor if actor and actor.pk else None
    comment.save()
    record_event(actor=actor, action=Action.UPDATE, target=comment,
                 scope_path=comment.notice.unit.path,
                 note=f"{comment.get_state_display()}: {comment.author}"[:255])  # fmt: skip
    return comment


def check_noticed(nomination, today: datetime.date | None = None) -> None:
    """A nomination of a form that needs a public notice is sent only after a notice of it
    has run at least that many days, none of its notices is still taking comments, and
    every comment on it (or on a whole list it is in) has been answered or closed."""
    days = notice_days(nomination)
    if not days:
        return
    today = today or timezone.localdate()
    published = list(nomination.notices.all())
    running = [n for n in published if n.closes_on >= today]
    if running:
        raise ValidationError(f"Danh sách đang công khai đến hết ngày "
                              f"{max(n.closes_on for n in running):%d/%m/%Y}; chờ hết thời "
                              "gian nhận ý kiến rồi gửi.")  # fmt: skip
    if not any((n.closes_on - n.opens_on).days + 1 >= days for n in published):
        raise ValidationError(f"«{nomination.award.name}» phải được công khai ít nhất {days} "
                              "ngày trước khi gửi; hãy công khai danh sách và chờ hết thời "
                              "gian nhận ý kiến.")  # fmt: skip
    pending = NoticeComment.objects.filter(notice__in=published, state=CommentState.OPEN).filter(
        Q(nomination=nomination) | Q(nomination__isnull=True))  # fmt: skip
    if pending.exists():
        raise ValidationError(f"Còn {pending.count()} ý kiến góp ý chưa trả lời hoặc đóng.")
