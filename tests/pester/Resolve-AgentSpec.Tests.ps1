# Resolve-AgentSpec against the built module (deployment spec §10.3.4, §2.2, §10.2).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $production = Get-CorpusPath 'seed/production-best-practices.ias'

    # Three deploys and none is the default.
    $AmbiguousSpec = @'
package "trio" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "claude-sonnet-4-20250514"
}

deploy "dev" target "process" {
}

deploy "staging" target "docker" {
}

deploy "production" target "kubernetes" {
  resources {
    cpu "500m"
    memory "512Mi"
  }
  health {
    path "/healthz"
  }
}

'@.Replace("`r`n", "`n")
}

Describe 'Resolve-AgentSpec' {
    Context 'the production seed example' {
        BeforeAll {
            $resolved = Resolve-AgentSpec $production -Environment prod -Target production
        }

        It 'outputs one AgentSpec.ResolvedDeployment for the target' {
            @($resolved) | Should -HaveCount 1
            $resolved | Should -BeOfType ([AgentSpec.ResolvedDeployment])
            $resolved.Target | Should -BeExactly 'production'
            $resolved.Kind | Should -BeExactly 'kubernetes'
            $resolved.Environment | Should -BeExactly 'prod'
            $resolved.Package.Name | Should -BeExactly 'production-best-practices'
            $resolved.IsValid | Should -BeTrue
            $resolved.HasPolicyViolations | Should -BeFalse
        }

        It 'has the deploy settings with their values' {
            $resolved.Units | Should -HaveCount 1
            $settings = $resolved.Units[0].Settings
            $settings.Replicas | Should -Be 3
            $settings.Namespace | Should -BeExactly 'agents'
            $settings.Resources.Cpu.Text | Should -BeExactly '1'
            $settings.Resources.Cpu.Millicores | Should -Be 1000
            $settings.Resources.Memory.Text | Should -BeExactly '1Gi'
            $settings.Resources.Memory.Bytes | Should -Be 1073741824
            $settings.Autoscale.Min | Should -Be 3
            $settings.Autoscale.Max | Should -Be 10
            $settings.Secrets['ANTHROPIC_API_KEY'] | Should -BeExactly 'api-key'
            $resolved.Units[0].ServedAgents | Should -BeExactly @('assistant')
        }

        It 'names secrets without values' {
            $resolved.SecretReferences.Name | Should -Contain 'api-key'
        }

        It 'converts to JSON with ConvertTo-Json -Depth 20' {
            $json = $resolved | ConvertTo-Json -Depth 20 -WarningVariable depthWarnings -WarningAction SilentlyContinue
            $depthWarnings | Should -BeNullOrEmpty
            $back = $json | ConvertFrom-Json
            $back.Target | Should -BeExactly 'production'
            $back.Units[0].Settings.Replicas | Should -Be 3
            $back.Units[0].Settings.Resources.Cpu.Text | Should -BeExactly '1'
            $back.Units[0].Settings.Resources.Memory.Text | Should -BeExactly '1Gi'
            $back.Units[0].Settings.Autoscale.Min | Should -Be 3
            $back.Units[0].Settings.Autoscale.Max | Should -Be 10
        }

        It 'gives the canonical JSON form with ToJson()' {
            $canonical = $resolved.ToJson() | ConvertFrom-Json
            $canonical | Should -Not -BeNullOrEmpty
            $resolved.ToJson() | Should -Not -Match 'sk-ant-'
        }

        It 'chooses the default deploy without -Target' {
            $default = Resolve-AgentSpec $production
            $default.Target | Should -BeExactly 'dev'
            $default.Kind | Should -BeExactly 'process'
            $default.Environment | Should -BeNullOrEmpty
        }

        It 'outputs one object per deploy block with -All' {
            $all = @(Resolve-AgentSpec $production -Environment prod -All)
            $all.Target | Should -BeExactly @('dev', 'production')
        }

        It 'shows a table with Target, Kind, Environment, Package and Units' {
            $text = $resolved | Out-String -Width 200
            $text | Should -Match 'Target\s+Kind\s+Environment\s+Package\s+Units'
            $text | Should -Match 'production\s+kubernetes\s+prod\s+production-best-practices 1\.0\.0\s+production-best-practices-production'
            $units = $resolved.Units | Out-String -Width 200
            $units | Should -Match 'Name\s+Deploy\s+Kind\s+Replicas\s+Port\s+Agents'
        }
    }

    Context 'policy violations' {
        It 'writes them as warnings, keeps them in Diagnostics and writes no error record' {
            $resolved = Resolve-AgentSpec $production -Environment dev -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors
            $resolved | Should -Not -BeNullOrEmpty
            $errors | Should -BeNullOrEmpty
            $warnings | Should -HaveCount 1
            "$($warnings[0])" | Should -Match 'error AS4001: policy "production-safety" forbids model "claude-haiku-latest"'
            $resolved.HasPolicyViolations | Should -BeTrue
            @($resolved.Diagnostics | Where-Object Code -EQ AS4001) | Should -HaveCount 1
        }
    }

    Context 'errors' {
        BeforeAll {
            $trio = New-SpecFile (Join-Path $TestDrive 'trio/trio.ias') $AmbiguousSpec
            $invalid = New-SpecFile (Join-Path $TestDrive 'invalid/invalid.ias') ($AmbiguousSpec + "agent `"second`" {`n  uses prompt `"sytem`"`n  model `"m`"`n}`n")
            $none = New-SpecFile (Join-Path $TestDrive 'none/none.ias') $CanonicalSpec

            function Get-ResolveError([scriptblock] $Invocation) {
                try { & $Invocation; $null } catch { $_ }
            }
        }

        It 'stops with EnvironmentNotFound (ObjectNotFound), suggesting the closest name' {
            $record = Get-ResolveError { Resolve-AgentSpec $production -Environment prd -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'EnvironmentNotFound,AgentSpec.Commands.ResolveAgentSpecCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $record.TargetObject | Should -BeExactly 'prd'
            $record.Exception | Should -BeOfType ([AgentSpec.EnvironmentNotFoundException])
            $record.Exception.Message | Should -Match 'Did you mean "prod"\?'
            $record.Exception.Message | Should -Match 'dev, prod'
        }

        It 'stops with TargetNotFound, listing every deploy with its kind' {
            $record = Get-ResolveError { Resolve-AgentSpec $trio -Target Staging -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'TargetNotFound,AgentSpec.Commands.ResolveAgentSpecCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $record.TargetObject | Should -BeExactly 'Staging'
            $record.Exception.Message | Should -Match 'dev \(process\), staging \(docker\), production \(kubernetes\)'
            $record.Exception.Message | Should -Match 'Did you mean "staging"\?'
        }

        It 'stops with TargetAmbiguous (InvalidArgument) when no deploy is the default' {
            $record = Get-ResolveError { Resolve-AgentSpec $trio -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'TargetAmbiguous,AgentSpec.Commands.ResolveAgentSpecCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
            $record.TargetObject | Should -BeExactly @('dev', 'staging', 'production')
            $record.Exception.Message | Should -BeExactly 'Package "trio" declares 3 deploy targets and none is the default: dev (process), staging (docker), production (kubernetes). Pass -Target.'
            $record.ErrorDetails.RecommendedAction | Should -Match '-Target'
        }

        It 'stops with NoDeployTargets when the package has no deploy block' {
            $record = Get-ResolveError { Resolve-AgentSpec $none -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'NoDeployTargets,AgentSpec.Commands.ResolveAgentSpecCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $record = Get-ResolveError { Resolve-AgentSpec $none -All -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'NoDeployTargets,AgentSpec.Commands.ResolveAgentSpecCommand'
        }

        It 'stops with SpecInvalid (InvalidData) whose target object is the error diagnostics' {
            $record = Get-ResolveError { Resolve-AgentSpec $invalid -Target dev -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -BeExactly 'SpecInvalid,AgentSpec.Commands.ResolveAgentSpecCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $record.TargetObject.GetType() | Should -Be ([AgentSpec.Diagnostic[]])
            $record.TargetObject[0].Code | Should -BeExactly 'AS2002'
            $record.Exception | Should -BeOfType ([AgentSpec.SpecInvalidException])
        }

        It 'stops with a terminating SpecFileNotFound for a missing path' {
            $record = Get-ResolveError { Resolve-AgentSpec (Join-Path $TestDrive 'missing.ias') -ErrorAction SilentlyContinue; 'not reached' }
            $record.FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.ResolveAgentSpecCommand'
        }

        It 'refuses -All together with -Target' {
            { Resolve-AgentSpec $production -All -Target dev } | Should -Throw -ErrorId 'ParameterConflict,AgentSpec.Commands.ResolveAgentSpecCommand'
        }
    }

    Context 'parameter binding' {
        It 'binds files piped from Get-ChildItem and takes -LiteralPath' {
            (Get-Item -LiteralPath $production | Resolve-AgentSpec -Target production).Target | Should -BeExactly 'production'
            (Resolve-AgentSpec -LiteralPath $production -Target production).Target | Should -BeExactly 'production'
        }
    }
}
