//! One connection from a client session to one shard's redis-server: requests are queued and
//! flushed in batches, replies are read back frame by frame and relayed without re-encoding.

use std::io;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UnixStream};
use tokio_util::either::Either;

use super::request::RequestReader;
use super::resp::{self, Protocol};
use super::topology::ShardAddress;

/// A connection to a shard: over its loopback port (`Left`) or its Unix socket (`Right`).
pub type ShardStream = Either<TcpStream, UnixStream>;

/// Connects over the shard's Unix socket when it has one, else over its loopback port.
async fn connect_stream(address: &ShardAddress) -> io::Result<ShardStream> {
    Ok(match &address.unix {
        Some(path) => Either::Right(UnixStream::connect(path).await?),
        None => {
            let stream = TcpStream::connect(address.tcp).await?;
            stream.set_nodelay(true)?;
            Either::Left(stream)
        }
    })
}

/// How long a shard that owes replies may stay silent (stopped with SIGSTOP, hung) before its
/// connection is given up and its clients get `ERR shard unavailable`. Blocking commands on a
/// client's own connection may wait as long as they ask.
pub const SHARD_REPLY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct ShardLink {
    stream: ShardStream,
    inbound: Vec<u8>,
    consumed: usize,
    outbound: Vec<u8>,
}

/// What interrupted waiting for a shard reply.
pub enum WaitError {
    ClientGone,
    ShardGone,
}

fn protocol_error() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "invalid RESP from shard")
}

impl ShardLink {
    /// Connects and logs in.
    pub async fn connect(backend: &ShardAddress, protocol: Protocol) -> io::Result<ShardLink> {
        let stream = connect_stream(backend).await?;
        let mut link = ShardLink {
            stream,
            inbound: Vec::with_capacity(16 * 1024),
            consumed: 0,
            outbound: Vec::new(),
        };
        // Logs in (the shards require their password) and, for RESP3 clients, switches the
        // connection to RESP3 so its replies can be relayed as they are.
        let password = backend.password.as_str().as_bytes();
        match protocol {
            Protocol::Resp2 => link.queue(&[b"AUTH".as_slice(), password]),
            Protocol::Resp3 => {
                link.queue(&[b"HELLO".as_slice(), b"3", b"AUTH", b"default", password]);
            }
        }
        link.flush().await?;
        let reply = link.read_frame_alone().await?;
        if reply.first() == Some(&b'-') {
            return Err(io::Error::other(
                String::from_utf8_lossy(&reply).into_owned(),
            ));
        }
        Ok(link)
    }

    /// The connection and whatever it has read beyond the frames taken so far.
    pub fn into_parts(mut self) -> (ShardStream, Vec<u8>) {
        self.inbound.drain(..self.consumed);
        (self.stream, self.inbound)
    }

    pub fn queue<A: AsRef<[u8]>>(&mut self, args: &[A]) {
        resp::write_command(&mut self.outbound, args);
    }

    pub async fn flush(&mut self) -> io::Result<()> {
        if !self.outbound.is_empty() {
            self.stream.write_all(&self.outbound).await?;
            self.outbound.clear();
        }
        Ok(())
    }

    /// The next complete frame if it is already buffered.
    fn take_buffered_frame(&mut self) -> io::Result<Option<std::ops::Range<usize>>> {
        let pending = &self.inbound[self.consumed..];
        match resp::frame_len(pending).map_err(|_| protocol_error())? {
            Some(len) => {
                let range = self.consumed..self.consumed + len;
                self.consumed += len;
                Ok(Some(range))
            }
            None => Ok(None),
        }
    }

    fn compact(&mut self) {
        if self.consumed == self.inbound.len() {
            self.inbound.clear();
            self.consumed = 0;
        } else if self.consumed > self.inbound.capacity() / 2 {
            self.inbound.drain(..self.consumed);
            self.consumed = 0;
        }
    }

    async fn fill(&mut self) -> io::Result<()> {
        self.compact();
        if self.stream.read_buf(&mut self.inbound).await? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "shard closed the connection",
            ));
        }
        Ok(())
    }

    /// Reads one reply frame, used where no client is waiting (handshakes, start-up queries);
    /// bounded by `SHARD_REPLY_TIMEOUT`.
    pub async fn read_frame_alone(&mut self) -> io::Result<Vec<u8>> {
        let read = async {
            loop {
                if let Some(range) = self.take_buffered_frame()? {
                    return Ok(self.inbound[range].to_vec());
                }
                self.fill().await?;
            }
        };
        tokio::time::timeout(SHARD_REPLY_TIMEOUT, read)
            .await
            .unwrap_or_else(|_| {
                Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "shard did not answer in time",
                ))
            })
    }

    /// Reads one reply frame and appends it to `out`. While waiting (a blocking command can wait
    /// forever) it keeps reading the client into `client_inbound`, so that a client that hangs up
    /// is noticed and its shard connections are released.
    pub async fn relay_frame<R>(
        &mut self,
        out: &mut Vec<u8>,
        client: &mut R,
        client_inbound: &mut RequestReader,
    ) -> Result<(), WaitError>
    where
        R: AsyncRead + Unpin,
    {
        loop {
            if let Some(range) = self
                .take_buffered_frame()
                .map_err(|_| WaitError::ShardGone)?
            {
                out.extend_from_slice(&self.inbound[range]);
                return Ok(());
            }
            self.compact();
            tokio::select! {
                read = self.stream.read_buf(&mut self.inbound) => match read {
                    Ok(0) => return Err(WaitError::ShardGone),
                    Ok(_) => {}
                    Err(_) => return Err(WaitError::ShardGone),
                },
                // Bounded by the query buffer limits: a client over them is disconnected.
                read = client_inbound.read_from(client) => match read {
                    Ok(0) | Err(_) => return Err(WaitError::ClientGone),
                    Ok(_) => {}
                },
            }
        }
    }

    /// Waits for data from the shard (pub/sub mode); complete frames are then taken with
    /// `next_buffered_frame`.
    pub async fn wait_readable(&mut self) -> io::Result<()> {
        self.fill().await
    }

    pub fn next_buffered_frame(&mut self) -> io::Result<Option<&[u8]>> {
        Ok(self
            .take_buffered_frame()?
            .map(|range| &self.inbound[range]))
    }
}
