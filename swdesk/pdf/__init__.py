"""Printing: service cards, badges, certificates and the calibration page, as PDF (reportlab).

fonts.py (the CJK font chain), templates.py (JSON templates and their schema), renderer.py (one
`_draw_<type>` per element), layout.py (single or A4 N-up, crop marks, duplex, calibration),
cards.py / badges.py / certificates.py / calibration.py (what each print contains), common.py
(choosing workers, the missing-glyph check), commands.py (the command line's print / verify).
"""
