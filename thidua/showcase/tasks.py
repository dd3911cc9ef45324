from django_tasks import task

from thidua.core.jobs import run_job
from thidua.showcase import booklet_render
from thidua.showcase.models import BookletJob


@task()
def render_booklet(*, job_id: int) -> None:
    """Render a booklet to PDF and EPUB."""
    run_job(BookletJob, job_id, booklet_render.render_job)
