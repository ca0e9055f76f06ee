"""MT speed: the same sentences through CTranslate2 and through transformers `generate`.

    python bench/mt_speed.py [--model en-de] [--n 1000] [--beam 4] [--batch 32] [--json]

Same weights (the transformers model is rebuilt from the model directory's fine-tuning weights),
same beam size, same batches: the sentences are sorted by length once and cut into batches of
--batch, as a catalog run batches them. CTranslate2 gets them as the engine does (one call, the
batches spread over its workers, one per core on CPU); `generate` gets them one batch at a time
with torch using the same cores. Length limits equal. Prints segments/s for each and the ratio;
--json prints {"ct2_seg_per_s", "hf_seg_per_s", "ratio", "device", ...}.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from polyshelf.models.registry import ModelRegistry
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend, thread_layout
from polyshelf.settings import Settings
from polyshelf.training.corpus import read_lines

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def ct2_speed(
    backend: CTranslate2Backend, lines: list[str], tgt: str, beam: int, batch: int
) -> float:
    backend.load()
    options = TranslateOptions(
        beam_size=beam, max_batch_tokens=10**9, max_batch_examples=batch, n_best=1
    )
    backend.translate(lines[:batch], tgt, options)  # warm-up
    start = time.perf_counter()
    backend.translate(lines, tgt, options)
    return len(lines) / (time.perf_counter() - start)


def hf_speed(
    model_dir: Path, manifest, lines: list[str], beam: int, batch: int, device: str
) -> float:  # type: ignore[no-untyped-def]
    import torch
    from transformers import MarianTokenizer

    from polyshelf.training.restore import restore_hf_dir

    hf_dir = restore_hf_dir(model_dir, manifest, Path(tempfile.mkdtemp()) / "hf")
    from transformers import MarianMTModel

    model = MarianMTModel.from_pretrained(hf_dir).to(device).eval()
    if device == "cuda":
        model = model.half()
    tokenizer = MarianTokenizer.from_pretrained(hf_dir)

    def run(chunk: list[str]) -> None:
        enc = tokenizer(chunk, return_tensors="pt", padding=True).to(device)
        with torch.inference_mode():
            model.generate(
                **enc, num_beams=beam, max_new_tokens=int(enc["input_ids"].shape[1] * 2.5) + 10
            )

    run(lines[:batch])  # warm-up
    start = time.perf_counter()
    for i in range(0, len(lines), batch):
        run(lines[i : i + batch])
    if device == "cuda":
        torch.cuda.synchronize()
    return len(lines) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en-de")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument(
        "--source", type=Path, default=CORPORA / "multi30k" / "test_2016_flickr.en.gz"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    entry = ModelRegistry(Settings.from_env()).find(args.model)
    lines = read_lines(args.source)[: args.n]
    backend = CTranslate2Backend(
        entry.manifest, entry.path, device=args.device, threads=args.threads
    )
    tgt = entry.manifest.targets[0]
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    lines.sort(key=backend.count_tokens)  # the engine's batching order, for both
    ct2 = ct2_speed(backend, lines, tgt, args.beam, args.batch)
    hf = hf_speed(entry.path, entry.manifest, lines, args.beam, args.batch, backend.device)
    result = {
        "ct2_seg_per_s": round(ct2, 1),
        "hf_seg_per_s": round(hf, 1),
        "ratio": round(ct2 / hf, 2),
        "device": backend.device,
        "ct2_compute_type": backend.compute_type,
        "ct2_workers_x_threads": list(thread_layout(backend.device, args.threads)),
        "hf_dtype": "float16" if backend.device == "cuda" else "float32",
        "model": entry.model_id,
        "sentences": len(lines),
        "beam": args.beam,
        "batch": args.batch,
        "threads": args.threads or "all",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{entry.model_id} on {backend.device}, {len(lines)} sentences, beam {args.beam}, "
            f"batch {args.batch}"
        )
        print(f"  CTranslate2 ({backend.compute_type}): {ct2:8.1f} segments/s")
        print(f"  transformers generate ({result['hf_dtype']}): {hf:8.1f} segments/s")
        print(f"  ratio: {ct2 / hf:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
