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
    // The database opens (migrations, every team's log checked) on a thread of its own
    // while GTK and WebKit start, instead of holding up the window's event loop after.
    let opening = maatstaf_store::default_data_dir()
        .map(|dir| std::thread::spawn(move || AppState::open(started, dir)));
    tauri::Builder::default()
        // The save dialog and the opener are used from the app's own commands only: the
        // window gets no permission for them (capabilities/default.json stays empty),
        // and the opener does not turn links in the page into browser windows.
        .plugin(tauri_plugin_dialog::init())
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .setup(move |app| {
            let state = match opening {
                Some(thread) => thread
                    .join()
                    .map_err(|_| "opening the database stopped unexpectedly")?,
                None => AppState::open(started, app.path().app_data_dir()?),
            };
            app.manage(state);
            app.manage(state::Sessions::default());
            app.manage(commands::packages::PendingPackage::default());
            // An idle officer's session ends on the clock, not on their next click, and
            // the team's data key goes with it.
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(std::time::Duration::from_secs(2));
                handle.state::<state::Sessions>().seal_expired();
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::packages::exchange_status,
            commands::packages::save_round_package,
            commands::packages::save_reveal_package,
            commands::packages::import_team_package,
            commands::packages::resolve_package_conflict,
            commands::packages::revoke_assessor_key,
            commands::packages::receive_package,
            commands::packages::receive_pending_package,
            commands::packages::assignments,
            commands::packages::assignment,
            commands::packages::assignment_save_score,
            commands::packages::assignment_declare,
            commands::packages::assignment_submit,
            commands::packages::save_score_package,
            commands::packages::save_key_file,
            commands::packages::assignment_new_key,
            commands::app::app_status,
            commands::app::set_language,
            commands::app::first_paint,
            commands::app::finish_tour,
            commands::app::help_page,
            commands::access::access_view,
            commands::access::sign_in,
            commands::access::sign_out,
            commands::access::seal_team,
            commands::privacy::erase_candidate,
            commands::privacy::retention,
            commands::privacy::set_retention,
            commands::privacy::close_formation,
            commands::privacy::export_personal_copy,
            commands::privacy::export_processing_record,
            commands::access::grant_access,
            commands::access::seal_state,
            commands::access::passphrase_strength,
            commands::access::set_first_pin,
            commands::access::reset_pin,
            commands::access::set_officers_score,
            commands::teams::list_teams,
            commands::teams::team_detail,
            commands::teams::create_team,
            commands::teams::rename_team,
            commands::teams::deletion_impact,
            commands::teams::delete_team,
            commands::consistency::verify_ledgers,
            commands::consistency::consistency_view,
            commands::exports::export_logboek,
            commands::exports::list_exports,
            commands::exports::list_backups,
            commands::exports::delete_export,
            commands::exports::delete_backup,
            commands::report::report_preview,
            commands::report::export_report,
            commands::report::list_dissents,
            commands::report::record_dissent,
            commands::report::list_risk_analyses,
            commands::report::record_risk_analysis,
            commands::exports::open_export_folder,
            commands::exports::print_comparison,
            commands::consistency::open_logboek,
            commands::consistency::team_checkpoints,
            commands::rubrics::list_rubrics,
            commands::rubrics::rubric_templates,
            commands::rubrics::create_rubric_from_template,
            commands::rubrics::get_rubric,
            commands::rubrics::save_rubric_draft,
            commands::rubrics::lint_rubric_draft,
            commands::rubrics::import_rubric,
            commands::exports::export_rubric,
            commands::rubrics::freeze_rubric,
            commands::rubrics::new_rubric_version,
            commands::rubrics::diff_rubric_versions,
            commands::members::add_member,
            commands::members::update_member,
            commands::members::remove_member,
            commands::candidates::list_candidates,
            commands::candidates::intake_rubrics,
            commands::candidates::add_candidate,
            commands::candidates::candidate_identity,
            commands::candidates::material_review,
            commands::candidates::freeze_material,
            commands::candidates::candidate_removal,
            commands::candidates::delete_candidate,
            commands::scoring::scoring_screen,
            commands::scoring::round_view,
            commands::scoring::round_material,
            commands::scoring::open_round,
            commands::posts::list_posts,
            commands::posts::define_post,
            commands::posts::remove_post,
            commands::posts::open_round_for_posts,
            commands::posts::allocation_advice,
            commands::scoring::next_round_plan,
            commands::scoring::open_next_round,
            commands::scoring::save_score,
            commands::scoring::submit_sheet,
            commands::scoring::close_round,
            commands::scoring::reveal_round,
            commands::exports::export_comparison_html,
            commands::scoring::declare_conflict,
            commands::scoring::conflict_declarations,
            commands::scoring::set_conflict_rule,
            commands::scoring::override_conflict,
            commands::scoring::record_decision,
            commands::scoring::unblind,
            commands::scoring::unblinded_candidates,
            commands::scoring::own_party_leniency,
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
