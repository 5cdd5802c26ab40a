"""All tables of swdesk, as peewee models bound to `swdesk.connection.proxy`.

Only swdesk/services/ writes to these. Labels stored in text columns are the Chinese labels of
swdesk/vocab.py, so that exports and reports need no translation table.
Every record that belongs to one street office carries `office` (a district database holds several).
"""
from __future__ import annotations

import datetime as _dt

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from swdesk.connection import proxy


def _now() -> _dt.datetime:
    return _dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the number of the last migration applied (see swdesk/migrations.py)."""

    version = IntegerField()
    applied_at = DateTimeField(default=_now)


class Setting(BaseModel):
    """Key → JSON value: office-wide settings (card number format, HMAC key, calibration …)."""

    key = CharField(max_length=100, primary_key=True)
    value = TextField()


class Office(BaseModel):
    """A street office (街道社会工作服务中心). A single-PC database has one."""

    id = AutoField()
    district = CharField(max_length=50)          # 区
    street = CharField(max_length=50)            # 街道
    street_code = CharField(max_length=12)       # used in card numbers
    centre_name = CharField(max_length=100)      # 服务中心名称
    hotlines = TextField(default="[]")           # JSON list of {"name": …, "number": …}
    card_issuer = CharField(max_length=100, default="")
    charter_text = TextField(default="")         # duties printed on the card's back
    person_in_charge = CharField(max_length=50, default="")
    contact_phone = CharField(max_length=30, default="")
    address = CharField(max_length=200, default="")


class Community(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="communities", on_delete="RESTRICT")
    name = CharField(max_length=50)
    code = CharField(max_length=20, default="")

    class Meta:
        indexes = ((("office", "name"), True),)


class VocabItem(BaseModel):
    """Values an office added to an editable list (vocab.EDITABLE_LISTS)."""

    id = AutoField()
    kind = CharField(max_length=40)
    label = CharField(max_length=50)
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "label"), True),)


class Operator(BaseModel):
    """A local account (issue: operators). Password: hashlib.scrypt with a per-user salt."""

    id = AutoField()
    name = CharField(max_length=50)
    login = CharField(max_length=50, unique=True)
    role = CharField(max_length=10)               # vocab.OPERATOR_ROLES
    salt = BlobField()
    password_hash = BlobField()
    office = ForeignKeyField(Office, null=True, on_delete="SET NULL")  # None = district-wide
    active = BooleanField(default=True)
    created_at = DateTimeField(default=_now)


class Worker(BaseModel):
    """A social-work worker or volunteer (社会工作人才)."""

    id = AutoField()
    office = ForeignKeyField(Office, backref="workers", on_delete="RESTRICT")
    name = CharField(max_length=50, index=True)
    # Lower-case pinyin without spaces ("zhangsan") and initials ("zs"), kept by the services.
    name_pinyin = CharField(max_length=200, default="", index=True)
    name_initials = CharField(max_length=50, default="", index=True)
    gender = CharField(max_length=2)
    id_number = CharField(max_length=18, null=True, unique=True)
    birth_date = DateField(index=True)
    phone = CharField(max_length=20, default="", index=True)
    sector = CharField(max_length=20, index=True)
    employer = CharField(max_length=100, default="")
    education = CharField(max_length=20)
    title = CharField(max_length=10)
    sw_level = CharField(max_length=20, default="无")
    # Display copy of the specialties joined with 、; WorkerSpecialty is what queries use.
    specialties = CharField(max_length=200, default="")
    political_status = CharField(max_length=10, default="群众")
    kind = CharField(max_length=10, default="志愿者")
    community = ForeignKeyField(Community, null=True, backref="workers", on_delete="SET NULL")
    joined_on = DateField(null=True)
    status = CharField(max_length=10, default="在册", index=True)
    left_on = DateField(null=True)
    left_reason = CharField(max_length=200, default="")
    card_no = CharField(max_length=30, null=True, unique=True)
    card_issued_on = DateField(null=True)
    card_valid_until = DateField(null=True)
    notes = TextField(default="")
    version = IntegerField(default=1)  # optimistic concurrency: bumped on every update
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class WorkerSpecialty(BaseModel):
    worker = ForeignKeyField(Worker, backref="specialty_rows", on_delete="CASCADE")
    specialty = CharField(max_length=20, index=True)

    class Meta:
        primary_key = False
        indexes = ((("worker", "specialty"), True),)


class WorkerPhoto(BaseModel):
    """Kept apart from Worker so that scanning the roster never reads photo bytes."""

    worker = ForeignKeyField(Worker, primary_key=True, backref="photo_row", on_delete="CASCADE")
    data = BlobField()          # JPEG, downscaled, 25×35 mm ratio
    updated_at = DateTimeField(default=_now)


# --- training ---------------------------------------------------------------------------------

class TrainingCourse(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="courses", on_delete="RESTRICT")
    title = CharField(max_length=100)
    start_date = DateField(index=True)
    hours = FloatField()
    lecturer = CharField(max_length=50, default="")
    place = CharField(max_length=100, default="")
    topic = CharField(max_length=30, default="")
    notes = TextField(default="")
    version = IntegerField(default=1)  # optimistic concurrency (training service)
    continuing_education = BooleanField(default=False)  # 继续教育: counts for 职业水平 registration


class TrainingAttendance(BaseModel):
    id = AutoField()
    course = ForeignKeyField(TrainingCourse, backref="attendance", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, backref="trainings", on_delete="CASCADE")
    hours = FloatField(null=True)  # None = the course's hours

    class Meta:
        indexes = ((("course", "worker"), True),)


# --- 一对一帮教 mentoring --------------------------------------------------------------------------

class MentoringPair(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="mentoring_pairs", on_delete="RESTRICT")
    mentor = ForeignKeyField(Worker, backref="mentoring_pairs", on_delete="RESTRICT")
    youth_name = CharField(max_length=50)
    youth_gender = CharField(max_length=2)
    youth_birth_date = DateField()
    youth_id_number = CharField(max_length=18, null=True)
    youth_school = CharField(max_length=100, default="")     # school or status
    guardian_name = CharField(max_length=50, default="")
    guardian_phone = CharField(max_length=20, default="")
    concern = CharField(max_length=20)
    unit = CharField(max_length=50)                           # organising unit
    start_date = DateField(index=True)
    planned_end = DateField(null=True)
    status = CharField(max_length=10, default="进行中", index=True)
    ended_on = DateField(null=True)
    outcome = TextField(default="")
    positive_outcome = BooleanField(default=False)            # counts as a youth "helped"
    version = IntegerField(default=1)


class MentoringSession(BaseModel):
    id = AutoField()
    pair = ForeignKeyField(MentoringPair, backref="sessions", on_delete="CASCADE")
    date = DateField(index=True)
    minutes = IntegerField()
    place = CharField(max_length=100, default="")
    kind = CharField(max_length=10)
    notes = TextField(default="")
    # Who held the session (the pair's mentor then): hours stay with them if the pair later
    # changes mentor. None = the pair's mentor.
    mentor = ForeignKeyField(Worker, null=True, on_delete="SET NULL")
    version = IntegerField(default=1)


# --- 扶老助老 elder-care groups ----------------------------------------------------------------------

class ElderGroup(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="elder_groups", on_delete="RESTRICT")
    name = CharField(max_length=50)
    leader = ForeignKeyField(Worker, null=True, on_delete="SET NULL")
    site = CharField(max_length=100, default="")
    visit_every_days = IntegerField(default=14)   # planned frequency
    active = BooleanField(default=True)
    created_on = DateField(default=_dt.date.today)  # a group never visited is late from here
    version = IntegerField(default=1)


class GroupMember(BaseModel):
    id = AutoField()
    group = ForeignKeyField(ElderGroup, backref="members", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, backref="group_memberships", on_delete="CASCADE")
    role = CharField(max_length=20)
    joined_on = DateField()
    left_on = DateField(null=True)


class Elder(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="elders", on_delete="RESTRICT")
    name = CharField(max_length=50)
    gender = CharField(max_length=2)
    birth_date = DateField()
    id_number = CharField(max_length=18, null=True)
    home = CharField(max_length=100, default="")      # e.g. 区福利院
    room = CharField(max_length=20, default="")
    living = CharField(max_length=10, default="孤寡")
    needs = TextField(default="")
    emergency_contact = CharField(max_length=50, default="")
    emergency_phone = CharField(max_length=20, default="")
    version = IntegerField(default=1)


class ElderAssignment(BaseModel):
    """An elder in a group from start to end; end None = now. One open row per elder at most."""

    id = AutoField()
    elder = ForeignKeyField(Elder, backref="assignments", on_delete="CASCADE")
    group = ForeignKeyField(ElderGroup, backref="elder_assignments", on_delete="CASCADE")
    start_date = DateField()
    end_date = DateField(null=True)


class GroupVisit(BaseModel):
    id = AutoField()
    group = ForeignKeyField(ElderGroup, backref="visits", on_delete="CASCADE")
    date = DateField(index=True)
    minutes = IntegerField()
    services = CharField(max_length=200, default="")   # joined with 、
    notes = TextField(default="")
    version = IntegerField(default=1)


class GroupVisitMember(BaseModel):
    visit = ForeignKeyField(GroupVisit, backref="present", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("visit", "worker"), True),)


class GroupVisitElder(BaseModel):
    visit = ForeignKeyField(GroupVisit, backref="elders_seen", on_delete="CASCADE")
    elder = ForeignKeyField(Elder, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("visit", "elder"), True),)


# --- 社区家庭病床 home sickbeds -------------------------------------------------------------------

class Household(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="households", on_delete="RESTRICT")
    community = ForeignKeyField(Community, null=True, on_delete="SET NULL")
    head_name = CharField(max_length=50)
    head_id_number = CharField(max_length=18, null=True)
    phone = CharField(max_length=20, default="")
    address = CharField(max_length=200, default="")
    dibao_no = CharField(max_length=30, default="")    # 低保证号
    members = IntegerField(default=1)
    member_notes = TextField(default="")
    conditions = TextField(default="")
    visit_every_days = IntegerField(default=14)
    active = BooleanField(default=True)
    added_on = DateField(default=_dt.date.today)  # a household never visited is due from here
    version = IntegerField(default=1)


class HouseholdWorker(BaseModel):
    household = ForeignKeyField(Household, backref="assigned", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("household", "worker"), True),)


class HomeVisit(BaseModel):
    id = AutoField()
    household = ForeignKeyField(Household, backref="visits", on_delete="CASCADE")
    date = DateField(index=True)
    minutes = IntegerField()
    services = CharField(max_length=200, default="")
    findings = TextField(default="")
    next_due = DateField(null=True)
    version = IntegerField(default=1)


class HomeVisitWorker(BaseModel):
    visit = ForeignKeyField(HomeVisit, backref="workers", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("visit", "worker"), True),)


# --- 服务热线 hotline ----------------------------------------------------------------------------

class HotlineRequest(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office, backref="hotline_requests", on_delete="RESTRICT")
    received_at = DateTimeField(index=True)
    channel = CharField(max_length=10, default="电话")
    resident_name = CharField(max_length=50)
    phone = CharField(max_length=20, default="")
    community = ForeignKeyField(Community, null=True, on_delete="SET NULL")
    category = CharField(max_length=10, index=True)
    text = TextField()
    urgency = CharField(max_length=10, default="一般")
    preferred_time = CharField(max_length=50, default="")
    due_at = DateTimeField(null=True)
    status = CharField(max_length=10, default="待分派", index=True)
    assigned_at = DateTimeField(null=True)
    completed_at = DateTimeField(null=True)
    followed_up_at = DateTimeField(null=True)
    satisfaction = CharField(max_length=10, default="")
    followup_note = TextField(default="")
    closed_at = DateTimeField(null=True)     # 已转介 / 已撤销
    closed_reason = TextField(default="")
    minutes = IntegerField(default=0)         # service time credited on completion
    completion_note = TextField(default="")  # what was done (complete())
    version = IntegerField(default=1)


class HotlineAssignment(BaseModel):
    id = AutoField()
    request = ForeignKeyField(HotlineRequest, backref="assignments", on_delete="CASCADE")
    worker = ForeignKeyField(Worker, backref="hotline_assignments", on_delete="CASCADE")
    assigned_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("request", "worker"), True),)


# --- hours, plans, certificates, audit -----------------------------------------------------------

class ServiceHours(BaseModel):
    """The hours ledger: one row per worker per session or visit. Certificates and the
    quarterly workbook read only this table."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="hours", on_delete="CASCADE")
    programme = CharField(max_length=10, index=True)      # vocab.PROGRAMMES
    date = DateField(index=True)
    minutes = IntegerField()
    source = CharField(max_length=30)                     # table of the session/visit
    source_id = IntegerField()

    class Meta:
        indexes = ((("source", "source_id", "worker"), True),)


