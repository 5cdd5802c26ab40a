"""Command-line commands, one module per feature; see swdesk/cli.py."""
