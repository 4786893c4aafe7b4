# The engine under stress, against the built module and real processes (tests/AgentSpec.TestRuntime stands in for the
# runtime): -Refresh drift, a PowerShell process killed during apply, two applies at once, the production guide's CI
# flow and Restore-AgentSpecDeployment (deployment spec §3.5, §4.3, §4.5, §6.5, §9.2, §9.3, §11).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $runtime = Get-TestRuntimePath
    $savedRuntime = $env:AGENTSPEC_RUNTIME_PATH
    $env:AGENTSPEC_RUNTIME_PATH = $runtime
    $manifest = Get-ModuleManifestPath

    function New-Workspace([string] $Name) {
        $folder = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Force -Path $folder
        $folder
    }

    # A process deploy; TEST_UNHEALTHY_SECONDS makes the test runtime answer 503 for that long after it starts.
    function Write-ProcessSpec([string] $Folder, [int] $Port, [string] $LogLevel = 'info', [int] $UnhealthySeconds = 0) {
        New-SpecFile -Path (Join-Path $Folder 'agent.ias') -Text @"
package "fixture" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "mock/echo"
}

deploy "dev" target "process" {
  default true
  port $Port
  env {
    LOG_LEVEL "$LogLevel"
    TEST_UNHEALTHY_SECONDS "$UnhealthySeconds"
  }
}

"@
    }

    function Get-State([string] $Folder) {
        $path = Join-Path $Folder '.agentspec.state.json'
        if (Test-Path -LiteralPath $path) { Get-Content -Raw -LiteralPath $path | ConvertFrom-Json -AsHashtable }
    }

    function Get-ProcessRecord([string] $Folder) {
        $state = Get-State $Folder
        if ($state -and $state.targets.ContainsKey('dev')) { $state.targets.dev.resources | Where-Object type -EQ 'Process' }
    }

    function Get-ProcessStatus([string] $Folder) {
        $record = Get-ProcessRecord $Folder
        if ($record) { $record.status }
    }

    function Test-Alive([int] $Id) { $null -ne (Get-Process -Id $Id -ErrorAction SilentlyContinue) }

    # Starts another PowerShell (the same executable as this one) that imports the built module and applies.
    function Start-ChildApply([string] $Folder, [string] $Arguments) {
        $log = Join-Path $Folder "child-$([guid]::NewGuid().ToString('N').Substring(0, 6)).log"
        $script = Join-Path $Folder "child-apply-$([guid]::NewGuid().ToString('N').Substring(0, 6)).ps1"
        New-SpecFile -Path $script -Text @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($manifest.Replace("'", "''"))'
Set-Location -LiteralPath '$($Folder.Replace("'", "''"))'
try { Invoke-AgentSpecApply ./agent.ias -AutoApprove $Arguments *>&1 | Out-String | Set-Content -LiteralPath '$log' }
catch { "FAILED `$(`$_.FullyQualifiedErrorId): `$(`$_.Exception.Message)" | Set-Content -LiteralPath '$log' }
"@ | Out-Null
        $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        $first = [Environment]::GetCommandLineArgs()[0]
        if ($first -like '*.dll') { $start.ArgumentList.Add($first) }
        foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $script) { $start.ArgumentList.Add($argument) }
        $start.UseShellExecute = $false
        [pscustomobject]@{ Process = [System.Diagnostics.Process]::Start($start); Log = $log }
    }

    function Wait-Until([scriptblock] $Condition, [int] $Seconds, [string] $What) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ($clock.Elapsed.TotalSeconds -lt $Seconds) {
            if (& $Condition) { return }
            Start-Sleep -Milliseconds 200
        }
        throw "Timed out after $Seconds s waiting for: $What"
    }

    # Removes the deployment of a workspace and stops any runtime it may have left (pid recorded or in the pid file).
    function Remove-Workspace([string] $Folder) {
        $pids = @()
        $record = Get-ProcessRecord $Folder
        if ($record -and $record.observed.ContainsKey('pid')) { $pids += [int]$record.observed.pid }
        Get-ChildItem -LiteralPath $Folder -Recurse -Filter 'runtime.pid' -ErrorAction SilentlyContinue | ForEach-Object {
            $pids += [int]((Get-Content -Raw -LiteralPath $_.FullName | ConvertFrom-Json).pid)
        }
        try {
            if ($record) {
                Remove-AgentSpecDeployment dev -StatePath (Join-Path $Folder '.agentspec.state.json') -Confirm:$false -LockTimeout ([timespan]::FromSeconds(5)) -ErrorAction Continue -WarningAction SilentlyContinue | Out-Null
            }
        }
        finally {
            foreach ($id in $pids) {
                $process = Get-Process -Id $id -ErrorAction SilentlyContinue
                if ($process -and $process.ProcessName -eq 'agentspec') { Stop-Process -Id $id -Force -ErrorAction SilentlyContinue }
            }
        }
    }
}

