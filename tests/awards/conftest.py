from tests.exemplars.conftest import field  # noqa: F401 -- the exemplar field fixture
