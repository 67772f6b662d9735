"""The checklist runner: sections, items (model/view), the current item and its finding."""