class DemandTarget(BaseModel):
    """The talent demand plan: target numbers by dimension (specialty, education, age band, title)."""

    id = AutoField()
    office = ForeignKeyField(Office, backref="demand", on_delete="CASCADE")
    dimension = CharField(max_length=20)   # specialty / education / age_band / title
    label = CharField(max_length=30)
    target = IntegerField()

    class Meta:
        indexes = ((("office", "dimension", "label"), True),)


class Certificate(BaseModel):
    """The register of service certificates (志愿服务记录证明)."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)
    worker = ForeignKeyField(Worker, backref="certificates", on_delete="RESTRICT")
    period = CharField(max_length=20)
    issued_at = DateTimeField(default=_now)
    reprint_of = ForeignKeyField("self", null=True, on_delete="SET NULL")
    operator = CharField(max_length=50, default="")
    content = TextField(default="{}")      # JSON: the hours as printed


# --- 职业水平, continuing education, stars, awards, evaluations (issue 18) ------------------------

class SwQualification(BaseModel):
    """社会工作者职业水平证书: one per worker. The level itself is Worker.sw_level (the reports read
    it there); this keeps the certificate."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="qualification_rows", unique=True, on_delete="CASCADE")
    certificate_no = CharField(max_length=40, default="")
    obtained_on = DateField(null=True)
    version = IntegerField(default=1)


