"""The spaCy model installed is the one pinned: SHA-256 of the files that carry its weights
and configuration (values recorded in shared/DEPENDENCIES.md)."""
import hashlib

import pytest

from storyline.annotate.nlp import model_path

EXPECTED = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_model_file_hash(name):
    path = model_path() / name
    assert path.is_file(), path
    assert hashlib.sha256(path.read_bytes()).hexdigest() == EXPECTED[name]
