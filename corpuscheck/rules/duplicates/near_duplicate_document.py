"""X102 near-duplicate-document: a body nearly the same as an earlier document's (MinHash LSH)."""

from __future__ import annotations

import zlib
from functools import cache

from corpuscheck.rules.base import CorpusRule, Hit, Option, bad, drops_document, good, no_detection
from corpuscheck.rules.duplicates.signatures import body_digest, name, tokens, words

SCHEME = "affine32"  # datasketch >= 2.0: 32-bit values, 4 bytes per permutation in a signature
SEED = 1
CANDIDATES_BELOW = 0.15  # the index finds pairs down to this far below the threshold; the estimate decides
BATCH = 2048  # shingles permuted at a time: a long document never builds a huge matrix
MULTIPLIER = 0x01000193  # shingle hash: a polynomial of its tokens' CRC32s, modulo 2**32


@cache
def _permutations(num_perm: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def shingles(found: list[str], size: int):
    """32-bit hashes of the distinct runs of ``size`` tokens (a shorter text is one shingle).

    Each token is hashed once (CRC32) and the hashes of a run are combined as a polynomial,
    ``size`` vector operations over the whole document: no string per shingle."""
    import numpy as np  # only here and in judge: the catalogue loads without it

    hashed = np.fromiter((zlib.crc32(t.encode()) for t in found), dtype=np.uint64, count=len(found))
    runs = max(len(found) - size + 1, 1)
    combined = hashed[:runs].copy()
    for offset in range(1, min(size, len(found))):
        combined = (combined * np.uint64(MULTIPLIER) + hashed[offset : offset + runs]) & np.uint64(0xFFFFFFFF)
    return np.unique(combined)


def minhash(found: list[str], size: int, num_perm: int):
    """The MinHash signature of the shingles of the tokens ``found``: ``num_perm`` 32-bit values."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int, permutations=_permutations(num_perm), scheme=SCHEME)
    hashed = shingles(found, size)
    for start in range(0, len(hashed), BATCH):
        sketch.update_batch(hashed[start : start + BATCH].tolist())
    return sketch.hashvalues


def collect(doc, options):
    """``(exact digest, MinHash values as bytes, number of lines)``, or None for a short body."""
    body = doc.body
    found = words(body)
    split = tokens(body, found)
    if len(split) < options["min_words"]:
        return None
    values = minhash(split, options["shingle_size"], options["num_perm"])
    return body_digest(" ".join(found)), values.astype("uint32").tobytes(), len(doc.lines)


def judge(signatures, options):
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    threshold, num_perm = options["threshold"], options["num_perm"]
    # the index looks wider than the threshold: near it, banding alone would miss many pairs
    index = MinHashLSH(threshold=max(threshold - CANDIDATES_BELOW, 0.3), num_perm=num_perm)
    exact: set[bytes] = set()
    kept: dict[int, tuple] = {}
    for position, (ref, signature) in enumerate(signatures):
        if signature is None:
            continue
        found, packed, lines = signature
        if found in exact:
            continue  # an exact copy of an earlier document: X101's
        exact.add(found)
        values = np.frombuffer(packed, dtype=np.uint32)
        sketch = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        best, similarity = None, 0.0
        for other in index.query(sketch):
            estimate = float(np.count_nonzero(values == kept[other][1])) / num_perm
            if estimate >= threshold and (estimate > similarity or (estimate == similarity and other < best)):
                best, similarity = other, estimate
        if best is not None:
            yield ref.doc_id, Hit(
                1,
                lines,
                excerpt=ref.title or "",
                data={"other": name(kept[best][0]), "similarity": similarity, "shingle_size": options["shingle_size"]},
            )
        index.insert(position, sketch, check_duplication=False)
        kept[position] = (ref, values)


NearDuplicateDocument = CorpusRule(
    code="X102",
    name="near-duplicate-document",
    summary="A document whose body is nearly the same as an earlier document's.",
    why=(
        "The same article comes back with small changes: an update with one corrected "
        "paragraph, a copy with a different byline or ending, the AMP and the desktop page with "
        "different furniture, a wire story lightly edited by two outlets. Exact hashing misses "
        "them all, and they bias training as much as exact copies do. Each body becomes the set "
        "of its runs of `shingle_size` words (characters, in Chinese, Japanese and Thai), sketched "
        "with MinHash; a locality-sensitive index finds earlier bodies whose estimated Jaccard "
        "similarity reaches `threshold`. The most similar earlier document is named. Exact "
        "copies are left to X101."
    ),
    message="Nearly the same text as {other} (estimated Jaccard similarity {similarity:.2f} of {shingle_size}-word shingles)",
    detect=no_detection,
    autofix=drops_document("unsafe"),  # a similarity threshold decides
    collect=collect,
    judge=judge,
    severity="warning",
    options={
        "threshold": Option(0.8, "estimated Jaccard similarity of the shingle sets from which two bodies are near duplicates"),
        "shingle_size": Option(5, "words per shingle (characters in scripts written without spaces)"),
        "num_perm": Option(128, "MinHash permutations: more is more exact and slower (4 bytes each per document)"),
        "min_words": Option(30, "bodies with fewer words (characters in Chinese, Japanese, Thai) are not compared"),
    },
    known_problems=(
        "The similarity is estimated (128 permutations: about ±0.04 around 0.8), and the index "
        "may miss a pair just above the threshold. Jaccard similarity is symmetric: an article "
        "and the same article inside a page twice its size (menus, related links) score about "
        "0.5 and are not reported at the default threshold. Articles built from one template "
        "(daily prayer times, exchange rates, match line-ups) share most of their shingles and "
        "are reported; lower `threshold` finds more rewrites and more templates."
    ),
    fix="Keep one version (usually the longest or the latest) and drop the others.",
    examples=(
        bad(
            "Harga beras naik\nHarga beras naik tipis di pasar induk Cipinang pekan ini, menurut para pedagang "
            "yang ditemui pada Senin pagi. Mereka menyebut pasokan dari Jawa Tengah berkurang karena panen "
            "mundur, sementara permintaan dari rumah makan tetap tinggi menjelang akhir bulan. Pemerintah "
            "berjanji menyalurkan cadangan beras ke pasar dalam dua minggu.\n(ian)",
            (1, 3),
            corpus=[
                "Harga beras naik\nHarga beras naik tipis di pasar induk Cipinang pekan ini, menurut para "
                "pedagang yang ditemui pada Senin pagi. Mereka menyebut pasokan dari Jawa Tengah berkurang "
                "karena panen mundur, sementara permintaan dari rumah makan tetap tinggi menjelang akhir "
                "bulan. Pemerintah berjanji menyalurkan cadangan beras ke pasar dalam dua minggu.\n(rs/mdk)"
            ],
            note="the same story with another editor's initials",
        ),
        good(
            "Harga cabai turun\nHarga cabai rawit turun tajam di pasar induk Kramat Jati pekan ini, menurut "
            "pedagang yang ditemui pada Selasa siang. Pasokan dari Garut dan Cianjur melimpah setelah panen "
            "raya, sementara permintaan dari rumah tangga melemah. Pedagang khawatir harga terus jatuh "
            "hingga akhir bulan.",
            corpus=[
                "Harga beras naik\nHarga beras naik tipis di pasar induk Cipinang pekan ini, menurut para "
                "pedagang yang ditemui pada Senin pagi. Mereka menyebut pasokan dari Jawa Tengah berkurang "
                "karena panen mundur, sementara permintaan dari rumah makan tetap tinggi menjelang akhir "
                "bulan. Pemerintah berjanji menyalurkan cadangan beras ke pasar dalam dua minggu."
            ],
            note="the same kind of story, told in other words",
        ),
    ),
)
