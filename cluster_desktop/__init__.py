"""Cluster Desktop: the export-cluster programme of Iran's Trade Promotion Organization, offline."""

__version__ = "0.1.0"
