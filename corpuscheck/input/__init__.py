"""paths -> Documents: the loader (txt, JSONL, Parquet, gz), saved HTML pages, the Document record."""
