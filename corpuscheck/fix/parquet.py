"""Parquet: fix batch by batch with the file's own schema; dropped rows kept in a sidecar.

Only the text column changes: each batch is rebuilt with its fixed text array, so every other
column keeps its exact Arrow type and values. Rows a rule drops go, unchanged, into
``removed/<output path>`` (same schema), so restore puts them back at their record numbers and
the restored table has the same content as the input.
"""

from __future__ import annotations

import hashlib
import os

from corpuscheck.fix.edits import apply, revert
from corpuscheck.input.loader import PARQUET_BATCH_ROWS, _document_from_record

SIDECAR = "removed"


def _replace(batch, name: str, values: list):
    import pyarrow as pa

    index = batch.schema.get_field_index(name)
    arrays = list(batch.columns)
    arrays[index] = pa.array(values, type=batch.schema.field(index).type)
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


class _Writers:
    """ParquetWriters opened on first write (an empty file still gets its schema on close)."""

    def __init__(self, schema):
        self.schema, self.open = schema, {}

    def write(self, path: str, batch) -> None:
        import pyarrow.parquet as pq

        if path not in self.open:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self.open[path] = pq.ParquetWriter(path, self.schema)
        if batch.num_rows:
            self.open[path].write_batch(batch)

    def close(self) -> None:
        for writer in self.open.values():
            writer.close()


def fix_parquet(path, shown, rel, work, made, log, document_edits, text_field, title_field, diff_out, unified_diff) -> dict:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    digest = hashlib.sha256()
    with open(path, "rb") as raw:
        for chunk in iter(lambda: raw.read(1 << 20), b""):
            digest.update(chunk)
    info = {"format": "parquet", "input_sha256": digest.hexdigest()}
    with pq.ParquetFile(path, pre_buffer=False) as handle:
        schema = handle.schema_arrow
        if text_field not in schema.names or not (pa.types.is_string(schema.field(text_field).type) or pa.types.is_large_string(schema.field(text_field).type)):
            from corpuscheck.fix.run import FixError

            raise FixError(f"{shown}: no string column {text_field!r} to fix; set --text-field")
        writers = _Writers(schema) if work else None
        number = dropped_rows = 0
        for batch in handle.iter_batches(batch_size=PARQUET_BATCH_ROWS, use_threads=False):
            texts, keep = batch.column(text_field).to_pylist(), []
            for row, record in enumerate(batch.to_pylist()):
                number += 1
                doc = _document_from_record(record, shown, number, text_field, title_field)
                keep.append(True)
                if not hasattr(doc, "lines"):
                    continue
                log.count()
                raw = record[text_field]
                edits, drops = document_edits(doc, raw, made)
                if drops:
                    keep[-1] = False
                    log.remove(doc, drops, sidecar=f"{SIDECAR}/{rel}", sidecar_row=dropped_rows)
                    dropped_rows += 1
                elif edits:
                    log.changed += 1
                    log.edit(doc, edits, hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(), made.suite_hash)
                    texts[row] = apply(raw, edits)
                    if diff_out is not None:
                        diff_out.append(unified_diff(f"{shown}#{number}", raw, texts[row]))
            if writers:
                mask = pa.array(keep)
                fixed = _replace(batch, text_field, texts)
                writers.write(os.path.join(work, rel), fixed.filter(mask))
                if not all(keep):
                    writers.write(os.path.join(work, SIDECAR, rel), batch.filter(pc.invert(mask)))
        if writers:
            writers.write(os.path.join(work, rel), pa.RecordBatch.from_pylist([], schema=schema))
            writers.close()
    return info


def restore_parquet(fixed: str, rel: str, target: str, shown: str, edits: dict, removed: list[dict], text_field: str) -> None:
    """Write ``target``: the cleaned rows with their text reverted, dropped rows put back in place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = os.path.join(fixed, rel)
    dropped = {}
    sidecars: dict[str, object] = {}
    for item in removed:
        side = sidecars.get(item["sidecar"])
        if side is None:
            side = sidecars[item["sidecar"]] = pq.read_table(os.path.join(fixed, item["sidecar"]))
        dropped[item["record"]] = side.slice(item["sidecar_row"], 1)
    with pq.ParquetFile(source, pre_buffer=False) as handle, pq.ParquetWriter(target, handle.schema_arrow) as writer:
        record = 0
        for batch in handle.iter_batches(batch_size=PARQUET_BATCH_ROWS, use_threads=False):
            texts, places = batch.column(text_field).to_pylist(), []
            for row in range(batch.num_rows):
                while record + 1 in dropped:
                    record += 1
                    places.append((row, dropped.pop(record)))
                record += 1
                found = edits.get((shown, record))
                if found:
                    texts[row] = revert(texts[row], found)
            batch = _replace(batch, text_field, texts)
            pieces, start = [], 0
            for row, lost in places:
                pieces += [pa.Table.from_batches([batch.slice(start, row - start)], schema=batch.schema), lost]
                start = row
            pieces.append(pa.Table.from_batches([batch.slice(start)], schema=batch.schema))
            writer.write_table(pa.concat_tables(pieces))
        while record + 1 in dropped:  # dropped rows after the last kept one
            writer.write_table(dropped.pop(record + 1))
            record += 1
