"""Markdown and CSV renderers and readers: they know the model, nothing else."""
