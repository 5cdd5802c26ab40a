"""The QApplication: fonts, translator, error dialog, opening the database, the main window."""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import traceback
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from swdesk import __version__, db, logs
from swdesk.privacy import mask_ids
from swdesk.services.base import UserError
from ui import file_dialogs, instance_lock, keyboard, qt_translations
from ui.dialogs import login
from ui.first_use import OnFirstUse

log = logging.getLogger(__name__)

ORG_NAME = "swdesk"
APP_NAME = "swdesk"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
if getattr(sys, "frozen", False):  # PyInstaller one-folder build
    RESOURCES = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"

# Preferred UI fonts, first found wins (Windows, then Linux).
UI_FONT_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC",
                    "Source Han Sans SC", "WenQuanYi Micro Hei", "LXGW WenKai", "SimHei")


def settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A user's mistake gets its message; anything else a dialog with the log's path (and is logged)."""
    if isinstance(exc, (UserError, db.DatabaseOpenError)):
        QMessageBox.warning(parent, QCoreApplication.translate("App", "提示"), str(exc))
        return
    from swdesk.services.base import storage_error

    storage = storage_error(exc) if isinstance(exc, Exception) else None
    if storage is not None:  # disk full, file read-only or locked, outside a writer (e.g. a read)
        log.warning("database unavailable: %s", exc)
        QMessageBox.warning(parent, QCoreApplication.translate("App", "提示"),
                            getattr(storage, "description", str(storage)))
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "程序错误"),
                      QCoreApplication.translate(
                          "App", "程序遇到了意外问题，刚才的操作没有完成，已保存的数据不受影响。\n\n"
                          "请重试一次；如果问题再次出现，请把下面的日志文件发给维护人员：\n{0}").format(logs.log_file()),
                      parent=parent)
    box.setDetailedText(mask_ids("".join(traceback.format_exception(exc))))
    box.exec()


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    exc = exc if exc is not None else exc_type()
    exc.__traceback__ = tb
    try:
        show_error(QApplication.activeWindow(), exc)
    except Exception:
        log.critical("error while reporting an error", exc_info=True)


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def choose_ui_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in UI_FONT_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSize(10)
            app.setFont(font)
            return
    bundled = RESOURCES / "fonts"
    for path in sorted(bundled.glob("*.tt[fc]")) if bundled.exists() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            app.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10))
            return


def lrelease_program() -> Path:
    """Qt's lrelease as the PySide6 wheel ships it (lrelease.exe on Windows; no PATH needed)."""
    import PySide6  # the package folder: already imported with QtCore

    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def translation_file(language: str) -> Path | None:
    """The compiled .qm of `language`: resources/translations/swdesk_<lang>.qm (built by setup and
    by swdesk.spec), else compiled now from the committed .ts into the user's cache folder, so the
    language switch works however the program was started (an IDE, a plain `python main.py`)."""
    folder = RESOURCES / "translations"
    ts, qm = folder / f"swdesk_{language}.ts", folder / f"swdesk_{language}.qm"
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.is_file():
        return qm if qm.is_file() else None
    cached = Path(platformdirs.user_cache_dir("swdesk", appauthor=False)) / qm.name
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([str(lrelease_program()), "-silent", str(ts), "-qm", str(cached)],
                       check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts, exc)
        return qm if qm.is_file() else None
    return cached


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Chinese is the source language; English (or another) comes from resources/translations.

    Qt's own strings (standard buttons, file dialogs) come from Qt's bundled translations.
    """
    language = language or settings().value("language", "zh_CN") or "zh_CN"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language.startswith("zh"):   # what qtbase_zh_CN.qm misses (ui/qt_translations.py)
        app._swdesk_qt_gaps = qt_translations.GapTranslator(qt_translations.ZH_CN, app)
        app.installTranslator(app._swdesk_qt_gaps)
    qt_translator = QTranslator(app)
    qt_name = f"qtbase_{'zh_CN' if language.startswith('zh') else language}"
    if qt_translator.load(qt_name, qt_dir):
        app.installTranslator(qt_translator)
        app._swdesk_qt_translator = qt_translator  # keep a reference
    elif language.startswith("zh"):  # English is Qt's own language: nothing to load for it
        log.warning("Qt's translation %s not found in %s: standard dialogs stay English", qt_name, qt_dir)
    if language.startswith("zh"):
        return None
    translator = QTranslator(app)
    qm = translation_file(language)
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        app._swdesk_translator = translator  # keep a reference
        app.setApplicationDisplayName(QCoreApplication.translate("App", "社工服务台"))
        QLocale.setDefault(QLocale(language))  # calendars, month and day names in that language
        return translator
    log.warning("no translation for %s in %s", language, RESOURCES / "translations")
    return None


# Needed only when the database does not open, and after the window is painted: imported then
# (ui/first_use.py). At start their Qt classes' enums cost ~25 ms CPU and 110 ms wall on the
# loaded 2-core machine (python -X importtime, bench/startup.py).
offer_recovery = OnFirstUse("ui.dialogs.recovery", "offer_recovery")
unlock_database = OnFirstUse("ui.dialogs.encryption", "unlock_at_start")
daily_backup_at_start = OnFirstUse("ui.dialogs.backup", "daily_backup_at_start")
# The day's first backup follows the first paint: the clerk sees the window while it runs.
BACKUP_AFTER_SHOW_MS = 300


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.setApplicationDisplayName("社工服务台")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "swdesk.png")))
    choose_ui_font(app)
    file_dialogs.install()   # dialogs that never open the live database to sniff its type
    keyboard.install()       # buttons' accelerator letters in every dialog
    return app


def parse_window_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--user")
    parser.add_argument("--lang")
    parser.add_argument("--smoke-test", action="store_true")
    args, _ = parser.parse_known_args(argv)
    return args


def open_database_interactively(target: str | None) -> bool:
    """Open the database; on failure explain it and offer the startup recovery dialog."""
    try:
        open_and_check(target)
    except db.DatabaseLocked:  # an encrypted file (issue 20): its password first, then open
        db.close_database()
        if not unlock_database(target):
            return False
        return open_database_interactively(target)
    except db.DatabaseOpenError as exc:
        log.warning("cannot open database %s: %s", target, exc)
        db.close_database()
        if not offer_recovery(target, exc):
            return False
    return True


def open_and_check(target: str | None) -> None:
    """Open (and migrate) the database and quick-check the file; any failure → DatabaseOpenError."""
    import peewee

    from swdesk import check
    from swdesk.backup import BackupError

    try:
        db.open_database(target)
        if not db.unclean_exit_checked():  # after an unclean exit open_database already checked
            check.raise_if_damaged()
    except (peewee.DatabaseError, BackupError) as exc:  # e.g. a migration on a read-only file
        raise db.DatabaseOpenError(
            db.describe_error(exc, target or db.default_target()) if isinstance(exc, peewee.DatabaseError)
            else str(exc)) from exc


def run_window(argv: list[str]) -> int:
    args = parse_window_args(argv)
    logs.setup_logging()
    app = make_application(sys.argv[:1])
    install_translator(app, args.lang)
    install_excepthook()
    lock = instance_lock.acquire(args.db)   # one window per SQLite file (ui/instance_lock.py)
    if lock is None:
        return 1
    new_file = login.new_database_file(args.db)   # before opening creates it (issue 20)
    if not open_database_interactively(args.db):
        return 1
    # The headless smoke test must not wait on the first-run wizard (a fresh database has no
    # accounts, so there is nothing to log in to); an existing account still needs its password.
    if not login.login_at_start(args.user, first_run_wizard=not args.smoke_test, new_file=new_file):
        # Closed as at the end: an open marker left behind made the next start quick-check
        # the whole file and log an unclean exit after every 取消 at the login dialog.
        db.close_database()
        instance_lock.release()
        return 1
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    lock.commit(window)
    QTimer.singleShot(BACKUP_AFTER_SHOW_MS, daily_backup_at_start)
    if args.smoke_test:
        # Headless start-up check for the frozen build: show, let every tab build, quit.
        def smoke() -> None:
            for i in range(window.tabs.count()):
                window.tabs.setCurrentIndex(i)
            QTimer.singleShot(200, app.quit)

        QTimer.singleShot(100, smoke)
    code = app.exec()
    from ui import jobs

    # Quit in the middle of work: jobs stop (their transactions roll back, no file half-written),
    # the search thread ends, then every connection is closed and the open marker removed.
    jobs.release_database(window, 10000)
    db.close_database()
    instance_lock.release()
    return code
