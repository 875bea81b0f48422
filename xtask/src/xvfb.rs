//! A virtual display for machines without one (CI, servers).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::sh::Result;

/// The display to use, and the Xvfb behind it if we had to start one (stopped on drop).
pub struct Display {
    pub name: String,
    server: Option<Child>,
}

impl Display {
    /// The user's own display when there is one, else a fresh Xvfb.
    pub fn existing_or_virtual() -> Result<Display> {
        match std::env::var("DISPLAY") {
            Ok(name) if !name.is_empty() => Ok(Display { name, server: None }),
            _ => Display::start_virtual(),
        }
    }

    pub fn start_virtual() -> Result<Display> {
        let n = (90..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display number between :90 and :199")?;
        let name = format!(":{n}");
        let server = Command::new("Xvfb")
            .args([
                name.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start Xvfb: {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{n}");
        let t0 = Instant::now();
        while !Path::new(&socket).exists() {
            if t0.elapsed() > Duration::from_secs(10) {
                return Err("Xvfb did not come up within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        println!("started Xvfb on {name}");
        Ok(Display {
            name,
            server: Some(server),
        })
    }

    pub fn is_virtual(&self) -> bool {
        self.server.is_some()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(server) = &mut self.server {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}
