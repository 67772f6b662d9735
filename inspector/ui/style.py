"""The app-wide style sheet: a clear focus frame on every text box (the keyboard's place is always visible).

Line edits inside combo and spin boxes (dates, numbers) are left to their box, which Fusion frames itself.
The unfocused border and the focused one take the same room (border + padding), so nothing moves.
"""

FOCUS_FRAMES = """
QLineEdit, QPlainTextEdit, QTextEdit {
    border: 1px solid #9e9e9e; border-radius: 3px; padding: 3px; background: white;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 2px solid #1565c0; padding: 2px;
}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] { background: #f5f5f5; }
QComboBox QLineEdit, QAbstractSpinBox QLineEdit, QComboBox QLineEdit:focus, QAbstractSpinBox QLineEdit:focus {
    border: none; padding: 0; background: transparent;
}
QComboBox:focus, QAbstractSpinBox:focus { border: 2px solid #1565c0; border-radius: 3px; }
"""
