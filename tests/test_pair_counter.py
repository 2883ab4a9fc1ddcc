"""corpuscheck.spill.PairCounter: exact counts of (group, key) pairs, the same in memory and past its bound on disk."""

from array import array
from collections import Counter
import os
import random

import numpy as np

from corpuscheck.spill import PairCounter


def _pairs(seed=3, docs=400):
    rng = random.Random(seed)
    keys = [rng.getrandbits(64) for _ in range(300)] + [0, 2**64 - 1]
    return [(rng.randrange(5), array("Q", rng.sample(keys, rng.randrange(0, 40)))) for _ in range(docs)]


def _counted(counter):
    found = {}
    for groups, keys, counts in counter.counts():
        for g, k, c in zip(groups.tolist(), keys.tolist(), counts.tolist(), strict=True):
            assert (g, k) not in found, "a pair comes out once"
            found[(g, k)] = c
    return found


def test_counts_are_exact_in_memory_and_on_disk(tmp_path):
    pairs = _pairs()
    expected = Counter((g, k) for g, keys in pairs for k in keys)
    for bound in (1_000_000, 7, 1):
        counter = PairCounter(bound=bound, folder=str(tmp_path))
        for g, keys in pairs:
            counter.add(g, keys)
        assert counter.pairs == sum(expected.values())
        assert _counted(counter) == dict(expected)
        spilled = bound < counter.pairs
        assert bool(os.listdir(tmp_path)) == spilled
        counter.close()
        assert not os.listdir(tmp_path), "the partitions are removed"


def test_keys_come_out_ascending_within_a_group(tmp_path):
    counter = PairCounter(bound=5, folder=str(tmp_path))
    for g, keys in _pairs(seed=9, docs=100):
        counter.add(g, np.frombuffer(keys, dtype=np.uint64))
    seen = {}
    for groups, keys, _ in counter.counts():
        for g, k in zip(groups.tolist(), keys.tolist(), strict=True):
            assert k > seen.get(g, -1)
            seen[g] = k
    counter.close()


def test_nothing_added():
    counter = PairCounter()
    assert _counted(counter) == {}
    counter.close()
