#!/usr/bin/env python3
"""Runs every Tests/terminal/test_*.py and sums their results.

Each file prints `N passed, M failed` last; this prints the total the same way
and exits non-zero when any test failed or a file could not run.
"""

import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(HERE, "test_*.py"))):
        print("== %s" % os.path.basename(path), flush=True)
        result = subprocess.run([sys.executable, path] + sys.argv[1:], text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1200)
        print(result.stdout, end="", flush=True)
        lines = result.stdout.strip().splitlines()
        match = re.match(r"^(\d+) passed, (\d+) failed", lines[-1]) if lines else None
        if match:
            passed += int(match.group(1))
            failed += int(match.group(2))
        if result.returncode != 0 and (not match or int(match.group(2)) == 0):
            failed += 1
            print("FAIL %s exited with status %d" % (os.path.basename(path), result.returncode))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
