# Tools the tests run that Debian 12 does not package: PowerShell, as a .NET tool.
# Sourced by up.sh, which sets the variables these functions read.
# shellcheck shell=bash

pwsh_answers() {
  # The tool's pwsh is an apphost: it finds the runtime through DOTNET_ROOT when dotnet is not in a default place.
  # No telemetry and no update check: the rig's traffic stays on loopback.
  local root version
  root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  version="$(DOTNET_ROOT="${DOTNET_ROOT:-$root}" POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off \
    "$PWSH_DIR/pwsh" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null)" || return 1
  [[ "$version" == "$PWSH_VERSION" ]]
}

ensure_pwsh() {
  command -v dotnet >/dev/null || die "dotnet not found: the .NET 10 SDK is needed (it also installs PowerShell, a .NET tool)"
  [[ -x "$PWSH_DIR/pwsh" ]] && pwsh_answers && return
  rm -rf "$PWSH_DIR"
  mkdir -p "$(dirname "$PWSH_DIR")"
  quietly "dotnet tool install PowerShell $PWSH_VERSION" \
    dotnet tool install --tool-path "$PWSH_DIR" PowerShell --version "$PWSH_VERSION"
  pwsh_answers || die "$PWSH_DIR/pwsh does not report version $PWSH_VERSION"
}
