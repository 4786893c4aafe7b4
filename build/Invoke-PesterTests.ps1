#Requires -Version 7.0
<#
.SYNOPSIS
    Runs the Pester tests against a built AgentSpec module; build.ps1 starts it in a fresh pwsh.

.DESCRIPTION
    Imports the given Pester, passes the module manifest to the tests in AGENTSPEC_MODULE_PATH, writes NUnit XML
    results and a JSON summary (Passed, Failed, Skipped) that build.ps1 adds to the closing count. Failed blocks and
    containers (a test file that does not load, a failing BeforeAll) count as failures.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterPath -Force
$env:AGENTSPEC_MODULE_PATH = $ModulePath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
if ([Console]::IsOutputRedirected) { $configuration.Output.RenderMode = 'Plaintext' }
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8NoBOM
if ($failed -gt 0) { exit 1 }
exit 0
