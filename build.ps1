#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests and demonstrates the AgentSpec module.

.DESCRIPTION
    Tasks (run in the order given; Test and Demo build first when Build was not asked for):
      Build  dotnet build of AgentSpec.sln, then the module layout out/AgentSpec/<version>/ (manifest, format and type
             files, bin/ assemblies, en-US/ MAML help generated from docs/cmdlets/*.md and the about_ topics of docs/about/).
      Test   every xunit project under tests/ (those referencing the xunit package: benchmarks are not tests;
             dotnet test, TRX logger), then Pester (tests/pester) in a fresh pwsh
             against the built module; ends with the line 'N passed, N failed' over both.
      Demo   the offline quickstart: in a fresh pwsh, import the built module, validate, format-check and resolve
             examples/*.ias, then plan and apply examples/quickstart (environment "local", mock/echo model) to the
             process target, invoke its agent and print the answer; the deployment stays running (state in
             out/quickstart/) and the commands to inspect and remove it are printed.
      Clean  removes the quickstart deployment if it runs, then out/ and the bin/ and obj/ folders of the projects.
    The exit code is non-zero when a task fails or a test fails.

.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    # Build, Test, Demo, Clean. 'pwsh -File' passes '-Task Test,Demo' as one string, so commas also separate tasks.
    [string[]] $Task = @('Build', 'Demo'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$Task = @($Task | ForEach-Object { $_ -split ',' } | ForEach-Object Trim | Where-Object { $_ })
foreach ($name in $Task) {
    if ($name -notin 'Build', 'Test', 'Demo', 'Clean') {
        Write-Host "build.ps1: unknown task '$name'; the tasks are Build, Test, Demo and Clean." -ForegroundColor Red
        exit 2
    }
}

$Root = $PSScriptRoot
$OutRoot = Join-Path $Root 'out'
$TestResults = Join-Path $OutRoot 'TestResults'
$props = [xml](Get-Content -Raw -LiteralPath (Join-Path $Root 'Directory.Build.props'))
$Version = @($props.Project.PropertyGroup | ForEach-Object { $_['Version'] } | Where-Object { $_ })[0].InnerText
$TargetFramework = @($props.Project.PropertyGroup | ForEach-Object { $_['TargetFramework'] } | Where-Object { $_ })[0].InnerText
$ModuleDir = Join-Path $OutRoot "AgentSpec/$Version"
$ModuleManifest = Join-Path $ModuleDir 'AgentSpec.psd1'
$script:Built = $false
$script:Passed = 0
$script:Failed = 0

function Write-Step([string] $Message) { Write-Host "==> $Message" -ForegroundColor Cyan }

function Invoke-Native {
    <# Runs a program, streaming its output; throws when it exits non-zero. #>
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-FreshPwsh {
    <# The command line that starts a new pwsh of the running version (the dotnet local tool runs as 'dotnet pwsh.dll'). #>
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

function Invoke-FreshPwsh {
    <# Runs a script in a new pwsh process (no profile, non-interactive) and returns its exit code. #>
    param([Parameter(Mandatory)] [string] $Script, [string[]] $ArgumentList = @())
    $pwsh = Get-FreshPwsh
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $Script) + $ArgumentList
    & $pwsh[0] @arguments | Out-Host
    return $LASTEXITCODE
}

function Get-NuGetPackageRoot {
    <# The global packages folder restore used (NUGET_PACKAGES, NuGet.Config or the default), as NuGet reports it. #>
    $root = (& dotnet msbuild (Join-Path $Root 'build/tools.proj') -nologo -getProperty:NuGetPackageRoot).Trim()
    if ($LASTEXITCODE -ne 0 -or -not $root) {
        $root = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    }
    return $root
}

function Get-PesterManifest {
    <# Restores the Pester package pinned in build/tools.proj and returns the path of its module manifest. #>
    $toolsProject = Join-Path $Root 'build/tools.proj'
    Invoke-Native dotnet @('restore', $toolsProject, '--nologo', '-v', 'quiet')
    $download = ([xml](Get-Content -Raw -LiteralPath $toolsProject)).SelectSingleNode("//PackageDownload[@Include='Pester']")
    $pesterVersion = $download.Version.Trim('[', ']')
    $manifest = Join-Path (Get-NuGetPackageRoot) "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "Pester $pesterVersion was restored but '$manifest' does not exist." }
    return $manifest
}

function Invoke-BuildTask {
    Write-Step "Build $Configuration (version $Version)"
    $manifestVersion = (Import-PowerShellDataFile -LiteralPath (Join-Path $Root 'AgentSpec.psd1')).ModuleVersion
    if ($manifestVersion -ne $Version) {
        throw "AgentSpec.psd1 has ModuleVersion '$manifestVersion' but Directory.Build.props has Version '$Version': make them equal."
    }
    Invoke-Native dotnet @('build', (Join-Path $Root 'AgentSpec.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal')

    Write-Step "Module layout $ModuleDir"
    if (Test-Path -LiteralPath $ModuleDir) { Remove-Item -LiteralPath $ModuleDir -Recurse -Force }
    $bin = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleDir 'bin')
    Copy-Item -LiteralPath (Join-Path $Root 'AgentSpec.psd1') -Destination $ModuleDir
    Copy-Item -LiteralPath (Join-Path $Root 'module/AgentSpec.format.ps1xml'), (Join-Path $Root 'module/AgentSpec.types.ps1xml') -Destination $ModuleDir
    # Only the assemblies of PowerShell's default load context (deployment spec §1.1); PowerShell provides the rest.
    $projectOutput = Join-Path $Root "src/AgentSpec.PowerShell/bin/$Configuration/$TargetFramework"
    foreach ($assembly in 'AgentSpec.PowerShell.dll', 'AgentSpec.Language.dll', 'Superpower.dll') {
        $source = Join-Path $projectOutput $assembly
        if (-not (Test-Path -LiteralPath $source)) { throw "The build did not produce '$source'." }
        Copy-Item -LiteralPath $source -Destination $bin
    }
    # The engine and its dependencies: bin/engine/, loaded into the isolated "AgentSpec.Engine" context (spec §1.4).
    $engine = New-Item -ItemType Directory -Force -Path (Join-Path $bin 'engine')
    $engineOutput = Join-Path $Root "src/AgentSpec.Engine/bin/$Configuration/$TargetFramework"
    if (-not (Test-Path -LiteralPath (Join-Path $engineOutput 'AgentSpec.Engine.dll'))) { throw "The build did not produce AgentSpec.Engine.dll in '$engineOutput'." }
    # Everything the engine needs except the assemblies of the default context (Language and Superpower).
    Get-ChildItem -LiteralPath $engineOutput -Filter '*.dll' |
        Where-Object Name -notin 'AgentSpec.Language.dll', 'Superpower.dll' |
        Copy-Item -Destination $engine
    # The agent runtime for this machine (runtime/<rid>/agentspec), published self-contained and single-file
    # (deployment spec §1.1 [D-1]); the process target starts it, the docker targets copy it into images.
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $runtimeDir = Join-Path $ModuleDir "runtime/$rid"
    Write-Step "Runtime $rid -> $runtimeDir"
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/AgentSpec.Runtime/AgentSpec.Runtime.csproj'), '-c', $Configuration,
        '-r', $rid, '--self-contained', 'true', '-p:PublishSingleFile=true', '-p:DebugType=none', '--nologo', '-v', 'minimal', '-o', $runtimeDir)
    Get-ChildItem -LiteralPath $runtimeDir -Exclude 'agentspec', 'agentspec.exe' | Remove-Item -Recurse -Force
    $helpPages = @(Get-ChildItem -LiteralPath (Join-Path $Root 'docs/cmdlets') -Filter '*.md' | ForEach-Object FullName)
    & (Join-Path $Root 'build/ConvertTo-MamlHelp.ps1') -Path $helpPages -OutputPath (Join-Path $ModuleDir 'en-US/AgentSpec.PowerShell.dll-Help.xml')
    # about_ topics are plain text already (docs/about/about_*.help.txt).
    Copy-Item -Path (Join-Path $Root 'docs/about/about_*.help.txt') -Destination (Join-Path $ModuleDir 'en-US')
    Write-Host "Module ready: $ModuleManifest"
    $script:Built = $true
}

function Get-TrxCounts([string] $TrxPath) {
    $counters = ([xml](Get-Content -Raw -LiteralPath $TrxPath)).TestRun.ResultSummary.Counters
    $failed = 0
    foreach ($name in 'failed', 'error', 'timeout', 'aborted') {
        if ($counters.HasAttribute($name)) { $failed += [int]$counters.GetAttribute($name) }
    }
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = $failed }
}

function Invoke-XunitTests {
    $projects = @(Get-ChildItem -LiteralPath (Join-Path $Root 'tests') -Recurse -Filter '*.csproj' -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
            Where-Object { (Get-Content -Raw -LiteralPath $_.FullName) -match 'Include="xunit(\.v3)?"' } |
            Sort-Object FullName)
    if ($projects.Count -eq 0) { Write-Host 'No xunit projects under tests/.'; return }
    $inSolution = @(& dotnet sln (Join-Path $Root 'AgentSpec.sln') list | ForEach-Object { [IO.Path]::GetFileName($_.Trim()) })
    foreach ($project in $projects) {
        $name = $project.BaseName
        Write-Step "xunit: $name"
        $trx = Join-Path $TestResults "$name.trx"
        if (Test-Path -LiteralPath $trx) { Remove-Item -LiteralPath $trx -Force }
        $arguments = @('test', $project.FullName, '-c', $Configuration, '--nologo',
            '--logger', "trx;LogFileName=$name.trx", '--results-directory', $TestResults)
        if ($inSolution -contains $project.Name) { $arguments += '--no-build' }
        & dotnet @arguments | Out-Host
        $exitCode = $LASTEXITCODE
        if (Test-Path -LiteralPath $trx) {
            $counts = Get-TrxCounts $trx
            $script:Passed += $counts.Passed
            $script:Failed += $counts.Failed
            if ($exitCode -ne 0 -and $counts.Failed -eq 0) {
                Write-Host "$name`: dotnet test exited with $exitCode although no test failed; counted as one failure." -ForegroundColor Red
                $script:Failed += 1
            }
        }
        else {
            Write-Host "$name`: no test results ($trx missing, exit code $exitCode); counted as one failure." -ForegroundColor Red
            $script:Failed += 1
        }
    }
}

function Invoke-PesterTests {
    $pester = Get-PesterManifest
    $summary = Join-Path $TestResults 'pester-summary.json'
    if (Test-Path -LiteralPath $summary) { Remove-Item -LiteralPath $summary -Force }
    Write-Step "Pester (fresh pwsh) against $ModuleManifest"
    # The workflow tests start this stand-in for the runtime (tests/AgentSpec.TestRuntime) on the process target.
    $env:AGENTSPEC_TEST_RUNTIME_PATH = Join-Path $Root "tests/AgentSpec.TestRuntime/bin/$Configuration/$TargetFramework/$(if ($IsWindows) { 'agentspec.exe' } else { 'agentspec' })"
    $exitCode = Invoke-FreshPwsh -Script (Join-Path $Root 'build/Invoke-PesterTests.ps1') -ArgumentList @(
        '-ModulePath', $ModuleManifest, '-PesterPath', $pester, '-TestPath', (Join-Path $Root 'tests/pester'),
        '-ResultPath', (Join-Path $TestResults 'pester.xml'), '-SummaryPath', $summary)
    if (-not (Test-Path -LiteralPath $summary)) {
        Write-Host "Pester wrote no summary (exit code $exitCode); counted as one failure." -ForegroundColor Red
        $script:Failed += 1
        return
    }
    $counts = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json
    $script:Passed += $counts.Passed
    $script:Failed += $counts.Failed
}

function Invoke-TestTask {
    $null = New-Item -ItemType Directory -Force -Path $TestResults
    Invoke-XunitTests
    Invoke-PesterTests
}

function Invoke-DemoTask {
    Write-Step 'Demo: validate and format-check examples/*.ias with the built module (fresh pwsh)'
    $exitCode = Invoke-FreshPwsh -Script (Join-Path $Root 'build/Invoke-Demo.ps1') -ArgumentList @(
        '-ModulePath', $ModuleManifest, '-ExamplesPath', (Join-Path $Root 'examples'), '-StateFolder', (Join-Path $OutRoot 'quickstart'))
    if ($exitCode -ne 0) { throw "The demo failed (exit code $exitCode)." }
}

function Invoke-CleanTask {
    Write-Step 'Clean'
    # The Demo leaves the quickstart running: remove it before its state file goes away with out/.
    $quickstartState = Join-Path $OutRoot 'quickstart/.agentspec.state.json'
    if ((Test-Path -LiteralPath $quickstartState) -and (Test-Path -LiteralPath $ModuleManifest)) {
        $exitCode = Invoke-FreshPwsh -Script (Join-Path $Root 'build/Remove-Quickstart.ps1') -ArgumentList @(
            '-ModulePath', $ModuleManifest, '-StatePath', $quickstartState)
        if ($exitCode -ne 0) { throw "Removing the quickstart deployment failed (exit code $exitCode); see $quickstartState." }
    }
    $targets = @(Join-Path $Root 'out') + @(Get-ChildItem -Path (Join-Path $Root 'src/*'), (Join-Path $Root 'tests/*'), (Join-Path $Root 'build') -Directory -ErrorAction SilentlyContinue |
            ForEach-Object { Join-Path $_.FullName 'bin'; Join-Path $_.FullName 'obj' })
    foreach ($target in $targets | Where-Object { Test-Path -LiteralPath $_ }) {
        Remove-Item -LiteralPath $target -Recurse -Force
        Write-Host "removed $target"
    }
}

$taskFailed = $false
try {
    foreach ($name in $Task) {
        if ($name -in 'Test', 'Demo' -and -not $script:Built) { Invoke-BuildTask }
        switch ($name) {
            'Build' { Invoke-BuildTask }
            'Test' { Invoke-TestTask }
            'Demo' { Invoke-DemoTask }
            'Clean' { Invoke-CleanTask; $script:Built = $false }
        }
    }
}
catch {
    $taskFailed = $true
    Write-Host "build.ps1: $($_.Exception.Message)" -ForegroundColor Red
    if ($Task -contains 'Test') { $script:Failed += 1 }
}

if ($Task -contains 'Test') {
    # The closing line CI reads: xunit and Pester together.
    Write-Host "$($script:Passed) passed, $($script:Failed) failed"
}
if ($taskFailed -or $script:Failed -gt 0) { exit 1 }
exit 0
