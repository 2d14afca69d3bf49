"""The handwritten digits shipped in lecture_lib/data: the stored file and datasets.digits."""

from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from lecture_lib.datasets import digits

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]  # images of digits 0..9 (UCI)


def test_stored_file_holds_the_uci_test_set():
    path = resources.files("lecture_lib").joinpath("data", "digits.npz")
    with path.open("rb") as file, np.load(file) as stored:
        assert sorted(stored.files) == ["images", "labels"]
        images, labels = stored["images"], stored["labels"]
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8
    assert labels.shape == (1797,) and labels.dtype == np.uint8
    assert images.min() == 0 and images.max() == 16
    assert np.bincount(labels).tolist() == COUNTS
    # the first image of the file is a 0: a ring of ink around an empty centre
    assert labels[0] == 0 and images[0, 3:5, 3:5].max() == 0 and images[0, 1, 2:6].min() > 0


def test_data_file_is_packaged_and_its_source_documented():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["lecture_lib"]
    data = ROOT / "lecture_lib" / "data"
    for path in data.iterdir():
        assert any(path.relative_to(ROOT / "lecture_lib").match(g) for g in globs), path
    readme = (data / "README.md").read_text()
    for fact in ("CC BY 4.0", "Alpaydin", "Kaynak", "1998", "UCI", "10.24432/C50P49"):
        assert fact in readme


def test_digits_returns_all_images_scaled_to_the_unit_interval():
    X, y = digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and y.dtype == np.int64
    assert X.min() == 0.0 and X.max() == 1.0
    assert np.allclose(X * 16, np.round(X * 16))       # counts 0..16, divided by 16
    assert np.bincount(y).tolist() == COUNTS


def test_digits_subsets_are_seeded_and_without_repeats():
    X1, y1 = digits(100, seed=3)
    X2, y2 = digits(100, seed=3)
    X3, _ = digits(100, seed=4)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2) and not np.array_equal(X1, X3)
    assert np.unique(X1, axis=0).shape[0] == 100
    Xr, _ = digits(100, rng=np.random.default_rng(3))
    assert np.array_equal(Xr, X1)
    Xa, _ = digits()
    assert {tuple(r) for r in X1} <= {tuple(r) for r in Xa}


@pytest.mark.parametrize("kwargs, exc, match", [
    ({"n_samples": 0}, ValueError, "n_samples"),
    ({"n_samples": 1798}, ValueError, "at most 1797"),
    ({"n_samples": 2.5}, TypeError, "n_samples"),
    ({"n_samples": True}, TypeError, "n_samples"),
    ({"seed": -1}, ValueError, "seed"),
    ({"seed": "a"}, TypeError, "seed"),
    ({"rng": 3}, TypeError, "rng"),
])
def test_digits_bad_arguments(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        digits(**kwargs)
