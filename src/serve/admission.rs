//! Bounded concurrency for checks: at most `workers` run at once (one per core by default,
//! since a check is CPU-bound and more would only interleave), at most `max_queue` more
//! wait, and anything past that is refused at once with 503 and `Retry-After` rather than
//! queued without bound (a CMS retrying a burst must not grow the server's memory).

use super::error::ApiError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub struct Admission {
    running: Arc<Semaphore>,
    /// Requests admitted and not yet finished: running plus waiting.
    pending: AtomicUsize,
    /// The most requests admitted at once: workers + queue.
    limit: usize,
}

/// Held while a check runs (moved into the blocking task, so a client that hangs up does not
/// free the slot of a check that is still running).
pub struct Ticket {
    _running: OwnedSemaphorePermit,
    _pending: Pending,
}

struct Pending(Arc<Admission>);

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.pending.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Admission {
    pub fn new(workers: usize, max_queue: usize) -> Arc<Admission> {
        let workers = workers.max(1);
        Arc::new(Admission {
            running: Arc::new(Semaphore::new(workers)),
            pending: AtomicUsize::new(0),
            limit: workers.saturating_add(max_queue),
        })
    }

    /// Waits for a worker, or refuses at once when the queue is full.
    pub async fn enter(self: &Arc<Self>) -> Result<Ticket, ApiError> {
        let before = self.pending.fetch_add(1, Ordering::SeqCst);
        // From here on the guard undoes the increment, whichever way this returns.
        let pending = Pending(Arc::clone(self));
        if before >= self.limit {
            return Err(ApiError::overloaded(1));
        }
        let running = Arc::clone(&self.running)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        Ok(Ticket {
            _running: running,
            _pending: pending,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refuses_past_the_queue_and_frees_slots() {
        let a = Admission::new(1, 1);
        let first = a.enter().await.ok();
        assert!(first.is_some());
        // The second waits (queue of one); polled once it is pending, not refused.
        let second = a.enter();
        tokio::pin!(second);
        assert!(futures_poll_once(second.as_mut()).await.is_none());
        let third = a.enter().await;
        assert_eq!(third.err().map(|e| e.code), Some("overloaded"));
        drop(first);
        assert!(second.await.is_ok());
        // Every slot is free again.
        assert_eq!(a.pending.load(Ordering::SeqCst), 0);
    }

    /// Polls a future once: `Some` if it finished.
    async fn futures_poll_once<F: std::future::Future + Unpin>(f: F) -> Option<F::Output> {
        let mut f = f;
        std::future::poll_fn(|cx| {
            std::task::Poll::Ready(match std::pin::Pin::new(&mut f).poll(cx) {
                std::task::Poll::Ready(v) => Some(v),
                std::task::Poll::Pending => None,
            })
        })
        .await
    }
}
