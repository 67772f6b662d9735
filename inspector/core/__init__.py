"""The domain, free of Qt: paths, store, checklists, hazards, documents, signing."""
