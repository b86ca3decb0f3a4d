"""Stand-ins for the modules a CLI imports that are not installed, while its parser is loaded.

A big CLI's code imports heavy dependencies (torch, numpy) that a documentation build need not
install. With stand-ins, a ``ModuleNotFoundError`` for such a module puts a stand-in module in
its place and the load is tried again, so the CLI's own modules and its parser are real. What
the stand-ins touched (``sys.modules``, ``sys.meta_path``, ``importlib.metadata.version``) is
put back when the load ends.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import inspect
import sys
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

#: What ``importlib.metadata.version()`` of a missing distribution answers while a load runs;
#: ``None`` outside one. A module may keep the patched function: outside a load it passes through
#: to the function it replaced.
_placeholder_version: str | None = None
_real_version = importlib.metadata.version


def _is_dunder(name: str) -> bool:
    # Protocols probe dunders (``__wrapped__``, ``__fspath__``...): a stand-in has only its own.
    return name.startswith("__") and name.endswith("__")


class StandIn:
    """What a stand-in module's attributes are, and the base of the classes derived from them.

    It can be called (a decorator gives back what it decorates), subclassed (a plain class,
    without a metaclass), iterated (as empty), compared, used in type annotations (pydantic
    models and dataclasses included) and as a context manager. A value that is one is shown as
    unknown.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Classes derived from a stand-in are instantiated by the CLI's code with any arguments.
        pass

    def __getattr__(self, name: str) -> StandIn:
        if _is_dunder(name):
            raise AttributeError(name)
        child = named(f"{_name_of(self)}.{name}")
        # The same object each time: ``a.b is a.b``, as for a module's attributes.
        object.__setattr__(self, name, child)
        return child

    def __call__(self, *args: object, **kwargs: object) -> object:
        if (
            len(args) == 1
            and not kwargs
            and (inspect.isfunction(args[0]) or isinstance(args[0], type))
        ):
            return args[0]
        return named(f"{_name_of(self)}()")

    def __getitem__(self, key: object) -> StandIn:
        return named(f"{_name_of(self)}[]")

    def __mro_entries__(self, bases: tuple[object, ...]) -> tuple[type, ...]:
        # ``class Net(torch.nn.Module)``: a plain class of that name to derive from.
        made = self.__dict__.get("_stand_in_class")
        if made is None:
            module, _, name = _name_of(self).rpartition(".")
            made = type(name, (StandIn,), {"__module__": module or name, "__qualname__": name})
            object.__setattr__(self, "_stand_in_class", made)
        return (made,)

    def __instancecheck__(self, instance: object) -> bool:
        return False

    def __subclasscheck__(self, subclass: type) -> bool:
        return False

    def __iter__(self) -> Iterator[object]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return False

    def __contains__(self, item: object) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__

    def __lt__(self, other: object) -> bool:
        return False

    __le__ = __gt__ = __ge__ = __lt__

    def __index__(self) -> int:
        return 0

    __int__ = __index__

    def __float__(self) -> float:
        return 0.0

    def __or__(self, other: object) -> object:
        return typing.Union[self, other]  # noqa: UP007 (the operands are not all types)

    def __ror__(self, other: object) -> object:
        return typing.Union[other, self]  # noqa: UP007

    def __enter__(self) -> StandIn:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def __copy__(self) -> StandIn:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> StandIn:
        return self

    @staticmethod
    def __get_pydantic_core_schema__(*args: object) -> dict[str, str]:
        # pydantic's any-schema, as a plain dict: a field typed with a stand-in takes any value.
        return {"type": "any"}

    @staticmethod
    def __get_pydantic_json_schema__(*args: object) -> dict[str, str]:
        return {}

    def __repr__(self) -> str:
        return f"<stand-in for {_name_of(self)}>"

    def __str__(self) -> str:
        # What a help text or usage line that prints one shows; values.py shows it so too.
        return "unknown"


def _arithmetic(name: str) -> Callable[..., StandIn]:
    def operate(self: StandIn, *other: object) -> StandIn:
        return named(f"({_name_of(self)} {name})")

    operate.__name__ = f"__{name}__"
    return operate


