from tests.conferences.conftest import conference, plan  # noqa: F401 -- fixtures
