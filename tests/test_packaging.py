"""The frozen one-folder build (swdesk.spec): it builds, reports its version, and starts headless."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from swdesk import __version__

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = Path(sys.executable).with_name("pyinstaller")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get("SWDESK_TEST_DB")), reason="built once, in the SQLite run"),
]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [str(PYINSTALLER), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "swdesk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    exe = work / "dist" / "swdesk" / ("swdesk.exe" if os.name == "nt" else "swdesk")
    assert exe.exists()
    size = sum(f.stat().st_size for f in (work / "dist" / "swdesk").rglob("*") if f.is_file())
    print(f"frozen build: {size / 1e6:.0f} MB")
    yield exe
    shutil.rmtree(work, ignore_errors=True)


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", SWDESK_DATA_DIR=str(tmp_path / "data"),
               SWDESK_LOG_DIR=str(tmp_path / "logs"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_frozen_build_reports_its_version(frozen_app, tmp_path):
    proc = subprocess.run([str(frozen_app), "--version"], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"swdesk {__version__}"


def test_frozen_build_runs_a_command(frozen_app, tmp_path):
    target = str(tmp_path / "f.db")
    proc = subprocess.run([str(frozen_app), "--db", target, "check"], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "检查通过" in proc.stdout


def test_frozen_build_starts_the_window_headless(frozen_app, tmp_path):
    target = str(tmp_path / "w.db")
    proc = subprocess.run([str(frozen_app), "--db", target, "--smoke-test"], capture_output=True,
                          text=True, env=_env(tmp_path), timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "w.db").exists()
    log = (tmp_path / "logs" / "swdesk.log")
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "cannot build tab" not in text, text[-2000:]
