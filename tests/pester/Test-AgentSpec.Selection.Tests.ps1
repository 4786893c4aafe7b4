# Test-AgentSpec with environments, targets, -Strict, -All, directories, several paths, -OutputFormat and -SarifPath
# (deployment spec §10.3.1; issue 3 acceptance), against the built module.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedCi = Save-CiEnvironment

    function Get-LineNumber([string] $Path, [string] $Pattern, [string] $After = '') {
        <# The 1-based number of the first line matching $Pattern that comes after the first line matching $After. #>
        $lines = @(Get-Content -LiteralPath $Path)
        $start = 0
        if ($After) { $start = @(0..($lines.Count - 1) | Where-Object { $lines[$_] -match $After })[0] + 1 }
        @($start..($lines.Count - 1) | Where-Object { $lines[$_] -match $Pattern })[0] + 1
    }

    $LeakSpec = @'
package "leak" version "0.1.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "claude-sonnet-4-20250514"
}

deploy "local" target "process" {
  default true
  env {
    ANTHROPIC_API_KEY "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789"
  }
}

environment "dev" {
  agent "assistant" {
    max_turns 5
  }
}

'@.Replace("`r`n", "`n")
}

AfterAll {
    Restore-CiEnvironment $savedCi
}

Describe 'Test-AgentSpec -Environment on the seed examples' -ForEach @(
    @{ Seed = 'seed/production-best-practices.ias' }
    @{ Seed = 'seed/best-practices-snippets.ias' }
) {
    BeforeAll {
        $spec = Get-CorpusPath $Seed
    }

    It 'is valid for the base configuration' {
        Test-AgentSpec $spec 6>$null 3>$null | Should -BeExactly $true
    }

    It 'is valid with -Environment prod' {
        Test-AgentSpec $spec -Environment prod 6>$null 3>$null | Should -BeExactly $true
    }

    It 'is invalid with -Environment dev: production-safety denies claude-haiku-latest' {
        Test-AgentSpec $spec -Environment dev 6>$null 3>$null | Should -BeExactly $false
        $errors = @(Test-AgentSpec $spec -Environment dev -Detailed | Where-Object Severity -EQ Error)
        $errors | Should -HaveCount 1
        $errors[0].Code | Should -BeExactly 'AS4001'
        $errors[0].Message | Should -Match 'production-safety'
        $errors[0].Message | Should -Match 'claude-haiku-latest'
        $errors[0].Environment | Should -BeExactly 'dev'
    }

    It 'points at the override and relates the rule' {
        $diagnostic = @(Test-AgentSpec $spec -Environment dev -Detailed | Where-Object Code -EQ AS4001)[0]
        $diagnostic.File | Should -Be $spec
        $diagnostic.Line | Should -Be (Get-LineNumber $spec 'model "claude-haiku-latest"' '^environment "dev"')
        $text = (Get-Content -LiteralPath $spec)[$diagnostic.Line - 1]
        $text.Substring($diagnostic.Column - 1) | Should -Match '^"claude-haiku-latest"'
        $diagnostic.Related | Should -HaveCount 1
        $diagnostic.Related[0].Range.Start.Line | Should -Be (Get-LineNumber $spec 'deny model claude-haiku-latest' '^policy "production-safety"')
    }
}

