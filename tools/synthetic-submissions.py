#!/usr/bin/env python3
"""Synthetic submissions for the catalogue's scale figures (docs/CATALOGUE.md), never for submissions/.

Clones finished mock run folders (BASE/*/run-*, e.g. `java -jar target/llm-bench.jar run --mock --model mock:qwen2.5-0.5b-q4_k_m
--phases hello,5q,20q,tasks --out BASE/qwen`) into OUT/<handle>/<device>/run-<uuid>, N times: a new run id, handle and
device (CPU, discrete GPU or unified-memory machine in hardware.json, some with a memory bandwidth and a runtime),
some answers scored 0 in the ledger, some speeds and footprints, so that the boards differ. The ledger edits are forgeries
check-submission's re-scoring catches, so these runs show as not verified (only unedited clones of the mock verify). Deterministic (seeded). Usage:
    tools/synthetic-submissions.py BASE OUT N
"""
import json, os, random, sys, uuid, glob

MACHINES = [
    ("xeon-64gb", {"cpu": "Intel(R) Xeon(R) E-2288G", "mem": 64, "os": ("Debian GNU/Linux", "12", "amd64"), "gpus": [], "bw": None}),
    ("ryzen-32gb", {"cpu": "AMD Ryzen 7 5800X", "mem": 32, "os": ("Ubuntu", "24.04", "amd64"), "gpus": [], "bw": 51.2}),
    ("rtx3060-12gb", {"cpu": "AMD Ryzen 5 5600", "mem": 32, "os": ("Ubuntu", "22.04", "amd64"),
                      "gpus": [{"name": "NVIDIA GeForce RTX 3060", "vendor": "NVIDIA", "vram_bytes": 12 << 30, "bandwidth_gb_s": 360.0}], "bw": None}),
    ("rtx4090-24gb", {"cpu": "Intel(R) Core(TM) i9-13900K", "mem": 64, "os": ("Windows 11", "23H2", "amd64"),
                      "gpus": [{"name": "NVIDIA GeForce RTX 4090", "vendor": "NVIDIA", "vram_bytes": 24 << 30}], "bw": None}),
    ("m2-air-16gb", {"cpu": "Apple M2", "mem": 16, "os": ("macOS", "14.5", "aarch64"), "gpus": [], "bw": 100.0}),
    ("m3-max-64gb", {"cpu": "Apple M3 Max", "mem": 64, "os": ("macOS", "15.1", "aarch64"), "gpus": [], "bw": 400.0}),
]
RUNTIMES = ["ollama 0.6.2", "llama.cpp b4500", "LM Studio 0.3.9", None]
SPEED = {"xeon-64gb": 12, "ryzen-32gb": 9, "rtx3060-12gb": 70, "rtx4090-24gb": 150, "m2-air-16gb": 25, "m3-max-64gb": 80}


def main(base, out, n):
    rnd = random.Random(42)
    bases = sorted(glob.glob(os.path.join(base, "*", "run-*")))
    if not bases:
        sys.exit("no run folders under " + base)
    for i in range(n):
        src = bases[i % len(bases)]
        device, m = MACHINES[(i // len(bases)) % len(MACHINES)]
        handle = "user%03d" % (i % 150)
        new_id = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        manifest = json.load(open(os.path.join(src, "manifest.json")))
        old_id = manifest["run_id"]
        folder = os.path.join(out, handle, device, "run-" + new_id)
        os.makedirs(folder)
        model = manifest["models"][0]
        miss = 0.0 if model.endswith("mock:mock") else rnd.uniform(0.05, 0.5)
        tps = SPEED[device] * rnd.uniform(0.8, 1.2)
        lines = []
        for line in open(os.path.join(src, "run.jsonl")):
            e = json.loads(line.replace(old_id, new_id))
            if e.get("event") == "score" and rnd.random() < miss:
                e.update(score=0.0, passed=False, weighted_score=0.0)
            if e.get("event") == "call" and e.get("error_kind") is None:
                e.update(ttft_ms=int(rnd.uniform(80, 400) * 30 / SPEED[device]), completion_tokens_per_s=round(tps * rnd.uniform(0.9, 1.1), 2))
            lines.append(json.dumps(e, separators=(",", ":")))
        if i % 2 == 0:  # half the runs measured their footprint (issue 30's footprint line in the ledger)
            lines.append(json.dumps({"schema_version": 1, "event": "footprint", "ts": "2026-12-07T01:00:00Z", "run_id": new_id,
                                     "model": model, "window_ms": 5000, "samples": 5, "period_ms": 1000,
                                     "memory": {"at_load_bytes": int(rnd.uniform(0.5e9, 1e9)), "peak_bytes": int(rnd.uniform(1e9, 2.5e9)),
                                                "source": "process_rss", "readings": [], "unavailable": []},
                                     "energy": {"joules": round(rnd.uniform(100, 2000) * 12 / SPEED[device], 1), "source": "rapl",
                                                "readings": [], "unavailable": []}}, separators=(",", ":")))
        open(os.path.join(folder, "run.jsonl"), "w").write("\n".join(lines) + "\n")
        manifest.update(run_id=new_id, handle=handle, device=device)
        json.dump(manifest, open(os.path.join(folder, "manifest.json"), "w"), indent=2)
        for name in ("results.json", "metadata.json", "run.md", "report.md"):
            p = os.path.join(src, name)
            if os.path.exists(p):
                open(os.path.join(folder, name), "w").write(open(p).read().replace(old_id, new_id))
        hw = {"schema_version": 1, "cpu": {"model": m["cpu"], "logical_cores": 16, "arch": m["os"][2]},
              "memory": {"total_bytes": m["mem"] << 30, "total_gb": float(m["mem"])}, "gpus": m["gpus"],
              "os": {"family": m["os"][0], "version": m["os"][1], "arch": m["os"][2]}, "notes": "synthetic"}
        if m["bw"]:
            hw["memory"]["bandwidth_gb_s"] = m["bw"]
        runtime = RUNTIMES[i % len(RUNTIMES)]
        if runtime:
            hw["runtime"] = runtime
        json.dump(hw, open(os.path.join(folder, "hardware.json"), "w"), indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
