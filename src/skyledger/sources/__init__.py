"""Sources: turning files, feeds, pages and channels into Report records."""

from skyledger.sources.errors import InputError
from skyledger.sources.files import read_file, read_paths
from skyledger.sources.langid import detect_lang

__all__ = ["InputError", "detect_lang", "read_file", "read_paths"]
