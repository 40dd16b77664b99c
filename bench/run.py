"""`make bench`: generate the dataset at scale S and S/10, serve each as production does, load it, print a table.

For each scale: a fresh PostgreSQL database (<prefix>_s<scale>: fr_bench_s1 unless BENCH_DATABASE_PREFIX
says otherwise), `manage.py bench_generate`, gunicorn with
production settings on 127.0.0.1, locust headless: a warm-up that is not counted, then two phases (latency:
people pausing between pages; throughput: no pauses, for the sustained requests per second), then
`manage.py bench_queries` for the SQL queries per page and the dashboard's cost with its figures worked out
afresh. Ends with one line for scripts:

    bench: scale=S worst_p95_ratio=R growth=G rps=N errors=E
"""

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from family_resources.benchmark import workload  # noqa: E402

BIN = ROOT / ".venv" / "bin"
OUT = ROOT / "var" / "bench"
PHASES = ("warmup", "latency", "throughput")
PASSWORD = "bench-" + "correct-horse-battery"


def environment(database: str, settings: str) -> dict[str, str]:
    server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": f"{server}/{database}",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DEBUG": "0",
        # testserver: the query counter's test client, in its own process.
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        # Every simulated person comes from 127.0.0.1: per-address limits would stop the benchmark, not a
        # real crowd. The limiter still runs (its cost is measured); its limits are out of reach.
        "RATE_LIMIT_PUBLIC_FORM": "100000000",
        "RATE_LIMIT_STAFF_SIGN_IN": "100000000",
        "RATE_LIMIT_API_TOKEN": "100000000",
        "RATE_LIMIT_API_ADDRESS": "100000000",
        "AXES_FAILURE_LIMIT": "100000",
    }


def run(
    command: list[str], env: dict[str, str], *, check: bool = True, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, cwd=ROOT, check=check, text=True, **kwargs)  # noqa: S603


def postgres(command: str, database: str, env: dict[str, str]) -> None:
    server = env.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    host_port = server.split("@", 1)[1]
    host, port = host_port.split(":")
    user = server.split("//", 1)[1].split("@", 1)[0]
    extra = ["--if-exists"] if command == "dropdb" else []
    run([command, "-h", host, "-p", port, "-U", user, *extra, database], env)


def wait_until_up(port: int) -> None:
    for _attempt in range(120):
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/staff/sign-in/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer")


