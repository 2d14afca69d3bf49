"""PNG bytes from a matplotlib Agg canvas, fast enough for every slider move."""

from __future__ import annotations

import struct
import zlib

import numpy as np
from isal import isal_zlib
from matplotlib.backends.backend_agg import FigureCanvasAgg


def encode_png(canvas: FigureCanvasAgg | np.ndarray) -> bytes:
    """The canvas pixels (or an RGBA array, rows × columns × 4) as PNG bytes (~1 ms for
    900×450 px).

    A minimal PNG writer: RGBA rows with filter type 0, deflated by ISA-L
    (``isal``), which is ten times faster than zlib at the same size. Pillow's
    encoder spends ~12 ms on its row filters for the same image.
    """
    rgba = np.asarray(canvas.buffer_rgba() if hasattr(canvas, "buffer_rgba") else canvas)
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    rows[:, 0] = 0
    rows[:, 1:] = rgba.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
                     _chunk(b"IDAT", isal_zlib.compress(rows, 1)), _chunk(b"IEND", b"")))


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def changed_spans(previous: np.ndarray, current: np.ndarray,
                  gap: int = 8) -> tuple[np.ndarray, bytes]:
    """The pixels of ``current`` that differ from ``previous``, as runs along the rows.

    Parameters
    ----------
    previous, current : numpy.ndarray
        Two RGBA pictures of one size (rows × columns × 4, uint8).
    gap : int
        Runs fewer than this many unchanged pixels apart are sent as one, since a run's
        header costs as much as two pixels.

    Returns
    -------
    spans : numpy.ndarray
        ``[start, length, start, length, ...]`` (uint32), pixel offsets in the flattened
        picture.
    pixels : bytes
        The RGBA bytes of those runs, one after the other.
    """
    old = previous.reshape(-1, 4).view(np.uint32).ravel()
    new = current.reshape(-1, 4).view(np.uint32).ravel()
    changed = np.flatnonzero(old != new)
    if not changed.size:
        return np.zeros(0, np.uint32), b""
    breaks = np.flatnonzero(np.diff(changed) > gap)
    starts = changed[np.r_[0, breaks + 1]]
    ends = changed[np.r_[breaks, changed.size - 1]] + 1
    lengths = ends - starts
    before = np.cumsum(lengths) - lengths  # where each run starts in the sent pixels
    offsets = np.arange(lengths.sum()) + np.repeat(starts - before, lengths)
    spans = np.empty(2 * starts.size, np.uint32)
    spans[0::2], spans[1::2] = starts, lengths
    return spans, new[offsets].tobytes()
