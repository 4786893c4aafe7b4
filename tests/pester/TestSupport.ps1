# Shared set-up of the Pester tests, dot-sourced from each BeforeAll. The tests run against the BUILT module:
# build.ps1 passes its manifest in AGENTSPEC_MODULE_PATH; without it the layout of the current version is used.
Set-StrictMode -Version Latest

$RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath

function Get-RepoVersion {
    $props = [xml](Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props'))
    @($props.Project.PropertyGroup | ForEach-Object { $_['Version'] } | Where-Object { $_ })[0].InnerText
}

function Get-ModuleManifestPath {
    $path = if ($env:AGENTSPEC_MODULE_PATH) { $env:AGENTSPEC_MODULE_PATH }
    else { Join-Path $RepoRoot "out/AgentSpec/$(Get-RepoVersion)/AgentSpec.psd1" }
    if (-not (Test-Path -LiteralPath $path)) {
        throw "The built module was not found at '$path'. Run ./build.ps1 -Task Build first (or set AGENTSPEC_MODULE_PATH)."
    }
    $path
}

function Get-CorpusPath {
    <# The shared conformance corpus, which sits beside the repository (../shared/corpus); never copied into it. #>
    param([string] $Relative = '')
    $corpus = Join-Path $RepoRoot '../shared/corpus'
    if (-not (Test-Path -LiteralPath $corpus)) {
        throw "The shared corpus was not found at '$corpus'. The tests expect a copy of shared/ next to the repository folder."
    }
    $path = Join-Path $corpus $Relative
    if (-not (Test-Path -LiteralPath $path)) { throw "The corpus file '$path' does not exist." }
    (Resolve-Path -LiteralPath $path).ProviderPath
}

function New-SpecFile {
    <# Writes text (LF line breaks, UTF-8 without BOM) to a file and returns its full path. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)
    $directory = Split-Path -Parent $Path
    if ($directory) { $null = New-Item -ItemType Directory -Force -Path $directory }
    [System.IO.File]::WriteAllText($Path, $Text, [System.Text.UTF8Encoding]::new($false))
    $Path
}

# A valid specification in canonical form.
$CanonicalSpec = @'
package "fixture" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "claude-sonnet-4-20250514"
}

'@.Replace("`r`n", "`n").TrimEnd("`n") + "`n"

# The same specification, valid but not canonical (indentation, blank lines, attribute order).
$UnformattedSpec = @'
package "fixture" version "0.1.0" lang "2.0"
prompt "system" {
    content "Be brief."
}
agent "assistant" {
      model "claude-sonnet-4-20250514"
  uses prompt "system"
}
'@.Replace("`r`n", "`n")

# A syntax error: the agent block is never closed (AS1015).
$BrokenSpec = @'
package "fixture" version "0.1.0" lang "2.0"

agent "assistant" {
  model "claude-sonnet-4-20250514"

'@.Replace("`r`n", "`n")

# Valid, with one warning: an unknown escape in a string is kept as written (AS1006, a Warning).
$WarningSpec = @'
package "fixture" version "0.1.0" lang "2.0"

prompt "system" {
  content "Use C:\qtools when asked."
}

agent "assistant" {
  uses prompt "system"
  model "claude-sonnet-4-20250514"
}

'@.Replace("`r`n", "`n")

$CiVariables = 'GITHUB_ACTIONS', 'TF_BUILD', 'AGENTSPEC_NO_CI_ANNOTATIONS'

function Save-CiEnvironment {
    <# Clears the CI variables that change Test-AgentSpec's output (the tests may themselves run in CI). #>
    $saved = @{}
    foreach ($name in $CiVariables) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

function Restore-CiEnvironment([hashtable] $Saved) {
    foreach ($name in $CiVariables) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

Import-Module -Name (Get-ModuleManifestPath) -Force

function Get-TestRuntimePath {
    <# The built tests/AgentSpec.TestRuntime executable (a real process standing in for the runtime), or throws. #>
    $runtime = $env:AGENTSPEC_TEST_RUNTIME_PATH
    if (-not $runtime) {
        $name = if ($IsWindows) { 'agentspec.exe' } else { 'agentspec' }
        $runtime = @('Release', 'Debug' | ForEach-Object { Join-Path $RepoRoot "tests/AgentSpec.TestRuntime/bin/$_/net10.0/$name" } | Where-Object { Test-Path -LiteralPath $_ })[0]
    }
    if (-not $runtime -or -not (Test-Path -LiteralPath $runtime)) { throw 'The test runtime is not built (dotnet build tests/AgentSpec.TestRuntime).' }
    $runtime
}

function Get-FreeLoopbackPort {
    <# A TCP port on 127.0.0.1 that was free a moment ago. #>
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}