AfterAll {
    $env:AGENTSPEC_RUNTIME_PATH = $savedRuntime
}

Describe 'Get-AgentSpecPlan -Refresh on the process target' {
    BeforeAll {
        $folder = New-Workspace 'refresh'
        $spec = Write-ProcessSpec -Folder $folder -Port (Get-FreeLoopbackPort)
    }

    AfterAll { Remove-Workspace $folder }

    It 'plans the replacement of a runtime killed out of band, converges with Invoke-AgentSpecApply -Refresh, then plans clean' {
        $results = @(Invoke-AgentSpecApply $spec -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)))
        $results.Status | Should -Not -Contain 'Failed'
        $killed = [int](Get-ProcessRecord $folder).observed.pid
        Stop-Process -Id $killed -Force
        Wait-Until { -not (Test-Alive $killed) } 10 'the killed runtime to exit'

        # Offline plan: still matches the recorded state.
        (Get-AgentSpecPlan $spec).HasChanges | Should -BeFalse

        $global:LASTEXITCODE = 99
        $plan = Get-AgentSpecPlan $spec -Refresh -DetailedExitCode
        $LASTEXITCODE | Should -Be 2
        $change = $plan.Changes | Where-Object Type -EQ 'Process'
        $change.Action | Should -Be 'Replace'
        $change.Reason | Should -Be 'DriftNotRunning'
        $plan.ToString() | Should -Match '# dev/process/Process/fixture-dev must be replaced \(the live object is not running\)'
        $plan.ToString() | Should -Match 'Drift detected \(live objects differ from the recorded state\):'
        $plan.ToString() | Should -Match '~ dev/process/Process/fixture-dev \(notrunning\)'
        $json = $plan.ToJson() | ConvertFrom-Json
        $json.drift.kind | Should -BeExactly @('NotRunning')
        $json.summary.drifted | Should -Be 1

        $converged = @(Invoke-AgentSpecApply $spec -Refresh -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)))
        $converged | Should -HaveCount 1
        $converged[0].Status | Should -Be 'Succeeded'
        $converged[0].Action | Should -Be 'Replace'
        (Get-AgentSpecDeployment dev -StatePath (Join-Path $folder '.agentspec.state.json')).Health | Should -Be 'Healthy'

        $after = Get-AgentSpecPlan $spec -Refresh -DetailedExitCode
        $LASTEXITCODE | Should -Be 0
        $after.HasDrift | Should -BeFalse
        $after.HasChanges | Should -BeFalse
    }
}

Describe 'A PowerShell process killed during apply' {
    BeforeAll {
        $folder = New-Workspace 'crash'
        $port = Get-FreeLoopbackPort
        $spec = Write-ProcessSpec -Folder $folder -Port $port -UnhealthySeconds 600
    }

    AfterAll { Remove-Workspace $folder }

    It 'leaves a readable state with the runtime pending and a stale lock; the next apply replaces it and converges with one runtime' {
        $child = Start-ChildApply -Folder $folder -Arguments '-HealthTimeout 00:10:00'
        $pidFile = Join-Path $folder '.agentspec/process/dev/runtime.pid'
        try {
            Wait-Until { (Get-ProcessStatus $folder) -eq 'pending' -and (Test-Path -LiteralPath $pidFile) } 90 'the child apply to wait for health'
            Start-Sleep -Milliseconds 500
        }
        finally {
            $child.Process.Kill($true)
            $child.Process.WaitForExit(10000) | Out-Null
        }

        # Readable state: the config applied, the runtime pending (write-ahead), the lock left by a dead process.
        $state = Get-State $folder
        ($state.targets.dev.resources | Where-Object type -EQ 'ConfigFile').status | Should -Be 'applied'
        (Get-ProcessRecord $folder).status | Should -Be 'pending'
        (Get-ProcessRecord $folder).pendingAction | Should -Be 'create'
        $lock = Get-Content -Raw -LiteralPath (Join-Path $folder '.agentspec.state.json.lock') | ConvertFrom-Json
        $lock.pid | Should -Be $child.Process.Id
        $orphan = [int]((Get-Content -Raw -LiteralPath $pidFile | ConvertFrom-Json).pid)
        Test-Alive $orphan | Should -BeTrue

        $plan = Get-AgentSpecPlan $spec -WarningAction SilentlyContinue
        ($plan.Changes | Where-Object Type -EQ 'Process').Reason | Should -Be 'Interrupted'
        ($plan.Changes | Where-Object Type -EQ 'Process').Action | Should -Be 'Replace'

        # A healthy configuration now: the stale lock is broken with a warning, the orphan stopped, one runtime left.
        $spec = Write-ProcessSpec -Folder $folder -Port $port -UnhealthySeconds 0
        $results = @(Invoke-AgentSpecApply $spec -AutoApprove -LockTimeout ([timespan]::FromSeconds(10)) -HealthTimeout ([timespan]::FromSeconds(30)) -WarningVariable warnings -WarningAction SilentlyContinue)
        "$warnings" | Should -Match 'stale|lock'
        $results.Status | Should -Not -Contain 'Failed'
        ($results | Where-Object Type -EQ 'Process').Action | Should -Be 'Replace'
        Test-Alive $orphan | Should -BeFalse
        $current = [int](Get-ProcessRecord $folder).observed.pid
        $current | Should -Not -Be $orphan
        Test-Alive $current | Should -BeTrue
        (Get-ProcessRecord $folder).status | Should -Be 'applied'
        Test-Path -LiteralPath (Join-Path $folder '.agentspec.state.json.lock') | Should -BeFalse
        (Get-AgentSpecPlan $spec -Refresh).HasChanges | Should -BeFalse
    }
}

