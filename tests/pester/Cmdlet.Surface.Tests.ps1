# The deployment cmdlets' declared surface against the syntax blocks of deployment spec §10.3.5–§10.3.13: parameter
# names, parameter sets, positions, aliases, pipeline binding, defaults, output types and ConfirmImpact.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    function Get-Parameter([string] $Command, [string] $Name, [string] $Set) {
        <# The parameter's metadata in one parameter set (the default set when -Set is omitted). #>
        $info = Get-Command $Command
        $sets = if ($Set) { $info.ParameterSets | Where-Object Name -EQ $Set } else { $info.ParameterSets }
        $found = $sets | ForEach-Object { $_.Parameters } | Where-Object Name -EQ $Name | Select-Object -First 1
        if (-not $found) { throw "$Command has no parameter -$Name$(if ($Set) { " in set $Set" })" }
        $found
    }

    function Get-CmdletAttribute([string] $Command) {
        (Get-Command $Command).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    }

    function Get-Default([string] $Command, [string] $Property) {
        <# The value a parameter has when it is not bound: the property of a fresh cmdlet instance. #>
        [Activator]::CreateInstance((Get-Command $Command).ImplementingType).$Property
    }
}

Describe 'Deployment cmdlet surface (deployment spec §10.3)' {
    It '<Command> declares every parameter of its syntax block' -ForEach @(
        @{ Command = 'Get-AgentSpecPlan'; Names = 'Path', 'LiteralPath', 'InputObject', 'Environment', 'Target', 'StatePath', 'Refresh', 'Destroy', 'OutFile', 'DetailedExitCode', 'ExpectNoChanges', 'NoSecrets', 'BaseImage', 'Context', 'KubeConfig', 'SecretVault', 'SecretProvider' }
        @{ Command = 'Invoke-AgentSpecApply'; Names = 'Path', 'LiteralPath', 'Plan', 'PlanFile', 'Environment', 'Target', 'Refresh', 'BaseImage', 'StatePath', 'AutoApprove', 'LockTimeout', 'Parallelism', 'HealthTimeout', 'OperationTimeout', 'SkipHealthCheck', 'Context', 'KubeConfig', 'SecretVault', 'SecretProvider', 'WhatIf', 'Confirm' }
        @{ Command = 'Get-AgentSpecDeployment'; Names = 'Target', 'StatePath', 'Path', 'NoHealth', 'Context', 'KubeConfig' }
        @{ Command = 'Remove-AgentSpecDeployment'; Names = 'Target', 'StatePath', 'Path', 'Force', 'KeepImages', 'KeepNamespace', 'LockTimeout', 'Context', 'KubeConfig', 'WhatIf', 'Confirm' }
        @{ Command = 'Get-AgentSpecHistory'; Names = 'Target', 'StatePath', 'Path', 'Serial', 'Last', 'IncludeSnapshot' }
        @{ Command = 'Restore-AgentSpecDeployment'; Names = 'Target', 'Serial', 'Previous', 'BaseImage', 'StatePath', 'AutoApprove', 'LockTimeout', 'Parallelism', 'HealthTimeout', 'OperationTimeout', 'SkipHealthCheck', 'Context', 'KubeConfig', 'SecretVault', 'SecretProvider', 'WhatIf', 'Confirm' }
        @{ Command = 'Export-AgentSpec'; Names = 'Path', 'LiteralPath', 'Environment', 'Target', 'OutputPath', 'Format', 'StatePath', 'BaseImage', 'IncludeRuntime', 'Force' }
        @{ Command = 'Unlock-AgentSpecState'; Names = 'LockId', 'Force', 'StatePath', 'Path', 'PassThru' }
        @{ Command = 'Get-AgentSpecLog'; Names = 'Target', 'StatePath', 'Path', 'Tail', 'Since', 'Follow', 'Agent', 'Raw', 'Context', 'KubeConfig' }
    ) {
        $declared = (Get-Command $Command).Parameters.Keys
        foreach ($name in $Names) { $declared | Should -Contain $name -Because "$Command -$name is in its syntax block" }
    }

    It '<Command> is ConfirmImpact <Impact>' -ForEach @(
        @{ Command = 'Invoke-AgentSpecApply'; Impact = 'High' }
        @{ Command = 'Remove-AgentSpecDeployment'; Impact = 'High' }
        @{ Command = 'Restore-AgentSpecDeployment'; Impact = 'High' }
        @{ Command = 'Unlock-AgentSpecState'; Impact = 'High' }
        @{ Command = 'Export-AgentSpec'; Impact = 'Low' }
    ) {
        $attribute = Get-CmdletAttribute $Command
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be $Impact
    }

    It '<Command> changes nothing and has no -WhatIf' -ForEach @(
        @{ Command = 'Get-AgentSpecPlan' }, @{ Command = 'Get-AgentSpecDeployment' }, @{ Command = 'Get-AgentSpecHistory' }, @{ Command = 'Get-AgentSpecLog' }
    ) {
        (Get-CmdletAttribute $Command).SupportsShouldProcess | Should -BeFalse
    }

    It '<Command> outputs <Type>' -ForEach @(
        @{ Command = 'Get-AgentSpecPlan'; Type = 'AgentSpec.Plan' }
        @{ Command = 'Invoke-AgentSpecApply'; Type = 'AgentSpec.ApplyResult' }
        @{ Command = 'Get-AgentSpecDeployment'; Type = 'AgentSpec.DeploymentStatus' }
        @{ Command = 'Remove-AgentSpecDeployment'; Type = 'AgentSpec.ApplyResult' }
        @{ Command = 'Get-AgentSpecHistory'; Type = 'AgentSpec.HistoryEntry' }
        @{ Command = 'Restore-AgentSpecDeployment'; Type = 'AgentSpec.ApplyResult' }
        @{ Command = 'Export-AgentSpec'; Type = 'System.IO.FileInfo' }
        @{ Command = 'Unlock-AgentSpecState'; Type = 'AgentSpec.StateLockInfo' }
        @{ Command = 'Get-AgentSpecLog'; Type = 'AgentSpec.LogRecord' }
    ) {
        (Get-Command $Command).OutputType.Name | Should -Contain $Type
    }

    It '<Command> -<Name> binds by property name' -ForEach @(
        @{ Command = 'Remove-AgentSpecDeployment'; Name = 'Target' }
        @{ Command = 'Remove-AgentSpecDeployment'; Name = 'StatePath' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'Target' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'Serial' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'StatePath' }
        @{ Command = 'Get-AgentSpecLog'; Name = 'Target' }
        @{ Command = 'Get-AgentSpecLog'; Name = 'StatePath' }
    ) {
        (Get-Parameter $Command $Name).ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It '<Command> -<Name> takes the pipeline object itself' -ForEach @(
        @{ Command = 'Get-AgentSpecPlan'; Name = 'InputObject'; Type = 'AgentSpec.ResolvedDeployment' }
        @{ Command = 'Invoke-AgentSpecApply'; Name = 'Plan'; Type = 'AgentSpec.Plan' }
    ) {
        $parameter = Get-Parameter $Command $Name
        $parameter.ValueFromPipeline | Should -BeTrue
        $parameter.ParameterType.FullName | Should -BeExactly $Type
    }

    It '<Command> -<Name> has alias <Alias>' -ForEach @(
        @{ Command = 'Remove-AgentSpecDeployment'; Name = 'Target'; Alias = 'Name' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'Target'; Alias = 'Name' }
        @{ Command = 'Get-AgentSpecLog'; Name = 'Target'; Alias = 'Name' }
        @{ Command = 'Invoke-AgentSpecApply'; Name = 'AutoApprove'; Alias = 'Force' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'AutoApprove'; Alias = 'Force' }
    ) {
        (Get-Parameter $Command $Name).Aliases | Should -Contain $Alias
    }

    It '<Command> -<Name> is the mandatory first positional parameter' -ForEach @(
        @{ Command = 'Remove-AgentSpecDeployment'; Name = 'Target' }
        @{ Command = 'Restore-AgentSpecDeployment'; Name = 'Target' }
        @{ Command = 'Get-AgentSpecLog'; Name = 'Target' }
        @{ Command = 'Unlock-AgentSpecState'; Name = 'LockId' }
    ) {
        $parameter = Get-Parameter $Command $Name
        ($parameter.Position, $parameter.IsMandatory) | Should -Be @(0, $true)
    }

    It '<Command> -Target is optional, positional and takes several names' -ForEach @(
        @{ Command = 'Get-AgentSpecDeployment' }, @{ Command = 'Get-AgentSpecHistory' }
    ) {
        $parameter = Get-Parameter $Command 'Target'
        ($parameter.Position, $parameter.IsMandatory, $parameter.ParameterType) | Should -Be @(0, $false, [string[]])
    }

    It 'Remove-AgentSpecDeployment -KeepImages and -KeepNamespace are switches' {
        (Get-Parameter Remove-AgentSpecDeployment KeepImages).ParameterType | Should -Be ([switch])
        (Get-Parameter Remove-AgentSpecDeployment KeepNamespace).ParameterType | Should -Be ([switch])
    }

    It 'Invoke-AgentSpecApply offers -Refresh and -BaseImage only where a plan is computed' {
        foreach ($set in 'Plan', 'PlanFile') {
            $names = ((Get-Command Invoke-AgentSpecApply).ParameterSets | Where-Object Name -EQ $set).Parameters.Name
            $names | Should -Not -Contain 'Refresh'
            $names | Should -Not -Contain 'BaseImage'
        }
        (Get-Parameter Invoke-AgentSpecApply Refresh Path).Name | Should -Be 'Refresh'
        (Get-Parameter Invoke-AgentSpecApply BaseImage LiteralPath).Name | Should -Be 'BaseImage'
    }

    It 'Restore-AgentSpecDeployment has the Serial and Previous sets, each mandatory in its own' {
        (Get-Parameter Restore-AgentSpecDeployment Serial Serial).IsMandatory | Should -BeTrue
        (Get-Parameter Restore-AgentSpecDeployment Previous Previous).IsMandatory | Should -BeTrue
        ((Get-Command Restore-AgentSpecDeployment).ParameterSets | Where-Object Name -EQ 'Previous').Parameters.Name | Should -Not -Contain 'Serial'
    }

    It 'Unlock-AgentSpecState has the LockId and Force sets' {
        (Get-Parameter Unlock-AgentSpecState Force Force).IsMandatory | Should -BeTrue
        ((Get-Command Unlock-AgentSpecState).ParameterSets | Where-Object Name -EQ 'Force').Parameters.Name | Should -Not -Contain 'LockId'
    }

    It 'Export-AgentSpec -Format accepts exactly the formats of the spec, default Auto' {
        $validate = (Get-Command Export-AgentSpec).Parameters['Format'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $validate.ValidValues | Sort-Object | Should -Be @('Auto', 'Compose', 'Dockerfile', 'Json', 'Kubernetes', 'Process')
        Get-Default Export-AgentSpec Format | Should -BeExactly 'Auto'
        (Get-Parameter Export-AgentSpec OutputPath).IsMandatory | Should -BeTrue
    }

    It 'has the documented defaults: -Last 20, -Tail 200, -Parallelism 4' {
        Get-Default Get-AgentSpecHistory Last | Should -Be 20
        Get-Default Get-AgentSpecLog Tail | Should -Be 200
        Get-Default Invoke-AgentSpecApply Parallelism | Should -Be 4
        Get-Default Restore-AgentSpecDeployment Parallelism | Should -Be 4
    }
}
