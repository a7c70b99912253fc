"""verifier: claim verification and source-consistency checking for news."""

__version__ = "0.1.0"
