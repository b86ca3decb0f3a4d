import dataclasses
import importlib.metadata

import torch
from torch import nn

TORCH_DISTRIBUTION = importlib.metadata.version("torch")


class TinyNet(nn.Module):
    hidden = 16

    def __init__(self, width: int = hidden) -> None:
        super().__init__()
        self.layer = nn.Linear(width, width)

    @torch.no_grad()
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layer(x)


@dataclasses.dataclass
class Placement:
    device: torch.device = torch.device("cpu")  # noqa: RUF009 (torch devices are immutable)
    dtypes: tuple[torch.dtype, ...] = ()


@torch.jit.script
def scale(x: torch.Tensor, by: float) -> torch.Tensor:
    return x * by
