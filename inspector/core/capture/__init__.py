"""On-site capture: inspections, answers, findings and their photos."""
