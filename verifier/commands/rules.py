"""(not yet built)"""

EXAMPLES = None


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    from verifier.errors import VerifierError

    raise VerifierError("'rules' is not built yet")
