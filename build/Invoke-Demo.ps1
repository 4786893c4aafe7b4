#Requires -Version 7.0
<#
.SYNOPSIS
    The offline quickstart: imports the built AgentSpec module, validates, format-checks and resolves every example,
    then deploys examples/quickstart (environment "local": the mock/echo model) as a local process, invokes its agent,
    prints the answer and leaves the deployment running with the commands to inspect and remove it.

.DESCRIPTION
    build.ps1 -Task Demo starts this in a fresh pwsh. For each examples/*.ias it runs Test-AgentSpec (diagnostics are
    printed as they come) and Format-AgentSpec -Check, prints one result line and a short summary of the package,
    resolves its default (else last) deploy target with Resolve-AgentSpec, and exits 1 when an example has errors or is not in canonical form.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ExamplesPath,
    # Where the quickstart's state file lives (build.ps1 passes out/quickstart).
    [Parameter(Mandatory)] [string] $StateFolder
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

# The deployment workflow, offline (issue: the main job): plan the quickstart with its "local" environment (mock/echo
# model), apply it to the process target with the runtime shipped in the module, wait for health, invoke the agent
# once and print its answer. The deployment is left running; the commands to inspect and remove it are printed.
$quickstart = Join-Path $ExamplesPath 'quickstart/quickstart.ias'
if ($problems -eq 0 -and (Test-Path -LiteralPath $quickstart)) {
    $state = Join-Path $StateFolder '.agentspec.state.json'
    New-Item -ItemType Directory -Force -Path $StateFolder | Out-Null
    try {
        Write-Host ''
        Write-Host '> Test-AgentSpec examples/quickstart -Environment local'
        if (-not (Test-AgentSpec -LiteralPath $quickstart -Environment local)) { throw 'the quickstart is not valid for environment "local"' }
        Write-Host '> Get-AgentSpecPlan examples/quickstart -Environment local'
        $plan = Get-AgentSpecPlan -LiteralPath $quickstart -Environment local -StatePath $state
        $plan | Out-Host
        Write-Host '> Invoke-AgentSpecApply -Plan $plan -AutoApprove'
        $results = @(Invoke-AgentSpecApply -Plan $plan -AutoApprove)
        $results | Format-Table Status, Action, Address, Health -AutoSize | Out-Host
        $status = Get-AgentSpecDeployment -StatePath $state
        $status | Format-Table Target, Kind, Environment, Health, Endpoint -AutoSize | Out-Host
        if ("$($status.Health)" -ne 'Healthy') { throw "the deployed runtime is $($status.Health), not Healthy" }
        $question = 'Hello from the AgentSpec quickstart'
        Write-Host "> POST $($status.Endpoint)/v1/agents/assistant/invoke  {""message"": ""$question""}"
        $answer = Invoke-RestMethod -Method Post -Uri "$($status.Endpoint)/v1/agents/assistant/invoke" -ContentType 'application/json' -Body (@{ message = $question } | ConvertTo-Json)
        Write-Host "Agent answer: $($answer.output)" -ForegroundColor Green
        Write-Host "  (model $($answer.model), $($answer.tokens.total) tokens, $($answer.turns) turn)"
        if ($answer.output -ne $question) { throw "unexpected answer '$($answer.output)'" }
        Write-Host ''
        Write-Host 'The quickstart deployment is running. Inspect or remove it with:'
        Write-Host "  Get-AgentSpecDeployment -StatePath '$state'"
        Write-Host "  Get-AgentSpecHistory -StatePath '$state'"
        Write-Host "  Remove-AgentSpecDeployment local -StatePath '$state' -Confirm:`$false"
    }
    catch {
        Write-Host "Demo: the deployment workflow failed: $($_.Exception.Message)" -ForegroundColor Red
        $problems++
    }
}

Write-Host ''
if ($problems -gt 0) {
    Write-Host "Demo: $problems of $($examples.Count) examples are invalid or not formatted." -ForegroundColor Red
    exit 1
}
Write-Host "Demo: all $($examples.Count) examples are valid and formatted." -ForegroundColor Green
exit 0
