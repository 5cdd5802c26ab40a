"""The main window fits the screen it opens on (the offscreen test screen is 800 × 600, smaller
than any office PC's: if it fits there it fits on a 1366 × 768 laptop or a 150 %-scaled 1080p)."""
from __future__ import annotations

from ui.main_window import MainWindow


def test_first_start_fits_the_available_screen(db, qtbot):
    from ui.app import settings

    settings().remove("main_window/geometry")   # a first start: nothing remembered
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert window.isMaximized()          # a screen smaller than 1440 × 900 opens maximised
    roster = window._built.get(window.tab_index("roster"))
    if roster is not None and hasattr(roster, "model"):
        roster.model.wait()
