"""Every write of the evaluation app (rounds, dossiers, files, transitions) lives in this package."""
