//! A harness for driving the real app: each `App` is the release binary started
//! by tauri-driver on a data folder of the test's choosing.
//!
//! Run through `cargo xtask test`, which builds the app and sets
//! `MAATSTAF_E2E_APP`, `MAATSTAF_E2E_DRIVER` and `DISPLAY`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub const WAIT: Duration = Duration::from_secs(20);

/// A member of the bundled demo team and their PIN (the chair and secretary: passphrase).
pub type Member = (&'static str, &'static str);

/// The demo team's members who switch in during the tests (content/demo/team.toml).
pub mod demo {
    use super::Member;

    pub const CHAIR: Member = ("Anneke de Wit", "kompas lantaarn zeilboot hagel");
    pub const SECRETARY: Member = ("Youssef Amrani", "molen regenjas kievit potlood");
    pub const GERRIT: Member = ("Gerrit Bosma", "1357");
    pub const PRIYA: Member = ("Priya Ramdin", "2468");
    pub const MARLOES: Member = ("Marloes Kuipers", "3579");
    pub const TRAINER: Member = ("Ellen Verhoef", "4680");
}

/// WebDriver's code points for keys that type no character.
pub mod key {
    pub const TAB: char = '\u{E004}';
    pub const ENTER: char = '\u{E007}';
    pub const SHIFT: char = '\u{E008}';
    pub const ESCAPE: char = '\u{E00C}';
    pub const SPACE: char = '\u{E00D}';
    pub const ARROW_RIGHT: char = '\u{E014}';
    pub const F1: char = '\u{E031}';
}

/// Where the keyboard focus is, and whether a sighted user can see it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Focus {
    /// `tag#id "text"`, for messages.
    pub what: String,
    pub id: String,
    /// The focused element has an outline of 2 px or more (or a box shadow) and lies in the window.
    pub visible: bool,
}

/// One axe-core rule that failed, with the first places it failed.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    pub nodes: Vec<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {}\n      {}",
            self.id,
            self.impact.as_deref().unwrap_or("?"),
            self.help,
            self.nodes.join("\n      ")
        )
    }
}

/// axe-core from the UI's node modules (a devDependency), injected into the page.
fn axe_source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): run `npm install` in ui/ (cargo xtask test does)",
            path.display()
        )
    })
}

pub struct App {
    pub client: Client,
    driver: Driver,
}

/// tauri-driver, stopped when dropped, also when a test panics half-way through `start`.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        stop(&mut self.0);
    }
}

