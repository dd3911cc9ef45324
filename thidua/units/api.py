import datetime

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from thidua.accounts.selectors import roles_of
from thidua.core.api_errors import errors
from thidua.core.api_pagination import BoundedPageNumberPagination
from thidua.units import selectors
from thidua.units.models import Cadence, GroupKind, Level, UnitKind

router = Router(tags=["Đơn vị"])


class UnitOut(Schema):
    id: int
    name: str
    kind: UnitKind
    kind_label: str = Field(alias="get_kind_display")
    level: Level
    subtype: str
    code: str
    parent_id: int | None
    depth: int
    economic_sector: str
    workforce: int | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    is_official: bool


class UnitFilters(Schema):
    q: str = Field("", description="Tên hoặc mã; không phân biệt dấu, hoa thường")
    kind: UnitKind | None = None
    level: Level | None = None
    parent: int | None = Field(None, description="Chỉ các đơn vị trực thuộc đơn vị này")


class MemberOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    cadence: Cadence
    min_exemplars: int
    joined_on: datetime.date | None


class GroupOut(Schema):
    id: int
    owner_id: int
    owner_name: str = Field(alias="owner.name")
    kind: GroupKind
    number: int
    name: str
    default_cadence: Cadence
    default_min_exemplars: int


class GroupDetailOut(GroupOut):
    members: list[MemberOut] = Field(alias="members_list")


class RoleOut(Schema):
    unit_id: int
    unit_name: str = Field(alias="unit.name")
    role: str


class MeOut(Schema):
    username: str
    full_name: str
    is_site_admin: bool = Field(alias="is_superuser")
    roles: list[RoleOut]


@router.get("/me", response=MeOut, tags=["Tài khoản"])
def me(request):
    request.user.roles = list(roles_of(request.user))
    return request.user


@router.get("/units", response={200: list[UnitOut], **errors(404)})  # parent out of scope
@paginate(BoundedPageNumberPagination, page_size=50)
def list_units(request, filters: Query[UnitFilters]):
    parent = selectors.get_unit_for(request.user, filters.parent) if filters.parent else None
    return selectors.search_units(
        request.user, q=filters.q, kind=filters.kind or "", level=filters.level or "",
        parent=parent,
    )  # fmt: skip


@router.get("/units/{unit_id}", response=UnitOut)
def get_unit(request, unit_id: int):
    return selectors.get_unit_for(request.user, unit_id)


@router.get("/units/{unit_id}/children", response=list[UnitOut])
@paginate(BoundedPageNumberPagination, page_size=50)
def unit_children(request, unit_id: int, kind: UnitKind | None = None):
    unit = selectors.get_unit_for(request.user, unit_id)
    return selectors.children_of(unit, kind=kind or "")


@router.get("/groups", response={200: list[GroupOut], **errors(404)},  # owner out of scope
            tags=["Cụm, khối thi đua"])  # fmt: skip
@paginate(BoundedPageNumberPagination, page_size=50)
def list_groups(request, kind: GroupKind | None = None, owner: int | None = None, q: str = ""):
    owner_unit = selectors.get_unit_for(request.user, owner) if owner else None
    return selectors.groups_list(request.user, q=q, kind=kind or "", owner=owner_unit)


@router.get("/groups/{group_id}", response=GroupDetailOut, tags=["Cụm, khối thi đua"])
def get_group(request, group_id: int):
    group = selectors.get_group_for(request.user, group_id)
    group.members_list = list(selectors.members_of(group))
    return group
