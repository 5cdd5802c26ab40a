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
    pytest.mark.skipif(bool(os.environ.get("SWDESK_TEST_DB") or os.environ.get("SWDESK_TEST_ENCRYPTED")),
                       reason="built once, in the SQLite run"),
]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [str(PYINSTALLER), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "swdesk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = work / "dist" / "swdesk"
    assert (folder / _exe("swdesk")).exists() and (folder / _exe("swdesk-cli")).exists()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"frozen build: {size / 1e6:.0f} MB")
    yield folder
    shutil.rmtree(work, ignore_errors=True)


def _exe(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def test_spec_builds_a_windowed_program_and_a_command_line_one():
    spec = (ROOT / "swdesk.spec").read_text(encoding="utf-8")
    window = spec[spec.index("window = EXE("):spec.index("cli = EXE(")]
    cli = spec[spec.index("cli = EXE("):spec.index("coll = COLLECT(")]
    assert "console=False" in window and "console=True" in cli
    assert "icon=ICON" in window and (ROOT / "resources" / "icons" / "swdesk.ico").is_file()


def test_frozen_build_bundles_font_translations_and_no_qt_quick(frozen_app):
    files = [p for p in frozen_app.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "LXGWWenKai-Regular.ttf" in names and "LICENSE-LXGWWenKai.txt" in names
    assert "swdesk_en.qm" in names
    assert not [p for p in names if "Qt6Quick" in p or "Qt6Qml" in p or "virtualkeyboard" in p.lower()]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", SWDESK_DATA_DIR=str(tmp_path / "data"),
               SWDESK_LOG_DIR=str(tmp_path / "logs"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def test_frozen_build_reports_its_version(frozen_app, tmp_path):
    proc = subprocess.run([str(frozen_app / _exe("swdesk-cli")), "--version"], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"swdesk {__version__}"


def test_frozen_build_runs_a_command(frozen_app, tmp_path):
    target = str(tmp_path / "f.db")
    proc = subprocess.run([str(frozen_app / _exe("swdesk-cli")), "--db", target, "check"], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "检查通过" in proc.stdout


def test_frozen_build_encrypts_and_opens_an_encrypted_database(frozen_app, tmp_path):
    """SQLCipher's extension and cryptography's travel in the build (issue 20)."""
    target = str(tmp_path / "e.db")
    cli = str(frozen_app / _exe("swdesk-cli"))
    env = dict(_env(tmp_path), SWDESK_NEW_PASSWORD="frozen-pass", SWDESK_PASSWORD="frozen-pass")
    for args in (["check"], ["encrypt"], ["check"]):
        proc = subprocess.run([cli, "--db", target, *args], capture_output=True, text=True, env=env, timeout=180)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "e.db").read_bytes()[:16] != b"SQLite format 3\x00" and "检查通过" in proc.stdout


def test_frozen_build_starts_the_window_headless(frozen_app, tmp_path):
    target = str(tmp_path / "w.db")
    proc = subprocess.run([str(frozen_app / _exe("swdesk")), "--db", target, "--smoke-test"], capture_output=True,
                          text=True, env=_env(tmp_path), timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "w.db").exists()
    log = (tmp_path / "logs" / "swdesk.log")
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "cannot build tab" not in text, text[-2000:]
