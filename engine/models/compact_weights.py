"""Trainable weights shipped beside the CTranslate2 model, small enough for the package.

Fine-tuning needs the Hugging Face weights, which CTranslate2's model.bin does not give back.
We store them as safetensors with every 2-D matrix quantized to int8 per row (plus one float32
scale per row) and everything else in float16: about a quarter of float32. Fine-tuning starts
from the dequantized weights.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

COMPACT_NAME = "finetune-weights.safetensors"
_SCALE = ".__scale"


def save_compact(state: dict[str, Any], path: Path) -> None:
    from safetensors.numpy import save_file

    arrays: dict[str, np.ndarray] = {}
    seen: dict[int, str] = {}
    for name, tensor in state.items():
        if tensor.data_ptr() in seen:  # tied weights are stored once
            continue
        seen[tensor.data_ptr()] = name
        values = tensor.detach().cpu().float().numpy()
        if values.ndim == 2:
            scale = np.abs(values).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            arrays[name] = np.round(values / scale).astype(np.int8)
            arrays[name + _SCALE] = scale.astype(np.float32)
        else:
            arrays[name] = values.astype(np.float16)
    save_file(arrays, str(path))


def load_compact(path: Path) -> dict[str, np.ndarray]:
    """float32 arrays by parameter name (tied weights appear under their first name only)."""
    from safetensors.numpy import load_file

    arrays = load_file(str(path))
    state: dict[str, np.ndarray] = {}
    for name, values in arrays.items():
        if name.endswith(_SCALE):
            continue
        if values.dtype == np.int8:
            state[name] = values.astype(np.float32) * arrays[name + _SCALE]
        else:
            state[name] = values.astype(np.float32)
    return state