Describe 'Two applies of the same state at once' {
    BeforeAll {
        $folder = New-Workspace 'concurrent'
        $spec = Write-ProcessSpec -Folder $folder -Port (Get-FreeLoopbackPort) -UnhealthySeconds 15
    }

    AfterAll { Remove-Workspace $folder }

    It 'makes the second wait for -LockTimeout and fail with StateLocked naming the holder; the first finishes consistently' {
        $child = Start-ChildApply -Folder $folder -Arguments '-HealthTimeout 00:01:30'
        try {
            Wait-Until { (Get-ProcessStatus $folder) -eq 'pending' } 90 'the first apply to hold the lock in its health wait'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $failure = $null
            try { Invoke-AgentSpecApply $spec -AutoApprove -LockTimeout ([timespan]::FromSeconds(2)) -WarningAction SilentlyContinue } catch { $failure = $_ }
            $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5
            $failure.FullyQualifiedErrorId | Should -BeExactly 'StateLocked,AgentSpec.Commands.InvokeAgentSpecApplyCommand'
            $failure.TargetObject.Pid | Should -Be $child.Process.Id
            $failure.Exception.Message | Should -Match ([regex]::Escape([Environment]::MachineName))
            $failure.Exception.Message | Should -Match "\b$($child.Process.Id)\b"
            $failure.Exception.Message | Should -Match 'apply'
        }
        finally {
            $child.Process.WaitForExit(120000) | Out-Null
        }

        Get-Content -Raw -LiteralPath $child.Log | Should -Match 'Apply complete: 2 added, 0 changed, 0 destroyed, 0 failed'
        (Get-State $folder).targets.dev.resources.status | Should -BeExactly @('applied', 'applied')
        Test-Path -LiteralPath (Join-Path $folder '.agentspec.state.json.lock') | Should -BeFalse
        @(Get-AgentSpecHistory dev -StatePath (Join-Path $folder '.agentspec.state.json')) | Should -HaveCount 1
        (Get-AgentSpecPlan $spec -Refresh).HasChanges | Should -BeFalse
    }
}

Describe 'The production guide CI flow' {
    BeforeAll {
        $folder = New-Workspace 'ci-flow'
        $spec = Write-ProcessSpec -Folder $folder -Port (Get-FreeLoopbackPort)
        Push-Location -LiteralPath $folder
    }

    AfterAll {
        Pop-Location
        Remove-Workspace $folder
    }

    It 'validates, saves a plan, applies the plan file, then plans no changes (exit code 0) and destroys' {
        Test-AgentSpec ./agent.ias | Should -BeTrue
        $plan = Get-AgentSpecPlan ./agent.ias -OutFile plan.json
        $plan.HasChanges | Should -BeTrue
        $plan.IsSaved | Should -BeTrue
        Test-Path -LiteralPath plan.json | Should -BeTrue

        $results = @(Invoke-AgentSpecApply -PlanFile plan.json -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)))
        $results | Should -HaveCount 2
        $results.Status | Should -Not -Contain 'Failed'

        $global:LASTEXITCODE = 99
        $second = Get-AgentSpecPlan ./agent.ias -DetailedExitCode
        $LASTEXITCODE | Should -Be 0
        $second.HasChanges | Should -BeFalse

        $removed = @(Remove-AgentSpecDeployment dev -Force)
        $removed.Status | Should -Not -Contain 'Failed'
        (Get-State $folder).targets.Count | Should -Be 0
    }
}