fn required_env(name: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`")
        })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl App {
    /// Starts the app with `data_dir` as its data folder and waits for its first screen.
    pub async fn start(data_dir: &Path) -> App {
        App::start_with(data_dir, &[]).await
    }

    /// [`App::start`] with extra environment variables for the app (the WebDriver
    /// passes its own environment on to the app it starts).
    pub async fn start_with(data_dir: &Path, env: &[(&str, &str)]) -> App {
        let app = required_env("MAATSTAF_E2E_APP");
        let driver_bin = required_env("MAATSTAF_E2E_DRIVER");
        let port = free_port();
        let native_port = free_port();
        let driver = Driver(
            Command::new(driver_bin)
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("MAATSTAF_DATA_DIR", data_dir)
                // GTK's dialogs keep their settings in memory, not in a dconf the test
                // machine has no session bus for.
                .env("GSETTINGS_BACKEND", "memory")
                .envs(env.iter().copied())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("tauri-driver starts"),
        );
        let url = format!("http://127.0.0.1:{port}");
        let t0 = Instant::now();
        // tauri-driver listens at once but proxies to WebKitWebDriver, which takes a
        // moment longer; a session request before both listen is dropped.
        for p in [port, native_port] {
            while std::net::TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(t0.elapsed() < WAIT, "the WebDriver did not listen on {p}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": app }));
        // On a loaded machine WebKitWebDriver sometimes drops the first session request
        // (hyper's IncompleteMessage) while it is still starting; ask again, a few times.
        let mut attempt = 1;
        let client = loop {
            let connected =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url)
                    .await;
            match connected {
                Ok(client) => break client,
                Err(e) if attempt < 4 => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); trying again");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => panic!("no WebDriver session with the app after {attempt} attempts: {e}"),
            }
        };
        let app = App { client, driver };
        app.wait_for("#app > *").await;
        app
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// Clicks the element at `css`, scrolled into view first: a tall dialog scrolls
    /// inside itself, and WebKit's driver does not scroll such a box for a click.
    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await
            .unwrap_or_else(|e| panic!("scroll to {css}: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e:?}"));
    }

    /// Clicks the first `tag` element whose text contains `text`.
    pub async fn click_text(&self, tag: &str, text: &str) {
        let xpath = format!("//{tag}[contains(., {})]", xpath_literal(text));
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no {tag} with {text:?}: {e}"))
            .click()
            .await
            .unwrap();
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// Waits until the element's text contains `needle`, and returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let t0 = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                    assert!(
                        t0.elapsed() < WAIT,
                        "{css} never contained {needle:?}; it says {text:?}"
                    );
                }
            }
            assert!(t0.elapsed() < WAIT, "{css} never contained {needle:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// Switches the acting member with their PIN through the switch that `button`
    /// opens, and waits until `active` names them.
    pub async fn switch_member(&self, button: &str, active: &str, (name, pin): Member) {
        self.click(button).await;
        self.click(&format!("button[data-member=\"{name}\"]")).await;
        self.type_into("#pin-input", pin).await;
        self.click("#pin-submit").await;
        self.wait_text(active, name).await;
    }

    /// Calls an app command over IPC as the page would (`{ ok }` or `{ err }`): what
    /// anyone with the developer tools could send, whatever the screen offers.
    pub async fn invoke(&self, cmd: &str, args: serde_json::Value) -> serde_json::Value {
        self.client
            .execute_async(
                "const [cmd, args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke(cmd, args)
                   .then((ok) => done({ ok }), (err) => done({ err }));",
                vec![json!(cmd), args],
            )
            .await
            .unwrap()
    }

    /// Picks `value` in the `<select>` at `css`.
    pub async fn select_option(&self, css: &str, value: &str) {
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
    }

    /// On the home screen: a new team, created by its chair `name` with `passphrase`;
    /// the team is sealed from the start and the chair is signed in.
    pub async fn create_team_as_chair(&self, team: &str, (name, passphrase): Member) {
        self.click("#new-team").await;
        self.type_into("#team-name", team).await;
        self.type_into("#chair-name", name).await;
        self.type_into("#passphrase", passphrase).await;
        self.type_into("#passphrase-repeat", passphrase).await;
        self.click("#team-name-save").await;
        self.wait_text("#team-detail-name", team).await;
        self.wait_text("#team-active-member", name).await;
    }

    /// Switches who acts on the scoring screen.
    pub async fn switch_scorer(&self, member: Member) {
        self.switch_member("#switch-assessor", "#active-member", member)
            .await;
    }

    /// On the scoring screen: the chair opens the next round with what carries over
    /// (its setup unchanged), confirms, and no sheet is in yet.
    pub async fn chair_opens_next_round(&self) {
        self.switch_scorer(demo::CHAIR).await;
        self.click("#next-round").await;
        self.click("#open-round").await;
        self.click("#confirm-open-round-yes").await;
        self.wait_text("#round-progress", "0 van 3").await;
    }

    /// Answers the system's save dialog titled `title` as a user would: types the
    /// full path into its name field and presses Enter. Drives the real GTK dialog
    /// with xdotool (X11 input, as from a keyboard).
    pub async fn save_as(&self, title: &str, path: &Path) {
        answer_file_dialog(title, path, "ctrl+a").await;
    }

    /// Answers the system's open dialog titled `title`: opens its location field and
    /// types the full path, as a user would.
    pub async fn open_file(&self, title: &str, path: &Path) {
        answer_file_dialog(title, path, "ctrl+l").await;
    }

    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    /// What the strict CSP had to block; the app should never trip it.
    pub async fn csp_violations(&self) -> Vec<String> {
        let v = self
            .client
            .execute("return window.__cspViolations || []", vec![])
            .await
            .unwrap();
        serde_json::from_value(v).unwrap()
    }

    /// Presses and releases one key, as a keyboard would, wherever the focus is.
    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// Shift+Tab: the focus goes back one stop.
    pub async fn press_shift_tab(&self) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key::SHIFT })
            .then(KeyAction::Down { value: key::TAB })
            .then(KeyAction::Up { value: key::TAB })
            .then(KeyAction::Up { value: key::SHIFT });
        self.client.perform_actions(keys).await.unwrap();
    }

    /// Types `text` into whatever has the focus, key by key.
    pub async fn type_keys(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(keys).await.unwrap();
    }

    /// Where the keyboard focus is now.
    pub async fn focus(&self) -> Focus {
        let v = self
            .client
            .execute(
                "const el = document.activeElement;
                 if (!el || el === document.body || el === document.documentElement)
                   return { what: 'the page body', id: '', visible: false };
                 const s = getComputedStyle(el);
                 const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                   || (s.boxShadow && s.boxShadow !== 'none');
                 const r = el.getBoundingClientRect();
                 const inWindow = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                   && r.top < innerHeight && r.left < innerWidth;
                 const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
                   .trim().replace(/\\s+/g, ' ').slice(0, 50);
                 return { what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} \"${text}\"`,
                          id: el.id, visible: Boolean(ring && inWindow) };",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(v).unwrap()
    }

    /// Presses Tab (or Shift+Tab when `back`) until the element at `css` has the focus,
    /// checking at every stop that the focus is visible. Panics after `max` stops.
    pub async fn tab_to(&self, css: &str, back: bool, max: usize) -> Vec<Focus> {
        let mut stops = Vec::new();
        for _ in 0..max {
            let here: bool = self
                .client
                .execute(
                    "const el = document.activeElement; return !!el && el.matches(arguments[0]);",
                    vec![json!(css)],
                )
                .await
                .unwrap()
                .as_bool()
                .unwrap_or(false);
            if here {
                return stops;
            }
            if back {
                self.press_shift_tab().await;
            } else {
                self.press(key::TAB).await;
            }
            let focus = self.focus().await;
            assert!(
                focus.visible,
                "on the way to {css}, the focus is not visible on {}",
                focus.what
            );
            stops.push(focus);
        }
        let path: Vec<&str> = stops.iter().map(|f| f.what.as_str()).collect();
        panic!("{css} not reached in {max} stops: {path:?}");
    }

    /// Runs axe-core on the page as it is now, for WCAG 2.0 and 2.1 at levels A and AA,
    /// and returns what it found.
    pub async fn axe_violations(&self) -> Vec<Violation> {
        let loaded = self
            .client
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .unwrap();
        if loaded != json!(true) {
            self.client
                .execute(&format!("{}\n;return true;", axe_source()), vec![])
                .await
                .expect("axe-core loads into the page");
        }
        let v = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.axe
                   .run(document, {
                     runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                     resultTypes: ['violations'],
                   })
                   .then(
                     (r) => done(r.violations.map((v) => ({
                       id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
                     }))),
                     (e) => done([{ id: 'axe-error', impact: null, help: String(e), nodes: [] }]),
                   );",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(v).unwrap()
    }

    /// When `MAATSTAF_E2E_SHOTS` names a folder, saves what the display shows there as
    /// `name` (cropped to the window). It captures the X display, not WebDriver's picture:
    /// that one hangs after keyboard input and shows no focus ring.
    pub async fn display_shot(&self, name: &str) {
        let Some(dir) = std::env::var_os("MAATSTAF_E2E_SHOTS") else {
            return;
        };
        // Let the focus ring and any transition paint first.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let out = Path::new(&dir).join(name);
        let status = Command::new("import")
            .args(["-window", "root", "-crop", "1200x800+0+0", "+repage"])
            .arg(&out)
            .status()
            .expect("ImageMagick's import runs");
        assert!(
            status.success(),
            "import could not capture {}",
            out.display()
        );
    }

    /// The process id of this app's tauri-driver; the app runs below it.
    pub fn driver_pid(&self) -> u32 {
        self.driver.0.id()
    }

    /// Ends the session (the app quits) and stops tauri-driver gently, so that it
    /// takes WebKitWebDriver with it; a SIGKILL would orphan that process.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
        drop(self.driver);
    }
}

