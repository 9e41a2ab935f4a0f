#!/usr/bin/env bash
# Checks the golden scripts that use only the language (no test natives, no expected errors)
# against the real Swift compiler: each is compiled with swiftc (`import ResLab` replaced by
# `import Foundation`, for the math functions ResLab re-exports) and its
# output compared with its `// expect:` lines (trailing spaces dropped, as the golden test does).
# Usage: Tests/ResLabFrontendTests/Scripts/check-with-swiftc.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for script in basics variables control_flow functions collections strings optionals operators; do
    { echo "import Foundation"; sed '/^import ResLab$/d' "$script.swift"; } > "$work/main.swift"
    if ! swiftc -swift-version 5 "$work/main.swift" -o "$work/$script" 2> "$work/$script.log"; then
        echo "$script: does not compile with swiftc"; grep error: "$work/$script.log" | head -5; status=1; continue
    fi
    "$work/$script" | sed 's/ *$//' > "$work/actual"
    grep -o '// expect:.*' "$script.swift" | sed 's|^// expect: \{0,1\}||' > "$work/expected"
    if diff "$work/expected" "$work/actual" > "$work/diff"; then echo "$script: same as swiftc"; else
        echo "$script: differs from swiftc"; cat "$work/diff"; status=1; fi
done
exit $status
