"""``python -m bench``: speed of the engine beside its peers, with ratios.

Prints a table and ends with one line ``BENCH {json}``.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "engine"
    if what == "engine":
        from bench import engine

        rows = engine.run()
        print(f"{'case':50} {'engine µs':>10} {'torch µs':>9} {'sklearn µs':>10} "
              f"{'×torch':>7} {'×sklearn':>8} {'Δw torch':>9} {'Δw sklearn':>10}")
        for r in rows:
            sk = f"{r['sklearn_us']:10.1f}" if "sklearn_us" in r else f"{'-':>10}"
            vs = f"{r['vs_sklearn']:8.1f}" if "vs_sklearn" in r else f"{'-':>8}"
            dsk = f"{r['diff_sklearn']:10.1e}" if r["diff_sklearn"] is not None else f"{'-':>10}"
            print(f"{r['case']:50} {r['engine_us']:10.2f} {r['torch_us']:9.1f} {sk} "
                  f"{r['vs_torch']:7.1f} {vs} {r['diff_torch']:9.1e} {dsk}")
        land = engine.landscape_ms()
        print(f"loss landscape 60x60 over (w5, w6), 2-2-1 XOR: {land['xor200']:.1f} ms (200 points), "
              f"{land['xor4']:.2f} ms (4 points); target < 50 ms")
        print("BENCH " + json.dumps({"engine": rows, "landscape_ms": land}))
        return 0
    if what in ("gui", "soak", "gui-net", "compare"):  # the app's set-up (main.py): one BLAS thread
        import os

        for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
            os.environ.setdefault(name, "1")
    if what == "gui-net":  # one of the larger nets in this process (bench.gui runs each so)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import pyqtgraph as pg

        from bench import gui

        pg.setConfigOptions(antialias=False)  # as main.py
        i, seconds = int(argv[1]), float(argv[2])
        print("NET " + json.dumps(gui.play_net(*gui.NETS[i], seconds=seconds)))
        return 0
    if what == "gui":
        from bench import gui

        r = gui.run()
        print(f"start-up to a shown window: {r['startup_s']:.2f} s")
        print(f"playing XOR ({r['samples']} points, 2-2-1), every view visible: "
              f"{r['epochs_per_s']:,.0f} epochs/s, {r['frames_per_s']:.1f} frames/s "
              f"(decision map), {r['hidden_frames_per_s']:.1f} frames/s (hidden space)")
        print(f"epochs trained after Pause: {r['epochs_after_pause']}")
        print(f"soak, 1e6 epochs in the document: +{r['rss_mb_first_500k']:.1f} MiB over the first "
              f"500k, +{r['rss_mb_next_500k']:.1f} MiB over the next 500k, {r['rss_mb_total']:.0f} MiB "
              f"in all ({r['history_points']} loss points, {r['weight_snapshots']} weight snapshots "
              "kept; bound: 20,000 and 2,000)")
        print(f"add a neuron on {r['edit_samples']:,} samples (document only): "
              f"{r['edit_ms']:.1f} ms, undo step holds {r['undo_kib_per_edit']:.0f} KiB "
              "(goal ≤ 30 ms, ≤ 1 MiB)")
        goals = {"2-2-1": (10_000, 55, 30), "2-8-8-8-8-8-8-1": (2_000, 48, 50),
                 "2-32-32-1": (1_000, 30, 80)}
        print(f"{'net':17} {'points':>6} {'epochs/s':>9} {'frames/s':>8} {'add ms':>7} "
              f"{'undo ms':>7}   goals (epochs/s, frames/s, each edit ms)")
        for n in r["nets"]:
            g = goals[n["net"]]
            print(f"{n['net']:17} {n['points']:6} {n['epochs_per_s']:9,.0f} {n['frames_per_s']:8.1f} "
                  f"{n['add_neuron_ms']:7.0f} {n['undo_ms']:7.0f}   ≥ {g[0]:,}, ≥ {g[1]}, ≤ {g[2]}")
        print("BENCH " + json.dumps({"gui": r}))
        return 0
    if what == "soak":
        from bench import gui

        r = gui.soak()
        print(f"soak, {r['epochs']:,} epochs of {r['net']} in the document ({r['seconds']:.0f} s): "
              f"+{r['rss_mb_first_half']:.1f} MiB over the first half, "
              f"+{r['rss_mb_second_half']:.1f} MiB over the second, {r['rss_mb_total']:.0f} MiB in all")
        p = r["play"]
        print(f"playing it in the window to {p['epochs']:,} epochs ({p['seconds']:.0f} s): window "
              f"{' -> '.join(f'{m:.0f}' for m in p['window_mb'])} MiB, training process "
              f"{' -> '.join(f'{m:.0f}' for m in p['training_process_mb'])} MiB "
              "(at 1 %, half way, the end)")
        print("BENCH " + json.dumps({"soak": r}))
        return 0
    if what == "compare":
        from bench import compare

        r = compare.run()
        for where, v in r.items():
            print(f"Compare, {v['runs']} XOR runs trained in the {where}: "
                  f"{v['epochs_per_s_a_run']:,.0f} epochs/s a run, {v['redraws_per_s']:.1f} redraws/s "
                  f"(cap 25), window process {v['window_cpu_percent']:.0f} % of a core")
        print("BENCH " + json.dumps({"compare": r}))
        return 0
    if what == "files":
        from bench import files

        r = files.run()
        goals = {"csv_1m": "goal ≤ 1.5 s, ≤ 150 MiB", "csv_wide": "goal < 1 GiB",
                 "project_1m": "save + reopen; goal < 3 s, < 500 MiB",
                 "project_run": "reopen a run's 2,000 snapshots and resume states",
                 "autosave_1m": "goal: the window held ≤ 50 ms (279 ms for 900,000 before)"}
        for case, v in r.items():
            if "gap_s" in v:
                print(f"{case:11} {v['shape'][0]:,} samples: autosave holds the window "
                      f"{v['s'] * 1000:.0f} ms, longest gap while written {v['gap_s'] * 1000:.0f} ms  "
                      f"[{goals[case]}]")
                continue
            print(f"{case:11} {v['size_mib']:6.1f} MiB file, {v['shape']}: {v['s']:.2f} s, "
                  f"peak {v['peak_mib']:.0f} MiB (process)  [{goals[case]}]")
        print("BENCH " + json.dumps({"files": r}))
        return 0
    print(f"unknown benchmark {what!r}; use: python -m bench [engine|gui|compare|files|soak]",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
