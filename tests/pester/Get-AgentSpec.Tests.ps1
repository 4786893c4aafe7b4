# Get-AgentSpec against the built module (deployment spec §10.3.3).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

Describe 'Get-AgentSpec' {
    BeforeAll {
        $seed = Get-CorpusPath 'seed/production-best-practices.ias'
        $broken = New-SpecFile (Join-Path $TestDrive 'broken.ias') $BrokenSpec
        $valid = New-SpecFile (Join-Path $TestDrive 'valid.ias') $CanonicalSpec
    }

    It 'returns the seed example as an AgentSpec.Document with its declarations' {
        $document = Get-AgentSpec $seed
        $document | Should -BeOfType ([AgentSpec.Document])
        $document.HasErrors | Should -BeFalse
        $document.Package.Name | Should -BeExactly 'production-best-practices'
        @($document.Agents.Name) | Should -BeExactly @('assistant')
        @($document.Prompts.Name) | Should -BeExactly @('system')
        @($document.Skills.Name) | Should -BeExactly @('search')
        @($document.Secrets.Name) | Should -BeExactly @('api-key')
        @($document.Policies.Name) | Should -BeExactly @('production-safety')
        @($document.Environments.Name) | Should -BeExactly @('dev', 'prod')
        @($document.Deploys.Name) | Should -BeExactly @('dev', 'production')
    }

    It 'does not throw for a broken specification: the problems are in Diagnostics' {
        $document = Get-AgentSpec $broken -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $document.HasErrors | Should -BeTrue
        @($document.Diagnostics | Where-Object Severity -EQ Error) | Should -Not -BeNullOrEmpty
    }

    It 'binds files from Get-ChildItem and -LiteralPath' {
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.ias' | Get-AgentSpec) | Should -HaveCount 2
        (Get-AgentSpec -LiteralPath $valid).Agents.Name | Should -BeExactly 'assistant'
    }

    It 'writes a non-terminating SpecFileNotFound error for a missing file' {
        $documents = @(Get-AgentSpec (Join-Path $TestDrive 'missing.ias'), $valid -ErrorVariable errors -ErrorAction SilentlyContinue)
        $documents | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.GetAgentSpecCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
    }

    It 'renders the Document list view' {
        $text = Get-AgentSpec $seed | Out-String
        $text | Should -Match 'Agents\s*:\s*assistant'
        $text | Should -Match 'Deploys\s*:\s*dev, production'
    }
}
