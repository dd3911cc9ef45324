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
    return FileResponse(
        _opened(field_file), as_attachment=True, filename=filename, content_type=content_type
    )


def stored_image(field_file) -> FileResponse:
    """A stored JPEG shown in the page (a public photo, a contest's photo), asked again every
    time: one taken down must not linger in a shared cache. 404 when the file is gone."""
    response = FileResponse(_opened(field_file), content_type="image/jpeg")
    response["Cache-Control"] = "no-cache"
    return response


def _opened(field_file):
    try:
        return field_file.open("rb")
    except (FileNotFoundError, ValueError) as error:  # ValueError: the field holds no file
        raise Http404 from error
