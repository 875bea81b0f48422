//! A bare Tauri window, for `cargo xtask bench` only: the same process setup and
//! WebKitGTK settings as the app, a static page that reports its first paint the way
//! the app's does, and nothing else. The app's start is measured as a ratio to this one,
//! which a busy shared machine slows down alike.

use std::time::Instant;

#[path = "../../../src-tauri/src/process.rs"]
mod process;

struct Started(Instant);

#[tauri::command]
fn first_paint(started: tauri::State<'_, Started>) -> u64 {
    let ms = started.0.elapsed().as_millis() as u64;
    println!("FIRST_PAINT_MS={ms}");
    ms
}

fn main() {
    let started = Started(Instant::now());
    process::prepare();
    tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![first_paint])
        .run(tauri::generate_context!())
        .expect("the bare window runs");
}
