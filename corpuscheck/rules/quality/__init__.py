"""Quality statistics (G): Gopher, C4 and FineWeb filters and the statistics they share."""
