"""Export the findings an editor has rated as schema.org ClaimReview JSON-LD.

Reads the editor's review file (TOML, or JSON of the same shape): per finding id, the verdict in
words (alternateName), a rating on a declared scale (ratingValue between worstRating and
bestRating, higher is truer), the reviewing organization (author), the review page (url) and its
date (datePublished); [defaults] holds what every review shares. The tool fills claimReviewed (a
summary under 75 characters, unless the review gives one) and itemReviewed (a Claim with its
appearance in each source). It never rates a finding itself: findings are about consistency
between sources, the rating is the editor's.

The findings come from a report.json written by `verifier report` (default reports/report.json)
or, with --sources, from the articles themselves. Prints a JSON array of ClaimReview objects,
or writes it to --output. `--template` prints a review file to fill in, one commented-out entry
per finding. Exit status: 0 on success, 2 on a bad or incomplete review file."""

from __future__ import annotations

EXAMPLES = """examples:
  verifier report seeds -o reports/report.json
  verifier export claimreview --template > reviews.toml   # then fill in what you rated
  verifier export claimreview reviews.toml                # JSON-LD on stdout
  verifier export claimreview reviews.toml --sources seeds -o reports/claimreview.json
"""

DEFAULT_REPORT = "reports/report.json"


def add_arguments(parser) -> None:
    parser.add_argument("what", choices=("claimreview",), help="the export format (claimreview)")
    parser.add_argument("reviews", nargs="?", metavar="REVIEWS",
                        help="the editor's review file (.toml, or .json of the same shape)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--report", metavar="FILE",
                       help=f"report.json written by `verifier report` (default: {DEFAULT_REPORT})")
    where.add_argument("--sources", nargs="+", metavar="PATH", help="build the report from these articles instead")
    parser.add_argument("--entities", metavar="FILE", help="extra known entities, with --sources")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the JSON-LD to FILE instead of printing it")
    parser.add_argument("--template", action="store_true",
                        help="print a review file listing every finding, to fill in")


def run(args) -> int:
    import sys

    from verifier.errors import VerifierError
    from verifier.export import claimreview
    from verifier.io import write_atomic, write_stdout

    if args.sources:
        from verifier.claims.entities import load_registry
        from verifier.report.model import build

        report = build(args.sources, load_registry(args.entities))
    else:
        report = claimreview.load_report(args.report or DEFAULT_REPORT)
    if args.template:
        text = claimreview.template(report)
    else:
        if not args.reviews:
            raise VerifierError("export claimreview needs the editor's review file (REVIEWS), "
                                "or --template to start one")
        notes: list[str] = []
        items = claimreview.export(report, claimreview.read_reviews(args.reviews), notes)
        text = claimreview.to_json(items)
        for note in notes:
            print(f"verifier: note: {note}", file=sys.stderr)
    if args.output:
        write_atomic(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)  # standard output carries only results
    else:
        write_stdout(text)
    return 0
