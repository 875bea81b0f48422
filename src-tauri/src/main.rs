// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer costs about a tenth of a second at start and tens of
    // megabytes on machines without a GPU that supports it, and a form-based app gains
    // nothing from it. A user who sets the variable themselves keeps their choice. This
    // runs before any thread exists, as changing the environment requires.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    // glibc gives threads malloc arenas of their own (up to eight per core), and what a
    // thread allocated at start (the database opens on one) then stays resident. The app's
    // threads allocate little and rarely at once, so one arena costs nothing and keeps
    // about a megabyte less in memory.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; no thread has started yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
    maatstaf_app_lib::run();
}