Describe 'Test-AgentSpec selection, strictness and output' {
    BeforeAll {
        $production = Get-CorpusPath 'seed/production-best-practices.ias'
        $leak = New-SpecFile (Join-Path $TestDrive 'leak/leak.ias') $LeakSpec
        $valid = New-SpecFile (Join-Path $TestDrive 'single/valid.ias') $CanonicalSpec
        $broken = New-SpecFile (Join-Path $TestDrive 'single/broken/broken.ias') $BrokenSpec
    }

    AfterEach {
        foreach ($name in $CiVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    Context 'unknown names are diagnostics' {
        It 'reports an unknown -Environment as AS2020 with a did-you-mean hint, not as an error record' {
            $result = Test-AgentSpec $production -Environment prd -ErrorVariable errors 6>$null 3>$null
            $result | Should -BeExactly $false
            $errors | Should -BeNullOrEmpty
            $diagnostic = @(Test-AgentSpec $production -Environment prd -Detailed | Where-Object Code -EQ AS2020)
            $diagnostic | Should -HaveCount 1
            $diagnostic[0].Hint | Should -BeExactly 'did you mean "prod"?'
        }

        It 'reports an unknown -Target as AS5019 with a did-you-mean hint, not as an error record' {
            $result = Test-AgentSpec $production -Target productoin -ErrorVariable errors 6>$null 3>$null
            $result | Should -BeExactly $false
            $errors | Should -BeNullOrEmpty
            $diagnostic = @(Test-AgentSpec $production -Target productoin -Detailed | Where-Object Code -EQ AS5019)
            $diagnostic | Should -HaveCount 1
            $diagnostic[0].Hint | Should -BeExactly 'did you mean "production"?'
        }

        It 'evaluates the policies for the -Target deploy' {
            Test-AgentSpec $production -Environment prod -Target production 6>$null 3>$null | Should -BeExactly $true
            Test-AgentSpec $production -Environment dev -Target production 6>$null 3>$null | Should -BeExactly $false
        }
    }

    Context '-Target runs the engine target validation (deployment spec §2.1 stage 9)' {
        It 'reports engine errors and warnings located at the deploy block' {
            $spec = New-SpecFile (Join-Path $TestDrive 'engine/tiny.ias') @'
package "demo" version "1.0.0" lang "2.0"

prompt "support" {
  content "You answer customer questions briefly and politely."
}

agent "assistant" {
  uses prompt "support"
  model "claude-sonnet-4-20250514"
}

deploy "container" target "docker" {
  resources {
    cpu "5m"
    memory "4Mi"
  }
}
'@.Replace("`r`n", "`n")
            Test-AgentSpec $spec -Target container -ErrorVariable errors 6>$null 3>$null | Should -BeExactly $false
            $errors | Should -BeNullOrEmpty
            $diagnostics = @(Test-AgentSpec $spec -Target container -Detailed)
            $limits = @($diagnostics | Where-Object Code -EQ AS5124)
            $limits | Should -HaveCount 2
            $limits[0].Severity | Should -Be ([AgentSpec.DiagnosticSeverity]::Error)
            $limits[0].File | Should -Be $spec
            $limits[0].Line | Should -Be (Get-LineNumber $spec '^deploy "container"')
            $auth = @($diagnostics | Where-Object Code -EQ AS5104)
            $auth | Should -HaveCount 1
            $auth[0].Message | Should -BeExactly 'deploy "container" maps no AGENTSPEC_API_KEY secret; the runtime serves /v1 without authentication'
            @(Test-AgentSpec $spec -Detailed | Where-Object Code -Like 'AS51*') | Should -HaveCount 0
        }
    }

    Context '-Strict' {
        It 'warns about a literal API key in a deploy env block and still outputs $true' {
            $result = Test-AgentSpec $leak -WarningVariable warnings -WarningAction SilentlyContinue 6>$null
            $result | Should -BeExactly $true
            "$warnings" | Should -Match 'leak\.ias:15:\d+: warning AS600\d: '
            $diagnostic = @(Test-AgentSpec $leak -Detailed)
            $diagnostic | Should -HaveCount 1
            $diagnostic[0].Code | Should -Match '^AS600[12]$'
            $diagnostic[0].Severity | Should -Be ([AgentSpec.DiagnosticSeverity]::Warning)
            $diagnostic[0].Hint | Should -Match 'secret'
            (Get-Content -LiteralPath $leak)[$diagnostic[0].Line - 1].Substring($diagnostic[0].Column - 1) | Should -Match '^"sk-ant-'
        }

        It 'fails with -Strict, reporting the AS6xxx warning as an error' {
            Test-AgentSpec $leak -Strict 6>$null 3>$null | Should -BeExactly $false
            $diagnostic = @(Test-AgentSpec $leak -Strict -Detailed)
            $diagnostic[0].Severity | Should -Be ([AgentSpec.DiagnosticSeverity]::Error)
            $lines = @(Test-AgentSpec $leak -Strict 6>&1 3>$null | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
            $lines[0] | Should -Match 'leak\.ias:15:\d+: error AS600\d: '
        }

        It 'does not make other warnings errors' {
            $warning = New-SpecFile (Join-Path $TestDrive 'strict/warning.ias') $WarningSpec
            Test-AgentSpec $warning -Strict 6>$null 3>$null | Should -BeExactly $true
        }
    }

    Context '-All' {
        It 'validates the base configuration and every environment, naming the environment of each diagnostic' {
            $output = @(Test-AgentSpec $production -All 6>&1 3>&1)
            $output[-1] | Should -BeExactly $false
            $lines = @($output | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
            $lines | Should -HaveCount 1
            $lines[0] | Should -Match 'error AS4001: .*claude-haiku-latest.* \[environment "dev"\]$'
        }

        It 'gives each -Detailed object an Environment property' {
            $spec = New-SpecFile (Join-Path $TestDrive 'all/envs.ias') ($WarningSpec + @'
policy "no-haiku" {
  deny model claude-haiku-latest
}

environment "cheap" {
  agent "assistant" {
    model "claude-haiku-latest"
  }
}

environment "fast" {
  agent "assistant" {
    max_turns 5
  }
}

'@.Replace("`r`n", "`n"))
            $diagnostics = @(Test-AgentSpec $spec -All -Detailed)
            $diagnostics | Should -HaveCount 2
            $base = @($diagnostics | Where-Object Code -EQ AS1006)
            $base | Should -HaveCount 1
            $base[0].PSObject.Properties.Name | Should -Contain 'Environment'
            $base[0].Environment | Should -BeNullOrEmpty
            $cheap = @($diagnostics | Where-Object Code -EQ AS4001)
            $cheap | Should -HaveCount 1
            $cheap[0].Environment | Should -BeExactly 'cheap'
            $output = @(Test-AgentSpec $spec -All -WarningVariable warnings -WarningAction SilentlyContinue 6>&1)
            $output[-1] | Should -BeExactly $false
            "$warnings" | Should -Match 'AS1006: .*\[base configuration\]'
            "$($output[0].MessageData)" | Should -Match 'error AS4001: .*\[environment "cheap"\]$'
        }

        It 'cannot be combined with -Environment' {
            { Test-AgentSpec $production -All -Environment dev } | Should -Throw -ErrorId 'ParameterConflict,AgentSpec.Commands.TestAgentSpecCommand'
        }
    }

    Context 'directories and several paths' {
        It 'outputs one result per path, in order' {
            @(Test-AgentSpec $valid, $broken, $leak 6>$null 3>$null) | Should -BeExactly @($true, $false, $true)
        }

        It 'validates every .ias file of a directory without index.ias as its own root, with one result' {
            $folder = Join-Path $TestDrive 'several'
            $null = New-SpecFile (Join-Path $folder 'a.ias') $CanonicalSpec
            $null = New-SpecFile (Join-Path $folder 'b.ias') $UnformattedSpec
            @(Test-AgentSpec $folder -ErrorVariable errors 6>$null 3>$null) | Should -BeExactly @($true)
            $errors | Should -BeNullOrEmpty

            $null = New-SpecFile (Join-Path $folder 'c.ias') $BrokenSpec
            @(Test-AgentSpec $folder 6>$null 3>$null) | Should -BeExactly @($false)
            $files = @(Test-AgentSpec $folder -Detailed | ForEach-Object File | Sort-Object -Unique)
            $files | Should -BeExactly @((Join-Path $folder 'c.ias'))
        }

        It 'ignores sub-folders of such a directory' {
            $folder = Join-Path $TestDrive 'nested'
            $null = New-SpecFile (Join-Path $folder 'a.ias') $CanonicalSpec
            $null = New-SpecFile (Join-Path $folder 'b.ias') $CanonicalSpec
            $null = New-SpecFile (Join-Path $folder 'deeper/broken.ias') $BrokenSpec
            Test-AgentSpec $folder 6>$null 3>$null | Should -BeExactly $true
        }

        It 'treats a directory with index.ias as one package' {
            $folder = Join-Path $TestDrive 'indexed'
            $null = New-SpecFile (Join-Path $folder 'index.ias') $CanonicalSpec
            $null = New-SpecFile (Join-Path $folder 'broken.ias') $BrokenSpec
            Test-AgentSpec $folder 6>$null 3>$null | Should -BeExactly $true
        }

        It 'reports a directory without any .ias file as SpecFileNotFound' {
            $folder = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'empty')
            $result = Test-AgentSpec $folder.FullName -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeExactly $false
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.TestAgentSpecCommand'
        }
    }

    Context '-OutputFormat' {
        It 'writes MSBuild lines on the information stream, warnings included' {
            $lines = @(Test-AgentSpec $production, $leak -Environment dev -OutputFormat MSBuild 6>&1 3>$null |
                    Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
            $lines | Should -HaveCount 2
            $lines[0] | Should -Match 'production-best-practices\.ias\(\d+,11,\d+,\d+\): error AS4001: '
            $lines[1] | Should -Match 'leak\.ias\(15,\d+,15,\d+\): warning AS600\d: '
        }

        It 'writes GitHub Actions commands' {
            $lines = @(Test-AgentSpec $production -Environment dev -OutputFormat GitHubActions 6>&1 | ForEach-Object { "$_" } | Where-Object { $_ -notin 'True', 'False' })
            $lines | Should -HaveCount 1
            $lines[0] | Should -Match '^::error file=[^,]*production-best-practices\.ias,line=\d+,col=11,.*title=AS4001::'
        }

        It 'writes Azure DevOps logging commands' {
            $lines = @(Test-AgentSpec $leak -OutputFormat AzureDevOps 6>&1 3>$null | ForEach-Object { "$_" } | Where-Object { $_ -like '##vso*' })
            $lines | Should -HaveCount 1
            $lines[0] | Should -Match '^##vso\[task\.logissue type=warning;sourcepath=[^;]*leak\.ias;linenumber=15;'
        }

        It 'adds no automatic annotation to another format, even in CI' {
            $env:GITHUB_ACTIONS = 'true'
            $lines = @(Test-AgentSpec $production -Environment dev -OutputFormat MSBuild 6>&1 | ForEach-Object { "$_" } | Where-Object { $_ -like '::*' })
            $lines | Should -HaveCount 0
        }

        It 'prints the chosen format also with -Detailed' {
            $output = @(Test-AgentSpec $production -Environment dev -Detailed -OutputFormat MSBuild 6>&1)
            @($output | Where-Object { $_ -is [AgentSpec.Diagnostic] }) | Should -HaveCount 1
            @($output | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }) | Should -HaveCount 1
        }
    }

    Context '-SarifPath' {
        BeforeAll {
            $sarifPath = Join-Path $TestDrive 'reports/out.sarif'
            $result = @(Test-AgentSpec $production, $leak -Environment dev -SarifPath $sarifPath 6>$null 3>$null)
            $sarif = Get-Content -Raw -LiteralPath $sarifPath | ConvertFrom-Json
        }

        It 'still outputs the results' {
            $result | Should -BeExactly @($false, $true)
        }

        It 'writes a SARIF 2.1.0 log with the tool and its rules' {
            $sarif.version | Should -BeExactly '2.1.0'
            $sarif.'$schema' | Should -Match 'sarif-2\.1\.0'
            $sarif.runs | Should -HaveCount 1
            $sarif.runs[0].tool.driver.name | Should -BeExactly 'AgentSpec'
            $sarif.runs[0].tool.driver.version | Should -BeExactly (Get-RepoVersion)
            $ruleIds = @($sarif.runs[0].tool.driver.rules | ForEach-Object id)
            $ruleIds | Should -Contain 'AS4001'
            $ruleIds | Should -Contain 'AS6001'
        }

        It 'has one located result per diagnostic of the invocation' {
            $results = @($sarif.runs[0].results)
            $results | Should -HaveCount 2
            $results[0].ruleId | Should -BeExactly 'AS4001'
            $results[0].level | Should -BeExactly 'error'
            $results[0].message.text | Should -Match 'claude-haiku-latest'
            $location = $results[0].locations[0].physicalLocation
            $location.artifactLocation.uri | Should -Match 'production-best-practices\.ias$'
            $location.region.startLine | Should -Be (Get-LineNumber $production 'model "claude-haiku-latest"' '^environment "dev"')
            $location.region.startColumn | Should -Be 11
            $results[0].relatedLocations[0].physicalLocation.region.startLine | Should -Be (Get-LineNumber $production 'deny model claude-haiku-latest')
            $results[1].ruleId | Should -Match '^AS600[12]$'
            $results[1].level | Should -BeExactly 'warning'
            $results[1].locations[0].physicalLocation.region.startLine | Should -Be 15
        }

        It 'gives results rule ids that are rules of the driver' {
            $ruleIds = @($sarif.runs[0].tool.driver.rules | ForEach-Object id)
            foreach ($entry in $sarif.runs[0].results) {
                $ruleIds[$entry.ruleIndex] | Should -BeExactly $entry.ruleId
            }
        }

        It 'writes a relative URI for files under the current location and an empty log for a clean run' {
            Push-Location -LiteralPath (Split-Path -Parent $leak)
            try {
                $null = Test-AgentSpec ./leak.ias -SarifPath ./leak.sarif 3>$null
                $log = Get-Content -Raw -LiteralPath (Join-Path (Split-Path -Parent $leak) 'leak.sarif') | ConvertFrom-Json
                $log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri | Should -BeExactly 'leak.ias'
            }
            finally {
                Pop-Location
            }
            $clean = Join-Path $TestDrive 'clean.sarif'
            $null = Test-AgentSpec $valid -SarifPath $clean
            @((Get-Content -Raw -LiteralPath $clean | ConvertFrom-Json).runs[0].results) | Should -HaveCount 0
        }
    }
}
