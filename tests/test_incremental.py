"""Pages note the CLI files they come from: an edit re-reads exactly the pages that use it."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import edit_file, warnings_of

CLI_MODULES = ("inc_cli_one", "inc_cli_two", "inc_cli_three", "inc_shared_options")


@pytest.fixture(autouse=True)
def _fresh_cli_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Every test has its own copy of the root; its CLI modules must come from that copy.
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in CLI_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield
    for name in CLI_MODULES:
        sys.modules.pop(name, None)


def _rebuild(make_app, previous) -> tuple[object, list[str], str]:
    """Build again from the saved environment, as a new sphinx-build run would.

    Returns the application, the pages it read and its warnings.
    """
    warning = io.StringIO()
    app = make_app("html", srcdir=Path(previous.srcdir), warning=warning)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    # Under Sphinx 7.2 a second application in one process registers Sphinx's own directives
    # again and says so; that is about the test set-up, not about the build.
    warnings = [
        line for line in warnings_of(warning).splitlines() if "is already registered" not in line
    ]
    return app, sorted(read), "\n".join(warnings)


@pytest.mark.sphinx("html", testroot="incremental", srcdir="incremental-unchanged")
def test_a_rebuild_with_nothing_changed_reads_no_page(app, make_app, warning) -> None:
    app.build()
    assert warnings_of(warning) == ""
    _, read, warnings = _rebuild(make_app, app)
    assert read == []
    assert warnings == ""


@pytest.mark.sphinx("html", testroot="incremental", srcdir="incremental-own-file")
def test_editing_a_cli_rereads_only_its_page_and_shows_the_change(app, make_app) -> None:
    app.build()
    edit_file(
        Path(app.srcdir) / "code" / "inc_cli_two.py",
        'result.add_argument("--two", help="Only in two.")',
        'result.add_argument("--two", help="Only in two.")\n    result.add_argument("--added")',
    )
    again, read, _ = _rebuild(make_app, app)
    assert read == ["two"]
    assert 'id="cmdoption-two-added"' in (Path(again.outdir) / "two.html").read_text()


@pytest.mark.sphinx("html", testroot="incremental", srcdir="incremental-imported-file")
def test_editing_a_module_the_cli_imports_rereads_only_the_pages_using_it(app, make_app) -> None:
    app.build()
    edit_file(
        Path(app.srcdir) / "code" / "inc_shared_options.py",
        '"--shared"',
        '"--shared-and-renamed"',
    )
    again, read, _ = _rebuild(make_app, app)
    # "three" imports the module after "one" did: it must be tracked all the same.
    assert read == ["one", "three"]
    for page in read:
        html = (Path(again.outdir) / f"{page}.html").read_text()
        assert f'id="cmdoption-{page}-shared-and-renamed"' in html
        assert f'id="cmdoption-{page}-shared"' not in html


@pytest.mark.sphinx("html", testroot="incremental", srcdir="incremental-dependencies")
def test_dependencies_are_the_project_files_and_not_the_standard_library(app) -> None:
    app.build()
    names = {
        page: sorted(Path(dep).name for dep in deps) for page, deps in app.env.dependencies.items()
    }
    assert names.get("one") == ["inc_cli_one.py", "inc_shared_options.py"]
    assert names.get("two") == ["inc_cli_two.py"]
    assert names.get("three") == ["inc_cli_three.py", "inc_shared_options.py"]
    assert "plain" not in names


@pytest.mark.sphinx("html", testroot="incremental", srcdir="incremental-broken")
def test_fixing_a_cli_that_failed_to_import_rereads_its_page(app, make_app) -> None:
    app.build()
    cli = Path(app.srcdir) / "code" / "inc_cli_two.py"
    edit_file(
        cli, '"""A CLI of its own."""', '"""A CLI of its own."""\nraise RuntimeError("broken")'
    )
    broken, read, warnings = _rebuild(make_app, app)
    assert read == ["two"]
    assert "RuntimeError: broken" in warnings
    edit_file(cli, 'raise RuntimeError("broken")', "")
    fixed, read, warnings = _rebuild(make_app, broken)
    assert read == ["two"]
    assert warnings == ""
    assert 'id="cmdoption-two-two"' in (Path(fixed.outdir) / "two.html").read_text()
