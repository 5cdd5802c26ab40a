"""The English translation: the window in English with the translator, in Chinese without it, and
the committed .ts file kept whole (every UI string translated, placeholders and accelerators kept).

The .qm is built from the committed .ts into a temporary folder, so the test checks the sources a
commit holds, not a stale build product.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from ui import app as app_module
from ui.main_window import MENUS, TABS, MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "swdesk_en.ts"
EN_JSON = ROOT / "resources" / "translations" / "en.json"

ENGLISH_TABS = ["Reminders", "Workers", "Mentoring", "Elder care", "Home sickbeds", "Hotlines",
                "Training", "Reports"]
ENGLISH_MENUS = ["&File", "&Print", "&Settings", "&Tools", "&Help"]


def _tools():
    spec = importlib.util.spec_from_file_location("swdesk_translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def translations_tool():
    return _tools()


@pytest.fixture(scope="module")
def built_resources(tmp_path_factory, translations_tool) -> Path:
    """A resources folder whose translations/swdesk_en.qm is built from the committed .ts."""
    base = tmp_path_factory.mktemp("resources")
    folder = base / "translations"
    folder.mkdir()
    translations_tool.release(TS.parent, folder)
    assert (folder / "swdesk_en.qm").stat().st_size > 1000
    return base


@pytest.fixture
def resources(built_resources, monkeypatch):
    monkeypatch.setattr(app_module, "RESOURCES", built_resources)
    return built_resources


@pytest.fixture
def translated(qapp):
    """Calls install_translator and removes whatever it installed afterwards, so no other test
    runs with a translator left in place."""
    before = {name: getattr(qapp, name, None) for name in ("_swdesk_translator", "_swdesk_qt_translator")}
    display_name = qapp.applicationDisplayName()
    locale = QLocale()

    def install(language: str | None):
        return app_module.install_translator(qapp, language)

    yield install
    for name, old in before.items():
        new = getattr(qapp, name, None)
        if new is not None and new is not old:
            QCoreApplication.removeTranslator(new)
            delattr(qapp, name)
    qapp.setApplicationDisplayName(display_name)
    QLocale.setDefault(locale)


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    roster = window._built.get(window.tab_index("roster"))
    if roster is not None and hasattr(roster, "model"):
        roster.model.wait()


def _tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_window_in_english(db, qtbot, resources, translated):
    assert translated("en") is not None
    assert QApplication.translate("MainWindow", "人才队伍") == "Workers"
    assert QLocale().language() == QLocale.Language.English  # calendars speak English too
    window = _window(qtbot)
    try:
        assert _tab_titles(window) == ENGLISH_TABS
        assert _menu_titles(window) == ENGLISH_MENUS
        file_menu = window.menuBar().actions()[0].menu()
        texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
        assert "&Open database…" in texts and "&Backup…" in texts
        # The roster tab (opened first) speaks English too, e.g. its "new worker" button.
        roster = window.tab("roster")
        from PySide6.QtWidgets import QPushButton

        buttons = {b.text() for b in roster.findChildren(QPushButton)}
        assert "&New worker" in buttons          # accelerators from the English words
        assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in buttons), buttons
    finally:
        _close(window)


def test_window_in_chinese_without_translator(db, qtbot, resources, translated):
    assert translated(None) is None  # no setting: Chinese, the source language
    assert translated("zh_CN") is None
    window = _window(qtbot)
    try:
        assert _tab_titles(window) == [t[2] for t in TABS]
        assert _tab_titles(window)[1] == "人才队伍"
        assert _menu_titles(window) == [title for title, _items in MENUS]
    finally:
        _close(window)


def test_language_setting_selects_english(db, qtbot, resources, translated):
    """设置 → 界面语言 stores the choice; the next start (install_translator) follows it."""
    app_module.settings().setValue("language", "en")
    assert translated(None) is not None
    window = _window(qtbot)
    try:
        assert _tab_titles(window)[0] == "Reminders"
    finally:
        _close(window)


# --- the .ts file ------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?::[^{}]*)?\}|%L?\d|%n")
TAG = re.compile(r"<[^>]+>")


def _messages():
    for context in ET.parse(TS).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            yield context.findtext("name"), message.findtext("source"), texts, finished


def test_translations_keep_placeholders_tags_and_accelerators():
    problems = []
    count = 0
    for context, source, texts, finished in _messages():
        if not finished:
            continue
        for text in texts:
            count += 1
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                problems.append(f"{context}: {source!r} → {text!r}: HTML tags differ")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                problems.append(f"{context}: {source!r} → {text!r}: accelerator lost")
            if source.endswith("…") and not text.endswith("…"):
                problems.append(f"{context}: {source!r} → {text!r}: trailing … lost")
            if not text and source:  # a lone space is a deliberate translation (a spin box suffix)
                problems.append(f"{context}: {source!r}: empty translation")
    assert count > 500
    assert not problems, "\n".join(problems)


def test_every_ui_string_has_an_english_translation(tmp_path, translations_tool):
    """Extract the strings afresh (lupdate over main.py and ui/) into a copy of the .ts, take the
    translations of en.json: none may be left without English.

    When this fails: add the listed strings to resources/translations/en.json, then run
    `python scripts/translations.py update`, `fill resources/translations/en.json`, `release`.
    """
    shutil.copy(TS, tmp_path / TS.name)
    translations_tool.update(tmp_path)
    translations_tool.fill(EN_JSON, tmp_path)
    untranslated = translations_tool.missing(tmp_path)
    assert not untranslated, "no English for:\n" + "\n".join(untranslated)


def test_committed_ts_is_filled_from_en_json():
    mapping = json.loads(EN_JSON.read_text(encoding="utf-8"))
    assert list(mapping) == sorted(mapping), "keep en.json's keys sorted"
    stale = []
    for context, source, texts, finished in _messages():
        wanted = mapping.get(f"{context}::{source}", mapping.get(source))
        if wanted is None:
            continue
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if not finished or any(text not in wanted for text in texts):
            stale.append(f"{context}: {source!r}")
    assert not stale, "run `python scripts/translations.py fill resources/translations/en.json`:\n" + "\n".join(stale)


def _label_tables():
    """(context, labels) of the tables whose labels the window translates at run time."""
    from swdesk.services import reminders, search, workers
    from ui.dialogs import audit, login_dialog, operators, recovery
    from ui.tabs import reports

    return [
        ("RosterModel", [label for _key, label in search.COLUMNS]),
        ("RosterTab", [label for _key, label in search.FILTERS]),
        ("RemindersTab", list(reminders.KIND_LABELS.values())),
        ("ReportsTab", list(reports.SHEETS)),
        ("AuditDialog", list(audit.AuditDialog.COLUMNS)),
        ("OperatorsDialog", list(operators.OperatorsDialog.COLUMNS)),
        ("NewOperatorDialog", list(operators.ROLE_HELP.values())),
        ("FirstRunWizard", [label for _key, label in login_dialog.OFFICE_FIELDS]),
        ("WorkerDialog", list(workers.FIELD_LABELS.values())),
        ("RecoveryDialog", list(recovery.ADVICE.values())),
    ]


def test_labels_of_tables_have_english(resources, translated):
    """A column added to one of these tables needs its entry in ui/translatable.py (and en.json)."""
    translated("en")
    untranslated = [f"{context}: {label}" for context, labels in _label_tables() for label in labels
                    if QCoreApplication.translate(context, label) == label]
    assert not untranslated, "add to ui/translatable.py and en.json:\n" + "\n".join(untranslated)


def test_english_works_without_a_built_qm(tmp_path, monkeypatch, qtbot, translated, db):
    """Started from an IDE or a plain `python main.py` (no run.sh, no build): only the committed
    .ts is there, and the window compiles it on first need into the user's cache folder."""
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(app_module.RESOURCES / "translations" / "swdesk_en.ts", resources / "translations")
    monkeypatch.setattr(app_module, "RESOURCES", resources)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    qm = app_module.translation_file("en")
    assert qm is not None and qm.is_file() and str(qm).startswith(str(tmp_path / "cache"))
    assert translated("en") is not None
    window = _window(qtbot)
    assert "Workers" in _tab_titles(window)
    _close(window)


def test_qt_standard_dialogs_speak_chinese(qtbot, translated):
    """Qt's own texts (the non-native file dialog of Linux desktops and Xvfb: "Look in:",
    "Files of type:") come from qtbase_zh_CN.qm, which the PySide6 wheel ships."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QFileDialog, QLabel

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()
    translated("zh_CN")
    dialog = QFileDialog(None, "打开数据库", "", "社工服务台数据库 (*.db)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert not any("Look in" in text or "Files of type" in text for text in labels.values())