for _operator in (
    *("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul"),
    *("radd", "rsub", "rmul", "rtruediv", "rfloordiv", "rmod", "rpow", "rmatmul"),
    *("and", "xor", "rand", "rxor", "lshift", "rshift", "neg", "pos", "invert", "abs"),
):
    setattr(StandIn, f"__{_operator}__", _arithmetic(_operator))


def named(name: str) -> StandIn:
    """A stand-in for the object the dotted *name* would be."""
    made = object.__new__(StandIn)
    object.__setattr__(made, "_stand_in_name", name)
    return made


def _name_of(stand_in: StandIn) -> str:
    # An instance of a class derived from a stand-in has no name of its own.
    name = stand_in.__dict__.get("_stand_in_name")
    return name if isinstance(name, str) else type(stand_in).__qualname__


class StandInModule(types.ModuleType):
    """A module that is not installed: a package whose every attribute and submodule stands in."""

    def __init__(self, name: str, version: str) -> None:
        super().__init__(name)
        self.__version__ = version

    def __getattr__(self, name: str) -> StandIn:
        if _is_dunder(name):
            raise AttributeError(name)
        child = named(f"{self.__name__}.{name}")
        setattr(self, name, child)
        return child


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the stood-in packages and their submodules, and makes their modules."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.packages: list[str] = []

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.partition(".")[0] not in self.packages:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return StandInModule(spec.name, self.version)

    def exec_module(self, module: types.ModuleType) -> None:
        pass


class StandIns:
    """The packages stood in for during one load."""

    def __init__(self, finder: _Finder) -> None:
        self._finder = finder

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(self._finder.packages)

    def stand_in_for(self, missing: ModuleNotFoundError, project: str) -> bool:
        """Stand in for the package that *missing* is about, if it is one to stand in for;
        true when the load may be tried again."""
        package = missing_package(missing, project)
        if package is None or package in self._finder.packages:
            return False
        self._finder.packages.append(package)
        return True


def missing_package(missing: ModuleNotFoundError, project: str) -> str | None:
    """The package that *missing* says is not installed, unless it is *project*, the one
    documented, or it is installed (and only a module of it is missing)."""
    package = (missing.name or "").partition(".")[0]
    if not package or package == project:
        return None
    try:
        installed = importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        installed = True
    return None if installed else package


@contextlib.contextmanager
def standing_in(version: str) -> Iterator[StandIns]:
    """Let a load stand in for missing packages; afterwards, forget every module that holds a
    stand-in, so later imports (autodoc's, another directive's) see the real environment."""
    global _placeholder_version, _real_version
    finder = _Finder(version)
    before = set(sys.modules)
    original_version = _real_version = importlib.metadata.version
    sys.meta_path.append(finder)
    importlib.metadata.version = _version
    _placeholder_version = version
    try:
        yield StandIns(finder)
    finally:
        _placeholder_version = None
        importlib.metadata.version = original_version
        sys.meta_path.remove(finder)
        if finder.packages:
            for name in _holding_stand_ins([name for name in sys.modules if name not in before]):
                del sys.modules[name]


def _version(distribution_name: str) -> str:
    try:
        return _real_version(distribution_name)
    except importlib.metadata.PackageNotFoundError:
        if _placeholder_version is None:
            raise
        return _placeholder_version


def _holding_stand_ins(names: list[str]) -> list[str]:
    """The modules among *names* that are stand-ins or refer to one, or to such a module."""
    tainted: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name in names:
            if name not in tainted and _refers_to_stand_ins(sys.modules.get(name), tainted):
                tainted.add(name)
                changed = True
    return sorted(tainted)


def _refers_to_stand_ins(module: object, tainted: set[str]) -> bool:
    if isinstance(module, StandInModule):
        return True
    for value in list(getattr(module, "__dict__", {}).values()):
        if _is_stand_in(value):
            return True
        if isinstance(value, types.ModuleType) and value.__name__ in tainted:
            return True
        owner = (
            getattr(value, "__module__", None)
            if isinstance(value, (type, types.FunctionType))
            else None
        )
        if isinstance(owner, str) and owner in tainted:
            return True
    return False


def _is_stand_in(value: Any) -> bool:
    try:
        return isinstance(value, (StandIn, StandInModule)) or (
            isinstance(value, type) and issubclass(value, StandIn)
        )
    except Exception:  # an object whose __class__ is a property that raises
        return False
