import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "seed"
extensions = ["myst_parser", "sphinx_argdoc"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
