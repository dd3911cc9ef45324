from django_tasks import task

from thidua.certificates import rendering
from thidua.certificates.models import CertificateJob
from thidua.core.jobs import run_job


@task()
def render_certificates(*, job_id: int) -> None:
    """Render a decision's certificates, or a test print of its layout."""
    run_job(CertificateJob, job_id, rendering.render_job)
