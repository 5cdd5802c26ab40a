"""The QApplication: fonts, translator, error dialog, and the start: first dialog, database, window.

Nothing that imports peewee is imported at the top here: when the database has accounts, the
login dialog is painted before the database is opened (swdesk/peek.py tells), and ui/opening.py
loads the core behind it (bench/startup.py).
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import NamedTuple

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from swdesk import __version__, locations, logs, peek
from swdesk.errors import DatabaseOpenError, UserError
from ui import file_dialogs, instance_lock, keyboard, qt_translations
from ui.dialogs.login_dialog import FirstRunWizard, LoginDialog, UnlockLoginDialog
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
    if isinstance(exc, (UserError, DatabaseOpenError)):
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
    from swdesk.privacy import mask_ids  # only for a traceback: see swdesk/logs.MaskIdFilter

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
    import subprocess  # only here, when a translation must be compiled: 3 ms of every start

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


class WindowArgs(NamedTuple):   # not a dataclass: its import is ~2 ms before the first dialog
    db: str | None = None        # None = the default database (swdesk/locations.py)
    user: str | None = None      # the login name filled in
    lang: str | None = None      # None = the language chosen in 设置
    smoke_test: bool = False     # the frozen build's headless start check


def parse_window_args(argv: list[str]) -> WindowArgs:
    """The window's options, "--db X" or "--db=X" (main.py sends anything else to the command
    line; the last of a repeated option counts). Read by hand: argparse's import and parser
    cost ~4 ms of every start (python -X importtime, bench/startup.py)."""
    values: dict[str, str | None] = {}
    smoke_test = False
    i = 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name in ("--db", "--user", "--lang"):
            if not eq:
                i += 1
                value = argv[i] if i < len(argv) else None
            values[name[2:]] = value
        elif argv[i] == "--smoke-test":
            smoke_test = True
        i += 1
    return WindowArgs(smoke_test=smoke_test, **values)


def load_window_modules() -> None:
    from ui import main_window

    main_window.load_modules()


def log_in_while_opening(target: str | None, user: str | None) -> bool | None:
    """The login dialog, painted before the database is opened; the file opens behind it
    (ui/opening.open_for_login) while the clerk types. True = logged in, False = 退出, None = the
    file did not open or has no account after all: the usual start takes over."""
    def prepare() -> bool:
        peek.start_quick_check(target, peek.LOGIN)   # meanwhile, on the second core
        from ui import opening

        if not opening.open_for_login(target):
            return False
        QTimer.singleShot(0, load_window_modules)   # next, still while the clerk types
        return True

    result = LoginDialog(user, prepare=prepare).exec()
    if result == LoginDialog.NOT_READY:
        return None
    if result != QDialog.DialogCode.Accepted.value:
        return False
    from ui.dialogs.login import install_idle_lock

    install_idle_lock()
    return True


def unlock_while_loading(target: str | None) -> bool | None:
    """An encrypted file: the operator's login (UnlockLoginDialog) is painted first, the core loads
    behind it while the clerk types, and the password unlocks the file. False = 退出; None = go on
    the usual way, which opens the unlocked file and logs in with what was typed."""
    def prepare() -> bool:
        from ui import opening  # noqa: F401  (the core: peewee, the models, the migrations)

        QTimer.singleShot(0, load_window_modules)
        return True

    result = UnlockLoginDialog(target or locations.default_target(), prepare=prepare).exec()
    return False if result == QDialog.DialogCode.Rejected.value else None


def first_run_while_opening(target: str | None) -> bool | None:
    """The first-run wizard, painted before the database is opened (or created): the file opens
    behind it (ui/opening.open_for_first_run). True = 完成 or 跳过, False = closed, None = the
    usual start takes over."""
    def prepare() -> bool:
        peek.start_quick_check(target, peek.WIZARD)   # an existing file: meanwhile, on the second core
        from ui import opening

        if not opening.open_for_first_run(target):
            return False
        QTimer.singleShot(0, load_window_modules)
        return True

    result = FirstRunWizard(new_file=peek.new_file(target), prepare=prepare).exec()
    if result == FirstRunWizard.NOT_READY:
        return None
    if result == QDialog.DialogCode.Accepted.value:
        from ui.dialogs.login import install_idle_lock

        install_idle_lock()
        return True
    return result == FirstRunWizard.SKIPPED


def open_and_log_in(args: WindowArgs) -> bool:
    """The usual start: open the database (its password, the recovery offer), then the first-run
    wizard, single-user mode or the login dialog. False = quit."""
    from ui import opening

    new_file = peek.new_file(args.db)   # before opening creates it (issue 20)
    if not opening.open_database_interactively(args.db):
        return False
    from ui.dialogs import login
    # The headless smoke test must not wait on the first-run wizard (a fresh database has no
    # accounts, so there is nothing to log in to); an existing account still needs its password.
    return login.login_at_start(args.user, first_run_wizard=not args.smoke_test, new_file=new_file)


def run_window(argv: list[str], first_step: str | None = None) -> int:
    """`first_step`: what swdesk.peek.first_step said of the database (main.py asks it before
    PySide6 is imported); asked here when not given."""
    args = parse_window_args(argv)
    logs.setup_logging()
    app = make_application(sys.argv[:1])
    install_translator(app, args.lang)
    install_excepthook()
    lock = instance_lock.acquire(args.db)   # one window per SQLite file (ui/instance_lock.py)
    if lock is None:
        return 1
    if first_step is None:
        first_step = peek.first_step(args.db)
    logged_in = None
    if first_step == peek.LOGIN:
        logged_in = log_in_while_opening(args.db, args.user)
    elif first_step == peek.UNLOCK:
        logged_in = unlock_while_loading(args.db)
    elif first_step == peek.WIZARD and not args.smoke_test:
        logged_in = first_run_while_opening(args.db)
    if logged_in is None:
        logged_in = open_and_log_in(args)
    from swdesk import db

    if not logged_in:
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
