//! One connection from a proxy to a shard, shared by all its clients for requests that carry no
//! connection state. Requests of many clients leave in one write and their replies arrive in one
//! read, so the shard (and the proxy) make far fewer system calls than with a connection per
//! client; this is what keeps throughput close to a direct connection (predixy-style batching).

use std::io;
use std::sync::Mutex;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};
use tokio_util::either::Either;

use super::resp::{self, Protocol};
use super::shard_link::{SHARD_REPLY_TIMEOUT, ShardLink};
use super::topology::ShardAddress;

/// Largest write assembled from queued jobs before it is sent.
const MAX_WRITE: usize = 1024 * 1024;

/// Requests of one client batch for this shard and where their replies go (all frames, in order).
struct Job {
    request: Vec<u8>,
    replies: usize,
    respond: oneshot::Sender<Vec<u8>>,
}

struct InFlight {
    replies: usize,
    respond: oneshot::Sender<Vec<u8>>,
}

pub struct SharedLink {
    backend: ShardAddress,
    protocol: Protocol,
    jobs: Mutex<Option<mpsc::UnboundedSender<Job>>>,
}

/// The replies to one submitted batch; a dropped connection yields `Err`.
pub type BatchReplies = oneshot::Receiver<Vec<u8>>;

impl SharedLink {
    pub fn new(backend: ShardAddress, protocol: Protocol) -> SharedLink {
        SharedLink {
            backend,
            protocol,
            jobs: Mutex::new(None),
        }
    }

    /// Sends `request` (`replies` commands) and returns where all their reply frames will arrive.
    /// The connection is (re)opened on demand.
    pub fn submit(&self, request: Vec<u8>, replies: usize) -> BatchReplies {
        let (respond, receiver) = oneshot::channel();
        let mut jobs = self
            .jobs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let job = Job {
            request,
            replies,
            respond,
        };
        let job = match jobs.as_ref() {
            Some(sender) if !sender.is_closed() => match sender.send(job) {
                Ok(()) => return receiver,
                Err(mpsc::error::SendError(job)) => job,
            },
            _ => job,
        };
        let (sender, queue) = mpsc::unbounded_channel();
        tokio::spawn(run_connection(self.backend.clone(), self.protocol, queue));
        // The receiver is alive (just spawned), so this send cannot fail; if it did, the
        // dropped responder would report the shard as unavailable.
        let _ = sender.send(job);
        *jobs = Some(sender);
        receiver
    }
}

async fn run_connection(
    backend: ShardAddress,
    protocol: Protocol,
    mut jobs: mpsc::UnboundedReceiver<Job>,
) {
    let Ok(link) = ShardLink::connect(&backend, protocol).await else {
        // Queued jobs are dropped with the receiver: their clients get "shard unavailable".
        return;
    };
    // Borrowed halves of the concrete stream: no lock between the reading and the writing half.
    match link.into_parts() {
        (Either::Left(mut tcp), leftover) => {
            let (reader, writer) = tcp.split();
            relay(reader, writer, leftover, &mut jobs).await;
        }
        (Either::Right(mut unix), leftover) => {
            let (reader, writer) = unix.split();
            relay(reader, writer, leftover, &mut jobs).await;
        }
    }
}

async fn relay(
    reader: impl AsyncRead + Unpin,
    writer: impl AsyncWrite + Unpin,
    leftover: Vec<u8>,
    jobs: &mut mpsc::UnboundedReceiver<Job>,
) {
    let (in_flight_sender, in_flight) = mpsc::unbounded_channel();
    // Either half failing ends both: pending responders are dropped and the next submit reconnects.
    tokio::select! {
        _ = write_jobs(writer, jobs, in_flight_sender) => {}
        _ = read_replies(reader, leftover, in_flight) => {}
    }
}

async fn write_jobs(
    mut writer: impl AsyncWrite + Unpin,
    jobs: &mut mpsc::UnboundedReceiver<Job>,
    in_flight: mpsc::UnboundedSender<InFlight>,
) -> io::Result<()> {
    let mut out = Vec::with_capacity(64 * 1024);
    while let Some(job) = jobs.recv().await {
        let mut next = Some(job);
        while let Some(job) = next.take() {
            out.extend_from_slice(&job.request);
            if in_flight
                .send(InFlight {
                    replies: job.replies,
                    respond: job.respond,
                })
                .is_err()
            {
                return Ok(());
            }
            if out.len() < MAX_WRITE {
                next = jobs.try_recv().ok();
            }
        }
        writer.write_all(&out).await?;
        out.clear();
    }
    Ok(())
}

fn shard_closed() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "shard closed the connection")
}

/// Reads more of the shard's replies; a shard that owes replies and sends nothing for
/// `SHARD_REPLY_TIMEOUT` (stopped, hung) fails the connection, so its clients get an error
/// instead of waiting forever.
async fn read_more(reader: &mut (impl AsyncRead + Unpin), buffer: &mut Vec<u8>) -> io::Result<()> {
    match tokio::time::timeout(SHARD_REPLY_TIMEOUT, reader.read_buf(buffer)).await {
        Ok(Ok(0)) => Err(shard_closed()),
        Ok(read) => read.map(drop),
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "shard did not answer in time",
        )),
    }
}

async fn read_replies(
    mut reader: impl AsyncRead + Unpin,
    mut buffer: Vec<u8>,
    mut in_flight: mpsc::UnboundedReceiver<InFlight>,
) -> io::Result<()> {
    let mut position = 0;
    loop {
        // While idle the connection is read too, so a shard that went away (restarted, killed)
        // is noticed now, and the next request opens a fresh connection instead of failing.
        let batch = tokio::select! {
            batch = in_flight.recv() => match batch {
                Some(batch) => batch,
                None => return Ok(()),
            },
            read = reader.read_buf(&mut buffer) => {
                if read? == 0 {
                    return Err(shard_closed());
                }
                continue;
            }
        };
        // Only whole batches are dropped from the buffer, so `start` stays valid while reading.
        if position == buffer.len() {
            buffer.clear();
            position = 0;
        } else if position > 64 * 1024 {
            buffer.drain(..position);
            position = 0;
        }
        let start = position;
        let mut collected = 0;
        while collected < batch.replies {
            match resp::frame_len(&buffer[position..]) {
                Ok(Some(len)) => {
                    position += len;
                    collected += 1;
                }
                Ok(None) => read_more(&mut reader, &mut buffer).await?,
                Err(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "invalid RESP from shard",
                    ));
                }
            }
        }
        let _ = batch.respond.send(buffer[start..position].to_vec());
    }
}
