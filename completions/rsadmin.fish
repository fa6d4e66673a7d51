complete --keep-order --exclusive --command rsadmin --arguments "(COMPLETE=fish rsadmin -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
