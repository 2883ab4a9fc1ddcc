"""Encoding and markup (E): replacement characters, mojibake, control characters, HTML and script residue."""
