from tests.exemplars.conftest import field  # noqa: F401 -- fixture
