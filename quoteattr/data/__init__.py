"""Language data files: reporting verbs, outlets, nouns (read through importlib.resources)."""
