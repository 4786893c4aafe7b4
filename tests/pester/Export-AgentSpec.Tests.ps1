# Export-AgentSpec against the built module (deployment spec §10.3.11, §7.1, §7.4): process and Kubernetes files,
# byte-identical reruns, OutputPathNotEmpty, policy violations, and no secret value in any file even when it is set.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $workspace = Join-Path $TestDrive 'export'
    $null = New-Item -ItemType Directory -Force -Path $workspace
    $variable = 'AGENTSPEC_PESTER_EXPORT_' + [guid]::NewGuid().ToString('N').Substring(0, 8).ToUpperInvariant()
    $secretValue = 'sk-export-' + [guid]::NewGuid().ToString('N')
    [Environment]::SetEnvironmentVariable($variable, $secretValue)

    function New-FakeLinuxRuntime {
        <# An AGENTSPEC_RUNTIME_PATH folder holding <rid>/agentspec for both Linux image RIDs (content only: never run). #>
        $root = Join-Path $TestDrive 'fake-runtime'
        foreach ($rid in 'linux-x64', 'linux-arm64') {
            $folder = New-Item -ItemType Directory -Force -Path (Join-Path $root $rid)
            Set-Content -LiteralPath (Join-Path $folder 'agentspec') -Value 'fake linux runtime' -NoNewline
        }
        $root
    }
    $spec = New-SpecFile -Path (Join-Path $workspace 'agent.ias') -Text @"
package "exported" version "0.3.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "mock/echo"
}

secret "api-key" {
  env($variable)
}

deploy "dev" target "process" {
  default true
  port 18099
  env {
    LOG_LEVEL "debug"
  }
  secrets {
    $variable "api-key"
  }
  health {
    path "/healthz"
    interval "10s"
    timeout "3s"
  }
}

deploy "production" target "kubernetes" {
  port 8080
  namespace "agents"
  image "example/exported:0.3.0"
  secrets {
    $variable "api-key"
  }
}

deploy "box" target "docker" {
  port 8090
  image "example/exported-box:0.3.0"
  resources {
    memory "256Mi"
  }
  health {
    path "/healthz"
    interval "15s"
    timeout "4s"
  }
  secrets {
    $variable "api-key"
  }
}

"@

    function Get-FileBytes([string] $Folder) {
        <# Relative name -> base64 of the bytes, for exact comparisons. #>
        $result = [ordered]@{}
        Get-ChildItem -LiteralPath $Folder -Recurse -File | Sort-Object FullName | ForEach-Object {
            $result[[IO.Path]::GetRelativePath($Folder, $_.FullName)] = [Convert]::ToBase64String([IO.File]::ReadAllBytes($_.FullName))
        }
        $result
    }
}

AfterAll {
    [Environment]::SetEnvironmentVariable($variable, $null)
}

