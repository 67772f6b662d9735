"""PySide6 only: windows, dialogs, item models, widgets. Thin: it calls inspector.core."""
