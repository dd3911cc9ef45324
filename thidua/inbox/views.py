"""The notices page (newest first; opening one marks it read) and each inbox section's
own page. The home page shows the inbox's summary (home.views)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from thidua.core.http import post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.inbox import selectors
from thidua.inbox.models import Notice
from thidua.inbox.services import read_notices


@read_only
@login_required
def notice_list(request):
    notices = Notice.objects.filter(user=request.user).order_by("-created_at", "-pk")
    context = {"page": paginate(request, notices), "query": query_without_page(request)}
    return render(request, "inbox/notices.html", context)


@post_only
@login_required
def notice_open(request, pk: int):
    """Mark the notice read and go where it points (a path of this site only)."""
    notice = get_object_or_404(Notice, pk=pk, user=request.user)
    read_notices(user=request.user, pks=[notice.pk])
    safe = notice.link and url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None)
    return redirect(notice.link if safe else "inbox:notices")


@post_only
@login_required
def notices_read(request):
    read_notices(user=request.user)
    return redirect("inbox:notices")


@read_only
@login_required
def section_page(request, key: str):
    """Every row of one inbox section, paged."""
    part = selectors.section(selectors.acting_units(request.user), key)
    if part is None:
        raise Http404
    page = paginate(request, part.rows)
    today = timezone.localdate()
    items = [part.describe(row, today) for row in page.object_list]
    context = {"part": part, "page": page, "items": items, "query": query_without_page(request)}
    return render(request, "inbox/section.html", context)
