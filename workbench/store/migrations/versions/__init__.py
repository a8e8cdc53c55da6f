"""Migration scripts (a package so that a wheel carries them)."""
