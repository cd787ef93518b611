"""Everyday care tools built from the seeds: cage and food checks, signs, free roam, ask."""
