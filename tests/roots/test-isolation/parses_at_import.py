"""Parses the command line when imported, as a script without a main guard does."""

import argparse

RAN = []

parser = argparse.ArgumentParser(prog="script")
parser.add_argument("--name", default="world")
args = parser.parse_args()
RAN.append(args)
