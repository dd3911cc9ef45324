from tests.exemplars.conftest import field  # noqa: F401 -- fixture
from tests.plans.conftest import issued_plan  # noqa: F401 -- fixture
