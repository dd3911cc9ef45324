"""The officer's pages of the e-publication (/dien-hinh/an-pham/): the booklets of the
user's scope, assembling one, rendering it to PDF and EPUB with progress, downloading and
making it public. Its unit's officers write; the others of the scope read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import check_alive
from thidua.core.pagination import paginate
from thidua.documents.frame import file_name
from thidua.documents.response import stored_file
from thidua.showcase import booklets
from thidua.showcase.forms import BookletForm
from thidua.showcase.models import Booklet
from thidua.units.scope import is_officer, is_officer_somewhere, scope_for


def _visible(user):
    return Booklet.objects.filter(scope_for(user).q("unit__path")).select_related("unit")


def _booklet(request, pk: int, *, write: bool = False) -> Booklet:
    booklet = get_object_or_404(_visible(request.user), pk=pk)
    if write and not is_officer(request.user, booklet.unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị biên soạn được sửa ấn phẩm.")
    return booklet


@read_only
@login_required
def booklet_list(request):
    page = paginate(request, _visible(request.user).order_by("-created_at", "-pk"))
    return render(
        request,
        "showcase/booklet_list.html",
        {"page": page, "can_create": is_officer_somewhere(request.user)},
    )


def _saved(request, form, booklet=None):
    if form.is_valid():
        data = form.cleaned_data
        if not is_officer(request.user, data["unit"]):
            raise PermissionDenied
        try:
            return booklets.save_booklet(actor=request.user, booklet=booklet, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
    return None


@form_view
@login_required
def booklet_create(request):
    if not is_officer_somewhere(request.user):
        raise PermissionDenied
    form = BookletForm(request.POST or None, user=request.user)
    if request.method == "POST" and (booklet := _saved(request, form)):
        messages.success(request, "Đã lưu ấn phẩm. Bấm «Tạo tệp PDF và EPUB» để dàn trang.")
        return redirect(booklet)
    return render(
        request, "showcase/booklet_form.html", {"form": form}, status=400 if form.errors else 200
    )


@form_view
@login_required
def booklet_edit(request, pk: int):
    booklet = _booklet(request, pk, write=True)
    initial = {
        "unit": booklet.unit,
        "title": booklet.title,
        "foreword": booklet.foreword,
        "pages": list(booklet.pages.values_list("pk", flat=True)),
    }
    form = BookletForm(request.POST or None, user=request.user, initial=initial)
    form.fields["unit"].disabled = True  # a booklet stays its unit's; its pages are checked
    form.fields["unit"].queryset = type(booklet.unit).objects.filter(pk=booklet.unit_id)
    if request.method == "POST" and _saved(request, form, booklet):
        messages.success(request, "Đã lưu ấn phẩm; hãy tạo lại tệp PDF và EPUB.")
        return redirect(booklet)
    return render(
        request,
        "showcase/booklet_form.html",
        {"form": form, "booklet": booklet},
        status=400 if form.errors else 200,
    )


@read_only
@login_required
def booklet_detail(request, pk: int):
    booklet = _booklet(request, pk)
    kind = request.GET.get("tai", "")
    if kind in {"pdf", "epub"} and booklet.rendered_at:
        return stored_file(getattr(booklet, kind), file_name(booklet.title, extension=kind))
    job = booklet.jobs.order_by("-pk").first()
    context = {
        "booklet": booklet,
        "job": check_alive(job) if job else None,
        "entries": booklet.entries.select_related("publication")[:300],
        "can_edit": is_officer(request.user, booklet.unit),
    }
    return render(request, "showcase/booklet_detail.html", context)


@post_only
@login_required
def booklet_render(request, pk: int):
    booklet = _booklet(request, pk, write=True)
    booklets.start_rendering(actor=request.user, booklet=booklet)
    return redirect(booklet)


@post_only
@login_required
def booklet_public(request, pk: int):
    booklet = _booklet(request, pk, write=True)
    try:
        booklets.set_booklet_public(
            actor=request.user, booklet=booklet, public=request.POST.get("public") == "1"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, "Đã công khai ấn phẩm." if booklet.public else "Đã thôi công khai ấn phẩm."
        )
    return redirect(booklet)
