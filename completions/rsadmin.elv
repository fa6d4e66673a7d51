
set edit:completion:arg-completer[rsadmin] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) RSADMIN_COMPLETE="elvish" rsadmin -- $@words) | to-lines
}

