"""Asks a question when imported, then fails on the answer."""

print("Warming up the model cache…")
ANSWER = input("Proceed? [y/N] ")
