from tests.conferences.conftest import conference, plan  # noqa: F401 -- fixtures
from tests.exemplars.conftest import exemplar_a as exemplar  # noqa: F401 -- fixtures
from tests.exemplars.conftest import field, person_a  # noqa: F401 -- fixtures
from tests.plans.conftest import issued_plan  # noqa: F401 -- fixtures
