"""Street scope (swdesk/services/scope.py): a street clerk sees the own street, a district user
chooses; the scope's name in titles and the quarterly report's cover."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import periods
from swdesk.models import Office, Operator, Worker
from swdesk.reports import quarter
from swdesk.services import base, scope, search


@pytest.fixture
def two_streets(db):
    kaiyuan = Office.create(district="鲤城区", street="开元街道", street_code="350502001",
                            centre_name="开元街道社会工作服务中心")
    lizhong = Office.create(district="鲤城区", street="鲤中街道", street_code="350502002",
                            centre_name="鲤中街道社会工作服务中心")
    for office, name in ((kaiyuan, "开元甲"), (kaiyuan, "开元乙"), (lizhong, "鲤中甲")):
        Worker.create(office=office, name=name, gender="女", birth_date=dt.date(1985, 1, 1),
                      sector="企业", education="大专", title="无")
    yield kaiyuan, lizhong
    base.reset_session()


def names(view=None):
    return sorted(r.name for r in search.page(view or search.View(), 0, 50))


def test_single_user_sees_the_centre_street_and_may_widen(two_streets):
    kaiyuan, lizhong = two_streets
    base.set_session(scope.single_user_session())
    assert base.current().office_id == kaiyuan.id and scope.may_choose()
    assert names() == ["开元乙", "开元甲"] and scope.title() == "开元街道"
    assert not scope.district_wide()
    assert quarter.build(periods.parse("2026Q3")).office == "开元街道社会工作服务中心"
    scope.choose(None)
    assert names() == ["开元乙", "开元甲", "鲤中甲"] and scope.district_wide()
    assert scope.title() == "鲤城区（2个街道）"
    assert quarter.build(periods.parse("2026Q3")).office == "鲤城区（2个街道）"
    rows = {r.name: r.street for r in search.page(search.View(), 0, 50)}
    assert rows == {"开元甲": "开元街道", "开元乙": "开元街道", "鲤中甲": "鲤中街道"}
    assert ("鲤中街道", lizhong.id) in search.filter_choices()["office"]
    assert names(search.View(filters={"office": lizhong.id})) == ["鲤中甲"]
    assert [r.street for r in search.page(search.View(sort="street", descending=True), 0, 50)][0] == "鲤中街道"


def test_street_clerk_cannot_widen_the_view(two_streets):
    kaiyuan, lizhong = two_streets
    Operator.create(name="开元录入", login="ky", role="录入员", salt=b"0" * 16, password_hash=b"x",
                    office=kaiyuan)
    base.set_session(base.Session(operator_login="ky", role="录入员", office_id=kaiyuan.id))
    assert not base.current().district_user and not scope.may_choose()
    with pytest.raises(base.PermissionDenied):
        scope.choose(None)
    with pytest.raises(base.PermissionDenied):
        scope.choose(lizhong.id)
    assert names() == ["开元乙", "开元甲"]
    assert search.filter_choices()["office"] == []


def test_district_account_starts_with_every_street(two_streets):
    base.set_session(base.Session(operator_login="qu", role="管理员", office_id=None))
    assert base.current().district_user and scope.district_wide()
    assert scope.title() == "鲤城区（2个街道）"
