use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = "\
The slot is CRC16(key) mod 16384; when the key has a hash tag (the bytes between the first `{` and \
the next `}`, if not empty) only the tag is hashed, so `{user1000}.following` and \
`{user1000}.followers` share a slot. Multi-key commands need every key in one slot.")]
pub struct KeyslotArgs {
    /// Keys to place (as bytes, exactly as given)
    #[arg(value_name = "KEY", required = true)]
    pub keys: Vec<String>,
    /// Also show the master shard and node of this database serving each key (db:<id> or name)
    #[arg(long, value_name = "DB")]
    pub db: Option<String>,
}
