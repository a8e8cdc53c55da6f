"""Spreadsheets in the window: File ▸ Import…, File ▸ Export weekly report…, and the
customer list's "Export the list as shown"; the work runs on the runner, never the GUI thread."""
