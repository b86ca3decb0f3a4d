"""Stand-in for ``vllm.engine.arg_utils``.

Mimics the shape (and the awkwardness) of the real vLLM engine CLI so that
``sphinx_argdoc`` can be exercised against a large, realistic parser.  Every
call to :func:`_engine_args_parser` / :func:`_async_engine_args_parser` builds
a brand-new :class:`argparse.ArgumentParser`; no mutable state is shared.
"""

from __future__ import annotations

import argparse
import enum
import json
import re
from typing import Any

__all__ = [
    "AutoDetect",
    "ModelImpl",
    "_async_engine_args_parser",
    "_engine_args_parser",
    "parse_json",
    "parse_size",
]


class ModelImpl(enum.Enum):
    """Which model implementation to use."""

    AUTO = "auto"
    VLLM = "vllm"
    TRANSFORMERS = "transformers"

    def __str__(self) -> str:
        return self.value


class AutoDetect:
    """Sentinel default meaning "detect at runtime".

    Deliberately has no ``__repr__``, so its repr contains a memory address.
    """


_SIZE_UNITS: dict[str, int] = {
    "": 1,
    "k": 1024,
    "m": 1024**2,
    "g": 1024**3,
    "t": 1024**4,
}

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)


def parse_json(value: str) -> Any:
    """Parse a JSON string given on the command line."""
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(f"invalid JSON: {exc}") from exc


def parse_size(value: str) -> int:
    """Parse a human-readable byte size such as ``4GiB``, ``512m`` or ``1024``."""
    match = _SIZE_RE.match(value)
    if match is None:
        raise argparse.ArgumentTypeError(f"invalid size: {value!r}")
    number, unit = match.groups()
    return int(float(number) * _SIZE_UNITS[unit.lower()])


