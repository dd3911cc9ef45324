from django.http import FileResponse, Http404, HttpResponse


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A generated document as a download with its file name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def stored_file(field_file, filename: str, content_type: str | None = None) -> FileResponse:
    """A stored upload as a download under its original name; 404 when the file is gone
    from MEDIA_ROOT (a restore without the media, say), never a 500."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
