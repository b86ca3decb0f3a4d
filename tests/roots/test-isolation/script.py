"""A script run by :filename: that parses the command line at its top level."""

import argparse

parser = argparse.ArgumentParser(prog="script")
args = parser.parse_args()
