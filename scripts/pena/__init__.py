"""Shared code of Materi PENA: the content model and the checks built on it."""
