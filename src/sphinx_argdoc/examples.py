"""Console examples checked against the options the site documents.

A page shows ``$ mytool --modle x`` in a console block; the tool has ``--model``. Each page's
command lines are kept on the build environment when the page is read (purged with it, merged
back from parallel readers), and once every page is read each one that runs a program the std
domain knows options of is checked against them: an option the program does not have is a
warning at the example's line, naming the nearest one. Pages that were not read again are checked
again too, so an example goes stale in an incremental build as loudly as in a full one.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment

from .config import Settings
from .pagenotes import PageNotes, notes_of
from .parts import std_name
from .problems import Kind, Problem, report

_ENV_ATTRIBUTE = "argdoc_examples"
#: Languages whose every line is a command (unless some line has a prompt).
_SCRIPTS = frozenset({"bash", "sh", "shell", "zsh"})
#: Languages (and none: a ``::`` block) in which lines after a prompt are commands.
_SESSIONS = frozenset({"console", "shell-session", "text", "none", "default", ""})
_PROMPT = re.compile(r"^\s*(?:\([^()]*\)\s*)?[$%] ")
#: Where one command ends and the next begins.
_SEPARATORS = frozenset({"|", "||", "&&", ";", "&", "|&"})
_REDIRECTIONS = re.compile(r"^\d*[<>]+&?$")
_ASSIGNMENT = re.compile(r"^[A-Za-z_]\w*=")
_RUNNERS = frozenset({"sudo", "env", "time", "exec", "nohup"})


@dataclass(frozen=True)
class Example:
    """One command line of a console example, where it is written."""

    location: str
    """``FILE:LINE``, as Sphinx prints a location."""
    text: str
    """The command as written, its continuation lines joined."""


def collect(doctree: nodes.document, docname: str) -> list[Example]:
    """The command lines of every console example in *doctree* (page *docname*)."""
    found: list[Example] = []
    for block in doctree.findall(nodes.literal_block):
        language = str(block.get("language", "")).lower()
        if language not in _SCRIPTS and language not in _SESSIONS:
            continue
        lines = block.astext().splitlines()
        first = _first_line(block, lines)
        for offset, text in _commands(lines, everything=language in _SCRIPTS):
            line = f"{first + offset}" if first else "?"
            found.append(Example(f"{block.source or docname}:{line}", text))
    return found


def _first_line(block: nodes.literal_block, lines: list[str]) -> int:
    """The source line of the block's first line: docutils gives code blocks and literal
    blocks different lines, so the text is looked for in the file, nearest the node's line."""
    source, near = block.source, block.line or 0
    if not source or not lines or not Path(source).is_file():
        return 0
    try:
        written = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    wanted = lines[0].strip()
    candidates = [index + 1 for index, text in enumerate(written) if text.strip() == wanted]
    return min(candidates, key=lambda line: abs(line - near), default=0)


def _commands(lines: list[str], everything: bool) -> Iterator[tuple[int, str]]:
    """``(line offset, command)`` of each command in a block's *lines*: the lines after a
    prompt, or every line of a script without prompts, continuation lines joined."""
    prompted = any(_PROMPT.match(line) for line in lines)
    index = 0
    while index < len(lines):
        start, line = index, lines[index]
        index += 1
        match = _PROMPT.match(line)
        if match:
            line = line[match.end() :]
        elif prompted or not everything:
            continue
        while line.rstrip().endswith("\\") and index < len(lines):
            following = lines[index]
            index += 1
            # A session shows the shell's secondary prompt before a continued line.
            following = following[2:] if following.startswith("> ") else following
            line = line.rstrip()[:-1] + " " + following.strip()
        if line.strip():
            yield start, line.strip()


