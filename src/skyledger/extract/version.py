"""The extractor's version, stored with every claim it makes (see `skyledger reextract`)."""

EXTRACTOR_VERSION = "1.0.0"
