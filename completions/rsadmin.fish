# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rsadmin_global_optspecs
    string join \n cluster= user= ca-cert= insecure profile= o/output= y/yes h/help V/version
end

function __fish_rsadmin_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rsadmin_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rsadmin_using_subcommand
    set -l cmd (__fish_rsadmin_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rsadmin -n "__fish_rsadmin_needs_command" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s V -l version -d 'Print version'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "generate-assets" -d 'Write shell completions and man pages (for maintainers)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "info" -d 'Show settings of databases, the cluster or nodes'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "status" -d 'Show nodes, databases, endpoints and shards as rladmin\'s tables'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "tune" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "bind" -d 'Change an endpoint\'s proxy policy or proxy lists'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "placement" -d 'Set shard placement (deprecated: use tune db <db> shards_placement)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "node" -d 'Node settings: node <id> external_addr add|set|remove <ip>...'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "check" -d 'Report the OSS Cluster API prerequisites of a database'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "verify" -d 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "doctor" -d 'Run check and verify and map findings to the troubleshooting table: doctor db <db>'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "keyslot" -d 'Show each key\'s hash slot (and, with --db, the shard and node serving it)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "profile" -d 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "install-aliases" -d 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "crdb" -d 'Active-Active databases, with crdb-cli\'s grammar: crdb create|update|list|get|delete'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "task" -d 'Active-Active tasks, with crdb-cli\'s grammar: task list|status|cancel'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -f -a "db" -d 'Settings of one database (db:<id> or name), or of all'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -f -a "cluster" -d 'Cluster settings'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -f -a "node" -d 'Settings of one node, or of all (`all` or nothing)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from help" -f -a "db" -d 'Settings of one database (db:<id> or name), or of all'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Cluster settings'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from help" -f -a "node" -d 'Settings of one node, or of all (`all` or nothing)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l timeout -d 'Seconds to wait for the cluster to apply the change' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l fix -d 'With `oss_cluster enabled`: first apply the prerequisites rsadmin can fix (proxy policy, placement), each waited for, then enable'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l dry-run -d 'Print the plan and the REST call; send nothing'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from help" -f -a "db" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l timeout -d 'Seconds to wait for the cluster to apply the change' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l dry-run -d 'Print the plan and the REST call; send nothing'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'placement db <db> dense|sparse'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l timeout -d 'Seconds to wait for the cluster to apply the change' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l dry-run -d 'Print the plan and the REST call; send nothing'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "db" -d 'placement db <db> dense|sparse'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -a "external_addr" -d 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l timeout -d 'Seconds to wait for the cluster to apply the change' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l dry-run -d 'Print the plan and the REST call; send nothing'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "external_addr" -d 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "db" -d 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'Connect as a cluster-aware client and check the topology every node advertises'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l probe-timeout -d 'Seconds each probe step (connect, TLS handshake, one reply) may take' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l db-user -d 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l db-ca-cert -d 'CA certificate (PEM) of the database\'s TLS certificates, for databases with TLS' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l write-probe -d 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "db" -d 'Connect as a cluster-aware client and check the topology every node advertises'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l key -d 'Keys your application uses together (repeatable): doctor tells whether they share a slot' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l probe-timeout -d 'Seconds each probe step (connect, TLS handshake, one reply) may take' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l db-user -d 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l db-ca-cert -d 'CA certificate (PEM) of the database\'s TLS certificates, for databases with TLS' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l write-probe -d 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from help" -f -a "db" -d 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l db -d 'Also show the master shard and node of this database serving each key (db:<id> or name)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "add" -d 'Save a cluster connection; the password goes to the OS keyring, never to a file'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "list" -d 'List the saved profiles (`*` marks the active one)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "show" -d 'Show one profile (default: the active one) and whether its password is in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "use" -d 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "set-db-password" -d 'Store a database\'s password (for verify and doctor) in the keyring under a profile'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "remove" -d 'Delete a profile and its passwords in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and not __fish_seen_subcommand_from add list show use set-db-password remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l trust-fingerprint -d 'Trust the cluster certificate with this SHA-256 fingerprint (hex, colons optional)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from standard input (one line) instead of asking'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l names -d 'Names only, one per line (for shell completion)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -l password-stdin -d 'Read the password from standard input (one line) instead of asking'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from set-db-password" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "add" -d 'Save a cluster connection; the password goes to the OS keyring, never to a file'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the saved profiles (`*` marks the active one)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one profile (default: the active one) and whether its password is in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "set-db-password" -d 'Store a database\'s password (for verify and doctor) in the keyring under a profile'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete a profile and its passwords in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l force -d 'Replace existing files of those names'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand install-aliases" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "create" -d 'Create an Active-Active database on every participating cluster'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "update" -d 'Change the configuration of every instance (PATCH)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "list" -d 'One row per instance of every Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "get" -d 'Show one Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "delete" -d 'Delete an Active-Active database and all its instances'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and not __fish_seen_subcommand_from create update list get delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l name -d 'Database name' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l memory-size -d 'Memory limit per instance: bytes, or with a unit (100mb, 1GB, 10g)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l instance -d 'A participating cluster: fqdn=...,username=...,password-env=VAR[,url=...] or fqdn=...,profile=NAME' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l port -d 'The same database port on every cluster' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l sharding -d 'Shard the database (cannot be changed later; default true)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l shards-count -d 'Master shards per instance' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l shard-key-regex -d 'Hashing rule: one regex with a (?<tag>...) group, or a JSON array of {"regex": ...}' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l replication -d 'Replica shards (default false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l proxy-policy -d 'Proxy policy of every instance' -r -f -a "all-nodes\t''
all-master-shards\t''
single\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l oss-cluster -d 'Enable or disable the OSS Cluster API on every instance (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l eviction-policy -d 'Eviction policy (create\'s default: noeviction)' -r -f -a "noeviction\t''
allkeys-lru\t''
allkeys-lfu\t''
allkeys-random\t''
volatile-lru\t''
volatile-lfu\t''
volatile-random\t''
volatile-ttl\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l encryption -d 'Encrypt traffic between the clusters (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l causal-consistency -d 'Causal consistency (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l compression -d 'Compression of replication traffic, 0-6 (create\'s default: 3)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l default-db-config -d 'database_config fields as JSON, e.g. \'{"shards_count": 2}\'' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l default-db-config-file -d 'database_config fields from a JSON file' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for the task to end' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l wait -d 'Wait for the task to end, printing each status change (default)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l no-wait -d 'Print the task id and return without waiting'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l crdb-guid -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l memory-size -d 'New memory limit per instance' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l oss-cluster -d 'Enable or disable the OSS Cluster API on every instance (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l eviction-policy -d 'Eviction policy (create\'s default: noeviction)' -r -f -a "noeviction\t''
allkeys-lru\t''
allkeys-lfu\t''
allkeys-random\t''
volatile-lru\t''
volatile-lfu\t''
volatile-random\t''
volatile-ttl\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l encryption -d 'Encrypt traffic between the clusters (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l causal-consistency -d 'Causal consistency (create\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l compression -d 'Compression of replication traffic, 0-6 (create\'s default: 3)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l credentials -d 'New credentials for one instance: id=<instance id>,username=...,password-env=VAR (or profile=NAME)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l default-db-config -d 'database_config fields as JSON, e.g. \'{"shards_count": 2}\'' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l default-db-config-file -d 'database_config fields from a JSON file' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l timeout -d 'Seconds to wait for the task to end' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l force -d 'Send the update even if nothing changes'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l wait -d 'Wait for the task to end, printing each status change (default)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l no-wait -d 'Print the task id and return without waiting'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l verbose -d 'Accepted for crdb-cli compatibility; the table is the same'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l crdb-guid -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l crdb-guid -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for the task to end' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l wait -d 'Wait for the task to end, printing each status change (default)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l no-wait -d 'Print the task id and return without waiting'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an Active-Active database on every participating cluster'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change the configuration of every instance (PATCH)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "list" -d 'One row per instance of every Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an Active-Active database and all its instances'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand crdb; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -f -a "list" -d 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -f -a "status" -d 'Show one task; a failed task lists each cluster\'s error'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -f -a "cancel" -d 'Cancel a task that has not started yet'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and not __fish_seen_subcommand_from list status cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l task-id -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l verbose -d 'Ask the cluster for details'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l no-verbose
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l task-id -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l profile -d 'Use a saved connection profile' -r -f -a "(rsadmin profile list --names 2>/dev/null)"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show one task; a failed task lists each cluster\'s error'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a task that has not started yet'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "generate-assets" -d 'Write shell completions and man pages (for maintainers)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "info" -d 'Show settings of databases, the cluster or nodes'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "status" -d 'Show nodes, databases, endpoints and shards as rladmin\'s tables'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "tune" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "bind" -d 'Change an endpoint\'s proxy policy or proxy lists'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "placement" -d 'Set shard placement (deprecated: use tune db <db> shards_placement)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "node" -d 'Node settings: node <id> external_addr add|set|remove <ip>...'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "check" -d 'Report the OSS Cluster API prerequisites of a database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "verify" -d 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "doctor" -d 'Run check and verify and map findings to the troubleshooting table: doctor db <db>'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "keyslot" -d 'Show each key\'s hash slot (and, with --db, the shard and node serving it)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "profile" -d 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "install-aliases" -d 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "crdb" -d 'Active-Active databases, with crdb-cli\'s grammar: crdb create|update|list|get|delete'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "task" -d 'Active-Active tasks, with crdb-cli\'s grammar: task list|status|cancel'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from generate-assets info status tune bind placement node check verify doctor keyslot profile install-aliases crdb task help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "db" -d 'Settings of one database (db:<id> or name), or of all'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "cluster" -d 'Cluster settings'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "node" -d 'Settings of one node, or of all (`all` or nothing)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from tune" -f -a "db" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "db" -d 'placement db <db> dense|sparse'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "external_addr" -d 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "db" -d 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "db" -d 'Connect as a cluster-aware client and check the topology every node advertises'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from doctor" -f -a "db" -d 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "add" -d 'Save a cluster connection; the password goes to the OS keyring, never to a file'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the saved profiles (`*` marks the active one)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show one profile (default: the active one) and whether its password is in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "set-db-password" -d 'Store a database\'s password (for verify and doctor) in the keyring under a profile'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Delete a profile and its passwords in the keyring'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from crdb" -f -a "create" -d 'Create an Active-Active database on every participating cluster'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from crdb" -f -a "update" -d 'Change the configuration of every instance (PATCH)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from crdb" -f -a "list" -d 'One row per instance of every Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from crdb" -f -a "get" -d 'Show one Active-Active database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from crdb" -f -a "delete" -d 'Delete an Active-Active database and all its instances'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "status" -d 'Show one task; a failed task lists each cluster\'s error'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "cancel" -d 'Cancel a task that has not started yet'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand profile; and __fish_seen_subcommand_from show use set-db-password remove" -f -a "(rsadmin profile list --names 2>/dev/null)"
