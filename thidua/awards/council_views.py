"""Pages of council meetings: open one on the nominations a unit reviews, record presence,
recusals and votes (the secretary for everyone, each member for themselves), see each
result, close it, and download the minutes (biên bản) as DOCX."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.awards import council
from thidua.awards.council_docx import minutes_docx
from thidua.awards.models import Choice, MeetingState
from thidua.core.forms import (
    CleanTextMixin,
    DateField,
    ModelChoiceField,
    SearchChoice,
    apply_service_errors,
    is_id,
)
from thidua.core.http import form_view, post_only, read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.documents.docx import DOCX_TYPE
from thidua.documents.frame import file_name
from thidua.documents.response import attachment
from thidua.units.models import Unit
from thidua.units.scope import has_role
from thidua.units.selectors import get_unit_for


class MeetingForm(CleanTextMixin, forms.Form):
    unit = ModelChoiceField(Unit.objects.all(), label="Hội đồng của đơn vị")
    held_on = DateField(label="Ngày họp")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    chair = forms.CharField(label="Chủ trì", max_length=100, required=False)
    secretary = forms.CharField(label="Thư ký", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].widget = SearchChoice("don-vi")
        self.fields["unit"].queryset = Unit.objects.all()  # the view narrows to the scope


@read_only
@login_required
def meeting_list(request):
    rows = council.visible_meetings(request.user).select_related("unit")
    context = {"page": paginate(request, rows.order_by("-held_on", "-pk")),
               "query": query_without_page(request)}  # fmt: skip
    return render(request, "awards/meetings.html", context)


@form_view
@login_required
def meeting_create(request):
    form = MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        unit = get_unit_for(request.user, form.cleaned_data["unit"].pk)
        if not has_role(request.user, unit.path, Role.OFFICER):
            raise PermissionDenied("Chỉ cán bộ của đơn vị được mở phiên họp hội đồng.")
        data = {k: v for k, v in form.cleaned_data.items() if k != "unit"}
        try:
            meeting = council.open_meeting(actor=request.user, unit=unit, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(meeting)
    title = "Họp Hội đồng Thi đua – Khen thưởng"
    context = {"form": form, "title": title, "back": "awards:meetings"}
    return render(request, "awards/form.html", context)


def _rows(meeting, user):
    """Each item with its tally and the members' votes, for the page."""
    seats = list(meeting.seats.select_related("member").order_by("member__full_name"))
    items = list(meeting.items.select_related("nomination__subject", "nomination__award",
                                              "nomination__unit")
                 .prefetch_related("recused", "votes"))  # fmt: skip
    for item in items:
        item.tally = council.tally(meeting, item)
        recused = {member.pk for member in item.recused.all()}
        votes = {vote.member_id: vote.choice for vote in item.votes.all()}
        item.cells = [(seat, seat.member_id in recused, votes.get(seat.member_id, ""))
                      for seat in seats]  # fmt: skip
        item.mine = votes.get(user.pk, "")
        item.my_recused = user.pk in recused
    return seats, items


@read_only
@login_required
def meeting_detail(request, pk: int):
    meeting = council.get_meeting_for(request.user, pk)
    seats, items = _rows(meeting, request.user)
    present, total, met = council.quorum(meeting)
    is_open = meeting.state == MeetingState.OPEN
    context = {"meeting": meeting, "seats": seats, "items": items, "present": present,
               "total": total, "quorum_met": met, "choices": Choice.choices,
               "secretary": is_open and council.is_secretary(request.user, meeting),
               "member": is_open and any(s.member_id == request.user.pk for s in seats),
               }  # fmt: skip
    return render(request, "awards/meeting.html", context)


def _grid(post) -> tuple[dict, dict, dict]:
    """presence {member: bool}, recusals and votes {(item, member): …} from the form."""
    presence, recusals, votes = {}, {}, {}
    for member in post.getlist("seat"):
        if is_id(member):
            presence[int(member)] = f"p-{member}" in post
    for key in post.getlist("cell"):
        item, _, member = key.partition("-")
        if is_id(item) and is_id(member):
            recusals[(int(item), int(member))] = f"r-{key}" in post
            if post.get(f"v-{key}"):
                votes[(int(item), int(member))] = post[f"v-{key}"]
    return presence, recusals, votes


@post_only
@login_required
def meeting_votes(request, pk: int):
    meeting = council.get_meeting_for(request.user, pk)
    presence, recusals, votes = _grid(request.POST)
    if not council.is_secretary(request.user, meeting):
        if not meeting.seats.filter(member=request.user).exists():
            raise PermissionDenied("Chỉ thư ký và thành viên hội đồng được ghi phiếu.")
        presence, recusals = {}, {}
        votes = {key: value for key, value in votes.items() if key[1] == request.user.pk}
    try:
        saved = council.record_votes(actor=request.user, meeting=meeting, presence=presence,
                                     recusals=recusals, votes=votes)  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã ghi {saved} phiếu.")
    return redirect(meeting)


@post_only
@login_required
def meeting_close(request, pk: int):
    meeting = council.get_meeting_for(request.user, pk)
    if not council.is_secretary(request.user, meeting):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được chốt kết quả.")
    try:
        council.close_meeting(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, "Chưa chốt được: " + " ".join(error.messages))
    else:
        messages.success(request, "Đã chốt kết quả; các đề nghị đạt đã được đồng ý.")
    return redirect(meeting)


@read_only
@login_required
def meeting_minutes(request, pk: int):
    meeting = council.get_meeting_for(request.user, pk)
    seats, items = _rows(meeting, request.user)
    content = minutes_docx(meeting, seats, items, council.quorum(meeting))
    name = file_name("Biên bản họp Hội đồng Thi đua – Khen thưởng", meeting.unit.name,
                     f"{meeting.held_on:%d-%m-%Y}", extension="docx")  # fmt: skip
    return attachment(content, DOCX_TYPE, name)
