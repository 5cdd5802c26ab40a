"""A quick bulk fill of N workers for the roster benchmark when the demo generator is unavailable.

Used only by bench/roster.py (the real sample data comes from `main.py demo`).
"""
from __future__ import annotations

import datetime as _dt
import random

from swdesk import db, idcard, pinyin, vocab
from swdesk.models import Community, Worker, WorkerSpecialty
from swdesk.services.base import default_office

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海燕晨宇浩然子涵欣怡梓萱俊杰雨桐喆堃昇镕赟玥燚"


def fill(n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    office = default_office()
    communities = []
    for i, name in enumerate(("东街社区", "西街社区", "南门社区", "北门社区", "新村社区", "滨江社区",
                              "中山社区", "和平社区", "建设社区", "胜利社区", "光明社区")):
        community, _ = Community.get_or_create(office=office, name=name, defaults={"code": f"{i:03d}"})
        communities.append(community.id)
    reading: dict[str, tuple[str, str]] = {}
    today = _dt.date.today()
    rows, specs = [], []
    start_id = (Worker.select(Worker.id).order_by(Worker.id.desc()).scalar() or 0) + 1
    used_ids: set[str] = set()
    for k in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in reading:
            reading[name] = (pinyin.full(name), pinyin.initials(name))
        birth = today - _dt.timedelta(days=rng.randint(20 * 365, 75 * 365))
        while True:
            number = idcard.make("350502", birth, rng.randint(0, 999))
            if number not in used_ids:
                used_ids.add(number)
                break
            birth -= _dt.timedelta(days=1)
        gender = idcard.parse(number).gender
        wid = start_id + k
        picked = rng.sample(vocab.SPECIALTIES, rng.choice((1, 1, 2)))
        rows.append(dict(
            id=wid, office=office.id, name=name, name_pinyin=reading[name][0],
            name_initials=reading[name][1], gender=gender, id_number=number, birth_date=birth,
            phone=f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}",
            sector=rng.choices(vocab.SECTORS, (400, 729, 22, 263, 1258))[0],
            education=rng.choice(vocab.EDUCATIONS), title=rng.choice(vocab.TITLES),
            specialties=vocab.SPECIALTY_JOINER.join(picked),
            political_status=rng.choice(vocab.POLITICAL_STATUSES),
            kind=rng.choice(vocab.WORKER_KINDS), community=rng.choice(communities),
            joined_on=today - _dt.timedelta(days=rng.randint(0, 3000)),
            status=vocab.STATUS_LEFT if rng.random() < 0.05 else vocab.STATUS_ACTIVE,
            card_no=f"{office.street_code}{today.year}{wid:06d}",
        ))
        specs.extend(dict(worker=wid, specialty=s) for s in picked)
    database = db.database()
    with database.atomic():
        for i in range(0, len(rows), 2000):
            Worker.insert_many(rows[i:i + 2000]).execute()
        for i in range(0, len(specs), 5000):
            WorkerSpecialty.insert_many(specs[i:i + 5000]).execute()
    if db.is_sqlite():
        database.execute_sql("ANALYZE")
