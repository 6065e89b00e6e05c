from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "examples" / "afghan-talks"
SCHEMA = SHARED / "spec" / "storyline-export.schema.json"
BENCH = SHARED / "bench"


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.exists():
        pytest.skip("shared/examples not present")
    return SAMPLES