def _engine_args_parser() -> argparse.ArgumentParser:
    """Build the (stand-in) vLLM engine argument parser."""
    parser = argparse.ArgumentParser(
        description=(
            "Start an OpenAI-compatible vLLM server. The model may be given "
            "either as the positional ``model_tag`` or with ``--model``."
        ),
        epilog=(
            "Use `%(prog)s --help=<ConfigGroup>` in the real tool to explore "
            "arguments by group. See https://docs.vllm.ai for details."
        ),
    )

    # ------------------------------------------------------------------
    # Ungrouped actions (land in the default "options"/"positional" groups)
    # ------------------------------------------------------------------
    parser.add_argument(
        "model_tag",
        nargs="?",
        default=None,
        help="The model tag to serve (optional if specified in the config).",
    )
    conn = parser.add_mutually_exclusive_group()
    conn.add_argument(
        "--host",
        type=str,
        default=None,
        help="Host name to bind to. Default: all interfaces.",
    )
    conn.add_argument(
        "--uds",
        type=str,
        default=None,
        help="Unix domain socket path. If set, ``--host`` and ``--port`` are ignored.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8000,
        help="Port number. Default: %(default)s",
    )
    parser.add_argument(
        "--api-key",
        type=str,
        default=None,
        help=(
            "If provided, the server will require this key to be presented "
            "in the *Authorization* header."
        ),
    )
    parser.add_argument(
        "--config",
        type=str,
        default="",
        help="Read CLI options from a YAML config file.",
    )
    parser.add_argument(
        "--allowed-origins",
        type=parse_json,
        default=["*"],
        help="Allowed CORS origins, as a JSON list. Default: %(default)s",
    )
    parser.add_argument(
        "--middleware",
        action="append",
        default=[],
        metavar="IMPORT_PATH",
        help=(
            "Additional ASGI middleware to apply to the app. May be given "
            "multiple times; each value is an import path."
        ),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="Increase log verbosity (repeat for more, e.g. ``-vvv``).",
    )
    parser.add_argument(
        "--ray-workers-use-nsight",
        action="store_true",
        help=argparse.SUPPRESS,
    )

    # ------------------------------------------------------------------
    # Model Arguments
    # ------------------------------------------------------------------
    model = parser.add_argument_group(
        "Model Arguments",
        description="Configuration for the model itself.",
    )
    model.add_argument(
        "--model",
        type=str,
        default="Qwen/Qwen3-0.6B",
        help="Name or path of the Hugging Face model to use. Default: %(default)s",
    )
    model.add_argument(
        "--served-model-name",
        nargs="+",
        required=True,
        metavar="NAME",
        help=(
            "The model name(s) used in the API. If multiple names are given, "
            "the server answers to any of them."
        ),
    )
    model.add_argument(
        "--tokenizer",
        type=str,
        default=None,
        help="Name or path of the tokenizer. Defaults to the model name.",
    )
    model.add_argument(
        "--dtype",
        type=str,
        default="auto",
        choices=["auto", "half", "float16", "bfloat16", "float", "float32"],
        help="Data type for model weights and activations. One of %(choices)s.",
    )
    model.add_argument(
        "--max-model-len",
        type=int,
        default=None,
        help="Model context length. If unspecified, derived from the model config.",
    )
    model.add_argument(
        "--trust-remote-code",
        action="store_true",
        help="Trust remote code from Hugging Face.",
    )
    model.add_argument(
        "--model-impl",
        type=ModelImpl,
        choices=list(ModelImpl),
        default=ModelImpl.AUTO,
        help="Which implementation of the model to use. Default: %(default)s",
    )

    # ------------------------------------------------------------------
    # KV Cache Arguments
    # ------------------------------------------------------------------
    cache = parser.add_argument_group(
        "KV Cache Arguments",
        description="Configuration for the paged KV cache.",
    )
    cache.add_argument(
        "--block-size",
        type=int,
        choices=[8, 16, 32, 64, 128],
        default=16,
        help="Token block size for contiguous chunks of tokens. One of %(choices)s.",
    )
    memory = cache.add_mutually_exclusive_group()
    memory.add_argument(
        "--gpu-memory-utilization",
        type=float,
        default=0.9,
        help=(
            "Fraction of GPU memory to use for the model executor "
            "(0.9 means 90%%). Default: %(default)s"
        ),
    )
    memory.add_argument(
        "--kv-cache-memory",
        type=parse_size,
        default=None,
        metavar="SIZE",
        help=(
            "Size of the KV cache per GPU, e.g. ``4GiB`` or ``512m``. "
            "Overrides ``--gpu-memory-utilization``."
        ),
    )
    cache.add_argument(
        "--kv-cache-dtype",
        type=str,
        choices=["auto", "fp8", "fp8_e4m3", "fp8_e5m2"],
        default="auto",
        help="Data type for KV cache storage. Default: %(default)s",
    )
    cache.add_argument(
        "--enable-prefix-caching",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="Whether to enable automatic prefix caching.",
    )
    cache.add_argument(
        "--swap-space",
        type=float,
        default=4.0,
        help="CPU swap space size (GiB) per GPU. Default: %(default)s",
    )

    # ------------------------------------------------------------------
    # Parallel Processing Arguments
    # ------------------------------------------------------------------
    parallel = parser.add_argument_group(
        "Parallel Processing Arguments",
        description="Configuration for distributed execution.",
    )
    parallel.add_argument(
        "-tp",
        "--tensor-parallel-size",
        type=int,
        default=1,
        help="Number of tensor parallel groups. Default: %(default)s",
    )
    parallel.add_argument(
        "-pp",
        "--pipeline-parallel-size",
        type=int,
        default=1,
        help="Number of pipeline parallel groups. Default: %(default)s",
    )
    parallel.add_argument(
        "--distributed-executor-backend",
        type=str,
        choices=["ray", "mp", "uni", "external_launcher"],
        default=None,
        help="Backend for distributed model workers: %(choices)s.",
    )
    parallel.add_argument(
        "--disable-custom-all-reduce",
        dest="use_custom_all_reduce",
        action="store_false",
        help="Disable the custom all-reduce kernel and fall back to NCCL.",
    )
    parallel.add_argument(
        "--enable-expert-parallel",
        action="store_true",
        help="Use expert parallelism instead of tensor parallelism for MoE layers.",
    )

    # ------------------------------------------------------------------
    # Scheduler Arguments
    # ------------------------------------------------------------------
    sched = parser.add_argument_group("Scheduler Arguments")
    sched.add_argument(
        "--max-num-seqs",
        type=int,
        default=256,
        help="Maximum number of sequences per iteration. Default: %(default)s",
    )
    sched.add_argument(
        "--max-num-batched-tokens",
        type=int,
        default=None,
        help="Maximum number of batched tokens per iteration.",
    )
    sched.add_argument(
        "--enable-chunked-prefill",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="If set, prefill requests can be chunked based on ``--max-num-batched-tokens``.",
    )
    sched.add_argument(
        "--preemption-mode-swap",
        dest="preemption_mode",
        action="store_const",
        const="swap",
        default="recompute",
        help=(
            "Preempt sequences by swapping their KV cache to CPU instead of "
            "recomputing it. Default mode: %(default)s"
        ),
    )
    sched.add_argument(
        "--scheduling-policy",
        type=str,
        choices=["fcfs", "priority"],
        default="fcfs",
        help=(
            "The scheduling policy to use:\n\n"
            "- fcfs: first come first served (default);\n"
            "- priority: requests are handled by their given priority\n"
            "  (lower value means earlier handling), ties broken\n"
            "  by arrival time."
        ),
    )
    sched.add_argument(
        "--scheduler-cls",
        type=str,
        default="vllm.core.scheduler.Scheduler",
        help=argparse.SUPPRESS,
    )

    # ------------------------------------------------------------------
    # Quantization Arguments
    # ------------------------------------------------------------------
    quant = parser.add_argument_group(
        "Quantization Arguments",
        description=(
            "Weight quantization. Most methods are detected automatically "
            "from the checkpoint; pass ``--quantization`` to override."
        ),
    )
    quant.add_argument(
        "-q",
        "--quantization",
        type=str,
        choices=["awq", "gptq", "fp8", "bitsandbytes", "gguf", "marlin", None],
        default=None,
        help="Method used to quantize the weights. One of %(choices)s.",
    )
    quant.add_argument(
        "--load-format",
        type=str,
        choices=["auto", "pt", "safetensors", "npcache", "dummy", "bitsandbytes"],
        default="auto",
        help="The format of the model weights to load. Default: %(default)s",
    )
    quant.add_argument(
        "--hf-overrides",
        type=parse_json,
        default={},
        help="Extra arguments for the Hugging Face config, as a JSON object.",
    )

    # ------------------------------------------------------------------
    # LoRA Arguments
    # ------------------------------------------------------------------
    lora = parser.add_argument_group(
        "LoRA Arguments",
        description="Configuration for serving LoRA adapters.",
    )
    lora.add_argument(
        "lora_adapter",
        nargs="?",
        default=None,
        help="Optional LoRA adapter to load at start-up (name=path).",
    )
    lora.add_argument(
        "--enable-lora",
        action="store_true",
        help="If true, enable handling of LoRA adapters.",
    )
    lora.add_argument(
        "--max-loras",
        type=int,
        default=1,
        help="Max number of LoRAs in a single batch. Default: %(default)s",
    )
    lora.add_argument(
        "--max-lora-rank",
        type=int,
        choices=[8, 16, 32, 64, 128, 256],
        default=16,
        help="Max LoRA rank. One of %(choices)s.",
    )
    lora.add_argument(
        "--lora-modules",
        action="append",
        metavar="NAME=PATH",
        help="LoRA module configurations, ``name=path``. May be repeated.",
    )

    # ------------------------------------------------------------------
    # Speculative Decoding Arguments
    # ------------------------------------------------------------------
    spec = parser.add_argument_group("Speculative Decoding Arguments")
    spec.add_argument(
        "--speculative-config",
        type=parse_json,
        default=None,
        help='Speculative decoding configuration as JSON, e.g. ``{"method": "ngram"}``.',
    )
    spec.add_argument(
        "--num-speculative-tokens",
        type=int,
        default=None,
        help="Number of speculative tokens to sample from the draft model.",
    )
    spec.add_argument(
        "--ngram-prompt-lookup",
        type=int,
        nargs=2,
        metavar=("LO", "HI"),
        default=None,
        help="Min and max window size for n-gram prompt lookup.",
    )

    # ------------------------------------------------------------------
    # Observability Arguments
    # ------------------------------------------------------------------
    obs = parser.add_argument_group(
        "Observability Arguments",
        description="Metrics, tracing and logging.",
    )
    obs.add_argument(
        "--otlp-traces-endpoint",
        type=str,
        default=None,
        help="Target URL to which OpenTelemetry traces will be sent.",
    )
    obs.add_argument(
        "--collect-detailed-traces",
        type=str,
        nargs="+",
        choices=["all", "model", "worker"],
        default=None,
        help="Collect detailed traces for the given modules (*expensive*).",
    )
    obs.add_argument(
        "--disable-log-stats",
        action="store_true",
        help="Disable logging statistics.",
    )
    obs.add_argument(
        "--show-hidden-metrics-for-version",
        type=str,
        default=None,
        metavar="VERSION",
        help="Re-enable metrics hidden since the given version of %(prog)s.",
    )

    # ------------------------------------------------------------------
    # System Arguments
    # ------------------------------------------------------------------
    system = parser.add_argument_group("System Arguments")
    system.add_argument(
        "--seed",
        type=int,
        default=0,
        help="Random seed for operations. Default: %(default)s",
    )
    system.add_argument(
        "--device",
        default=AutoDetect(),
        choices=["auto", "cuda", "cpu", "tpu", "xpu"],
        help="Device type for vLLM execution; detected automatically if omitted.",
    )
    system.add_argument(
        "--enforce-eager",
        action="store_true",
        help="Always use eager-mode PyTorch instead of CUDA graphs.",
    )
    system.add_argument(
        "--cudagraph-capture-range",
        type=int,
        nargs=2,
        metavar=("LO", "HI"),
        default=[1, 512],
        help="Smallest and largest batch sizes to capture CUDA graphs for.",
    )

    # ------------------------------------------------------------------
    # Multimodal Arguments
    # ------------------------------------------------------------------
    mm = parser.add_argument_group(
        "Multimodal Arguments",
        description="Configuration for multimodal (image/audio/video) inputs.",
    )
    mm.add_argument(
        "--limit-mm-per-prompt",
        type=parse_json,
        default={"image": 1, "video": 0},
        help="Maximum number of items per modality per prompt. Default: %(default)s",
    )
    mm.add_argument(
        "--mm-processor-kwargs",
        type=parse_json,
        default=None,
        help="Overrides for the multimodal input processor, as JSON.",
    )
    mm.add_argument(
        "--disable-mm-preprocessor-cache",
        action="store_true",
        help="Disable caching of the processed multimodal inputs.",
    )

    return parser


def _async_engine_args_parser() -> argparse.ArgumentParser:
    """Build the (stand-in) vLLM async-engine-only argument parser."""
    parser = argparse.ArgumentParser(
        description="Options specific to the asynchronous engine.",
        epilog="These options are accepted in addition to the engine options.",
    )
    parser.add_argument(
        "--disable-log-requests",
        action="store_true",
        help="Disable logging requests. *Deprecated*, logging is now off by default.",
    )
    parser.add_argument(
        "--enable-log-requests",
        action="store_true",
        help="Enable logging requests.",
    )
    parser.add_argument(
        "--max-log-len",
        type=int,
        default=None,
        help=(
            "Max number of prompt characters or prompt ID numbers being "
            "printed in the log. Default: unlimited."
        ),
    )
    return parser