class SwRegistration(BaseModel):
    """A registration (首次登记 or 再登记); each opens a 3-year period."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="registrations", on_delete="CASCADE")
    registered_on = DateField(index=True)
    note = CharField(max_length=200, default="")

    class Meta:
        indexes = ((("worker", "registered_on"), True),)


class ExternalEducation(BaseModel):
    """Continuing-education hours taken outside swdesk (another institution's course)."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="external_education", on_delete="CASCADE")
    institution = CharField(max_length=100)
    date = DateField(index=True)
    hours = FloatField()
    note = TextField(default="")
    scan = BlobField(null=True)          # the proof, JPEG/PNG/PDF as given
    scan_name = CharField(max_length=200, default="")
    version = IntegerField(default=1)


class OpeningBalance(BaseModel):
    """Service hours before swdesk (a volunteer's earlier record); counts toward star levels only,
    never toward a quarter's statistics."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="opening_rows", unique=True, on_delete="CASCADE")
    minutes = IntegerField()
    as_of = DateField()                  # the day the earlier record ends
    note = TextField(default="")
    version = IntegerField(default=1)


class StarCertificate(BaseModel):
    """The numbered register of star certificates: one per worker per level reached."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)
    worker = ForeignKeyField(Worker, backref="star_certificates", on_delete="RESTRICT")
    level = IntegerField()
    reached_on = DateField()
    issued_at = DateTimeField(default=_now)
    operator = CharField(max_length=50, default="")

    class Meta:
        indexes = ((("worker", "level"), True),)


class Award(BaseModel):
    """表彰奖励."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="awards", on_delete="CASCADE")
    title = CharField(max_length=100)
    level = CharField(max_length=4)      # vocab.AWARD_LEVELS
    issuer = CharField(max_length=100, default="")
    date = DateField(index=True)
    document_no = CharField(max_length=60, default="")
    version = IntegerField(default=1)


class Evaluation(BaseModel):
    """评价: one per worker per year."""

    id = AutoField()
    worker = ForeignKeyField(Worker, backref="evaluations", on_delete="CASCADE")
    year = IntegerField()
    grade = CharField(max_length=6)      # vocab.EVALUATION_GRADES
    evaluator = CharField(max_length=50, default="")
    date = DateField(null=True)
    note = TextField(default="")
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("worker", "year"), True),)


class RecordIssue(BaseModel):
    """The register of printed 个人志愿服务记录 (numbered like certificates)."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)
    worker = ForeignKeyField(Worker, backref="record_issues", on_delete="RESTRICT")
    start = DateField()
    end = DateField()
    issued_at = DateTimeField(default=_now)
    operator = CharField(max_length=50, default="")


class AuditLog(BaseModel):
    """Who changed what, when. Appended by services only; never updated or deleted."""

    id = AutoField()
    at = DateTimeField(default=_now, index=True)
    operator = CharField(max_length=50, default="")
    action = CharField(max_length=20)          # create / update / delete / deactivate / export …
    table = CharField(max_length=40, index=True)
    record_id = CharField(max_length=40, default="", index=True)
    summary = CharField(max_length=200, default="")
    before = TextField(default="")             # JSON
    after = TextField(default="")              # JSON


ALL_MODELS = (
    SchemaVersion, Setting, Office, Community, VocabItem, Operator,
    Worker, WorkerSpecialty, WorkerPhoto,
    TrainingCourse, TrainingAttendance,
    MentoringPair, MentoringSession,
    ElderGroup, GroupMember, Elder, ElderAssignment, GroupVisit, GroupVisitMember,
    GroupVisitElder,
    Household, HouseholdWorker, HomeVisit, HomeVisitWorker,
    HotlineRequest, HotlineAssignment,
    ServiceHours, DemandTarget, Certificate, AuditLog,
    SwQualification, SwRegistration, ExternalEducation, OpeningBalance, StarCertificate,
    Award, Evaluation, RecordIssue,
)
