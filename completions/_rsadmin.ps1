
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
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for maintainers)')
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
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)')
            [CompletionResult]::new('install-aliases', 'install-aliases', [CompletionResultType]::ParameterValue, 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar')
            [CompletionResult]::new('crdb', 'crdb', [CompletionResultType]::ParameterValue, 'Active-Active databases, with crdb-cli''s grammar: crdb create|update|list|get|delete')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Active-Active tasks, with crdb-cli''s grammar: task list|status|cancel')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
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
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)')
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
            [CompletionResult]::new('--db-user', '--db-user', [CompletionResultType]::ParameterName, 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)')
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
        'rsadmin;profile' {
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
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save a cluster connection; the password goes to the OS keyring, never to a file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved profiles (`*` marks the active one)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile (default: the active one) and whether its password is in the keyring')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)')
            [CompletionResult]::new('set-db-password', 'set-db-password', [CompletionResultType]::ParameterValue, 'Store a database''s password (for verify and doctor) in the keyring under a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile and its passwords in the keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;profile;add' {
            [CompletionResult]::new('--trust-fingerprint', '--trust-fingerprint', [CompletionResultType]::ParameterName, 'Trust the cluster certificate with this SHA-256 fingerprint (hex, colons optional)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (one line) instead of asking')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;list' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Names only, one per line (for shell completion)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;show' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;use' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;set-db-password' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (one line) instead of asking')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;remove' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;profile;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save a cluster connection; the password goes to the OS keyring, never to a file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved profiles (`*` marks the active one)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile (default: the active one) and whether its password is in the keyring')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)')
            [CompletionResult]::new('set-db-password', 'set-db-password', [CompletionResultType]::ParameterValue, 'Store a database''s password (for verify and doctor) in the keyring under a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile and its passwords in the keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;profile;help;add' {
            break
        }
        'rsadmin;profile;help;list' {
            break
        }
        'rsadmin;profile;help;show' {
            break
        }
        'rsadmin;profile;help;use' {
            break
        }
        'rsadmin;profile;help;set-db-password' {
            break
        }
        'rsadmin;profile;help;remove' {
            break
        }
        'rsadmin;profile;help;help' {
            break
        }
        'rsadmin;install-aliases' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing files of those names')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;crdb' {
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
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an Active-Active database on every participating cluster')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the configuration of every instance (PATCH)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'One row per instance of every Active-Active database')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one Active-Active database')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an Active-Active database and all its instances')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;crdb;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Database name')
            [CompletionResult]::new('--memory-size', '--memory-size', [CompletionResultType]::ParameterName, 'Memory limit per instance: bytes, or with a unit (100mb, 1GB, 10g)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A participating cluster: fqdn=...,username=...,password-env=VAR[,url=...] or fqdn=...,profile=NAME')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The same database port on every cluster')
            [CompletionResult]::new('--sharding', '--sharding', [CompletionResultType]::ParameterName, 'Shard the database (cannot be changed later; default true)')
            [CompletionResult]::new('--shards-count', '--shards-count', [CompletionResultType]::ParameterName, 'Master shards per instance')
            [CompletionResult]::new('--shard-key-regex', '--shard-key-regex', [CompletionResultType]::ParameterName, 'Hashing rule: one regex with a (?<tag>...) group, or a JSON array of {"regex": ...}')
            [CompletionResult]::new('--replication', '--replication', [CompletionResultType]::ParameterName, 'Replica shards (default false)')
            [CompletionResult]::new('--proxy-policy', '--proxy-policy', [CompletionResultType]::ParameterName, 'Proxy policy of every instance')
            [CompletionResult]::new('--oss-cluster', '--oss-cluster', [CompletionResultType]::ParameterName, 'Enable or disable the OSS Cluster API on every instance (create''s default: false)')
            [CompletionResult]::new('--eviction-policy', '--eviction-policy', [CompletionResultType]::ParameterName, 'Eviction policy (create''s default: noeviction)')
            [CompletionResult]::new('--encryption', '--encryption', [CompletionResultType]::ParameterName, 'Encrypt traffic between the clusters (create''s default: false)')
            [CompletionResult]::new('--causal-consistency', '--causal-consistency', [CompletionResultType]::ParameterName, 'Causal consistency (create''s default: false)')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression of replication traffic, 0-6 (create''s default: 3)')
            [CompletionResult]::new('--default-db-config', '--default-db-config', [CompletionResultType]::ParameterName, 'database_config fields as JSON, e.g. ''{"shards_count": 2}''')
            [CompletionResult]::new('--default-db-config-file', '--default-db-config-file', [CompletionResultType]::ParameterName, 'database_config fields from a JSON file')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the task to end')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the task to end, printing each status change (default)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Print the task id and return without waiting')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;crdb;update' {
            [CompletionResult]::new('--crdb-guid', '--crdb-guid', [CompletionResultType]::ParameterName, 'crdb-guid')
            [CompletionResult]::new('--memory-size', '--memory-size', [CompletionResultType]::ParameterName, 'New memory limit per instance')
            [CompletionResult]::new('--oss-cluster', '--oss-cluster', [CompletionResultType]::ParameterName, 'Enable or disable the OSS Cluster API on every instance (create''s default: false)')
            [CompletionResult]::new('--eviction-policy', '--eviction-policy', [CompletionResultType]::ParameterName, 'Eviction policy (create''s default: noeviction)')
            [CompletionResult]::new('--encryption', '--encryption', [CompletionResultType]::ParameterName, 'Encrypt traffic between the clusters (create''s default: false)')
            [CompletionResult]::new('--causal-consistency', '--causal-consistency', [CompletionResultType]::ParameterName, 'Causal consistency (create''s default: false)')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression of replication traffic, 0-6 (create''s default: 3)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'New credentials for one instance: id=<instance id>,username=...,password-env=VAR (or profile=NAME)')
            [CompletionResult]::new('--default-db-config', '--default-db-config', [CompletionResultType]::ParameterName, 'database_config fields as JSON, e.g. ''{"shards_count": 2}''')
            [CompletionResult]::new('--default-db-config-file', '--default-db-config-file', [CompletionResultType]::ParameterName, 'database_config fields from a JSON file')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the task to end')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Send the update even if nothing changes')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the task to end, printing each status change (default)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Print the task id and return without waiting')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;crdb;list' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Accepted for crdb-cli compatibility; the table is the same')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;crdb;get' {
            [CompletionResult]::new('--crdb-guid', '--crdb-guid', [CompletionResultType]::ParameterName, 'crdb-guid')
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
        'rsadmin;crdb;delete' {
            [CompletionResult]::new('--crdb-guid', '--crdb-guid', [CompletionResultType]::ParameterName, 'crdb-guid')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the task to end')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the task to end, printing each status change (default)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Print the task id and return without waiting')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;crdb;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an Active-Active database on every participating cluster')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the configuration of every instance (PATCH)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'One row per instance of every Active-Active database')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one Active-Active database')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an Active-Active database and all its instances')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;crdb;help;create' {
            break
        }
        'rsadmin;crdb;help;update' {
            break
        }
        'rsadmin;crdb;help;list' {
            break
        }
        'rsadmin;crdb;help;get' {
            break
        }
        'rsadmin;crdb;help;delete' {
            break
        }
        'rsadmin;crdb;help;help' {
            break
        }
        'rsadmin;task' {
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
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one task; a failed task lists each cluster''s error')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a task that has not started yet')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;task;list' {
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
        'rsadmin;task;status' {
            [CompletionResult]::new('--task-id', '--task-id', [CompletionResultType]::ParameterName, 'task-id')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Cluster REST API URL, e.g. https://cluster.example.com:9443')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (an email on Redis Software)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the public CAs')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: rladmin-style text, or one JSON document on stdout')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Ask the cluster for details')
            [CompletionResult]::new('--no-verbose', '--no-verbose', [CompletionResultType]::ParameterName, 'no-verbose')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server certificate (prints a warning)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Assume yes for confirmations (rladmin''s -y)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'rsadmin;task;cancel' {
            [CompletionResult]::new('--task-id', '--task-id', [CompletionResultType]::ParameterName, 'task-id')
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
        'rsadmin;task;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one task; a failed task lists each cluster''s error')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a task that has not started yet')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;task;help;list' {
            break
        }
        'rsadmin;task;help;status' {
            break
        }
        'rsadmin;task;help;cancel' {
            break
        }
        'rsadmin;task;help;help' {
            break
        }
        'rsadmin;help' {
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (for maintainers)')
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
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)')
            [CompletionResult]::new('install-aliases', 'install-aliases', [CompletionResultType]::ParameterValue, 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar')
            [CompletionResult]::new('crdb', 'crdb', [CompletionResultType]::ParameterValue, 'Active-Active databases, with crdb-cli''s grammar: crdb create|update|list|get|delete')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Active-Active tasks, with crdb-cli''s grammar: task list|status|cancel')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsadmin;help;generate-assets' {
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
        'rsadmin;help;profile' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save a cluster connection; the password goes to the OS keyring, never to a file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved profiles (`*` marks the active one)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile (default: the active one) and whether its password is in the keyring')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)')
            [CompletionResult]::new('set-db-password', 'set-db-password', [CompletionResultType]::ParameterValue, 'Store a database''s password (for verify and doctor) in the keyring under a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile and its passwords in the keyring')
            break
        }
        'rsadmin;help;profile;add' {
            break
        }
        'rsadmin;help;profile;list' {
            break
        }
        'rsadmin;help;profile;show' {
            break
        }
        'rsadmin;help;profile;use' {
            break
        }
        'rsadmin;help;profile;set-db-password' {
            break
        }
        'rsadmin;help;profile;remove' {
            break
        }
        'rsadmin;help;install-aliases' {
            break
        }
        'rsadmin;help;crdb' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an Active-Active database on every participating cluster')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change the configuration of every instance (PATCH)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'One row per instance of every Active-Active database')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one Active-Active database')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an Active-Active database and all its instances')
            break
        }
        'rsadmin;help;crdb;create' {
            break
        }
        'rsadmin;help;crdb;update' {
            break
        }
        'rsadmin;help;crdb;list' {
            break
        }
        'rsadmin;help;crdb;get' {
            break
        }
        'rsadmin;help;crdb;delete' {
            break
        }
        'rsadmin;help;task' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show one task; a failed task lists each cluster''s error')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a task that has not started yet')
            break
        }
        'rsadmin;help;task;list' {
            break
        }
        'rsadmin;help;task;status' {
            break
        }
        'rsadmin;help;task;cancel' {
            break
        }
        'rsadmin;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
