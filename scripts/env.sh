# Sourced by the scripts: puts the project's own tools first on PATH, so trunk
# finds binaryen 123's wasm-opt rather than any older one on the machine.
CLAIMLENS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$CLAIMLENS_ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
