# Shared by the shell test scripts: `check NAME COMMAND...` runs a command and counts it as a pass
# or a failure; the caller prints "$passed passed, $failed failed" at the end.
passed=${passed:-0}
failed=${failed:-0}
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "PASS $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}
