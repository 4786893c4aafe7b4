# The deployment workflow against the built module and a real process (tests/AgentSpec.TestRuntime stands in for the
# runtime): plan → apply → no changes → change → apply → history → destroy, with -WhatIf, the lock, stale plans,
# policies, SecretManagement and a scan for the secret value (deployment spec §6, §10.3, §12.3).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $runtime = Get-TestRuntimePath
    $savedRuntime = $env:AGENTSPEC_RUNTIME_PATH
    $env:AGENTSPEC_RUNTIME_PATH = $runtime

    $workspace = Join-Path $TestDrive 'workflow'
    $null = New-Item -ItemType Directory -Force -Path $workspace
    $spec = Join-Path $workspace 'agent.ias'
    $statePath = Join-Path $workspace '.agentspec.state.json'
    $variable = 'AGENTSPEC_PESTER_KEY_' + [guid]::NewGuid().ToString('N').Substring(0, 8).ToUpperInvariant()
    $secretValue = 'sk-pester-' + [guid]::NewGuid().ToString('N')
    [Environment]::SetEnvironmentVariable($variable, $secretValue)
    $port = Get-FreeLoopbackPort
    $captured = [System.Collections.Generic.List[string]]::new()

    function Write-Spec([string] $LogLevel) {
        $null = New-SpecFile -Path $spec -Text @"
package "fixture" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "mock/echo"
}

secret "api-key" {
  env($variable)
}

deploy "dev" target "process" {
  default true
  port $port
  env {
    LOG_LEVEL "$LogLevel"
  }
  secrets {
    $variable "api-key"
  }
}

"@
    }

    function Get-RecordedPid {
        if (-not (Test-Path -LiteralPath $statePath)) { return $null }
        $state = Get-Content -Raw -LiteralPath $statePath | ConvertFrom-Json -AsHashtable
        if (-not $state.targets.ContainsKey('dev')) { return $null }
        $process = $state.targets.dev.resources | Where-Object type -EQ 'Process'
        if ($process -and $process.observed -and $process.observed.ContainsKey('pid')) { [int]$process.observed.pid }
    }

    Write-Spec 'debug'
    Push-Location -LiteralPath $workspace
}

AfterAll {
    $recorded = Get-RecordedPid
    try {
        if ($recorded) { Remove-AgentSpecDeployment dev -StatePath $statePath -Confirm:$false -LockTimeout ([timespan]::FromSeconds(5)) -ErrorAction Continue | Out-Null }
    }
    finally {
        if ($recorded) { Stop-Process -Id $recorded -Force -ErrorAction SilentlyContinue }
        Pop-Location
        [Environment]::SetEnvironmentVariable($variable, $null)
        $env:AGENTSPEC_RUNTIME_PATH = $savedRuntime
    }
}

