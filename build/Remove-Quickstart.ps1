#Requires -Version 7.0
<#
.SYNOPSIS
    Removes the quickstart deployment the Demo task left running (build.ps1 -Task Clean calls it before deleting out/).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $StatePath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath -Force
Remove-AgentSpecDeployment -Target local -StatePath $StatePath -Confirm:$false | Format-Table Status, Action, Address -AutoSize | Out-Host
