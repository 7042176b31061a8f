"""Hearth's desktop layer: the only package that imports Qt."""
