"""One function per user action, in plain Python: the CLI and the TUI both call these."""
