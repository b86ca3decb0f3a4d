"""Packages a CLI imports that are not installed get stand-ins, for its load only."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.metadata
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pydantic
import pytest
from conftest import warnings_of

from sphinx_argdoc import standins, values
from sphinx_argdoc.standins import StandIn, named

PACKAGES = ("torch", "safetensors", "tensortool")


def _stand_in_modules() -> list[str]:
    return [name for name in sys.modules if name.partition(".")[0] in PACKAGES]


@pytest.fixture(autouse=True)
def _imported_afresh() -> Iterator[None]:
    assert _stand_in_modules() == []
    yield
    for name in _stand_in_modules():
        del sys.modules[name]


def _errors_by_line(warning: object) -> dict[int, str]:
    found = re.findall(r"^\S*index\.rst:(\d+): (.*)$", warnings_of(warning), flags=re.MULTILINE)
    return {int(line): text for line, text in found}


@pytest.mark.sphinx(
    "html", testroot="standins", freshenv=True, confoverrides={"argdoc_mock_missing_imports": True}
)
def test_a_cli_importing_torch_is_documented_with_stand_ins(app, warning) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text()
    # The options come from the pydantic model, which holds a stand-in-typed field.
    for option in ("port", "dtype", "device", "width", "precision", "backend"):
        assert f'id="cmdoption-tensortool-{option}"' in html
    assert 'id="cmdoption-tensortool-main-port"' in html
    assert "Serve a model (torch 0.0.0, 0.0.0)." in html
    text = re.sub(r"<[^>]+>", "", html)
    assert "Port to listen on." in text and "Width of the hidden layer." in text
    assert re.search(r"Weights.? data type\.\s*Default:\s*unknown", text)
    # Listed once, by the signature.
    assert "{unknown,unknown,auto}" in text
    # torch.cuda.is_available() of a stand-in is false.
    assert re.search(r"Default:\s*cpu", text)
    assert "stand-in for" not in html and "0x" not in html
    # The package of the project itself is never stood in for.
    errors = _errors_by_line(warning)
    assert list(errors) == [16]
    assert errors[16].startswith(
        "ERROR: cannot import module 'tensortool.broken': ModuleNotFoundError: "
        "No module named 'tensortool.missing_part'"
    )
    assert "mock-missing-imports" not in errors[16]
    # One line in the build log says what was stood in, however many loads needed it.
    status = app._status.getvalue()
    assert status.count("stood in for packages that are not installed") == 1
    assert "not installed: torch, safetensors (loading tensortool.cli:build_parser" in status


@pytest.mark.sphinx("html", testroot="standins", freshenv=True)
def test_stand_ins_are_for_the_directive_that_asks_and_are_undone_after(app, warning) -> None:
    meta_path, version = list(sys.meta_path), importlib.metadata.version
    app.build()
    html = (Path(app.outdir) / "index.html").read_text()
    assert 'id="cmdoption-tensortool-port"' in html
    # The next directive, without stand-ins, sees torch missing, as autodoc would.
    errors = _errors_by_line(warning)
    assert sorted(errors) == [9, 16]
    assert errors[9].startswith(
        "ERROR: cannot import module 'tensortool.cli': ModuleNotFoundError: No module named 'torch'"
    )
    assert (
        "; to document the CLI without installing 'torch', add :mock-missing-imports: or set "
        "argdoc_mock_missing_imports = True in conf.py"
    ) in errors[9]
    assert _stand_in_modules() == []
    assert not any(isinstance(m, standins.StandInModule) for m in list(sys.modules.values()))
    assert sys.meta_path == meta_path
    assert importlib.metadata.version is version
    assert importlib.util.find_spec("torch") is None
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.version("torch")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("tensortool.cli")


@pytest.mark.sphinx(
    "html",
    testroot="standins",
    freshenv=True,
    confoverrides={"argdoc_mock_missing_imports": True, "argdoc_mock_version": "2.4.1"},
)
def test_the_placeholder_version_is_a_setting(app) -> None:
    app.build()
    assert "torch 2.4.1, 2.4.1" in (Path(app.outdir) / "index.html").read_text()


def test_a_stand_in_can_be_subclassed_without_a_metaclass() -> None:
    class Net(named("torch.nn.Module")):  # type: ignore[misc]
        hidden = 4

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    net = Net(3)
    assert type(Net) is type
    assert Net.hidden == 4 and net.width == 3
    assert Net.__mro__[1].__name__ == "Module" and Net.__mro__[1].__module__ == "torch.nn"
    # What torch would have given it stands in too.
    assert isinstance(net.parameters(), StandIn)


def test_a_stand_in_can_be_called_iterated_compared_and_decorate() -> None:
    torch = named("torch")

    @torch.jit.script
    def double(x: int) -> int:
        return 2 * x

    @torch.no_grad()
    def triple(x: int) -> int:
        return 3 * x

    assert double(2) == 4 and triple(2) == 6
    assert list(torch.float16) == [] and len(torch.Size()) == 0
    assert torch.float16 == torch.float16 and torch.float16 != torch.float32
    assert not torch.float16 < torch.float32 and {torch.float16: 1}[torch.float16] == 1
    assert not isinstance(3, torch.Tensor) and not issubclass(int, torch.Tensor)
    assert list(range(torch.cuda.device_count())) == []
    with torch.inference_mode():
        pass
    assert isinstance(torch.ones(3) * 2 + 1, StandIn)


def test_stand_ins_serve_as_type_annotations() -> None:
    torch = named("torch")

    @dataclasses.dataclass
    class Placement:
        device: torch.device = torch.device("cpu")  # noqa: RUF009
        dtype: torch.dtype | None = None
        shape: list[torch.Size] = dataclasses.field(default_factory=list)

    class Options(pydantic.BaseModel):
        dtype: torch.dtype | None = torch.float16
        tensor: torch.Tensor = pydantic.Field(default=None, description="Any tensor.")

    assert Placement().dtype is None
    assert Options().dtype is torch.float16
    assert Options(tensor=[1, 2]).tensor == [1, 2]
    assert Options.model_fields["tensor"].description == "Any tensor."


def test_a_value_from_a_stand_in_shows_as_unknown() -> None:
    torch = named("torch")
    assert values.default_text(torch.float16) == "unknown"
    assert values.default_text([torch.float16, 1]) == "unknown"
    assert values.default_text({"dtype": torch.float16}) == "unknown"
    assert str(torch.float16) == "unknown"
    assert repr(torch.float16) == "<stand-in for torch.float16>"
