
use builtin;
use str;

set edit:completion:arg-completer[rsadmin] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rsadmin'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rsadmin'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand info 'Show settings of databases, the cluster or nodes'
            cand status 'Show nodes, databases, endpoints and shards as rladmin''s tables'
            cand tune 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
            cand bind 'Change an endpoint''s proxy policy or proxy lists'
            cand placement 'Set shard placement (deprecated: use tune db <db> shards_placement)'
            cand node 'Node settings: node <id> external_addr add|set|remove <ip>...'
            cand check 'Report the OSS Cluster API prerequisites of a database'
            cand verify 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>'
            cand doctor 'Run check and verify and map findings to the troubleshooting table: doctor db <db>'
            cand keyslot 'Show each key''s hash slot (and, with --db, the shard and node serving it)'
            cand generate-assets 'Write shell completions and man pages (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;info'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'Settings of one database (db:<id> or name), or of all'
            cand cluster 'Cluster settings'
            cand node 'Settings of one node, or of all (`all` or nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;info;db'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;info;cluster'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;info;node'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;info;help'= {
            cand db 'Settings of one database (db:<id> or name), or of all'
            cand cluster 'Cluster settings'
            cand node 'Settings of one node, or of all (`all` or nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;info;help;db'= {
        }
        &'rsadmin;info;help;cluster'= {
        }
        &'rsadmin;info;help;node'= {
        }
        &'rsadmin;info;help;help'= {
        }
        &'rsadmin;status'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;tune'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;tune;db'= {
            cand --timeout 'Seconds to wait for the cluster to apply the change'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --fix 'With `oss_cluster enabled`: first apply the prerequisites rsadmin can fix (proxy policy, placement), each waited for, then enable'
            cand --dry-run 'Print the plan and the REST call; send nothing'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;tune;help'= {
            cand db 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;tune;help;db'= {
        }
        &'rsadmin;tune;help;help'= {
        }
        &'rsadmin;bind'= {
            cand --timeout 'Seconds to wait for the cluster to apply the change'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --dry-run 'Print the plan and the REST call; send nothing'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;placement'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'placement db <db> dense|sparse'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;placement;db'= {
            cand --timeout 'Seconds to wait for the cluster to apply the change'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --dry-run 'Print the plan and the REST call; send nothing'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;placement;help'= {
            cand db 'placement db <db> dense|sparse'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;placement;help;db'= {
        }
        &'rsadmin;placement;help;help'= {
        }
        &'rsadmin;node'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand external_addr 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;node;external_addr'= {
            cand --timeout 'Seconds to wait for the cluster to apply the change'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --dry-run 'Print the plan and the REST call; send nothing'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'rsadmin;node;help'= {
            cand external_addr 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;node;help;external_addr'= {
        }
        &'rsadmin;node;help;help'= {
        }
        &'rsadmin;check'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;check;db'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;check;help'= {
            cand db 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;check;help;db'= {
        }
        &'rsadmin;check;help;help'= {
        }
        &'rsadmin;verify'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'Connect as a cluster-aware client and check the topology every node advertises'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;verify;db'= {
            cand --probe-timeout 'Seconds each probe step (connect, TLS handshake, one reply) may take'
            cand --db-user 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)'
            cand --db-ca-cert 'CA certificate (PEM) of the database''s TLS certificates, for databases with TLS'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --write-probe 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;verify;help'= {
            cand db 'Connect as a cluster-aware client and check the topology every node advertises'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;verify;help;db'= {
        }
        &'rsadmin;verify;help;help'= {
        }
        &'rsadmin;doctor'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand db 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;doctor;db'= {
            cand --key 'Keys your application uses together (repeatable): doctor tells whether they share a slot'
            cand --probe-timeout 'Seconds each probe step (connect, TLS handshake, one reply) may take'
            cand --db-user 'Database user for AUTH (the password comes from RSADMIN_DB_PASSWORD)'
            cand --db-ca-cert 'CA certificate (PEM) of the database''s TLS certificates, for databases with TLS'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --write-probe 'Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;doctor;help'= {
            cand db 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;doctor;help;db'= {
        }
        &'rsadmin;doctor;help;help'= {
        }
        &'rsadmin;keyslot'= {
            cand --db 'Also show the master shard and node of this database serving each key (db:<id> or name)'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;generate-assets'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;help'= {
            cand info 'Show settings of databases, the cluster or nodes'
            cand status 'Show nodes, databases, endpoints and shards as rladmin''s tables'
            cand tune 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
            cand bind 'Change an endpoint''s proxy policy or proxy lists'
            cand placement 'Set shard placement (deprecated: use tune db <db> shards_placement)'
            cand node 'Node settings: node <id> external_addr add|set|remove <ip>...'
            cand check 'Report the OSS Cluster API prerequisites of a database'
            cand verify 'Connect as a cluster-aware client and prove the topology it sees: verify db <db>'
            cand doctor 'Run check and verify and map findings to the troubleshooting table: doctor db <db>'
            cand keyslot 'Show each key''s hash slot (and, with --db, the shard and node serving it)'
            cand generate-assets 'Write shell completions and man pages (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;help;info'= {
            cand db 'Settings of one database (db:<id> or name), or of all'
            cand cluster 'Cluster settings'
            cand node 'Settings of one node, or of all (`all` or nothing)'
        }
        &'rsadmin;help;info;db'= {
        }
        &'rsadmin;help;info;cluster'= {
        }
        &'rsadmin;help;info;node'= {
        }
        &'rsadmin;help;status'= {
        }
        &'rsadmin;help;tune'= {
            cand db 'Change database settings: tune db <db> <key> <value> [<key> <value> ...]'
        }
        &'rsadmin;help;tune;db'= {
        }
        &'rsadmin;help;bind'= {
        }
        &'rsadmin;help;placement'= {
            cand db 'placement db <db> dense|sparse'
        }
        &'rsadmin;help;placement;db'= {
        }
        &'rsadmin;help;node'= {
            cand external_addr 'External addresses, advertised with oss_cluster_api_preferred_ip_type external'
        }
        &'rsadmin;help;node;external_addr'= {
        }
        &'rsadmin;help;check'= {
            cand db 'OSS Cluster API prerequisites, one line per rule with the command that fixes it'
        }
        &'rsadmin;help;check;db'= {
        }
        &'rsadmin;help;verify'= {
            cand db 'Connect as a cluster-aware client and check the topology every node advertises'
        }
        &'rsadmin;help;verify;db'= {
        }
        &'rsadmin;help;doctor'= {
            cand db 'Run check and verify and map the results to the OSS Cluster API troubleshooting table'
        }
        &'rsadmin;help;doctor;db'= {
        }
        &'rsadmin;help;keyslot'= {
        }
        &'rsadmin;help;generate-assets'= {
        }
        &'rsadmin;help;help'= {
        }
    ]
    $completions[$command]
}
