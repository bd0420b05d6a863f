#!/usr/bin/env python3
"""Draws assets/icon.png, the packages' 128x128 icon: a rounded tile shaded from teal to indigo,
a white "M" drawn as one stroke, and three dots under it for remembered facts.
Standard library only (zlib and struct), 4x4 supersampled for smooth edges: python3 assets/make-icon.py"""
import math, os, struct, zlib

SIZE, SS = 128, 4
TOP, BOTTOM = (0x14, 0xB8, 0xA6), (0x43, 0x38, 0xCA)  # teal -> indigo
M_POINTS = [(34, 86), (34, 40), (64, 70), (94, 40), (94, 86)]
STROKE = 7.0
DOTS = [(44, 101), (64, 101), (84, 101)]
DOT_RADIUS = 5.0

def inside_tile(x, y, r=26.0):
    cx, cy = min(max(x, r), SIZE - r), min(max(y, r), SIZE - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def dist_to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def is_mark(x, y):
    if any(dist_to_segment(x, y, M_POINTS[i], M_POINTS[i + 1]) <= STROKE for i in range(len(M_POINTS) - 1)):
        return True
    return any(math.hypot(x - dx, y - dy) <= DOT_RADIUS for dx, dy in DOTS)

rows = []
for y in range(SIZE):
    row = bytearray([0])  # filter: none
    for x in range(SIZE):
        tile = mark = 0
        for sy in range(SS):
            for sx in range(SS):
                fx, fy = x + (sx + 0.5) / SS, y + (sy + 0.5) / SS
                if inside_tile(fx, fy):
                    tile += 1
                    mark += is_mark(fx, fy)
        n = SS * SS
        t = (x + y) / (2 * SIZE)
        base = [round(TOP[i] + (BOTTOM[i] - TOP[i]) * t) for i in range(3)]
        if tile == 0:
            row += bytes(4)
            continue
        w = mark / tile
        rgb = [round(c * (1 - w) + 255 * w) for c in base]
        row += bytes(rgb + [round(255 * tile / n)])
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
    f.write(png)
