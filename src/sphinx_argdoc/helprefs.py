"""Problems with help text that only the whole page can tell: a substitution it does not define,
a cross-reference that finds nothing. Each is reported naming the option the text documents,
which ``helptext`` marks on the nodes it parses."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .helptext import ABOUT
from .problems import Kind, Problem, report

logger = logging.getLogger(__name__)


class UndefinedHelpSubstitutions(SphinxTransform):
    """Report a ``|name|`` in help text that the page does not define, naming the option.

    Whether the page defines it is known only once the whole page is read.
    """

    # Just before docutils' own check, which would not say which help the reference is in.
    default_priority = 219

    def apply(self, **kwargs: Any) -> None:
        defined, names = self.document.substitution_defs, self.document.substitution_names
        for reference in list(self.document.findall(nodes.substitution_reference)):
            about = reference.get(ABOUT)
            name = reference["refname"]
            if about is None or name in defined or name.lower() in names:
                continue
            message = f"{about}: undefined substitution {reference.rawsource}; shown as written"
            report(Problem(Kind.MARKUP, message), reference)
            reference.replace_self(nodes.Text(reference.rawsource))


def name_help_of_missing_reference(
    app: Sphinx, domain: Domain | None, node: addnodes.pending_xref
) -> bool | None:
    """Warn about a cross-reference in help text that finds no target, naming the option.

    Sphinx's own warning would point at the directive and leave the reader to search every help
    text it renders. Type and subtype stay Sphinx's, so ``suppress_warnings`` applies as before.
    """
    about = node.get(ABOUT)
    kind, target = node["reftype"], node["reftarget"]
    # The std domain warns about a ``ref`` itself whatever other handlers return: a second
    # warning would only repeat it.
    if about is None or (kind == "ref" and (domain is None or domain.name == "std")):
        return None
    if domain is not None and kind in domain.dangling_warnings:
        problem = domain.dangling_warnings[kind] % {"target": target}
    elif node.get("refdomain", "std") not in {"", "std"}:
        problem = f"{node['refdomain']}:{kind} reference target not found: {target}"
    else:
        problem = f"{kind!r} reference target not found: {target}"
    logger.warning("%s: %s", about, problem, location=node, type="ref", subtype=kind)
    return True