Describe 'Restore-AgentSpecDeployment' {
    BeforeAll {
        $folder = New-Workspace 'restore'
        $port = Get-FreeLoopbackPort
        $statePath = Join-Path $folder '.agentspec.state.json'
    }

    AfterAll { Remove-Workspace $folder }

    It 'runs the setting of an earlier serial again and records the restore; the file-based plan then shows the difference' {
        $spec = Write-ProcessSpec -Folder $folder -Port $port -LogLevel 'debug'
        $null = Invoke-AgentSpecApply $spec -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30))
        $v1 = (Get-AgentSpecHistory dev -StatePath $statePath -Last 1).Serial
        $spec = Write-ProcessSpec -Folder $folder -Port $port -LogLevel 'warn'
        $null = Invoke-AgentSpecApply $spec -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30))
        (Get-ProcessRecord $folder).attributes.env.LOG_LEVEL | Should -BeExactly 'warn'

        # -Serial completes with the target's history serials.
        $line = "Restore-AgentSpecDeployment dev -StatePath '$statePath' -Serial "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain "$v1"
        ($completions | Where-Object CompletionText -EQ "$v1").ToolTip | Should -Match 'apply succeeded'

        # -WhatIf shows the restore plan and changes nothing.
        $before = Get-Content -Raw -LiteralPath $statePath
        @(Restore-AgentSpecDeployment dev -Serial $v1 -StatePath $statePath -WhatIf) | Should -HaveCount 0
        Get-Content -Raw -LiteralPath $statePath | Should -BeExactly $before

        $streams = Restore-AgentSpecDeployment dev -Serial $v1 -StatePath $statePath -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)) *>&1
        $results = @($streams | Where-Object { $_ -is [AgentSpec.ApplyResult] })
        $results.Status | Should -Not -Contain 'Failed'
        ($results | Where-Object Type -EQ 'Process').Action | Should -Be 'Replace'
        $messages = @($streams | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
        $messages | Should -Contain "Target ""dev"" now runs the configuration of history entry $v1. The specification file was not changed: the next plan from it shows the difference."
        ($messages | Where-Object { $_ -like 'Restore complete:*' }) | Should -Not -BeNullOrEmpty

        $record = Get-ProcessRecord $folder
        $record.attributes.env.LOG_LEVEL | Should -BeExactly 'debug'
        $runtimePid = [int]$record.observed.pid
        Test-Alive $runtimePid | Should -BeTrue
        if (Test-Path -LiteralPath "/proc/$runtimePid/environ") {
            ([IO.File]::ReadAllText("/proc/$runtimePid/environ") -split "`0") | Should -Contain 'LOG_LEVEL=debug'
        }

        $latest = Get-AgentSpecHistory dev -StatePath $statePath -Last 1
        $latest.Operation | Should -BeExactly 'restore'
        $latest.RestoredFrom | Should -Be $v1
        $latest.Outcome | Should -BeExactly 'succeeded'

        $plan = Get-AgentSpecPlan $spec
        ($plan.Changes | Where-Object Type -EQ 'Process').Action | Should -Be 'Replace'
        $plan.ToString() | Should -Match '~ env\.LOG_LEVEL: "debug" -> "warn"'
    }

    It 'fails with HistoryEntryNotFound for an unknown serial and SnapshotMissing once the entry''s snapshot is gone' {
        $failure = $null
        try { Restore-AgentSpecDeployment dev -Serial 999 -StatePath $statePath -AutoApprove } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'HistoryEntryNotFound,AgentSpec.Commands.RestoreAgentSpecDeploymentCommand'
        $failure.Exception.Message | Should -Match 'serial 999'

        $state = Get-Content -Raw -LiteralPath $statePath | ConvertFrom-Json -AsHashtable -DateKind String
        $entry = $state.history | Select-Object -Last 1
        $state.snapshots.Remove($entry.snapshot)
        $state.history | ForEach-Object { $_.snapshot = $null }
        $state | ConvertTo-Json -Depth 50 | Set-Content -LiteralPath $statePath -NoNewline
        $missing = $null
        try { Restore-AgentSpecDeployment dev -Serial $entry.serial -StatePath $statePath -AutoApprove } catch { $missing = $_ }
        $missing.FullyQualifiedErrorId | Should -BeExactly 'SnapshotMissing,AgentSpec.Commands.RestoreAgentSpecDeploymentCommand'
    }
}
