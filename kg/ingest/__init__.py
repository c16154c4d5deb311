"""Ingest: read a report file of any supported format and normalise it into a Document."""
