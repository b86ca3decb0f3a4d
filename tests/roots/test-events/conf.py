from docutils import nodes
from sphinx import addnodes

project = "events"
extensions = ["sphinx_argdoc"]
# The page renders single groups to test events; coverage has its own tests.
argdoc_coverage_warnings = False


def mark_required(app, option, prog, entry):
    if option.required:
        for desc in entry:
            if isinstance(desc, addnodes.desc):
                desc["classes"].append("needed")


def drop_const(app, option, prog, entry):
    if option.names == ("--const",):
        entry.clear()


def count_options(app, group, prog, body):
    body.append(nodes.paragraph("", f"{prog}: {len(group.options)} options in {group.title}."))


def setup(app):
    app.connect("argdoc-option-rendered", mark_required)
    app.connect("argdoc-option-rendered", drop_const)
    app.connect("argdoc-group-rendered", count_options)
