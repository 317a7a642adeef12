"""Shared knowledge about the handbook's content: slugs, templates, front matter.

Hooks, scripts and tests import this package so that a constant lives in one place.
"""
