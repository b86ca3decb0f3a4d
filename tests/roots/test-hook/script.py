import argparse


def main() -> None:
    parser = argparse.ArgumentParser(prog="script")
    parser.add_argument("--dry-run", action="store_true", help="Only say what would be done.")
    parser.parse_args()


if __name__ == "__main__":
    main()
