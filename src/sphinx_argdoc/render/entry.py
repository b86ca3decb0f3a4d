"""One option's entry: its index entry and a std-domain ``option`` object with its facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _

from .. import defaults, overrides, register
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
    # A positional titled by its dest is indexed by it alone.
    indexed = signature["allnames"][:1] if _named_by_dest(option) else signature["allnames"]
    index = addnodes.index(
        entries=[
            ("pair", f"{program.index_pair}{name}", node_id, "", None)
            for name in indexed
            # A name --help prints as nothing (metavar "") would be an invalid pair.
            if context.display.index and name.strip()
        ]
    )
    variable = context.env_var(program.prog, option) if context.env_var else None
    variable_fact = None if variable is None else _env_var_fact(variable, context)
    if variable_fact is not None and context.display.index:
        pair = f"{_('environment variable')}; {variable}"
        index["entries"].append(("pair", pair, variable_fact["ids"][0], "", None))
    about = f"help of {program.prog} {option.names[0]}"
    help_nodes = parsed(option.help, about, program.std, context)
    facts = facts_line(option, context, variable_fact)
    details = overrides.applied(override, help_nodes + ([facts] if facts is not None else []))
    desc = addnodes.desc(
        "",
        signature,
        addnodes.desc_content("", *details),
        domain="std",
        objtype="option",
        desctype="option",
        classes=["std", "option", *(["argdoc-deprecated"] if option.deprecated else [])],
    )
    desc["noindex"] = desc["no-index"] = not context.display.index
    return [index, desc]


def _named_by_dest(option: Option) -> bool:
    """Whether a positional is titled by its dest: ``--help`` names it by its choices."""
    return option.positional and bool(option.dest) and option.names[0].startswith("{")


def _signature(option: Option, program: EntryProgram, context: Context) -> addnodes.desc_signature:
    signature = addnodes.desc_signature("", "")
    shown = option.signature
    names = option.names
    if _named_by_dest(option):
        # Titled, indexed and linked by its dest (``source``), as ``{file,url}`` makes a poor
        # name; the name --help prints stays one, and its id too, for links made before.
        shown = ((option.dest, option.names[0]),)
        names = (option.dest, *option.names)
    for position, (name, args) in enumerate(shown):
        if position:
            signature += addnodes.desc_addname(", ", ", ")
        signature += addnodes.desc_name(name, name)
        if args:
            signature += addnodes.desc_addname(f" {args}", f" {args}")
    # One id per name, as Sphinx's own ``option`` directive gives: ``#cmdoption-prog-long`` works
    # in a URL as well as ``#cmdoption-prog-l``. Links use the first.
    kind = "arg-" if option.positional else ""
    for name in names:
        signature["ids"].append(
            page_unique_id(
                context,
                f"cmdoption-{program.std}-{kind}{name}",
                also_taken=signature["ids"],
            )
        )
    signature["allnames"] = list(names)
    if context.display.index:
        register.mark_program(signature, program.std, program.aliases)
    context.document.note_explicit_target(signature)
    return signature


def facts_line(
    option: Option, context: Context, variable_fact: nodes.inline | None = None
) -> nodes.paragraph | None:
    """The entry's facts on one line: badges (Required, Deprecated), then type, choices,
    default, exclusions and environment variable, each a labelled inline of its own."""
    badges = [
        badge(label, kind)
        for applies, label, kind in (
            (option.required, _("Required"), "required"),
            (option.deprecated, _("Deprecated"), "deprecated"),
        )
        if applies
    ]
    facts: list[nodes.inline] = []
    if option.type_name:
        facts.append(fact(_("Type:"), [nodes.literal(option.type_name, option.type_name)], "type"))
    if option.choices and not option.help_mentions_choices and not _signature_lists(option):
        facts.append(fact(_("Choices:"), literals(option.choices), "choices"))
    default = shown_default(option, context)
    if default is not None:
        facts.append(fact(_("Default:"), default, "default"))
    if option.exclusive_with:
        exclusive = literals(option.exclusive_with)
        facts.append(fact(_("Mutually exclusive with"), exclusive, "exclusive"))
    if variable_fact is not None:
        facts.append(variable_fact)
    if not (badges or facts):
        return None
    line = nodes.paragraph("", "", classes=["argdoc-facts"])
    for position, node in enumerate([*badges, *facts]):
        if position:
            line += nodes.inline(" · ", " · ", classes=["argdoc-sep"])
        line += node
    return line


def _signature_lists(option: Option) -> bool:
    """Whether the signature already shows the choices, as ``{a,b,c}``."""
    listed = "{" + ",".join(option.choices) + "}"
    return any(listed in name or listed in args for name, args in option.signature)


def shown_default(option: Option, context: Context) -> list[nodes.Node] | None:
    """The default as the entry shows it: as the page or ``conf.py`` says it reads, or as code;
    ``None`` when it shows none."""
    if option.help_mentions_default or not shows_default(option, context.display):
        return None
    assert option.default is not None
    written = overrides.default_for(context.overrides, option)
    if written is not None:
        return [child.deepcopy() for child in written]
    text = defaults.shown(option.default, context.default_values)
    return [nodes.literal(text, text)]


def _env_var_fact(variable: str, context: Context) -> nodes.inline:
    """The fact naming the variable, and the target that ``:envvar:`` links lead to."""
    inline = fact(_("Environment variable:"), [nodes.literal(variable, variable)], "envvar")
    inline["ids"].append(page_unique_id(context, f"envvar-{variable}"))
    if context.display.index:
        register.mark_env_var(inline, variable)
    return inline


def shows_default(option: Option, display: Display) -> bool:
    """Whether the switches let *option*'s default be shown (when it has one)."""
    if option.default is None or display.nodefault:
        return False
    return not (display.nodefaultconst and option.is_flag)


def fact(label: str, values: Iterable[nodes.Node] = (), kind: str = "") -> nodes.inline:
    """One fact: a label in emphasis, then *values*."""
    classes = ["argdoc-fact", *([f"argdoc-fact-{kind}"] if kind else [])]
    inline = nodes.inline("", "", nodes.emphasis(label, label), classes=classes)
    values = list(values)
    if values:
        inline += nodes.Text(" ")
        inline.extend(values)
    return inline


def badge(label: str, kind: str) -> nodes.inline:
    """A label that stands out (Required, Deprecated): strong text in every writer, a badge
    where the stylesheet applies."""
    strong = nodes.strong(label, label)
    return nodes.inline("", "", strong, classes=["argdoc-badge", f"argdoc-{kind}"])


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
    """*text* parsed, *program* (as the std domain names it) being the one its links mean."""
    return context.parse_text(text, about, program, prose=prose) if text.strip() else []


def without_ids(node: nodes.Node) -> nodes.Node:
    """*node*, a copy, without the ids (targets, footnote anchors) of the original."""
    if isinstance(node, nodes.Element):
        for element in node.findall(nodes.Element):
            element["ids"] = []
    return node
