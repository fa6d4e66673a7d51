
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rsadmin' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rsadmin'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rsadmin' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show settings of databases, the cluster or nodes')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show nodes, databases, endpoints and shards as rladmin''s tables')
            [CompletionResult]::new('tune', 'tune', [CompletionResultType]::ParameterValue, 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]')
            [CompletionResult]::new('bind', 'bind', [CompletionResultType]::ParameterValue, 'Change an endpoint''s proxy policy or proxy lists')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'Set shard placement (deprecated: use tune db <db> shards_placement)')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Node settings: node <id> external_addr add|set|remove <ip>...')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Report the OSS Cluster API prerequisites of a database')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Run check and verify and map findings to the troubleshooting table: doctor db <db>')
            [CompletionResult]::new('keyslot', 'keyslot', [CompletionResultType]::ParameterValue, 'Show each key''s hash slot (and, with --db, the shard and node serving it)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;info' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Settings of one database (db:<id> or name), or of all')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster settings')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Settings of one node, or of all (`all` or nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;info;db' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;info;cluster' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;info;node' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;info;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Settings of one database (db:<id> or name), or of all')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster settings')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Settings of one node, or of all (`all` or nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;info;help;db' {
            break
        }
        'rsadmin;info;help;cluster' {
            break
        }
        'rsadmin;info;help;node' {
            break
        }
        'rsadmin;info;help;help' {
            break
        }
        'rsadmin;status' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;tune' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;tune;db' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the cluster to apply the change')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'With `oss_cluster enabled`: first apply the prerequisites rsadmin can fix (proxy policy, placement), each waited for, then enable')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and the REST call; send nothing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;tune;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;tune;help;db' {
            break
        }
        'rsadmin;tune;help;help' {
            break
        }
        'rsadmin;bind' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the cluster to apply the change')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and the REST call; send nothing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;placement' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'placement db <db> dense|sparse')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;placement;db' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the cluster to apply the change')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and the REST call; send nothing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;placement;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'placement db <db> dense|sparse')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;placement;help;db' {
            break
        }
        'rsadmin;placement;help;help' {
            break
        }
        'rsadmin;node' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('external_addr', 'external_addr', [CompletionResultType]::ParameterValue, 'External addresses, advertised with oss_cluster_api_preferred_ip_type external')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;node;external_addr' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the cluster to apply the change')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and the REST call; send nothing')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rsadmin;node;help' {
            [CompletionResult]::new('external_addr', 'external_addr', [CompletionResultType]::ParameterValue, 'External addresses, advertised with oss_cluster_api_preferred_ip_type external')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;node;help;external_addr' {
            break
        }
        'rsadmin;node;help;help' {
            break
        }
        'rsadmin;check' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'OSS Cluster API prerequisites, one line per rule with the command that fixes it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;check;db' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;check;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'OSS Cluster API prerequisites, one line per rule with the command that fixes it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;check;help;db' {
            break
        }
        'rsadmin;check;help;help' {
            break
        }
        'rsadmin;verify' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Connect as a cluster-aware client and check the topology every node advertises')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;verify;db' {
            [CompletionResult]::new('--probe-timeout', '--probe-timeout', [CompletionResultType]::ParameterName, 'Seconds each probe step (connect, TLS handshake, one reply) may take')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)')
            [CompletionResult]::new('--db-ca-cert', '--db-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) of the database''s TLS certificates, for databases with TLS')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--write-probe', '--write-probe', [CompletionResultType]::ParameterName, 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;verify;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Connect as a cluster-aware client and check the topology every node advertises')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;verify;help;db' {
            break
        }
        'rsadmin;verify;help;help' {
            break
        }
        'rsadmin;doctor' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Run check and verify and map the results to the OSS Cluster API troubleshooting table')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;doctor;db' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Keys your application uses together (repeatable): doctor tells whether they share a slot')
            [CompletionResult]::new('--probe-timeout', '--probe-timeout', [CompletionResultType]::ParameterName, 'Seconds each probe step (connect, TLS handshake, one reply) may take')
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)')
            [CompletionResult]::new('--db-ca-cert', '--db-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) of the database''s TLS certificates, for databases with TLS')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--write-probe', '--write-probe', [CompletionResultType]::ParameterName, 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;doctor;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Run check and verify and map the results to the OSS Cluster API troubleshooting table')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;doctor;help;db' {
            break
        }
        'rsadmin;doctor;help;help' {
            break
        }
        'rsadmin;keyslot' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Also show the master shard and node of this database serving each key (db:<id> or name)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;generate-assets' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show settings of databases, the cluster or nodes')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show nodes, databases, endpoints and shards as rladmin''s tables')
            [CompletionResult]::new('tune', 'tune', [CompletionResultType]::ParameterValue, 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]')
            [CompletionResult]::new('bind', 'bind', [CompletionResultType]::ParameterValue, 'Change an endpoint''s proxy policy or proxy lists')
            [CompletionResult]::new('placement', 'placement', [CompletionResultType]::ParameterValue, 'Set shard placement (deprecated: use tune db <db> shards_placement)')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Node settings: node <id> external_addr add|set|remove <ip>...')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Report the OSS Cluster API prerequisites of a database')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Run check and verify and map findings to the troubleshooting table: doctor db <db>')
            [CompletionResult]::new('keyslot', 'keyslot', [CompletionResultType]::ParameterValue, 'Show each key''s hash slot (and, with --db, the shard and node serving it)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;help;info' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Settings of one database (db:<id> or name), or of all')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster settings')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Settings of one node, or of all (`all` or nothing)')
            break
        }
        'rsadmin;help;info;db' {
            break
        }
        'rsadmin;help;info;cluster' {
            break
        }
        'rsadmin;help;info;node' {
            break
        }
        'rsadmin;help;status' {
            break
        }
        'rsadmin;help;tune' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]')
            break
        }
        'rsadmin;help;tune;db' {
            break
        }
        'rsadmin;help;bind' {
            break
        }
        'rsadmin;help;placement' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'placement db <db> dense|sparse')
            break
        }
        'rsadmin;help;placement;db' {
            break
        }
        'rsadmin;help;node' {
            [CompletionResult]::new('external_addr', 'external_addr', [CompletionResultType]::ParameterValue, 'External addresses, advertised with oss_cluster_api_preferred_ip_type external')
            break
        }
        'rsadmin;help;node;external_addr' {
            break
        }
        'rsadmin;help;check' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'OSS Cluster API prerequisites, one line per rule with the command that fixes it')
            break
        }
        'rsadmin;help;check;db' {
            break
        }
        'rsadmin;help;verify' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Connect as a cluster-aware client and check the topology every node advertises')
            break
        }
        'rsadmin;help;verify;db' {
            break
        }
        'rsadmin;help;doctor' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Run check and verify and map the results to the OSS Cluster API troubleshooting table')
            break
        }
        'rsadmin;help;doctor;db' {
            break
        }
        'rsadmin;help;keyslot' {
            break
        }
        'rsadmin;help;generate-assets' {
            break
        }
        'rsadmin;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
