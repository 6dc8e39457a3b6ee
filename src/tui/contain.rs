//! A panic while laying out one page must not end the session: it is caught, and the page
//! shows what went wrong instead. The terminal's panic hook asks [`is_active`] so that a
//! caught panic neither restores the terminal nor prints over the screen.

use std::any::Any;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

static ACTIVE: AtomicUsize = AtomicUsize::new(0);
static MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Runs `f`, turning a panic into its message.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    take_message();
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    ACTIVE.fetch_sub(1, Ordering::SeqCst);
    // Panics that were caught deeper down (the highlighter shows such code uncoloured)
    // leave a message too; only a panic that reached here is reported.
    let recorded = take_message();
    result.map_err(|payload| recorded.unwrap_or_else(|| payload_text(payload.as_ref())))
}

/// Whether a panic now happens inside [`contain`].
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst) > 0
}

/// Keeps the first panic's message and place, for [`contain`] to report.
pub fn record(info: &PanicHookInfo<'_>) {
    let text = payload_text(info.payload());
    let text = match info.location() {
        Some(at) => format!("{text} (at {}:{})", at.file(), at.line()),
        None => text,
    };
    if let Ok(mut slot) = MESSAGE.lock() {
        slot.get_or_insert(text);
    }
}

fn take_message() -> Option<String> {
    MESSAGE.lock().ok().and_then(|mut slot| slot.take())
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an unknown error".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(contain(|| 7), Ok(7));
        let failed = contain(|| -> u8 { panic!("the table is {} wide", 3) });
        assert_eq!(failed, Err("the table is 3 wide".to_owned()));
    }
}
