import sys
from pathlib import Path

# mytool is not installed in this example: make its folder importable.
# A tool installed with pip needs no such line.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

project = "mytool"
extensions = ["myst_parser", "sphinx_argdoc"]
