from tests.conferences.conftest import conference, plan  # noqa: F401 -- fixtures
from tests.exemplars.conftest import field  # noqa: F401 -- fixture
