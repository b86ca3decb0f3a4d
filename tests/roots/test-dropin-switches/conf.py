project = "switches"
extensions = ["sphinx_argdoc"]
man_pages = [("manpage", "epi", "epi manual", [], 1)]
