"""Near-duplicates (reprints, syndicated copies) found at ingest with MinHash LSH.

datasketch computes the MinHash signatures; the LSH bands live in the store as an index
(``minhash_bands``), so finding candidates for a new article is a few index look-ups, not a scan,
and works incrementally across runs. A candidate is confirmed by its estimated Jaccard similarity.
Each duplicate points (``duplicate_of``) to the earliest copy: the earliest published, else the
first ingested.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 128
SHINGLE = 3  # words per shingle
THRESHOLD = 0.6  # estimated Jaccard of word 3-shingles above which two texts are copies
BANDS, ROWS = _optimal_param(0.5, NUM_PERM, 0.5, 0.5)  # LSH tuned to catch pairs from J≈0.5 up

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)  # permutations made once, not per document


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    mh.update_batch(list(shingles(text)))
    return mh


def band_keys(mh: MinHash) -> list[int]:
    """One 63-bit key per LSH band of the signature."""
    keys = []
    for b in range(BANDS):
        chunk = mh.hashvalues[b * ROWS : (b + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return keys


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def jaccard(a: bytes, b: bytes) -> float:
    x, y = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(x == y)) / len(x)


def _order(published: str | None, seq: int) -> tuple[str, int]:
    return (published[:10] if published else "9999-99-99", seq)


@dataclass
class Pending:
    """A batch's documents, visible to the documents after them in the same batch."""

    bands: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    info: dict[str, tuple[bytes, str | None, int, str | None]] = field(default_factory=dict)


class DuplicateFinder:
    """Decides ``duplicate_of`` for each new document against the store and the current batch."""

    def __init__(self, store):
        self.store = store
        self.pending = Pending()
        self.repointed: dict[str, str | None] = {}  # stored documents whose duplicate_of changes

    def _lookup(self, doc_id: str):
        if doc_id in self.pending.info:
            return self.pending.info[doc_id]
        return self.store.signature(doc_id)

    def _root(self, doc_id: str) -> str:
        info = self._lookup(doc_id)
        of = self.repointed.get(doc_id, info[3] if info else None)
        return of or doc_id

    def add(self, doc_id: str, text: str, published: str | None, seq: int) -> tuple[bytes, list[int], str | None]:
        """Signature, band keys and the original this document duplicates (None if it is new)."""
        mh = signature(text)
        sig, keys = to_bytes(mh), band_keys(mh)
        candidates = set(self.store.band_candidates(keys))
        for i, key in enumerate(keys):
            candidates.update(self.pending.bands.get((i, key), ()))
        roots = set()
        for cand in candidates:
            info = self._lookup(cand)
            if info and info[0] and jaccard(sig, info[0]) >= THRESHOLD:
                roots.add(self._root(cand))
        duplicate_of = None
        if roots:
            earliest = min(roots, key=lambda r: _order(self._lookup(r)[1], self._lookup(r)[2]))
            if _order(published, seq) < _order(self._lookup(earliest)[1], self._lookup(earliest)[2]):
                # the new document is the earlier copy: the whole group now points to it
                for root in roots:
                    self._repoint(root, doc_id)
            else:
                duplicate_of = earliest
                for root in roots - {earliest}:
                    self._repoint(root, earliest)
        self.pending.info[doc_id] = (sig, published, seq, duplicate_of)
        for i, key in enumerate(keys):
            self.pending.bands.setdefault((i, key), []).append(doc_id)
        return sig, keys, duplicate_of

    def _repoint(self, root: str, new_root: str) -> None:
        members = [root] + [d for d in self.store.duplicates_of(root)]
        members += [d for d, info in self.pending.info.items() if info[3] == root]
        for member in members:
            if member == new_root:
                continue
            if member in self.pending.info:
                sig, pub, seq, _ = self.pending.info[member]
                self.pending.info[member] = (sig, pub, seq, new_root)
            self.repointed[member] = new_root
        self.repointed[new_root] = None

    def finish_batch(self) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """(duplicate_of of each document of this batch, changes to already-stored documents);
        the caller stores both in the batch's transaction."""
        batch = {doc_id: info[3] for doc_id, info in self.pending.info.items()}
        stored = {d: of for d, of in self.repointed.items() if d not in batch}
        self.repointed, self.pending = {}, Pending()
        return batch, stored
