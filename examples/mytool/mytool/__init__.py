"""mytool: the command-line tool of the quick start."""
