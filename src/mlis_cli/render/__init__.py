"""Renderers: one per output format, all reading the same result models."""
