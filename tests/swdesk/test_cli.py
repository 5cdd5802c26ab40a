"""swdesk/cli.py: the parser's Chinese errors and exit codes, and selectors after options."""
from __future__ import annotations

import datetime as dt

from swdesk.models import Worker


def test_unknown_command_exits_1_in_chinese(run_cli, db_target):
    code, out, err = run_cli("frobnicate", db_target=db_target)
    assert code == 1 and "错误" in err and "Traceback" not in err


def test_version(run_cli):
    code, out, _ = run_cli("--version")
    assert code == 0 and out.startswith("swdesk ")


def test_selectors_may_follow_options(run_cli, db_target, tmp_path):
    from swdesk import db as swdb
    from swdesk.services.base import default_office

    swdb.open_database(db_target)
    office = default_office()
    office.street, office.street_code, office.centre_name = "开元街道", "350502001", "开元街道社会工作服务中心"
    office.save()
    Worker.create(office=office, name="吴昇", gender="男", birth_date=dt.date(1979, 9, 9),
                  sector="企业", education="大专", title="无", card_no="350502001202600009",
                  card_valid_until=dt.date(2029, 1, 1))
    swdb.close_database()
    out_pdf = tmp_path / "c.pdf"
    code, out, err = run_cli("print", "cards", str(out_pdf), "--layout", "single", "350502001202600009",
                             db_target=db_target)
    assert code == 0, err
    assert out_pdf.stat().st_size > 1000


def test_unknown_option_is_still_refused(run_cli, db_target):
    code, _, err = run_cli("check", "--frob", db_target=db_target)
    assert code == 1 and "无法识别的参数" in err


def test_printing_an_expired_card_warns(run_cli, db_target, tmp_path):
    from swdesk import db as swdb
    from swdesk.services.base import default_office

    swdb.open_database(db_target)
    office = default_office()
    office.street, office.street_code = "开元街道", "350502001"
    office.district, office.centre_name = "鲤城区", "开元街道社会工作服务中心"
    office.save()
    Worker.create(office=office, name="郑玥", gender="女", birth_date=dt.date(1990, 2, 2),
                  sector="企业", education="大专", title="无", card_no="350502001202000001",
                  card_valid_until=dt.date(2023, 1, 1))
    swdb.close_database()
    code, out, err = run_cli("print", "cards", str(tmp_path / "x.pdf"), "350502001202000001",
                             db_target=db_target)
    assert code == 1 and "已过有效期" in err and "郑玥" in err and not (tmp_path / "x.pdf").exists()
    code, out, err = run_cli("print", "cards", str(tmp_path / "x.pdf"), "350502001202000001",
                             "--include-expired", db_target=db_target)
    assert code == 0, err
    assert "已过有效期" in err and "仍已打印" in err and "郑玥" in err


def test_output_never_fails_on_a_strict_cp936_stream(db_target, tmp_path):
    """A Chinese Windows with output redirected writes cp936 strictly; 𠮷 is not in cp936.
    The message is still printed (the character as ?) and the exit status is the job's own."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONIOENCODING="cp936:strict")
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--db", db_target, "export", "roster",
                           str(tmp_path / "吉𠮷.txt")], capture_output=True, env=env, timeout=120)
    err = proc.stderr.decode("cp936")
    assert proc.returncode == 1, err
    assert "吉?" in err and ".xlsx" in err and "Traceback" not in err


def test_street_in_view_is_the_windows_own_street_unless_chosen(db_target, tmp_path):
    """Like the window's 范围 box: the single user starts on the centre's own street."""
    import openpyxl
    from conftest import run_cli

    code, out, err = run_cli("demo", "--workers", "60", db_target=db_target)
    assert code == 0, err

    def rows(*extra):
        out_file = tmp_path / f"r{len(extra)}{abs(hash(extra))}.xlsx"
        code, _out, err = run_cli(*extra, "export", "roster", str(out_file), db_target=db_target)
        assert code == 0, err
        return openpyxl.load_workbook(out_file).active.max_row - 1

    own, everyone = rows(), rows("--street", "全部")
    assert 0 < own < everyone
    code, _out, err = run_cli("--street", "没有这个街道", "export", "roster", str(tmp_path / "x.xlsx"),
                              db_target=db_target)
    assert code == 1 and "没有名为“没有这个街道”的街道" in err and not (tmp_path / "x.xlsx").exists()
