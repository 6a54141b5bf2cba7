"""Writes libFuzzer seeds for a harness: every handbook file in the
repository, prefixed with the byte that selects its kind in that harness."""
import os, sys

target, out = sys.argv[1], sys.argv[2]
kinds = {
    "FuzzLoader": ["stages", "roles", "contexts", "contracts", "pages", "handbook"],
    "FuzzPage": ["roles", "stages", "contracts", "pages", "contexts"],
}[target]
count = 0
for top in ["content", "Tests/Fixtures", "Tests/Corpus", "Tests/FuzzFindings"]:
    for folder, _, files in os.walk(top):
        for name in sorted(files):
            path = os.path.join(folder, name)
            kind = "handbook" if name == "handbook.yaml" else os.path.basename(folder)
            if kind not in kinds or os.path.getsize(path) > 65536:
                continue
            with open(path, "rb") as f:
                data = bytes([kinds.index(kind)]) + f.read()
            with open(os.path.join(out, "seed-%05d" % count), "wb") as f:
                f.write(data)
            count += 1
print(f"{target}: {count} seeds", file=sys.stderr)
