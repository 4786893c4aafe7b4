# Test-AgentSpec against the built module (deployment spec §10.3.1).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedCi = Save-CiEnvironment
}

AfterAll {
    Restore-CiEnvironment $savedCi
}

Describe 'Test-AgentSpec' {
    BeforeAll {
        $specs = Join-Path $TestDrive 'specs'
        $valid = New-SpecFile (Join-Path $specs 'valid.ias') $CanonicalSpec
        $second = New-SpecFile (Join-Path $specs 'second.ias') $UnformattedSpec
        $broken = New-SpecFile (Join-Path $TestDrive 'broken/broken.ias') $BrokenSpec
        $warning = New-SpecFile (Join-Path $TestDrive 'warning/warning.ias') $WarningSpec
        $bracketed = New-SpecFile (Join-Path $TestDrive 'literal/spec[1].ias') $CanonicalSpec
        $package = New-SpecFile (Join-Path $TestDrive 'package/main.ias') $CanonicalSpec
    }

    AfterEach {
        foreach ($name in $CiVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    Context 'results' {
        It 'outputs $true for the production best-practices seed example' {
            $result = Test-AgentSpec (Get-CorpusPath 'seed/production-best-practices.ias') 6>$null 3>$null
            $result | Should -BeExactly $true
            $result | Should -BeOfType [bool]
        }

        It 'outputs $false for a file with a syntax error, without writing an error record' {
            $result = Test-AgentSpec $broken -ErrorVariable errors 6>$null 3>$null
            $result | Should -BeExactly $false
            $errors | Should -BeNullOrEmpty
        }

        It 'outputs located Error diagnostics with -Detailed instead of a Boolean' {
            $diagnostics = @(Test-AgentSpec $broken -Detailed)
            $diagnostics | Should -Not -BeNullOrEmpty
            $diagnostics | ForEach-Object { $_ | Should -BeOfType ([AgentSpec.Diagnostic]) }
            $errors = @($diagnostics | Where-Object Severity -EQ ([AgentSpec.DiagnosticSeverity]::Error))
            $errors | Should -Not -BeNullOrEmpty
            $errors[0].Code | Should -Match '^AS1\d{3}$'
            $errors[0].Line | Should -BeGreaterThan 0
            $errors[0].Column | Should -BeGreaterThan 0
            $errors[0].File | Should -Be $broken
        }

        It 'outputs nothing with -Detailed for a clean file' {
            @(Test-AgentSpec $valid -Detailed) | Should -HaveCount 0
        }

        It 'treats a directory as one package' {
            $result = @(Test-AgentSpec (Split-Path -Parent $package) 6>$null 3>$null)
            $result | Should -HaveCount 1
            $result[0] | Should -BeExactly $true
        }
    }

    Context 'parameter binding' {
        It 'expands wildcards in -Path (position 0), one result per file' {
            $result = @(Test-AgentSpec (Join-Path $specs '*.ias') 6>$null 3>$null)
            $result | Should -HaveCount 2
            $result | Should -Not -Contain $false
        }

        It 'binds files piped from Get-ChildItem' {
            $result = @(Get-ChildItem -LiteralPath $specs -Filter '*.ias' | Test-AgentSpec 6>$null 3>$null)
            $result | Should -HaveCount 2
        }

        It 'binds piped strings to -Path' {
            $result = @($valid, $second | Test-AgentSpec 6>$null 3>$null)
            $result | Should -HaveCount 2
        }

        It 'binds a Path property by name' {
            $result = @([pscustomobject]@{ Path = $valid } | Test-AgentSpec 6>$null 3>$null)
            $result | Should -BeExactly @($true)
        }

        It 'takes -LiteralPath and its aliases PSPath and LP without wildcard expansion' {
            Test-AgentSpec -LiteralPath $bracketed 6>$null | Should -BeExactly $true
            Test-AgentSpec -LP $bracketed 6>$null | Should -BeExactly $true
            Test-AgentSpec -PSPath $bracketed 6>$null | Should -BeExactly $true
        }

        It 'puts -Path and -LiteralPath in separate parameter sets' {
            { Test-AgentSpec -Path $valid -LiteralPath $valid } | Should -Throw -ErrorId 'AmbiguousParameterSet,AgentSpec.Commands.TestAgentSpecCommand'
        }
    }

    Context 'missing files' {
        It 'writes a non-terminating SpecFileNotFound error and outputs $false' {
            $missing = Join-Path $TestDrive 'missing.ias'
            $result = @(Test-AgentSpec $valid, $missing, $valid -ErrorVariable errors -ErrorAction SilentlyContinue 6>$null)
            $result | Should -BeExactly @($true, $false, $true)
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.TestAgentSpecCommand'
            $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $errors[0].TargetObject | Should -Be $missing
        }

        It 'reports a -LiteralPath that does not exist the same way' {
            $result = Test-AgentSpec -LiteralPath (Join-Path $TestDrive 'nope[1].ias') -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeExactly $false
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.TestAgentSpecCommand'
        }
    }

    Context 'streams' {
        It 'writes Error diagnostics in text form on the information stream' {
            $records = @(Test-AgentSpec $broken 6>&1 3>$null | Where-Object { $_ -is [System.Management.Automation.InformationRecord] })
            $records | Should -Not -BeNullOrEmpty
            $records[0].Tags | Should -Contain 'PSHOST'
            "$($records[0].MessageData)" | Should -Match '^broken\.ias:\d+:\d+: error AS1\d{3}: |[\\/]broken\.ias:\d+:\d+: error AS1\d{3}: '
        }

        It 'writes Warning diagnostics on the warning stream and still outputs $true' {
            $result = Test-AgentSpec $warning -WarningVariable warnings -WarningAction SilentlyContinue 6>$null
            $result | Should -BeExactly $true
            $warnings | Should -Not -BeNullOrEmpty
            "$($warnings[0])" | Should -Match ':\d+:\d+: warning AS1006: '
        }

        It 'counts no warning as an error without -Strict' {
            @(Test-AgentSpec $warning -Detailed | Where-Object Severity -EQ Error) | Should -HaveCount 0
        }
    }

    Context 'CI annotations' {
        It 'writes GitHub Actions ::error lines when GITHUB_ACTIONS=true' {
            $env:GITHUB_ACTIONS = 'true'
            $lines = @(Test-AgentSpec $broken 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '::*' })
            $lines | Should -Not -BeNullOrEmpty
            $lines[0] | Should -Match '^::error file=[^,]*broken\.ias,line=\d+,col=\d+,.*title=AS1\d{3}::\S'
        }

        It 'writes GitHub ::warning lines for warnings' {
            $env:GITHUB_ACTIONS = 'true'
            $lines = @(Test-AgentSpec $warning 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '::*' })
            $lines | Should -Match '^::warning file=.*title=AS1006::\S'
        }

        It 'writes Azure Pipelines logissue lines when TF_BUILD=True' {
            $env:TF_BUILD = 'True'
            $lines = @(Test-AgentSpec $broken 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '##vso*' })
            $lines | Should -Not -BeNullOrEmpty
            $lines[0] | Should -Match '^##vso\[task\.logissue type=error;sourcepath=[^;]*broken\.ias;linenumber=\d+;columnnumber=\d+;code=AS1\d{3};?\]\S'
        }

        It 'writes no annotation when AGENTSPEC_NO_CI_ANNOTATIONS=1' {
            $env:GITHUB_ACTIONS = 'true'
            $env:AGENTSPEC_NO_CI_ANNOTATIONS = '1'
            @(Test-AgentSpec $broken 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '::*' }) | Should -HaveCount 0
        }

        It 'writes no annotation outside CI' {
            @(Test-AgentSpec $broken 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '::*' -or $_ -like '##vso*' }) | Should -HaveCount 0
        }
    }
}
