"""The hazard ledger (台账): lifecycle, re-checks, repeats, statistics."""
