"""The dossier after a conference on its page: the documents thidua writes, attached in one
action; the others uploaded several at once; the actual cost and the attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect

from thidua.conferences import dossier, selectors
from thidua.conferences.forms import OutcomeForm
from thidua.conferences.views import managed
from thidua.core.forms import message_form_errors
from thidua.core.http import post_only, read_only
from thidua.documents.response import stored_file


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@post_only
@login_required
def dossier_upload(request, pk: int):
    """The files chosen on the dossier's rows (`file-<row>`), saved together or not at all."""
    conference = managed(request, pk)
    required = dossier.required_documents(conference)
    chosen = [index for index in range(len(required)) if f"file-{index}" in request.FILES]
    if any(request.POST.get(f"name-{index}") != required[index] for index in chosen):
        # The rule set's list changed since the page was opened: a row's file would go
        # under another document's name.
        messages.error(request, "Danh mục hồ sơ vừa được cấp trên thay đổi; hãy tải lại trang "
                                "rồi chọn tệp lại.")  # fmt: skip
        return redirect(conference)
    files = [(required[index], request.FILES[f"file-{index}"]) for index in chosen]
    if not files:
        messages.error(request, "Chưa chọn tệp nào.")
        return redirect(conference)
    try:
        saved = dossier.upload_dossier_documents(actor=request.user, conference=conference,
                                                 files=files)  # fmt: skip
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, f"Đã tải lên {len(saved)} văn bản: "
                                  f"{', '.join(d.name for d in saved)}.")  # fmt: skip
    return redirect(conference)


@post_only
@login_required
def dossier_generate(request, pk: int):
    conference = managed(request, pk)
    try:
        names = dossier.attach_generated(actor=request.user, conference=conference)
    except ValidationError as error:
        _report(request, error)
    else:
        if names:
            attached = f"Đã soạn và đính kèm {len(names)} văn bản: {', '.join(names)}."
            messages.success(request, f"{attached} Hãy tải lên các văn bản cần ký.")
        else:
            messages.info(request, "Không còn văn bản nào thidua soạn được; hãy tải lên "
                                   "các văn bản còn thiếu.")  # fmt: skip
    return redirect(conference)


@post_only
@login_required
def outcome(request, pk: int):
    conference = managed(request, pk)
    form = OutcomeForm(request.POST, instance=conference)
    if not form.is_valid():
        message_form_errors(request, form)
        return redirect(conference)
    try:
        dossier.record_outcome(actor=request.user, conference=conference, **form.cleaned_data)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, "Đã ghi kết quả hội nghị.")
    return redirect(conference)


@read_only
@login_required
def dossier_file(request, pk: int, doc_pk: int):
    conference = selectors.own_conference_for(request.user, pk)  # not for the level above
    document = get_object_or_404(conference.dossier, pk=doc_pk)
    return stored_file(document.file, document.original_name)