/// XPath 1.0 has no escapes: quote with whichever quote the text lacks.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("\"{text}\"")
    }
}

fn stop(driver: &mut Child) {
    // WebKitWebDriver starts the app as its child; when a test panics before the session
    // is closed, stopping the drivers alone would leave the app running (and holding the
    // test's output open). So note the whole process tree first.
    let tree = descendants(driver.id());
    if let Ok(None) = driver.try_wait() {
        let _ = Command::new("kill")
            .args(["-TERM", &driver.id().to_string()])
            .status();
        let t0 = Instant::now();
        while let Ok(None) = driver.try_wait() {
            if t0.elapsed() > Duration::from_secs(10) {
                let _ = driver.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // The app's WebKit processes exit shortly after the session; give them that time
    // so the next test starts on a quiet machine and the database is closed.
    std::thread::sleep(Duration::from_millis(300));
    for pid in tree {
        if Path::new(&format!("/proc/{pid}")).exists() {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

/// Every process below `root`, read from /proc (children before their own children).
fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // The command name may hold spaces and parentheses; the fields after its last ')' do not.
            let ppid = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = Vec::new();
    let mut frontier = vec![root];
    while let Some(parent) = frontier.pop() {
        for &(pid, ppid) in &parents {
            if ppid == parent && !found.contains(&pid) {
                found.push(pid);
                frontier.push(pid);
            }
        }
    }
    found
}

/// Focuses the GTK file dialog titled `title`, presses `field_key` to reach the field
/// for a path, types `path` and presses Enter.
async fn answer_file_dialog(title: &str, path: &Path, field_key: &str) {
    let t0 = Instant::now();
    // The dialog is found once it is shown (mapped); focusing it can still fail for
    // a moment while it maps, so both are tried again until the test's wait is up.
    loop {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
            .output()
            .expect("xdotool runs (cargo xtask installs it)");
        let ids = String::from_utf8_lossy(&out.stdout);
        if let Some(id) = ids.lines().next() {
            // `--sync` waits for the focus; `timeout` keeps that wait short.
            let focused = Command::new("timeout")
                .args(["5", "xdotool", "windowfocus", "--sync", id.trim()])
                .stderr(Stdio::null())
                .status()
                .unwrap()
                .success();
            if focused {
                break;
            }
        }
        assert!(
            t0.elapsed() < WAIT,
            "no file dialog titled {title:?} took the focus"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Let the name field take the keyboard before typing.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let xdotool = |args: &[&str]| {
        let ok = Command::new("xdotool")
            .args(args)
            .status()
            .unwrap()
            .success();
        assert!(ok, "xdotool {args:?}");
    };
    xdotool(&["key", "--clearmodifiers", field_key]);
    xdotool(&["type", "--delay", "15", &path.display().to_string()]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "Return"]);
}
