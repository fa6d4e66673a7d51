complete --keep-order --exclusive --command rsadmin --arguments "(RSADMIN_COMPLETE=fish rsadmin -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
