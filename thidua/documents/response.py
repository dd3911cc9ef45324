from django.http import HttpResponse


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A generated document as a download with its file name."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
