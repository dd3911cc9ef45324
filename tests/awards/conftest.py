from django.core.files.uploadedfile import SimpleUploadedFile

from tests.exemplars.conftest import field  # noqa: F401 -- the exemplar field fixture
from thidua.awards import dossier

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def complete_dossier(*nominations):
    """Attach a small PDF for every file the nominations' forms still require."""
    for nomination in nominations:
        for kind in dossier.missing_kinds(nomination):
            upload = SimpleUploadedFile(f"{kind}.pdf", PDF, content_type="application/pdf")
            dossier.attach_file(actor=None, nominations=[nomination], kind=kind, upload=upload)
