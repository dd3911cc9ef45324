"""One factory per model. Units are made through the service, so they get a real path,
level and search keys exactly as in production."""

import factory

from thidua.accounts.models import Role, UnitRole, User
from thidua.units import group_services, services
from thidua.units.models import Cadence, EmulationGroup, GroupKind, GroupMembership, Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = UnitKind.AGENCY
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_unit(actor=None, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805 -- factory_boy hook
        if create:
            obj.save()


class UnitRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitRole

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.OFFICER


class EmulationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationGroup

    kind = GroupKind.CLUSTER
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Cụm {n}")
    default_cadence = Cadence.QUARTER
    default_min_exemplars = 3

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return group_services.create_group(actor=None, **kwargs)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return group_services.add_member(actor=None, **kwargs)
