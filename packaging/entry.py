"""The frozen program's entry point (PyInstaller runs this file as ``__main__``).

The same as ``workbench`` from a pip install: ``workbench.cli:main`` with the arguments
given, the GUI with no sub-command.
"""

from workbench.cli import main

raise SystemExit(main())
