from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A generated document as a download under its Vietnamese name (RFC 6266
    `filename*=utf-8''…`, which every browser reads)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def stored_file(field_file, filename: str, content_type: str | None = None) -> FileResponse:
    """A stored upload as a download under its original name; 404 when the file is gone
    from MEDIA_ROOT (a restore without the media, say), never a 500."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
