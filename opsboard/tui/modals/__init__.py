"""Modal screens returning a value through dismiss()."""
