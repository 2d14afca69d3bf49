"""PNG bytes from a matplotlib Agg canvas, fast enough for every slider move."""

from __future__ import annotations

import struct
import zlib

import numpy as np
from isal import isal_zlib
from matplotlib.backends.backend_agg import FigureCanvasAgg


def encode_png(canvas: FigureCanvasAgg) -> bytes:
    """The canvas pixels as PNG bytes (~1 ms for 900×450 px).

    A minimal PNG writer: RGBA rows with filter type 0, deflated by ISA-L
    (``isal``), which is ten times faster than zlib at the same size. Pillow's
    encoder spends ~12 ms on its row filters for the same image.
    """
    rgba = np.asarray(canvas.buffer_rgba())
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    rows[:, 0] = 0
    rows[:, 1:] = rgba.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
                     _chunk(b"IDAT", isal_zlib.compress(rows, 1)), _chunk(b"IEND", b"")))


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
