"""Errors a user can act on: the CLI prints them as one line and exits with status 2."""


class VerifierError(Exception):
    """Bad input or usage: shown to the user as `verifier: error: <message>`."""
