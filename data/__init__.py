"""Demo data and loaders for real data files."""
