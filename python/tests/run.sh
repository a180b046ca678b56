#!/usr/bin/env bash
# Builds the numcheck wheel, installs it in a fresh virtualenv with pytest and pyspark, and
# runs the package's tests and the Spark job's. CI runs this; so can you, from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/python-venv
if ! command -v java >/dev/null; then
  # Spark runs on the JVM; Debian's runtime is enough.
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check maturin pytest "pandas<3" pyarrow pyspark
cargo build --release --quiet --bin numcheck
rm -rf target/wheels
"$venv/bin/maturin" build --release --quiet -m python/Cargo.toml -o target/wheels
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/numcheck-*.whl
export NUMCHECK_BIN="$PWD/target/release/numcheck"
# From outside the source tree, so the installed wheel is what is imported.
cd python/tests && "../../$venv/bin/python" -m pytest -q -p no:cacheprovider . ../../examples/spark "$@"
