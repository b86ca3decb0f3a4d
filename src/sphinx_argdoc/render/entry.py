"""One option's entry: its index entry and a std-domain ``option`` object with its facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .. import overrides, register
from ..model import Option
from ..overrides import Override
from ..parts import Program
from .context import Context, Display
from .ids import page_unique_id


@dataclass(frozen=True)
class EntryProgram:
    """What every entry of one program's group repeats: its names in ids and in the index."""

    prog: str
    std: str
    """The name as the std domain stores it."""
    index_pair: str
    """The first half of each entry's index pair, up to the option's name."""
    aliases: tuple[str, ...]
    """The other names of the program, as the std domain stores them."""

    @classmethod
    def of(cls, program: Program) -> EntryProgram:
        prog = program.prog
        return cls(
            prog, program.std, f"{_('%s command line option') % prog}; ", program.std_spellings
        )


def entry(
    option: Option, program: EntryProgram, context: Context, override: Override | None = None
) -> list[nodes.Node]:
    """The option's index entry and its ``desc`` node, the help placed as *override* says."""
    signature = _signature(option, program, context)
    node_id = signature["ids"][0]
    index = addnodes.index(
        entries=[
            ("pair", f"{program.index_pair}{name}", node_id, "", None)
            for name in option.names
            # A name --help prints as nothing (metavar "") would be an invalid pair.
            if context.display.index and name.strip()
        ]
    )
    details = _details(option, program, context)
    variable = context.env_var(program.prog, option) if context.env_var else None
    if variable is not None:
        variable_fact = _env_var_fact(variable, context)
        details.append(variable_fact)
        if context.display.index:
            entry_id = variable_fact["ids"][0]
            pair = f"{_('environment variable')}; {variable}"
            index["entries"].append(("pair", pair, entry_id, "", None))
    desc = addnodes.desc(
        "",
        signature,
        addnodes.desc_content("", *overrides.applied(override, details)),
        domain="std",
        objtype="option",
        desctype="option",
        classes=["std", "option", *(["argdoc-deprecated"] if option.deprecated else [])],
    )
    desc["noindex"] = desc["no-index"] = not context.display.index
    return [index, desc]


def _signature(option: Option, program: EntryProgram, context: Context) -> addnodes.desc_signature:
    signature = addnodes.desc_signature("", "")
    for position, (name, args) in enumerate(option.signature):
        if position:
            signature += addnodes.desc_addname(", ", ", ")
        signature += addnodes.desc_name(name, name)
        if args:
            signature += addnodes.desc_addname(f" {args}", f" {args}")
    # One id per name, as Sphinx's own ``option`` directive gives: ``#cmdoption-prog-long`` works
    # in a URL as well as ``#cmdoption-prog-l``. Links use the first.
    kind = "arg-" if option.positional else ""
    for name in option.names:
        signature["ids"].append(
            page_unique_id(
                context,
                f"cmdoption-{program.std}-{kind}{name}",
                also_taken=signature["ids"],
            )
        )
    signature["allnames"] = list(option.names)
    if context.display.index:
        register.mark_program(signature, program.std, program.aliases)
    context.document.note_explicit_target(signature)
    return signature


def _details(option: Option, program: EntryProgram, context: Context) -> list[nodes.Node]:
    about = f"help of {program.prog} {option.names[0]}"
    result = parsed(option.help, about, program.std, context)
    if option.deprecated:
        result.append(fact(_("Deprecated.")))
    if option.required:
        result.append(fact(_("Required.")))
    if option.choices and not option.help_mentions_choices:
        result.append(fact(_("Choices:"), literals(option.choices)))
    if not option.help_mentions_default and shows_default(option, context.display):
        assert option.default is not None
        result.append(fact(_("Default:"), [nodes.literal(option.default, option.default)]))
    if option.exclusive_with:
        result.append(fact(_("Mutually exclusive with"), literals(option.exclusive_with)))
    return result


def _env_var_fact(variable: str, context: Context) -> nodes.paragraph:
    """The fact naming the variable, and the target that ``:envvar:`` links lead to."""
    paragraph = fact(_("Environment variable:"), [nodes.literal(variable, variable)])
    paragraph["ids"].append(page_unique_id(context, f"envvar-{variable}"))
    if context.display.index:
        register.mark_env_var(paragraph, variable)
    return paragraph


def shows_default(option: Option, display: Display) -> bool:
    """Whether the switches let *option*'s default be shown (when it has one)."""
    if option.default is None or display.nodefault:
        return False
    return not (display.nodefaultconst and option.is_flag)


def fact(label: str, values: Iterable[nodes.Node] = ()) -> nodes.paragraph:
    """A line of facts: a label in emphasis, then *values*."""
    paragraph = nodes.paragraph("", "", nodes.emphasis(label, label), classes=["argdoc-fact"])
    values = list(values)
    if values:
        paragraph += nodes.Text(" ")
        paragraph.extend(values)
    return paragraph


def literals(texts: Iterable[str]) -> list[nodes.Node]:
    """*texts* as code, separated by commas."""
    result: list[nodes.Node] = []
    for position, text in enumerate(texts):
        if position:
            result.append(nodes.Text(", "))
        result.append(nodes.literal(text, text))
    return result


def parsed(
    text: str, about: str, program: str, context: Context, *, prose: bool = False
) -> list[nodes.Node]:
    """*text* parsed, *program* (as the std domain names it) being the one its links mean.

    A text shown twice (a subcommand's help, in the table of commands and in its section) is
    parsed once, so its problems are reported once; the second shows a copy.
    """
    if not text.strip():
        return []
    key = (text, about, program, prose)
    known = context.seen.parsed.get(key)
    if known is not None:
        return [without_ids(node.deepcopy()) for node in known]
    result = context.parse_text(text, about, program, prose=prose)
    # Kept as parsed: callers extend the list they get.
    context.seen.parsed[key] = list(result)
    return result


def without_ids(node: nodes.Node) -> nodes.Node:
    """*node*, a copy, without the ids (targets, footnote anchors) of the original."""
    if isinstance(node, nodes.Element):
        for element in node.findall(nodes.Element):
            element["ids"] = []
    return node