Describe 'Deployment workflow on the process target' {
    It 'plans from Get-AgentSpec, applies through the pipeline and reports the process healthy' {
        $plan = Get-AgentSpec $spec | Get-AgentSpecPlan -WarningAction SilentlyContinue
        $plan | Should -BeOfType ([AgentSpec.Plan])
        $plan.HasChanges | Should -BeTrue
        $plan.ToString() | Should -Match 'Plan: 2 to add, 0 to change, 0 to destroy\.'
        $captured.Add($plan.ToString()); $captured.Add($plan.ToJson())
        Test-Path -LiteralPath $statePath | Should -BeFalse

        $streams = $plan | Invoke-AgentSpecApply -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)) -Verbose *>&1
        $captured.Add(($streams | Out-String))
        $results = @($streams | Where-Object { $_ -is [AgentSpec.ApplyResult] })
        $results | Should -HaveCount 2
        $results.Status | Should -Not -Contain 'Failed'
        ($results | Where-Object Type -EQ 'Process').Health | Should -Be 'Healthy'
        @($streams | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" }) | Should -Contain 'Apply complete: 2 added, 0 changed, 0 destroyed, 0 failed (state serial 5).'
        (Invoke-WebRequest -Uri "http://127.0.0.1:$port/healthz" -UseBasicParsing).StatusCode | Should -Be 200

        $status = Get-AgentSpecDeployment dev
        $status.Health | Should -Be 'Healthy'
        $status.Endpoint | Should -BeExactly "http://127.0.0.1:$port"
        $status.Serial | Should -Be 5
    }

    It 'loads the engine into the "AgentSpec.Engine" context only' {
        $engines = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AgentSpec.Engine' })
        $engines | Should -HaveCount 1
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engines[0]).Name | Should -BeExactly 'AgentSpec.Engine'
        $engines[0].Location | Should -BeLike "*$([IO.Path]::DirectorySeparatorChar)engine$([IO.Path]::DirectorySeparatorChar)AgentSpec.Engine.dll"
        $language = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AgentSpec.Language' }
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(@($language)[0]).Name | Should -BeExactly 'Default'
    }

    It 'plans no changes afterwards: -DetailedExitCode gives 0, -ExpectNoChanges passes, apply does nothing' {
        $global:LASTEXITCODE = 99
        $plan = Get-AgentSpecPlan $spec -DetailedExitCode -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 0
        $plan.HasChanges | Should -BeFalse
        { Get-AgentSpecPlan $spec -ExpectNoChanges -WarningAction SilentlyContinue } | Should -Not -Throw

        $before = Get-Content -Raw -LiteralPath $statePath
        $output = @(Invoke-AgentSpecApply $spec -AutoApprove -InformationVariable info -WarningAction SilentlyContinue)
        $output | Should -HaveCount 0
        "$info" | Should -Match '^No changes\.'
        Get-Content -Raw -LiteralPath $statePath | Should -BeExactly $before
    }

    It 'shows exactly the changed setting; -DetailedExitCode gives 2 and -ExpectNoChanges fails with ChangesPresent' {
        Write-Spec 'info'
        $plan = Get-AgentSpecPlan $spec -DetailedExitCode -WarningAction SilentlyContinue
        $LASTEXITCODE | Should -Be 2
        $process = $plan.Changes | Where-Object Type -EQ 'Process'
        $process.Action | Should -Be 'Replace'
        @($process.Diffs | Where-Object { $_.Path -notlike 'configHash*' }).Path | Should -BeExactly @('env.LOG_LEVEL')
        $plan.ToString() | Should -Match '~ env\.LOG_LEVEL: "debug" -> "info"'

        $failure = $null
        try { Get-AgentSpecPlan $spec -ExpectNoChanges -WarningAction SilentlyContinue | Out-Null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'ChangesPresent,AgentSpec.Commands.GetAgentSpecPlanCommand'
        $failure.Exception.Message | Should -Match 'dev/process/Process/fixture-dev'
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-Content -Raw -LiteralPath $statePath
        $recorded = Get-RecordedPid
        $output = @(Invoke-AgentSpecApply $spec -WhatIf -WarningAction SilentlyContinue)
        $output | Should -HaveCount 0
        Get-Content -Raw -LiteralPath $statePath | Should -BeExactly $before
        Test-Path -LiteralPath "$statePath.lock" | Should -BeFalse
        Get-RecordedPid | Should -Be $recorded
    }

    It 'fails a non-interactive apply without -AutoApprove before anything changes' -Skip:(-not ([Environment]::GetCommandLineArgs() -contains '-NonInteractive')) {
        $before = Get-Content -Raw -LiteralPath $statePath
        { Invoke-AgentSpecApply $spec -WarningAction SilentlyContinue } | Should -Throw
        Get-Content -Raw -LiteralPath $statePath | Should -BeExactly $before
        Test-Path -LiteralPath "$statePath.lock" | Should -BeFalse
    }

    It 'stops with StateLocked naming the holder while another apply holds the lock; Unlock-AgentSpecState removes it' {
        $id = [guid]::NewGuid().ToString()
        $now = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
        $lock = [ordered]@{ id = $id; operation = 'apply'; target = 'dev'; who = 'ci@build-agent-7'; hostname = 'build-agent-7'; pid = 4242
            processStart = $now; created = $now; heartbeat = $now; toolVersion = '0.1.0' } | ConvertTo-Json
        Set-Content -LiteralPath "$statePath.lock" -Value $lock -NoNewline
        $before = Get-Content -Raw -LiteralPath $statePath

        $failure = $null
        try { Invoke-AgentSpecApply $spec -AutoApprove -LockTimeout 0 -WarningAction SilentlyContinue } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'StateLocked,AgentSpec.Commands.InvokeAgentSpecApplyCommand'
        $failure.Exception | Should -BeOfType ([AgentSpec.StateLockedException])
        $failure.Exception.Message | Should -Match 'ci@build-agent-7'
        $failure.TargetObject.Id | Should -BeExactly $id
        Get-Content -Raw -LiteralPath $statePath | Should -BeExactly $before

        $mismatch = $null
        try { Unlock-AgentSpecState -LockId ([guid]::NewGuid()) -Confirm:$false } catch { $mismatch = $_ }
        $mismatch.FullyQualifiedErrorId | Should -BeExactly 'LockIdMismatch,AgentSpec.Commands.UnlockAgentSpecStateCommand'
        $removed = Unlock-AgentSpecState -LockId $id -Confirm:$false -PassThru
        $removed.Who | Should -BeExactly 'ci@build-agent-7'
        Test-Path -LiteralPath "$statePath.lock" | Should -BeFalse
        Unlock-AgentSpecState -Force -Confirm:$false -ErrorVariable notLocked -ErrorAction SilentlyContinue
        $notLocked[0].FullyQualifiedErrorId | Should -BeExactly 'LockNotFound,AgentSpec.Commands.UnlockAgentSpecStateCommand'
    }

    It 'applies a saved plan file, refuses it once stale, and lists both applies in the history' {
        $planFile = Join-Path $workspace 'plan.json'
        $null = Get-AgentSpecPlan $spec -OutFile $planFile -WarningAction SilentlyContinue
        $captured.Add((Get-Content -Raw -LiteralPath $planFile))
        $streams = Invoke-AgentSpecApply -PlanFile $planFile -AutoApprove -Verbose *>&1
        $captured.Add(($streams | Out-String))
        $results = @($streams | Where-Object { $_ -is [AgentSpec.ApplyResult] })
        $results.Status | Should -Not -Contain 'Failed'
        ($results | Where-Object Type -EQ 'Process').Action | Should -Be 'Replace'
        (Get-AgentSpecDeployment dev).Health | Should -Be 'Healthy'

        $stale = $null
        try { Invoke-AgentSpecApply -PlanFile $planFile -AutoApprove } catch { $stale = $_ }
        $stale.FullyQualifiedErrorId | Should -BeExactly 'StalePlan,AgentSpec.Commands.InvokeAgentSpecApplyCommand'

        $history = @(Get-AgentSpecHistory dev)
        $history | Should -HaveCount 2
        $history.Operation | Should -BeExactly @('apply', 'apply')
        $history[0].Serial | Should -BeGreaterThan $history[1].Serial
        (Get-AgentSpecHistory -Serial $history[1].Serial).Serial | Should -Be $history[1].Serial

        # A name the state neither records nor has history of: TargetNotInState, not terminating.
        @(Get-AgentSpecHistory dev, nosuch -ErrorVariable unknown -ErrorAction SilentlyContinue) | Should -HaveCount 2
        $unknown | Should -HaveCount 1
        $unknown[0].FullyQualifiedErrorId | Should -BeExactly 'TargetNotInState,AgentSpec.Commands.GetAgentSpecHistoryCommand'
        $unknown[0].TargetObject | Should -BeExactly 'nosuch'
    }

    It 'never shows the secret value in plans, output, state, history or working files' {
        $captured.Add((Get-Content -Raw -LiteralPath $statePath))
        $captured.Add((Get-Content -Raw -LiteralPath "$statePath.bak"))
        Get-AgentSpecHistory -IncludeSnapshot | ForEach-Object { $captured.Add(($_ | Format-List * | Out-String)); if ($_.Snapshot) { $captured.Add($_.Snapshot.ToJsonString()) } }
        $captured.Add((Get-AgentSpecDeployment | Format-List * | Out-String))
        Get-ChildItem -LiteralPath (Join-Path $workspace '.agentspec') -Recurse -File | ForEach-Object { $captured.Add((Get-Content -Raw -LiteralPath $_.FullName)) }
        $captured.Count | Should -BeGreaterThan 8
        foreach ($text in $captured) { $text | Should -Not -Match ([regex]::Escape($secretValue)) }
    }

    It 'removes the deployment by property name from Get-AgentSpecDeployment: nothing running, state empty' {
        $recorded = Get-RecordedPid
        $recorded | Should -Not -BeNullOrEmpty
        $results = @(Get-AgentSpecDeployment dev -NoHealth | Remove-AgentSpecDeployment -Confirm:$false)
        $results | Should -HaveCount 2
        $results.Action | Should -BeExactly @('Delete', 'Delete')
        $results.Status | Should -Not -Contain 'Failed'
        Get-Process -Id $recorded -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-Content -Raw -LiteralPath $statePath | ConvertFrom-Json -AsHashtable).targets.Count | Should -Be 0
        @(Get-AgentSpecDeployment) | Should -HaveCount 0
        (Get-AgentSpecHistory -Last 1).Operation | Should -BeExactly 'destroy'
        # A destroyed target keeps its history: no TargetNotInState for it.
        (Get-AgentSpecHistory dev -ErrorAction Stop)[0].Operation | Should -BeExactly 'destroy'
    }
}

