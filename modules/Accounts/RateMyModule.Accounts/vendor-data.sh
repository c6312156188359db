#!/usr/bin/env bash
# Copies the common-password list of @zxcvbn-ts/language-common (pinned in package.json/package-lock.json) into
# Data/common-passwords.txt, with its licence. The copy is committed and embedded in the assembly, so neither a build
# nor the running site needs npm; run this again only to upgrade the list.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --ignore-scripts --no-audit --no-fund

package=node_modules/@zxcvbn-ts/language-common
node -e '
  const list = require(process.argv[1]);
  const header = "# Commonly used passwords, most common first: the zxcvbn-ts \"passwords\" dictionary (MIT, see common-passwords-LICENSE.txt).\n";
  require("fs").writeFileSync("Data/common-passwords.txt", header + list.join("\n") + "\n");
' "./$package/src/passwords.json"
cp "$package/LICENSE.txt" Data/common-passwords-LICENSE.txt

echo "Vendored $(($(wc -l < Data/common-passwords.txt) - 1)) passwords from @zxcvbn-ts/language-common $(node -p "require('./$package/package.json').version") into Data/common-passwords.txt"