def words_of(command: str) -> list[list[str]]:
    """The simple commands in *command*, each as its words; comments, redirections,
    assignments and runners such as ``sudo`` left out. Raises ``ValueError`` on an unclosed
    quote."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens = list(lexer)
    simple: list[list[str]] = [[]]
    skip_next = False
    for token in tokens:
        if skip_next:
            skip_next = False
        elif token in _SEPARATORS or token in {"(", ")"}:
            simple.append([])
        elif _REDIRECTIONS.match(token):
            skip_next = True
        elif not simple[-1] and (_ASSIGNMENT.match(token) or token in _RUNNERS):
            continue
        else:
            simple[-1].append(token)
    return [words for words in simple if words]


@dataclass(frozen=True)
class Mistake:
    """An option a program does not have, and the nearest one it has."""

    program: str
    option: str
    nearest: str | None


def mistakes(words: list[str], options: dict[str, set[str]]) -> Iterator[Mistake]:
    """The options in *words* that the program they run does not have; *options* are the
    option names of each program, by its std-domain name."""
    start = _program_length(words, options)
    if not start:
        return
    spoken = words[:start]
    for word in words[start:]:
        if word == "--":
            return
        known = options.get(std_name(" ".join(spoken)), set())
        if word.startswith("-") and len(word) > 1 and not re.match(r"^-\d", word):
            name = word.partition("=")[0] if word.startswith("--") else word
            if not _accepts(name, known):
                # Positionals are std-domain options too, but not what a mistyped option meant.
                dashed = sorted(each for each in known if each.startswith("-"))
                nearest = difflib.get_close_matches(name, dashed, n=1, cutoff=0.0)
                yield Mistake(" ".join(spoken), name, nearest[0] if nearest else None)
        elif _names_subcommand(std_name(" ".join((*spoken, word))), options):
            # A subcommand: the options after it are its own.
            spoken.append(word)


def _names_subcommand(name: str, options: dict[str, set[str]]) -> bool:
    # One without options of its own is no program of the std domain, but those below it are.
    return name in options or any(program.startswith(f"{name}-") for program in options)


def _program_length(words: list[str], options: dict[str, set[str]]) -> int:
    """How many of the first *words* name a program of *options*; 0 when none does."""
    # A program may be named by more than one word (``python -m mytool``).
    for end in range(1, min(len(words), 4) + 1):
        if std_name(" ".join(words[:end])) in options:
            return end
    return 0


def _accepts(name: str, known: Set[str]) -> bool:
    if name in known:
        return True
    if name.startswith("--"):
        # argparse takes a long option's unambiguous abbreviation.
        return len([each for each in known if each.startswith(name)]) == 1
    # A cluster of short flags (``-vq``), or one with its value attached (``-ofile``).
    return f"-{name[1:2]}" in known


def program_options(std: StandardDomain) -> dict[str, set[str]]:
    """The option names of every program the std domain knows, by the program's std name."""
    options: dict[str, set[str]] = {}
    for program, name in std.progoptions:
        if program:
            options.setdefault(program, set()).add(name)
    return options


def check(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about each option of a console example that its program does not have."""
    if not Settings.of(app.config).check_examples:
        return
    options = program_options(cast(StandardDomain, env.get_domain("std")))
    if not options:
        return
    kept = _examples(env)
    for docname in sorted(kept):
        for example in kept[docname]:
            _check_one(example, options)


def _check_one(example: Example, options: dict[str, set[str]]) -> None:
    try:
        commands = words_of(example.text)
    except ValueError as exc:
        if _program_length(example.text.split(), options):
            _warn(example, f"{example.text!r} cannot be read as a command ({exc}); not checked")
        return
    for words in commands:
        for mistake in mistakes(words, options):
            hint = f"; did you mean {mistake.nearest}?" if mistake.nearest else ""
            _warn(example, f"{mistake.program} has no option {mistake.option}{hint}")


def _warn(example: Example, message: str) -> None:
    report(Problem(Kind.EXAMPLE, f"console example: {message}"), example.location)


class ExampleCollector(PageNotes):
    """Keeps each page's console examples as pages come and go."""

    attribute = _ENV_ATTRIBUTE

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        found = collect(doctree, app.env.docname)
        if found:
            _examples(app.env)[app.env.docname] = found


def _examples(env: BuildEnvironment) -> dict[str, list[Example]]:
    return notes_of(env, _ENV_ATTRIBUTE)
