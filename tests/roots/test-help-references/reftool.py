import argparse


def parser() -> argparse.ArgumentParser:
    tool = argparse.ArgumentParser(prog="reftool")
    tool.add_argument("--real", help="A real option.")
    tool.add_argument("--linked", help="Works like :option:`--real`; see :ref:`reference`.")
    tool.add_argument("--broken", help="Works like :option:`--unreal`.")
    tool.add_argument("--lost", help="See :ref:`nowhere`.")
    return tool
