"""The one versioned save (swdesk.services.versions): a save made from a stale version is refused
with what the other save changed, whichever record it is, and nothing of the stale save lands."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import db as swdb
from swdesk.models import Community, ElderGroup, GroupMember, MentoringPair, Worker
from swdesk.services import eldercare, homebed, mentoring, training, versions
from swdesk.services.base import ConflictError, default_office

TODAY = dt.date.today()


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=dt.date(1985, 3, 1),
                         sector="事业单位", education="本科及以上", title="中级")


def make_pair(mentor: Worker) -> MentoringPair:
    return mentoring.create_pair({
        "mentor_id": mentor.id, "youth_name": "张晓明", "youth_gender": "男",
        "youth_birth_date": TODAY.replace(year=TODAY.year - 15) - dt.timedelta(days=3),
        "youth_school": "第二中学初三", "guardian_name": "张建国", "guardian_phone": "13812345678",
        "concern": "学业", "unit": "教育局", "start_date": TODAY - dt.timedelta(days=90)})


def test_stale_service_save_names_what_changed(office):
    pair = make_pair(make_worker("李玥"))
    mentoring.update_pair(pair.id, {"youth_school": "第三中学", "guardian_phone": "13912345678"}, version=1)
    with pytest.raises(ConflictError) as info:
        mentoring.update_pair(pair.id, {"unit": "团区委"}, version=1)
    changes = dict(info.value.changes)
    assert changes == {"学校或状况": "第三中学", "监护人电话": "13912345678"}
    assert "其他人修改" in str(info.value) and "第三中学" in str(info.value)
    saved = mentoring.get_pair(pair.id)
    assert (saved.unit, saved.version) == ("教育局", 2)


def test_compare_and_swap_refuses_a_save_that_passed_the_early_check(office):
    """Two clerks both passed `require` (both read version 1); the write itself decides."""
    pair = make_pair(make_worker("李玥"))
    stale = MentoringPair.get_by_id(pair.id)  # clerk B's copy, read before A saves
    mentoring.update_pair(pair.id, {"youth_school": "职业学校"}, version=1)
    with pytest.raises(ConflictError) as info, swdb.database().atomic():
        versions.save(stale, {"unit": "团区委"}, None, "帮教对子", mentoring.PAIR_LABELS)
    assert dict(info.value.changes) == {"学校或状况": "职业学校"}
    assert MentoringPair.get_by_id(pair.id).unit == "教育局"


def test_a_changed_mentor_is_named_by_the_workers_name(office):
    first, second = make_worker("李玥"), make_worker("王堃")
    pair = make_pair(first)
    mentoring.update_pair(pair.id, {"mentor_id": second.id}, version=1)
    with pytest.raises(ConflictError) as info:
        mentoring.close_pair(pair.id, "中止", "家庭搬迁", False, TODAY, version=1)
    assert dict(info.value.changes) == {"帮教人": "王堃"}


def test_every_editable_record_refuses_a_stale_version(office):
    leader = make_worker("陈律师")
    group = eldercare.create_group({"name": "律师服务队", "leader_id": leader.id, "site": "区福利院"})
    eldercare.update_group(group.id, {"site": "东湖社区"}, version=1)
    with pytest.raises(ConflictError, match="服务地点：东湖社区"):
        eldercare.set_group_active(group.id, False, "暂停", version=1)
    assert ElderGroup.get_by_id(group.id).active

    elder = eldercare.create_elder({"name": "王秀英", "gender": "女", "birth_date": dt.date(1938, 6, 1),
                                    "living": "孤寡"})
    eldercare.update_elder(elder.id, {"room": "3-204"}, version=1)
    with pytest.raises(ConflictError, match="房间：3-204"):
        eldercare.update_elder(elder.id, {"needs": "助餐"}, version=1)

    place = Community.create(office=office, name="东湖社区")
    house = homebed.create_household({
        "head_name": "黄德昇", "phone": "13705951234", "address": "东湖路12号", "community_id": place.id,
        "dibao_no": "DB-001", "members": 2, "conditions": "卧床", "visit_every_days": 14})
    homebed.update_household(house.id, {"members": 3}, version=1)
    with pytest.raises(ConflictError, match="家庭人数：3"):
        homebed.set_household_active(house.id, False, "康复", version=1)

    course = training.create_course({"title": "社工实务", "start_date": TODAY, "hours": 4})
    training.update_course(course.id, {"place": "街道会议室"}, version=1)
    with pytest.raises(ConflictError, match="地点：街道会议室"):
        training.update_course(course.id, {"hours": 6}, version=1)


def test_a_record_without_version_column_compares_what_it_changes(office):
    """A group member has no version: its write is refused when the column it changes no longer
    holds the value the writer read."""
    leader = make_worker("陈律师")
    group = eldercare.create_group({"name": "律师服务队", "leader_id": leader.id})
    nurse = make_worker("林护士")
    member = eldercare.add_member(group.id, {"worker_id": nurse.id, "role": "护士", "joined_on": TODAY})
    stale = GroupMember.get_by_id(member.id)
    eldercare.update_member_role(member.id, "心理咨询师")
    with pytest.raises(ConflictError) as info, swdb.database().atomic():
        versions.save(stale, {"role": "志愿者"}, None, "小组成员", eldercare.MEMBER_LABELS)
    assert dict(info.value.changes) == {"角色": "心理咨询师"}
    assert GroupMember.get_by_id(member.id).role == "心理咨询师"


def test_a_deleted_record_is_said_to_be_deleted(office):
    course = training.create_course({"title": "社工实务", "start_date": TODAY, "hours": 4})
    stale = training._get_course(course.id)
    training.delete_course(course.id)
    with pytest.raises(ConflictError, match="已被其他人删除"), swdb.database().atomic():
        versions.save(stale, {"hours": 6}, None, "培训课程", training.COURSE_LABELS)
