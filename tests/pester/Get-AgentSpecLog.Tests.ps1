# Get-AgentSpecLog against a real process deployment (tests/AgentSpec.TestRuntime stands in for the runtime and writes
# JSON log lines): records, -Raw, -Tail, -Since, -Agent, redaction and the non-terminating errors (spec §10.3.13).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $runtime = Get-TestRuntimePath
    $savedRuntime = $env:AGENTSPEC_RUNTIME_PATH
    $env:AGENTSPEC_RUNTIME_PATH = $runtime

    $workspace = Join-Path $TestDrive 'logs'
    $null = New-Item -ItemType Directory -Force -Path $workspace
    $statePath = Join-Path $workspace '.agentspec.state.json'
    $variable = 'AGENTSPEC_PESTER_LOG_' + [guid]::NewGuid().ToString('N').Substring(0, 8).ToUpperInvariant()
    $secretValue = 'sk-log-' + [guid]::NewGuid().ToString('N')
    [Environment]::SetEnvironmentVariable($variable, $secretValue)
    $port = Get-FreeLoopbackPort
    $spec = New-SpecFile -Path (Join-Path $workspace 'agent.ias') -Text @"
package "logged" version "0.1.0" lang "2.0"

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
  secrets {
    $variable "api-key"
  }
}