def locust(
    phase: str,
    port: int,
    args: argparse.Namespace,
    files: dict[str, Path],
    env: dict[str, str],
    *,
    seconds: int | None = None,
) -> None:
    users, prefix = args.users, files[phase]
    seconds = args.seconds if seconds is None else seconds
    log = open(f"{prefix}.log", "w")  # noqa: SIM115 -- closed below, after locust has run
    run(
        [
            str(BIN / "locust"),
            "-f",
            "bench/locustfile.py",
            "--headless",
            "--only-summary",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--loglevel",
            "WARNING",
        ],
        {
            **env,
            "BENCH_MANIFEST": str(files["manifest"]),
            "BENCH_SESSIONS": str(files["sessions"]),
            "BENCH_PHASE": phase,
        },
        # locust exits 1 when a request failed: the failures are counted and reported, not fatal here.
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    log.close()


def read_stats(prefix: Path) -> dict[str, dict[str, float]]:
    stats = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            stats[row["Name"]] = {
                "count": float(row["Request Count"]),
                "failures": float(row["Failure Count"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "rps": float(row["Requests/s"] or 0),
            }
    return stats


def bench_scale(scale: float, args: argparse.Namespace) -> dict[str, Any]:
    tag = f"{scale:g}".replace(".", "")
    # Each engineer's run can have its own databases: BENCH_DATABASE_PREFIX=alice_bench gives alice_bench_s1.
    database = f"{os.environ.get('BENCH_DATABASE_PREFIX', 'fr_bench')}_s{tag}"
    env = environment(database, args.settings)
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = OUT / f"manifest-{tag}.json"
    print(f"bench: scale {scale:g}: generating into {database}", flush=True)
    postgres("dropdb", database, env)
    postgres("createdb", database, env)
    started = time.monotonic()
    run([str(BIN / "python"), "manage.py", "bench_generate", "--scale", str(scale), "--password", PASSWORD,
         "--manifest", str(manifest)], env)  # fmt: skip
    generated = time.monotonic() - started
    pidfile = OUT / f"gunicorn-{tag}.pid"
    server = subprocess.Popen(  # noqa: S603
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
         "--pid", str(pidfile), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_until_up(args.port)
        sessions = OUT / f"sessions-{tag}.json"
        run([str(BIN / "python"), "bench/signin.py", "--host", f"http://127.0.0.1:{args.port}", "--manifest",
             str(manifest), "--out", str(sessions), "--per-role", "10"], env)  # fmt: skip
        print(f"bench: scale {scale:g}: loading for {args.seconds}s, then {args.seconds}s flat out", flush=True)
        files = {"manifest": manifest, "sessions": sessions}
        files |= {"latency": OUT / f"latency-{tag}", "throughput": OUT / f"throughput-{tag}"}
        # Warm up first, as a server in service is warm: each worker's templates and connection, and the kept
        # dashboard (reporting.snapshots). What the dashboard costs afresh is timed on its own below.
        files["warmup"] = OUT / f"warmup-{tag}"
        locust("warmup", args.port, args, files, env, seconds=args.warmup)
        locust("latency", args.port, args, files, env)
        locust("throughput", args.port, args, files, env)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    queries_file, afresh_file = OUT / f"queries-{tag}.json", OUT / f"dashboard-afresh-{tag}.json"
    run([str(BIN / "python"), "manage.py", "bench_queries", "--manifest", str(manifest), "--out", str(queries_file),
         "--afresh", str(afresh_file)], env, stdout=subprocess.DEVNULL)  # fmt: skip
    if not args.keep:
        postgres("dropdb", database, env)
    latency = read_stats(OUT / f"latency-{tag}")
    throughput = read_stats(OUT / f"throughput-{tag}")
    warmup = read_stats(OUT / f"warmup-{tag}")
    return {
        "scale": scale,
        "generated_seconds": round(generated),
        "latency": latency,
        "throughput": throughput,
        "warmup": warmup,
        "queries": json.loads(queries_file.read_text()),
        "dashboard_afresh": json.loads(afresh_file.read_text()),
    }


def summarise(big: dict[str, Any], small: dict[str, Any]) -> tuple[str, str]:
    floor = big["latency"][workload.FLOOR]
    floor_small = small["latency"][workload.FLOOR]
    lines = [
        f"{'page':<30} {'p50':>6} {'p95':>6} {'ratio':>6} {'SQL':>4}   {'p50':>6} {'p95':>6} {'ratio':>6} {'SQL':>4}",
        f"{'':<30} {'scale ' + format(big['scale'], 'g'):>27}   {'scale ' + format(small['scale'], 'g'):>27}",
    ]
    worst_ratio, worst_p95, worst_p95_small = 0.0, 0.0, 0.0
    for name, _who in workload.PAGES:
        row = big["latency"].get(name, {"p50": 0, "p95": 0})
        row_small = small["latency"].get(name, {"p50": 0, "p95": 0})
        ratio = row["p95"] / floor["p95"] if floor["p95"] else 0
        ratio_small = row_small["p95"] / floor_small["p95"] if floor_small["p95"] else 0
        lines.append(
            f"{name:<30} {row['p50']:>6.0f} {row['p95']:>6.0f} {ratio:>6.2f} {big['queries'].get(name, ''):>4}"
            f"   {row_small['p50']:>6.0f} {row_small['p95']:>6.0f} {ratio_small:>6.2f}"
            f" {small['queries'].get(name, ''):>4}"
        )
        if name != workload.FLOOR:
            worst_ratio = max(worst_ratio, ratio)
            worst_p95 = max(worst_p95, row["p95"])
            worst_p95_small = max(worst_p95_small, row_small["p95"])
    aggregate = big["throughput"]["Aggregated"]
    errors = int(sum(result[phase]["Aggregated"]["failures"] for result in (big, small) for phase in PHASES))
    lines.append("")
    lines.append("times in ms; ratio is the page's p95 over the floor's p95; SQL is queries per request")
    for result in (big, small):
        agg = result["throughput"]["Aggregated"]
        lines.append(
            f"scale {result['scale']:g}: {agg['rps']:.0f} requests/s flat out ({agg['failures']:.0f} failed), "
            f"dataset generated in {result['generated_seconds']}s"
        )
    afresh, afresh_small = big["dashboard_afresh"], small["dashboard_afresh"]
    lines.append(
        f"dashboard with its figures worked out, not kept (once per filter in REPORTING_CACHE_SECONDS; one request, "
        f"no load): {afresh['ms']:.0f} ms and {afresh['queries']} queries at scale {big['scale']:g}, "
        f"{afresh_small['ms']:.0f} ms at scale {small['scale']:g}"
    )
    growth = worst_p95 / worst_p95_small if worst_p95_small else 0
    summary = (
        f"bench: scale={big['scale']:g} worst_p95_ratio={worst_ratio:.2f} growth={growth:.2f} "
        f"rps={aggregate['rps']:.0f} errors={errors}"
    )
    return "\n".join(lines), summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seconds", type=int, default=60, help="Length of each load phase.")
    parser.add_argument("--warmup", type=int, default=10, help="Load before the measured phases, not counted.")
    parser.add_argument("--users", type=int, default=24, help="Simulated people at once.")
    # Two sync workers a core: a worker waiting on PostgreSQL leaves the core to another; more only adds memory.
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8765")))
    parser.add_argument("--settings", default=os.environ.get("BENCH_SETTINGS", "config.settings.production"))
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards.")
    args = parser.parse_args()
    env = environment("postgres", args.settings)
    run([str(BIN / "python"), "manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
    small = bench_scale(args.scale / 10, args)
    big = bench_scale(args.scale, args)
    table, summary = summarise(big, small)
    (OUT / "latest.json").write_text(json.dumps({"big": big, "small": small, "summary": summary}, indent=1))
    print()
    print(table)
    print(summary)


if __name__ == "__main__":
    main()
