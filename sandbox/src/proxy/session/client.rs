//! The client side of a session: its socket halves, the requests read but not yet parsed, and
//! the replies collected for the next write (mini-redis's `Connection`). Shard replies are read
//! through it because a reply can take forever (BLPOP 0): meanwhile the client is read too, so a
//! client that hangs up is noticed.

use std::io;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

use crate::proxy::request::{ProtocolError, RequestReader};
use crate::proxy::resp::{Args, Reply};
use crate::proxy::shard_io::{ClientGone, ShardIo, Source};

/// Initial room for one batch of replies; reused for the life of the connection.
const OUTBOUND_CAPACITY: usize = 16 * 1024;

pub struct ClientConnection {
    reader: OwnedReadHalf,
    writer: OwnedWriteHalf,
    inbound: RequestReader,
    outbound: Vec<u8>,
}

impl ClientConnection {
    pub fn new(stream: TcpStream) -> ClientConnection {
        let _ = stream.set_nodelay(true);
        let (reader, writer) = stream.into_split();
        ClientConnection {
            reader,
            writer,
            inbound: RequestReader::new(),
            outbound: Vec::with_capacity(OUTBOUND_CAPACITY),
        }
    }

    /// The next complete request already read; None when more bytes are needed.
    pub fn next_request(&mut self, authenticated: bool) -> Result<Option<Args>, ProtocolError> {
        self.inbound.next_request(authenticated)
    }

    /// Reads more requests from the socket; 0 when the client closed it.
    pub async fn read_more(&mut self) -> io::Result<usize> {
        self.inbound.read_from(&mut self.reader).await
    }

    /// Replies collected for the next `write_out`.
    pub fn outbound(&mut self) -> &mut Vec<u8> {
        &mut self.outbound
    }

    /// Writes the collected replies.
    pub async fn write_out(&mut self) -> io::Result<()> {
        self.writer.write_all(&self.outbound).await?;
        self.outbound.clear();
        Ok(())
    }

    /// Relays the next reply from `source` to the client (an error reply if the shard went away).
    pub async fn relay_reply(&mut self, io: &mut ShardIo, source: Source) -> io::Result<()> {
        io.read_reply(
            source,
            &mut self.outbound,
            &mut self.reader,
            &mut self.inbound,
        )
        .await
        .map_err(client_gone)
    }

    /// The next reply frame from `source`, for the proxy to inspect or drop.
    pub async fn shard_reply(&mut self, io: &mut ShardIo, source: Source) -> io::Result<Vec<u8>> {
        let mut frame = Vec::new();
        io.read_reply(source, &mut frame, &mut self.reader, &mut self.inbound)
            .await
            .map_err(client_gone)?;
        Ok(frame)
    }

    /// The next reply from each of `sources`, parsed.
    pub async fn shard_replies(
        &mut self,
        io: &mut ShardIo,
        sources: &[Source],
    ) -> io::Result<Vec<Reply>> {
        let mut replies = Vec::with_capacity(sources.len());
        for &source in sources {
            let frame = self.shard_reply(io, source).await?;
            replies.push(
                Reply::parse(&frame).map_err(|_| io::Error::other("invalid RESP from shard"))?,
            );
        }
        Ok(replies)
    }
}

fn client_gone(_: ClientGone) -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "client gone")
}