Describe 'Export-AgentSpec' {
    It 'writes launch.json, config.json and resolved.json for a process target and returns FileInfo objects' {
        $out = Join-Path $workspace 'process'
        $files = @(Export-AgentSpec $spec -Target dev -OutputPath $out)
        $files | ForEach-Object { $_ | Should -BeOfType ([System.IO.FileInfo]) }
        @($files.Name | Sort-Object) | Should -BeExactly @('config.json', 'launch.json', 'resolved.json')

        $launch = Get-Content -Raw -LiteralPath (Join-Path $out 'launch.json') | ConvertFrom-Json -AsHashtable
        $launch.formatVersion | Should -Be 1
        $launch.executable | Should -BeExactly 'agentspec'
        $launch.arguments[0..3] | Should -BeExactly @('run', '--config', 'config.json', '--host')
        $launch.arguments | Should -Contain '--watch-health'
        $launch.port | Should -Be 18099
        $launch.workingDirectory | Should -BeExactly '.'
        $launch.environment.AGENTSPEC_DEPLOY | Should -BeExactly 'dev'
        $launch.environment.AGENTSPEC_PACKAGE | Should -BeExactly 'exported'
        $launch.environment.LOG_LEVEL | Should -BeExactly 'debug'
        $launch.secretEnvironment[$variable].secret | Should -BeExactly 'api-key'
        $launch.secretEnvironment[$variable].source | Should -BeExactly 'env'
        $launch.secretEnvironment[$variable].key | Should -BeExactly $variable
        $launch.health.url | Should -BeExactly 'http://127.0.0.1:18099/healthz'
        $launch.health.interval | Should -BeExactly '10s'

        $config = Get-Content -Raw -LiteralPath (Join-Path $out 'config.json') | ConvertFrom-Json -AsHashtable
        $config.agents[0].name | Should -BeExactly 'assistant'
        (Get-Content -Raw -LiteralPath (Join-Path $out 'resolved.json')) | Should -BeExactly ((Resolve-AgentSpec $spec -Target dev).ToJson().TrimEnd("`n") + "`n")
    }

    It 'writes the Kubernetes manifests and a secret template by target kind' {
        $out = Join-Path $workspace 'kubernetes'
        $files = @(Export-AgentSpec $spec -Target production -OutputPath $out -WarningAction SilentlyContinue)
        @($files.Name | Sort-Object) | Should -BeExactly @('manifests.yaml', 'resolved.json', 'secret.template.yaml')
        $manifests = Get-Content -Raw -LiteralPath (Join-Path $out 'manifests.yaml')
        $manifests | Should -Match '(?m)^kind: Deployment$'
        $manifests | Should -Match '(?m)^kind: ConfigMap$'
        $manifests | Should -Not -Match '(?m)^kind: Secret$'
        $manifests | Should -Match 'image: example/exported:0\.3\.0'
        Get-Content -Raw -LiteralPath (Join-Path $out 'secret.template.yaml') | Should -Match ([regex]::Escape("<from secret `"api-key`": env($variable)>"))
    }

    It 'writes rbac.yaml, the Role and ClusterRole of the deploying identity, only with -Rbac' {
        $out = Join-Path $workspace 'kubernetes-rbac'
        $files = @(Export-AgentSpec $spec -Target production -OutputPath $out -Rbac -WarningAction SilentlyContinue)
        @($files.Name | Sort-Object) | Should -BeExactly @('manifests.yaml', 'rbac.yaml', 'resolved.json', 'secret.template.yaml')
        $rbac = Get-Content -Raw -LiteralPath (Join-Path $out 'rbac.yaml')
        $rbac | Should -Match '(?m)^kind: Role$'
        $rbac | Should -Match '(?m)^  name: agentspec-deployer-'
        $rbac | Should -Match '(?m)^  - pods/log$'
        $rbac | Should -Match '(?m)^  - deployments$'
    }

    It 'refuses -Rbac for a target that is not kubernetes and writes nothing' {
        $out = Join-Path $workspace 'process-rbac'
        { Export-AgentSpec $spec -Target dev -OutputPath $out -Rbac -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'ExportFormatUnsupported,AgentSpec.Commands.ExportAgentSpecCommand' -ExpectedMessage '*-Rbac exports the role of a "kubernetes" target*'
        Test-Path -LiteralPath $out | Should -BeFalse
    }

    It 'builds on -BaseImage over AGENTSPEC_BASE_IMAGE, and plans with it' {
        $saved = $env:AGENTSPEC_BASE_IMAGE
        try {
            $env:AGENTSPEC_BASE_IMAGE = 'example/from-environment:1'
            $out = Join-Path $workspace 'docker-base'
            $null = Export-AgentSpec $spec -Target box -OutputPath $out -BaseImage 'example/from-parameter:2' -WarningAction SilentlyContinue
            Get-Content -Raw -LiteralPath (Join-Path $out 'Dockerfile') | Should -Match '(?m)^FROM example/from-parameter:2$'
            $out = Join-Path $workspace 'docker-base-env'
            $null = Export-AgentSpec $spec -Target box -OutputPath $out -WarningAction SilentlyContinue
            Get-Content -Raw -LiteralPath (Join-Path $out 'Dockerfile') | Should -Match '(?m)^FROM example/from-environment:1$'

            $state = Join-Path $workspace 'base-image.state.json'
            $plan = Get-AgentSpecPlan $spec -Target box -StatePath $state -NoSecrets -BaseImage 'example/from-parameter:2' -WarningAction SilentlyContinue
            ($plan.Changes | Where-Object Type -eq 'Image').After['baseImage'].GetValue[string]() | Should -BeExactly 'example/from-parameter:2'
            $plan = Get-AgentSpecPlan $spec -Target box -StatePath $state -NoSecrets -WarningAction SilentlyContinue
            ($plan.Changes | Where-Object Type -eq 'Image').After['baseImage'].GetValue[string]() | Should -BeExactly 'example/from-environment:1'
        }
        finally {
            $env:AGENTSPEC_BASE_IMAGE = $saved
        }
    }

    It 'writes the Dockerfile, the secret-free config.json and a .dockerignore for a docker target' {
        $out = Join-Path $workspace 'docker'
        $files = @(Export-AgentSpec $spec -Target box -OutputPath $out -WarningAction SilentlyContinue)
        @($files.Name | Sort-Object) | Should -BeExactly @('.dockerignore', 'config.json', 'Dockerfile', 'resolved.json')
        $dockerfile = Get-Content -Raw -LiteralPath (Join-Path $out 'Dockerfile')
        $dockerfile | Should -Match '(?m)^FROM '
        $dockerfile | Should -Match 'HEALTHCHECK'
        $dockerfile | Should -Match '"/app/agentspec", "healthcheck"'
        $dockerfile | Should -Match '/healthz'
        (Get-Content -Raw -LiteralPath (Join-Path $out 'config.json') | ConvertFrom-Json).format_version | Should -Be 1
        $again = Join-Path $workspace 'docker-again'
        Export-AgentSpec $spec -Target box -OutputPath $again -WarningAction SilentlyContinue | Out-Null
        (Get-FileBytes $again) | ConvertTo-Json | Should -BeExactly ((Get-FileBytes $out) | ConvertTo-Json)
    }

    It 'writes compose.yaml, each service''s build context and .env.example for a docker-compose stack' {
        $stack = New-SpecFile -Path (Join-Path $workspace 'stack' 'stack.ias') -Text @"
package "exported-stack" version "0.3.0" lang "2.0"

prompt "system" {
  content "Be brief."
}

agent "assistant" {
  uses prompt "system"
  model "mock/echo"
}

secret "api-key" {
  env($variable)
}

deploy "front" target "docker-compose" {
  port 8095
  env {
    BACK_URL "http://back:8096"
    PRICE "`$5"
  }
  secrets {
    $variable "api-key"
  }
}

deploy "back" target "docker-compose" {
  port 8096
  replicas 2
  resources {
    memory "256Mi"
  }
  health {
    path "/healthz"
  }
}
"@
        $out = Join-Path $workspace 'compose'
        $files = @(Export-AgentSpec $stack -Target back -OutputPath $out -WarningAction SilentlyContinue)
        @($files | ForEach-Object { [IO.Path]::GetRelativePath($out, $_.FullName).Replace('\', '/') } | Sort-Object) |
            Should -BeExactly @('.env.example', 'back/config.json', 'back/Dockerfile', 'compose.yaml', 'front/config.json', 'front/Dockerfile', 'resolved.json')
        $compose = Get-Content -Raw -LiteralPath (Join-Path $out 'compose.yaml')
        $compose | Should -Match '(?m)^version: "3\.8"$'
        $compose | Should -Not -Match '(?m)^name:'
        $compose | Should -Match ([regex]::Escape("${variable}: `"`${AS_SECRET__FRONT__$variable}`""))
        $compose | Should -Match ([regex]::Escape('PRICE: "$$5"'))
        $compose | Should -Match '(?ms)front:.*depends_on:\s+back:\s+condition: "service_healthy"'
        $compose | Should -Match 'memory: "256m"'
        $compose | Should -Match 'replicas: 2'
        Get-Content -Raw -LiteralPath (Join-Path $out '.env.example') | Should -Match ([regex]::Escape("AS_SECRET__FRONT__$variable=  # secret `"api-key`""))
        $again = Join-Path $workspace 'compose-again'
        Export-AgentSpec $stack -Target back -OutputPath $again -WarningAction SilentlyContinue | Out-Null
        (Get-FileBytes $again) | ConvertTo-Json | Should -BeExactly ((Get-FileBytes $out) | ConvertTo-Json)
        # Any deploy of the stack selects the whole stack: the same compose.yaml.
        $sibling = Join-Path $workspace 'compose-front'
        Export-AgentSpec $stack -Target front -OutputPath $sibling -WarningAction SilentlyContinue | Out-Null
        Get-Content -Raw -LiteralPath (Join-Path $sibling 'compose.yaml') | Should -BeExactly $compose

        # -IncludeRuntime: the runtime beside each service's Dockerfile.
        $savedRuntime = $env:AGENTSPEC_RUNTIME_PATH
        try {
            $env:AGENTSPEC_RUNTIME_PATH = New-FakeLinuxRuntime
            $withRuntime = Join-Path $workspace 'compose-runtime'
            $files = @(Export-AgentSpec $stack -Target back -OutputPath $withRuntime -IncludeRuntime -WarningAction SilentlyContinue)
            @($files | ForEach-Object { [IO.Path]::GetRelativePath($withRuntime, $_.FullName).Replace('\', '/') } | Where-Object { $_ -like '*/agentspec' } | Sort-Object) |
                Should -BeExactly @('back/agentspec', 'front/agentspec')
            Get-Content -Raw -LiteralPath (Join-Path $withRuntime 'front/agentspec') | Should -BeExactly 'fake linux runtime'
        }
        finally { $env:AGENTSPEC_RUNTIME_PATH = $savedRuntime }
    }

    Context '-IncludeRuntime' {
        BeforeAll {
            $savedRuntime = $env:AGENTSPEC_RUNTIME_PATH
        }

        AfterAll {
            $env:AGENTSPEC_RUNTIME_PATH = $savedRuntime
        }

        It 'copies the Linux runtime into the docker build context, executable, and the .dockerignore lets it in' {
            $env:AGENTSPEC_RUNTIME_PATH = New-FakeLinuxRuntime
            $out = Join-Path $workspace 'docker-runtime'
            $files = @(Export-AgentSpec $spec -Target box -OutputPath $out -IncludeRuntime -WarningAction SilentlyContinue)
            @($files.Name | Sort-Object) | Should -BeExactly @('.dockerignore', 'agentspec', 'config.json', 'Dockerfile', 'resolved.json')
            Get-Content -Raw -LiteralPath (Join-Path $out 'agentspec') | Should -BeExactly 'fake linux runtime'
            if (-not $IsWindows) { (Get-Item -LiteralPath (Join-Path $out 'agentspec')).UnixFileMode.HasFlag([IO.UnixFileMode]::UserExecute) | Should -BeTrue }
            Get-Content -Raw -LiteralPath (Join-Path $out '.dockerignore') | Should -Match '(?m)^!agentspec$'
            Get-Content -Raw -LiteralPath (Join-Path $out 'Dockerfile') | Should -Match '(?m)^COPY agentspec /app/agentspec$'
        }

        It 'stops with RuntimeNotFound and writes nothing when the Linux runtime is not installed' {
            $env:AGENTSPEC_RUNTIME_PATH = (New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'no-runtime')).FullName
            $out = Join-Path $workspace 'docker-no-runtime'
            { Export-AgentSpec $spec -Target box -OutputPath $out -IncludeRuntime -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'RuntimeNotFound,AgentSpec.Commands.ExportAgentSpecCommand'
            $out | Should -Not -Exist
        }

        It 'rejects -IncludeRuntime for an export without a build context' {
            $env:AGENTSPEC_RUNTIME_PATH = New-FakeLinuxRuntime
            $out = Join-Path $workspace 'process-runtime'
            { Export-AgentSpec $spec -Target dev -OutputPath $out -IncludeRuntime -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'ExportFormatUnsupported,AgentSpec.Commands.ExportAgentSpecCommand'
            $out | Should -Not -Exist
        }
    }

    It 'gives byte-identical files on a second run (-Force into the same folder and into a new one)' {
        foreach ($target in 'dev', 'production') {
            $first = Join-Path $workspace "first-$target"
            $second = Join-Path $workspace "second-$target"
            $null = Export-AgentSpec $spec -Target $target -OutputPath $first -WarningAction SilentlyContinue
            $before = Get-FileBytes $first
            $null = Export-AgentSpec $spec -Target $target -OutputPath $first -Force -WarningAction SilentlyContinue
            $null = Export-AgentSpec $spec -Target $target -OutputPath $second -WarningAction SilentlyContinue
            (Get-FileBytes $first | ConvertTo-Json) | Should -BeExactly ($before | ConvertTo-Json)
            (Get-FileBytes $second | ConvertTo-Json) | Should -BeExactly ($before | ConvertTo-Json)
            foreach ($file in Get-ChildItem -LiteralPath $first -File) {
                [IO.File]::ReadAllBytes($file.FullName) | Select-Object -First 3 | Should -Not -Be @(0xEF, 0xBB, 0xBF)
                [IO.File]::ReadAllText($file.FullName) | Should -Not -Match "`r"
            }
        }
    }

    It 'refuses a folder that is not empty with OutputPathNotEmpty and writes nothing' {
        $out = Join-Path $workspace 'occupied'
        $null = New-Item -ItemType Directory -Force -Path $out
        Set-Content -LiteralPath (Join-Path $out 'keep.txt') -Value 'mine'
        $failure = $null
        try { Export-AgentSpec $spec -Target dev -OutputPath $out | Out-Null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'OutputPathNotEmpty,AgentSpec.Commands.ExportAgentSpecCommand'
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        @(Get-ChildItem -LiteralPath $out).Name | Should -BeExactly @('keep.txt')

        @(Export-AgentSpec $spec -Target dev -OutputPath $out -Force) | Should -HaveCount 3
        Get-Content -Raw -LiteralPath (Join-Path $out 'keep.txt') | Should -Match 'mine'
    }

    It 'writes nothing with -WhatIf' {
        $out = Join-Path $workspace 'whatif'
        @(Export-AgentSpec $spec -Target dev -OutputPath $out -WhatIf) | Should -HaveCount 0
        Test-Path -LiteralPath $out | Should -BeFalse
    }

    It 'writes only resolved.json with -Format Json and refuses a format that does not fit the target' {
        $out = Join-Path $workspace 'json'
        @((Export-AgentSpec $spec -Target dev -Format Json -OutputPath $out).Name) | Should -BeExactly @('resolved.json')
        $failure = $null
        try { Export-AgentSpec $spec -Target dev -Format Kubernetes -OutputPath (Join-Path $workspace 'mismatch') | Out-Null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'ExportFormatUnsupported,AgentSpec.Commands.ExportAgentSpecCommand'
        Test-Path -LiteralPath (Join-Path $workspace 'mismatch') | Should -BeFalse
    }

    It 'never writes the secret value, although it is set in the environment' {
        [Environment]::GetEnvironmentVariable($variable) | Should -BeExactly $secretValue
        $all = Get-ChildItem -LiteralPath $workspace -Recurse -File | Where-Object Name -NE 'agent.ias'
        $all.Count | Should -BeGreaterThan 10
        foreach ($file in $all) {
            Get-Content -Raw -LiteralPath $file.FullName | Should -Not -Match ([regex]::Escape($secretValue)) -Because $file.FullName
        }
    }

    It 'stops with PolicyViolation when a policy forbids the configuration' {
        $failure = $null
        try { Export-AgentSpec (Get-CorpusPath 'seed/production-best-practices.ias') -Environment dev -OutputPath (Join-Path $workspace 'denied-out') -StatePath (Join-Path $workspace 'none.json') -WarningAction SilentlyContinue | Out-Null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'PolicyViolation,AgentSpec.Commands.ExportAgentSpecCommand'
        $failure.Exception.Message | Should -Match 'production-safety'
        Test-Path -LiteralPath (Join-Path $workspace 'denied-out') | Should -BeFalse
    }
}
