#Requires -Version 7.0
<#
.SYNOPSIS
    The offline quickstart: imports the built AgentSpec module, validates, format-checks and resolves every example,
    then deploys examples/offline-echo.ias as a local process, invokes its agent and removes it again.

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

# The deployment workflow, offline: plan, apply, invoke and remove the mock/echo package on the process target with
# the runtime shipped in the module. The state lives in a temporary folder.
$live = Join-Path $ExamplesPath 'offline-echo.ias'
if ($problems -eq 0 -and (Test-Path -LiteralPath $live)) {
    $work = Join-Path ([IO.Path]::GetTempPath()) ("agentspec-demo-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $work | Out-Null
    $spec = Join-Path $work 'offline-echo.ias'
    Copy-Item -LiteralPath $live -Destination $spec
    $state = Join-Path $work '.agentspec.state.json'
    try {
        Write-Host ''
        Write-Host '> Get-AgentSpecPlan examples/offline-echo.ias'
        $plan = Get-AgentSpecPlan -LiteralPath $spec -StatePath $state
        $plan | Out-Host
        Write-Host '> Invoke-AgentSpecApply -Plan $plan -AutoApprove'
        $results = @(Invoke-AgentSpecApply -Plan $plan -AutoApprove)
        $results | Format-Table Status, Action, Address, Health -AutoSize | Out-Host
        Write-Host '> Get-AgentSpecDeployment'
        $status = Get-AgentSpecDeployment -StatePath $state
        $status | Format-Table Target, Kind, Health, Endpoint -AutoSize | Out-Host
        if ("$($status.Health)" -ne 'Healthy') { throw "the deployed runtime is $($status.Health), not Healthy" }
        Write-Host "> POST $($status.Endpoint)/v1/agents/echo/invoke"
        $answer = Invoke-RestMethod -Method Post -Uri "$($status.Endpoint)/v1/agents/echo/invoke" -ContentType 'application/json' -Body '{"message":"hello from the quickstart"}'
        Write-Host "  output: $($answer.output)  (model $($answer.model), $($answer.tokens.total) tokens)"
        if ($answer.output -ne 'hello from the quickstart') { throw "unexpected answer '$($answer.output)'" }
        Write-Host '> Get-AgentSpecPlan -DetailedExitCode (nothing to change)'
        Get-AgentSpecPlan -LiteralPath $spec -StatePath $state -DetailedExitCode | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "a second plan found changes (exit code $LASTEXITCODE)" }
        Write-Host "  no changes"
    }
    catch {
        Write-Host "Demo: the deployment workflow failed: $($_.Exception.Message)" -ForegroundColor Red
        $problems++
    }
    finally {
        if (Test-Path -LiteralPath $state) {
            Write-Host '> Remove-AgentSpecDeployment local -Confirm:$false'
            Remove-AgentSpecDeployment -Target local -StatePath $state -Confirm:$false | Format-Table Status, Action, Address -AutoSize | Out-Host
        }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Write-Host ''
if ($problems -gt 0) {
    Write-Host "Demo: $problems of $($examples.Count) examples are invalid or not formatted." -ForegroundColor Red
    exit 1
}
Write-Host "Demo: all $($examples.Count) examples are valid and formatted." -ForegroundColor Green
exit 0
