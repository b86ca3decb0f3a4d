"""Parsers whose help texts hold argparse directives, some for the parser they are part of."""

import argparse


def _directive(func: str, *options: str) -> str:
    lines = [".. argparse::", "   :module: recursive_clis", f"   :func: {func}"]
    return "\n".join([*lines, *(f"   {option}" for option in options)])


def loop() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loop")
    parser.add_argument("--again", help="Shows the tool again.\n\n" + _directive("loop"))
    return parser


def loop_markdown() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loopmd")
    directive = "```{argparse}\n:module: recursive_clis\n:func: loop_markdown\n```"
    parser.add_argument("--again", help="Shows the tool again.\n\n" + directive)
    return parser


def ping() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ping")
    parser.add_argument("--pong", help="Answered by pong.\n\n" + _directive("pong"))
    return parser


def pong() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pong")
    parser.add_argument("--ping", help="Answered by ping.\n\n" + _directive("ping"))
    return parser


def outer() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="outer")
    parser.add_argument("--plugin", help="Takes the plugin's options:\n\n" + _directive("inner"))
    return parser


def inner() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inner")
    parser.add_argument("--depth", help="How deep.")
    return parser


def grouped() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grouped")
    source = parser.add_argument_group("Input")
    source.add_argument(
        "--source", help="Where to read; see also:\n\n" + _directive("grouped", ":group: Output")
    )
    target = parser.add_argument_group("Output")
    target.add_argument("--target", help="Where to write.")
    return parser
