# Source manifest of the AgentSpec module (deployment spec §10.4). build.ps1 copies it into
# out/AgentSpec/<version>/; ModuleVersion must equal <Version> in Directory.Build.props (a Pester test checks it).
@{
    RootModule           = 'bin/AgentSpec.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'bfa61b11-91c3-4da5-a6b4-bf78133e8e4c'
    Author               = 'AgentSpec contributors'
    CompanyName          = 'AgentSpec contributors'
    Copyright            = '(c) AgentSpec contributors.'
    Description          = 'Declare, validate, format and deploy AI agents with IntentLang (.ias) specifications.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('AgentSpec.format.ps1xml')
    TypesToProcess       = @('AgentSpec.types.ps1xml')
    CmdletsToExport      = @(
        'Test-AgentSpec'
        'Format-AgentSpec'
        'Get-AgentSpec'
        'Resolve-AgentSpec'
        'Get-AgentSpecPlan'
        'Invoke-AgentSpecApply'
        'Get-AgentSpecDeployment'
        'Remove-AgentSpecDeployment'
        'Get-AgentSpecHistory'
        'Restore-AgentSpecDeployment'
        'Unlock-AgentSpecState'
        'Export-AgentSpec'
        'Get-AgentSpecLog'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    # The public repository's address is not settled yet; these URIs follow the planned one.
    HelpInfoURI          = 'https://github.com/agentspec/agentspec/tree/main/docs/cmdlets'
    PrivateData          = @{
        PSData = @{
            Tags         = @('AgentSpec', 'IntentLang', 'AI', 'Agents', 'Deployment', 'Docker', 'Kubernetes',
                'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/agentspec/agentspec/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/agentspec/agentspec'
            ReleaseNotes = 'First preview: Test-AgentSpec, Format-AgentSpec and Get-AgentSpec over IntentLang 2.0 files.'
            Prerelease   = 'preview'
        }
    }
}
