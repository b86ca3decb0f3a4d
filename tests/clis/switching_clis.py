"""Parsers in the shapes real projects had when they switched from sphinx-argparse."""

from __future__ import annotations

import argparse


def defaults() -> argparse.ArgumentParser:
    """Every help gets ``(default: ...)`` from the formatter, as ``--help`` prints it."""
    parser = argparse.ArgumentParser(
        prog="sift", formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    parser.add_argument("source", nargs="?", default=".", help="Where to look.")
    parser.add_argument("--separators", default=(",", "\t"), help="Field separators.")
    parser.add_argument("--joiner", default="|", help="What joins the fields.")
    parser.add_argument("--pattern", default="*", help="Which files to read.")
    parser.add_argument("--name", help="A name for the run.")
    parser.add_argument("--fast", action="store_true", help="Skip the checks.")
    parser.add_argument("--depth", type=int, default=3, help="How deep to look.\n")
    parser.add_argument("--mode", default="quick", help="Runs in %(default)s mode.")
    return parser


class _SortedFormatter(
    argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter
):
    """Options sorted by name, defaults appended, descriptions as written."""

    def add_arguments(self, actions):  # type: ignore[no-untyped-def]
        super().add_arguments(sorted(actions, key=lambda action: action.option_strings))


def sorted_defaults() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="engine",
        formatter_class=_SortedFormatter,
        description="Serves models.\nEach line of this stays a line.\n\nTwo paragraphs.",
        epilog="Examples:\n  engine --port 80\n  engine --port 81",
    )
    parser.add_argument("--port", type=int, default=8000, help="The port.")
    parser.add_argument("--enforce-eager", action="store_true", help="Run eagerly.")
    return parser


def pipelines() -> argparse.ArgumentParser:
    """Subcommands under a titled chooser that stores the choice, with groups of their own."""
    parser = argparse.ArgumentParser(
        prog="kiwi",
        description="Trains and applies models.",
        epilog="See the manual for more.",
    )
    parser.add_argument("config", help="The configuration file.")
    parser.add_argument("--verbose", action="store_true", help="Say more.")
    chooser = parser.add_subparsers(
        title="Pipelines",
        description="Each pipeline is a step.",
        dest="pipeline",
        help="The pipeline to run.",
    )
    train = chooser.add_parser("train", aliases=["fit"], help="Train a model.")
    required = train.add_argument_group("required arguments")
    required.add_argument("--data", required=True, help="Training data.")
    formats = train.add_argument_group("gtf/bed12 options")
    formats.add_argument("--gtf", help="Annotation file.")
    train.add_argument("--epochs", type=int, default=3, help="How many passes.")
    predict = chooser.add_parser(
        "predict", help="Predict with a model.", description="Applies a trained model."
    )
    predict.add_argument("--model", help="The model to apply.")
    chooser.add_parser("evaluate", help="Score a model.")
    return parser


def plain_chooser() -> argparse.ArgumentParser:
    """A chooser that neither stores nor names the choice; descriptions with indented lines."""
    parser = argparse.ArgumentParser(
        prog="tend",
        description="Looks after plants.\n\nExample:\n    tend water --daily\n    tend prune",
    )
    chooser = parser.add_subparsers()
    water = chooser.add_parser("water", help="Water them.")
    water.add_argument("--daily", action="store_true", help="Every day.")
    chooser.add_parser("prune", help="Cut them back.")
    return parser
