"""Marian Transformer configurations and the HF model directory layout CTranslate2 converts."""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ModelSize:
    d_model: int
    ffn: int
    heads: int
    encoder_layers: int
    decoder_layers: int
    dropout: float
    max_positions: int = 512


SIZES: dict[str, ModelSize] = {
    # For tests: trains in seconds.
    "tiny": ModelSize(d_model=32, ffn=64, heads=2, encoder_layers=1, decoder_layers=1, dropout=0.1),
    # Shipped defaults: small enough for CPU training and int8 files well under 25 MB.
    "small": ModelSize(
        d_model=256, ffn=1024, heads=4, encoder_layers=4, decoder_layers=4, dropout=0.3
    ),
    "base": ModelSize(
        d_model=512, ffn=2048, heads=8, encoder_layers=6, decoder_layers=6, dropout=0.1
    ),
}


def build_config(vocab_size: int, size: ModelSize) -> Any:
    from transformers import MarianConfig

    pad_id = vocab_size - 1
    return MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        d_model=size.d_model,
        encoder_layers=size.encoder_layers,
        decoder_layers=size.decoder_layers,
        encoder_attention_heads=size.heads,
        decoder_attention_heads=size.heads,
        encoder_ffn_dim=size.ffn,
        decoder_ffn_dim=size.ffn,
        dropout=size.dropout,
        attention_dropout=0.1,
        activation_dropout=0.0,
        activation_function="relu",
        max_position_embeddings=size.max_positions,
        pad_token_id=pad_id,
        eos_token_id=0,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
    )


def build_model(vocab_size: int, size: ModelSize) -> Any:
    from transformers import MarianMTModel

    return MarianMTModel(build_config(vocab_size, size))


def save_hf_model(
    model: Any, spm_path: Path, vocab_path: Path, out_dir: Path, src: str, tgt: str
) -> None:
    """Save weights plus Marian tokenizer files (source.spm, target.spm, vocab.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    shutil.copy(spm_path, out_dir / "source.spm")
    shutil.copy(spm_path, out_dir / "target.spm")
    shutil.copy(vocab_path, out_dir / "vocab.json")
    tokenizer_config = {
        "tokenizer_class": "MarianTokenizer",
        "source_lang": src,
        "target_lang": tgt,
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "model_max_length": 512,
        "separate_vocabs": False,
    }
    (out_dir / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2))


def size_dict(size: ModelSize) -> dict[str, Any]:
    return asdict(size)
