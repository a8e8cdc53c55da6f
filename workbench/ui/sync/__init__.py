"""Sync in the window: enrolment with the team server, the status bar, conflicts."""
