//! Starting the runs `update` asks for, each through `run` (which confines them), their
//! events going to the loop.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::Runs;
use super::Wake;
use super::action::RunOrder;
use crate::run::{self, OUTPUT_CAP, Request, Running};

/// Starts the runs `update` asks for, their events going to the loop.
pub(super) struct Runner {
    runs: Runs,
    tx: Sender<Wake>,
}

impl Runner {
    pub(super) fn new(runs: &Runs, tx: Sender<Wake>) -> Self {
        Runner {
            runs: runs.clone(),
            tx,
        }
    }

    pub(super) fn python(&self) -> Result<String, String> {
        match &self.runs.python {
            Ok(path) => Ok(path.display().to_string()),
            // What the status bar says when x is pressed.
            Err(why) => Err(why.to_string()),
        }
    }

    /// Starts `order` in place of the run in `running`, or says why it could not.
    pub(super) fn start(
        &self,
        order: RunOrder,
        running: &mut Option<Running>,
    ) -> Result<(), String> {
        if let Some(old) = running.take() {
            // Stopping waits for the program to die and its report: not on this thread.
            old.stop();
            std::thread::spawn(move || drop(old));
        }
        let python = self.runs.python.clone().map_err(|e| e.to_string())?;
        let request = Request {
            python,
            code: order.code,
            name: order.name,
            timeout: self.runs.timeout,
            cap: OUTPUT_CAP,
        };
        let (tx, id) = (self.tx.clone(), order.id);
        let sink = Arc::new(move |event| drop(tx.send(Wake::Run(id, event))));
        *running = Some(run::start(request, sink).map_err(|e| e.to_string())?);
        Ok(())
    }
}
