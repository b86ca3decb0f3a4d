import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "locators"
extensions = ["sphinx_argdoc"]
autodoc_mock_imports = ["heavy_toolkit"]
