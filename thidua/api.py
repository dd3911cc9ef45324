"""The JSON API at /api/v1/, with its OpenAPI schema at /api/v1/openapi.json and the
interactive docs at /api/v1/docs. Every endpoint reads through the same scoped selectors
as the HTML views, so an officer gets the same 404 for a sibling unit here. Errors are
JSON too, and documented per operation (thidua/core/api_errors.py). It sits beside
urls.py, above the apps: each app has its router, and only this module gathers them."""

from django.utils import timezone
from ninja import NinjaAPI, Swagger
from ninja.security import HttpBearer, django_auth

from thidua.accounts.models import ApiToken, hash_token
from thidua.awards.api import router as awards_router
from thidua.awards.workflow_api import router as award_workflow_router
from thidua.conferences.api import router as conferences_router
from thidua.core.api_errors import NulRefusingParser, document_errors, install_handlers
from thidua.exemplars.api import router as exemplars_router
from thidua.inspections.api import router as inspections_router
from thidua.movements.api import router as movements_router
from thidua.pacts.api import router as pacts_router
from thidua.plans.api import router as plans_router
from thidua.quotas.api import router as quotas_router
from thidua.units.api import router as units_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`, with tokens created on the profile page."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class ThiduaAPI(NinjaAPI):
    """NinjaAPI whose errors are all `{"detail": "…"}` in Vietnamese, and whose schema lists
    them for each operation."""

    def set_default_exception_handlers(self) -> None:
        install_handlers(self)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_errors(schema)


api = ThiduaAPI(
    title="thidua API",
    version="1",
    description="Dữ liệu thi đua – khen thưởng, theo phạm vi đơn vị của người dùng.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    parser=NulRefusingParser(),
    # Swagger UI's default checks the schema against validator.swagger.io, a request that
    # a closed network cannot make and the Content-Security-Policy would block anyway.
    docs=Swagger(settings={"validatorUrl": None}),
)


api.add_router("/", units_router)
api.add_router("/", exemplars_router)
api.add_router("/", movements_router)
api.add_router("/", quotas_router)
api.add_router("/", plans_router)
api.add_router("/", conferences_router)
api.add_router("/", awards_router)
api.add_router("/", award_workflow_router)
api.add_router("/", pacts_router)
api.add_router("/", inspections_router)