"@
    $results = @(Invoke-AgentSpecApply $spec -AutoApprove -HealthTimeout ([timespan]::FromSeconds(30)) -WarningAction SilentlyContinue)
    $logFile = Join-Path $workspace '.agentspec/process/dev/runtime.log'
    $null = Invoke-WebRequest -Uri "http://127.0.0.1:$port/healthz" -UseBasicParsing
    # Lines the stand-in does not write itself: an agent record that leaks the secret, and a text-format line.
    $stamp = [DateTimeOffset]::UtcNow.ToString('o')
    $leak = @{ timestamp = $stamp; level = 'warn'; message = "provider rejected key $secretValue"; agent = 'assistant'; correlation_id = 'c-1'; turn = 2 } | ConvertTo-Json -Compress
    Add-Content -LiteralPath $logFile -Value $leak
    Add-Content -LiteralPath $logFile -Value "$stamp ERROR invocation failed correlation_id=c-2 agent=helper error=`"model down`""
}

AfterAll {
    try {
        Remove-AgentSpecDeployment dev -StatePath $statePath -Confirm:$false -LockTimeout ([timespan]::FromSeconds(5)) -ErrorAction Continue | Out-Null
    }
    finally {
        [Environment]::SetEnvironmentVariable($variable, $null)
        $env:AGENTSPEC_RUNTIME_PATH = $savedRuntime
    }
}

Describe 'Get-AgentSpecLog on the process target' {
    It 'deployed the target' {
        $results.Status | Should -Not -Contain 'Failed'
        $logFile | Should -Exist
    }

    It 'returns the runtime''s JSON lines as LogRecord objects' {
        $records = @(Get-AgentSpecLog dev -StatePath $statePath)
        $records.Count | Should -BeGreaterOrEqual 3
        $records | ForEach-Object { $_ | Should -BeOfType ([AgentSpec.LogRecord]) }
        $started = $records | Where-Object Message -EQ 'runtime started' | Select-Object -First 1
        $started.Level | Should -BeExactly 'info'
        $started.Time | Should -BeOfType ([DateTimeOffset])
        $started.Source | Should -BeExactly 'logged-dev'
        $started.Fields['port'] | Should -BeExactly "$port"
        $started.Raw | Should -Match '"message":"runtime started"'
        $request = $records | Where-Object Message -EQ 'request' | Select-Object -First 1
        $request.Fields['path'] | Should -BeExactly '/healthz'
        $request.Fields['status'] | Should -Be 200
    }

    It 'parses agent, correlation id and text-format lines' {
        $records = @(Get-AgentSpecLog dev -StatePath $statePath -Tail 2)
        $records[0].Agent | Should -BeExactly 'assistant'
        $records[0].CorrelationId | Should -BeExactly 'c-1'
        $records[0].Fields['turn'] | Should -Be 2
        $records[1].Level | Should -BeExactly 'error'
        $records[1].Message | Should -BeExactly 'invocation failed'
        $records[1].Agent | Should -BeExactly 'helper'
        $records[1].Fields['error'] | Should -BeExactly 'model down'
    }

    It 'redacts the secret value in records and raw lines' {
        $records = @(Get-AgentSpecLog dev -StatePath $statePath -Tail 0)
        $leaked = $records | Where-Object Agent -EQ 'assistant'
        $leaked.Message | Should -BeExactly 'provider rejected key ***REDACTED***'
        ($records | ForEach-Object Raw) -join "`n" | Should -Not -Match ([regex]::Escape($secretValue))
        (Get-AgentSpecLog dev -StatePath $statePath -Raw) -join "`n" | Should -Not -Match ([regex]::Escape($secretValue))
        Get-Content -Raw -LiteralPath $logFile | Should -Match ([regex]::Escape($secretValue))
    }

    It 'returns strings with -Raw and the last line with -Tail 1' {
        $lines = @(Get-AgentSpecLog dev -StatePath $statePath -Raw)
        $lines | ForEach-Object { $_ | Should -BeOfType ([string]) }
        $lines.Count | Should -Be @(Get-Content -LiteralPath $logFile | Where-Object { $_ }).Count
        $last = @(Get-AgentSpecLog dev -StatePath $statePath -Tail 1 -Raw)
        $last | Should -HaveCount 1
        $last[0] | Should -Match 'invocation failed'
    }

    It 'filters with -Agent and -Since' {
        @(Get-AgentSpecLog dev -StatePath $statePath -Agent 'assist*').Message | Should -BeExactly @('provider rejected key ***REDACTED***')
        @(Get-AgentSpecLog dev -StatePath $statePath -Since ([DateTimeOffset]::UtcNow.AddMinutes(5).ToString('o'))) | Should -HaveCount 0
        @(Get-AgentSpecLog dev -StatePath $statePath -Since 1h).Count | Should -Be @(Get-AgentSpecLog dev -StatePath $statePath).Count
        { Get-AgentSpecLog dev -StatePath $statePath -Since 'yesterday-ish' } | Should -Throw -ErrorId 'InvalidSince,AgentSpec.Commands.GetAgentSpecLogCommand'
    }

    It 'streams new records with -Follow until the pipeline is stopped' {
        # BeforeAll appended lines behind the runtime's back; the runtime writes at its own position and overwrites
        # them. Let it write past them first, so the file ends with its own complete line again.
        for ($i = 0; $i -lt 20; $i++) {
            $warm = '/warm-' + [guid]::NewGuid().ToString('N')
            $null = Invoke-WebRequest -Uri "http://127.0.0.1:$port$warm" -UseBasicParsing -SkipHttpErrorCheck
            Start-Sleep -Milliseconds 50
            if ((Get-Content -LiteralPath $logFile -Tail 1) -match [regex]::Escape($warm)) { break }
        }

        $follower = [powershell]::Create()
        try {
            $null = $follower.AddScript({
                param($ModulePath, $StatePath)
                Import-Module $ModulePath
                Get-AgentSpecLog dev -StatePath $StatePath -Tail 1 -Follow
            }).AddArgument((Get-Module AgentSpec).Path).AddArgument($statePath)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $pipeInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $pipeInput.Complete()
            $null = $follower.BeginInvoke($pipeInput, $output)
            # An open PSDataCollection blocks its enumerator: take what has arrived with ReadAll instead.
            $seen = [System.Collections.Generic.List[object]]::new()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($seen.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100; $seen.AddRange($output.ReadAll()) }
            $seen.Count | Should -Be 1 -Because 'the last existing record comes first'

            # Invoke the runtime on a path no one else uses: its request record must arrive while -Follow runs.
            $marker = '/v1/agents/assistant/follow-' + [guid]::NewGuid().ToString('N')
            $null = Invoke-WebRequest -Uri "http://127.0.0.1:$port$marker" -UseBasicParsing -SkipHttpErrorCheck
            $followed = @()
            while ($followed.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
                $seen.AddRange($output.ReadAll())
                $followed = @($seen | Where-Object { $_.Fields['path'] -eq $marker })
            }
            $followed | Should -HaveCount 1 -Because (($seen | ForEach-Object Raw) -join ' | ')
            $followed[0].Message | Should -BeExactly 'request'
            $followed[0].Fields['status'] | Should -Be 404
            $follower.InvocationStateInfo.State | Should -Be 'Running'

            $follower.Stop()
            $follower.InvocationStateInfo.State | Should -Be 'Stopped'
            $follower.Streams.Error.Count | Should -Be 0
        }
        finally {
            $follower.Dispose()
        }
    }

    It 'reports unknown targets and missing state as non-terminating errors' {
        @(Get-AgentSpecLog nope -StatePath $statePath -ErrorVariable problems -ErrorAction SilentlyContinue) | Should -HaveCount 0
        $problems[0].FullyQualifiedErrorId | Should -BeExactly 'TargetNotInState,AgentSpec.Commands.GetAgentSpecLogCommand'
        @(Get-AgentSpecLog dev -StatePath (Join-Path $TestDrive 'missing.json') -ErrorVariable missing -ErrorAction SilentlyContinue) | Should -HaveCount 0
        $missing[0].FullyQualifiedErrorId | Should -BeExactly 'StateNotFound,AgentSpec.Commands.GetAgentSpecLogCommand'
    }
}
