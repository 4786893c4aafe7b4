# The built module as a whole: manifest, exported cmdlets, help, documentation and views (deployment spec §10.4).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $manifestPath = Get-ModuleManifestPath
    $expectedCmdlets = @('Export-AgentSpec', 'Format-AgentSpec', 'Get-AgentSpec', 'Get-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Get-AgentSpecLog', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Remove-AgentSpecDeployment', 'Resolve-AgentSpec', 'Restore-AgentSpecDeployment', 'Test-AgentSpec', 'Unlock-AgentSpecState')
    $docsPath = Join-Path $RepoRoot 'docs/cmdlets'
    $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-DocSection([string] $Text, [string] $Heading) {
        <# The body of one '## Heading' section of a platyPS page. #>
        $match = [regex]::Match($Text, '(?ms)^## ' + [regex]::Escape($Heading) + '\s*$(.*?)(?=^## |\z)')
        if (-not $match.Success) { throw "no '## $Heading' section" }
        $match.Groups[1].Value
    }

    function Get-ExampleCode([string] $File) {
        $examples = Get-DocSection (Get-Content -Raw -LiteralPath $File) 'EXAMPLES'
        [regex]::Matches($examples, '(?ms)^```powershell\s*$(.*?)^```') | ForEach-Object { $_.Groups[1].Value.Trim() }
    }
}

