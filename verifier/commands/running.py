"""Options shared by the commands that extract claims from many articles: how many processes,
the incremental cache, and a dask.distributed cluster."""

from __future__ import annotations


def add_arguments(parser) -> None:
    group = parser.add_argument_group("running on large corpora")
    group.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                       help="extract articles in N processes (default: one per core; the output is the same)")
    group.add_argument("--cache-dir", metavar="DIR",
                       help="keep what each article gave in DIR, so a re-run extracts only the articles that "
                            "changed (default: $XDG_CACHE_HOME/verifier, else ~/.cache/verifier)")
    group.add_argument("--no-cache", action="store_true", help="extract every article, and keep nothing")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="extract on the dask.distributed cluster whose scheduler is at ADDRESS "
                            "(e.g. tcp://10.0.0.5:8786; default: `scheduler` in the configuration; "
                            "needs pip install 'verifier[dask]')")


def _jobs(value: str) -> int:
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes") from None
    if not 1 <= n <= 1024:
        raise argparse.ArgumentTypeError(f"{value}: give between 1 and 1024 processes")
    return n


def options(args, cfg=None) -> dict:
    """Keyword arguments for pipeline.extract_sources (and report.model.build); `cfg` is the
    configuration already read, if the command read one."""
    from verifier.cache import open_cache
    from verifier.pipeline import default_jobs

    scheduler = args.scheduler
    if scheduler is None:
        from verifier import config as configuration

        scheduler = (cfg if cfg is not None else configuration.load()).scheduler
    return {"jobs": args.jobs or default_jobs(), "cache": open_cache(args.cache_dir, args.no_cache),
            "scheduler": scheduler}
