"""The Textual app: one client of the services, nothing below imports it."""
