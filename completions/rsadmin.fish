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
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_needs_command" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -s V -l version -d 'Print version'
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
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "generate-assets" -d 'Write shell completions and man pages (for maintainers)'
complete -c rsadmin -n "__fish_rsadmin_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and not __fish_seen_subcommand_from db cluster node help" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from db" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand info; and __fish_seen_subcommand_from node" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand status" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand tune; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l dry-run -d 'Print the plan and the REST call; send nothing'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand bind" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand placement; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and not __fish_seen_subcommand_from external_addr help" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand node; and __fish_seen_subcommand_from external_addr" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand check; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'Connect as a cluster-aware client and check the topology every node advertises'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l probe-timeout -d 'Seconds each probe step (connect, TLS handshake, one reply) may take' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l db-user -d 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l db-ca-cert -d 'CA certificate (PEM) of the database\'s TLS certificates, for databases with TLS' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand verify; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -f -a "db" -d 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and not __fish_seen_subcommand_from db help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l key -d 'Keys your application uses together (repeatable): doctor tells whether they share a slot' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l probe-timeout -d 'Seconds each probe step (connect, TLS handshake, one reply) may take' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l db-user -d 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l db-ca-cert -d 'CA certificate (PEM) of the database\'s TLS certificates, for databases with TLS' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand doctor; and __fish_seen_subcommand_from db" -l profile -d 'Use a saved connection profile' -r
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
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand keyslot" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l cluster -d 'Cluster REST API URL, e.g. https://cluster.example.com:9443' -r -f
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l user -d 'User name (an email on Redis Software)' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l ca-cert -d 'Trust this CA certificate (PEM) in addition to the public CAs' -r -F
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l profile -d 'Use a saved connection profile' -r
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s o -l output -d 'Output format: rladmin-style text, or one JSON document on stdout' -r -f -a "text\t''
json\t''"
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -l insecure -d 'Do not verify the server certificate (prints a warning)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s y -l yes -d 'Assume yes for confirmations (rladmin\'s -y)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand generate-assets" -s h -l help -d 'Print help'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "info" -d 'Show settings of databases, the cluster or nodes'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "status" -d 'Show nodes, databases, endpoints and shards as rladmin\'s tables'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "tune" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "bind" -d 'Change an endpoint\'s proxy policy or proxy lists'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "placement" -d 'Set shard placement (deprecated: use tune db <db> shards_placement)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "node" -d 'Node settings: node <id> external_addr add|set|remove <ip>...'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "check" -d 'Report the OSS Cluster API prerequisites of a database'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "verify" -d 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "doctor" -d 'Run check and verify and map findings to the troubleshooting table: doctor db <db>'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "keyslot" -d 'Show each key\'s hash slot (and, with --db, the shard and node serving it)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "generate-assets" -d 'Write shell completions and man pages (for maintainers)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and not __fish_seen_subcommand_from info status tune bind placement node check verify doctor keyslot generate-assets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "db" -d 'Settings of one database (db:<id> or name), or of all'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "cluster" -d 'Cluster settings'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from info" -f -a "node" -d 'Settings of one node, or of all (`all` or nothing)'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from tune" -f -a "db" -d 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from placement" -f -a "db" -d 'placement db <db> dense|sparse'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "external_addr" -d 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "db" -d 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from verify" -f -a "db" -d 'Connect as a cluster-aware client and check the topology every node advertises'
complete -c rsadmin -n "__fish_rsadmin_using_subcommand help; and __fish_seen_subcommand_from doctor" -f -a "db" -d 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
