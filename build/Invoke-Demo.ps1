#Requires -Version 7.0
<#
.SYNOPSIS
    The offline quickstart: imports the built AgentSpec module, validates and format-checks every example and resolves it.

.DESCRIPTION
    build.ps1 -Task Demo starts this in a fresh pwsh. For each examples/*.ias it runs Test-AgentSpec (diagnostics are
    printed as they come) and Format-AgentSpec -Check, prints one result line and a short summary of the package,
    resolves its default (else last) deploy target with Resolve-AgentSpec, and exits 1 when an example has errors or is not in canonical form.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ExamplesPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath -Force
$module = Get-Module AgentSpec
Write-Host "AgentSpec $($module.Version) from $($module.ModuleBase)"
Write-Host "Cmdlets: $((Get-Command -Module AgentSpec | Sort-Object Name | ForEach-Object Name) -join ', ')"

$examples = @(Get-ChildItem -LiteralPath $ExamplesPath -Filter '*.ias' | Sort-Object Name)
if ($examples.Count -eq 0) { Write-Host "No examples in $ExamplesPath." -ForegroundColor Red; exit 1 }

Push-Location -LiteralPath (Split-Path -Parent $ExamplesPath)
$problems = 0
try {
    foreach ($example in $examples) {
        $relative = "examples/$($example.Name)"
        Write-Host ''
        Write-Host "> Test-AgentSpec $relative"
        $valid = Test-AgentSpec -LiteralPath $example.FullName
        Write-Host "> Format-AgentSpec $relative -Check"
        $formatted = Format-AgentSpec -LiteralPath $example.FullName -Check -ErrorAction Continue
        $document = Get-AgentSpec -LiteralPath $example.FullName
        $package = if ($document.Package) { "$($document.Package)" } else { '(no package header)' }
        $agents = @($document.Agents | ForEach-Object Name) -join ', '
        $deploys = @($document.Deploys | ForEach-Object Name) -join ', '
        Write-Host ("{0}: valid={1} formatted={2} package={3} agents=[{4}] deploys=[{5}]" -f $relative, $valid, $formatted, $package, $agents, $deploys)
        if (-not $valid -or -not $formatted) { $problems++ }
        if ($valid -and $document.Deploys.Count -gt 0) {
            $target = @($document.Deploys | Where-Object Default)[0]
            if (-not $target) { $target = $document.Deploys[-1] }
            Write-Host "> Resolve-AgentSpec $relative -Target $($target.Name)"
            $resolved = Resolve-AgentSpec -LiteralPath $example.FullName -Target $target.Name
            foreach ($unit in $resolved.Units) {
                Write-Host ("  unit {0}: {1}, port {2}, replicas {3}, agents [{4}], secrets [{5}]" -f $unit.Name, $unit.Kind,
                    $unit.Settings.Port, $unit.Settings.Replicas, ($unit.ServedAgents -join ', '), (@($resolved.SecretReferences | ForEach-Object Name) -join ', '))
            }
        }
    }
}
finally {
    Pop-Location
}

Write-Host ''
if ($problems -gt 0) {
    Write-Host "Demo: $problems of $($examples.Count) examples are invalid or not formatted." -ForegroundColor Red
    exit 1
}
Write-Host "Demo: all $($examples.Count) examples are valid and formatted." -ForegroundColor Green
exit 0
