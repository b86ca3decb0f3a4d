"""Stand-in for the ``vllm`` package used by the test-seed docs root."""
