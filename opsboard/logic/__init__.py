"""Pure numbers: target breakdowns and review reports (pandas imported lazily)."""
