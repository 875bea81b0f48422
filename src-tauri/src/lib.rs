//! The Maatstaf desktop shell: thin Tauri commands over `maatstaf-core` and
//! `maatstaf-store`. Commands translate between IPC and the crates; they decide nothing.

mod commands;
mod ipc_error;
mod state;

use std::time::Instant;

use tauri::Manager;

pub use ipc_error::IpcError;
use state::AppState;

pub fn run() {
    let started = Instant::now();
    tauri::Builder::default()
        .setup(move |app| {
            let data_dir = match maatstaf_store::default_data_dir() {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            app.manage(AppState::open(started, data_dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::set_language,
            commands::app::first_paint,
            commands::teams::list_teams,
            commands::teams::team_detail,
            commands::teams::create_team,
            commands::teams::rename_team,
            commands::teams::deletion_impact,
            commands::teams::delete_team,
            commands::training::list_modules,
            commands::training::module_view,
            commands::training::search_modules,
            commands::training::list_cases,
            commands::training::training_progress,
            commands::training::mark_module_read,
            commands::training::grade_exercise,
            commands::training::import_content,
            commands::training::remove_content,
            commands::training::start_session,
            commands::training::list_sessions,
            commands::training::session_sheet,
            commands::training::save_practice_score,
            commands::training::advance_session,
            commands::training::session_board,
            commands::training::training_status,
            commands::training::set_min_agreement,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
