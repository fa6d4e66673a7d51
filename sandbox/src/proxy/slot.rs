//! Hash slot of a key: CRC16-XMODEM of the key (or its hash tag) modulo 16384, as Redis Cluster does.

pub const SLOT_COUNT: u16 = 16384;

/// Lookup table of CRC16-XMODEM (poly 0x1021), computed at compile time; every keyed request
/// hashes its keys, so the byte-at-a-time table beats the bit loop.
const CRC16_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = (byte as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            bit += 1;
        }
        table[byte] = crc;
        byte += 1;
    }
    table
};

/// CRC16-XMODEM (poly 0x1021, init 0, no reflection, no final xor), the variant of Redis' crc16.c.
fn crc16_xmodem(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &byte| {
        (crc << 8) ^ CRC16_TABLE[usize::from((crc >> 8) as u8 ^ byte)]
    })
}

/// The part of the key that is hashed: the bytes between the first `{` and the next `}` when that
/// span is non-empty, otherwise the whole key.
fn hash_tag(key: &[u8]) -> &[u8] {
    if let Some(open) = key.iter().position(|&b| b == b'{')
        && let Some(close_offset) = key[open + 1..].iter().position(|&b| b == b'}')
        && close_offset > 0
    {
        return &key[open + 1..open + 1 + close_offset];
    }
    key
}

pub fn key_slot(key: &[u8]) -> u16 {
    crc16_xmodem(hash_tag(key)) % SLOT_COUNT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc16_check_value() {
        assert_eq!(crc16_xmodem(b"123456789"), 0x31C3);
    }

    #[test]
    fn slots_match_redis_cluster_keyslot() {
        // Vectors checked live with CLUSTER KEYSLOT on redis 7.0.15 (dataplane.md §1.7).
        let vectors: &[(&[u8], u16)] = &[
            (b"123456789", 12739),
            (b"foo", 12182),
            (b"bar", 5061),
            (b"a", 15495),
            (b"b", 3300),
            (b"", 0),
            (b"{user1000}.following", 3443),
            (b"{user1000}.followers", 3443),
            (b"foo{}{bar}", 8363),
            (b"foo{{bar}}zap", 4015),
            (b"{bar", 4015),
            (b"foo{bar}{zap}", 5061),
            (b"{}", 15257),
            (b"8xjx7vWrfPq54mKfFD3Y1CcjjofpnAcQ", 5458),
        ];
        for (key, slot) in vectors {
            assert_eq!(
                key_slot(key),
                *slot,
                "key {:?}",
                String::from_utf8_lossy(key)
            );
        }
    }
}
