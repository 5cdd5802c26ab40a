"""Fixtures shared with the printing tests."""
from tests.swdesk.pdf.conftest import printing_office  # noqa: F401
