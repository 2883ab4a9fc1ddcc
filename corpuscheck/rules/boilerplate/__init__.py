"""Boilerplate (B): lexicon lines and lines mined from the corpus."""