Describe 'AgentSpec module' {
    Context 'manifest' {
        BeforeAll {
            $data = Import-PowerShellDataFile -LiteralPath $manifestPath
            $sourceData = Import-PowerShellDataFile -LiteralPath (Join-Path $RepoRoot 'AgentSpec.psd1')
        }

        It 'has a ModuleVersion equal to the Version in Directory.Build.props' {
            $sourceData.ModuleVersion | Should -BeExactly (Get-RepoVersion)
            $data.ModuleVersion | Should -BeExactly (Get-RepoVersion)
        }

        It 'is laid out as out/AgentSpec/VERSION/ with the assemblies, views and help' {
            $base = Split-Path -Parent $manifestPath
            Split-Path -Leaf $base | Should -BeExactly (Get-RepoVersion)
            foreach ($file in 'AgentSpec.format.ps1xml', 'AgentSpec.types.ps1xml', 'bin/AgentSpec.PowerShell.dll',
                'bin/AgentSpec.Language.dll', 'bin/Superpower.dll', 'en-US/AgentSpec.PowerShell.dll-Help.xml') {
                Join-Path $base $file | Should -Exist
            }
            Join-Path $base 'bin/System.Management.Automation.dll' | Should -Not -Exist
        }

        It 'passes Test-ModuleManifest' {
            $module = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
            $module.Name | Should -BeExactly 'AgentSpec'
        }

        It 'follows the manifest rules' {
            $data.RootModule | Should -BeExactly 'bin/AgentSpec.PowerShell.dll'
            $data.PowerShellVersion | Should -BeExactly '7.6'
            $data.CompatiblePSEditions | Should -BeExactly @('Core')
            $data.GUID | Should -Match '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
            $data.FormatsToProcess | Should -BeExactly @('AgentSpec.format.ps1xml')
            $data.TypesToProcess | Should -BeExactly @('AgentSpec.types.ps1xml')
            @($data.FunctionsToExport) | Should -HaveCount 0
            @($data.AliasesToExport) | Should -HaveCount 0
            @($data.VariablesToExport) | Should -HaveCount 0
            $data.Keys | Should -Not -Contain 'NestedModules'
            $data.Keys | Should -Not -Contain 'RequiredAssemblies'
            $data.Keys | Should -Not -Contain 'RequiredModules'
            $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
            $data.PrivateData.PSData.Tags | Should -Contain 'IntentLang'
        }

        It 'lists the cmdlets explicitly, without wildcards' {
            @($data.CmdletsToExport | Sort-Object) | Should -BeExactly $expectedCmdlets
            $data.CmdletsToExport | ForEach-Object { [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($_) | Should -BeFalse }
        }
    }

    Context 'exported commands' {
        It 'exports exactly the listed cmdlets' {
            @(Get-Command -Module AgentSpec | Sort-Object Name | ForEach-Object Name) | Should -BeExactly $expectedCmdlets
            Get-Command -Module AgentSpec | ForEach-Object { $_.CommandType | Should -Be 'Cmdlet' }
        }

        It 'implements <_> in AgentSpec.Commands' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $type = (Get-Command $_).ImplementingType
            $type.Namespace | Should -BeExactly 'AgentSpec.Commands'
            $type.Name | Should -BeExactly (($_ -replace '-', '') + 'Command')
        }

        It 'gives <_> help with a synopsis, a description, examples and described parameters' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $help = Get-Help $_ -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -Match '^\s*\w+-AgentSpec \['
            $help.description | Should -Not -BeNullOrEmpty
            @($help.examples.example).Count | Should -BeGreaterOrEqual 2
            foreach ($parameter in $help.parameters.parameter) {
                "$($parameter.description.Text)" | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) of $_ needs a description"
            }
        }
    }

    Context 'docs/cmdlets' {
        It 'documents <_> in the platyPS schema' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $file = Join-Path $docsPath "$_.md"
            $file | Should -Exist
            $text = Get-Content -Raw -LiteralPath $file
            $text | Should -Match '(?m)^external help file: AgentSpec\.PowerShell\.dll-Help\.xml\s*$'
            $text | Should -Match '(?m)^Module Name: AgentSpec\s*$'
            $text | Should -Match '(?m)^online version: '
            $text | Should -Match '(?m)^schema: 2\.0\.0\s*$'
            foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
                $text | Should -Match "(?m)^## $section\s*$"
            }
        }

        It 'documents every parameter of <_>, and only real ones' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $command = Get-Command $_
            $text = Get-Content -Raw -LiteralPath (Join-Path $docsPath "$_.md")
            $documented = @([regex]::Matches((Get-DocSection $text 'PARAMETERS'), '(?m)^### -(\w+)\s*$') | ForEach-Object { $_.Groups[1].Value })
            $actual = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters })
            if ($command.Parameters.ContainsKey('WhatIf')) { $actual += 'WhatIf', 'Confirm' }
            @($documented | Sort-Object) | Should -BeExactly @($actual | Sort-Object)
        }

        It 'documents every parameter set of <_>' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $command = Get-Command $_
            $text = Get-Content -Raw -LiteralPath (Join-Path $docsPath "$_.md")
            $sets = @([regex]::Matches((Get-DocSection $text 'SYNTAX'), '(?m)^### (\w+)') | ForEach-Object { $_.Groups[1].Value })
            @($sets | Sort-Object) | Should -BeExactly @($command.ParameterSets.Name | Sort-Object)
            # A cmdlet with one parameter set has no default set to mark.
            if ($command.DefaultParameterSet) { $text | Should -Match "(?m)^### $($command.DefaultParameterSet) \(Default\)\s*$" }
        }

        It 'has examples in <_> that parse' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec', 'Get-AgentSpecPlan', 'Invoke-AgentSpecApply', 'Get-AgentSpecDeployment', 'Remove-AgentSpecDeployment', 'Get-AgentSpecHistory', 'Restore-AgentSpecDeployment', 'Unlock-AgentSpecState', 'Export-AgentSpec', 'Get-AgentSpecLog') {
            $examples = @(Get-ExampleCode (Join-Path $docsPath "$_.md"))
            $examples.Count | Should -BeGreaterOrEqual 2
            foreach ($code in $examples) {
                $tokens = $null
                $errors = $null
                $null = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $tokens, [ref] $errors)
                $errors | Should -BeNullOrEmpty -Because "the example '$code' must parse"
            }
        }

        # The deployment cmdlets' examples start processes and need a runtime: the workflow tests cover them.
        It 'has examples in <_> that run against a copy of examples/' -ForEach @('Format-AgentSpec', 'Get-AgentSpec', 'Resolve-AgentSpec', 'Test-AgentSpec') {
            $workspace = Join-Path $TestDrive "run-$_"
            $null = New-Item -ItemType Directory -Force -Path $workspace
            Copy-Item -LiteralPath (Join-Path $RepoRoot 'examples') -Destination $workspace -Recurse
            Push-Location -LiteralPath $workspace
            try {
                foreach ($code in Get-ExampleCode (Join-Path $docsPath "$_.md")) {
                    $block = [scriptblock]::Create($code)
                    { $null = & { $ErrorActionPreference = 'Stop'; & $block } 6>$null 3>$null } | Should -Not -Throw -Because "the example '$code' must run"
                }
            }
            finally {
                Pop-Location
            }
        }
    }

    Context 'about topics' {
        It 'ships about_AgentSpec_Diagnostics in en-US and Get-Help finds it' {
            Join-Path (Split-Path -Parent $manifestPath) 'en-US/about_AgentSpec_Diagnostics.help.txt' | Should -Exist
            $help = Get-Help about_AgentSpec_Diagnostics | Out-String
            $help | Should -Match 'AS6xxx warnings become errors with -Strict'
        }
    }

    Context 'views' {
        It 'shows diagnostics as a table with Severity, Code, Location and Message' {
            $broken = New-SpecFile (Join-Path $TestDrive 'view/broken.ias') $BrokenSpec
            $text = Test-AgentSpec $broken -Detailed | Out-String -Width 200
            $text | Should -Match 'Severity\s+Code\s+Location\s+Message'
            $text | Should -Match ([regex]::Escape($broken) + ':\d+:\d+')
        }
    }
}
