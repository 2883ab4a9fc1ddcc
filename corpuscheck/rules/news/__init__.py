"""News conventions: placeholder and widget lines (P), duplicated paragraph runs (D), datelines and byline residue (N), and the line knowledge they share."""
