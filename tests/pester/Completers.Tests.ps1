# Argument completers of -Target and -Environment on Test-AgentSpec and Resolve-AgentSpec (deployment spec §10.4).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $production = Get-CorpusPath 'seed/production-best-practices.ias'

    function Get-Completion([string] $InputScript) {
        @((TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches)
    }
}

Describe 'argument completers' {
    It 'completes -Target of <Command> with the deploy names and a descriptive tooltip' -ForEach @(
        @{ Command = 'Test-AgentSpec' }
        @{ Command = 'Resolve-AgentSpec' }
    ) {
        $completions = Get-Completion "$Command '$production' -Target "
        $completions.CompletionText | Should -BeExactly @('dev', 'production')
        ($completions | Where-Object CompletionText -EQ 'production').ToolTip | Should -BeExactly 'kubernetes · namespace agents'
        ($completions | Where-Object CompletionText -EQ 'dev').ToolTip | Should -BeExactly 'process · default'
        $completions[0].ResultType | Should -Be ([System.Management.Automation.CompletionResultType]::ParameterValue)
    }

    It 'completes -Environment of <Command> with the environment names' -ForEach @(
        @{ Command = 'Test-AgentSpec' }
        @{ Command = 'Resolve-AgentSpec' }
    ) {
        (Get-Completion "$Command '$production' -Environment ").CompletionText | Should -BeExactly @('dev', 'prod')
    }

    It 'matches the typed prefix case-insensitively' {
        (Get-Completion "Resolve-AgentSpec -Path '$production' -Target PRO").CompletionText | Should -BeExactly @('production')
        (Get-Completion "Test-AgentSpec -LiteralPath '$production' -Environment P").CompletionText | Should -BeExactly @('prod')
    }

    It 'resolves a relative -Path against the current location' {
        Push-Location -LiteralPath (Split-Path -Parent $production)
        try {
            (Get-Completion "Test-AgentSpec ./production-best-practices.ias -Target d").CompletionText | Should -BeExactly @('dev')
        }
        finally {
            Pop-Location
        }
    }

    It 'quotes names that are not one bare word' {
        $spec = New-SpecFile (Join-Path $TestDrive 'quoted/spec.ias') ($CanonicalSpec + @'
deploy "my target" target "process" {
  default true
}

'@.Replace("`r`n", "`n"))
        (Get-Completion "Resolve-AgentSpec '$spec' -Target my").CompletionText | Should -BeExactly @("'my target'")
    }

    It 'offers no deploy or environment names without a readable spec' {
        $missing = Join-Path $TestDrive 'missing.ias'
        @(Get-Completion "Test-AgentSpec '$missing' -Target " | Where-Object ResultType -EQ ParameterValue) | Should -HaveCount 0
        $broken = New-SpecFile (Join-Path $TestDrive 'broken/broken.ias') $BrokenSpec
        { Get-Completion "Test-AgentSpec '$broken' -Environment " } | Should -Not -Throw
    }
}
