
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
            cand generate-assets 'Write shell completions and man pages (for maintainers)'
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
            cand profile 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)'
            cand install-aliases 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar'
            cand crdb 'Active-Active databases, with crdb-cli''s grammar: crdb create|update|list|get|delete'
            cand task 'Active-Active tasks, with crdb-cli''s grammar: task list|status|cancel'
            cand help 'Print this message or the help of the given subcommand(s)'
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
            cand --db-user 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)'
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
            cand --db-user 'Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)'
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
        &'rsadmin;profile'= {
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
            cand add 'Save a cluster connection; the password goes to the OS keyring, never to a file'
            cand list 'List the saved profiles (`*` marks the active one)'
            cand show 'Show one profile (default: the active one) and whether its password is in the keyring'
            cand use 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
            cand set-db-password 'Store a database''s password (for verify and doctor) in the keyring under a profile'
            cand remove 'Delete a profile and its passwords in the keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;profile;add'= {
            cand --trust-fingerprint 'Trust the cluster certificate with this SHA-256 fingerprint (hex, colons optional)'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --password-stdin 'Read the password from standard input (one line) instead of asking'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;list'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --names 'Names only, one per line (for shell completion)'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;show'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;use'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;set-db-password'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --password-stdin 'Read the password from standard input (one line) instead of asking'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;remove'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;profile;help'= {
            cand add 'Save a cluster connection; the password goes to the OS keyring, never to a file'
            cand list 'List the saved profiles (`*` marks the active one)'
            cand show 'Show one profile (default: the active one) and whether its password is in the keyring'
            cand use 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
            cand set-db-password 'Store a database''s password (for verify and doctor) in the keyring under a profile'
            cand remove 'Delete a profile and its passwords in the keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;profile;help;add'= {
        }
        &'rsadmin;profile;help;list'= {
        }
        &'rsadmin;profile;help;show'= {
        }
        &'rsadmin;profile;help;use'= {
        }
        &'rsadmin;profile;help;set-db-password'= {
        }
        &'rsadmin;profile;help;remove'= {
        }
        &'rsadmin;profile;help;help'= {
        }
        &'rsadmin;install-aliases'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --force 'Replace existing files of those names'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;crdb'= {
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
            cand create 'Create an Active-Active database on every participating cluster'
            cand update 'Change the configuration of every instance (PATCH)'
            cand list 'One row per instance of every Active-Active database'
            cand get 'Show one Active-Active database'
            cand delete 'Delete an Active-Active database and all its instances'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;crdb;create'= {
            cand --name 'Database name'
            cand --memory-size 'Memory limit per instance: bytes, or with a unit (100mb, 1GB, 10g)'
            cand --instance 'A participating cluster: fqdn=...,username=...,password-env=VAR[,url=...] or fqdn=...,profile=NAME'
            cand --port 'The same database port on every cluster'
            cand --sharding 'Shard the database (cannot be changed later; default true)'
            cand --shards-count 'Master shards per instance'
            cand --shard-key-regex 'Hashing rule: one regex with a (?<tag>...) group, or a JSON array of {"regex": ...}'
            cand --replication 'Replica shards (default false)'
            cand --proxy-policy 'Proxy policy of every instance'
            cand --oss-cluster 'Enable or disable the OSS Cluster API on every instance (create''s default: false)'
            cand --eviction-policy 'Eviction policy (create''s default: noeviction)'
            cand --encryption 'Encrypt traffic between the clusters (create''s default: false)'
            cand --causal-consistency 'Causal consistency (create''s default: false)'
            cand --compression 'Compression of replication traffic, 0-6 (create''s default: 3)'
            cand --default-db-config 'database_config fields as JSON, e.g. ''{"shards_count": 2}'''
            cand --default-db-config-file 'database_config fields from a JSON file'
            cand --timeout 'Seconds to wait for the task to end'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --wait 'Wait for the task to end, printing each status change (default)'
            cand --no-wait 'Print the task id and return without waiting'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;crdb;update'= {
            cand --crdb-guid 'crdb-guid'
            cand --memory-size 'New memory limit per instance'
            cand --oss-cluster 'Enable or disable the OSS Cluster API on every instance (create''s default: false)'
            cand --eviction-policy 'Eviction policy (create''s default: noeviction)'
            cand --encryption 'Encrypt traffic between the clusters (create''s default: false)'
            cand --causal-consistency 'Causal consistency (create''s default: false)'
            cand --compression 'Compression of replication traffic, 0-6 (create''s default: 3)'
            cand --credentials 'New credentials for one instance: id=<instance id>,username=...,password-env=VAR (or profile=NAME)'
            cand --default-db-config 'database_config fields as JSON, e.g. ''{"shards_count": 2}'''
            cand --default-db-config-file 'database_config fields from a JSON file'
            cand --timeout 'Seconds to wait for the task to end'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --force 'Send the update even if nothing changes'
            cand --wait 'Wait for the task to end, printing each status change (default)'
            cand --no-wait 'Print the task id and return without waiting'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;crdb;list'= {
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --verbose 'Accepted for crdb-cli compatibility; the table is the same'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;crdb;get'= {
            cand --crdb-guid 'crdb-guid'
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
        &'rsadmin;crdb;delete'= {
            cand --crdb-guid 'crdb-guid'
            cand --timeout 'Seconds to wait for the task to end'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --wait 'Wait for the task to end, printing each status change (default)'
            cand --no-wait 'Print the task id and return without waiting'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;crdb;help'= {
            cand create 'Create an Active-Active database on every participating cluster'
            cand update 'Change the configuration of every instance (PATCH)'
            cand list 'One row per instance of every Active-Active database'
            cand get 'Show one Active-Active database'
            cand delete 'Delete an Active-Active database and all its instances'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;crdb;help;create'= {
        }
        &'rsadmin;crdb;help;update'= {
        }
        &'rsadmin;crdb;help;list'= {
        }
        &'rsadmin;crdb;help;get'= {
        }
        &'rsadmin;crdb;help;delete'= {
        }
        &'rsadmin;crdb;help;help'= {
        }
        &'rsadmin;task'= {
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
            cand list 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
            cand status 'Show one task; a failed task lists each cluster''s error'
            cand cancel 'Cancel a task that has not started yet'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;task;list'= {
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
        &'rsadmin;task;status'= {
            cand --task-id 'task-id'
            cand --cluster 'Cluster REST API URL, e.g. https://cluster.example.com:9443'
            cand --user 'User name (an email on Redis Software)'
            cand --ca-cert 'Trust this CA certificate (PEM) in addition to the public CAs'
            cand --profile 'Use a saved connection profile'
            cand -o 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --output 'Output format: rladmin-style text, or one JSON document on stdout'
            cand --verbose 'Ask the cluster for details'
            cand --no-verbose 'no-verbose'
            cand --insecure 'Do not verify the server certificate (prints a warning)'
            cand -y 'Assume yes for confirmations (rladmin''s -y)'
            cand --yes 'Assume yes for confirmations (rladmin''s -y)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'rsadmin;task;cancel'= {
            cand --task-id 'task-id'
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
        &'rsadmin;task;help'= {
            cand list 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
            cand status 'Show one task; a failed task lists each cluster''s error'
            cand cancel 'Cancel a task that has not started yet'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;task;help;list'= {
        }
        &'rsadmin;task;help;status'= {
        }
        &'rsadmin;task;help;cancel'= {
        }
        &'rsadmin;task;help;help'= {
        }
        &'rsadmin;help'= {
            cand generate-assets 'Write shell completions and man pages (for maintainers)'
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
            cand profile 'Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)'
            cand install-aliases 'Link rladmin and crdb-cli to rsadmin, which then speaks their grammar'
            cand crdb 'Active-Active databases, with crdb-cli''s grammar: crdb create|update|list|get|delete'
            cand task 'Active-Active tasks, with crdb-cli''s grammar: task list|status|cancel'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsadmin;help;generate-assets'= {
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
        &'rsadmin;help;profile'= {
            cand add 'Save a cluster connection; the password goes to the OS keyring, never to a file'
            cand list 'List the saved profiles (`*` marks the active one)'
            cand show 'Show one profile (default: the active one) and whether its password is in the keyring'
            cand use 'Make a profile the active one (used when no --cluster or RSADMIN_URL is given)'
            cand set-db-password 'Store a database''s password (for verify and doctor) in the keyring under a profile'
            cand remove 'Delete a profile and its passwords in the keyring'
        }
        &'rsadmin;help;profile;add'= {
        }
        &'rsadmin;help;profile;list'= {
        }
        &'rsadmin;help;profile;show'= {
        }
        &'rsadmin;help;profile;use'= {
        }
        &'rsadmin;help;profile;set-db-password'= {
        }
        &'rsadmin;help;profile;remove'= {
        }
        &'rsadmin;help;install-aliases'= {
        }
        &'rsadmin;help;crdb'= {
            cand create 'Create an Active-Active database on every participating cluster'
            cand update 'Change the configuration of every instance (PATCH)'
            cand list 'One row per instance of every Active-Active database'
            cand get 'Show one Active-Active database'
            cand delete 'Delete an Active-Active database and all its instances'
        }
        &'rsadmin;help;crdb;create'= {
        }
        &'rsadmin;help;crdb;update'= {
        }
        &'rsadmin;help;crdb;list'= {
        }
        &'rsadmin;help;crdb;get'= {
        }
        &'rsadmin;help;crdb;delete'= {
        }
        &'rsadmin;help;task'= {
            cand list 'The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)'
            cand status 'Show one task; a failed task lists each cluster''s error'
            cand cancel 'Cancel a task that has not started yet'
        }
        &'rsadmin;help;task;list'= {
        }
        &'rsadmin;help;task;status'= {
        }
        &'rsadmin;help;task;cancel'= {
        }
        &'rsadmin;help;help'= {
        }
    ]
    $completions[$command]
}
