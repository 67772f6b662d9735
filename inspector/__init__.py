"""inspector — on-site work-safety inspection (安全生产执法检查)."""

__version__ = "0.1.0"
