# Format-AgentSpec against the built module (deployment spec §10.3.2).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedCi = Save-CiEnvironment

    function Read-Text([string] $Path) { [System.IO.File]::ReadAllText($Path) }

    function New-Workspace {
        <# A fresh folder with one canonical, one unformatted and one broken file; old timestamps to detect writes. #>
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $files = [pscustomobject]@{
            Folder      = $folder
            Canonical   = New-SpecFile (Join-Path $folder 'canonical.ias') $CanonicalSpec
            Unformatted = New-SpecFile (Join-Path $folder 'unformatted.ias') $UnformattedSpec
            Broken      = New-SpecFile (Join-Path $folder 'broken.ias') $BrokenSpec
        }
        $old = [datetime]::new(2020, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        foreach ($path in $files.Canonical, $files.Unformatted, $files.Broken) { [System.IO.File]::SetLastWriteTimeUtc($path, $old) }
        $files
    }
}

AfterAll {
    Restore-CiEnvironment $savedCi
}

Describe 'Format-AgentSpec' {
    Context 'text in, text out' {
        It 'formats piped text (-InputObject) into the canonical form' {
            $UnformattedSpec | Format-AgentSpec | Should -BeExactly $CanonicalSpec
        }

        It 'is idempotent on canonical text' {
            Format-AgentSpec -InputObject $CanonicalSpec | Should -BeExactly $CanonicalSpec
        }

        It 'checks piped text with -Check' {
            $CanonicalSpec | Format-AgentSpec -Check | Should -BeExactly $true
            $UnformattedSpec | Format-AgentSpec -Check 6>$null | Should -BeExactly $false
        }

        It 'binds text from Get-Content -Raw to -InputObject' {
            $ws = New-Workspace
            Get-Content -Raw -LiteralPath $ws.Unformatted | Format-AgentSpec | Should -BeExactly $CanonicalSpec
        }

        It 'reports syntax errors in text as SpecSyntaxError and outputs nothing' {
            $output = $BrokenSpec | Format-AgentSpec -ErrorVariable errors -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecSyntaxError,AgentSpec.Commands.FormatAgentSpecCommand'
        }
    }

    Context 'files' {
        It 'outputs the formatted text of a file given by -Path and leaves the file alone' {
            $ws = New-Workspace
            Format-AgentSpec $ws.Unformatted | Should -BeExactly $CanonicalSpec
            Read-Text $ws.Unformatted | Should -BeExactly $UnformattedSpec
        }

        It 'expands wildcards and binds files piped from Get-ChildItem' {
            $ws = New-Workspace
            @(Format-AgentSpec (Join-Path $ws.Folder '*format*.ias')) | Should -HaveCount 1
            @(Get-ChildItem -LiteralPath $ws.Folder -Filter 'c*.ias' | Format-AgentSpec) | Should -BeExactly @($CanonicalSpec)
        }

        It 'takes -LiteralPath and its aliases' {
            $ws = New-Workspace
            $bracketed = New-SpecFile (Join-Path $ws.Folder 'odd[1].ias') $UnformattedSpec
            Format-AgentSpec -LiteralPath $bracketed | Should -BeExactly $CanonicalSpec
            Format-AgentSpec -LP $bracketed | Should -BeExactly $CanonicalSpec
        }
    }

    Context '-Check' {
        It 'outputs one $true when every file is formatted' {
            $ws = New-Workspace
            $result = @(Format-AgentSpec $ws.Canonical, $ws.Canonical -Check)
            $result | Should -BeExactly @($true)
        }

        It 'outputs one $false when a file needs formatting and lists it on the information stream' {
            $ws = New-Workspace
            $output = @(Format-AgentSpec $ws.Canonical, $ws.Unformatted -Check 6>&1)
            $booleans = @($output | Where-Object { $_ -is [bool] })
            $booleans | Should -BeExactly @($false)
            $messages = @($output | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$_" })
            $messages | Should -HaveCount 1
            $messages[0] | Should -Match 'unformatted\.ias'
        }

        It 'writes nothing' {
            $ws = New-Workspace
            $null = Format-AgentSpec $ws.Unformatted -Check 6>$null
            Read-Text $ws.Unformatted | Should -BeExactly $UnformattedSpec
        }

        It 'outputs $false and a SpecSyntaxError for a file with syntax errors' {
            $ws = New-Workspace
            $result = Format-AgentSpec $ws.Canonical, $ws.Broken -Check -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeExactly $false
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecSyntaxError,AgentSpec.Commands.FormatAgentSpecCommand'
            $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $errors[0].TargetObject | Should -Be $ws.Broken
            "$($errors[0])" | Should -Match 'broken\.ias:\d+:\d+: error AS1\d{3}'
        }
    }

    Context '-InPlace' {
        It 'rewrites only the files that change, and keeps formatted files untouched' {
            $ws = New-Workspace
            $before = (Get-Item -LiteralPath $ws.Canonical).LastWriteTimeUtc
            $output = Format-AgentSpec $ws.Canonical, $ws.Unformatted -InPlace
            $output | Should -BeNullOrEmpty
            Read-Text $ws.Unformatted | Should -BeExactly $CanonicalSpec
            (Get-Item -LiteralPath $ws.Canonical).LastWriteTimeUtc | Should -Be $before
        }

        It 'emits a FileInfo per rewritten file with -PassThru' {
            $ws = New-Workspace
            $output = @(Get-ChildItem -LiteralPath $ws.Folder -Filter '*format*.ias' | Format-AgentSpec -InPlace -PassThru)
            $output | Should -HaveCount 1
            $output[0] | Should -BeOfType ([System.IO.FileInfo])
            $output[0].FullName | Should -Be $ws.Unformatted
        }

        It 'writes nothing with -WhatIf' {
            $ws = New-Workspace
            Format-AgentSpec $ws.Unformatted -InPlace -WhatIf
            Read-Text $ws.Unformatted | Should -BeExactly $UnformattedSpec
            (Get-Item -LiteralPath $ws.Unformatted).LastWriteTimeUtc.Year | Should -Be 2020
        }

        It 'writes nothing under $WhatIfPreference' {
            $ws = New-Workspace
            $WhatIfPreference = $true
            Format-AgentSpec $ws.Unformatted -InPlace
            Read-Text $ws.Unformatted | Should -BeExactly $UnformattedSpec
        }

        It 'leaves a file with syntax errors untouched and reports SpecSyntaxError' {
            $ws = New-Workspace
            Format-AgentSpec $ws.Broken, $ws.Unformatted -InPlace -ErrorVariable errors -ErrorAction SilentlyContinue
            Read-Text $ws.Broken | Should -BeExactly $BrokenSpec
            Read-Text $ws.Unformatted | Should -BeExactly $CanonicalSpec
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecSyntaxError,AgentSpec.Commands.FormatAgentSpecCommand'
        }

        It 'is declared with SupportsShouldProcess and ConfirmImpact Medium' {
            $attribute = (Get-Command Format-AgentSpec).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.SupportsShouldProcess | Should -BeTrue
            $attribute.ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::Medium)
        }

        It 'rejects -PassThru without -InPlace' {
            $ws = New-Workspace
            { Format-AgentSpec $ws.Canonical -PassThru } | Should -Throw -ErrorId 'PassThruRequiresInPlace,AgentSpec.Commands.FormatAgentSpecCommand'
        }
    }

    Context 'missing files' {
        It 'writes a non-terminating SpecFileNotFound error and -Check outputs $false' {
            $ws = New-Workspace
            $missing = Join-Path $ws.Folder 'missing.ias'
            $result = Format-AgentSpec $missing, $ws.Canonical -Check -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeExactly $false
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly 'SpecFileNotFound,AgentSpec.Commands.FormatAgentSpecCommand'
            $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        }
    }
}
