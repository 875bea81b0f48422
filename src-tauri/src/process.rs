//! How the window's process is set up before any thread starts: shared by the app and by
//! the bare window that `cargo xtask bench` measures it against (`bench/floor`), so the
//! two start under the same WebKitGTK settings.

/// Call first in `main`, before any thread exists, as changing the environment requires.
pub fn prepare() {
    #[cfg(target_os = "linux")]
    keep_opengl_out_of_the_window_process();
    // glibc gives threads malloc arenas of their own (up to eight per core), and what a
    // thread allocated at start (the database opens on one) then stays resident. The app's
    // threads allocate little and rarely at once, so one arena costs nothing and keeps
    // about a megabyte less in memory.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; no thread has started yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Sets, unless the user set them, the variables that keep OpenGL out of the window's process.
///
/// A form-based app draws nothing with OpenGL there, yet three things would load Mesa (with
/// libLLVM, about 50 MB resident, and 100 ms or more to initialise without a GPU):
/// - WebKitGTK's DMA-BUF renderer, which on machines without a GPU that supports it also costs
///   about a tenth of a second at start;
/// - GTK's probe for GLX visuals when it opens the display (`GDK_GL=disable`);
/// - WebKit's search for the GPU's render node for the page process, which opens an EGL
///   display. With the DMA-BUF renderer off the page process has no use for that node, and a
///   name that matches no device makes WebKit skip the search; the page process then renders as
///   on a machine without a GPU.
///
/// The page process still opens EGL for itself; this changes only the window's process.
#[cfg(target_os = "linux")]
fn keep_opengl_out_of_the_window_process() {
    fn default_var(name: &str, value: &str) {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
    default_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    default_var("GDK_GL", "disable");
    // A user who turns the DMA-BUF renderer back on needs WebKit to find the real device.
    if std::env::var("WEBKIT_DISABLE_DMABUF_RENDERER").is_ok_and(|v| v != "0") {
        default_var("WEBKIT_WEB_RENDER_DEVICE_FILE", "none");
    }
}