Describe 'Deployment cmdlets without a deployment' {
    It 'stops planning on a policy violation before the state is touched' {
        $folder = Join-Path $TestDrive 'policy'
        $null = New-Item -ItemType Directory -Force -Path $folder
        $failure = $null
        try { Get-AgentSpecPlan (Get-CorpusPath 'seed/production-best-practices.ias') -Environment dev -StatePath (Join-Path $folder 'state.json') } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'PolicyViolation,AgentSpec.Commands.GetAgentSpecPlanCommand'
        $failure.Exception.Message | Should -Match 'production-safety'
        @(Get-ChildItem -LiteralPath $folder -Force) | Should -HaveCount 0
    }

    It 'looks store() secrets up with Get-Secret on the pipeline thread when SecretManagement is present' {
        $folder = Join-Path $TestDrive 'store'
        $storeSpec = New-SpecFile -Path (Join-Path $folder 'agent.ias') -Text @"
package "stored" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "mock/echo"
}

secret "api-key" {
  store(team/assistant/api-key)
}

deploy "dev" target "process" {
  port $port
  secrets {
    API_KEY "api-key"
  }
}

"@
        $global:AgentSpecGetSecretCalls = [System.Collections.Generic.List[hashtable]]::new()
        function global:Get-Secret {
            param([string] $Name, [switch] $AsPlainText, [string] $Vault)
            $global:AgentSpecGetSecretCalls.Add(@{ Name = $Name; AsPlainText = [bool]$AsPlainText; Vault = $Vault; Thread = [Threading.Thread]::CurrentThread.ManagedThreadId })
            'stored-value-from-vault'
        }
        try {
            $thread = [Threading.Thread]::CurrentThread.ManagedThreadId
            $plan = Get-AgentSpecPlan $storeSpec -SecretVault TeamVault -WarningAction SilentlyContinue
            $global:AgentSpecGetSecretCalls | Should -HaveCount 1
            $call = $global:AgentSpecGetSecretCalls[0]
            $call.Name | Should -BeExactly 'team/assistant/api-key'
            $call.AsPlainText | Should -BeTrue
            $call.Vault | Should -BeExactly 'TeamVault'
            $call.Thread | Should -Be $thread
            $binding = $plan.Changes.SecretBindings | Where-Object Secret -EQ 'api-key' | Select-Object -First 1
            $binding.Fingerprint | Should -Match '^hmac-sha256:'
            @($plan.Diagnostics | ForEach-Object Code) | Should -Not -Contain 'AS5101'
            $plan.ToJson() | Should -Not -Match 'stored-value-from-vault'

            $global:AgentSpecGetSecretCalls.Clear()
            $unresolved = Get-AgentSpecPlan $storeSpec -NoSecrets -WarningAction SilentlyContinue
            $global:AgentSpecGetSecretCalls | Should -HaveCount 0
            ($unresolved.Changes.SecretBindings | Select-Object -First 1).Fingerprint | Should -BeNullOrEmpty
        }
        finally {
            Remove-Item -LiteralPath function:global:Get-Secret
            Remove-Variable -Name AgentSpecGetSecretCalls -Scope Global
        }
    }
}
