"""Ground floor: the convenant's vocabulary and the typed settings. Imports nothing of the project."""
