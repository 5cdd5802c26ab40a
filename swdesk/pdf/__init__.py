"""Printing: service cards, badges, certificates and the calibration page, as PDF (reportlab).

fonts.py (the CJK font chain), templates.py (JSON templates and their schema), renderer.py (one
`_draw_<type>` per element), layout.py (single or A4 N-up, crop marks, duplex, calibration),
stream.py (pages written to the file as they are drawn), cards.py / badges.py / certificates.py /
calibration.py (what each print contains), common.py (workers read a chunk at a time, each with
its own office, the missing-glyph check). Which cards are printed, the output file and the audit
line are the jobs' (swdesk/jobs/print_*.py); the command line and the window call those.
"""
