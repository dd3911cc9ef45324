"""Pages of public notices: the officers' list and page of a notice (publish from the ticked
nominations, answer or close comments), scoped to the notice's unit; and the public page
(no sign-in, by the notice's unguessable token) that lists the nominees and takes comments
while the notice is open. A failed comment keeps what was typed."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from thidua.awards import nominations, notice
from thidua.awards.models import CommentState, NominationState, NoticeComment, PublicNotice
from thidua.core.forms import CleanTextMixin, apply_service_errors, is_id
from thidua.core.http import client_address, form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.units.scope import has_role, scope_for


class CommentForm(CleanTextMixin, forms.Form):
    nomination = forms.ChoiceField(label="Góp ý về", required=False)
    author = forms.CharField(label="Họ và tên", max_length=120)
    contact = forms.CharField(label="Địa chỉ, điện thoại hoặc thư điện tử", max_length=200,
                              required=False)  # fmt: skip
    text = forms.CharField(label="Ý kiến", max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 5}))  # fmt: skip

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Positions in the list, not ids: the public page reveals nothing of the database.
        named = [f"{n.subject.name} – {n.award.name}" for n in items]
        self.fields["nomination"].choices = [("", "Cả danh sách")] + [
            (str(i), name) for i, name in enumerate(named, 1)]  # fmt: skip


def visible_notices(user):
    return PublicNotice.objects.filter(scope_for(user).q("unit__path"))


def _notice_for(user, pk: int) -> PublicNotice:
    return get_object_or_404(visible_notices(user).select_related("unit"), pk=pk)


SETTLED = (NominationState.WITHDRAWN, NominationState.REJECTED)


def _items(found: PublicNotice, *, public: bool = False):
    """The notice's nominations in dictionary order; on the public page, not those
    withdrawn or rejected since."""
    rows = found.nominations.select_related("subject__unit", "award")
    if public:
        rows = rows.exclude(state__in=SETTLED)
    return list(rows.order_by("subject__sort_name", "pk"))


@read_only
@login_required
def notice_list(request):
    rows = visible_notices(request.user).select_related("unit").order_by("-opens_on", "-pk")
    context = {"page": paginate(request, rows), "query": query_without_page(request)}
    return render(request, "awards/notices.html", context)


@post_only
@login_required
def notice_publish(request):
    """Publish the nominations ticked in the list (all of one unit)."""
    ids = [pk for pk in request.POST.getlist("chon") if is_id(pk)][:500]
    chosen = list(nominations.visible_nominations(request.user).filter(pk__in=ids)
                  .select_related("unit", "award"))  # fmt: skip
    units = {n.unit for n in chosen}
    if len(units) != 1:
        messages.error(request, "Chọn các đề nghị của cùng một đơn vị để công khai.")
        return redirect("awards:nominations")
    try:
        found = notice.publish_notice(actor=request.user, unit=units.pop(), nominations=chosen,
                                      title=request.POST.get("title", ""))  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("awards:nominations")
    messages.success(request, f"Đã công khai {len(chosen)} đề nghị đến hết ngày "
                              f"{found.closes_on:%d/%m/%Y}.")  # fmt: skip
    return redirect(found)


@read_only
@login_required
def notice_detail(request, pk: int):
    found = _notice_for(request.user, pk)
    comments = found.comments.select_related("nomination__subject").order_by("created_at", "pk")
    context = {"notice": found, "items": _items(found), "comments": comments,
               "open": notice.is_open(found),
               "can_answer": has_role(request.user, found.unit.path, "officer"),
               "public_url": request.build_absolute_uri(found.get_public_url())}  # fmt: skip
    return render(request, "awards/notice.html", context)


@post_only
@login_required
def notice_answer(request, pk: int, comment_pk: int):
    found = _notice_for(request.user, pk)
    comment = get_object_or_404(NoticeComment, pk=comment_pk, notice=found)
    if comment.state != CommentState.OPEN:
        messages.error(request, "Ý kiến này đã được xử lý.")
        return redirect(found)
    try:
        notice.answer_comment(actor=request.user, comment=comment,
                              reply=request.POST.get("reply", "")[:4000],
                              close=request.POST.get("action") == "close")  # fmt: skip
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã ghi trả lời.")
    return redirect(found.get_absolute_url() + f"#y-kien-{comment.pk}")


@form_view
def public_notice(request, token):
    """The public page: the list and, while open, the comment form (no sign-in)."""
    found = get_object_or_404(PublicNotice.objects.select_related("unit"), token=token)
    items = _items(found, public=True)
    form = CommentForm(request.POST or None, items=items)
    sent = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = data["nomination"]
        about = items[int(chosen) - 1] if chosen else None
        try:
            notice.add_comment(notice=found, nomination=about, author=data["author"],
                               contact=data["contact"], text=data["text"],
                               address=client_address(request))  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            sent, form = True, CommentForm(items=items)
    context = {"notice": found, "items": items, "form": form, "sent": sent,
               "open": notice.is_open(found), "today": timezone.localdate()}  # fmt: skip
    return render(request, "awards/public_notice.html", context, status=400 if form.errors else 200)
