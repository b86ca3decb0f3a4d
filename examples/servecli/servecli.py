"""servecli: an example inference/web server command-line interface.

This file is a self-contained, standard-library-only example that shows how a
realistic, heavily grouped :mod:`argparse` parser can be documented with
``sphinx_argdoc``.  It does not actually serve anything: :func:`main` only
parses the command line and prints the resulting namespace.
"""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    """Build and return a new argument parser for ``servecli``."""
    parser = argparse.ArgumentParser(
        prog="servecli",
        description=(
            "Serve a large language model over HTTP with batching, caching, parallelism "
            "and observability built in."
        ),
        epilog="Example: servecli ./models/llama --port 8080 --tensor-parallel-size 2",
    )

    # Ungrouped options and the positional argument.
    parser.add_argument(
        "model",
        nargs="?",
        default=None,
        help="Model name or path. Overrides ``--model-path`` when given.",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="Read default option values from a TOML configuration file.",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="Increase output verbosity; repeat for more detail (``-vv``).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version="%(prog)s 0.1.0",
        help="Show the program version and exit.",
    )

    model = parser.add_argument_group("Model", "Which model to load and how to load it.")
    model.add_argument("--model-path", metavar="PATH", help="Path or hub id of the model weights.")
    model.add_argument(
        "--revision", default="main", help="Model revision to load (default: %(default)s)."
    )
    model.add_argument(
        "--dtype",
        choices=["auto", "float16", "bfloat16", "float32"],
        default="auto",
        help="Data type for the model weights and activations.",
    )
    model.add_argument(
        "--max-model-len", type=int, metavar="N", help="Maximum context length in tokens."
    )
    model.add_argument(
        "--trust-remote-code",
        action="store_true",
        help="Allow executing custom model code shipped with the weights.",
    )

    tokenizer = parser.add_argument_group("Tokenizer", "Tokenizer selection and behaviour.")
    tokenizer.add_argument(
        "--tokenizer", metavar="PATH", help="Tokenizer path; defaults to the model path."
    )
    tokenizer.add_argument(
        "--tokenizer-mode",
        choices=["auto", "slow", "fast"],
        default="auto",
        help="Which tokenizer implementation to use.",
    )
    tokenizer.add_argument(
        "--add-special-tokens",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Add BOS/EOS special tokens to prompts.",
    )

    cache = parser.add_argument_group("Cache", "Key/value cache and prefix cache configuration.")
    cache.add_argument(
        "--block-size", type=int, choices=[8, 16, 32], default=16, help="Tokens per KV cache block."
    )
    cache.add_argument(
        "--gpu-memory-utilization",
        type=float,
        default=0.9,
        metavar="FRACTION",
        help="Fraction of GPU memory reserved for the model and KV cache.",
    )
    cache.add_argument(
        "--swap-space", type=int, default=4, metavar="GIB", help="CPU swap space per GPU, in GiB."
    )
    cache.add_argument(
        "--enable-prefix-caching",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="Reuse KV cache blocks across requests sharing a prompt prefix.",
    )

    parallel = parser.add_argument_group(
        "Parallelism", "How the model is split across devices and nodes."
    )
    parallel.add_argument(
        "--tensor-parallel-size",
        "-tp",
        type=int,
        default=1,
        metavar="N",
        help="Number of tensor parallel replicas.",
    )
    parallel.add_argument(
        "--pipeline-parallel-size",
        "-pp",
        type=int,
        default=1,
        metavar="N",
        help="Number of pipeline stages.",
    )
    parallel.add_argument(
        "--distributed-backend",
        choices=["mp", "ray"],
        default="mp",
        help="Backend used to launch distributed workers.",
    )
    parallel.add_argument(
        "--devices", nargs="+", metavar="ID", help="Device ids to use, e.g. ``--devices 0 1``."
    )

    scheduling = parser.add_argument_group("Scheduling", "Request batching and scheduling policy.")
    scheduling.add_argument(
        "--max-num-seqs", type=int, default=256, metavar="N", help="Maximum sequences per batch."
    )
    scheduling.add_argument(
        "--max-num-batched-tokens",
        type=int,
        metavar="N",
        help="Maximum number of tokens processed in a single step.",
    )
    policy = scheduling.add_mutually_exclusive_group()
    policy.add_argument(
        "--fcfs",
        dest="policy",
        action="store_const",
        const="fcfs",
        help="Serve requests first come, first served.",
    )
    policy.add_argument(
        "--priority",
        dest="policy",
        action="store_const",
        const="priority",
        help="Serve requests by their priority field.",
    )
    scheduling.add_argument(
        "--chunked-prefill",
        action="store_true",
        help="Split long prompts into chunks batched with decode steps.",
    )

    quant = parser.add_argument_group("Quantization", "Weight and cache quantization.")
    quant.add_argument(
        "--quantization",
        "-q",
        choices=["awq", "gptq", "fp8", "int8"],
        help="Quantization method for the model weights.",
    )
    quant.add_argument(
        "--kv-cache-dtype",
        choices=["auto", "fp8"],
        default="auto",
        help="Data type of the KV cache.",
    )
    quant.add_argument(
        "--quantization-param-path",
        metavar="FILE",
        help="JSON file with scaling factors for quantized KV caches.",
    )

    adapters = parser.add_argument_group(
        "Adapters", "LoRA adapters served alongside the base model."
    )
    adapters.add_argument(
        "--lora",
        action="append",
        nargs=2,
        metavar=("NAME", "PATH"),
        help="Register a LoRA adapter; may be given several times.",
    )
    adapters.add_argument(
        "--max-loras", type=int, default=1, metavar="N", help="Maximum adapters in a single batch."
    )
    adapters.add_argument(
        "--max-lora-rank",
        type=int,
        choices=[8, 16, 32, 64],
        default=16,
        help="Maximum supported LoRA rank.",
    )

    spec = parser.add_argument_group("Speculative decoding", "Draft-model speculative decoding.")
    spec.add_argument(
        "--speculative-model", metavar="PATH", help="Draft model used to propose tokens."
    )
    spec.add_argument(
        "--num-speculative-tokens",
        type=int,
        default=5,
        metavar="N",
        help="Tokens proposed per step.",
    )
    spec.add_argument(
        "--spec-acceptance-method",
        choices=["rejection", "typical"],
        default="rejection",
        help="How draft tokens are accepted or rejected.",
    )

    net = parser.add_argument_group("Networking", "Where and how the HTTP server listens.")
    net.add_argument("--host", default="127.0.0.1", help="Address to bind to.")
    net.add_argument("--port", "-p", type=int, default=8000, help="TCP port to listen on.")
    net.add_argument(
        "--root-path", default="", metavar="PATH", help="URL prefix when served behind a proxy."
    )
    net.add_argument(
        "--allowed-origins",
        nargs="+",
        default=["*"],
        metavar="ORIGIN",
        help="Origins allowed by CORS.",
    )
    net.add_argument(
        "--timeout-keep-alive",
        type=int,
        default=5,
        metavar="SECONDS",
        help="Keep-alive timeout for idle connections.",
    )

    security = parser.add_argument_group("Security")
    security.add_argument(
        "--api-key",
        action="append",
        metavar="KEY",
        help="Accepted bearer token; may be given several times.",
    )
    security.add_argument("--ssl-certfile", metavar="FILE", help="TLS certificate file.")
    security.add_argument("--ssl-keyfile", metavar="FILE", help="TLS private key file.")
    security.add_argument(
        "--disable-auth",
        action="store_true",
        help="Accept unauthenticated requests. **Do not** use in production.",
    )

    logs = parser.add_argument_group("Logging", "Log output and format.")
    logs.add_argument(
        "--log-level",
        choices=["debug", "info", "warning", "error"],
        default="info",
        help="Minimum level of log messages.",
    )
    logs.add_argument(
        "--log-file", metavar="FILE", help="Write logs to a file instead of standard error."
    )
    logs.add_argument("--log-json", action="store_true", help="Emit structured JSON log lines.")
    logs.add_argument(
        "--log-requests",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="Log every incoming request.",
    )

    obs = parser.add_argument_group("Observability", "Metrics and tracing endpoints.")
    obs.add_argument(
        "--metrics",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Expose Prometheus metrics at ``/metrics``.",
    )
    obs.add_argument(
        "--metrics-port", type=int, metavar="PORT", help="Serve metrics on a separate port."
    )
    obs.add_argument(
        "--otlp-endpoint", metavar="URL", help="OpenTelemetry collector endpoint for traces."
    )
    obs.add_argument(
        "--trace-sample-rate",
        type=float,
        default=0.1,
        metavar="RATE",
        help="Fraction of requests that are traced.",
    )

    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse *argv* (default: ``sys.argv[1:]``) and print the options."""
    args = build_parser().parse_args(argv)
    for name, value in sorted(vars(args).items()):
        print(f"{name} = {value!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
