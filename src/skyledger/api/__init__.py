"""The REST API: a thin FastAPI layer over store/queries.py, plus the dashboard's files."""

from skyledger.api.app import create_app

__all__ = ["create_app"]
