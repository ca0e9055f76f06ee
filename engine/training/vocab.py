"""Joint SentencePiece vocabulary shared by source and target (Marian id convention)."""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

from polyshelf.segment.placeholders import token_for

PAD = "<pad>"
EOS = "</s>"
UNK = "<unk>"
# Placeholder tokens are single pieces so the model learns to copy them (see augment.py).
N_PLACEHOLDER_PIECES = 16


def train_joint_vocab(texts: Iterable[str], out_dir: Path, vocab_size: int = 8000) -> Path:
    """Train `spm.model` in out_dir and write Marian's `vocab.json` beside it.

    Marian convention (what CTranslate2's converter expects): `</s>` = 0, `<unk>` = 1 and
    `<pad>` appended as the last id, outside the SentencePiece model.
    """
    import sentencepiece as spm

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        for line in texts:
            if line.strip():
                tmp.write(line.replace("\n", " ") + "\n")
        corpus = tmp.name
    symbols = [token_for(i) for i in range(N_PLACEHOLDER_PIECES)]
    logging.getLogger("sentencepiece").setLevel(logging.ERROR)
    spm.SentencePieceTrainer.train(
        input=corpus,
        model_prefix=str(out_dir / "spm"),
        vocab_size=vocab_size - 1,
        model_type="unigram",
        character_coverage=1.0,
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        user_defined_symbols=symbols,
        input_sentence_size=2_000_000,
        shuffle_input_sentence=True,
        minloglevel=2,
        hard_vocab_limit=False,
    )
    Path(corpus).unlink()
    processor = spm.SentencePieceProcessor(model_file=str(out_dir / "spm.model"))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab[PAD] = len(vocab)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return out_dir / "spm.model"
