#Requires -Version 7.0
<#
.SYNOPSIS
    Converts platyPS-schema cmdlet help (docs/cmdlets/*.md, schema 2.0.0) into one MAML file for Get-Help.

.DESCRIPTION
    The in-repository replacement for platyPS's New-ExternalHelp (deployment spec §10.4). Reads every markdown file
    given, checks it has the platyPS sections, and writes `<OutputPath>` (for example
    en-US/AgentSpec.PowerShell.dll-Help.xml) with one <command:command> per file. Parameter attributes come from the
    yaml block under each `### -Name` heading; syntax items are built per parameter set from those blocks.
    Fails with the file and the missing piece when a page does not follow the schema.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string[]] $Path,
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Read-HelpPage {
    <# Splits one markdown page into front matter, title and sections (## heading -> lines). #>
    param([string] $File)

    $lines = (Get-Content -LiteralPath $File -Raw) -replace "`r`n", "`n" -split "`n"
    $page = [ordered]@{ File = $File; Meta = @{}; Name = $null; Sections = [ordered]@{} }
    $i = 0
    if ($lines[0] -ne '---') { throw "${File}: the page must start with '---' front matter." }
    for ($i = 1; $i -lt $lines.Count -and $lines[$i] -ne '---'; $i++) {
        if ($lines[$i] -match '^\s*([^:]+):\s*(.*)$') { $page.Meta[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    if ($i -ge $lines.Count) { throw "${File}: the front matter is not closed with '---'." }
    foreach ($key in 'external help file', 'Module Name', 'online version', 'schema') {
        if (-not $page.Meta.ContainsKey($key)) { throw "${File}: the front matter lacks '$key'." }
    }
    if ($page.Meta['schema'] -ne '2.0.0') { throw "${File}: schema must be 2.0.0, found '$($page.Meta['schema'])'." }

    $current = $null
    $inFence = $false
    for ($i++; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^# (.+)$' -and -not $page.Name) { $page.Name = $Matches[1].Trim(); continue }
        if (-not $inFence -and $line -match '^## (.+)$') {
            $current = $Matches[1].Trim()
            $page.Sections[$current] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if ($null -ne $current) { $page.Sections[$current].Add($line) }
    }
    if (-not $page.Name) { throw "${File}: no '# <Cmdlet-Name>' title." }
    foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
        if (-not $page.Sections.Contains($section)) { throw "${File}: missing section '## $section'." }
    }
    [pscustomobject]$page
}

function Split-Subsections {
    <# Splits section lines at '### ' headings (outside code fences): returns objects with Title and Lines. #>
    param([string[]] $Lines)

    $result = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^### (.+)$') {
            $current = [pscustomobject]@{ Title = $Matches[1].Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            $result.Add($current)
            continue
        }
        if ($null -ne $current) { $current.Lines.Add($line) }
    }
    , $result
}

function Split-Blocks {
    <# Splits lines into prose paragraphs (list items separately) and fenced code blocks, in order. #>
    param([string[]] $Lines)

    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $flush = {
        if ($paragraph.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ Kind = 'Text'; Language = $null; Text = ($paragraph -join ' ') })
            $paragraph.Clear()
        }
    }
    foreach ($line in $Lines) {
        if ($null -ne $code) {
            if ($line -match '^```\s*$') {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Language = $code.Language; Text = ($code.Lines -join "`n") })
                $code = $null
            }
            else { $code.Lines.Add($line) }
            continue
        }
        if ($line -match '^```(\S*)') {
            & $flush
            $code = @{ Language = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*[-*] ' -and $paragraph.Count -gt 0) { & $flush }
        $paragraph.Add($line.Trim())
    }
    if ($null -ne $code) { throw 'a code block is not closed' }
    & $flush
    , $blocks
}

function Read-Parameter {
    <# One '### -Name' subsection: description paragraphs and the yaml attribute block. #>
    param($Subsection, [string] $File)

    $name = $Subsection.Title.Substring(1)
    $blocks = Split-Blocks $Subsection.Lines
    $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' })
    if ($yaml.Count -ne 1) { throw "${File}: parameter -$name needs exactly one yaml block." }
    $attributes = @{}
    foreach ($line in $yaml[0].Text -split "`n") {
        if ($line -match '^([^:]+):\s*(.*)$') { $attributes[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    foreach ($key in 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters') {
        if (-not $attributes.ContainsKey($key)) { throw "${File}: parameter -$name lacks '$key' in its yaml block." }
    }
    [pscustomobject]@{
        Name        = $name
        Description = @($blocks | Where-Object Kind -EQ 'Text' | ForEach-Object Text)
        Type        = $attributes['Type']
        Sets        = @($attributes['Parameter Sets'] -split ',\s*' | Where-Object { $_ })
        Aliases     = $attributes['Aliases']
        Required    = $attributes['Required']
        Position    = $attributes['Position']
        Default     = $attributes['Default value']
        Pipeline    = $attributes['Accept pipeline input']
        Globbing    = $attributes['Accept wildcard characters']
    }
}

function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    foreach ($text in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $ns.maml, $text) }
    $Writer.WriteEndElement()
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [string] $Position)
    $isSwitch = $Parameter.Type -eq 'SwitchParameter'
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $Parameter.Required.ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Parameter.Globbing.ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Parameter.Pipeline)
    $Writer.WriteAttributeString('position', $Position.ToLowerInvariant())
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-Paragraphs $Writer $Parameter.Description
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Type)
    $Writer.WriteElementString('maml', 'uri', $ns.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $Parameter.Default)
    $Writer.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, [string[]] $Lines)
    $Writer.WriteStartElement('command', $ListName, $ns.command)
    foreach ($sub in (Split-Subsections $Lines)) {
        $Writer.WriteStartElement('command', $ItemName, $ns.command)
        $Writer.WriteStartElement('dev', 'type', $ns.dev)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $sub.Title)
        $Writer.WriteEndElement()
        Write-Paragraphs $Writer @((Split-Blocks $sub.Lines) | ForEach-Object Text)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $Writer, $Page)

    $file = $Page.File
    if ($Page.Name -notmatch '^(\w+)-(\w+)$') { throw "${file}: '$($Page.Name)' is not a Verb-Noun cmdlet name." }
    $verb, $noun = $Matches[1], $Matches[2]
    $synopsis = @((Split-Blocks $Page.Sections['SYNOPSIS']) | ForEach-Object Text)
    if ($synopsis.Count -eq 0) { throw "${file}: SYNOPSIS is empty." }

    $parameters = @((Split-Subsections $Page.Sections['PARAMETERS']) |
            Where-Object Title -NE 'CommonParameters' |
            ForEach-Object { if ($_.Title -notmatch '^-\w+$') { throw "${file}: unexpected parameter heading '### $($_.Title)'." }; $_ } |
            ForEach-Object { Read-Parameter $_ $file })
    $sets = @((Split-Subsections $Page.Sections['SYNTAX']) | ForEach-Object { ($_.Title -replace '\s*\(Default\)$', '').Trim() })
    if ($sets.Count -eq 0) { throw "${file}: SYNTAX has no '### <ParameterSet>' heading." }
    foreach ($parameter in $parameters) {
        foreach ($set in $parameter.Sets) {
            if ($set -ne '(All)' -and $sets -notcontains $set) { throw "${file}: -$($parameter.Name) names unknown parameter set '$set'." }
        }
    }

    $Writer.WriteStartElement('command', 'command', $ns.command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $null, $ns.MSHelp)

    $Writer.WriteStartElement('command', 'details', $ns.command)
    $Writer.WriteElementString('command', 'name', $ns.command, $Page.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $noun)
    Write-Paragraphs $Writer $synopsis
    $Writer.WriteEndElement()

    Write-Paragraphs $Writer @((Split-Blocks $Page.Sections['DESCRIPTION']) | ForEach-Object Text)

    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Page.Name)
        foreach ($parameter in $parameters | Where-Object { $_.Sets -contains '(All)' -or $_.Sets -contains $set }) {
            Write-Parameter $Writer $parameter $parameter.Position
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters) { Write-Parameter $Writer $parameter $parameter.Position }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Page.Sections['INPUTS']
    Write-TypeList $Writer 'returnValues' 'returnValue' $Page.Sections['OUTPUTS']

    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    $Writer.WriteStartElement('maml', 'alert', $ns.maml)
    foreach ($block in (Split-Blocks $Page.Sections['NOTES'])) { $Writer.WriteElementString('maml', 'para', $ns.maml, $block.Text) }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $examples = Split-Subsections $Page.Sections['EXAMPLES']
    if ($examples.Count -lt 2) { throw "${file}: EXAMPLES needs at least two '### Example' subsections." }
    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $examples) {
        $blocks = Split-Blocks $example.Lines
        $code = @($blocks | Where-Object Kind -EQ 'Code')
        if ($code.Count -eq 0) { throw "${file}: example '$($example.Title)' has no code block." }
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, (($code | ForEach-Object Text) -join "`n"))
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        foreach ($block in $blocks | Where-Object Kind -EQ 'Text') { $Writer.WriteElementString('maml', 'para', $ns.maml, $block.Text) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    $links = @([pscustomobject]@{ Text = 'Online Version:'; Uri = $Page.Meta['online version'] })
    foreach ($line in $Page.Sections['RELATED LINKS']) {
        if ($line -match '^\[([^\]]+)\]\(([^)]*)\)') {
            $uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }
            $links += [pscustomobject]@{ Text = $Matches[1]; Uri = $uri }
        }
    }
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

$pages = foreach ($file in $Path | Sort-Object) { Read-HelpPage -File $file }
if (@($pages).Count -eq 0) { throw 'No help pages given.' }

$outputDirectory = Split-Path -Parent $OutputPath
if ($outputDirectory) { $null = New-Item -ItemType Directory -Force -Path $outputDirectory }
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($page in $pages) { Write-Command $writer $page }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
