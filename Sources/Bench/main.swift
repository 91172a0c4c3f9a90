print("rcm-bench: see Scripts/bench")
