from django_tasks import task

from thidua.core.jobs import run_job
from thidua.plans.models import PlanReading
from thidua.plans.reading import run_reading


@task()
def read_plan(*, job_id: int) -> None:
    """Read an uploaded plan document into a draft (or its facts) through the job core."""
    run_job(PlanReading, job_id, run_reading)
