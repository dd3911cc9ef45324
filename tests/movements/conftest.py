import datetime

import pytest

from thidua.movements import services

D = datetime.date


@pytest.fixture
def province_movement(province, province_officer):
    return services.launch_movement(
        actor=province_officer, launched_by=province, name="Chung sức xây dựng nông thôn mới",
        starts_on=D(2021, 1, 1), ends_on=D(2025, 12, 31),
    )  # fmt: skip


@pytest.fixture
def movement_a(commune_a, officer_a):
    return services.launch_movement(
        actor=officer_a, launched_by=commune_a, name="Xã An Phú sạch đẹp",
        starts_on=D(2024, 1, 1), ends_on=D(2025, 12, 31),
    )  # fmt: skip


@pytest.fixture
def drive(province_movement, province_officer):
    return services.add_drive(actor=province_officer, movement=province_movement,
                              name="Đợt thi đua cao điểm", starts_on=D(2025, 5, 1),
                              ends_on=D(2025, 9, 2), anniversary="80 năm Quốc khánh")  # fmt: skip
