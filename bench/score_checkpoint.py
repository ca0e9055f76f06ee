"""Score a `make models` stage's best checkpoint so far on Multi30K, while the recipe still runs.

    python bench/score_checkpoint.py --pair en-fr [--stage base] [--split test_2016_flickr val]

Exports `<recipe work>/<pair>/<stage>/best_hf` to CTranslate2 int8 in a temporary directory and
prints sacreBLEU BLEU, chrF, TER and tokenized lower-case BLEU (beam 4) with the signature, the
same measurement the ship stage makes. The work directory is `$POLYSHELF_RECIPE_WORK`, as for
`make models`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from polyshelf.models.export import export_marian
from polyshelf.models.manifest import ModelManifest
from polyshelf.training.defaults import WORK, multi30k
from polyshelf.training.evaluate import evaluate_model_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pair", required=True, help="e.g. en-fr")
    parser.add_argument("--stage", default="base", help="base or catalog")
    parser.add_argument("--split", nargs="+", default=["test_2016_flickr", "val"])
    args = parser.parse_args()
    src, _, tgt = args.pair.partition("-")
    best = WORK / args.pair / args.stage / "best_hf"
    if not (best / "model.safetensors").is_file():
        print(f"score_checkpoint: error: no checkpoint in {best}", file=sys.stderr)
        return 2
    manifest = ModelManifest(
        name=f"{args.pair}-checkpoint",
        version="0",
        source=src,
        targets=(tgt,),
        placeholders=True,
        card={},
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = export_marian(best, Path(tmp) / "model", manifest, "int8")
        for split in args.split:
            result = evaluate_model_dir(out, manifest, multi30k(split, src, tgt))
            print(
                f"{split} ({result.n} lines): BLEU {result.bleu.value:.2f} "
                f"chrF {result.chrf.value:.2f} TER {result.ter.value:.2f} "
                f"tok-lc BLEU {result.bleu_tok_lc.value:.2f}"
            )
        print(f"BLEU signature: {result.bleu.signature}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
