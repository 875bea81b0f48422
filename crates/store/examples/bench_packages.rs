//! Times importing and merging score packages on the team's laptop.
//!
//! `cargo run --release -p maatstaf-store --example bench_packages -- [ASSESSORS] [CANDIDATES]`
//! prints `{"import_ms": …, "packages": N, "cells": M}`: the time to import N score
//! packages (each signed, encrypted, checked and replayed against the round) for a
//! round of M candidates on eight criteria. Making the packages is not timed.

use std::time::Instant;

use maatstaf_core::scoring::{RoundView, Score};
use maatstaf_store::assignments::Received;
use maatstaf_store::fixtures::exchange_round;
use maatstaf_store::Store;

const PASSPHRASE: &str = "zandduin lepelaar fietsbel winterpeen";

fn main() {
    let mut args = std::env::args().skip(1);
    let assessors: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let candidates: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let root = std::env::temp_dir().join(format!("maatstaf-bench-packages-{}", std::process::id()));
    let mut team_store =
        Store::open_in(&root.join("team")).unwrap_or_else(|e| fail(&e.to_string()));
    let (_team, chair, members) = exchange_round(&mut team_store, candidates, assessors);

    // Every assessor scores on a laptop of their own.
    let mut packages = Vec::new();
    let mut cells = 0;
    for (i, member) in members.iter().enumerate() {
        let round = team_store
            .write_round_package(&chair, 1, *member)
            .unwrap_or_else(|e| fail(&e.to_string()));
        let mut own = Store::open_in(&root.join(format!("own-{i}"))).unwrap();
        let Ok(Received::Assignment { summary }) =
            own.receive_package(&round.bytes, Some((PASSPHRASE, PASSPHRASE)))
        else {
            fail("the round package did not open");
        };
        let id = summary.id.unwrap();
        let RoundView::Scoring { work, .. } = own.assignment(id).unwrap().view else {
            fail("no work");
        };
        cells = work.cells.len();
        for (n, cell) in work.cells.into_iter().enumerate() {
            let score = Score {
                candidate: cell.candidate,
                criterion: cell.criterion,
                level: Some(1 + (n % 5) as u8),
                evidence: "Noemt twee concrete stappen en wie ze zet.".into(),
                reason: None,
            };
            own.assignment_save_score(id, score).unwrap();
        }
        own.assignment_submit(id, PASSPHRASE).unwrap();
        packages.push(own.assignment_score_package(id).unwrap().bytes);
    }

    let start = Instant::now();
    for bytes in &packages {
        team_store
            .import_team_package(&chair, bytes)
            .unwrap_or_else(|e| fail(&e.to_string()));
    }
    let import_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(team_store);
    let _ = std::fs::remove_dir_all(&root);
    println!(
        "{{\"import_ms\": {import_ms:.1}, \"packages\": {}, \"cells\": {cells}}}",
        packages.len()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("bench_packages: {message}");
    std::process::exit(2)
}
