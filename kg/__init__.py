"""kg: knowledge graphs of Chinese government work reports.

Pipeline: ingest → extract → resolve → build → validate → serialize / render / query.
"""

__version__ = "0.1.0"
