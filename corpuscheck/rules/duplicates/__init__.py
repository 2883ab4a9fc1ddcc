"""Duplicates across documents (X): exact, near and duplicate titles, and the signatures they share."""
