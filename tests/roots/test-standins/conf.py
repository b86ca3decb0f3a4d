import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "standins"
extensions = ["sphinx_argdoc"]
